#pragma once

#include "ui/widgets/Prompter.h"

#include <QList>
#include <QStringList>

namespace dermdesk::test {

// A Prompter for GUI tests: it never shows a dialog. Each question takes the next answer the
// test queued (or a safe default: give up, cancel) and every question asked is recorded.
class ScriptedPrompter final : public ui::Prompter
{
public:
    struct Failure
    {
        QString path;
        Error error;
        bool canKeepCurrent = false;
    };

    QList<OpenFailureChoice> openFailureAnswers;
    // Answers to chooseDatabaseToOpen, chooseNewDatabase and chooseBackupFile, in asking order.
    QStringList fileAnswers;
    QList<std::optional<ClinicSettings>> settingsAnswers;

    QList<Failure> failures;
    QList<Error> errors;
    QStringList settingsAskedFor;
    int filesAsked = 0;

    OpenFailureChoice openFailed(QWidget *, const QString &path, const Error &error, bool canKeepCurrent) override
    {
        failures.append({path, error, canKeepCurrent});
        return openFailureAnswers.isEmpty() ? OpenFailureChoice::GiveUp : openFailureAnswers.takeFirst();
    }

    void showError(QWidget *, const QString &, const Error &error) override { errors.append(error); }

    QString chooseDatabaseToOpen(QWidget *, const QString &) override { return nextFile(); }
    QString chooseNewDatabase(QWidget *, const QString &) override { return nextFile(); }
    QString chooseBackupFile(QWidget *, const QString &) override { return nextFile(); }

    std::optional<ClinicSettings> askClinicSettings(QWidget *, const QString &databasePath) override
    {
        settingsAskedFor.append(databasePath);
        return settingsAnswers.isEmpty() ? std::nullopt : settingsAnswers.takeFirst();
    }

    // Answers to askClinicServer and askServerPassword (default: cancelled), in asking order; what each was asked
    // with is recorded.
    QList<std::optional<ServerChoice>> serverAnswers;
    QList<std::optional<PasswordAnswer>> passwordAnswers;
    QStringList serversSuggested;
    struct PasswordQuestion
    {
        QString login;
        QString problem;
        bool canRemember = false;
    };
    QList<PasswordQuestion> passwordsAsked;

    std::optional<ServerChoice> askClinicServer(QWidget *, const QString &suggestion) override
    {
        serversSuggested.append(suggestion);
        return serverAnswers.isEmpty() ? std::nullopt : serverAnswers.takeFirst();
    }

    std::optional<PasswordAnswer> askServerPassword(QWidget *, const QString &login, const QString &problem,
                                                    bool canRemember) override
    {
        passwordsAsked.append({login, problem, canRemember});
        return passwordAnswers.isEmpty() ? std::nullopt : passwordAnswers.takeFirst();
    }

    // Answers to confirm() (default: no), askCancelReason() (default: cancelled) and askText() (default:
    // cancelled), in asking order; every question is recorded.
    QList<bool> confirmAnswers;
    QList<std::optional<CancelReason>> cancelReasonAnswers;
    QList<std::optional<QString>> textAnswers;
    QStringList confirmations;
    QStringList cancelReasonsAskedFor;
    QStringList textsAskedFor;

    bool confirm(QWidget *, const QString &, const QString &question) override
    {
        confirmations.append(question);
        return !confirmAnswers.isEmpty() && confirmAnswers.takeFirst();
    }

    std::optional<CancelReason> askCancelReason(QWidget *, const QString &appointmentText) override
    {
        cancelReasonsAskedFor.append(appointmentText);
        return cancelReasonAnswers.isEmpty() ? std::nullopt : cancelReasonAnswers.takeFirst();
    }

    std::optional<QString> askText(QWidget *, const QString &, const QString &label) override
    {
        textsAskedFor.append(label);
        return textAnswers.isEmpty() ? std::nullopt : textAnswers.takeFirst();
    }

    static ClinicSettings clinic(const QString &name, const QByteArray &zone)
    {
        ClinicSettings settings;
        settings.address = settings.phone = settings.email = QStringLiteral("");
        settings.name = name;
        settings.timeZone = zone;
        return settings;
    }

private:
    QString nextFile()
    {
        ++filesAsked;
        return fileAnswers.isEmpty() ? QString() : fileAnswers.takeFirst();
    }
};

} // namespace dermdesk::test
