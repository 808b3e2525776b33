#pragma once

#include "ui/widgets/Prompter.h"

namespace dermdesk::ui {

// The Prompter of the desktop program: real, application-modal dialogs (the first-run prompt among them).
class DialogPrompter final : public Prompter
{
public:
    OpenFailureChoice openFailed(QWidget *parent, const QString &path, const Error &error,
                                 bool canKeepCurrent) override;
    void showError(QWidget *parent, const QString &title, const Error &error) override;
    QString chooseDatabaseToOpen(QWidget *parent, const QString &folder) override;
    QString chooseNewDatabase(QWidget *parent, const QString &folder) override;
    QString chooseBackupFile(QWidget *parent, const QString &suggestion) override;
    std::optional<ServerChoice> askClinicServer(QWidget *parent, const QString &suggestion) override;
    std::optional<PasswordAnswer> askServerPassword(QWidget *parent, const QString &login, const QString &problem,
                                                    bool canRemember) override;
    std::optional<ClinicSettings> askClinicSettings(QWidget *parent, const QString &databasePath) override;
    bool confirm(QWidget *parent, const QString &title, const QString &question) override;
    std::optional<CancelReason> askCancelReason(QWidget *parent, const QString &appointmentText) override;
    std::optional<QString> askText(QWidget *parent, const QString &title, const QString &label) override;
};

} // namespace dermdesk::ui
