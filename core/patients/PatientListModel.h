#pragma once

#include "PatientSummary.h"
#include "common/Clock.h"
#include "common/Result.h"

#include <QAbstractTableModel>
#include <QList>
#include <QTimeZone>

namespace dermdesk {

class Database;

// One page of patient search results. Loads at most pageSize() rows per search; hasMore() says
// whether the search found more than that (the person should type more).
// The Database must outlive the model; the model lives on the thread that opened the Database.
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
    PatientListModel(const Database &database, const QTimeZone &zone, const Clock &clock = Clock::system(),
                     QObject *parent = nullptr);

    // Runs the search for `text` and shows its first page. On failure the model is empty.
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
    QTimeZone m_zone;
    const Clock &m_clock;
    QString m_text;
    QList<PatientSummary> m_patients;
    int m_pageSize = 50;
    bool m_hasMore = false;
};

} // namespace dermdesk
