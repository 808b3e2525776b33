#pragma once

#include "common/Result.h"
#include "storage/ChangeSet.h"

namespace dermdesk {

class Database;

// Reads what was committed from the audit log's tail: every change to patients, appointments, plans, the waitlist,
// blockouts and the set-up writes an audit_log row in the same transaction, whoever made it (this window, another
// window, another desk, dermdesk-cli). Appointment rows are completed with the time the appointment occupies now
// and its patient, so a view can tell whether it shows them.
//
// Use on the Database's thread; the Database must outlive the reader.
class ChangeReader
{
public:
    explicit ChangeReader(const Database &database);

    // The newest audit row's id (0 when the log is empty).
    [[nodiscard]] Result<qint64> newestId() const;
    // The changes recorded after audit row `afterId`, and in `*newestId` the id of the last row read (afterId when
    // none). More rows than a view could usefully follow one by one (an import, a demo) read as `everything`.
    [[nodiscard]] Result<ChangeSet> changesAfter(qint64 afterId, qint64 *newestId) const;

private:
    const Database &m_database;
};

} // namespace dermdesk
