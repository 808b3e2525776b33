#include "ScheduleClinic.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlQuery>
#include <QSysInfo>
#include <QtTest>

using namespace dermdesk;

// dermdesk-cli book | move | cancel | status | agenda | find-slots, run as a script would: every exit
// code (0 done, 2 invalid input, 3 refused by a rule, 4 not found, 5 storage) and a message on stderr
// that names the field or rule. Dates are relative to today, so "the past" and "the future" stay true.
class TestCliSchedule : public QObject
{
    Q_OBJECT

private:
    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
        [[nodiscard]] QJsonObject json() const { return QJsonDocument::fromJson(out.toUtf8()).object(); }
    };

    std::unique_ptr<test::TempDatabase> m_temp;
    // The environment every run of the command line gets.
    QProcessEnvironment m_environment = QProcessEnvironment::systemEnvironment();
    // A Monday 8 to 14 days ahead, and one three weeks ago.
    const QDate m_monday = QDate::currentDate().addDays(8 - QDate::currentDate().dayOfWeek() + 7);
    const QDate m_pastMonday = m_monday.addDays(-28);

    static QByteArray fileBytes(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    static QString program() { return QStringLiteral(DERMDESK_CLI_PATH); }

    Run cli(QStringList arguments, const QString &database = {})
    {
        arguments.prepend(database.isEmpty() ? m_temp->path() : database);
        arguments.prepend(QStringLiteral("--database"));
        QProcess process;
        process.setProcessEnvironment(m_environment);
        process.start(program(), arguments);
        if (!process.waitForFinished(30000))
            return {};
        return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
    }

    QString at(const QDate &date, const char *time) const
    {
        return date.toString(Qt::ISODate) + QLatin1Char('T') + QLatin1String(time);
    }

    // Books patient `patient` with Dr. Hiers (practitioner 1) for a treatment (type 1) and returns its id.
    qint64 book(int patient, const QString &start)
    {
        const Run run = cli({QStringLiteral("book"), QStringLiteral("--patient"), QString::number(patient),
                             QStringLiteral("--practitioner"), QStringLiteral("1"), QStringLiteral("--type"),
                             QStringLiteral("1"), QStringLiteral("--start"), start});
        return run.exitCode == 0 ? run.out.trimmed().toLongLong() : 0;
    }

private slots:
    void init()
    {
        m_temp = std::make_unique<test::TempDatabase>();
        QVERIFY(test::seedScheduleClinic(*m_temp));
        QVERIFY(test::screenFixturePatients(*m_temp, QDateTime::currentSecsSinceEpoch() - 86400));
        m_temp->close(); // the command line opens the file itself
        QVERIFY2(QFile::exists(program()), qPrintable(program()));
    }

    void cleanup() { m_temp.reset(); }

    void bookPrintsTheId()
    {
        const Run run = cli({QStringLiteral("book"), QStringLiteral("--patient"), QStringLiteral("1"),
                             QStringLiteral("--practitioner"), QStringLiteral("1"), QStringLiteral("--type"),
                             QStringLiteral("1"), QStringLiteral("--start"), at(m_monday, "09:00")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out.trimmed(), QStringLiteral("1"));
        QVERIFY(run.err.isEmpty());

        const Run json =
            cli({QStringLiteral("--json"), QStringLiteral("book"), QStringLiteral("--patient"), QStringLiteral("2"),
                 QStringLiteral("--practitioner"), QStringLiteral("2"), QStringLiteral("--type"), QStringLiteral("1"),
                 QStringLiteral("--start"), at(m_monday, "09:00")});
        QCOMPARE(json.exitCode, 0);
        QCOMPARE(json.json().value(QStringLiteral("id")).toInteger(), 2);
        QCOMPARE(json.json().value(QStringLiteral("room_id")).toInteger(), 2); // room 1 is taken at 09:00
        QVERIFY(json.json().value(QStringLiteral("start")).toString().startsWith(at(m_monday, "09:00:00")));
    }

    void bookRefusals_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("named");
        const auto args = [this](const char *patient, const char *practitioner, const char *type,
                                 const QString &start) {
            return QStringList{QStringLiteral("book"),
                               QStringLiteral("--patient"),
                               QLatin1String(patient),
                               QStringLiteral("--practitioner"),
                               QLatin1String(practitioner),
                               QStringLiteral("--type"),
                               QLatin1String(type),
                               QStringLiteral("--start"),
                               start};
        };
        QTest::newRow("no patient") << QStringList{QStringLiteral("book"), QStringLiteral("--practitioner"),
                                                   QStringLiteral("1"),    QStringLiteral("--type"),
                                                   QStringLiteral("1"),    QStringLiteral("--start"),
                                                   at(m_monday, "09:00")}
                                    << 2 << QStringLiteral("--patient");
        QTest::newRow("bad id") << args("x", "1", "1", at(m_monday, "09:00")) << 2 << QStringLiteral("--patient");
        QTest::newRow("bad start") << args("1", "1", "1", QStringLiteral("next monday")) << 2
                                   << QStringLiteral("--start");
        QTest::newRow("skipped by the clock change")
            << args("1", "1", "1", QStringLiteral("2026-03-08T02:30")) << 2 << QStringLiteral("--start");
        QTest::newRow("in the past") << args("1", "1", "1", at(m_pastMonday, "09:00")) << 2
                                     << QStringLiteral("[start]");
        QTest::newRow("outside working hours")
            << args("1", "1", "1", at(m_monday, "07:00")) << 3 << QStringLiteral("hours.");
        QTest::newRow("does not perform")
            << args("1", "2", "3", at(m_monday, "09:00")) << 3 << QStringLiteral("practitioner.type");
        QTest::newRow("unknown patient") << args("42", "1", "1", at(m_monday, "09:00")) << 4
                                         << QStringLiteral("[patient]");
        QTest::newRow("unknown type") << args("1", "1", "42", at(m_monday, "09:00")) << 4
                                      << QStringLiteral("[appointment_type]");
    }

    void bookRefusals()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, named);
        const Run run = cli(arguments);
        QCOMPARE(run.exitCode, exitCode);
        QVERIFY2(run.err.contains(named), qPrintable(run.err));
        QVERIFY(run.out.isEmpty());
    }

    void bookingTwiceIsRefusedByTheOverlapRule()
    {
        QVERIFY(book(1, at(m_monday, "10:00")));
        const Run run = cli({QStringLiteral("book"), QStringLiteral("--patient"), QStringLiteral("2"),
                             QStringLiteral("--practitioner"), QStringLiteral("1"), QStringLiteral("--type"),
                             QStringLiteral("2"), QStringLiteral("--start"), at(m_monday, "10:30")});
        QCOMPARE(run.exitCode, 3);
        QVERIFY2(run.err.contains(QLatin1String("overlap.practitioner")), qPrintable(run.err));
    }

    void aPastVisitNeedsAllowPast()
    {
        const Run run =
            cli({QStringLiteral("book"), QStringLiteral("--patient"), QStringLiteral("1"),
                 QStringLiteral("--practitioner"), QStringLiteral("1"), QStringLiteral("--type"), QStringLiteral("2"),
                 QStringLiteral("--start"), at(m_pastMonday, "09:00"), QStringLiteral("--allow-past")});
        QCOMPARE(run.exitCode, 0);
    }

    void aDamagedFileIsAStorageError_data()
    {
        QTest::addColumn<QStringList>("arguments");
        const QString day = m_monday.toString(Qt::ISODate);
        const QString start = at(m_monday, "09:00");
        QTest::newRow("book") << QStringList{QStringLiteral("book"),
                                             QStringLiteral("--patient"),
                                             QStringLiteral("1"),
                                             QStringLiteral("--practitioner"),
                                             QStringLiteral("1"),
                                             QStringLiteral("--type"),
                                             QStringLiteral("1"),
                                             QStringLiteral("--start"),
                                             start};
        QTest::newRow("move") << QStringList{QStringLiteral("move"), QStringLiteral("1"), QStringLiteral("--start"),
                                             start};
        QTest::newRow("cancel") << QStringList{QStringLiteral("cancel"), QStringLiteral("1"),
                                               QStringLiteral("--reason"), QStringLiteral("illness")};
        QTest::newRow("status") << QStringList{QStringLiteral("status"), QStringLiteral("1"),
                                               QStringLiteral("confirmed")};
        QTest::newRow("agenda") << QStringList{QStringLiteral("agenda"), QStringLiteral("--date"), day};
        QTest::newRow("find-slots") << QStringList{QStringLiteral("find-slots"),
                                                   QStringLiteral("--type"),
                                                   QStringLiteral("1"),
                                                   QStringLiteral("--from"),
                                                   day,
                                                   QStringLiteral("--to"),
                                                   day};
    }

    void aDamagedFileIsAStorageError()
    {
        QFETCH(QStringList, arguments);
        const QString garbage = m_temp->folder() + QStringLiteral("/garbage.dermdesk");
        QFile file(garbage);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(4096, 'x'));
        file.close();
        const Run damaged = cli(arguments, garbage);
        QCOMPARE(damaged.exitCode, 5);
        QVERIFY(!damaged.err.isEmpty());
        QCOMPARE(fileBytes(garbage), QByteArray(4096, 'x'));
        const Run missing = cli(arguments, m_temp->folder() + QStringLiteral("/none.dermdesk"));
        QCOMPARE(missing.exitCode, 4);
        QVERIFY(!QFile::exists(m_temp->folder() + QStringLiteral("/none.dermdesk")));
    }

    void moveKeepsTheIdAndOffersTheFreedTime()
    {
        const qint64 id = book(1, at(m_monday, "10:00"));
        QVERIFY(id);
        const Run run = cli({QStringLiteral("--json"), QStringLiteral("move"), QString::number(id),
                             QStringLiteral("--start"), at(m_monday, "14:00")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.json().value(QStringLiteral("id")).toInteger(), id);
        QVERIFY(run.json().value(QStringLiteral("start")).toString().startsWith(at(m_monday, "14:00:00")));
        QVERIFY(run.json().value(QStringLiteral("waitlist_offers")).isArray());

        QVERIFY(book(2, at(m_monday, "10:00")));
        const Run busy =
            cli({QStringLiteral("move"), QString::number(id), QStringLiteral("--start"), at(m_monday, "10:30")});
        QCOMPARE(busy.exitCode, 3);
        QVERIFY2(busy.err.contains(QLatin1String("overlap.practitioner")), qPrintable(busy.err));
        QCOMPARE(cli({QStringLiteral("move"), QStringLiteral("99"), QStringLiteral("--start"), at(m_monday, "15:00")})
                     .exitCode,
                 4);
        const Run noId = cli({QStringLiteral("move"), QStringLiteral("--start"), at(m_monday, "15:00")});
        QCOMPARE(noId.exitCode, 2);
        QVERIFY(noId.err.contains(QLatin1String("[ID]")));
        const Run noStart = cli({QStringLiteral("move"), QString::number(id)});
        QCOMPARE(noStart.exitCode, 2);
        QVERIFY(noStart.err.contains(QLatin1String("--start")));
    }

    void cancelNeedsAReason()
    {
        const qint64 id = book(1, at(m_monday, "10:00"));
        const Run noReason = cli({QStringLiteral("cancel"), QString::number(id)});
        QCOMPARE(noReason.exitCode, 2);
        QVERIFY(noReason.err.contains(QLatin1String("--reason")));
        const Run run = cli({QStringLiteral("--json"), QStringLiteral("cancel"), QString::number(id),
                             QStringLiteral("--reason"), QStringLiteral("illness: flu")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.json().value(QStringLiteral("status")).toString(), QStringLiteral("cancelled"));
        QCOMPARE(run.json().value(QStringLiteral("late_cancel")).toBool(), false);
        const Run again =
            cli({QStringLiteral("cancel"), QString::number(id), QStringLiteral("--reason"), QStringLiteral("clinic")});
        QCOMPARE(again.exitCode, 3);
        QVERIFY2(again.err.contains(QLatin1String("status.transition")), qPrintable(again.err));
        QCOMPARE(cli({QStringLiteral("cancel"), QStringLiteral("77"), QStringLiteral("--reason"),
                      QStringLiteral("clinic")})
                     .exitCode,
                 4);
    }

    void statusFollowsTheMachine()
    {
        const qint64 id = book(1, at(m_monday, "10:00"));
        const Run confirmed = cli({QStringLiteral("status"), QString::number(id), QStringLiteral("confirmed")});
        QCOMPARE(confirmed.exitCode, 0);
        QVERIFY(confirmed.out.contains(QLatin1String("confirmed")));
        const Run jump = cli({QStringLiteral("status"), QString::number(id), QStringLiteral("completed")});
        QCOMPARE(jump.exitCode, 3);
        QVERIFY2(jump.err.contains(QLatin1String("status.transition")), qPrintable(jump.err));
        const Run bogus = cli({QStringLiteral("status"), QString::number(id), QStringLiteral("done")});
        QCOMPARE(bogus.exitCode, 2);
        QVERIFY(bogus.err.contains(QLatin1String("[STATUS]")));
        const Run noReason = cli({QStringLiteral("status"), QString::number(id), QStringLiteral("cancelled")});
        QCOMPARE(noReason.exitCode, 2);
        QVERIFY(noReason.err.contains(QLatin1String("[reason]")));
        QCOMPARE(cli({QStringLiteral("status"), QString::number(id), QStringLiteral("cancelled"),
                      QStringLiteral("--reason"), QStringLiteral("patient_request")})
                     .exitCode,
                 0);
        QCOMPARE(cli({QStringLiteral("status"), QStringLiteral("55"), QStringLiteral("confirmed")}).exitCode, 4);
    }

    // Who changed an appointment, as the audit log and the status history record it: the account that ran the
    // command and this computer.
    void theAuditLogNamesWhoRanTheCommandAndWhere()
    {
        m_environment.insert(QStringLiteral("USER"), QStringLiteral("reception-2"));
        const qint64 id = book(1, at(m_monday, "10:00"));
        QVERIFY(id > 0);
        QCOMPARE(cli({QStringLiteral("status"), QString::number(id), QStringLiteral("confirmed")}).exitCode, 0);
        m_environment = QProcessEnvironment::systemEnvironment();

        auto database = m_temp->reopen();
        QVERIFY(database);
        QSqlQuery audit(database.value()->connection());
        audit.prepare(QStringLiteral("SELECT actor, workstation FROM audit_log WHERE entity = 'appointment' AND "
                                     "entity_id = ? ORDER BY id"));
        audit.addBindValue(id);
        QVERIFY(audit.exec());
        int rows = 0;
        while (audit.next()) {
            ++rows;
            QCOMPARE(audit.value(0).toString(), QStringLiteral("reception-2"));
            QCOMPARE(audit.value(1).toString(), QSysInfo::machineHostName());
        }
        QCOMPARE(rows, 2);
        QSqlQuery history(database.value()->connection());
        history.prepare(
            QStringLiteral("SELECT DISTINCT actor FROM appointment_status_change WHERE appointment_id = ?"));
        history.addBindValue(id);
        QVERIFY(history.exec() && history.next());
        QCOMPARE(history.value(0).toString(), QStringLiteral("reception-2"));
        QVERIFY(!history.next());
    }

    void agendaListsTheDayInLocalTime()
    {
        QVERIFY(book(1, at(m_monday, "10:00")));
        QVERIFY(book(2, at(m_monday, "13:00")));
        const Run run = cli({QStringLiteral("--json"), QStringLiteral("agenda"), QStringLiteral("--date"),
                             m_monday.toString(Qt::ISODate), QStringLiteral("--practitioner"), QStringLiteral("1")});
        QCOMPARE(run.exitCode, 0);
        const QJsonArray rows = run.json().value(QStringLiteral("appointments")).toArray();
        QCOMPARE(rows.size(), 2);
        const QJsonObject first = rows.first().toObject();
        QVERIFY(first.value(QStringLiteral("start")).toString().startsWith(at(m_monday, "10:00:00")));
        QVERIFY(first.value(QStringLiteral("end")).toString().startsWith(at(m_monday, "11:00:00")));
        QCOMPARE(first.value(QStringLiteral("patient")).toString(), QStringLiteral("Joanna Smith"));
        QCOMPARE(first.value(QStringLiteral("type")).toString(), QStringLiteral("Microneedling face"));
        QCOMPARE(first.value(QStringLiteral("room")).toString(), QStringLiteral("Room 1"));
        QCOMPARE(first.value(QStringLiteral("status")).toString(), QStringLiteral("booked"));

        const Run text = cli({QStringLiteral("agenda"), QStringLiteral("--date"), m_monday.toString(Qt::ISODate)});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains(QStringLiteral("10:00–11:00")), qPrintable(text.out));

        QCOMPARE(cli({QStringLiteral("agenda")}).exitCode, 2);
        QCOMPARE(cli({QStringLiteral("agenda"), QStringLiteral("--date"), QStringLiteral("2026-02-30")}).exitCode, 2);
        const Run unknown = cli({QStringLiteral("agenda"), QStringLiteral("--date"), m_monday.toString(Qt::ISODate),
                                 QStringLiteral("--practitioner"), QStringLiteral("9")});
        QCOMPARE(unknown.exitCode, 4);
        QVERIFY(unknown.err.contains(QLatin1String("[practitioner]")));
    }

    void findSlots()
    {
        const Run run = cli({QStringLiteral("--json"), QStringLiteral("find-slots"), QStringLiteral("--type"),
                             QStringLiteral("1"), QStringLiteral("--practitioner"), QStringLiteral("1"),
                             QStringLiteral("--from"), m_monday.toString(Qt::ISODate), QStringLiteral("--to"),
                             m_monday.toString(Qt::ISODate), QStringLiteral("--count"), QStringLiteral("3")});
        QCOMPARE(run.exitCode, 0);
        const QJsonArray offered = run.json().value(QStringLiteral("slots")).toArray();
        QCOMPARE(offered.size(), 3);
        QVERIFY(
            offered.first().toObject().value(QStringLiteral("start")).toString().startsWith(at(m_monday, "09:00:00")));
        QCOMPARE(offered.first().toObject().value(QStringLiteral("room")).toString(), QStringLiteral("Room 1"));

        const auto findSlots = [this](const QStringList &more) {
            return cli(QStringList{QStringLiteral("find-slots")} + more);
        };
        const QString day = m_monday.toString(Qt::ISODate);
        QCOMPARE(findSlots({QStringLiteral("--type"), QStringLiteral("1"), QStringLiteral("--to"), day}).exitCode, 2);
        QCOMPARE(findSlots({QStringLiteral("--type"), QStringLiteral("1"), QStringLiteral("--from"), day,
                            QStringLiteral("--to"), day, QStringLiteral("--count"), QStringLiteral("0")})
                     .exitCode,
                 2);
        QCOMPARE(findSlots({QStringLiteral("--type"), QStringLiteral("9"), QStringLiteral("--from"), day,
                            QStringLiteral("--to"), day})
                     .exitCode,
                 4);
        const Run refused =
            findSlots({QStringLiteral("--type"), QStringLiteral("3"), QStringLiteral("--practitioner"),
                       QStringLiteral("2"), QStringLiteral("--from"), day, QStringLiteral("--to"), day});
        QCOMPARE(refused.exitCode, 3);
        QVERIFY(refused.err.contains(QLatin1String("practitioner.type")));
    }
};

QTEST_GUILESS_MAIN(TestCliSchedule)
#include "tst_cli_schedule.moc"
