#pragma once

#include "PatientSummary.h"
#include "common/Clock.h"
#include "common/Result.h"

#include <QList>

namespace dermdesk {

class Database;

// Finds patients. Read-only for now; archived patients are never listed.
class PatientRepository
{
public:
    explicit PatientRepository(const Database &database, const Clock &clock = Clock::system());

    // Patients whose names match `text`, sorted by family then given name, at most `limit` of them.
    // Every whitespace-separated word of `text` must begin the given, family or preferred name,
    // ignoring case in any script ("mü" finds "Müller"). Empty text lists everyone from the start
    // of the alphabet. `nextVisitAt` is filled from now on.
    [[nodiscard]] Result<QList<PatientSummary>> search(const QString &text, int limit) const;

private:
    const Database &m_database;
    const Clock &m_clock;
};

} // namespace dermdesk
