#include "common/TimeFormat.h"

#include <QtTest>

using namespace dermdesk;

// Schedules show times without seconds in every locale; dates are typed the way the desk's locale writes
// them, or as ISO.
class TestTimeFormat : public QObject
{
    Q_OBJECT

private slots:
    void clockTime_data()
    {
        QTest::addColumn<QString>("locale");
        QTest::addColumn<QString>("expected");
        QTest::newRow("C") << QStringLiteral("C") << QStringLiteral("09:05");
        QTest::newRow("en_US") << QStringLiteral("en_US") << QStringLiteral("9:05\u202fAM");
        QTest::newRow("de_DE") << QStringLiteral("de_DE") << QStringLiteral("09:05");
    }

    void clockTime()
    {
        QFETCH(QString, locale);
        QFETCH(QString, expected);
        QString text = clockTimeText(QTime(9, 5, 42), QLocale(locale));
        text.replace(QLatin1Char(' '), QChar(0x202f));
        QCOMPARE(text, expected);
    }

    void span()
    {
        QCOMPARE(clockSpanText(QTime(9, 0), QTime(10, 15), QLocale::c()), QStringLiteral("09:00 \u2013 10:15"));
    }

    void numericDate_data()
    {
        QTest::addColumn<QString>("locale");
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("text");
        QTest::newRow("C") << QStringLiteral("C") << QStringLiteral("yyyy-MM-dd") << QStringLiteral("1988-03-04");
        QTest::newRow("en_US") << QStringLiteral("en_US") << QStringLiteral("MM/dd/yyyy")
                               << QStringLiteral("03/04/1988");
        QTest::newRow("en_GB") << QStringLiteral("en_GB") << QStringLiteral("dd/MM/yyyy")
                               << QStringLiteral("04/03/1988");
        QTest::newRow("de_DE") << QStringLiteral("de_DE") << QStringLiteral("dd.MM.yyyy")
                               << QStringLiteral("04.03.1988");
    }

    void numericDate()
    {
        QFETCH(QString, locale);
        QFETCH(QString, format);
        QFETCH(QString, text);
        QCOMPARE(numericDateFormat(QLocale(locale)), format);
        QCOMPARE(numericDateText(QDate(1988, 3, 4), QLocale(locale)), text);
        QCOMPARE(parseDateText(text, QLocale(locale)), QDate(1988, 3, 4));
    }

    void typedDate_data()
    {
        QTest::addColumn<QString>("locale");
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QDate>("expected");
        const QDate march14(1988, 3, 14);
        QTest::newRow("US") << QStringLiteral("en_US") << QStringLiteral("03/14/1988") << march14;
        QTest::newRow("US, no zeros") << QStringLiteral("en_US") << QStringLiteral("3/14/1988") << march14;
        QTest::newRow("US, ISO") << QStringLiteral("en_US") << QStringLiteral(" 1988-03-14 ") << march14;
        QTest::newRow("US, day first is no date") << QStringLiteral("en_US") << QStringLiteral("14/03/1988") << QDate();
        QTest::newRow("UK") << QStringLiteral("en_GB") << QStringLiteral("14/03/1988") << march14;
        QTest::newRow("UK, dashes") << QStringLiteral("en_GB") << QStringLiteral("14-3-1988") << march14;
        QTest::newRow("UK, ISO") << QStringLiteral("en_GB") << QStringLiteral("1988-03-14") << march14;
        QTest::newRow("Germany") << QStringLiteral("de_DE") << QStringLiteral("14.03.1988") << march14;
        QTest::newRow("C, ISO") << QStringLiteral("C") << QStringLiteral("1988-03-14") << march14;
        QTest::newRow("C, slashes are no date") << QStringLiteral("C") << QStringLiteral("03/14/1988") << QDate();
        QTest::newRow("two-digit year") << QStringLiteral("en_US") << QStringLiteral("3/14/88") << QDate();
        QTest::newRow("no such day") << QStringLiteral("en_US") << QStringLiteral("02/30/1988") << QDate();
        QTest::newRow("words") << QStringLiteral("en_US") << QStringLiteral("March 14") << QDate();
        QTest::newRow("empty") << QStringLiteral("en_US") << QString() << QDate();
    }

    void typedDate()
    {
        QFETCH(QString, locale);
        QFETCH(QString, typed);
        QFETCH(QDate, expected);
        QCOMPARE(parseDateText(typed, QLocale(locale)), expected);
    }
};

QTEST_GUILESS_MAIN(TestTimeFormat)
#include "tst_timeformat.moc"
