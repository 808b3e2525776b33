#include "ui/widgets/FittingLabel.h"

#include <QEvent>
#include <QFontMetrics>

namespace dermdesk::ui {

FittingLabel::FittingLabel(QWidget *parent)
    : QLabel(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    setTextFormat(Qt::PlainText);
}

void FittingLabel::setTexts(const QStringList &longestFirst)
{
    m_texts = longestFirst;
    updateGeometry();
    fit();
}

QSize FittingLabel::minimumSizeHint() const
{
    const QFontMetrics metrics(font());
    const QMargins m = contentsMargins();
    const int shortest = m_texts.isEmpty() ? 0 : metrics.horizontalAdvance(m_texts.constLast());
    return {shortest + m.left() + m.right() + 2, QLabel::minimumSizeHint().height()};
}

QSize FittingLabel::sizeHint() const
{
    const QFontMetrics metrics(font());
    const QMargins m = contentsMargins();
    const int longest = m_texts.isEmpty() ? 0 : metrics.horizontalAdvance(m_texts.constFirst());
    return {longest + m.left() + m.right() + 2, QLabel::sizeHint().height()};
}

void FittingLabel::resizeEvent(QResizeEvent *event)
{
    QLabel::resizeEvent(event);
    fit();
}

void FittingLabel::changeEvent(QEvent *event)
{
    QLabel::changeEvent(event);
    if (event->type() == QEvent::FontChange) {
        updateGeometry();
        fit();
    }
}

void FittingLabel::fit()
{
    const QFontMetrics metrics(font());
    const int room = contentsRect().width();
    QString shown;
    for (const QString &candidate : std::as_const(m_texts)) {
        if (metrics.horizontalAdvance(candidate) <= room) {
            shown = candidate;
            break;
        }
    }
    if (shown.isEmpty() && !m_texts.isEmpty())
        shown = metrics.elidedText(m_texts.constLast(), Qt::ElideRight, room);
    if (shown != text())
        setText(shown);
    setToolTip(shown == fullText() ? QString() : fullText());
}

} // namespace dermdesk::ui
