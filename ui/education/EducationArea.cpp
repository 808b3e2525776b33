#include "EducationArea.h"

#include "common/Icons.h"
#include "education/Guide.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QScrollBar>
#include <QSplitter>
#include <QTextBrowser>
#include <QToolButton>
#include <QVBoxLayout>

namespace dermdesk::ui {

namespace {
constexpr qreal readingScale = 1.15;
constexpr qreal largePrintScale = 1.8;
} // namespace

EducationArea::EducationArea(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("educationArea"));

    m_sections = new QListWidget(this);
    m_sections->setObjectName(QStringLiteral("guideSections"));
    m_sections->setAccessibleName(tr("Sections of the guide"));
    m_sections->setFrameShape(QFrame::NoFrame);
    m_sections->setWordWrap(true);
    m_sections->setSpacing(2);

    m_browser = new QTextBrowser(this);
    m_browser->setObjectName(QStringLiteral("guideBrowser"));
    m_browser->setOpenLinks(false);
    m_browser->setAccessibleName(tr("Microneedling guide"));
    m_browser->document()->setDocumentMargin(28);
    m_normalPointSize = font().pointSizeF() * readingScale;

    m_largePrint = new QToolButton(this);
    m_largePrint->setObjectName(QStringLiteral("largePrintButton"));
    m_largePrint->setCheckable(true);
    m_largePrint->setIcon(icons::largePrint());
    m_largePrint->setText(tr("&Large Print"));
    m_largePrint->setToolTip(tr("Show the guide in large print (Ctrl+L)"));
    m_largePrint->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    m_largePrint->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_largePrint->setIconSize(QSize(20, 20));

    const auto guide = Guide::load();
    if (guide) {
        m_browser->setHtml(guide.value().toHtml());
        const auto &sections = guide.value().sections();
        for (qsizetype i = 0; i < sections.size(); ++i) {
            QString label = sections.at(i).heading;
            if (label.isEmpty())
                label = i == 0 ? tr("Introduction") : tr("In closing");
            m_sections->addItem(label);
        }
    } else {
        m_browser->setPlainText(guide.error().message());
    }

    auto *contentsTitle = new QLabel(tr("Contents"), this);
    QFont bold = contentsTitle->font();
    bold.setBold(true);
    contentsTitle->setFont(bold);
    contentsTitle->setBuddy(m_sections);

    auto *side = new QWidget(this);
    auto *sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    sideLayout->addWidget(contentsTitle);
    sideLayout->addWidget(m_sections, 1);
    sideLayout->addWidget(m_largePrint);

    auto *splitter = new QSplitter(this);
    splitter->addWidget(side);
    splitter->addWidget(m_browser);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({260, 900});
    splitter->setChildrenCollapsible(false);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->addWidget(splitter);

    connect(m_sections, &QListWidget::currentRowChanged, this, &EducationArea::showSection);
    connect(m_largePrint, &QToolButton::toggled, this, &EducationArea::setLargePrint);
    setLargePrint(false);
}

bool EducationArea::isLargePrint() const
{
    return m_largePrint->isChecked();
}

void EducationArea::setLargePrint(bool on)
{
    if (m_largePrint->isChecked() != on) {
        m_largePrint->setChecked(on);
        return;
    }
    const int row = m_sections->currentRow();
    QFont reading = m_browser->font();
    reading.setPointSizeF(on ? m_normalPointSize / readingScale * largePrintScale : m_normalPointSize);
    m_browser->setFont(reading);
    if (row >= 0)
        showSection(row);
}

void EducationArea::showSection(int index)
{
    if (index < 0)
        return;
    // The first section follows the title and date: show them with it.
    if (index == 0)
        m_browser->verticalScrollBar()->setValue(m_browser->verticalScrollBar()->minimum());
    else
        m_browser->scrollToAnchor(Guide::anchor(index));
}

} // namespace dermdesk::ui
