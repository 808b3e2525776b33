#pragma once

#include "calendar/CancelReason.h"
#include "clinic/ClinicSettings.h"
#include "common/Error.h"

#include <QString>

#include <optional>

class QWidget;

namespace dermdesk::ui {

// Every question the program asks in a modal dialog goes through a Prompter, so tests can
// answer in advance instead of blocking (see ScriptedPrompter in tests/support). DialogPrompter (ui/shell) is the
// real one. `parent` may be null (before the main window exists).
class Prompter
{
public:
    virtual ~Prompter() = default;

    // What the person wants after a clinic database could not be opened.
    enum class OpenFailureChoice {
        OpenAnother,
        // Quit at start-up; keep the current clinic when one is open already.
        GiveUp,
    };

    // Explains why `path` could not be opened and offers another file. `canKeepCurrent` says
    // whether a clinic is open already (so giving up keeps it rather than quitting).
    virtual OpenFailureChoice openFailed(QWidget *parent, const QString &path, const Error &error,
                                         bool canKeepCurrent) = 0;
    // A failure that needs no decision, only acknowledging.
    virtual void showError(QWidget *parent, const QString &title, const Error &error) = 0;

    // An existing clinic database to open; empty when cancelled.
    virtual QString chooseDatabaseToOpen(QWidget *parent, const QString &folder) = 0;
    // A path for a new clinic database (the file must not exist yet); empty when cancelled.
    virtual QString chooseNewDatabase(QWidget *parent, const QString &folder) = 0;
    // Where to write a backup copy (the file must not exist yet); empty when cancelled.
    virtual QString chooseBackupFile(QWidget *parent, const QString &suggestion) = 0;

    // A clinic on a database server, as File ▸ Open Clinic Server… asks for it.
    struct ServerChoice
    {
        // The server address (a libpq URI) with the password typed, if any: for connecting only.
        QString location;
        // Whether the password typed is to be kept in the system keychain once the clinic opens.
        bool rememberPassword = false;
    };
    // The clinic server to open (host, port, database, user, SSL mode, password), with its connection tested on
    // request; `suggestion` (an address without password, possibly empty) fills the form. nullopt when cancelled.
    virtual std::optional<ServerChoice> askClinicServer(QWidget *parent, const QString &suggestion) = 0;

    struct PasswordAnswer
    {
        QString password;
        bool remember = false;
    };
    // The password of `login` (the user, server and database as a person reads them, ServerAddress::describe()) when
    // the server asks for one; `problem` says why it is asked
    // (none given, or the last one was refused); `canRemember` whether a system keychain can keep it. nullopt when
    // cancelled.
    virtual std::optional<PasswordAnswer> askServerPassword(QWidget *parent, const QString &login,
                                                            const QString &problem, bool canRemember) = 0;

    // First run: the clinic's name and time zone for a new database at `databasePath`, validated
    // by ClinicRepository::validate; nullopt when cancelled.
    virtual std::optional<ClinicSettings> askClinicSettings(QWidget *parent, const QString &databasePath) = 0;

    // A yes/no question, e.g. "Book in the past?"; true only when the person said yes.
    virtual bool confirm(QWidget *parent, const QString &title, const QString &question) = 0;
    // Why an appointment is cancelled: a category and, for Other, a detail (the dialog refuses Other
    // without one). `appointmentText` says which appointment ("Tue 3 Mar 10:00, Jane Doe, Consultation").
    // nullopt when cancelled.
    virtual std::optional<CancelReason> askCancelReason(QWidget *parent, const QString &appointmentText) = 0;
    // One line of required text, e.g. the reason for an override; nullopt when cancelled. The dialog
    // keeps OK disabled while the text is blank.
    virtual std::optional<QString> askText(QWidget *parent, const QString &title, const QString &label) = 0;
};

} // namespace dermdesk::ui
