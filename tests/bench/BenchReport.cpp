#include "BenchReport.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace dermdesk::bench {

void BenchReport::print(QJsonObject line) const
{
    if (!m_engine.isEmpty())
        line.insert(QStringLiteral("engine"), m_engine);
    std::fputs(QJsonDocument(line).toJson(QJsonDocument::Compact).constData(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

void BenchReport::metric(const QString &name, double value, const QString &unit, std::optional<double> targetMax,
                         const QString &note)
{
    QJsonObject line{{QStringLiteral("metric"), name},
                     {QStringLiteral("value"), std::round(value * 1000.0) / 1000.0},
                     {QStringLiteral("unit"), unit}};
    if (targetMax) {
        const bool met = value <= *targetMax;
        line.insert(QStringLiteral("target_max"), *targetMax);
        line.insert(QStringLiteral("met"), met);
        if (!met)
            ++m_missed;
    }
    if (!note.isEmpty())
        line.insert(QStringLiteral("note"), note);
    print(line);
}

void BenchReport::skipped(const QString &name, const QString &reason)
{
    print({{QStringLiteral("metric"), name},
           {QStringLiteral("value"), QJsonValue()},
           {QStringLiteral("skipped"), reason}});
}

double BenchReport::median(QList<double> samples)
{
    if (samples.isEmpty())
        return 0;
    std::sort(samples.begin(), samples.end());
    const qsizetype mid = samples.size() / 2;
    return samples.size() % 2 ? samples.at(mid) : (samples.at(mid - 1) + samples.at(mid)) / 2.0;
}

} // namespace dermdesk::bench
