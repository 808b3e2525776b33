#pragma once

#include <QList>
#include <QString>

class QComboBox;

namespace dermdesk {
class ScheduleSetup;
struct AppointmentType;
} // namespace dermdesk

namespace dermdesk::ui::setup_choices {

// Fills the front-desk combo boxes from the clinic's set-up. Every item carries its record's id as item
// data (0 for an "any"/"automatic" item). Refilling keeps the current choice when it is still offered.

// The active appointment types some active practitioner performs, in their sort order.
[[nodiscard]] QList<const AppointmentType *> bookableTypes(const ScheduleSetup &setup);
// bookableTypes(), with their colour.
void fillTypes(QComboBox *combo, const ScheduleSetup &setup);
// The active practitioners who perform `typeId` (every active one when typeId is 0), with their colour;
// with a non-empty `anyText` a first item (id 0) stands for any of them.
void fillPractitioners(QComboBox *combo, const ScheduleSetup &setup, qint64 typeId, const QString &anyText = {});
// `automaticText` (id 0), then the active rooms that can host `typeId`.
void fillRooms(QComboBox *combo, const ScheduleSetup &setup, qint64 typeId, const QString &automaticText);

// The current item's id; 0 when none or the "any"/"automatic" item is chosen.
[[nodiscard]] qint64 currentId(const QComboBox *combo);
// Makes the item with `id` current; false (and nothing changes) when there is none.
bool selectId(QComboBox *combo, qint64 id);

} // namespace dermdesk::ui::setup_choices
