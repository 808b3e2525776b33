#include "CliRun.h"
#include "ScheduleClinic.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QtTest>

using namespace dermdesk;
using test::CliRun;

// dermdesk-cli and screening, as a script would meet it: a treatment session for a patient nobody screened is a
// caution (exit 3 naming the rule) until --acknowledge gives a reason, which is audited; consultations need no
// screening; a move to another day asks again; the clinic can make missing screening a stop; find-slots leaves
// out the days a stop covers and says so. Dates are relative to today.
class TestCliScreening : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::TempDatabase> m_temp;
    // A Monday 8 to 14 days ahead.
    const QDate m_monday = QDate::currentDate().addDays(8 - QDate::currentDate().dayOfWeek() + 7);

    CliRun cli(const QStringList &arguments) { return CliRun::run(m_temp->path(), arguments); }

    static QString at(const QDate &date, const char *time)
    {
        return date.toString(Qt::ISODate) + QLatin1Char('T') + QLatin1String(time);
    }

    // Books Wei Wang (patient 4, never screened) with Dr. Hiers; `type` 1 is a treatment, 2 a consultation.
    CliRun book(int type, const QString &start, const QStringList &more = {})
    {
        return cli(QStringList{QStringLiteral("book"), QStringLiteral("--patient"), QStringLiteral("4"),
                               QStringLiteral("--practitioner"), QStringLiteral("1"), QStringLiteral("--type"),
                               QString::number(type), QStringLiteral("--start"), start}
                   + more);
    }

    QVariant scalar(const QString &sql)
    {
        auto opened = m_temp->reopen();
        if (!opened)
            return {};
        QSqlQuery query(opened.value()->connection());
        return query.exec(sql) && query.next() ? query.value(0) : QVariant();
    }

    qint64 count(const QString &sql) { return scalar(sql).toLongLong(); }

private slots:
    void init()
    {
        m_temp = std::make_unique<test::TempDatabase>();
        QVERIFY(test::seedScheduleClinic(*m_temp));
    }

    void cleanup() { m_temp.reset(); }

    void aNeverScreenedPatientsTreatmentNeedsAnAcknowledgement()
    {
        m_temp->close();
        const CliRun refused = book(1, at(m_monday, "09:00"));
        QCOMPARE(refused.exitCode, 3);
        QVERIFY2(refused.err.contains(QLatin1String("No screening")), qPrintable(refused.err));
        QVERIFY2(refused.err.contains(QLatin1String("screening.caution")), qPrintable(refused.err));
        QVERIFY2(refused.err.contains(QLatin1String("--acknowledge REASON")), qPrintable(refused.err));
        QVERIFY(refused.out.isEmpty());
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM appointment")), 0);

        const CliRun blank = book(1, at(m_monday, "09:00"), {QStringLiteral("--acknowledge"), QStringLiteral(" ")});
        QCOMPARE(blank.exitCode, 2);

        const CliRun booked = book(1, at(m_monday, "09:00"),
                                   {QStringLiteral("--acknowledge"), QStringLiteral("Form filled in at the desk")});
        QCOMPARE(booked.exitCode, 0);
        const qint64 id = booked.out.trimmed().toLongLong();
        QVERIFY(id > 0);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'screening.acknowledged' AND "
                                      "entity = 'appointment' AND entity_id = %1")
                           .arg(id)),
                 1);
        const QJsonObject details =
            QJsonDocument::fromJson(scalar(QStringLiteral("SELECT details FROM audit_log WHERE action = "
                                                          "'screening.acknowledged' AND entity_id = %1")
                                               .arg(id))
                                        .toString()
                                        .toUtf8())
                .object();
        QCOMPARE(details.value(QLatin1String("reason")).toString(), QStringLiteral("Form filled in at the desk"));
        QCOMPARE(
            details.value(QLatin1String("rules")).toArray().at(0).toObject().value(QLatin1String("code")).toString(),
            QStringLiteral("screening.missing"));
    }

    void aConsultationNeedsNoScreening()
    {
        m_temp->close();
        const CliRun booked = book(2, at(m_monday, "09:00"));
        QCOMPARE(booked.exitCode, 0);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'screening.acknowledged'")), 0);
    }

    void movingToAnotherDayAsksAgain()
    {
        m_temp->close();
        const CliRun booked =
            book(1, at(m_monday, "09:00"), {QStringLiteral("--acknowledge"), QStringLiteral("Form at the desk")});
        QCOMPARE(booked.exitCode, 0);
        const QString id = booked.out.trimmed();
        // The same day: the booking's acknowledgement covers it.
        QCOMPARE(cli({QStringLiteral("move"), id, QStringLiteral("--start"), at(m_monday, "10:00")}).exitCode, 0);
        const QDate tuesday = m_monday.addDays(1);
        const CliRun refused = cli({QStringLiteral("move"), id, QStringLiteral("--start"), at(tuesday, "10:00")});
        QCOMPARE(refused.exitCode, 3);
        QVERIFY2(refused.err.contains(QLatin1String("No screening")), qPrintable(refused.err));
        const CliRun moved = cli({QStringLiteral("move"), id, QStringLiteral("--start"), at(tuesday, "10:00"),
                                  QStringLiteral("--acknowledge"), QStringLiteral("Still waiting for the form")});
        QCOMPARE(moved.exitCode, 0);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'screening.acknowledged'")), 2);
    }

    void theClinicCanMakeMissingScreeningAStop()
    {
        QVERIFY(test::runAll(m_temp->database(),
                             {QStringLiteral("UPDATE clinic_settings SET unscreened_policy = 'stop'")}));
        m_temp->close();
        const CliRun refused =
            book(1, at(m_monday, "09:00"), {QStringLiteral("--acknowledge"), QStringLiteral("Patient insists")});
        QCOMPARE(refused.exitCode, 3);
        QVERIFY2(refused.err.contains(QLatin1String("screening.stop")), qPrintable(refused.err));
        QVERIFY2(refused.err.contains(QLatin1String("once the patient is screened")), qPrintable(refused.err));
        QCOMPARE(book(2, at(m_monday, "09:00")).exitCode, 0);
    }

    void findSlotsLeavesOutTheDaysAStopCovers()
    {
        // The last isotretinoin dose 175 days before Monday: a stop until 180 days after it, Saturday.
        const QDate dose = m_monday.addDays(-175);
        QVERIFY(test::screenAsClear(*m_temp, {4}, QDateTime::currentSecsSinceEpoch()));
        QVERIFY(test::runAll(m_temp->database(),
                             {QStringLiteral("INSERT INTO screening_answer (patient_id, question_id, answer, "
                                             "event_date, answered_at) VALUES (4, 3, 1, '%1', %2)")
                                  .arg(dose.toString(Qt::ISODate))
                                  .arg(QDateTime::currentSecsSinceEpoch() + 1)}));
        m_temp->close();
        const CliRun run =
            cli({QStringLiteral("--json"), QStringLiteral("find-slots"), QStringLiteral("--type"), QStringLiteral("1"),
                 QStringLiteral("--practitioner"), QStringLiteral("1"), QStringLiteral("--patient"),
                 QStringLiteral("4"), QStringLiteral("--from"), m_monday.toString(Qt::ISODate), QStringLiteral("--to"),
                 m_monday.addDays(7).toString(Qt::ISODate), QStringLiteral("--count"), QStringLiteral("1")});
        QCOMPARE(run.exitCode, 0);
        const QJsonArray offered = run.json().value(QStringLiteral("slots")).toArray();
        QCOMPARE(offered.size(), 1);
        // Saturday is the first day clear of the stop; Dr. Hiers works 09:00-13:00 then.
        QVERIFY2(offered.first()
                     .toObject()
                     .value(QStringLiteral("start"))
                     .toString()
                     .startsWith(at(m_monday.addDays(5), "09:00")),
                 qPrintable(run.out));
        const QJsonArray leftOut = run.json().value(QStringLiteral("left_out")).toArray();
        QCOMPARE(leftOut.size(), 1);
        const QJsonObject run0 = leftOut.first().toObject();
        QCOMPARE(run0.value(QStringLiteral("from")).toString(), m_monday.toString(Qt::ISODate));
        QCOMPARE(run0.value(QStringLiteral("to")).toString(), m_monday.addDays(4).toString(Qt::ISODate));
        QCOMPARE(run0.value(QStringLiteral("rule")).toString(), QStringLiteral("Isotretinoin within 180 days"));
        QCOMPARE(run0.value(QStringLiteral("clears_on")).toString(), m_monday.addDays(5).toString(Qt::ISODate));

        const CliRun plain = cli({QStringLiteral("find-slots"), QStringLiteral("--type"), QStringLiteral("1"),
                                  QStringLiteral("--practitioner"), QStringLiteral("1"), QStringLiteral("--patient"),
                                  QStringLiteral("4"), QStringLiteral("--from"), m_monday.toString(Qt::ISODate),
                                  QStringLiteral("--to"), m_monday.addDays(7).toString(Qt::ISODate)});
        QCOMPARE(plain.exitCode, 0);
        QVERIFY2(plain.out.contains(QLatin1String("Left out for screening stops")), qPrintable(plain.out));
        QVERIFY2(plain.out.contains(QLatin1String("Isotretinoin within 180 days")), qPrintable(plain.out));
    }
};

QTEST_GUILESS_MAIN(TestCliScreening)
#include "tst_cli_screening.moc"
