#include "common/TextRules.h"

#include <QtTest>

using namespace dermdesk;

// How stored text is shown on a terminal: everything that could move the cursor, clear the line, reorder
// the text or hide in it is written as a visible escape; ordinary text of any script is left alone.
class TestTextRules : public QObject
{
    Q_OBJECT

private slots:
    void escapedShowsWhatCouldDisguiseText_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("shown");
        QTest::newRow("carriage return") << QStringLiteral("Ann\rEve") << QStringLiteral("Ann\\rEve");
        QTest::newRow("tab") << QStringLiteral("Ann\tEve") << QStringLiteral("Ann\\tEve");
        QTest::newRow("line feed") << QStringLiteral("Ann\nEve") << QStringLiteral("Ann\\nEve");
        QTest::newRow("escape sequence") << QStringLiteral("\x1b[2JAnn") << QStringLiteral("\\e[2JAnn");
        QTest::newRow("NUL") << QStringLiteral("A") + QChar(0) + QStringLiteral("B") << QStringLiteral("A\\x00B");
        QTest::newRow("bell and DEL") << QStringLiteral("A\x07\x7f") << QStringLiteral("A\\x07\\x7f");
        QTest::newRow("C1 control") << QStringLiteral("A") + QChar(0x9b) << QStringLiteral("A\\x9b");
        QTest::newRow("right-to-left override")
            << QChar(0x202e) + QStringLiteral("gpj.exe") << QStringLiteral("\\u202egpj.exe");
        QTest::newRow("isolate") << QStringLiteral("a") + QChar(0x2066) << QStringLiteral("a\\u2066");
        QTest::newRow("zero-width space")
            << QStringLiteral("a") + QChar(0x200b) + QStringLiteral("b") << QStringLiteral("a\\u200bb");
        QTest::newRow("byte order mark") << QChar(0xfeff) + QStringLiteral("a") << QStringLiteral("\\ufeffa");
        QTest::newRow("line separator") << QStringLiteral("a") + QChar(0x2028) << QStringLiteral("a\\u2028");
        QTest::newRow("lone surrogate") << QStringLiteral("a") + QChar(0xdc00) << QStringLiteral("a\\udc00");
        QTest::newRow("tag character outside the BMP")
            << QStringLiteral("a") + QString::fromUcs4(U"\U000E0041") << QStringLiteral("a\\U000e0041");
        QTest::newRow("plain") << QStringLiteral("Joanna Smith") << QStringLiteral("Joanna Smith");
        QTest::newRow("accents, CJK, emoji") << QStringLiteral("Zoë 美咲 🌸") << QStringLiteral("Zoë 美咲 🌸");
        QTest::newRow("joiners stay") << QStringLiteral("ലക്ഷ്മി") + QChar(0x200d) + QChar(0x200c)
                                      << QStringLiteral("ലക്ഷ്മി") + QChar(0x200d) + QChar(0x200c);
        QTest::newRow("backslash stays") << QStringLiteral("a\\b") << QStringLiteral("a\\b");
    }

    void escapedShowsWhatCouldDisguiseText()
    {
        QFETCH(QString, text);
        QFETCH(QString, shown);
        QCOMPARE(TextRules::escaped(text), shown);
    }

    void newlinesCanBeKept()
    {
        QCOMPARE(TextRules::escaped(QStringLiteral("one\ntwo\r"), true), QStringLiteral("one\ntwo\\r"));
    }

    void lengthCountsCharacters()
    {
        const QString flowers = QString(QStringLiteral("🌸")).repeated(5);
        QVERIFY(TextRules::check(flowers, QStringLiteral("x"), 5).ok());
        const Status refused = TextRules::check(flowers + QStringLiteral("a"), QStringLiteral("x"), 5);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().message(), QStringLiteral("x: must be at most 5 characters long (it has 6)"));
    }

    void emptyAndSpaceOnlyTextIsTheCallersRule()
    {
        QVERIFY(TextRules::check(QString(), QStringLiteral("x"), 5).ok());
        QVERIFY(TextRules::check(QStringLiteral("   "), QStringLiteral("x"), 5).ok());
    }

    void refusalNamesCharacterAndPosition()
    {
        const Status refused = TextRules::check(QStringLiteral("Ann\rX"), QStringLiteral("given_name"), 100);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().field(), QStringLiteral("given_name"));
        QVERIFY2(refused.error().message().contains(QLatin1String("U+000D at character 4")),
                 qPrintable(refused.error().message()));
    }
};

QTEST_GUILESS_MAIN(TestTextRules)
#include "tst_textrules.moc"
