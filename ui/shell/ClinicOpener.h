#pragma once

#include "common/Clock.h"
#include "common/Result.h"

#include <QString>

#include <memory>

class QWidget;

namespace dermdesk {
class ClinicSession;
}

namespace dermdesk::ui {

class Prompter;

// Opens clinics for the desktop program as clinic sessions, talking to the person through a Prompter:
// a file that cannot be opened is explained and left untouched, and another file is offered;
// a new database gets the first-run prompt for the clinic's name and time zone; a clinic file that
// others can read is named, with the offer to make it private. The session acts as this computer's
// user at this computer (Actor::ofThisComputer).
class ClinicOpener
{
public:
    explicit ClinicOpener(Prompter &prompter, const Clock &clock = Clock::system());

    // How the opener ends when the person gives up after a failure.
    enum class Context {
        // Nothing is open yet: giving up means quitting.
        Startup,
        // A clinic is open already: giving up keeps it.
        Replacing,
    };

    // Opens (or creates) `path` and makes sure the clinic is set up. Returns null when the person
    // gives up or cancels the first-run prompt; a database file this call created is then removed.
    // `path` may be a clinic server's address (postgresql://user@host/clinic): when it carries no password and libpq
    // finds none (PGPASSWORD, ~/.pgpass, a service file), the password remembered in the system keychain is tried,
    // then the person is asked (Prompter::askServerPassword) until the server accepts one or they cancel (null).
    // A password typed with `rememberPassword` (or "remember" in the password dialog) goes to the keychain once the
    // server accepted it; a remembered one the server refuses is forgotten. Failures show the address without its
    // password.
    [[nodiscard]] std::unique_ptr<ClinicSession> open(const QString &path, QWidget *parent, Context context,
                                                      bool rememberPassword = false);

    // Opens the demo clinic at Database::defaultDemoPath(), generating it on first use with a
    // progress dialog when that takes more than a second.
    [[nodiscard]] std::unique_ptr<ClinicSession> openDemo(QWidget *parent, Context context);

    // Makes sure the folder of `path` exists (for the default locations in the data folder); the
    // folders it creates are owner-only.
    static Status ensureFolder(const QString &path);

    // `location` as messages show it: a path, or a server address without its password.
    [[nodiscard]] static QString shownLocation(const QString &location);

private:
    // Opens the clinic server at `location`, asking for its password as open() describes; `cancelled` is set when
    // the person cancelled the password prompt.
    [[nodiscard]] Result<std::unique_ptr<ClinicSession>> openOnServer(const QString &location, QWidget *parent,
                                                                      bool rememberPassword, bool &cancelled);
    // Explains why `failedPath` could not be used and lets the person choose another file;
    // empty when they give up.
    [[nodiscard]] QString offerAnotherFile(QWidget *parent, const QString &failedPath, const Error &failure,
                                           Context context);
    // When the clinic database at `path` (or its -wal/-shm) can be opened by others, says so, naming the
    // database, and makes them all owner-only if the person agrees.
    void offerToMakePrivate(const QString &path, QWidget *parent);
    // Runs the first-run prompt until valid settings are saved; false when cancelled.
    bool setUpClinic(ClinicSession &session, QWidget *parent);

    Prompter &m_prompter;
    const Clock &m_clock;
};

} // namespace dermdesk::ui
