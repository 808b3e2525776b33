#pragma once

#include "HandoutRecord.h"
#include "common/Clock.h"
#include "common/Result.h"

#include <QList>

namespace dermdesk {

class Database;

// The log of documents printed for patients (handout_log, handout_log_template; append-only).
class HandoutLogRepository
{
public:
    explicit HandoutLogRepository(const Database &database, const Clock &clock = Clock::system());

    // Logs `record` as printed now by this computer's user, with its template versions, in one
    // transaction with an audit record (entity "patient", action "handout_printed"). Returns its id.
    // Errors: NotFound for an unknown patient, InvalidInput naming "document" or "output".
    Result<qint64> record(const HandoutRecord &record);

    // A patient's printed documents, newest first, with the titles of the template versions they held.
    [[nodiscard]] Result<QList<HandoutRecord>> forPatient(qint64 patientId) const;

private:
    const Database &m_database;
    const Clock &m_clock;
};

} // namespace dermdesk
