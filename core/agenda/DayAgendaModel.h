#pragma once

#include "AgendaEntry.h"
#include "calendar/ClinicTime.h"
#include "common/Result.h"

#include <QAbstractTableModel>
#include <QList>

namespace dermdesk {

class Database;

// The appointments of one local day, one row each, in start order. Loads only that day.
// The Database must outlive the model; the model lives on the thread that opened the Database.
// Colours are "#rrggbb" strings (the core has no QColor); views paint them.
class DayAgendaModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        TimeColumn,
        PatientColumn,
        TypeColumn,
        PractitionerColumn,
        RoomColumn,
        StatusColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        AppointmentIdRole = Qt::UserRole + 1,
        // Unix seconds (UTC), qint64.
        StartsAtRole,
        EndsAtRole,
        // AppointmentStatus as int.
        StatusRole,
        // The stored status code ("no_show").
        StatusCodeRole,
        PatientIdRole,
        PractitionerIdRole,
        PractitionerColourRole,
        TypeColourRole,
    };
    Q_ENUM(Role)

    DayAgendaModel(const Database &database, const QTimeZone &zone, QObject *parent = nullptr);

    // Shows `date` (in the model's zone) and loads its appointments. On failure the model is empty
    // and the Error says why.
    Status setDate(QDate date);
    // Loads the current day again.
    Status reload();

    [[nodiscard]] QDate date() const { return m_date; }
    // The UTC instants the shown day covers (23 or 25 hours on daylight-saving days).
    [[nodiscard]] ClinicTime::Range range() const { return m_time.dayRange(m_date); }
    [[nodiscard]] const QTimeZone &zone() const { return m_time.zone(); }
    [[nodiscard]] const AgendaEntry &entry(int row) const { return m_entries.at(row); }

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
    [[nodiscard]] QVariant displayText(int row, int column) const;

    const Database &m_database;
    ClinicTime m_time;
    QDate m_date;
    QList<AgendaEntry> m_entries;
    // "09:00 – 10:00" of each entry, formatted once per load: views ask for it on every paint.
    QStringList m_timeTexts;
};

} // namespace dermdesk
