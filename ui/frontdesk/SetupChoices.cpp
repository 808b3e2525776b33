#include "ui/frontdesk/SetupChoices.h"

#include "calendar/ScheduleSetup.h"
#include "ui/widgets/Icons.h"

#include <QComboBox>
#include <QSignalBlocker>

namespace dermdesk::ui::setup_choices {

namespace {

// Refills `combo` through `fill`, then restores the previous choice (or the first item) and emits
// currentIndexChanged only when the choice really changed.
template<typename Fill>
void refill(QComboBox *combo, Fill fill)
{
    const qint64 before = currentId(combo);
    const bool hadItems = combo->count() > 0;
    {
        const QSignalBlocker blocker(combo);
        combo->clear();
        fill();
        if (!selectId(combo, before) && combo->count() > 0)
            combo->setCurrentIndex(0);
    }
    if (!hadItems || currentId(combo) != before)
        emit combo->currentIndexChanged(combo->currentIndex());
}

} // namespace

QList<const AppointmentType *> bookableTypes(const ScheduleSetup &setup)
{
    QList<const AppointmentType *> types;
    for (const Practitioner &practitioner : setup.practitioners()) {
        if (!practitioner.active)
            continue;
        for (qint64 typeId : practitioner.typeIds) {
            const AppointmentType *type = setup.type(typeId);
            if (type && type->active && !types.contains(type))
                types.append(type);
        }
    }
    std::sort(types.begin(), types.end(), [](const AppointmentType *a, const AppointmentType *b) {
        return a->sortOrder != b->sortOrder ? a->sortOrder < b->sortOrder : a->id < b->id;
    });
    return types;
}

void fillTypes(QComboBox *combo, const ScheduleSetup &setup)
{
    refill(combo, [&] {
        for (const AppointmentType *type : bookableTypes(setup))
            combo->addItem(icons::swatch(QColor(type->colour)), type->name, type->id);
    });
}

void fillPractitioners(QComboBox *combo, const ScheduleSetup &setup, qint64 typeId, const QString &anyText)
{
    refill(combo, [&] {
        if (!anyText.isEmpty())
            combo->addItem(anyText, qint64(0));
        for (const Practitioner &practitioner : setup.practitioners()) {
            if (practitioner.active && (typeId == 0 || practitioner.typeIds.contains(typeId)))
                combo->addItem(icons::swatch(QColor(practitioner.colour)), practitioner.displayName, practitioner.id);
        }
    });
}

void fillRooms(QComboBox *combo, const ScheduleSetup &setup, qint64 typeId, const QString &automaticText)
{
    refill(combo, [&] {
        combo->addItem(automaticText, qint64(0));
        for (const Room &room : setup.rooms()) {
            if (room.active && room.typeIds.contains(typeId))
                combo->addItem(room.name, room.id);
        }
    });
}

qint64 currentId(const QComboBox *combo)
{
    return combo->currentIndex() < 0 ? 0 : combo->currentData().toLongLong();
}

bool selectId(QComboBox *combo, qint64 id)
{
    const int index = combo->findData(id);
    if (index < 0)
        return false;
    combo->setCurrentIndex(index);
    return true;
}

} // namespace dermdesk::ui::setup_choices
