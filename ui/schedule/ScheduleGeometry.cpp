#include "ui/schedule/ScheduleGeometry.h"

#include <QDateTime>
#include <QHash>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace dermdesk::ui {

ScheduleGeometry::ScheduleGeometry(ClinicTime time, int slotMinutes)
    : m_time(std::move(time))
    , m_slotMinutes(std::clamp(slotMinutes, 1, 60))
{
}

void ScheduleGeometry::setSlotHeight(double pixels)
{
    m_slotHeight = std::max(1.0, pixels);
}

void ScheduleGeometry::setColumns(int count, double left, double width)
{
    m_columnCount = std::max(0, count);
    m_left = left;
    m_width = std::max(0.0, width);
}

double ScheduleGeometry::columnWidth() const
{
    return m_columnCount > 0 ? m_width / m_columnCount : 0.0;
}

int ScheduleGeometry::columnAt(double x) const
{
    if (m_columnCount == 0 || x < m_left || x >= m_left + m_width)
        return -1;
    return std::clamp(int((x - m_left) / columnWidth()), 0, m_columnCount - 1);
}

int ScheduleGeometry::minuteOn(qint64 utc, const QDate &day) const
{
    const QDateTime local = m_time.toLocal(utc);
    if (local.date() < day)
        return 0;
    if (local.date() > day)
        return minutesPerDay;
    return local.time().hour() * 60 + local.time().minute();
}

int ScheduleGeometry::endMinuteOn(qint64 startsAt, qint64 endsAt, const QDate &day) const
{
    const int start = minuteOn(startsAt, day);
    const qint64 length = std::max<qint64>(0, endsAt - startsAt) / 60;
    return int(std::max<qint64>(minuteOn(endsAt, day), std::min<qint64>(start + length, minutesPerDay)));
}

Result<qint64> ScheduleGeometry::placedStart(const QDate &day, int minute, qint64 sameOffsetAs) const
{
    if (minute >= minutesPerDay)
        return m_time.toUtc(day, minute);
    auto readings = m_time.readings(day, minute);
    if (!readings)
        return readings.error();
    const int offset = m_time.offsetAt(sameOffsetAs);
    for (const ClinicTime::Reading &reading : readings.value()) {
        if (reading.offsetSeconds == offset)
            return reading.instant;
    }
    return readings.value().constFirst().instant;
}

Result<qint64> ScheduleGeometry::placedEnd(const QDate &day, int minute, qint64 startsAt) const
{
    if (minute >= minutesPerDay)
        return m_time.toUtc(day, minute, QStringLiteral("end"));
    auto readings = m_time.readings(day, minute, QStringLiteral("end"));
    if (!readings)
        return readings.error();
    for (const ClinicTime::Reading &reading : readings.value()) {
        if (reading.instant > startsAt)
            return reading.instant;
    }
    return readings.value().constLast().instant;
}

int ScheduleGeometry::yToMinute(double y) const
{
    const int minute = int(std::floor((y - m_top) / minuteHeight()));
    const int snapped = minute >= 0 ? minute - minute % m_slotMinutes : 0;
    return std::clamp(snapped, 0, minutesPerDay - m_slotMinutes);
}

std::optional<qint64> ScheduleGeometry::yToTime(double y, const QDate &day) const
{
    auto instant = m_time.toUtc(day, yToMinute(y));
    if (!instant)
        return std::nullopt;
    return instant.value();
}

QRectF ScheduleGeometry::slotRect(int column, int minute) const
{
    return {columnLeft(column), minuteToY(minute), columnWidth(), m_slotHeight};
}

void ScheduleGeometry::layout(QList<Block> &blocks)
{
    // Live blocks first, each group in start order; then each block takes the first lane free at its time.
    QList<qsizetype> order(blocks.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&blocks](qsizetype a, qsizetype b) {
        const Block &x = blocks.at(a);
        const Block &y = blocks.at(b);
        if (x.column != y.column)
            return x.column < y.column;
        if (x.isVoid != y.isVoid)
            return !x.isVoid;
        return x.startMin < y.startMin;
    });
    const auto overlaps = [](const Block &a, const Block &b) {
        return a.column == b.column && a.startMin < std::max(b.endMin, b.startMin + 1)
               && b.startMin < std::max(a.endMin, a.startMin + 1);
    };
    for (qsizetype i = 0; i < order.size(); ++i) {
        Block &block = blocks[order.at(i)];
        for (int lane = 0;; ++lane) {
            bool free = true;
            for (qsizetype j = 0; j < i && free; ++j) {
                const Block &placed = blocks.at(order.at(j));
                free = placed.lane != lane || !overlaps(placed, block);
            }
            if (free) {
                block.lane = lane;
                break;
            }
        }
    }
    // A group is every block connected through overlaps; all of it shares one lane count.
    QList<qsizetype> group(blocks.size());
    std::iota(group.begin(), group.end(), 0);
    const auto root = [&group](qsizetype i) {
        while (group.at(i) != i)
            i = group[i] = group.at(group.at(i));
        return i;
    };
    for (qsizetype i = 0; i < blocks.size(); ++i) {
        for (qsizetype j = i + 1; j < blocks.size(); ++j) {
            if (overlaps(blocks.at(i), blocks.at(j)))
                group[root(j)] = root(i);
        }
    }
    QHash<qsizetype, int> lanes;
    QHash<qsizetype, int> liveLanes;
    for (qsizetype i = 0; i < blocks.size(); ++i) {
        int &count = lanes[root(i)];
        count = std::max(count, blocks.at(i).lane + 1);
        int &live = liveLanes[root(i)];
        if (!blocks.at(i).isVoid)
            live = std::max(live, blocks.at(i).lane + 1);
    }
    for (qsizetype i = 0; i < blocks.size(); ++i) {
        blocks[i].laneCount = lanes.value(root(i), 1);
        blocks[i].liveLanes = liveLanes.value(root(i), 0);
    }
}

QRectF ScheduleGeometry::blockRect(const Block &block) const
{
    // Live lanes weigh 3, void-only lanes 1 (all equal when the group is all live or all void).
    const int lanes = std::max(1, block.laneCount);
    const int live = block.liveLanes > 0 && block.liveLanes < lanes ? block.liveLanes : lanes;
    const auto weight = [live](int lane) { return lane < live ? 3.0 : 1.0; };
    const double unit = columnWidth() / (3.0 * live + (lanes - live));
    double left = 0;
    for (int lane = 0; lane < block.lane; ++lane)
        left += weight(lane) * unit;
    const double top = minuteToY(block.startMin);
    const double height = std::max(m_slotHeight / 3, minuteToY(block.endMin) - top);
    return {columnLeft(block.column) + left, top, weight(block.lane) * unit, height};
}

ScheduleGeometry::Hit ScheduleGeometry::hitTest(const QPointF &point, const QList<Block> &blocks) const
{
    Hit hit;
    hit.column = columnAt(point.x());
    if (hit.column < 0 || point.y() < m_top || point.y() >= m_top + dayHeight())
        return hit;
    hit.minute = yToMinute(point.y());
    hit.kind = Hit::Kind::Slot;
    for (const bool voidPass : {false, true}) {
        for (qsizetype i = 0; i < blocks.size(); ++i) {
            const Block &block = blocks.at(i);
            if (block.isVoid != voidPass || block.column != hit.column)
                continue;
            const QRectF rect = blockRect(block);
            if (!rect.contains(point))
                continue;
            hit.block = i;
            hit.appointmentId = block.id;
            hit.kind = !block.isVoid && point.y() >= rect.bottom() - resizeHandle && rect.height() > 2 * resizeHandle
                           ? Hit::Kind::ResizeHandle
                           : Hit::Kind::Appointment;
            return hit;
        }
    }
    return hit;
}

} // namespace dermdesk::ui
