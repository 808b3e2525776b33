#pragma once

#include "DemoBatchInsert.h"
#include "DemoPeople.h"
#include "DemoRecords.h"
#include "DemoScreening.h"
#include "common/Clock.h"
#include "common/Result.h"

#include <QJsonObject>

#include <vector>

#include <functional>
#include <memory>

namespace dermdesk {
class Database;
}

namespace dermdesk::demo {

// What a performed session records beyond its appointment, as indexes into the vocabulary
// (device, numbing, products, reaction, note); the treated areas and depths follow the plan.
struct DemoSessionDetails
{
    quint8 device = 0;
    quint8 numbing = 0;
    quint8 products = 0;
    quint8 reaction = 0;
    quint8 note = 0;
    // The cartridge lot: the device's prefix, the month it was made (yyMM) and a serial.
    int lotMonth = 0;
    int lotSerial = 0;
};

// Bulk writer for the demo's patients (with their screening answers), plans, appointments, sessions and blockouts: rows
// are queued per table and inserted by multi-row INSERT statements (DemoBatchInsert), prepared once and reused, with
// bound values, inside the Transaction that inChunks() holds. It binds through SQLite's C API on the Database's own
// connection, because QSqlQuery's per-value overhead would take most of the time on a million rows. The overlap
// triggers and foreign keys stay on throughout and fire for every row, so the database itself vouches that every row
// obeys its rules.
//
// Owns its statements; `database` must outlive it. Use it on the database's thread only.
class DemoWriter
{
public:
    explicit DemoWriter(const Database &database);
    ~DemoWriter();
    DemoWriter(const DemoWriter &) = delete;
    DemoWriter &operator=(const DemoWriter &) = delete;

    // For a file no one else uses yet: no fsync per commit, a 256 MiB page cache and an in-memory
    // rollback journal instead of the write-ahead log while loading. endBulkLoad() (or the
    // destructor) restores WAL, synchronous=FULL and the default cache. Triggers and foreign
    // keys are never touched.
    //
    // A crash in between leaves a file to throw away, which createFile() would do anyway.
    // The insert...() calls need beginBulkLoad() first.
    Status beginBulkLoad();
    Status endBulkLoad();

    // Calls write(i) for i in [0, count), `chunk` rows per transaction, then done(i + 1) after each
    // committed chunk. The first failure rolls its chunk back and is returned.
    Status inChunks(qsizetype count, qsizetype chunk, const std::function<Status(qsizetype)> &write,
                    const std::function<void(qsizetype)> &done = {});

    // Each insert...() queues its row(s), which land by the end of inChunks()'s current chunk.
    Status insertPatient(qint64 id, const DemoPatientInfo &info, const DemoPerson &person);
    // Also writes the plan's areas with their planned depths.
    Status insertPlan(qint64 id, const DemoPlan &plan, qint64 typeId);
    // Appointments starting at or after setHistorySince()'s instant also get their status history (booking,
    // then each change on the legal path to their status); older ones have none, like
    // appointments stored before schema version 2.
    Status insertAppointment(qint64 id, const DemoAppointment &appointment, const DemoTypeInfo &type);
    void setHistorySince(qint64 utcSeconds) { m_historySince = utcSeconds; }
    // `details` and the areas are written only when the session was performed (performedAt != 0).
    Status insertSession(qint64 id, const DemoSession &session, const DemoPlan &plan,
                         const DemoSessionDetails &details);
    Status insertBlockout(const DemoBlockout &blockout);
    // The questionnaire insertScreening() answers: the active questions, in form order.
    void setScreeningQuestions(const QList<ScreeningQuestion> &questions);
    // One answer per question for a screened patient (none for one never screened), "no" but for the
    // screening's "yes" answers, with the patient's detail; queued like the patient's own row.
    Status insertScreening(qint64 patientId, const DemoScreening &screening);

    // The one audit_log row that says a demo clinic was generated, in its own transaction.
    Status recordGenerated(const QJsonObject &details, const Clock &clock);

private:
    struct Texts;

    void createBatches();
    Status insertStatusHistory(qint64 id, const DemoAppointment &appointment);
    // One row (owner, area, depth in mm) in `table` for each area bit set in `areas`.
    Status insertAreas(int table, qint64 ownerId, quint32 areas, const std::function<double(int)> &depthMm);
    // Writes every queued row, parents first.
    Status flushAll();

    const Database &m_database;
    std::unique_ptr<Texts> m_texts;
    // One per table, in the order rows must land; created by beginBulkLoad(), finalized by endBulkLoad().
    std::vector<std::unique_ptr<DemoBatchInsert>> m_batches;
    qint64 m_historySince = 0;
    std::vector<qint64> m_questions;
    bool m_bulk = false;
    bool m_journalChanged = false;
};

} // namespace dermdesk::demo
