#include "StartupBench.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

namespace dermdesk::bench {

std::optional<StartupSample> launchOnce(const QString &program, const QStringList &arguments, QString *failure)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::SeparateChannels);
    QElapsedTimer wall;
    wall.start();
    process.start(program, arguments);
    if (!process.waitForStarted(10000)) {
        *failure = QStringLiteral("%1 did not start: %2").arg(program, process.errorString());
        return std::nullopt;
    }
    QByteArray line;
    double lineAtMs = 0;
    while (process.state() != QProcess::NotRunning || process.bytesAvailable() > 0) {
        if (process.canReadLine()) {
            line = process.readLine();
            lineAtMs = double(wall.nsecsElapsed()) / 1e6;
            if (line.contains("first_paint_ms"))
                break;
            continue;
        }
        if (wall.elapsed() > 30000) {
            process.kill();
            *failure = QStringLiteral("%1 did not paint within 30 s").arg(program);
            return std::nullopt;
        }
        process.waitForReadyRead(50);
    }
    process.waitForFinished(10000);
    if (!line.contains("first_paint_ms")) {
        *failure = QStringLiteral("%1 printed no probe line (exit %2): %3")
                       .arg(program)
                       .arg(process.exitCode())
                       .arg(QString::fromLocal8Bit(process.readAllStandardError()).left(400));
        return std::nullopt;
    }
    const QJsonObject probe = QJsonDocument::fromJson(line.trimmed()).object();
    StartupSample sample;
    sample.wallMs = lineAtMs;
    sample.selfReportedMs = probe.value(QStringLiteral("first_paint_ms")).toDouble();
    sample.peakRssMib = probe.value(QStringLiteral("peak_rss_kib")).toDouble() / 1024.0;
    return sample;
}

} // namespace dermdesk::bench
