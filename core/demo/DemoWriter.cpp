#include "DemoWriter.h"

#include "DemoVocabulary.h"
#include "storage/AuditLog.h"
#include "storage/Database.h"
#include "storage/SqlError.h"
#include "storage/Transaction.h"

#include <QCoreApplication>
#include <QHash>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <array>
#include <cstdio>
#include <optional>

namespace dermdesk::demo {

namespace {

using vocabulary::tr;

enum Table {
    PatientRows,
    PlanRows,
    PlanAreaRows,
    AppointmentRows,
    StatusChangeRows,
    SessionRows,
    SessionAreaRows,
    BlockoutRows,
    ScreeningRows,
    TableCount
};

struct TableSpec
{
    const char *insertHead;
    int columns;
    int parent; // the table its rows refer to, whose pending rows must land first; -1 for none
};

// In the order rows must land: a parent before its children.
constexpr std::array<TableSpec, TableCount> tables{{
    {"INSERT INTO patient (id, given_name, family_name, preferred_name, birth_date, phone, phone_home, email, address, "
     "emergency_contact, preferred_channel, reminder_consent, fitzpatrick, allergies, medications, notes, archived, "
     "created_at, updated_at) VALUES ",
     19, -1},
    {"INSERT INTO treatment_plan (id, patient_id, lead_practitioner_id, type_id, concerns, areas, planned_sessions, "
     "interval_min_weeks, interval_max_weeks, status, stop_reason, goals, notes, consent_form_version, consent_date, "
     "created_at, updated_at) VALUES ",
     17, PatientRows},
    {"INSERT INTO treatment_plan_area (plan_id, area, planned_depth_mm) VALUES ", 3, PlanRows},
    {"INSERT INTO appointment (id, patient_id, practitioner_id, room_id, type_id, starts_at, ends_at, prep_min, "
     "cleanup_min, status, cancel_category, cancel_reason, late_cancel, notes, created_at, updated_at) VALUES ",
     16, PatientRows},
    {"INSERT INTO appointment_status_change (appointment_id, from_status, to_status, at, actor, reason) VALUES ", 6,
     AppointmentRows},
    {"INSERT INTO treatment_session (id, plan_id, appointment_id, sequence_no, practitioner_id, performed_at, device, "
     "cartridge_lot, numbing, products, reaction, notes, created_at) VALUES ",
     13, AppointmentRows},
    {"INSERT INTO treatment_session_area (session_id, area, depth_mm) VALUES ", 3, SessionRows},
    {"INSERT INTO blockout (practitioner_id, room_id, starts_at, ends_at, repeat, repeat_until, reason, created_at) "
     "VALUES ",
     8, -1},
    {"INSERT INTO screening_answer (patient_id, question_id, answer, event_date, detail, answered_at, recorded_by) "
     "VALUES ",
     7, PatientRows},
}};

// A date as 'YYYY-MM-DD', or NULL when it is not valid.
void addDate(DemoBatchInsert &row, QDate date)
{
    if (date.isValid()) {
        row.add(date.toString(Qt::ISODate).toUtf8());
    } else {
        row.addNull();
    }
}

} // namespace

// Texts written a million times, converted (and translated) once.
struct DemoWriter::Texts
{
    std::array<QByteArray, 7> statuses;
    std::array<QByteArray, vocabulary::CancellationCount> cancelReasons;
    std::array<QByteArray, vocabulary::CancellationCount> cancelCategories;
    std::array<CancelCategory, vocabulary::CancellationCount> cancelCategoryOf{};
    std::array<QByteArray, vocabulary::NoteCount> notes;
    std::array<QByteArray, vocabulary::AreaCount> areas;
    std::array<QByteArray, vocabulary::DeviceCount> devices;
    std::array<QByteArray, vocabulary::DeviceCount> lotPrefixes;
    std::array<QByteArray, vocabulary::NumbingCount> numbings;
    std::array<QByteArray, vocabulary::ProductsCount> products;
    std::array<QByteArray, vocabulary::ReactionCount> reactions;
    std::array<QByteArray, vocabulary::SessionNoteCount> sessionNotes;
    std::array<QByteArray, vocabulary::StopReasonCount> stopReasons;
    std::array<QByteArray, 4> planStatuses{"proposed", "active", "completed", "stopped"};
    QByteArray maintenance = tr("Yearly maintenance session").toUtf8();
    QByteArray consentForm = "MN-CONSENT-2.1";
    // Who changed an appointment's status: the front desk, or the practitioner in the room.
    QByteArray reception = "reception";
    QByteArray clinician = "clinician";
    // By bit set: the comma-separated concerns and areas of plans, and their goals.
    QHash<quint32, QByteArray> concernLists;
    QHash<quint32, QByteArray> areaLists;
    QHash<quint32, QByteArray> goals;
    // By screening question id: what a patient added to a "yes".
    QHash<qint64, QByteArray> screeningDetails;

    Texts()
    {
        fill(statuses, [](int i) { return appointment_status::toStorage(AppointmentStatus(i)); });
        fill(cancelReasons,
             [](int i) { return i > 0 ? cancel_reason::describe(vocabulary::cancelReason(i)) : QString(); });
        fill(cancelCategories, [](int i) { return cancel_reason::toStorage(vocabulary::cancelReason(i).category); });
        for (int i = 0; i < vocabulary::CancellationCount; ++i)
            cancelCategoryOf[std::size_t(i)] = vocabulary::cancelReason(i).category;
        fill(notes, vocabulary::appointmentNote);
        fill(areas, vocabulary::areaName);
        fill(devices, vocabulary::device);
        fill(lotPrefixes, vocabulary::lotPrefix);
        fill(numbings, vocabulary::numbing);
        fill(products, vocabulary::products);
        fill(reactions, vocabulary::reaction);
        fill(sessionNotes, vocabulary::sessionNote);
        fill(stopReasons, vocabulary::stopReason);
    }

    template<std::size_t N, typename Make>
    static void fill(std::array<QByteArray, N> &texts, Make make)
    {
        for (std::size_t i = 0; i < N; ++i)
            texts[i] = make(int(i)).toUtf8();
    }

    static const QByteArray &cached(QHash<quint32, QByteArray> &cache, quint32 bits, QString (*make)(quint32))
    {
        auto found = cache.find(bits);
        if (found == cache.end())
            found = cache.insert(bits, make(bits).toUtf8());
        return *found;
    }
};

DemoWriter::DemoWriter(const Database &database)
    : m_database(database)
    , m_texts(std::make_unique<Texts>())
{
}

DemoWriter::~DemoWriter()
{
    if (m_bulk)
        (void)endBulkLoad();
}

void DemoWriter::createBatches()
{
    if (!m_batches.empty())
        return;
    for (const TableSpec &table : tables) {
        DemoBatchInsert *parent = table.parent >= 0 ? m_batches[std::size_t(table.parent)].get() : nullptr;
        m_batches.push_back(
            std::make_unique<DemoBatchInsert>(m_database.nativeHandle(), table.insertHead, table.columns, parent));
    }
}

Status DemoWriter::flushAll()
{
    for (const auto &batch : m_batches) {
        if (Status landed = batch->flush(); !landed)
            return landed;
    }
    return {};
}

Status DemoWriter::beginBulkLoad()
{
    QSqlQuery query(m_database.connection());
    const QStringList pragmas{QStringLiteral("PRAGMA synchronous = OFF"), QStringLiteral("PRAGMA cache_size = -262144"),
                              QStringLiteral("PRAGMA temp_store = MEMORY")};
    for (const QString &pragma : pragmas) {
        if (!query.exec(pragma))
            return sqlError(query.lastError(), tr("Preparing the demo clinic"));
    }
    // Pages are written once, to the file, instead of to the write-ahead log and then the file.
    // This needs the only connection to the file; if another one exists, the log stays.
    m_journalChanged = !m_database.isInMemory() && query.exec(QStringLiteral("PRAGMA journal_mode = MEMORY"))
                       && query.next() && query.value(0).toString() == QLatin1String("memory");
    m_bulk = true;
    createBatches();
    return {};
}

Status DemoWriter::endBulkLoad()
{
    m_batches.clear();
    QSqlQuery query(m_database.connection());
    m_bulk = false;
    QStringList pragmas{QStringLiteral("PRAGMA synchronous = FULL"), QStringLiteral("PRAGMA cache_size = -2000"),
                        QStringLiteral("PRAGMA temp_store = DEFAULT")};
    if (m_journalChanged)
        pragmas.prepend(QStringLiteral("PRAGMA journal_mode = WAL"));
    m_journalChanged = false;
    for (const QString &pragma : pragmas) {
        if (!query.exec(pragma))
            return sqlError(query.lastError(), tr("Finishing the demo clinic"));
    }
    return {};
}

Status DemoWriter::inChunks(qsizetype count, qsizetype chunk, const std::function<Status(qsizetype)> &write,
                            const std::function<void(qsizetype)> &done)
{
    for (qsizetype from = 0; from < count; from += chunk) {
        Transaction transaction(m_database);
        if (Status begun = transaction.begin(); !begun)
            return begun;
        const qsizetype to = qMin(count, from + chunk);
        for (qsizetype i = from; i < to; ++i) {
            if (Status written = write(i); !written)
                return written;
        }
        if (Status landed = flushAll(); !landed)
            return landed;
        if (Status committed = transaction.commit(); !committed)
            return committed;
        if (done)
            done(to);
    }
    return {};
}

Status DemoWriter::insertPatient(qint64 id, const DemoPatientInfo &info, const DemoPerson &person)
{
    DemoBatchInsert &row = *m_batches[PatientRows];
    row.add(id);
    row.add(person.givenName.toUtf8());
    row.add(person.familyName.toUtf8());
    row.add(person.preferredName.toUtf8());
    addDate(row, person.birthDate);
    row.add(person.phone.toUtf8());
    row.add(person.phoneHome.toUtf8());
    row.add(person.email.toUtf8());
    row.add(person.address.toUtf8());
    row.add(person.emergencyContact.toUtf8());
    row.add(person.preferredChannel.toUtf8());
    row.add(person.reminderConsent ? 1 : 0);
    row.addId(person.fitzpatrick);
    row.add(person.allergies.toUtf8());
    row.add(person.medications.toUtf8());
    row.add(person.notes.toUtf8());
    row.add(info.archived ? 1 : 0);
    row.add(info.createdAt);
    row.add(info.updatedAt);
    return row.endRow();
}

Status DemoWriter::insertPlan(qint64 id, const DemoPlan &plan, qint64 typeId)
{
    Texts &texts = *m_texts;
    DemoBatchInsert &row = *m_batches[PlanRows];
    row.add(id);
    row.add(qint64(plan.patient) + 1);
    row.addId(plan.leadPractitionerId);
    row.add(typeId);
    row.add(Texts::cached(texts.concernLists, plan.concerns, vocabulary::concernList));
    row.add(Texts::cached(texts.areaLists, plan.areas, vocabulary::areaList));
    row.add(plan.plannedSessions);
    row.add(plan.intervalMinWeeks);
    row.add(plan.intervalMaxWeeks);
    row.add(texts.planStatuses[std::size_t(plan.status)]);
    row.add(plan.status == DemoPlanStatus::Stopped ? texts.stopReasons[plan.stopReason] : QByteArray());
    row.add(Texts::cached(texts.goals, plan.concerns, vocabulary::goalsFor));
    row.add(plan.maintenance ? texts.maintenance : QByteArray());
    row.add(plan.consentDate.isValid() ? texts.consentForm : QByteArray());
    addDate(row, plan.consentDate);
    row.add(plan.createdAt);
    row.add(plan.updatedAt);
    Status written = row.endRow();

    if (!written)
        return written;
    return insertAreas(PlanAreaRows, id, plan.areas,
                       [&plan](int area) { return vocabulary::plannedDepthMm(area, plan.concerns); });
}

Status DemoWriter::insertAreas(int table, qint64 ownerId, quint32 areas, const std::function<double(int)> &depthMm)
{
    DemoBatchInsert &rows = *m_batches[std::size_t(table)];
    for (int area = 0; area < vocabulary::AreaCount; ++area) {
        if ((areas & (1U << area)) == 0)
            continue;
        rows.add(ownerId).add(m_texts->areas[std::size_t(area)]).add(depthMm(area));
        if (Status written = rows.endRow(); !written)
            return written;
    }
    return {};
}

Status DemoWriter::insertAppointment(qint64 id, const DemoAppointment &appointment, const DemoTypeInfo &type)
{
    const Texts &texts = *m_texts;
    const bool cancelled = appointment.status == AppointmentStatus::Cancelled;
    const std::size_t reason = cancelled ? appointment.cancelReason : 0;
    DemoBatchInsert &row = *m_batches[AppointmentRows];
    row.add(id);
    row.add(qint64(appointment.patient) + 1);
    row.add(appointment.practitionerId);
    row.addId(appointment.roomId);
    row.add(type.id);
    row.add(appointment.startsAt);
    row.add(appointment.endsAt);
    row.add(type.prepMin);
    row.add(type.cleanupMin);
    row.add(texts.statuses[std::size_t(appointment.status)]);
    if (cancelled) {
        row.add(texts.cancelCategories[reason]);
    } else {
        row.addNull();
    }
    row.add(texts.cancelReasons[reason]);
    row.add(
        cancelled && cancel_reason::isLate(texts.cancelCategoryOf[reason], appointment.startsAt, appointment.updatedAt)
            ? 1
            : 0);
    row.add(texts.notes[appointment.note]);
    row.add(appointment.createdAt);
    row.add(appointment.updatedAt);
    Status written = row.endRow();
    if (written && appointment.startsAt >= m_historySince)
        written = insertStatusHistory(id, appointment);
    return written;
}

Status DemoWriter::insertStatusHistory(qint64 id, const DemoAppointment &appointment)
{
    using S = AppointmentStatus;
    const Texts &texts = *m_texts;
    DemoBatchInsert &history = *m_batches[StatusChangeRows];
    auto change = [&](std::optional<S> from, S to, qint64 at, const QByteArray &actor, const QByteArray &reason) {
        history.add(id);
        if (from) {
            history.add(texts.statuses[std::size_t(*from)]);
        } else {
            history.addNull();
        }
        history.add(texts.statuses[std::size_t(to)]);
        history.add(at);
        history.add(actor);
        history.add(reason);
        return history.endRow();
    };
    // The legal path to the final status: booked, then confirmed or cancelled or missed, or
    // arrived, in treatment and completed.
    Status written = change(std::nullopt, S::Booked, appointment.createdAt, texts.reception, {});
    const qint64 arrivedAt = std::min(appointment.startsAt - qint64(5 * 60), appointment.updatedAt);
    switch (appointment.status) {
    case S::Booked:
        break;
    case S::Confirmed:
    case S::NoShow:
        if (written)
            written = change(S::Booked, appointment.status, appointment.updatedAt, texts.reception, {});
        break;
    case S::Cancelled:
        if (written) {
            written = change(S::Booked, S::Cancelled, appointment.updatedAt, texts.reception,
                             texts.cancelReasons[appointment.cancelReason]);
        }
        break;
    case S::Arrived:
        if (written)
            written = change(S::Booked, S::Arrived, appointment.updatedAt, texts.reception, {});
        break;
    case S::InTreatment:
    case S::Completed:
        if (written)
            written = change(S::Booked, S::Arrived, arrivedAt, texts.reception, {});
        if (written) {
            written = change(S::Arrived, S::InTreatment,
                             appointment.status == S::Completed ? appointment.startsAt : appointment.updatedAt,
                             texts.clinician, {});
        }
        if (written && appointment.status == S::Completed)
            written = change(S::InTreatment, S::Completed, appointment.updatedAt, texts.clinician, {});
        break;
    }
    return written;
}

Status DemoWriter::insertSession(qint64 id, const DemoSession &session, const DemoPlan &plan,
                                 const DemoSessionDetails &details)
{
    const Texts &texts = *m_texts;
    const bool performed = session.performedAt != 0;
    DemoBatchInsert &row = *m_batches[SessionRows];
    row.add(id);
    row.add(qint64(session.plan) + 1);
    row.addId(session.appointment);
    row.add(session.sequence);
    row.addId(session.practitionerId);
    row.addId(session.performedAt);
    if (performed) {
        char lot[32];
        std::snprintf(lot, sizeof lot, "%s-%04d-%03d", texts.lotPrefixes[details.device].constData(), details.lotMonth,
                      details.lotSerial);
        row.add(texts.devices[details.device]);
        row.add(QByteArray(lot));
        row.add(texts.numbings[details.numbing]);
        row.add(texts.products[details.products]);
        row.add(texts.reactions[details.reaction]);
        row.add(texts.sessionNotes[details.note]);
    } else {
        for (int column = 7; column <= 12; ++column)
            row.add(QByteArray());
    }
    row.add(session.createdAt);
    Status written = row.endRow();

    if (!written || !performed)
        return written;
    const int sequence = plan.maintenance ? 1 : session.sequence;
    return insertAreas(SessionAreaRows, id, plan.areas, [&plan, sequence](int area) {
        return vocabulary::sessionDepthMm(area, plan.concerns, sequence);
    });
}

Status DemoWriter::insertBlockout(const DemoBlockout &blockout)
{
    DemoBatchInsert &row = *m_batches[BlockoutRows];
    row.addId(blockout.practitionerId);
    row.addId(blockout.roomId);
    row.add(blockout.startsAt);
    row.add(blockout.endsAt);
    row.add(blockout.repeatUntil.isValid() ? QByteArray("weekly") : QByteArray("none"));
    addDate(row, blockout.repeatUntil);
    row.add(blockout.reason.toUtf8());
    row.add(blockout.createdAt);
    return row.endRow();
}

void DemoWriter::setScreeningQuestions(const QList<ScreeningQuestion> &questions)
{
    m_questions.clear();
    m_texts->screeningDetails.clear();
    for (const ScreeningQuestion &question : questions) {
        if (!question.active)
            continue;
        m_questions.push_back(question.id);
        m_texts->screeningDetails.insert(question.id, vocabulary::screeningDetail(question.code).toUtf8());
    }
}

Status DemoWriter::insertScreening(qint64 patientId, const DemoScreening &screening)
{
    if (!screening.answered())
        return {};
    const Texts &texts = *m_texts;
    DemoBatchInsert &row = *m_batches[ScreeningRows];
    const auto yes = screening.yes.cbegin();
    const auto yesEnd = yes + screening.yesCount;
    for (const qint64 questionId : m_questions) {
        const auto said =
            std::find_if(yes, yesEnd, [questionId](const DemoScreeningYes &y) { return y.questionId == questionId; });
        row.add(patientId);
        row.add(questionId);
        if (said != yesEnd) {
            row.add(1);
            addDate(row, said->eventDate);
            row.add(texts.screeningDetails.value(questionId));
        } else {
            row.add(0);
            row.addNull();
            row.add(QByteArray());
        }
        row.add(screening.answeredAt);
        row.add(texts.reception);
        if (Status written = row.endRow(); !written)
            return written;
    }
    return {};
}

Status DemoWriter::recordGenerated(const QJsonObject &details, const Clock &clock)
{
    Transaction transaction(m_database);
    if (Status begun = transaction.begin(); !begun)
        return begun;
    if (Status landed = flushAll(); !landed)
        return landed;
    if (Status recorded =
            AuditLog(m_database, clock).record(QStringLiteral("demo.generate"), QStringLiteral("clinic"), 0, details);
        !recorded)
        return recorded;
    return transaction.commit();
}

} // namespace dermdesk::demo
