#pragma once

#include "common/Result.h"

#include <QList>
#include <QString>

namespace dermdesk {

// One row of the clinic's downtime table: sessions whose deepest needle depth is at most maxDepthMm
// (and above the previous band's) expect minHours..maxHours of downtime, shown as `label` ("1–3 days").
struct DowntimeBand
{
    qint64 id = 0;
    double maxDepthMm = 0;
    int minHours = 0;
    int maxHours = 0;
    QString label;
    friend bool operator==(const DowntimeBand &, const DowntimeBand &) = default;
};

// The expected downtime after a session, derived from its deepest needle depth through the clinic's
// editable bands (the guide: "depending on the depth of the needles used, downtime can vary from a few
// hours to a few days"). A plain value; DowntimeRepository loads and saves it.
class DowntimeTable
{
public:
    DowntimeTable() = default;
    // Sorted by depth; call validate() before trusting it.
    explicit DowntimeTable(QList<DowntimeBand> bands);

    [[nodiscard]] const QList<DowntimeBand> &bands() const { return m_bands; }
    // The band for a session whose deepest depth is `depthMm`: the first with maxDepthMm >= depth.
    // Null when the depth is 0 (nothing recorded) or deeper than every band.
    [[nodiscard]] const DowntimeBand *forDepth(double depthMm) const;
    // The label for `depthMm`, or an empty string when no band applies.
    [[nodiscard]] QString labelFor(double depthMm) const;

    // At least one band; depths 0.25–3.0 and distinct; hours 0–720 with min <= max; a label each; the
    // deepest band reaches 3.0 mm so every depth has a downtime. InvalidInput "downtime" naming the row.
    [[nodiscard]] Status validate() const;

private:
    QList<DowntimeBand> m_bands;
};

} // namespace dermdesk
