#include "ui/shell/BackupDialog.h"

#include "session/ClinicSession.h"
#include "storage/BackgroundBackup.h"
#include "ui/widgets/Prompter.h"

#include <QDir>
#include <QLocale>

namespace dermdesk::ui {

BackupDialog::BackupDialog(const ClinicSession &session, const QString &file, Prompter &prompter, QWidget *parent)
    : QProgressDialog(parent)
    , m_backup(session.backUpInBackground(file, this))
    , m_prompter(prompter)
{
    setObjectName(QStringLiteral("backupDialog"));
    setWindowTitle(tr("Backing Up the Clinic"));
    setWindowModality(Qt::WindowModal);
    setAttribute(Qt::WA_DeleteOnClose);
    // Shown at once: a person who chose a file sees that the backup started.
    setMinimumDuration(0);
    setAutoClose(false);
    setAutoReset(false);
    setMinimumWidth(460);
    setRange(0, 0);
    setLabelText(tr("Backing up to %1…").arg(QDir::toNativeSeparators(file)));
    // QProgressDialog's own Cancel would close the dialog at once: it stays until the worker has stopped.
    disconnect(this, &QProgressDialog::canceled, this, &QProgressDialog::cancel);
    connect(this, &QProgressDialog::canceled, this, &BackupDialog::stop);
    connect(m_backup, &BackgroundBackup::progressed, this, &BackupDialog::showProgress);
    connect(m_backup, &BackgroundBackup::finished, this, &BackupDialog::end);
}

BackupDialog::~BackupDialog() = default;

bool BackupDialog::start()
{
    if (Status started = m_backup->start(); !started) {
        m_prompter.showError(parentWidget(), tr("Backup not made"), started.error());
        deleteLater();
        return false;
    }
    open();
    return true;
}

void BackupDialog::showProgress(const QString &table, qint64 copied, qint64 rows)
{
    if (m_backup->isCancelled())
        return;
    const QLocale locale;
    // The schema's table names, read as words ("appointment status change").
    QString name = table;
    name.replace(QLatin1Char('_'), QLatin1Char(' '));
    setLabelText(tr("Copying %1: %2 of %3 rows").arg(name, locale.toString(copied), locale.toString(rows)));
    // A table's rows as the bar: QProgressDialog counts in int.
    const int scale = rows > 1000000 ? 1000 : 1;
    setRange(0, int(qMax<qint64>(1, rows / scale)));
    setValue(int(copied / scale));
}

void BackupDialog::stop()
{
    m_backup->cancel();
    setLabelText(tr("Cancelling the backup…"));
    setRange(0, 0);
    setCancelButtonText(QString());
}

void BackupDialog::end()
{
    const Status result = m_backup->result();
    const QString file = m_backup->file();
    hide();
    if (result)
        emit backedUp(file);
    else if (m_backup->isCancelled())
        emit cancelledBackup();
    else
        m_prompter.showError(parentWidget(), tr("Backup not made"), result.error());
    close();
}

} // namespace dermdesk::ui
