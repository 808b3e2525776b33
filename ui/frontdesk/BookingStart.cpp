#include "ui/frontdesk/BookingStart.h"

#include "calendar/AppointmentStatus.h"
#include "ui/frontdesk/SetupChoices.h"

#include <algorithm>

namespace dermdesk::ui::booking_start {

namespace {

// Where [startsAt, endsAt) lies on `day`'s wall clock, clipped to the day.
MinuteSpan spanOn(const ClinicTime &time, QDate day, qint64 startsAt, qint64 endsAt)
{
    const QDate startDay = time.localDate(startsAt);
    const QDate endDay = time.localDate(endsAt);
    MinuteSpan span;
    span.startMin = startDay < day ? 0 : (startDay > day ? 24 * 60 : time.localMinute(startsAt));
    span.endMin = endDay > day ? 24 * 60 : (endDay < day ? 0 : time.localMinute(endsAt));
    return span;
}

bool overlaps(const MinuteSpan &span, int from, int to)
{
    return span.startMin < to && from < span.endMin;
}

} // namespace

std::optional<int> firstFreeMinute(const ScheduleModel &model, int column, int fromMinute, int minutes)
{
    const auto &setup = model.setup();
    if (!setup || column < 0 || column >= model.scheduleColumns().size())
        return std::nullopt;
    const ClinicTime &time = setup->time();
    const ScheduleColumn &c = model.scheduleColumns().at(column);
    QList<MinuteSpan> taken = c.closed;
    for (const BlockoutOccurrence &blockout : c.blockouts)
        taken.append(spanOn(time, c.day, blockout.startsAt, blockout.endsAt));
    for (int row = 0; row < model.rowCount(); ++row) {
        const AgendaEntry &entry = model.entry(row);
        if (model.columnOf(row) != column || !appointment_status::holdsSlot(entry.status))
            continue;
        // Busy until its clean-up is done, as the booking rules count it.
        const AppointmentType *type = setup->type(entry.typeId);
        const qint64 busyUntil = entry.endsAt + 60 * qint64(type ? type->cleanupMin : 0);
        taken.append(spanOn(time, c.day, entry.startsAt, busyUntil));
    }
    const int grid = std::max(1, setup->slotMinutes());
    const int length = std::max(grid, minutes);
    for (int minute = (std::max(0, fromMinute) + grid - 1) / grid * grid; minute + length <= 24 * 60; minute += grid) {
        const bool free = std::none_of(taken.cbegin(), taken.cend(),
                                       [&](const MinuteSpan &span) { return overlaps(span, minute, minute + length); });
        if (free)
            return minute;
    }
    return std::nullopt;
}

BookingPrefill fromSchedule(const ScheduleModel &model, QDate day, int column, qint64 nowUtc,
                            std::optional<qint64> typeId)
{
    BookingPrefill prefill;
    const auto &setup = model.setup();
    if (!setup)
        return prefill;
    const QList<ScheduleColumn> &columns = model.scheduleColumns();
    QList<int> candidates;
    if (column >= 0 && column < columns.size()) {
        day = columns.at(column).day;
        candidates << column;
    } else {
        for (int c = 0; c < columns.size(); ++c) {
            if (columns.at(c).day == day)
                candidates << c;
        }
    }
    const AppointmentType *type = typeId ? setup->type(*typeId) : nullptr;
    if (!type) {
        const QList<const AppointmentType *> offered = setup_choices::bookableTypes(*setup);
        type = offered.isEmpty() ? nullptr : offered.first();
    }
    const int minutes = type ? type->visitMinutes() + type->cleanupMin : setup->slotMinutes();
    const ClinicTime &time = setup->time();
    const int fromMinute = time.localDate(nowUtc) == day ? time.localMinute(nowUtc) : 0;
    // The chosen column, or else the leftmost of those free first.
    int found = candidates.size() == 1 ? candidates.first() : -1;
    std::optional<int> earliest;
    for (const int c : std::as_const(candidates)) {
        const std::optional<int> free = firstFreeMinute(model, c, fromMinute, minutes);
        if (free && (!earliest || *free < *earliest)) {
            earliest = free;
            found = c;
        }
    }
    if (found >= 0) {
        if (columns.at(found).practitionerId > 0)
            prefill.practitionerId = columns.at(found).practitionerId;
        if (columns.at(found).roomId > 0)
            prefill.roomId = columns.at(found).roomId;
    }
    if (earliest) {
        if (const auto start = time.toUtc(day, *earliest))
            prefill.startsAt = start.value();
    }
    return prefill;
}

} // namespace dermdesk::ui::booking_start
