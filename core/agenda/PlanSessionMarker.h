#pragma once

#include "agenda/AgendaEntry.h"
#include "calendar/ClinicTime.h"
#include "treatment/PlanSessionFacts.h"

#include <QHash>
#include <QString>

namespace dermdesk {

// Marks treatment-plan sessions as the schedule shows them, one read of the schedule at a time:
// `entry.planSession` becomes "n of N" and `entry.outsideWindow` says whether the session lies outside its
// interval window after the previous session (judged on local dates in the clinic's zone; an early
// booking made on purpose is not flagged). The "n of N" texts are made once per read and shared.
// `time` must outlive the marker.
class PlanSessionMarker
{
public:
    explicit PlanSessionMarker(const ClinicTime &time);

    void mark(AgendaEntry &entry, const PlanSessionFacts &facts);

private:
    const ClinicTime &m_time;
    const QString m_ofTemplate;
    QHash<int, QString> m_labels;
};

} // namespace dermdesk
