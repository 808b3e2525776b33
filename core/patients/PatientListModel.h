#pragma once

#include "PatientSummary.h"
#include "PatientVisits.h"
#include "common/Clock.h"
#include "common/Result.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QTimeZone>

namespace dermdesk {

class Database;

// One page of patient search results. Loads at most pageSize() rows per search; hasMore() says
// whether the search found more than that (the person should type more). Each patient's next visit comes
// from `visits` (the calendar's AppointmentRepository), asked once per search for the whole page.
// The Database and `visits` must outlive the model; the model lives on the thread that opened the Database.
class PatientListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        NameColumn,
        BirthDateColumn,
        PhoneColumn,
        EmailColumn,
        NextVisitColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        PatientIdRole = Qt::UserRole + 1,
        // QDate
        BirthDateRole,
        // Unix seconds (UTC) of the next visit, or null.
        NextVisitRole,
    };
    Q_ENUM(Role)

    // Times are shown in `zone`, the clinic's.
    PatientListModel(const Database &database, const PatientVisits &visits, const QTimeZone &zone,
                     const Clock &clock = Clock::system(), QObject *parent = nullptr);

    // Runs the search for `text` and shows its first page with each patient's next visit from now on. On failure
    // the model is empty.
    Status search(const QString &text);

    [[nodiscard]] QString searchText() const { return m_text; }
    [[nodiscard]] bool hasMore() const { return m_hasMore; }
    [[nodiscard]] int pageSize() const { return m_pageSize; }
    void setPageSize(int rows) { m_pageSize = rows; }
    [[nodiscard]] const PatientSummary &patient(int row) const { return m_patients.at(row); }

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;

signals:
    void searched();

private:
    const Database &m_database;
    const PatientVisits &m_visits;
    QTimeZone m_zone;
    const Clock &m_clock;
    QString m_text;
    QList<PatientSummary> m_patients;
    // Patient id → start of the next visit (UTC Unix seconds), for the patients that have one.
    QHash<qint64, qint64> m_nextVisits;
    int m_pageSize = 50;
    bool m_hasMore = false;
};

} // namespace dermdesk
