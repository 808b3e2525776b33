#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace dermdesk::bench {

// Prints one JSON object per line on stdout: {"metric": ..., "value": ..., "unit": ..., "engine": ...} plus,
// where the issue sets one, the target and whether this run met it. Misses are printed like hits.
class BenchReport
{
public:
    void metric(const QString &name, double value, const QString &unit, std::optional<double> targetMax = {},
                const QString &note = {});
    // A measurement that could not be taken, with the reason.
    void skipped(const QString &name, const QString &reason);

    [[nodiscard]] int missed() const { return m_missed; }

    // The engine every line names ("sqlite", "postgresql"): the clinic measured is stored on it.
    void setEngine(const QString &engine) { m_engine = engine; }

    [[nodiscard]] static double median(QList<double> samples);

private:
    void print(QJsonObject line) const;

    int m_missed = 0;
    QString m_engine;
};

} // namespace dermdesk::bench
