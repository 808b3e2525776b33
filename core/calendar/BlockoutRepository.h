#pragma once

#include "Blockout.h"
#include "BlockoutOccurrence.h"
#include "ClinicTime.h"
#include "common/Clock.h"
#include "common/Result.h"

#include <QList>

namespace dermdesk {

class Database;

// Closures and blockouts: adds, removes and lists them, and expands weekly repeats into occurrences.
// Every write runs in one BEGIN IMMEDIATE transaction and is audited. The Database must outlive the
// repository; use it on the Database's thread.
class BlockoutRepository
{
public:
    explicit BlockoutRepository(const Database &database, const Clock &clock = Clock::system());

    // Validates (reason present; end after start; at most one of practitioner and room, each known;
    // repeatUntil not before the first occurrence's local date) and stores; returns the new id.
    // Errors: InvalidInput naming "reason", "end", "scope" or "repeat_until"; NotFound "practitioner"/"room".
    Result<qint64> add(const Blockout &blockout);
    // Deletes a blockout (it is not clinical data); audited with its details. NotFound "blockout".
    Status remove(qint64 id);
    [[nodiscard]] Result<Blockout> find(qint64 id) const;

    // The blockouts with at least one occurrence in `range` (UTC Unix seconds), by first start.
    [[nodiscard]] Result<QList<Blockout>> list(const ClinicTime::Range &range, const ClinicTime &time) const;
    // For the settings page: every blockout not over at `now` (UTC Unix seconds): one-off ones ending after it,
    // weekly ones repeating without end or until a local date on or after `now`'s local date; ordered by first
    // start. With includePast, every blockout there is.
    [[nodiscard]] Result<QList<Blockout>> all(qint64 now, const ClinicTime &time, bool includePast = false) const;
    // Every occurrence overlapping `range`, weekly repeats expanded in `time`'s zone, ordered by start.
    [[nodiscard]] Result<QList<BlockoutOccurrence>> occurrences(const ClinicTime::Range &range,
                                                                const ClinicTime &time) const;

    // Pure: the occurrences of `blockout` that overlap `range`, in start order.
    [[nodiscard]] static QList<BlockoutOccurrence> expand(const Blockout &blockout, const ClinicTime::Range &range,
                                                          const ClinicTime &time);

private:
    [[nodiscard]] Result<QList<Blockout>> candidates(const ClinicTime::Range &range, const ClinicTime &time) const;

    const Database &m_database;
    const Clock &m_clock;
};

} // namespace dermdesk
