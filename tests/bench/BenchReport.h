#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace dermdesk::bench {

// Prints one JSON object per line on stdout: {"metric": ..., "value": ..., "unit": ...} plus,
// where the issue sets one, the target and whether this run met it. Misses are printed like hits.
class BenchReport
{
public:
    void metric(const QString &name, double value, const QString &unit, std::optional<double> targetMax = {},
                const QString &note = {});
    // A measurement that could not be taken, with the reason.
    void skipped(const QString &name, const QString &reason);

    [[nodiscard]] int missed() const { return m_missed; }

    [[nodiscard]] static double median(QList<double> samples);

private:
    int m_missed = 0;
};

} // namespace dermdesk::bench
