#include "ui/schedule/StatusStyle.h"

#include "ui/widgets/PaintedIcon.h"

#include <QPainter>
#include <QPainterPath>

namespace dermdesk::ui::status_style {

namespace {

QPen glyphPen(const QColor &ink)
{
    return QPen(ink, 2, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
}

void drawGlyph(QPainter &p, AppointmentStatus status, const QColor &ink)
{
    const QPointF centre(12, 12);
    p.setBrush(Qt::NoBrush);
    switch (status) {
    case AppointmentStatus::Booked:
        p.setPen(glyphPen(ink));
        p.drawEllipse(centre, 7, 7);
        break;
    case AppointmentStatus::Confirmed:
        p.setPen(glyphPen(ink));
        p.drawEllipse(centre, 8.5, 8.5);
        p.drawPolyline(QList<QPointF>{{8, 12.5}, {11, 15.5}, {16.5, 9}});
        break;
    case AppointmentStatus::Arrived:
        p.setPen(Qt::NoPen);
        p.setBrush(ink);
        p.drawEllipse(centre, 9, 9);
        p.setPen(glyphPen(Qt::white));
        p.drawLine(QPointF(7.5, 12), QPointF(16, 12));
        p.drawPolyline(QList<QPointF>{{12.5, 8.5}, {16, 12}, {12.5, 15.5}});
        break;
    case AppointmentStatus::InTreatment: {
        p.setPen(glyphPen(ink));
        p.drawEllipse(centre, 8, 8);
        QPainterPath half;
        half.moveTo(centre);
        half.arcTo(QRectF(4, 4, 16, 16), 90, 180);
        half.closeSubpath();
        p.setPen(Qt::NoPen);
        p.setBrush(ink);
        p.drawPath(half);
        break;
    }
    case AppointmentStatus::Completed:
        p.setPen(Qt::NoPen);
        p.setBrush(ink);
        p.drawEllipse(centre, 9, 9);
        p.setPen(glyphPen(Qt::white));
        p.drawPolyline(QList<QPointF>{{8, 12.5}, {11, 15.5}, {16.5, 9}});
        break;
    case AppointmentStatus::Cancelled:
        p.setPen(glyphPen(ink));
        p.drawLine(QPointF(6.5, 6.5), QPointF(17.5, 17.5));
        p.drawLine(QPointF(17.5, 6.5), QPointF(6.5, 17.5));
        break;
    case AppointmentStatus::NoShow:
        p.setPen(glyphPen(ink));
        p.drawEllipse(centre, 8.5, 8.5);
        p.drawLine(QPointF(12, 7.5), QPointF(12, 13));
        p.setPen(Qt::NoPen);
        p.setBrush(ink);
        p.drawEllipse(QPointF(12, 16.3), 1.3, 1.3);
        break;
    }
}

} // namespace

QColor colour(AppointmentStatus status)
{
    switch (status) {
    case AppointmentStatus::Booked:
        return QColor(0x6b, 0x7f, 0x99);
    case AppointmentStatus::Confirmed:
        return QColor(0x2f, 0x6f, 0xa3);
    case AppointmentStatus::Arrived:
        return QColor(0xc0, 0x7b, 0x1f);
    case AppointmentStatus::InTreatment:
        return QColor(0x84, 0x52, 0x9a);
    case AppointmentStatus::Completed:
        return QColor(0x3b, 0x87, 0x55);
    case AppointmentStatus::Cancelled:
        return QColor(0x95, 0x99, 0x9e);
    case AppointmentStatus::NoShow:
        return QColor(0xb3, 0x47, 0x44);
    }
    return Qt::gray;
}

QIcon icon(AppointmentStatus status)
{
    return paintedIcon([status](QPainter &p, const QColor &ink) { drawGlyph(p, status, ink); }, colour(status));
}

bool isVoid(AppointmentStatus status)
{
    return !appointment_status::holdsSlot(status);
}

} // namespace dermdesk::ui::status_style
