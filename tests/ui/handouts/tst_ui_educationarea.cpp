#include "ui/handouts/EducationArea.h"
#include "ui/handouts/GuideFinder.h"
#include "ui/handouts/GuidePresenter.h"

#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextBrowser>
#include <QtTest>

using namespace dermdesk;
using ui::EducationArea;
using ui::GuidePresenter;

// Reading the guide at the desk: its sections a click away, large print on demand.
class TestEducationArea : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<EducationArea> m_area;

private slots:
    void init()
    {
        m_area = std::make_unique<EducationArea>();
        m_area->resize(900, 420);
        m_area->show();
        QVERIFY(QTest::qWaitForWindowActive(m_area.get()));
    }

    void cleanup() { m_area.reset(); }

    void listsTheSections()
    {
        QStringList sections;
        for (int row = 0; row < m_area->sectionList()->count(); ++row)
            sections.append(m_area->sectionList()->item(row)->text());
        QCOMPARE(sections,
                 (QStringList{QStringLiteral("Introduction"), QStringLiteral("Understanding Microneedling"),
                              QStringLiteral("How Does Microneedling Work?"),
                              QStringLiteral("Benefits of Microneedling"),
                              QStringLiteral("What to Expect During and After Treatment"),
                              QStringLiteral("Is Microneedling Right for You?"), QStringLiteral("In closing")}));
    }

    void showsTheGuideWordForWord()
    {
        const QString text = m_area->browser()->toPlainText();
        QVERIFY(text.contains(QLatin1String("What Is Microneedling? A Guide to New Skin Treatments")));
        QVERIFY(text.contains(QLatin1String(
            "During a microneedling session, a specialized device equipped with tiny needles is gently rolled or "
            "stamped over the skin's surface.")));
        QVERIFY(text.contains(QLatin1String("Guide version: April 19, 2024")));
        QVERIFY(text.contains(QLatin1String("achieving radiant, youthful-looking skin.")));
        // The web page's closing call to action is not the clinic's to show.
        QVERIFY(!text.contains(QLatin1String("Schedule an appointment with Dr. Connie Hiers")));
        QVERIFY(!text.contains(QLatin1String("Contact us")));
    }

    void choosingASectionScrollsToIt()
    {
        QScrollBar *scroll = m_area->browser()->verticalScrollBar();
        QCOMPARE(scroll->value(), 0);
        m_area->sectionList()->setFocus();
        m_area->sectionList()->setCurrentRow(0);
        for (int i = 0; i < 5; ++i)
            QTest::keyClick(m_area->sectionList(), Qt::Key_Down);
        QCOMPARE(m_area->sectionList()->currentItem()->text(), QStringLiteral("Is Microneedling Right for You?"));
        QTRY_VERIFY(scroll->value() > 0);
    }

    void largePrintEnlargesTheText()
    {
        const qreal normal = m_area->browser()->font().pointSizeF();
        QVERIFY(!m_area->isLargePrint());
        // The button's shortcut clicks it visibly, a moment later.
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_L, Qt::ControlModifier);
        QTRY_VERIFY(m_area->isLargePrint());
        QVERIFY(m_area->browser()->font().pointSizeF() >= normal * 1.5);
        QVERIFY(m_area->browser()->document()->defaultFont().pointSizeF() >= normal * 1.5);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_L, Qt::ControlModifier);
        QTRY_VERIFY(!m_area->isLargePrint());
        QCOMPARE(m_area->browser()->font().pointSizeF(), normal);
    }

    void ctrlFFindsAndHighlightsEveryMatch()
    {
        m_area->browser()->setFocus();
        QTest::keyClick(m_area->browser(), Qt::Key_F, Qt::ControlModifier);
        QLineEdit *field = m_area->finder()->field();
        QTRY_VERIFY(field->isVisible());
        QTRY_COMPARE(QApplication::focusWidget(), field);
        QTest::keyClicks(field, QStringLiteral("collagen"));
        // Every "collagen" in the guide is highlighted; the first one is current and shown.
        const QList<QTextEdit::ExtraSelection> marked = m_area->browser()->extraSelections();
        QVERIFY(marked.size() >= 5);
        for (const QTextEdit::ExtraSelection &selection : marked)
            QCOMPARE(selection.cursor.selectedText().toLower(), QStringLiteral("collagen"));
        QCOMPARE(m_area->finder()->currentMatch(), 0);
        auto *count = m_area->finder()->findChild<QLabel *>(QStringLiteral("guideFindCount"));
        QCOMPARE(count->text(), QStringLiteral("1 of %1").arg(marked.size()));
        QTest::keyClick(field, Qt::Key_Return);
        QCOMPARE(m_area->finder()->currentMatch(), 1);
        QTest::keyClick(field, Qt::Key_Return, Qt::ShiftModifier);
        QCOMPARE(m_area->finder()->currentMatch(), 0);
        QTest::keyClicks(field, QStringLiteral("zzz"));
        QCOMPARE(count->text(), QStringLiteral("No matches"));
        QVERIFY(m_area->browser()->extraSelections().isEmpty());
        QTest::keyClick(field, Qt::Key_Escape);
        QTRY_VERIFY(!field->isVisible());
    }

    void zoomChangesTheTextSize()
    {
        const qreal normal = m_area->browser()->font().pointSizeF();
        m_area->browser()->setFocus();
        QTest::keyClick(m_area->browser(), Qt::Key_Plus, Qt::ControlModifier);
        QTRY_VERIFY(m_area->browser()->font().pointSizeF() > normal * 1.1);
        QTest::keyClick(m_area->browser(), Qt::Key_0, Qt::ControlModifier);
        QTRY_COMPARE(m_area->browser()->font().pointSizeF(), normal);
        QTest::keyClick(m_area->browser(), Qt::Key_Minus, Qt::ControlModifier);
        QTRY_VERIFY(m_area->browser()->font().pointSizeF() < normal);
    }

    void showThePatientFullScreenInBigType()
    {
        m_area->sectionList()->setCurrentRow(2);
        QTest::keyClick(m_area->sectionList(), Qt::Key_F11);
        QTRY_VERIFY(m_area->presenter() != nullptr);
        GuidePresenter *presenter = m_area->presenter();
        QTRY_VERIFY(presenter->isFullScreen());
        QVERIFY(presenter->textSize() >= 2 * m_area->browser()->font().pointSizeF());
        QVERIFY(presenter->browser()->toPlainText().contains(QLatin1String("How Does Microneedling Work?")));
        QTRY_VERIFY(presenter->browser()->verticalScrollBar()->value() > 0);
        // It opens at the chosen section: its heading is at the top.
        QTRY_VERIFY(presenter->browser()
                        ->cursorForPosition(QPoint(60, 30))
                        .block()
                        .text()
                        .contains(QLatin1String("How Does Microneedling Work?")));
        if (qEnvironmentVariableIsSet("DERMDESK_SCREENSHOTS"))
            presenter->grab().save(qEnvironmentVariable("DERMDESK_SCREENSHOTS") + QStringLiteral("/presenter.png"));
        QTest::keyClick(presenter->browser(), Qt::Key_Escape);
        QTRY_VERIFY(m_area->presenter() == nullptr);
    }
};

QTEST_MAIN(TestEducationArea)
#include "tst_ui_educationarea.moc"
