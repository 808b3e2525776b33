#pragma once

#include "RecallEntry.h"
#include "common/Result.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QTimeZone>

#include <optional>

namespace dermdesk {

class Database;

// The front desk's phone list: active plans of patients who are not archived, with sessions left, no
// session booked, and the next session's window (the last session done plus the plan's minimum .. maximum
// weeks; from the plan's creation when none was done) open on `date`, opening within `horizonDays`
// after it, or already closed (overdue). Most urgent first: the window's last day, then the patient's name.
// One statement finds the active plans without a session ahead (from the indexes of the sessions not yet performed
// and of the appointments ahead, schema version 13), then the few plans left are read by id.
class RecallList
{
public:
    // Dates are judged in `zone`, the clinic's.
    RecallList(const Database &database, QTimeZone zone);

    [[nodiscard]] Result<QList<RecallEntry>> build(const QDate &date, int horizonDays) const;
    // The clinic's recall horizon setting (clinic_settings.recall_horizon_days).
    [[nodiscard]] Result<int> horizonSetting() const;

private:
    // What a plan's done sessions add up to: how many, the highest session number, the latest date (UTC).
    struct Done
    {
        int count = 0;
        int lastSequence = 0;
        std::optional<qint64> lastAt;
    };
    // The active plans without a session ahead (booked, not performed, its appointment holding its slot and not
    // completed), by id.
    [[nodiscard]] Result<QList<qint64>> unbookedPlans() const;
    // The done sessions of `planIds` (at most sqlListBatch), by plan id; plans without any are absent.
    [[nodiscard]] Result<QHash<qint64, Done>> sessionsDone(const QList<qint64> &planIds) const;

    const Database &m_database;
    QTimeZone m_zone;
};

} // namespace dermdesk
