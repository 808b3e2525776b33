#include "ui/schedule/ScheduleRenderer.h"

#include "ui/schedule/ScreeningMarker.h"

#include "agenda/ScheduleModel.h"
#include "ui/schedule/StatusStyle.h"
#include "ui/widgets/Theme.h"

#include <QCoreApplication>
#include <QFontMetrics>
#include <QImage>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

#include <array>

namespace dermdesk::ui {

namespace {

// Status glyphs at 16 px or more, so they read at 100 % scale.
constexpr int iconSize = 16;

QColor mixed(const QColor &a, const QColor &b, double towardsB)
{
    return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * towardsB),
                            float(a.greenF() + (b.greenF() - a.greenF()) * towardsB),
                            float(a.blueF() + (b.blueF() - a.blueF()) * towardsB));
}

QString clockText(int minute)
{
    return QStringLiteral("%1:%2")
        .arg(minute / 60 % 24, 2, 10, QLatin1Char('0'))
        .arg(minute % 60, 2, 10, QLatin1Char('0'));
}

// The status glyphs, drawn once per process (QIcon would paint them again on every call).
const QPixmap &statusPixmap(AppointmentStatus status)
{
    static std::array<QPixmap, 7> pixmaps;
    QPixmap &pixmap = pixmaps.at(std::size_t(status));
    if (pixmap.isNull())
        pixmap = status_style::icon(status).pixmap(iconSize, iconSize);
    return pixmap;
}

// Diagonal lines on `fill` as a small square tile: a texture brush is blitted, a pattern brush is rasterised line by
// line.
QBrush diagonalTile(int size, const QColor &fill, const QColor &line, double width)
{
    QImage tile(size, size, QImage::Format_ARGB32_Premultiplied);
    tile.fill(fill);
    QPainter p(&tile);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(line, width));
    p.drawLine(QPointF(-1, size + 1), QPointF(size + 1, -1));
    p.drawLine(QPointF(-1, 1), QPointF(1, -1));
    p.drawLine(QPointF(size - 1, size + 1), QPointF(size + 1, size - 1));
    p.end();
    return QBrush(tile);
}

// The blockout hatching.
const QBrush &hatchBrush(const QColor &fill, const QColor &line)
{
    static const QBrush brush = diagonalTile(10, fill, line, 1.2);
    return brush;
}

// Closed and non-working time: grey with dense diagonal lines, unmistakable beside the white open hours and
// unlike the warm hatching of a blockout.
const QBrush &closedBrush(const QColor &fill, const QColor &line)
{
    static const QBrush brush = diagonalTile(8, fill, line, 1.1);
    return brush;
}

struct Palette
{
    QColor background{Qt::white};
    QColor closed{0xe6, 0xe9, 0xed};
    QColor closedHatch{0xc9, 0xcf, 0xd6};
    QColor closedEdge{0x9a, 0xa5, 0xb1};
    QColor hourLine{0xd5, 0xdc, 0xe3};
    QColor slotLine{0xee, 0xf1, 0xf4};
    QColor separator{0xcf, 0xd7, 0xdf};
    QColor blockoutFill{0xf7, 0xf0, 0xe8};
    QColor blockoutHatch{0xdd, 0xc9, 0xb3};
    QColor blockoutText{0x84, 0x68, 0x4c};
    QColor text{0x26, 0x31, 0x3d};
    QColor muted{QRgb(theme::mutedText)};
    QColor accent{QRgb(theme::accent)};
    QColor header{QRgb(theme::sidebar)};
    QColor now{0xcf, 0x4f, 0x47};
    QColor refused{QRgb(theme::errorText)};
};

void paintColumns(QPainter &p, const ScheduleRenderer::Scene &s, const Palette &c, int first, int last,
                  const QRect &body)
{
    const ScheduleGeometry &g = *s.geometry;
    const QList<ScheduleColumn> &columns = s.model->scheduleColumns();
    const int firstMinute = g.yToMinute(body.top());
    const int lastMinute = std::min(ScheduleGeometry::minutesPerDay, g.yToMinute(body.bottom()) + g.slotMinutes());
    QFont small = s.font;
    small.setPointSizeF(small.pointSizeF() * 0.85);
    for (int col = first; col <= last; ++col) {
        const ScheduleColumn &column = columns.at(col);
        const double left = g.columnLeft(col);
        const double width = g.columnWidth();
        for (const MinuteSpan &span : column.closed) {
            const QRectF r(left, g.minuteToY(span.startMin), width,
                           g.minuteToY(span.endMin) - g.minuteToY(span.startMin));
            p.fillRect(r, closedBrush(c.closed, c.closedHatch));
        }
        for (const BlockoutOccurrence &blockout : column.blockouts) {
            const double top = g.timeToY(blockout.startsAt, column.day);
            const double bottom = g.timeToY(blockout.endsAt, column.day);
            const QRectF r(left, top, width, bottom - top);
            p.fillRect(r, hatchBrush(c.blockoutFill, c.blockoutHatch));
            if (width > 40 && r.height() > 14) {
                p.setFont(small);
                p.setPen(c.blockoutText);
                // The reason stays in sight when the blockout began above the visible hours (a closed day).
                QRectF textRect = r.adjusted(6, 2, -4, 0);
                textRect.setTop(std::max(textRect.top(), double(body.top()) + 2));
                if (textRect.height() > 12)
                    p.drawText(textRect, Qt::AlignLeft | Qt::AlignTop,
                               QFontMetrics(small).elidedText(blockout.reason, Qt::ElideRight, int(textRect.width())));
            }
        }
    }
    // Slot and hour lines across the visible columns.
    const double left = g.columnLeft(first);
    const double right = g.columnLeft(last) + g.columnWidth();
    for (int minute = firstMinute - firstMinute % g.slotMinutes(); minute <= lastMinute; minute += g.slotMinutes()) {
        const double y = std::floor(g.minuteToY(minute)) + 0.5;
        p.setPen(minute % 60 == 0 ? c.hourLine : c.slotLine);
        p.drawLine(QPointF(left, y), QPointF(right, y));
    }
    // Where open time begins and ends, a firm line across the column.
    p.setPen(QPen(c.closedEdge, 1.5));
    for (int col = first; col <= last; ++col) {
        const double colLeft = g.columnLeft(col);
        for (const MinuteSpan &span : columns.at(col).closed) {
            for (const int minute : {span.startMin, span.endMin}) {
                if (minute <= 0 || minute >= ScheduleGeometry::minutesPerDay)
                    continue;
                const double y = std::floor(g.minuteToY(minute)) + 0.5;
                p.drawLine(QPointF(colLeft, y), QPointF(colLeft + g.columnWidth(), y));
            }
        }
    }
    for (int col = first; col <= last + 1; ++col) {
        const bool dayEdge =
            s.groupedByDay && col < columns.size() && col > 0 && columns.at(col).day != columns.at(col - 1).day;
        p.setPen(QPen(dayEdge ? c.muted : c.separator, dayEdge ? 1.5 : 1));
        const double x = std::floor(g.columnLeft(col)) + 0.5;
        p.drawLine(QPointF(x, body.top()), QPointF(x, body.bottom()));
    }
}

void paintBlock(QPainter &p, const ScheduleRenderer::Scene &s, const Palette &c, qsizetype row,
                const ScheduleGeometry::Block &block, bool ghost)
{
    const ScheduleGeometry &g = *s.geometry;
    const AgendaEntry &e = s.model->entry(int(row));
    const QRectF r = g.blockRect(block).adjusted(1.5, 1, -1.5, -1);
    const bool isVoid = status_style::isVoid(e.status);
    const QColor type(e.typeColour.isEmpty() ? QStringLiteral("#8fb8a8") : e.typeColour);
    const QColor status = status_style::colour(e.status);
    p.save();
    p.setFont(s.font);
    if (isVoid && !ghost)
        p.setOpacity(0.55);
    if (ghost)
        p.setOpacity(0.85);
    QPainterPath shape;
    shape.addRoundedRect(r, 3, 3);
    p.fillPath(shape, isVoid ? QColor(0xf3, 0xf4, 0xf6) : mixed(type, Qt::white, 0.78));
    // Preparation (numbing) at the start of the visit, in a lighter band.
    if (e.prepMin > 0 && !isVoid) {
        const double prepHeight = std::min(r.height(), e.prepMin * g.minuteHeight());
        p.save();
        p.setClipPath(shape);
        p.fillRect(QRectF(r.left(), r.top(), r.width(), prepHeight), mixed(type, Qt::white, 0.92));
        p.setPen(QPen(mixed(type, Qt::white, 0.5), 1, Qt::DotLine));
        p.drawLine(QPointF(r.left(), r.top() + prepHeight), QPointF(r.right(), r.top() + prepHeight));
        p.restore();
    }
    p.fillRect(QRectF(r.left(), r.top(), 4, r.height()), status);
    // The screening state's colour down the right edge, so a stop reads red even where the icon has no room.
    if (e.screening != ScreeningLevel::Clear && !isVoid) {
        p.save();
        p.setClipPath(shape);
        p.fillRect(QRectF(r.right() - 4, r.top(), 4, r.height()), screening_marker::colour(e.screening));
        p.restore();
    }
    const bool selected = e.id == s.selectedAppointment;
    QPen border(ghost      ? (s.dragAllowed ? c.accent : c.refused)
                : selected ? c.accent
                           : mixed(type, Qt::black, 0.15),
                ghost || selected ? 2 : 1, ghost ? Qt::DashLine : Qt::SolidLine);
    p.setPen(border);
    p.setBrush(Qt::NoBrush);
    p.drawPath(shape);

    const QRectF inner = r.adjusted(8, 2, -4, -2);
    double textRight = inner.right();
    if (inner.width() >= iconSize + 2 && inner.height() >= iconSize - 2) {
        p.drawPixmap(QPointF(inner.right() - iconSize, inner.top() + 1), statusPixmap(e.status));
        textRight -= iconSize + 3;
        if (e.screening != ScreeningLevel::Clear) {
            constexpr int size = screening_marker::minimumSize;
            screening_marker::paint(p, QRectF(textRight - size, inner.top() + 1, size, size), e.screening);
            textRight -= size + 3;
        }
    }
    if (inner.width() >= 36) {
        QFont bold = p.font();
        bold.setBold(true);
        bold.setStrikeOut(isVoid);
        const QFontMetrics boldMetrics(bold);
        const QFontMetrics metrics(p.font());
        const double lineHeight = metrics.height();
        // In the hour the clocks repeat, the zone's abbreviation tells the two readings apart ("01:30 EST").
        const ClinicTime &clinic = g.time();
        const auto clockAt = [&clinic](qint64 instant) {
            const QString text = clinic.toLocal(instant).toString(QStringLiteral("HH:mm"));
            return clinic.isRepeatedReading(instant) ? text + QLatin1Char(' ') + clinic.abbreviation(instant) : text;
        };
        const QString start = clockAt(e.startsAt);
        const QString time = start + QStringLiteral("\u2013") + clockAt(e.endsAt);
        p.setPen(c.text);
        if (inner.height() < 2 * lineHeight) {
            p.setFont(bold);
            const QString line = start + QLatin1Char(' ') + e.patientName
                                 + (e.planSession.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(e.planSession))
                                 + (e.outsideWindow ? QStringLiteral(" \u26a0") : QString());
            p.drawText(QRectF(inner.left(), inner.top(), textRight - inner.left(), inner.height()),
                       Qt::AlignLeft | Qt::AlignVCenter,
                       boldMetrics.elidedText(line, Qt::ElideRight, int(textRight - inner.left())));
        } else {
            p.setFont(bold);
            p.drawText(QRectF(inner.left(), inner.top(), textRight - inner.left(), lineHeight),
                       Qt::AlignLeft | Qt::AlignVCenter,
                       boldMetrics.elidedText(e.patientName, Qt::ElideRight, int(textRight - inner.left())));
            QFont plain = p.font();
            plain.setBold(false);
            plain.setStrikeOut(false);
            p.setFont(plain);
            p.setPen(mixed(c.text, Qt::white, 0.2));
            // "n of N" before the type, so a narrow column elides the type's name rather than the session.
            QStringList lines{time + QStringLiteral(" \u00b7 ")
                              + (e.planSession.isEmpty() ? QString() : e.planSession + QStringLiteral(" \u00b7 "))
                              + e.typeName};
            if (e.screening != ScreeningLevel::Clear && !isVoid)
                lines.append(screening_marker::label(e.screening));
            if (e.outsideWindow)
                lines.append(
                    QCoreApplication::translate("dermdesk::ui::ScheduleRenderer", "\u26a0 outside its window"));
            if (!e.roomName.isEmpty())
                lines.append(e.roomName);
            if (isVoid)
                lines.append(appointment_status::label(e.status));
            if (ghost && !s.dragText.isEmpty())
                lines.prepend(s.dragText);
            double y = inner.top() + lineHeight;
            for (const QString &line : std::as_const(lines)) {
                if (y + lineHeight > inner.bottom() + 2)
                    break;
                p.drawText(QRectF(inner.left(), y, inner.width(), lineHeight), Qt::AlignLeft | Qt::AlignVCenter,
                           metrics.elidedText(line, Qt::ElideRight, int(inner.width())));
                y += lineHeight;
            }
        }
    }
    p.restore();
}

void paintHeader(QPainter &p, const ScheduleRenderer::Scene &s, const Palette &c, int first, int last)
{
    const ScheduleGeometry &g = *s.geometry;
    const QList<ScheduleColumn> &columns = s.model->scheduleColumns();
    const QRect header(0, 0, s.viewport.width(), s.headerHeight);
    p.fillRect(header, c.header);
    const QDate today = s.geometry->time().localDate(s.nowUtc);
    const QLocale locale;
    QFont bold = s.font;
    bold.setBold(true);
    const int rowTop = s.groupedByDay ? s.headerHeight / 2 : 0;
    p.setClipRect(QRect(s.axisWidth, 0, s.viewport.width() - s.axisWidth, s.headerHeight));
    for (int col = first; col <= last; ++col) {
        const ScheduleColumn &column = columns.at(col);
        const QRectF r(g.columnLeft(col), rowTop, g.columnWidth(), s.headerHeight - rowTop);
        QString title = column.title;
        if (s.model->view().mode == ScheduleModel::Mode::Week)
            title = locale.toString(column.day, QStringLiteral("ddd d MMM"));
        const bool isToday = column.day == today && s.model->view().mode == ScheduleModel::Mode::Week;
        p.setFont(bold);
        p.setPen(isToday ? c.accent : c.text);
        const QRectF textRect = r.adjusted(6, 0, -4, -4);
        p.drawText(textRect, Qt::AlignCenter,
                   QFontMetrics(bold).elidedText(title, Qt::ElideRight, int(textRect.width())));
        if (!column.colour.isEmpty())
            p.fillRect(QRectF(r.left() + 3, r.bottom() - 4, r.width() - 6, 3), QColor(column.colour));
        p.setPen(c.separator);
        p.drawLine(QPointF(std::floor(r.left()) + 0.5, r.top() + 6), QPointF(std::floor(r.left()) + 0.5, r.bottom()));
    }
    if (s.groupedByDay) {
        int col = first;
        while (col <= last) {
            const QDate day = columns.at(col).day;
            int end = col;
            while (end + 1 < columns.size() && columns.at(end + 1).day == day)
                ++end;
            const QRectF r(g.columnLeft(col), 0, g.columnLeft(end) + g.columnWidth() - g.columnLeft(col), rowTop);
            p.setFont(bold);
            p.setPen(day == today ? c.accent : c.text);
            p.drawText(r.adjusted(4, 0, -4, 0), Qt::AlignCenter, locale.toString(day, QStringLiteral("dddd d MMM")));
            p.setPen(c.muted);
            p.drawLine(QPointF(std::floor(r.left()) + 0.5, 4), QPointF(std::floor(r.left()) + 0.5, s.headerHeight));
            col = end + 1;
        }
    }
    p.setClipping(false);
    p.setPen(c.separator);
    p.drawLine(QPointF(0, s.headerHeight - 0.5), QPointF(s.viewport.width(), s.headerHeight - 0.5));
}

void paintAxis(QPainter &p, const ScheduleRenderer::Scene &s, const Palette &c, const QRect &body)
{
    const ScheduleGeometry &g = *s.geometry;
    p.fillRect(QRect(0, body.top(), s.axisWidth, body.height()), QColor(0xfa, 0xfb, 0xfc));
    QFont small = s.font;
    small.setPointSizeF(small.pointSizeF() * 0.9);
    p.setFont(small);
    p.setPen(c.muted);
    const int height = QFontMetrics(small).height();
    for (int hour = 0; hour < 24; ++hour) {
        const double y = g.minuteToY(hour * 60);
        if (y + height < body.top() || y > body.bottom())
            continue;
        p.drawText(QRectF(0, y + 1, s.axisWidth - 8, height), Qt::AlignRight | Qt::AlignTop, clockText(hour * 60));
    }
    p.setPen(c.separator);
    p.drawLine(QPointF(s.axisWidth - 0.5, body.top()), QPointF(s.axisWidth - 0.5, body.bottom()));
}

} // namespace

void ScheduleRenderer::paint(QPainter &p, const Scene &s)
{
    const Palette c;
    const ScheduleGeometry &g = *s.geometry;
    p.fillRect(s.viewport, c.background);
    const QRect body(s.axisWidth, s.headerHeight, s.viewport.width() - s.axisWidth,
                     s.viewport.height() - s.headerHeight);
    const int count = int(s.model->scheduleColumns().size());
    const int first = std::max(0, g.columnAt(body.left()));
    const int last = g.columnAt(body.right()) < 0 ? count - 1 : g.columnAt(body.right());
    if (count > 0) {
        p.setClipRect(body);
        paintColumns(p, s, c, first, last, body);
        if (s.selectedColumn >= 0 && s.selectedColumn < count) {
            const QRectF slot = g.slotRect(s.selectedColumn, s.selectedMinute).adjusted(1, 1, -1, 0);
            p.fillRect(slot, mixed(c.accent, Qt::white, 0.8));
            p.setPen(QPen(c.accent, s.hasFocus ? 2 : 1));
            p.drawRect(slot);
        }
        const QList<ScheduleGeometry::Block> &blocks = *s.blocks;
        // Void blocks first, live ones over them.
        for (const bool voidPass : {true, false}) {
            for (qsizetype i = 0; i < blocks.size(); ++i) {
                const ScheduleGeometry::Block &block = blocks.at(i);
                if (block.isVoid != voidPass || block.column < first || block.column > last)
                    continue;
                if (!g.blockRect(block).intersects(body))
                    continue;
                paintBlock(p, s, c, i, block, false);
            }
        }
        if (s.draggedBlock >= 0 && s.draggedBlock < blocks.size())
            paintBlock(p, s, c, s.draggedBlock, s.dragTarget, true);
        // Now, across today's columns.
        const QDate today = g.time().localDate(s.nowUtc);
        const QList<ScheduleColumn> &columns = s.model->scheduleColumns();
        for (int col = first; col <= last; ++col) {
            if (columns.at(col).day != today)
                continue;
            const double y = g.timeToY(s.nowUtc, today);
            p.setPen(QPen(c.now, 2));
            p.drawLine(QPointF(g.columnLeft(col), y), QPointF(g.columnLeft(col) + g.columnWidth(), y));
        }
        p.setClipping(false);
        paintHeader(p, s, c, first, last);
    } else {
        p.fillRect(QRect(0, 0, s.viewport.width(), s.headerHeight), c.header);
    }
    paintAxis(p, s, c, body);
    p.fillRect(QRect(0, 0, s.axisWidth, s.headerHeight), c.header);
}

} // namespace dermdesk::ui
