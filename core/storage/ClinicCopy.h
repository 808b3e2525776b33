#pragma once

#include "common/Result.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <functional>

namespace dermdesk {

class Database;
class StorageEngine;

// Copies a whole clinic from one database into another created for it (a new clinic file, an empty database on a
// server), whatever the engine of either side, and proves the copy before keeping it.
//
// Every row of every table is copied with its id, the audit log and the other append-only tables included, in one
// write transaction on the target. A text index (a table T beside a view T_source, the schema's convention) is not
// copied but rebuilt on the target from its source view (StorageEngine::rebuildTextIndex). Tables are filled in the
// order of their references; a table's reference to itself is filled in once all its rows are there. Columns the
// schema's triggers derive are copied as they are (StorageEngine::filling), and proven with the rest. Afterwards the
// target hands out new ids past the copied ones (StorageEngine::afterExplicitIds). Before committing, every copied
// table's rows are counted and checksummed on both sides the same way (checksum()); any difference rolls the whole
// copy back. The source is read in one snapshot (StorageEngine::beginSnapshot), so desks may go on working on it.
//
// The target must hold no clinic: rows only in the tables a new clinic is created with (the migrations' defaults,
// which the copy replaces). Both sides must have the same schema version.
//
// Threading: the thread that opened both connections, as every Database.
class ClinicCopy
{
public:
    // What the copy of one table found.
    struct Table
    {
        QString name;
        // Rows in the source and, after the copy, in the target.
        qint64 sourceRows = 0;
        qint64 targetRows = 0;
        // checksum() of the table on each side (hex); empty for a rebuilt text index.
        QString sourceChecksum;
        QString targetChecksum;
        // A text index, rebuilt on the target rather than copied (only its row counts are compared).
        bool rebuilt = false;
        [[nodiscard]] bool matches() const { return sourceRows == targetRows && sourceChecksum == targetChecksum; }
    };

    // Called on the copying thread as rows land: the table, its rows copied so far and its rows in all, at the start
    // and end of each table and every few thousand rows in between.
    using Progress = std::function<void(const QString &table, qint64 copied, qint64 rows)>;

    // Copies from `source`, whose engine is `engine` (StorageEngine::backupTo passes its own).
    ClinicCopy(const StorageEngine &engine, QSqlDatabase source);
    explicit ClinicCopy(const Database &source);

    void setProgress(Progress progress) { m_progress = std::move(progress); }
    // Asked on the copying thread between batches of rows and tables: once it returns true the copy stops, leaves
    // the target as it was and fails with the Storage error "cancelled".
    void setCancelled(std::function<bool()> cancelled) { m_cancelled = std::move(cancelled); }

    // Copies the clinic into `target`, as the class comment says, and returns one entry per table in name order.
    // A target that holds a clinic is refused (Storage "target_not_empty") before anything is written; a failure,
    // or a checksum or count that differs, leaves the target as it was (Storage "copy_mismatch" names the tables).
    [[nodiscard]] Result<QList<Table>> into(const Database &target) const;

    // Creates the clinic file `file` (which must not exist, or be empty) and copies into it; on any failure the
    // file (and its -wal, -shm) is removed again.
    [[nodiscard]] Result<QList<Table>> intoNewFile(const QString &file) const;

    // A SHA-256 (hex) over the rows of `table` as `connection`'s driver returns them: each value in a canonical text
    // (NULL marked, integers in decimal, reals with 17 significant digits, text escaped) in `columns` order, rows in
    // `id` order when `columns` holds an `id`, otherwise in the order of their canonical texts. The same rows give
    // the same checksum on every engine. Also returns the row count.
    [[nodiscard]] static Result<std::pair<qint64, QString>>
    checksum(const StorageEngine &engine, QSqlDatabase connection, const QString &table, const QStringList &columns);

private:
    const StorageEngine &m_engine;
    QSqlDatabase m_source;
    Progress m_progress;
    std::function<bool()> m_cancelled;
};

} // namespace dermdesk
