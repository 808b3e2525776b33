#include "ui/shell/DemoClinicBuilder.h"

#include "demo/DemoClinicGenerator.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QPointer>
#include <QProgressDialog>
#include <QThread>

namespace dermdesk::ui {

DemoClinicBuilder::DemoClinicBuilder(const Clock &clock)
    : m_clock(clock)
{
}

Status DemoClinicBuilder::build(const QString &path, QWidget *parent) const
{
    QProgressDialog progress(QCoreApplication::translate("dermdesk::ui::DemoClinicBuilder",
                                                         "Creating the demo clinic…"),
                             QString(), 0, 100, parent);
    progress.setWindowTitle(QCoreApplication::translate("dermdesk::ui::DemoClinicBuilder", "Demo Clinic"));
    progress.setWindowModality(Qt::ApplicationModal);
    progress.setMinimumDuration(1000);
    progress.setAutoClose(false);
    progress.setAutoReset(false);
    progress.setValue(0);

    DemoOptions options;
    QPointer<QProgressDialog> dialog(&progress);
    // Called on the worker thread: hand the value to the dialog's thread.
    options.progress = [dialog](int percent) {
        if (dialog)
            QMetaObject::invokeMethod(
                dialog,
                [dialog, percent] {
                    if (dialog)
                        dialog->setValue(qBound(0, percent, 99));
                },
                Qt::QueuedConnection);
    };

    std::optional<Result<DemoSummary>> outcome;
    const Clock &clock = m_clock;
    std::unique_ptr<QThread> worker(QThread::create([&outcome, &options, &path, &clock] {
        outcome.emplace(DemoClinicGenerator(options, clock).createFile(path));
    }));
    QEventLoop loop;
    QObject::connect(worker.get(), &QThread::finished, &loop, &QEventLoop::quit);
    worker->start();
    loop.exec(QEventLoop::ExcludeUserInputEvents);
    worker->wait();
    progress.setValue(100);

    if (!outcome || !outcome->ok())
        return outcome ? outcome->error()
                       : Error::storage(QStringLiteral("demo"),
                                        QCoreApplication::translate("dermdesk::ui::DemoClinicBuilder",
                                                                    "The demo clinic could not be created."));
    return {};
}

} // namespace dermdesk::ui
