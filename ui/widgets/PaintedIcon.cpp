#include "ui/widgets/PaintedIcon.h"

#include <QIconEngine>
#include <QPainter>
#include <QPixmap>

namespace dermdesk::ui {

namespace {

class PaintedIconEngine final : public QIconEngine
{
public:
    PaintedIconEngine(IconPainter painter, QColor ink)
        : m_painter(std::move(painter))
        , m_ink(ink)
    {
    }

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State) override
    {
        QColor ink = m_ink;
        if (mode == QIcon::Selected)
            ink = Qt::white;
        else if (mode == QIcon::Disabled)
            ink = QColor(0xb4, 0xb9, 0xc0);
        const qreal side = qMin(rect.width(), rect.height());
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        painter->translate(rect.x() + (rect.width() - side) / 2.0, rect.y() + (rect.height() - side) / 2.0);
        painter->scale(side / 24.0, side / 24.0);
        m_painter(*painter, ink);
        painter->restore();
    }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        QPixmap pixmap(size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        paint(&painter, QRect(QPoint(0, 0), size), mode, state);
        return pixmap;
    }

    [[nodiscard]] QIconEngine *clone() const override { return new PaintedIconEngine(m_painter, m_ink); }

private:
    IconPainter m_painter;
    QColor m_ink;
};

} // namespace

QIcon paintedIcon(IconPainter painter, const QColor &ink)
{
    return QIcon(new PaintedIconEngine(std::move(painter), ink));
}

} // namespace dermdesk::ui
