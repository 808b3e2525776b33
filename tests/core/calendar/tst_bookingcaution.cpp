#include "FakeClock.h"
#include "ScheduleClinic.h"
#include "calendar/BookingService.h"
#include "clinic/ClinicRepository.h"
#include "common/TimeFormat.h"
#include "patients/ScreeningRepository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace dermdesk;
using test::newYorkAt;

// Booking a treatment session where screening caution rules apply needs an acknowledgement with a reason,
// judged on the appointment's date; a stop refuses whatever the acknowledgement. "Now" is Thursday
// 2026-11-26 09:00 in New York; the patient (Wei Wang, 4) answers the screening now.
class TestBookingCaution : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::TempDatabase> m_temp;
    test::FakeClock m_clock;
    std::unique_ptr<BookingService> m_repo;

    qint64 count(const QString &sql) { return m_temp->scalar(sql).toLongLong(); }

    QString outcome(const Result<Appointment> &result)
    {
        return result ? QStringLiteral("booked") : result.error().code();
    }

private slots:
    void init()
    {
        m_temp = std::make_unique<test::TempDatabase>();
        QVERIFY(m_temp->isValid());
        QVERIFY(test::seedScheduleClinic(*m_temp));
        m_clock.set(QDateTime(QDate(2026, 11, 26), QTime(14, 0), Qt::UTC));
        m_repo = std::make_unique<BookingService>(m_temp->database(), m_clock);
    }

    void cleanup()
    {
        m_repo.reset();
        m_temp.reset();
    }

    void cautionsNeedAnAcknowledgement_data()
    {
        QTest::addColumn<int>("question"); // 0: the patient has never been screened
        QTest::addColumn<bool>("yes");
        QTest::addColumn<QDate>("eventDate");
        QTest::addColumn<qint64>("type");
        QTest::addColumn<QDate>("date");
        QTest::addColumn<QString>("withoutAcknowledgement");
        QTest::addColumn<QString>("withAcknowledgement");
        QTest::addColumn<QString>("ruleName");

        const QString booked = QStringLiteral("booked");
        const QString caution = QStringLiteral("rule.screening.caution");
        const QString stop = QStringLiteral("rule.screening.stop");
        const QDate tuesday(2026, 12, 1);
        QTest::newRow("caution without look-back") << 4 << true << QDate() << qint64(1) << tuesday << caution << booked
                                                   << QStringLiteral("Anticoagulants or bleeding disorder");
        QTest::newRow("caution answered no")
            << 4 << false << QDate() << qint64(1) << tuesday << booked << booked << QString();
        QTest::newRow("consultation is not a session")
            << 4 << true << QDate() << qint64(2) << tuesday << booked << booked << QString();
        // Neurotoxin on 2026-11-25, caution within 14 days of the appointment's date (not of today).
        QTest::newRow("look-back day 13") << 12 << true << QDate(2026, 11, 25) << qint64(1) << QDate(2026, 12, 8)
                                          << caution << booked << QStringLiteral("Neurotoxin within 14 days");
        QTest::newRow("look-back day 14 is clear")
            << 12 << true << QDate(2026, 11, 25) << qint64(1) << QDate(2026, 12, 9) << booked << booked << QString();
        QTest::newRow("look-back unknown date") << 12 << true << QDate() << qint64(1) << QDate(2027, 1, 5) << caution
                                                << booked << QStringLiteral("Neurotoxin within 14 days");
        // Screening answered today; valid for 90 days counted to the appointment's date.
        QTest::newRow("screening 90 days old")
            << 1 << false << QDate() << qint64(1) << QDate(2027, 2, 24) << booked << booked << QString();
        QTest::newRow("screening 91 days old") << 1 << false << QDate() << qint64(1) << QDate(2027, 2, 25) << caution
                                               << booked << QStringLiteral("Screening out of date");
        QTest::newRow("never screened is a caution")
            << 0 << false << QDate() << qint64(1) << tuesday << caution << booked << QStringLiteral("No screening");
        QTest::newRow("never screened, consultation")
            << 0 << false << QDate() << qint64(2) << tuesday << booked << booked << QString();
        QTest::newRow("stop refuses even acknowledged") << 3 << true << QDate(2026, 11, 2) << qint64(1) << tuesday
                                                        << stop << stop << QStringLiteral("Isotretinoin");
    }

    void cautionsNeedAnAcknowledgement()
    {
        QFETCH(int, question);
        QFETCH(bool, yes);
        QFETCH(QDate, eventDate);
        QFETCH(qint64, type);
        QFETCH(QDate, date);
        QFETCH(QString, withoutAcknowledgement);
        QFETCH(QString, withAcknowledgement);
        QFETCH(QString, ruleName);

        if (question > 0) {
            ScreeningAnswer answer;
            answer.questionId = question;
            answer.yes = yes;
            answer.eventDate = eventDate;
            QVERIFY(ScreeningRepository(m_temp->database(), m_clock).recordAnswers(4, {answer}));
        }
        const qint64 appointments = count(QStringLiteral("SELECT count(*) FROM appointment"));
        const qint64 audits = count(QStringLiteral("SELECT count(*) FROM audit_log"));

        BookingRequest request = test::bookingRequest(4, 1, type, newYorkAt(date, 9));
        QCOMPARE(outcome(m_repo->preview(request)), withoutAcknowledgement);
        auto refused = m_repo->book(request);
        QCOMPARE(outcome(refused), withoutAcknowledgement);
        if (!refused) {
            QVERIFY2(refused.error().message().contains(ruleName), qPrintable(refused.error().message()));
            QCOMPARE(refused.error().exitCode(), 3);
            QCOMPARE(count(QStringLiteral("SELECT count(*) FROM appointment")), appointments);
            QCOMPARE(count(QStringLiteral("SELECT count(*) FROM audit_log")), audits);
        } else {
            QCOMPARE(count(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'screening.acknowledged'")),
                     0);
            return;
        }

        request.acknowledgement = QStringLiteral("  Discussed with Dr. Hiers; INR checked  ");
        QCOMPARE(outcome(m_repo->preview(request)), withAcknowledgement);
        auto booked = m_repo->book(request);
        QCOMPARE(outcome(booked), withAcknowledgement);
        if (!booked) {
            QCOMPARE(count(QStringLiteral("SELECT count(*) FROM appointment")), appointments);
            return;
        }
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM appointment")), appointments + 1);
        QSqlQuery query(m_temp->database().connection());
        QVERIFY(query.exec(QStringLiteral("SELECT entity, entity_id, details FROM audit_log "
                                          "WHERE action = 'screening.acknowledged'")));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toString(), QStringLiteral("appointment"));
        QCOMPARE(query.value(1).toLongLong(), booked.value().id);
        const QJsonObject details = QJsonDocument::fromJson(query.value(2).toString().toUtf8()).object();
        QCOMPARE(details.value(QStringLiteral("reason")).toString(),
                 QStringLiteral("Discussed with Dr. Hiers; INR checked"));
        QCOMPARE(details.value(QStringLiteral("date")).toString(), date.toString(Qt::ISODate));
        QCOMPARE(details.value(QStringLiteral("patient_id")).toInteger(), 4);
        const QJsonArray rules = details.value(QStringLiteral("rules")).toArray();
        QCOMPARE(rules.size(), 1);
        QCOMPARE(rules.first().toObject().value(QStringLiteral("name")).toString(), ruleName);
        QVERIFY(!query.next());
    }

    void aBlankAcknowledgementIsNone()
    {
        ScreeningAnswer answer;
        answer.questionId = 8; // diabetes or immune suppression: caution
        answer.yes = true;
        QVERIFY(ScreeningRepository(m_temp->database(), m_clock).recordAnswers(4, {answer}));
        BookingRequest request = test::bookingRequest(4, 1, 1, newYorkAt(QDate(2026, 12, 1), 9));
        request.acknowledgement = QStringLiteral("   ");
        auto refused = m_repo->book(request);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code(), QStringLiteral("rule.screening.caution"));
    }

    void everyCautionIsNamedAndAudited()
    {
        ScreeningAnswer diabetes;
        diabetes.questionId = 8;
        diabetes.yes = true;
        ScreeningAnswer allergy;
        allergy.questionId = 15;
        allergy.yes = true;
        QVERIFY(ScreeningRepository(m_temp->database(), m_clock).recordAnswers(4, {diabetes, allergy}));
        BookingRequest request = test::bookingRequest(4, 1, 1, newYorkAt(QDate(2026, 12, 1), 9));
        auto refused = m_repo->book(request);
        QVERIFY(!refused);
        QVERIFY(refused.error().message().contains(QStringLiteral("Diabetes or immune suppression")));
        QVERIFY(refused.error().message().contains(QStringLiteral("Metal or lidocaine allergy")));
        request.acknowledgement = QStringLiteral("Nickel-free needles");
        QVERIFY(m_repo->book(request));
        const QJsonObject details =
            QJsonDocument::fromJson(m_temp
                                        ->scalar(QStringLiteral("SELECT details FROM audit_log "
                                                                "WHERE action = 'screening.acknowledged'"))
                                        .toString()
                                        .toUtf8())
                .object();
        QCOMPARE(details.value(QStringLiteral("rules")).toArray().size(), 2);
    }

    void theClinicCanMakeUnscreenedAStop_data()
    {
        QTest::addColumn<bool>("screened"); // false: never screened; true: answered today, so out of date in 91 days
        QTest::addColumn<QDate>("date");
        QTest::addColumn<QString>("ruleName");
        QTest::newRow("never screened") << false << QDate(2026, 12, 1) << QStringLiteral("No screening");
        QTest::newRow("out of date") << true << QDate(2027, 2, 25) << QStringLiteral("Screening out of date");
    }

    void theClinicCanMakeUnscreenedAStop()
    {
        QFETCH(bool, screened);
        QFETCH(QDate, date);
        QFETCH(QString, ruleName);
        ClinicRepository clinic(m_temp->database(), m_clock);
        ClinicSettings settings = clinic.settings().value().value();
        settings.unscreenedPolicy = ClinicSettings::UnscreenedPolicy::Stop;
        QVERIFY(clinic.saveSettings(settings));
        if (screened) {
            ScreeningAnswer answer;
            answer.questionId = 1;
            answer.yes = false;
            QVERIFY(ScreeningRepository(m_temp->database(), m_clock).recordAnswers(4, {answer}));
        }
        BookingRequest request = test::bookingRequest(4, 1, 1, newYorkAt(date, 9));
        request.acknowledgement = QStringLiteral("Patient insists");
        auto refused = m_repo->book(request);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code(), QStringLiteral("rule.screening.stop"));
        QVERIFY2(refused.error().message().contains(ruleName), qPrintable(refused.error().message()));
        QVERIFY2(refused.error().message().contains(QStringLiteral("once the")), qPrintable(refused.error().message()));
        // A consultation needs no screening, whatever the clinic's choice.
        QVERIFY(m_repo->book(test::bookingRequest(4, 1, 2, newYorkAt(date, 11))));
    }

    void aStopNamesTheDateItClears()
    {
        ScreeningAnswer isotretinoin;
        isotretinoin.questionId = 3; // stop within 180 days of the last dose
        isotretinoin.yes = true;
        isotretinoin.eventDate = QDate(2026, 11, 2);
        QVERIFY(ScreeningRepository(m_temp->database(), m_clock).recordAnswers(4, {isotretinoin}));
        auto refused = m_repo->book(test::bookingRequest(4, 1, 1, newYorkAt(QDate(2026, 12, 1), 9)));
        QVERIFY(!refused);
        const QString clears = shortDateText(QDate(2027, 5, 1));
        QVERIFY2(refused.error().message().contains(QStringLiteral("clears on %1").arg(clears)),
                 qPrintable(refused.error().message()));
        QVERIFY(!refused.error().message().contains(QStringLiteral("2027-05-01")));

        ScreeningAnswer pregnancy;
        pregnancy.questionId = 5; // a stop with no look-back: nothing dates its end
        pregnancy.yes = true;
        ScreeningAnswer noIsotretinoin;
        noIsotretinoin.questionId = 3;
        QVERIFY(ScreeningRepository(m_temp->database(), m_clock).recordAnswers(4, {pregnancy, noIsotretinoin}));
        refused = m_repo->book(test::bookingRequest(4, 1, 1, newYorkAt(QDate(2026, 12, 1), 9)));
        QVERIFY(!refused);
        QVERIFY2(refused.error().message().contains(QStringLiteral("no end date")),
                 qPrintable(refused.error().message()));
    }

    void movingASessionToAnotherDayAsksAgain()
    {
        // Never screened: booked on Tuesday with a reason.
        BookingRequest request = test::bookingRequest(4, 1, 1, newYorkAt(QDate(2026, 12, 1), 9));
        request.acknowledgement = QStringLiteral("Screening form at the desk");
        auto booked = m_repo->book(request);
        QVERIFY(booked);
        const QString acknowledged =
            QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'screening.acknowledged'");
        QCOMPARE(count(acknowledged), 1);
        // Later the same day: the booking's acknowledgement covers the date.
        RescheduleRequest sameDay;
        sameDay.startsAt = newYorkAt(QDate(2026, 12, 1), 10);
        QVERIFY(m_repo->reschedule(booked.value().id, sameDay));
        // Another day asks again, names the rule, and moves nothing without a reason.
        RescheduleRequest nextDay;
        nextDay.startsAt = newYorkAt(QDate(2026, 12, 2), 10);
        auto refused = m_repo->reschedule(booked.value().id, nextDay);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code(), QStringLiteral("rule.screening.caution"));
        QVERIFY(refused.error().message().contains(QStringLiteral("No screening")));
        QCOMPARE(m_repo->appointments().find(booked.value().id).value().startsAt, newYorkAt(QDate(2026, 12, 1), 10));
        nextDay.acknowledgement = QStringLiteral("Still waiting for the form");
        QVERIFY(m_repo->reschedule(booked.value().id, nextDay));
        QCOMPARE(count(acknowledged), 2);
        const QString details = m_temp
                                    ->scalar(QStringLiteral("SELECT details FROM audit_log WHERE action = "
                                                            "'screening.acknowledged' ORDER BY id DESC LIMIT 1"))
                                    .toString();
        QCOMPARE(QJsonDocument::fromJson(details.toUtf8()).object().value(QLatin1String("date")).toString(),
                 QStringLiteral("2026-12-02"));
    }

    void anOccupiedSlotIsReportedBeforeTheCaution()
    {
        ScreeningAnswer diabetes;
        diabetes.questionId = 8;
        diabetes.yes = true;
        QVERIFY(ScreeningRepository(m_temp->database(), m_clock).recordAnswers(4, {diabetes}));
        QVERIFY(m_repo->book(test::bookingRequest(1, 1, 2, newYorkAt(QDate(2026, 12, 1), 9))));
        auto refused = m_repo->book(test::bookingRequest(4, 1, 1, newYorkAt(QDate(2026, 12, 1), 9)));
        QVERIFY(!refused);
        QCOMPARE(refused.error().code(), QStringLiteral("rule.overlap.practitioner"));
    }
};

QTEST_GUILESS_MAIN(TestBookingCaution)
#include "tst_bookingcaution.moc"
