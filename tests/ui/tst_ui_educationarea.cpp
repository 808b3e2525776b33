#include "education/EducationArea.h"

#include <QListWidget>
#include <QScrollBar>
#include <QTextBrowser>
#include <QtTest>

using namespace dermdesk;
using ui::EducationArea;

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
        QVERIFY(text.contains(QLatin1String("Schedule an appointment with Dr. Connie Hiers to get started!")));
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
};

QTEST_MAIN(TestEducationArea)
#include "tst_ui_educationarea.moc"
