#pragma once

#include "RecallEntry.h"
#include "common/Result.h"

#include <QAbstractTableModel>
#include <QDate>
#include <QList>
#include <QTimeZone>

namespace dermdesk {

class Database;

// The recall list (RecallList) as a table: one row per plan to call. Qt::UserRole + SortRole gives the
// value to sort by (dates, numbers), so a QSortFilterProxyModel sorts every column properly.
// The Database must outlive the model; use it on the Database's thread.
class RecallListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        PatientColumn,
        PhoneColumn,
        SessionColumn,
        WindowColumn,
        DueColumn,
        PractitionerColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        PlanIdRole = Qt::UserRole + 1,
        PatientIdRole,
        SortRole,
        OverdueRole,
    };
    Q_ENUM(Role)

    RecallListModel(const Database &database, const QTimeZone &zone, QObject *parent = nullptr);

    // Rebuilds the list for `date` with windows opening within `horizonDays`. On failure the model is empty.
    Status load(const QDate &date, int horizonDays);
    [[nodiscard]] const RecallEntry &entry(int row) const { return m_entries.at(row); }
    [[nodiscard]] const QList<RecallEntry> &entries() const { return m_entries; }
    [[nodiscard]] QDate date() const { return m_date; }

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;

    // What the Due column says: "closes in 5 days", "closes today", "overdue by 3 days", "opens in 4 days".
    [[nodiscard]] static QString dueText(const RecallEntry &entry, const QDate &date);

private:
    const Database &m_database;
    QTimeZone m_zone;
    QDate m_date;
    QList<RecallEntry> m_entries;
};

} // namespace dermdesk
