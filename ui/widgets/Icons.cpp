#include "ui/widgets/Icons.h"

#include "ui/widgets/PaintedIcon.h"

#include <QPainter>
#include <QPainterPath>

namespace dermdesk::ui::icons {

namespace {

const QColor slate(0x44, 0x54, 0x6a);

QPen line(const QColor &ink, qreal width = 1.8)
{
    return QPen(ink, width, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
}

void calendarFrame(QPainter &p, const QColor &ink)
{
    p.setPen(line(ink));
    p.setBrush(Qt::NoBrush);
    p.drawRoundedRect(QRectF(3.5, 5, 17, 15.5), 2.5, 2.5);
    p.drawLine(QPointF(3.5, 9.5), QPointF(20.5, 9.5));
    p.drawLine(QPointF(8, 3), QPointF(8, 6.5));
    p.drawLine(QPointF(16, 3), QPointF(16, 6.5));
}

} // namespace

QIcon application()
{
    return paintedIcon(
        [](QPainter &p, const QColor &) {
            p.setPen(Qt::NoPen);
            p.setBrush(QColor(0x3a, 0x7c, 0x8c));
            p.drawRoundedRect(QRectF(1, 1, 22, 22), 5, 5);
            p.setBrush(Qt::white);
            for (int row = 0; row < 3; ++row) {
                for (int col = 0; col < 3; ++col)
                    p.drawEllipse(QPointF(7 + col * 5, 7 + row * 5), 1.3, 1.3);
            }
        },
        slate);
}

QIcon schedule()
{
    return paintedIcon(
        [](QPainter &p, const QColor &ink) {
            calendarFrame(p, ink);
            p.setPen(Qt::NoPen);
            p.setBrush(ink);
            for (int row = 0; row < 2; ++row) {
                for (int col = 0; col < 3; ++col)
                    p.drawRoundedRect(QRectF(6.5 + col * 4, 12 + row * 4, 2.5, 2.2), 0.5, 0.5);
            }
        },
        slate);
}

QIcon patients()
{
    return paintedIcon(
        [](QPainter &p, const QColor &ink) {
            p.setPen(line(ink));
            p.setBrush(Qt::NoBrush);
            p.drawEllipse(QPointF(12, 8), 4, 4);
            QPainterPath body;
            body.moveTo(4.5, 20.5);
            body.cubicTo(4.5, 15, 8, 13.5, 12, 13.5);
            body.cubicTo(16, 13.5, 19.5, 15, 19.5, 20.5);
            p.drawPath(body);
        },
        slate);
}

QIcon plans()
{
    return paintedIcon(
        [](QPainter &p, const QColor &ink) {
            p.setPen(line(ink));
            p.setBrush(Qt::NoBrush);
            p.drawRoundedRect(QRectF(5, 4.5, 14, 16.5), 2, 2);
            p.drawRoundedRect(QRectF(9, 2.5, 6, 3.5), 1, 1);
            p.drawPolyline(QList<QPointF>{{8, 12}, {9.5, 13.5}, {12, 11}});
            p.drawLine(QPointF(13.5, 12.5), QPointF(16.5, 12.5));
            p.drawPolyline(QList<QPointF>{{8, 17}, {9.5, 18.5}, {12, 16}});
            p.drawLine(QPointF(13.5, 17.5), QPointF(16.5, 17.5));
        },
        slate);
}

QIcon education()
{
    return paintedIcon(
        [](QPainter &p, const QColor &ink) {
            p.setPen(line(ink));
            p.setBrush(Qt::NoBrush);
            QPainterPath left;
            left.moveTo(12, 6.5);
            left.cubicTo(9.5, 5, 6, 4.5, 3, 5);
            left.lineTo(3, 18.5);
            left.cubicTo(6, 18, 9.5, 18.5, 12, 20);
            QPainterPath right;
            right.moveTo(12, 6.5);
            right.cubicTo(14.5, 5, 18, 4.5, 21, 5);
            right.lineTo(21, 18.5);
            right.cubicTo(18, 18, 14.5, 18.5, 12, 20);
            p.drawPath(left);
            p.drawPath(right);
            p.drawLine(QPointF(12, 6.5), QPointF(12, 20));
        },
        slate);
}

QIcon today()
{
    return paintedIcon(
        [](QPainter &p, const QColor &ink) {
            calendarFrame(p, ink);
            p.setPen(Qt::NoPen);
            p.setBrush(ink);
            p.drawEllipse(QPointF(12, 15), 2.6, 2.6);
        },
        slate);
}

QIcon previous()
{
    return paintedIcon(
        [](QPainter &p, const QColor &ink) {
            p.setPen(line(ink, 2.2));
            p.drawPolyline(QList<QPointF>{{14.5, 6}, {8.5, 12}, {14.5, 18}});
        },
        slate);
}

QIcon next()
{
    return paintedIcon(
        [](QPainter &p, const QColor &ink) {
            p.setPen(line(ink, 2.2));
            p.drawPolyline(QList<QPointF>{{9.5, 6}, {15.5, 12}, {9.5, 18}});
        },
        slate);
}

QIcon open()
{
    return paintedIcon(
        [](QPainter &p, const QColor &ink) {
            p.setPen(line(ink));
            p.setBrush(Qt::NoBrush);
            QPainterPath folder;
            folder.moveTo(3, 18.5);
            folder.lineTo(3, 6);
            folder.lineTo(9, 6);
            folder.lineTo(11, 8);
            folder.lineTo(19, 8);
            folder.lineTo(19, 11);
            p.drawPath(folder);
            QPainterPath flap;
            flap.moveTo(3, 18.5);
            flap.lineTo(6, 11);
            flap.lineTo(21.5, 11);
            flap.lineTo(18.5, 18.5);
            flap.closeSubpath();
            p.drawPath(flap);
        },
        slate);
}

QIcon backUp()
{
    return paintedIcon(
        [](QPainter &p, const QColor &ink) {
            p.setPen(line(ink));
            p.setBrush(Qt::NoBrush);
            p.drawRoundedRect(QRectF(3.5, 3.5, 17, 17), 2.5, 2.5);
            p.drawLine(QPointF(12, 7), QPointF(12, 15));
            p.drawPolyline(QList<QPointF>{{8.5, 11.5}, {12, 15}, {15.5, 11.5}});
            p.drawLine(QPointF(7.5, 17.5), QPointF(16.5, 17.5));
        },
        slate);
}

QIcon find()
{
    return paintedIcon(
        [](QPainter &p, const QColor &ink) {
            p.setPen(line(ink, 2));
            p.setBrush(Qt::NoBrush);
            p.drawEllipse(QPointF(10.5, 10.5), 6, 6);
            p.drawLine(QPointF(15, 15), QPointF(20.5, 20.5));
        },
        slate);
}

QIcon largePrint()
{
    return paintedIcon(
        [](QPainter &p, const QColor &ink) {
            p.setPen(line(ink, 2));
            p.drawPolyline(QList<QPointF>{{2.5, 20}, {8, 5}, {13.5, 20}});
            p.drawLine(QPointF(4.5, 15), QPointF(11.5, 15));
            p.setPen(line(ink, 1.6));
            p.drawPolyline(QList<QPointF>{{14.5, 20}, {17.75, 11}, {21, 20}});
            p.drawLine(QPointF(15.8, 17), QPointF(19.7, 17));
        },
        slate);
}

QIcon swatch(const QColor &colour)
{
    return paintedIcon(
        [colour](QPainter &p, const QColor &) {
            p.setPen(QPen(colour.darker(125), 1));
            p.setBrush(colour);
            p.drawEllipse(QPointF(12, 12), 7, 7);
        },
        slate);
}

} // namespace dermdesk::ui::icons
