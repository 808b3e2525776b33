#include "BenchReport.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace dermdesk::bench {

namespace {
void printLine(const QJsonObject &object)
{
    std::fputs(QJsonDocument(object).toJson(QJsonDocument::Compact).constData(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}
} // namespace

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
    printLine(line);
}

void BenchReport::skipped(const QString &name, const QString &reason)
{
    printLine({{QStringLiteral("metric"), name}, {QStringLiteral("value"), QJsonValue()}, {QStringLiteral("skipped"), reason}});
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
