#pragma once

#include "RecallEntry.h"
#include "common/Result.h"

#include <QDate>
#include <QList>
#include <QTimeZone>

namespace dermdesk {

class Database;

// The front desk's phone list: active plans of patients who are not archived, with sessions left, no
// session booked, and the next session's window (the last session done plus the plan's minimum .. maximum
// weeks; from the plan's creation when none was done) open on `date`, opening within `horizonDays`
// after it, or already closed (overdue). Most urgent first: the window's last day, then the patient's name.
// One query over the active plans' sessions (treatment_plan(status), treatment_session(plan_id)).
class RecallList
{
public:
    // Dates are judged in `zone`, the clinic's.
    RecallList(const Database &database, QTimeZone zone);

    [[nodiscard]] Result<QList<RecallEntry>> build(const QDate &date, int horizonDays) const;
    // The clinic's recall horizon setting (clinic_settings.recall_horizon_days).
    [[nodiscard]] Result<int> horizonSetting() const;

private:
    const Database &m_database;
    QTimeZone m_zone;
};

} // namespace dermdesk
