#pragma once

#include "agenda/ScheduleModel.h"
#include "ui/frontdesk/BookingPrefill.h"

#include <optional>

namespace dermdesk::ui {

// Where a booking form opened without a chosen slot starts: on what the schedule shows.
namespace booking_start {

// The first start on `column`'s day, on the clinic's grid, at or after wall-clock minute `fromMinute`, at
// which `minutes` are free in that column: inside working hours (ScheduleColumn::closed), outside its
// blockouts, and clear of the appointments that hold their slot. nullopt when the rest of the day has none.
[[nodiscard]] std::optional<int> firstFreeMinute(const ScheduleModel &model, int column, int fromMinute, int minutes);

// The booking form's starting point for the schedule's shown `day`: the practitioner (or room) of
// `column` when it is one of the model's columns (-1: none chosen; then the leftmost of the day's columns
// that is free first), and that column's first free time on the grid, at or after `nowUtc` when the day is
// today, from its opening on another day. Free means free for the whole visit and clean-up of `typeId` (the
// form's type; without one, the type the form offers first), each booked visit counted with its clean-up.
// Without a free time the start is left to the form.
[[nodiscard]] BookingPrefill fromSchedule(const ScheduleModel &model, QDate day, int column, qint64 nowUtc,
                                          std::optional<qint64> typeId = std::nullopt);

} // namespace booking_start
} // namespace dermdesk::ui
