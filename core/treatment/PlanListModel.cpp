#include "PlanListModel.h"

#include "TreatmentPlanRepository.h"
#include "common/TimeFormat.h"

#include <QDateTime>

namespace dermdesk {

PlanListModel::PlanListModel(const Database &database, const QTimeZone &zone, const Clock &clock, QObject *parent)
    : QAbstractTableModel(parent)
    , m_database(database)
    , m_zone(zone)
    , m_clock(clock)
{
}

Status PlanListModel::load()
{
    Status status;
    QList<PlanSummary> plans;
    auto loaded = TreatmentPlanRepository(m_database, m_clock).openPlans();
    if (loaded)
        plans = std::move(loaded).value();
    else
        status = loaded.error();
    beginResetModel();
    m_plans = std::move(plans);
    m_loaded = true;
    endResetModel();
    return status;
}

int PlanListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_plans.size());
}

int PlanListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PlanListModel::displayText(const PlanSummary &plan, int column) const
{
    switch (column) {
    case PatientColumn:
        return plan.patientName;
    case ConcernsColumn:
        if (plan.areas.isEmpty())
            return plan.concerns;
        return tr("%1 (%2)", "concerns (areas)").arg(plan.concerns, plan.areas);
    case TypeColumn:
        return plan.typeName;
    case StatusColumn:
        return PlanSummary::statusDisplayName(plan.status);
    case ProgressColumn:
        return tr("%1 of %2").arg(plan.sessionsDone).arg(plan.sessionsPlanned);
    case NextSessionColumn:
        if (!plan.nextSessionAt)
            return tr("not booked");
        return shortDateText(QDateTime::fromSecsSinceEpoch(*plan.nextSessionAt, m_zone).date());
    case PractitionerColumn:
        return plan.practitionerName;
    default:
        return {};
    }
}

QVariant PlanListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const PlanSummary &plan = m_plans.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayText(plan, index.column());
    case Qt::ToolTipRole:
        if (index.column() == ConcernsColumn)
            return displayText(plan, index.column());
        if (index.column() == NextSessionColumn && plan.nextSessionAt) {
            const QDateTime local = QDateTime::fromSecsSinceEpoch(*plan.nextSessionAt, m_zone);
            return shortDateText(local.date()) + QLatin1Char(' ') + clockTimeText(local.time());
        }
        return {};
    case PlanIdRole:
        return plan.id;
    case PatientIdRole:
        return plan.patientId;
    case StatusRole:
        return int(plan.status);
    case SessionsDoneRole:
        return plan.sessionsDone;
    case SessionsPlannedRole:
        return plan.sessionsPlanned;
    case NextSessionRole:
        return plan.nextSessionAt ? QVariant(*plan.nextSessionAt) : QVariant();
    default:
        return {};
    }
}

QVariant PlanListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case PatientColumn:
        return tr("Patient");
    case ConcernsColumn:
        return tr("Concerns");
    case TypeColumn:
        return tr("Treatment");
    case StatusColumn:
        return tr("Status");
    case ProgressColumn:
        return tr("Sessions");
    case NextSessionColumn:
        return tr("Next session");
    case PractitionerColumn:
        return tr("Lead practitioner");
    default:
        return {};
    }
}

} // namespace dermdesk
