#include "calendar/TimeFormat.h"

#include <QtTest>

using namespace dermdesk;

// Schedules show times without seconds in every locale.
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
};

QTEST_GUILESS_MAIN(TestTimeFormat)
#include "tst_timeformat.moc"
