#include "SessionRecord.h"

#include "TreatmentPlan.h"

#include <QCoreApplication>

#include <algorithm>

namespace dermdesk {

double SessionRecord::deepestDepthMm() const
{
    double deepest = 0;
    for (const SessionArea &area : areas)
        deepest = std::max(deepest, area.depthMm);
    return deepest;
}

QString SessionRecord::areasText() const
{
    QStringList parts;
    for (const SessionArea &area : areas)
        parts.append(area.area + QLatin1Char(' ') + TreatmentPlan::depthText(area.depthMm));
    return parts.join(QStringLiteral(", "));
}

QString SessionRecord::reactionCode(SkinReaction reaction)
{
    switch (reaction) {
    case SkinReaction::Unrecorded:
        return QString();
    case SkinReaction::None:
        return QStringLiteral("none");
    case SkinReaction::MildRedness:
        return QStringLiteral("mild_redness");
    case SkinReaction::ModerateRedness:
        return QStringLiteral("moderate_redness");
    case SkinReaction::StrongRedness:
        return QStringLiteral("strong_redness");
    case SkinReaction::PinpointBleeding:
        return QStringLiteral("pinpoint_bleeding");
    case SkinReaction::Swelling:
        return QStringLiteral("swelling");
    }
    return QString();
}

std::optional<SkinReaction> SessionRecord::reactionFromCode(const QString &code)
{
    if (code.isEmpty())
        return SkinReaction::Unrecorded;
    for (SkinReaction reaction : reactions()) {
        if (reactionCode(reaction) == code)
            return reaction;
    }
    return std::nullopt;
}

QString SessionRecord::reactionLabel(SkinReaction reaction)
{
    const auto tr = [](const char *text) { return QCoreApplication::translate("dermdesk::SessionRecord", text); };
    switch (reaction) {
    case SkinReaction::Unrecorded:
        return tr("Not recorded");
    case SkinReaction::None:
        return tr("None");
    case SkinReaction::MildRedness:
        return tr("Mild redness");
    case SkinReaction::ModerateRedness:
        return tr("Moderate redness");
    case SkinReaction::StrongRedness:
        return tr("Strong redness");
    case SkinReaction::PinpointBleeding:
        return tr("Pinpoint bleeding");
    case SkinReaction::Swelling:
        return tr("Swelling");
    }
    return {};
}

QList<SkinReaction> SessionRecord::reactions()
{
    return {SkinReaction::None,          SkinReaction::MildRedness,      SkinReaction::ModerateRedness,
            SkinReaction::StrongRedness, SkinReaction::PinpointBleeding, SkinReaction::Swelling};
}

} // namespace dermdesk
