#include "ScheduleClinic.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>

using namespace dermdesk;

// dermdesk-cli plan create | propose | book and recall, run as a script would: ids on stdout, JSON with
// --json, exit codes 0 / 2 (bad input, naming the option or field) / 3 (refused by a rule) / 4 (not found).
// The command line works from today's date, so the tests only assert what holds whatever today is.
class TestCliPlan : public QObject
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

    static QString program() { return QStringLiteral(DERMDESK_CLI_PATH); }

    Run cli(QStringList arguments)
    {
        arguments.prepend(m_temp->path());
        arguments.prepend(QStringLiteral("--database"));
        QProcess process;
        process.start(program(), arguments);
        if (!process.waitForFinished(30000))
            return {};
        return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
    }

    Run create(const QString &sessions = QStringLiteral("4"), const QString &interval = QStringLiteral("4-6"),
               const QString &patient = QStringLiteral("1"), const QString &areas = QStringLiteral("face:1.0,neck:0.5"))
    {
        return cli({QStringLiteral("plan"), QStringLiteral("create"), QStringLiteral("--patient"), patient,
                    QStringLiteral("--type"), QStringLiteral("1"), QStringLiteral("--practitioner"),
                    QStringLiteral("1"), QStringLiteral("--sessions"), sessions, QStringLiteral("--interval-weeks"),
                    interval, QStringLiteral("--concerns"), QStringLiteral("acne scars"), QStringLiteral("--areas"),
                    areas});
    }

private slots:
    void init()
    {
        m_temp = std::make_unique<test::TempDatabase>();
        QVERIFY(test::seedScheduleClinic(*m_temp));
        QVERIFY(test::screenFixturePatients(*m_temp, QDateTime::currentSecsSinceEpoch() - 86400, 365));
        m_temp->close();
        QVERIFY2(QFile::exists(program()), qPrintable(program()));
    }

    void cleanup() { m_temp.reset(); }

    void createProposeAndBookACourse()
    {
        const Run created = create();
        QCOMPARE(created.exitCode, 0);
        QCOMPARE(created.out.trimmed(), QStringLiteral("1"));

        const Run proposed =
            cli({QStringLiteral("--json"), QStringLiteral("plan"), QStringLiteral("propose"), QStringLiteral("1")});
        QCOMPARE(proposed.exitCode, 0);
        const QJsonArray sessions = proposed.json().value(QStringLiteral("sessions")).toArray();
        QCOMPARE(sessions.size(), 4);
        QCOMPARE(sessions.at(0).toObject().value(QStringLiteral("timing")).toString(), QStringLiteral("first"));
        for (int i = 1; i < 4; ++i) {
            const QJsonObject s = sessions.at(i).toObject();
            QCOMPARE(s.value(QStringLiteral("timing")).toString(), QStringLiteral("in_window"));
            const QDate start = QDateTime::fromString(s.value(QStringLiteral("start")).toString(), Qt::ISODate).date();
            const QDate previous =
                QDateTime::fromString(sessions.at(i - 1).toObject().value(QStringLiteral("start")).toString(),
                                      Qt::ISODate)
                    .date();
            QVERIFY(previous.daysTo(start) >= 28 && previous.daysTo(start) <= 42);
        }

        const Run booked =
            cli({QStringLiteral("--json"), QStringLiteral("plan"), QStringLiteral("book"), QStringLiteral("1")});
        QCOMPARE(booked.exitCode, 0);
        QCOMPARE(booked.json().value(QStringLiteral("appointment_ids")).toArray().size(), 4);

        const Run again = cli({QStringLiteral("plan"), QStringLiteral("book"), QStringLiteral("1")});
        QCOMPARE(again.exitCode, 3);
        QVERIFY2(again.err.contains(QStringLiteral("rule.plan.complete"))
                     || again.err.contains(QStringLiteral("booked")),
                 qPrintable(again.err));
    }

    void badInputNamesTheField_data()
    {
        QTest::addColumn<QString>("sessions");
        QTest::addColumn<QString>("interval");
        QTest::addColumn<QString>("areas");
        QTest::addColumn<QString>("named");
        QTest::newRow("zero sessions") << "0"
                                       << "4-6"
                                       << "face:1.0"
                                       << "--sessions";
        QTest::newRow("min above max") << "4"
                                       << "6-4"
                                       << "face:1.0"
                                       << "minimum";
        QTest::newRow("not an interval") << "4"
                                         << "four"
                                         << "face:1.0"
                                         << "--interval-weeks";
        QTest::newRow("too deep") << "4"
                                  << "4-6"
                                  << "face:3.5"
                                  << "between 0.25 mm and 3.0 mm";
    }

    void badInputNamesTheField()
    {
        QFETCH(QString, sessions);
        QFETCH(QString, interval);
        QFETCH(QString, areas);
        QFETCH(QString, named);
        const Run run = create(sessions, interval, QStringLiteral("1"), areas);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(named), qPrintable(run.err));
        QVERIFY(run.out.isEmpty());
    }

    void unknownPatientOrPlan()
    {
        QCOMPARE(create(QStringLiteral("4"), QStringLiteral("4-6"), QStringLiteral("99")).exitCode, 4);
        const Run missing = cli({QStringLiteral("plan"), QStringLiteral("propose"), QStringLiteral("7")});
        QCOMPARE(missing.exitCode, 4);
        QVERIFY(missing.err.contains(QStringLiteral("7")));
        QCOMPARE(cli({QStringLiteral("plan"), QStringLiteral("book")}).exitCode, 2);
    }

    void recallListsAPlanWithNothingBooked()
    {
        QCOMPARE(create(QStringLiteral("2")).exitCode, 0);
        const Run booked =
            cli({QStringLiteral("--json"), QStringLiteral("plan"), QStringLiteral("book"), QStringLiteral("1")});
        QCOMPARE(booked.exitCode, 0);
        const Run none = cli({QStringLiteral("--json"), QStringLiteral("recall")});
        QCOMPARE(none.exitCode, 0);
        QCOMPARE(none.json().value(QStringLiteral("recall")).toArray().size(), 0);

        // Both sessions cancelled: the active plan now has nothing booked and appears on the recall list.
        for (const QJsonValue id : booked.json().value(QStringLiteral("appointment_ids")).toArray())
            QCOMPARE(cli({QStringLiteral("cancel"), QString::number(id.toInteger()), QStringLiteral("--reason"),
                          QStringLiteral("illness")})
                         .exitCode,
                     0);
        const Run due = cli({QStringLiteral("--json"), QStringLiteral("recall")});
        QCOMPARE(due.exitCode, 0);
        const QJsonArray list = due.json().value(QStringLiteral("recall")).toArray();
        QCOMPARE(list.size(), 1);
        QCOMPARE(list.at(0).toObject().value(QStringLiteral("next_session")).toInt(), 1);
        QCOMPARE(list.at(0).toObject().value(QStringLiteral("patient")).toString(), QStringLiteral("Joanna Smith"));

        const Run text = cli({QStringLiteral("recall")});
        QVERIFY2(text.out.contains(QStringLiteral("Joanna Smith")), qPrintable(text.out));
        QCOMPARE(cli({QStringLiteral("recall"), QStringLiteral("--date"), QStringLiteral("2026-13-01")}).exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestCliPlan)
#include "tst_cli_plan.moc"
