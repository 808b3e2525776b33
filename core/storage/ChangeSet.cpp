#include "ChangeSet.h"

namespace dermdesk {

bool ChangeSet::isEmpty() const
{
    return !everything && !setup && !blockouts && appointments.isEmpty() && patients.isEmpty() && plans.isEmpty()
        && waitlistEntries.isEmpty();
}

void ChangeSet::merge(const ChangeSet &other)
{
    everything = everything || other.everything;
    setup = setup || other.setup;
    blockouts = blockouts || other.blockouts;
    appointments.unite(other.appointments);
    patients.unite(other.patients);
    plans.unite(other.plans);
    waitlistEntries.unite(other.waitlistEntries);
    for (const Span &span : other.spans) {
        if (!spans.contains(span))
            spans.append(span);
    }
    local = local && other.local;
}

bool ChangeSet::touchesSchedule(qint64 start, qint64 end) const
{
    if (everything || setup || blockouts)
        return true;
    for (const Span &span : spans) {
        if (span.start < end && start < span.end)
            return true;
    }
    return false;
}

bool ChangeSet::touchesAnySchedule() const
{
    return everything || setup || blockouts || !appointments.isEmpty();
}

} // namespace dermdesk
