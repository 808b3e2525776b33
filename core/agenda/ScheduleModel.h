#pragma once

#include "AgendaEntry.h"
#include "AgendaRepository.h"
#include "ScheduleColumn.h"
#include "calendar/ClinicTime.h"
#include "calendar/ScheduleSetup.h"
#include "calendar/ScheduleSetupCache.h"
#include "common/Result.h"
#include "storage/ChangeSet.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

#include <optional>

namespace dermdesk {

class Database;

// What the schedule view shows: the appointments of the visible range only (a day or a week), one row
// each in start order, and the columns they are drawn in, each with its closed hours and blockouts.
//
//   Day           one column per active practitioner (or per active room) on one day
//   Week          one practitioner, seven columns Monday to Sunday
//   CompactWeek   Monday to Sunday, each day split into one column per active practitioner (or room)
//
// A practitioner or room that is inactive still gets a column when it has appointments in the range,
// and the room grouping adds a "No room" column for appointments without one, so nothing loaded is
// hidden. Instants are UTC Unix seconds; days and minutes are the clinic's wall clock. The Database must
// outlive the model; use it on the Database's thread.
class ScheduleModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum class Mode {
        Day,
        Week,
        CompactWeek,
    };
    Q_ENUM(Mode)
    enum class Grouping {
        ByPractitioner,
        ByRoom,
    };
    Q_ENUM(Grouping)

    enum Role {
        AppointmentIdRole = Qt::UserRole + 1,
        // UTC Unix seconds (qint64); the visit [start, end) includes the preparation.
        StartsAtRole,
        EndsAtRole,
        PrepMinutesRole,
        // AppointmentStatus as int.
        StatusRole,
        PatientIdRole,
        PatientNameRole,
        PractitionerIdRole,
        // qint64, 0 without a room.
        RoomIdRole,
        TypeNameRole,
        // "#rrggbb"
        TypeColourRole,
        PractitionerColourRole,
        // The index in scheduleColumns() the appointment is drawn in.
        ColumnRole,
        // int (ScreeningLevel): a treatment session's screening state on its date; Clear for other types.
        ScreeningRole,
        // QString: the screening findings, each with when it clears, one per line (empty when clear).
        ScreeningSummaryRole,
        // QString "n of N" for a treatment-plan session, empty otherwise.
        PlanSessionRole,
        // bool: a plan session outside its interval window after the previous one.
        OutsideWindowRole,
    };
    Q_ENUM(Role)

    struct View
    {
        Mode mode = Mode::Day;
        Grouping grouping = Grouping::ByPractitioner;
        // Any day of the range: Week and CompactWeek show its Monday-to-Sunday week.
        QDate date;
        // Week only: whose week; 0 means the first active practitioner.
        qint64 practitionerId = 0;

        friend bool operator==(const View &, const View &) = default;
    };

    explicit ScheduleModel(const Database &database, QObject *parent = nullptr);

    // Shows `view` and loads its range. On failure the model is empty and the Error says why.
    Status setView(const View &view);
    // Loads the current view again (after a change by this or another program).
    Status reload();
    // Loads the current view again when `changes` may alter what it shows: an appointment or a blockout in its
    // range, the clinic's set-up, or a patient or plan with an appointment in it (names, screening and plan marks).
    // Returns true when it reloaded; a failed reload is kept in loadError().
    bool applyChanges(const ChangeSet &changes);
    // Why the last reload() or applyChanges() reload failed; nullopt when it succeeded.
    [[nodiscard]] const std::optional<Error> &loadError() const { return m_loadError; }

    [[nodiscard]] const View &view() const { return m_view; }
    [[nodiscard]] QDate firstDay() const { return m_firstDay; }
    [[nodiscard]] int dayCount() const { return m_view.mode == Mode::Day ? 1 : 7; }
    // The UTC instants the loaded range covers.
    [[nodiscard]] ClinicTime::Range range() const;
    // The clinic's set-up as of the last successful load; nullopt before one.
    [[nodiscard]] const std::optional<ScheduleSetup> &setup() const { return m_setup; }

    [[nodiscard]] const QList<ScheduleColumn> &scheduleColumns() const { return m_columns; }
    [[nodiscard]] const QList<AgendaEntry> &entries() const { return m_entries; }
    [[nodiscard]] const AgendaEntry &entry(int row) const { return m_entries.at(row); }
    // The column (index in scheduleColumns()) of row `row`.
    [[nodiscard]] int columnOf(int row) const { return m_entryColumns.at(row); }
    // The row of appointment `id`, or -1 when it is not loaded.
    [[nodiscard]] int rowOf(qint64 appointmentId) const { return m_rowById.value(appointmentId, -1); }

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

signals:
    // Emitted after every load, successful or not.
    void loaded();

private:
    Status load();
    [[nodiscard]] QList<ScheduleColumn> columnsFor(const ScheduleSetup &setup, const QList<AgendaEntry> &entries) const;

    const Database &m_database;
    AgendaRepository m_agenda;
    ScheduleSetupCache m_setupCache;
    View m_view;
    QDate m_firstDay;
    std::optional<ScheduleSetup> m_setup;
    std::optional<Error> m_loadError;
    QList<ScheduleColumn> m_columns;
    QList<AgendaEntry> m_entries;
    QList<int> m_entryColumns;
    QHash<qint64, int> m_rowById;
};

} // namespace dermdesk
