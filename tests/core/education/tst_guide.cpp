#include "education/Guide.h"

#include <QFile>
#include <QTextBlock>
#include <QTextDocument>
#include <QtTest>

using namespace dermdesk;

namespace {

QString sourceText()
{
    QFile file(QStringLiteral(DERMDESK_SOURCE_DIR "/resources/guide/microneedling-guide.txt"));
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

QStringList nonEmptyTrimmedLines(const QString &text)
{
    QStringList lines;
    for (const QString &line : text.split(QLatin1Char('\n'))) {
        if (!line.trimmed().isEmpty())
            lines.append(line.trimmed());
    }
    return lines;
}

// Every piece of text the guide holds, in reading order; list items with their numbers when asked.
QStringList guideTexts(const Guide &guide, bool withNumbers)
{
    QStringList texts{guide.title()};
    if (!guide.dateText().isEmpty())
        texts.append(guide.dateText());
    for (const GuideSection &section : guide.sections()) {
        if (!section.heading.isEmpty())
            texts.append(section.heading);
        for (const GuideBlock &block : section.blocks) {
            if (block.kind == GuideBlock::Kind::Paragraph) {
                texts.append(block.text);
                continue;
            }
            for (const GuideListItem &item : block.items)
                texts.append(withNumbers ? QStringLiteral("%1. %2").arg(item.number).arg(item.text) : item.text);
        }
    }
    return texts;
}

} // namespace

// The clinic's guide, parsed into sections and shown as HTML, word for word as written.
class TestGuide : public QObject
{
    Q_OBJECT

private slots:
    void resourceIsTheShippedText()
    {
        QFile resource(Guide::resourcePath());
        QVERIFY(resource.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(resource.readAll()), sourceText());
    }

    void findsTitleDateAndHeadings()
    {
        const auto guide = Guide::load();
        QVERIFY(guide.ok());
        QCOMPARE(guide.value().title(), QStringLiteral("What Is Microneedling? A Guide to New Skin Treatments"));
        QCOMPARE(guide.value().dateText(), QStringLiteral("April 19, 2024"));
        QCOMPARE(guide.value().date(), QDate(2024, 4, 19));

        QStringList headings;
        for (const GuideSection &section : guide.value().sections())
            headings.append(section.heading);
        QCOMPARE(headings, (QStringList{QString(), QStringLiteral("Understanding Microneedling"),
                                        QStringLiteral("How Does Microneedling Work?"),
                                        QStringLiteral("Benefits of Microneedling"),
                                        QStringLiteral("What to Expect During and After Treatment"),
                                        QStringLiteral("Is Microneedling Right for You?"), QString()}));
    }

    void benefitsStayANumberedList()
    {
        const Guide guide = Guide::parse(sourceText());
        const GuideSection &benefits = guide.sections().at(3);
        QCOMPARE(benefits.blocks.size(), 2);
        QCOMPARE(benefits.blocks.at(0).kind, GuideBlock::Kind::Paragraph);
        QVERIFY(benefits.blocks.at(0).text.endsWith(QLatin1String("including:")));
        const GuideBlock &list = benefits.blocks.at(1);
        QCOMPARE(list.kind, GuideBlock::Kind::NumberedList);
        QCOMPARE(list.items.size(), 5);
        for (int i = 0; i < 5; ++i)
            QCOMPARE(list.items.at(i).number, i + 1);
        QVERIFY(list.items.at(0).text.startsWith(QLatin1String("Improved Skin Texture: ")));
        QVERIFY(list.items.at(4).text.startsWith(QLatin1String("Increased Product Absorption: ")));
    }

    void closingWordsFormTheirOwnSection()
    {
        const Guide guide = Guide::parse(sourceText());
        const GuideSection &closing = guide.sections().last();
        QVERIFY(closing.heading.isEmpty());
        QCOMPARE(closing.blocks.size(), 1);
        QVERIFY(closing.blocks.at(0).text.startsWith(QLatin1String("Microneedling has emerged")));
    }

    void theWebPagesCallToActionIsKeptApart()
    {
        // The page's closing "Schedule an appointment with <someone else's doctor>" and "Contact us" button are
        // not the clinic's words: no section holds them, so no printout shows them.
        const Guide guide = Guide::parse(sourceText());
        QCOMPARE(guide.callToAction(),
                 (QStringList{QStringLiteral("Interested in learning more? Schedule an appointment with Dr. Connie "
                                             "Hiers to get started!"),
                              QStringLiteral("Contact us")}));
        QVERIFY(!guide.toHtml().contains(QLatin1String("Contact us")));
        QVERIFY(!guide.toHtml().contains(QLatin1String("Schedule an appointment")));
        QCOMPARE(guide.versionLine(), QStringLiteral("Guide version: April 19, 2024"));
        QVERIFY(guide.toHtml().contains(QLatin1String("Guide version: April 19, 2024")));
    }

    void everyLineIsKeptVerbatimAndInOrder()
    {
        const QString source = sourceText();
        const Guide guide = Guide::parse(source);
        QCOMPARE(guideTexts(guide, true) + guide.callToAction(), nonEmptyTrimmedLines(source));
    }

    void htmlShowsTheSameWords()
    {
        const Guide guide = Guide::parse(sourceText());
        QTextDocument document;
        document.setHtml(guide.toHtml());
        QStringList shown;
        for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
            if (!block.text().trimmed().isEmpty())
                shown.append(block.text());
        }
        QStringList expected = guideTexts(guide, false);
        expected.replace(1, guide.versionLine());
        QCOMPARE(shown, expected);
        QVERIFY(guide.toHtml().contains(QStringLiteral("<a name=\"%1\">").arg(Guide::anchor(2))));
    }

    void shapeRules_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("headings");
        QTest::addColumn<int>("paragraphs");
        QTest::newRow("question heading")
            << QStringLiteral("T\n\nWhy?\n\nBecause it works.") << QStringList{QStringLiteral("Why?")} << 1;
        QTest::newRow("sentence is no heading")
            << QStringLiteral("T\n\nIt works.\n\nReally.") << QStringList{QString()} << 2;
        QTest::newRow("colon is no heading")
            << QStringLiteral("T\n\nBenefits include:\n\n  1. Tone") << QStringList{QString()} << 1;
        QTest::newRow("last line is no heading")
            << QStringLiteral("T\n\nText.\n\nSee you soon") << QStringList{QString()} << 2;
        QTest::newRow("closing call to action is no paragraph")
            << QStringLiteral("T\n\nText.\n\nBook now and save!\n\nContact us") << QStringList{QString()} << 1;
        QTest::newRow("a call to action inside the text stays")
            << QStringLiteral("T\n\nContact us before your visit.\n\nText.") << QStringList{QString()} << 2;
        QTest::newRow("long line is no heading")
            << QStringLiteral("T\n\n%1\n\nText.").arg(QString(90, QLatin1Char('x'))) << QStringList{QString()} << 2;
        QTest::newRow("two blank lines start a section")
            << QStringLiteral("T\n\nA\n\nOne.\n\n\nTwo.") << QStringList{QStringLiteral("A"), QString()} << 2;
    }

    void shapeRules()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, headings);
        QFETCH(int, paragraphs);
        const Guide guide = Guide::parse(text);
        QStringList found;
        int paragraphCount = 0;
        for (const GuideSection &section : guide.sections()) {
            found.append(section.heading);
            for (const GuideBlock &block : section.blocks)
                paragraphCount += block.kind == GuideBlock::Kind::Paragraph ? 1 : 0;
        }
        QCOMPARE(found, headings);
        QCOMPARE(paragraphCount, paragraphs);
        QVERIFY(guide.dateText().isEmpty());
    }
};

QTEST_MAIN(TestGuide)
#include "tst_guide.moc"
