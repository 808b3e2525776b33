#include "ui/schedule/ScreeningMarker.h"

#include <QCoreApplication>
#include <QPainter>
#include <QPainterPath>
#include <QPolygonF>

#include <cmath>
#include <numbers>

namespace dermdesk::ui::screening_marker {

QColor colour(ScreeningLevel level)
{
    switch (level) {
    case ScreeningLevel::Stop:
        return {0xc6, 0x28, 0x28};
    case ScreeningLevel::Caution:
        return {0xd0, 0x8a, 0x1c};
    case ScreeningLevel::NotScreened:
        return {0x6a, 0x4f, 0xb3};
    case ScreeningLevel::OutOfDate:
        return {0x1f, 0x7a, 0x8c};
    case ScreeningLevel::Clear:
        break;
    }
    return {};
}

QString label(ScreeningLevel level)
{
    const char *context = "dermdesk::ui::ScreeningMarker";
    switch (level) {
    case ScreeningLevel::Stop:
        return QCoreApplication::translate(context, "Screening stop");
    case ScreeningLevel::Caution:
        return QCoreApplication::translate(context, "Screening caution");
    case ScreeningLevel::NotScreened:
        return QCoreApplication::translate(context, "Not screened");
    case ScreeningLevel::OutOfDate:
        return QCoreApplication::translate(context, "Screening out of date");
    case ScreeningLevel::Clear:
        break;
    }
    return {};
}

void paint(QPainter &p, const QRectF &box, ScreeningLevel level)
{
    if (level == ScreeningLevel::Clear)
        return;
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    const QColor fill = colour(level);
    const QPointF centre = box.center();
    const double size = std::min(box.width(), box.height());
    const double r = size / 2.0;
    const double stroke = std::max(1.6, size / 9.0);
    QPen white(Qt::white, stroke, Qt::SolidLine, Qt::RoundCap);
    switch (level) {
    case ScreeningLevel::Stop: {
        QPolygonF octagon;
        for (int i = 0; i < 8; ++i) {
            const double angle = (22.5 + 45.0 * i) * std::numbers::pi / 180.0;
            octagon << centre + QPointF(std::cos(angle) * r, std::sin(angle) * r);
        }
        p.setPen(QPen(fill.darker(130), 1));
        p.setBrush(fill);
        p.drawPolygon(octagon);
        p.setPen(white);
        p.drawLine(centre + QPointF(-r * 0.5, 0), centre + QPointF(r * 0.5, 0));
        break;
    }
    case ScreeningLevel::Caution: {
        QPainterPath triangle;
        triangle.moveTo(centre.x(), box.top() + 0.5);
        triangle.lineTo(box.right(), box.bottom() - 0.5);
        triangle.lineTo(box.left(), box.bottom() - 0.5);
        triangle.closeSubpath();
        p.setPen(QPen(fill.darker(130), 1));
        p.setBrush(fill);
        p.drawPath(triangle);
        p.setPen(white);
        p.drawLine(QPointF(centre.x(), box.top() + size * 0.36), QPointF(centre.x(), box.top() + size * 0.64));
        p.drawPoint(QPointF(centre.x(), box.top() + size * 0.82));
        break;
    }
    case ScreeningLevel::NotScreened: {
        p.setPen(QPen(fill.darker(130), 1));
        p.setBrush(fill);
        p.drawEllipse(centre, r - 0.5, r - 0.5);
        QFont font = p.font();
        font.setBold(true);
        font.setPixelSize(int(size * 0.75));
        p.setFont(font);
        p.setPen(Qt::white);
        p.drawText(box, Qt::AlignCenter, QStringLiteral("?"));
        break;
    }
    case ScreeningLevel::OutOfDate: {
        p.setPen(QPen(fill.darker(130), 1));
        p.setBrush(fill);
        p.drawEllipse(centre, r - 0.5, r - 0.5);
        p.setPen(white);
        p.drawLine(centre, centre + QPointF(0, -r * 0.6));
        p.drawLine(centre, centre + QPointF(r * 0.45, r * 0.25));
        break;
    }
    case ScreeningLevel::Clear:
        break;
    }
    p.restore();
}

} // namespace dermdesk::ui::screening_marker
