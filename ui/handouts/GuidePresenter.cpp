#include "ui/handouts/GuidePresenter.h"

#include <QAbstractTextDocumentLayout>
#include <QKeyEvent>
#include <QScreen>
#include <QScrollBar>
#include <QShortcut>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace dermdesk::ui {

namespace {
constexpr qreal presentedPoints = 26.0;
constexpr qreal smallestPoints = 14.0;
constexpr qreal largestPoints = 48.0;
constexpr qreal step = 1.15;
} // namespace

GuidePresenter::GuidePresenter(const QString &html, const QString &heading, QWidget *parent)
    : QWidget(parent, Qt::Window)
{
    setObjectName(QStringLiteral("guidePresenter"));
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowTitle(tr("Microneedling guide"));
    m_browser = new QTextBrowser(this);
    m_browser->setObjectName(QStringLiteral("presentedGuide"));
    m_browser->setFrameShape(QFrame::NoFrame);
    m_browser->setOpenLinks(false);
    m_browser->document()->setDocumentMargin(48);
    // Dark text on warm paper, wide margins: easy to read across the desk.
    QPalette paper = m_browser->palette();
    paper.setColor(QPalette::Base, QColor(0xfb, 0xf8, 0xf1));
    paper.setColor(QPalette::Text, QColor(0x1d, 0x23, 0x27));
    m_browser->setPalette(paper);
    m_browser->setHtml(html);
    m_browser->moveCursor(QTextCursor::Start);
    setTextSize(presentedPoints);

    connect(m_browser->verticalScrollBar(), &QScrollBar::actionTriggered, this, [this]() { m_scrolledByHand = true; });
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_browser);

    auto *bigger = new QShortcut(QKeySequence::ZoomIn, this);
    connect(bigger, &QShortcut::activated, this, &GuidePresenter::enlarge);
    auto *smaller = new QShortcut(QKeySequence::ZoomOut, this);
    connect(smaller, &QShortcut::activated, this, &GuidePresenter::shrink);
    auto *leave = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    connect(leave, &QShortcut::activated, this, &QWidget::close);
    m_heading = heading;
    m_browser->setFocus();
}

void GuidePresenter::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    QTimer::singleShot(0, m_browser, [this]() { scrollToHeading(); });
}

void GuidePresenter::scrollToHeading()
{
    // Once the person scrolls, the window stays where they put it.
    if (m_heading.isEmpty() || m_scrolledByHand)
        return;
    const QTextCursor found = m_browser->document()->find(m_heading);
    if (found.isNull())
        return;
    const QRectF block = m_browser->document()->documentLayout()->blockBoundingRect(found.block());
    m_browser->verticalScrollBar()->setValue(int(block.top()));
}

void GuidePresenter::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    // Lines of a comfortable length however wide the screen: the text stays about 60 characters wide.
    const int textWidth = m_browser->fontMetrics().averageCharWidth() * 62;
    m_browser->document()->setDocumentMargin(std::max(48, (m_browser->viewport()->width() - textWidth) / 2));
    // The section's place is known once the text is laid out at the new width.
    QTimer::singleShot(0, m_browser, [this]() { scrollToHeading(); });
}

qreal GuidePresenter::textSize() const
{
    return m_browser->font().pointSizeF();
}

void GuidePresenter::enlarge()
{
    setTextSize(textSize() * step);
}

void GuidePresenter::shrink()
{
    setTextSize(textSize() / step);
}

void GuidePresenter::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape) {
        close();
        return;
    }
    QWidget::keyPressEvent(event);
}

void GuidePresenter::setTextSize(qreal points)
{
    QFont font = m_browser->font();
    font.setPointSizeF(std::clamp(points, smallestPoints, largestPoints));
    m_browser->setFont(font);
    m_browser->document()->setDefaultFont(font);
}

} // namespace dermdesk::ui
