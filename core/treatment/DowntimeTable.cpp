#include "DowntimeTable.h"

#include "TreatmentPlan.h"
#include "common/Translation.h"

#include <QCoreApplication>

#include <algorithm>

namespace dermdesk {

namespace {

constexpr TranslationContext tr("dermdesk::DowntimeTable");

constexpr double epsilon = 1e-9;

} // namespace

DowntimeTable::DowntimeTable(QList<DowntimeBand> bands)
    : m_bands(std::move(bands))
{
    std::stable_sort(m_bands.begin(), m_bands.end(),
                     [](const DowntimeBand &a, const DowntimeBand &b) { return a.maxDepthMm < b.maxDepthMm; });
}

const DowntimeBand *DowntimeTable::forDepth(double depthMm) const
{
    if (depthMm <= 0)
        return nullptr;
    for (const DowntimeBand &band : m_bands) {
        if (depthMm <= band.maxDepthMm + epsilon)
            return &band;
    }
    return nullptr;
}

QString DowntimeTable::labelFor(double depthMm) const
{
    const DowntimeBand *band = forDepth(depthMm);
    return band ? band->label : QString();
}

Status DowntimeTable::validate() const
{
    if (m_bands.isEmpty())
        return Error::invalidInput(QStringLiteral("downtime"), tr("The downtime table needs at least one row."));
    for (qsizetype i = 0; i < m_bands.size(); ++i) {
        const DowntimeBand &band = m_bands.at(i);
        const QString row = TreatmentPlan::depthText(band.maxDepthMm);
        if (Status s = TreatmentPlan::checkDepth(band.maxDepthMm, tr("the downtime row")); !s)
            return Error::invalidInput(QStringLiteral("downtime"), s.error().message());
        if (i > 0 && band.maxDepthMm - m_bands.at(i - 1).maxDepthMm < epsilon)
            return Error::invalidInput(QStringLiteral("downtime"), tr("Two downtime rows are for %1.").arg(row));
        if (band.minHours < 0 || band.maxHours > 720 || band.minHours > band.maxHours) {
            return Error::invalidInput(QStringLiteral("downtime"),
                                       tr("The downtime for up to %1 must be 0 to 720 hours, the shortest first.")
                                           .arg(row));
        }
        if (band.label.trimmed().isEmpty())
            return Error::invalidInput(QStringLiteral("downtime"),
                                       tr("The downtime for up to %1 needs a label.").arg(row));
    }
    if (m_bands.constLast().maxDepthMm < TreatmentPlan::maxDepthMm - epsilon) {
        return Error::invalidInput(QStringLiteral("downtime"),
                                   tr("The deepest downtime row must reach %1 so every depth has a downtime.")
                                       .arg(TreatmentPlan::depthText(TreatmentPlan::maxDepthMm)));
    }
    return {};
}

} // namespace dermdesk
