#include "PlanSummary.h"

#include <QCoreApplication>

namespace dermdesk {

std::optional<PlanSummary::Status> PlanSummary::statusFromCode(const QString &code)
{
    if (code == QLatin1String("proposed"))
        return Status::Proposed;
    if (code == QLatin1String("active"))
        return Status::Active;
    if (code == QLatin1String("completed"))
        return Status::Completed;
    if (code == QLatin1String("stopped"))
        return Status::Stopped;
    return std::nullopt;
}

QString PlanSummary::statusDisplayName(Status status)
{
    switch (status) {
    case Status::Proposed:
        return QCoreApplication::translate("dermdesk::PlanSummary", "Proposed");
    case Status::Active:
        return QCoreApplication::translate("dermdesk::PlanSummary", "Active");
    case Status::Completed:
        return QCoreApplication::translate("dermdesk::PlanSummary", "Completed");
    case Status::Stopped:
        return QCoreApplication::translate("dermdesk::PlanSummary", "Stopped");
    }
    return {};
}

} // namespace dermdesk
