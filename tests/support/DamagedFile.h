#pragma once

#include "storage/Database.h"

#include <QByteArray>
#include <QFile>
#include <QSqlQuery>
#include <QString>

#include <sqlite3.h>

namespace dermdesk::test {

// Adds patients `from`..`to` (ids), enough rows for the patient table to span several leaf pages.
inline bool addNumberedPatients(const Database &database, int from, int to)
{
    QSqlQuery query(database.connection());
    query.prepare(
        QStringLiteral("WITH RECURSIVE n(i) AS (SELECT ? UNION ALL SELECT i + 1 FROM n WHERE i < ?) "
                       "INSERT INTO patient (id, given_name, family_name, birth_date, created_at, updated_at) "
                       "SELECT i, 'Given' || i, 'Family' || i, '1980-01-01', 0, 0 FROM n"));
    query.addBindValue(from);
    query.addBindValue(to);
    return query.exec();
}

// Damages a closed clinic database the way a failing disk does: one bit flipped in a b-tree leaf page
// of `table` (its first cell pointer), found with SQLite's dbstat table. Checkpoints the write-ahead
// log into the file first, so the page is in the file itself. Returns the page number, or 0 on failure.
inline int flipBitInTablePage(const QString &path, const char *table)
{
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(QFile::encodeName(path).constData(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
        sqlite3_close(db);
        return 0;
    }
    int page = 0;
    int pageSize = 0;
    sqlite3_exec(db, "PRAGMA wal_checkpoint(TRUNCATE)", nullptr, nullptr, nullptr);
    sqlite3_stmt *statement = nullptr;
    if (sqlite3_prepare_v2(db,
                           "SELECT pageno, (SELECT page_size FROM pragma_page_size) FROM dbstat "
                           "WHERE name = ?1 AND pagetype = 'leaf' AND ncell > 1 ORDER BY pageno DESC LIMIT 1",
                           -1, &statement, nullptr)
        == SQLITE_OK) {
        sqlite3_bind_text(statement, 1, table, -1, SQLITE_STATIC);
        if (sqlite3_step(statement) == SQLITE_ROW) {
            page = sqlite3_column_int(statement, 0);
            pageSize = sqlite3_column_int(statement, 1);
        }
    }
    sqlite3_finalize(statement);
    sqlite3_close(db);
    if (page < 2)
        return 0;
    QFile file(path);
    if (!file.open(QIODevice::ReadWrite))
        return 0;
    // A leaf page's header is 8 bytes; the first cell pointer follows. Its high byte's bit 6 sends the
    // pointer 16 KiB away, past the end of any page.
    const qint64 offset = qint64(page - 1) * pageSize + 8;
    file.seek(offset);
    QByteArray byte = file.read(1);
    byte[0] = char(byte.at(0) ^ 0x40);
    file.seek(offset);
    return file.write(byte) == 1 ? page : 0;
}

} // namespace dermdesk::test
