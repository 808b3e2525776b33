#pragma once

#include "PlanSummary.h"
#include "common/Clock.h"
#include "common/Result.h"

#include <QAbstractTableModel>
#include <QList>
#include <QTimeZone>

namespace dermdesk {

class Database;

// The open (proposed and active) treatment plans. Empty until load() is called, so a view can
// defer the query until it is first shown.
// The Database must outlive the model; the model lives on the thread that opened the Database.
class PlanListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        PatientColumn,
        ConcernsColumn,
        TypeColumn,
        StatusColumn,
        ProgressColumn,
        NextSessionColumn,
        PractitionerColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        PlanIdRole = Qt::UserRole + 1,
        PatientIdRole,
        // PlanSummary::Status as int.
        StatusRole,
        SessionsDoneRole,
        SessionsPlannedRole,
        // Unix seconds (UTC), or null.
        NextSessionRole,
    };
    Q_ENUM(Role)

    // Dates are shown in `zone`, the clinic's.
    PlanListModel(const Database &database, const QTimeZone &zone, const Clock &clock = Clock::system(),
                  QObject *parent = nullptr);

    // (Re)reads the open plans. On failure the model is empty.
    Status load();
    [[nodiscard]] bool isLoaded() const { return m_loaded; }
    [[nodiscard]] const PlanSummary &plan(int row) const { return m_plans.at(row); }

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;

private:
    [[nodiscard]] QVariant displayText(const PlanSummary &plan, int column) const;

    const Database &m_database;
    QTimeZone m_zone;
    const Clock &m_clock;
    QList<PlanSummary> m_plans;
    bool m_loaded = false;
};

} // namespace dermdesk
