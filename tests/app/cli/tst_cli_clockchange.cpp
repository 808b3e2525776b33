#include "CliRun.h"
#include "ClockChange.h"
#include "calendar/AppointmentRepository.h"

#include <QtTest>

using namespace dermdesk;

// Local times on the nights the clocks change, in a clinic in America/New_York (tests run with TZ=UTC):
// the hour repeated when the clocks go back is booked in either reading by its UTC offset, a plain time in
// it is refused naming both readings as they are typed (exit 2), an offset the clocks are not at is refused,
// and a time the clocks skip is refused naming the jump.
class TestCliClockChange : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::TempDatabase> m_temp;
    const QDate m_fallBack = test::nextFallBack();
    const QDate m_springForward = test::nextSpringForward();

    QString at(const QDate &date, const char *rest) const
    {
        return date.toString(Qt::ISODate) + QLatin1Char('T') + QLatin1String(rest);
    }

    // Books a consultation (type 2, 30 minutes, no room) with Nurse Ana for `patient` at `start`.
    test::CliRun book(int patient, const QString &start, const QStringList &more = {})
    {
        return test::CliRun::run(m_temp->path(),
                                 more
                                     + QStringList{QStringLiteral("book"), QStringLiteral("--patient"),
                                                   QString::number(patient), QStringLiteral("--practitioner"),
                                                   QStringLiteral("2"), QStringLiteral("--type"), QStringLiteral("2"),
                                                   QStringLiteral("--start"), start});
    }

    qint64 storedStart(qint64 id)
    {
        auto database = m_temp->reopen();
        if (!database)
            return 0;
        auto found = AppointmentRepository(*database.value()).find(id);
        return found ? found.value().startsAt : 0;
    }

private slots:
    void init()
    {
        QVERIFY(m_fallBack.isValid());
        QVERIFY(m_springForward.isValid());
        m_temp = std::make_unique<test::TempDatabase>();
        QVERIFY(test::seedScheduleClinic(*m_temp));
        QVERIFY(test::openAllDay(*m_temp, m_fallBack.dayOfWeek()));
        QVERIFY(test::openAllDay(*m_temp, m_springForward.dayOfWeek()));
        m_temp->close();
    }

    void cleanup() { m_temp.reset(); }

    void bothReadingsOfTheRepeatedHourAreBookedByTheirOffset()
    {
        const test::CliRun second = book(1, at(m_fallBack, "01:30-05:00"), {QStringLiteral("--json")});
        QVERIFY2(second.exitCode == 0, qPrintable(second.err));
        QCOMPARE(second.json().value(QStringLiteral("start")).toString(), at(m_fallBack, "01:30:00-05:00"));
        const test::CliRun first = book(2, at(m_fallBack, "01:30-04:00"), {QStringLiteral("--json")});
        QVERIFY2(first.exitCode == 0, qPrintable(first.err));
        QCOMPARE(first.json().value(QStringLiteral("start")).toString(), at(m_fallBack, "01:30:00-04:00"));

        const qint64 secondStart = storedStart(second.json().value(QStringLiteral("id")).toInteger());
        const qint64 firstStart = storedStart(first.json().value(QStringLiteral("id")).toInteger());
        QCOMPARE(secondStart - firstStart, qint64(3600));
        // 01:30 EST is 06:30 UTC.
        QCOMPARE(secondStart, QDateTime(m_fallBack, QTime(6, 30), Qt::UTC).toSecsSinceEpoch());

        // The day's agenda tells the two 01:30s apart.
        const test::CliRun agenda =
            test::CliRun::run(m_temp->path(),
                              {QStringLiteral("agenda"), QStringLiteral("--date"), m_fallBack.toString(Qt::ISODate)});
        QCOMPARE(agenda.exitCode, 0);
        QVERIFY2(agenda.out.contains(QLatin1String("01:30 EDT")), qPrintable(agenda.out));
        QVERIFY2(agenda.out.contains(QLatin1String("01:30 EST")), qPrintable(agenda.out));
        QVERIFY2(agenda.out.indexOf(QLatin1String("01:30 EDT")) < agenda.out.indexOf(QLatin1String("01:30 EST")),
                 qPrintable(agenda.out));
    }

    void aPlainRepeatedTimeNamesBothReadings()
    {
        const test::CliRun run = book(1, at(m_fallBack, "01:30"));
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.out.isEmpty());
        QVERIFY2(run.err.contains(at(m_fallBack, "01:30-04:00 (EDT, first)")), qPrintable(run.err));
        QVERIFY2(run.err.contains(at(m_fallBack, "01:30-05:00 (EST, second)")), qPrintable(run.err));
        QVERIFY2(run.err.contains(QLatin1String("--start")), qPrintable(run.err));
        QCOMPARE(test::CliRun::run(m_temp->path(), {QStringLiteral("agenda"), QStringLiteral("--date"),
                                                    m_fallBack.toString(Qt::ISODate)})
                     .out.trimmed(),
                 QStringLiteral("No appointments on %1.").arg(m_fallBack.toString(Qt::ISODate)));
    }

    void moveTakesTheOffsetToo()
    {
        const test::CliRun booked = book(1, at(m_fallBack, "01:00-04:00"));
        QVERIFY2(booked.exitCode == 0, qPrintable(booked.err));
        const QString id = booked.out.trimmed();
        const test::CliRun plain =
            test::CliRun::run(m_temp->path(),
                              {QStringLiteral("move"), id, QStringLiteral("--start"), at(m_fallBack, "01:15")});
        QCOMPARE(plain.exitCode, 2);
        QVERIFY2(plain.err.contains(at(m_fallBack, "01:15-05:00 (EST, second)")), qPrintable(plain.err));
        const test::CliRun moved =
            test::CliRun::run(m_temp->path(),
                              {QStringLiteral("move"), id, QStringLiteral("--start"), at(m_fallBack, "01:15-05:00")});
        QVERIFY2(moved.exitCode == 0, qPrintable(moved.err));
        QVERIFY2(moved.out.contains(QLatin1String("01:15 EST")), qPrintable(moved.out));
        QCOMPARE(storedStart(id.toLongLong()), QDateTime(m_fallBack, QTime(6, 15), Qt::UTC).toSecsSinceEpoch());
    }

    void anOffsetTheClocksAreNotAtIsRefused_data()
    {
        QTest::addColumn<QString>("start");
        QTest::addColumn<QString>("named");
        QTest::newRow("repeated hour") << at(m_fallBack, "01:30-06:00") << at(m_fallBack, "01:30-05:00 (EST, second)");
        QTest::newRow("ordinary time") << at(m_fallBack, "09:00-04:00") << at(m_fallBack, "09:00-05:00 (EST)");
        QTest::newRow("UTC") << at(m_fallBack, "09:00Z") << at(m_fallBack, "09:00-05:00 (EST)");
    }

    void anOffsetTheClocksAreNotAtIsRefused()
    {
        QFETCH(QString, start);
        QFETCH(QString, named);
        const test::CliRun run = book(1, start);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QLatin1String("--start")), qPrintable(run.err));
        QVERIFY2(run.err.contains(named), qPrintable(run.err));
        QVERIFY(run.out.isEmpty());
    }

    void anOrdinaryTimeTakesItsOwnOffsetOrNone()
    {
        const test::CliRun withOffset = book(1, at(m_fallBack, "09:00-05:00"));
        QVERIFY2(withOffset.exitCode == 0, qPrintable(withOffset.err));
        const test::CliRun plain = book(2, at(m_fallBack, "10:00"));
        QVERIFY2(plain.exitCode == 0, qPrintable(plain.err));
        QCOMPARE(storedStart(plain.out.trimmed().toLongLong()) - storedStart(withOffset.out.trimmed().toLongLong()),
                 qint64(3600));
    }

    void aSkippedTimeIsRefusedNamingTheJump_data()
    {
        QTest::addColumn<QString>("start");
        QTest::newRow("plain") << at(m_springForward, "02:30");
        QTest::newRow("with an offset") << at(m_springForward, "02:30-05:00");
    }

    void aSkippedTimeIsRefusedNamingTheJump()
    {
        QFETCH(QString, start);
        const test::CliRun run = book(1, start);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QStringLiteral("02:30 does not exist on %1 in America/New_York: clocks go from "
                                                 "02:00 to 03:00.")
                                      .arg(m_springForward.toString(Qt::ISODate))),
                 qPrintable(run.err));
        QVERIFY2(run.err.contains(QLatin1String("[--start]")), qPrintable(run.err));
        QVERIFY2(book(1, at(m_springForward, "03:00")).exitCode == 0, "03:00 after the jump is booked");
    }
};

QTEST_GUILESS_MAIN(TestCliClockChange)
#include "tst_cli_clockchange.moc"
