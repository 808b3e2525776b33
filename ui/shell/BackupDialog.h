#pragma once

#include <QProgressDialog>

namespace dermdesk {
class BackgroundBackup;
class ClinicSession;
} // namespace dermdesk

namespace dermdesk::ui {

class Prompter;

// File ▸ Back Up…, while the backup is written: a window-modal progress dialog over the window that asked for it,
// which goes on painting. The backup runs on a worker thread (BackgroundBackup); a server clinic's copy shows the
// table it is copying and its rows, a clinic file's a busy bar. Cancel stops it and leaves no file. When it ends the
// dialog closes itself (and is deleted): backedUp() on success, the reason through the Prompter on a failure, nothing
// more when cancelled.
class BackupDialog : public QProgressDialog
{
    Q_OBJECT

public:
    // `session` must stay open while the backup runs; `prompter` must outlive the dialog.
    BackupDialog(const ClinicSession &session, const QString &file, Prompter &prompter, QWidget *parent);
    ~BackupDialog() override;

    // Starts the backup and shows the dialog; false (the reason shown, the dialog deleted) when it cannot start.
    bool start();

signals:
    // The backup of the clinic was written to `file` and proven.
    void backedUp(const QString &file);
    // The backup was cancelled; nothing was kept.
    void cancelledBackup();

private:
    void showProgress(const QString &table, qint64 copied, qint64 rows);
    void stop();
    void end();

    BackgroundBackup *m_backup = nullptr;
    Prompter &m_prompter;
};

} // namespace dermdesk::ui
