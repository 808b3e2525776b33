#pragma once

#include "calendar/ClinicTime.h"

#include <QDate>
#include <QList>
#include <QPointF>
#include <QRectF>

#include <optional>

namespace dermdesk::ui {

// The schedule view's geometry, free of widgets so it can be tested alone: local wall-clock minute ↔ y,
// column ↔ x, where appointment blocks go (lanes for overlaps) and what lies under a point.
//
// Coordinates are the view's content coordinates in pixels (before scrolling). The vertical axis is the
// clinic's wall clock of one local day, 00:00 at `top()` and 24:00 at the bottom, so 09:00 sits at the
// same height in every column, daylight-saving days included: on a spring-forward day the skipped hour
// exists on the axis but no instant maps into it (yToTime gives nullopt there); on a fall-back day both
// readings of the repeated hour map onto the same wall-clock minutes.
class ScheduleGeometry
{
public:
    static constexpr int minutesPerDay = 24 * 60;

    // `slotMinutes` is the clinic's grid (5, 10, 15, ...): yToMinute snaps to it.
    ScheduleGeometry(ClinicTime time, int slotMinutes);

    [[nodiscard]] const ClinicTime &time() const { return m_time; }
    [[nodiscard]] int slotMinutes() const { return m_slotMinutes; }

    // Pixels per slot (at least 1).
    void setSlotHeight(double pixels);
    [[nodiscard]] double slotHeight() const { return m_slotHeight; }
    [[nodiscard]] double minuteHeight() const { return m_slotHeight / m_slotMinutes; }
    // The y of 00:00.
    void setTop(double top) { m_top = top; }
    [[nodiscard]] double top() const { return m_top; }
    // The height of the whole day, 00:00 to 24:00.
    [[nodiscard]] double dayHeight() const { return minuteHeight() * minutesPerDay; }

    // `count` equal columns from x = `left`, together `width` pixels wide.
    void setColumns(int count, double left, double width);
    [[nodiscard]] int columnCount() const { return m_columnCount; }
    [[nodiscard]] double columnLeft(int column) const { return m_left + column * columnWidth(); }
    [[nodiscard]] double columnWidth() const;
    // The column under x, or -1 outside every column.
    [[nodiscard]] int columnAt(double x) const;

    // Wall-clock minute of the day (may be fractional) → y.
    [[nodiscard]] double minuteToY(double minute) const { return m_top + minute * minuteHeight(); }
    // The wall-clock minute of `utc` on local `day`: 0 for an instant before the day, 1440 for one after.
    [[nodiscard]] int minuteOn(qint64 utc, const QDate &day) const;
    [[nodiscard]] double timeToY(qint64 utc, const QDate &day) const { return minuteToY(minuteOn(utc, day)); }
    // Where a visit [startsAt, endsAt) ends on `day`'s axis: minuteOn(endsAt), but never less than its start's
    // minute plus its length, so a visit that runs into the hour the clocks repeat keeps its height.
    [[nodiscard]] int endMinuteOn(qint64 startsAt, qint64 endsAt, const QDate &day) const;
    // The instant an appointment placed at `minute` (0..1440) of `day` starts. Where the clocks show that time
    // twice, the reading at the UTC offset `sameOffsetAs` is at (the appointment's current start), else the
    // first; where they skip it, the refusal naming the jump.
    [[nodiscard]] Result<qint64> placedStart(const QDate &day, int minute, qint64 sameOffsetAs) const;
    // The instant an appointment starting at `startsAt` and reaching `minute` (0..1440) of `day` ends: the
    // first reading of that time after the start.
    [[nodiscard]] Result<qint64> placedEnd(const QDate &day, int minute, qint64 startsAt) const;
    // The start of the slot under y, in wall-clock minutes, clamped to the day.
    [[nodiscard]] int yToMinute(double y) const;
    // The instant the slot under y starts on `day`; nullopt when that wall-clock time does not exist
    // (skipped by daylight saving). A repeated time means its first occurrence.
    [[nodiscard]] std::optional<qint64> yToTime(double y, const QDate &day) const;
    // A slot's rectangle.
    [[nodiscard]] QRectF slotRect(int column, int minute) const;

    // One appointment placed in a column. Fill id, column, startMin, endMin (wall-clock minutes on the
    // column's day, see minuteOn) and isVoid (cancelled or no-show); layout() sets lane and laneCount.
    struct Block
    {
        qint64 id = 0;
        int column = 0;
        int startMin = 0;
        int endMin = 0;
        bool isVoid = false;
        int lane = 0;
        int laneCount = 1;
        // How many of the group's lanes hold live blocks (the first ones); the rest hold only void blocks.
        int liveLanes = 1;
    };
    // Places overlapping blocks of a column side by side. Live appointments take the first lanes, so a
    // cancelled or no-show block never covers a live one; a group of overlapping blocks shares the
    // column's width, a void-only lane a third as wide as a live one, so cancelled and no-show blocks stay
    // visible without squeezing the day's real appointments. Blocks need not be sorted; their order is kept.
    static void layout(QList<Block> &blocks);
    // Where a laid-out block is drawn (at least a third of a slot high).
    [[nodiscard]] QRectF blockRect(const Block &block) const;

    // The height of the strip at a block's bottom edge that resizes it.
    static constexpr double resizeHandle = 6;

    struct Hit
    {
        enum class Kind {
            Nothing,
            Slot,
            Appointment,
            ResizeHandle,
        };
        Kind kind = Kind::Nothing;
        int column = -1;
        // The slot's start (wall-clock minutes) under the point, also over an appointment.
        int minute = 0;
        // For Appointment and ResizeHandle: which block (index in the list given) and its id.
        qsizetype block = -1;
        qint64 appointmentId = 0;
    };
    // What is under `point`: live blocks are hit before void ones (they are drawn on top).
    [[nodiscard]] Hit hitTest(const QPointF &point, const QList<Block> &blocks) const;

private:
    ClinicTime m_time;
    int m_slotMinutes = 15;
    double m_slotHeight = 20;
    double m_top = 0;
    int m_columnCount = 0;
    double m_left = 0;
    double m_width = 0;
};

} // namespace dermdesk::ui
