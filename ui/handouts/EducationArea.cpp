#include "ui/handouts/EducationArea.h"

#include "education/Guide.h"
#include "ui/handouts/GuideFinder.h"
#include "ui/handouts/GuidePresenter.h"
#include "ui/widgets/Icons.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QListWidget>
#include <QScrollBar>
#include <QSplitter>
#include <QTextBrowser>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace dermdesk::ui {

namespace {
constexpr qreal readingScale = 1.15;
constexpr qreal largePrintScale = 1.8;
constexpr qreal zoomStep = 1.15;
constexpr qreal smallestZoom = 0.6;
constexpr qreal largestZoom = 3.0;

QToolButton *toolButton(const QString &name, const QString &text, const QString &toolTip, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setObjectName(name);
    button->setText(text);
    button->setToolTip(toolTip);
    button->setAutoRaise(true);
    return button;
}

bool isAreaKey(const QKeyEvent *key)
{
    return key->matches(QKeySequence::Find) || key->matches(QKeySequence::ZoomIn) || key->matches(QKeySequence::ZoomOut)
           || (key->key() == Qt::Key_0 && key->modifiers() == Qt::ControlModifier);
}
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
    m_finder = new GuideFinder(m_browser, this);

    m_largePrint = new QToolButton(this);
    m_largePrint->setObjectName(QStringLiteral("largePrintButton"));
    m_largePrint->setCheckable(true);
    m_largePrint->setIcon(icons::largePrint());
    m_largePrint->setText(tr("&Large Print"));
    m_largePrint->setToolTip(tr("Show the guide in large print (Ctrl+L)"));
    m_largePrint->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    m_largePrint->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_largePrint->setIconSize(QSize(20, 20));

    auto *present = new QToolButton(this);
    present->setObjectName(QStringLiteral("showThePatientButton"));
    present->setIcon(icons::education());
    present->setText(tr("&Show the Patient"));
    present->setToolTip(tr("The guide full screen in big type, to read together (F11; Escape returns)"));
    present->setShortcut(QKeySequence(Qt::Key_F11));
    present->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    present->setIconSize(QSize(20, 20));

    auto *zoomOutButton = toolButton(QStringLiteral("zoomOutButton"), tr("A−"), tr("Smaller text (Ctrl+-)"), this);
    auto *zoomResetButton = toolButton(QStringLiteral("zoomResetButton"), tr("100%"), tr("Normal size (Ctrl+0)"), this);
    auto *zoomInButton = toolButton(QStringLiteral("zoomInButton"), tr("A+"), tr("Larger text (Ctrl++)"), this);
    auto *findButton =
        toolButton(QStringLiteral("findButton"), tr("Find…"), tr("Find words in the guide (Ctrl+F)"), this);

    const auto guide = Guide::load();
    if (guide) {
        m_html = guide.value().toHtml();
        m_browser->setHtml(m_html);
        for (qsizetype i = 0; i < guide.value().sections().size(); ++i)
            m_sections->addItem(guide.value().headingOf(int(i)));
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
    sideLayout->addWidget(present);

    auto *tools = new QHBoxLayout;
    tools->setContentsMargins(0, 0, 0, 4);
    tools->addWidget(findButton);
    tools->addStretch(1);
    tools->addWidget(zoomOutButton);
    tools->addWidget(zoomResetButton);
    tools->addWidget(zoomInButton);

    auto *reader = new QWidget(this);
    auto *readerLayout = new QVBoxLayout(reader);
    readerLayout->setContentsMargins(0, 0, 0, 0);
    readerLayout->addLayout(tools);
    readerLayout->addWidget(m_browser, 1);
    readerLayout->addWidget(m_finder);

    auto *splitter = new QSplitter(this);
    splitter->addWidget(side);
    splitter->addWidget(reader);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({260, 900});
    splitter->setChildrenCollapsible(false);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->addWidget(splitter);

    connect(m_sections, &QListWidget::currentRowChanged, this, &EducationArea::showSection);
    connect(m_largePrint, &QToolButton::toggled, this, &EducationArea::setLargePrint);
    connect(present, &QToolButton::clicked, this, &EducationArea::showThePatient);
    connect(zoomInButton, &QToolButton::clicked, this, &EducationArea::zoomIn);
    connect(zoomOutButton, &QToolButton::clicked, this, &EducationArea::zoomOut);
    connect(zoomResetButton, &QToolButton::clicked, this, &EducationArea::resetZoom);
    connect(findButton, &QToolButton::clicked, this, &EducationArea::find);
    setLargePrint(false);
}

bool EducationArea::isLargePrint() const
{
    return m_largePrint->isChecked();
}

GuidePresenter *EducationArea::presenter() const
{
    return qobject_cast<GuidePresenter *>(m_presenter);
}

void EducationArea::setLargePrint(bool on)
{
    if (m_largePrint->isChecked() != on) {
        m_largePrint->setChecked(on);
        return;
    }
    applyTextSize();
}

void EducationArea::applyTextSize()
{
    const int row = m_sections->currentRow();
    QFont reading = m_browser->font();
    const qreal base = isLargePrint() ? m_normalPointSize / readingScale * largePrintScale : m_normalPointSize;
    reading.setPointSizeF(base * m_zoom);
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

void EducationArea::find()
{
    m_finder->open();
}

void EducationArea::zoomIn()
{
    m_zoom = std::min(m_zoom * zoomStep, largestZoom);
    applyTextSize();
}

void EducationArea::zoomOut()
{
    m_zoom = std::max(m_zoom / zoomStep, smallestZoom);
    applyTextSize();
}

void EducationArea::resetZoom()
{
    m_zoom = 1.0;
    applyTextSize();
}

void EducationArea::showThePatient()
{
    if (m_presenter) {
        m_presenter->activateWindow();
        return;
    }
    const int row = m_sections->currentRow();
    auto *presenter = new GuidePresenter(m_html, row > 0 ? m_sections->item(row)->text() : QString(), this);
    m_presenter = presenter;
    connect(presenter, &QObject::destroyed, this, [this]() { m_presenter = nullptr; });
    presenter->showFullScreen();
}

bool EducationArea::event(QEvent *event)
{
    // Find and zoom keys belong to the guide while it has the focus, before the window's own shortcuts.
    if (event->type() == QEvent::ShortcutOverride && isAreaKey(static_cast<QKeyEvent *>(event))) {
        event->accept();
        return true;
    }
    return QWidget::event(event);
}

void EducationArea::keyPressEvent(QKeyEvent *event)
{
    if (event->matches(QKeySequence::Find))
        find();
    else if (event->matches(QKeySequence::ZoomIn))
        zoomIn();
    else if (event->matches(QKeySequence::ZoomOut))
        zoomOut();
    else if (event->key() == Qt::Key_0 && event->modifiers() == Qt::ControlModifier)
        resetZoom();
    else
        QWidget::keyPressEvent(event);
}

} // namespace dermdesk::ui
