#include "ui/shell/ClinicOpener.h"

#include "clinic/ClinicRepository.h"
#include "common/Translation.h"
#include "session/ClinicSession.h"
#include "storage/Database.h"
#include "storage/FilePrivacy.h"
#include "storage/ServerAddress.h"
#include "ui/shell/DemoClinicBuilder.h"
#include "ui/shell/PasswordKeychain.h"
#include "ui/widgets/Prompter.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace dermdesk::ui {

namespace {

constexpr TranslationContext tr("dermdesk::ui::ClinicOpener");

// The desktop program checks a large file's integrity without delaying the first schedule, and opens a
// damaged file read-only (the main window says so and what to do) rather than not at all.
Database::Options desktopOptions()
{
    Database::Options options;
    options.verification = Database::Options::Verification::InBackground;
    options.openDamaged = true;
    return options;
}

void removeDatabaseFiles(const QString &path)
{
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(path + suffix);
}

} // namespace

ClinicOpener::ClinicOpener(Prompter &prompter, const Clock &clock)
    : m_prompter(prompter)
    , m_clock(clock)
{
}

Status ClinicOpener::ensureFolder(const QString &path)
{
    return FilePrivacy::createFolder(QFileInfo(path).absolutePath());
}

std::unique_ptr<ClinicSession> ClinicOpener::open(const QString &path, QWidget *parent, Context context,
                                                  bool rememberPassword)
{
    QString candidate = path;
    while (!candidate.isEmpty()) {
        const bool server = ServerAddress::looksLikeServer(candidate);
        const bool existed = !server && QFileInfo::exists(candidate);
        bool cancelled = false;
        Result<std::unique_ptr<ClinicSession>> opened = Error();
        if (server) {
            opened = openOnServer(candidate, parent, rememberPassword, cancelled);
        } else {
            ClinicSession::Options options;
            options.database = desktopOptions();
            opened = ClinicSession::open(candidate, options, m_clock);
        }
        if (cancelled)
            return nullptr;
        Error failure;
        if (opened) {
            std::unique_ptr<ClinicSession> session = std::move(opened).value();
            if (!server)
                offerToMakePrivate(session->location(), parent);
            session->setActor(Actor::ofThisComputer());
            const auto settings = session->service<ClinicRepository>().settings();
            if (settings && settings.value().has_value())
                return session;
            if (settings) {
                if (setUpClinic(*session, parent))
                    return session;
                const QString created = session->location();
                session.reset();
                if (!existed && !server)
                    removeDatabaseFiles(created);
                return nullptr;
            }
            failure = settings.error();
        } else {
            failure = opened.error();
        }
        candidate = offerAnotherFile(parent, server ? shownLocation(candidate) : candidate, failure, context);
    }
    return nullptr;
}

QString ClinicOpener::shownLocation(const QString &location)
{
    if (!ServerAddress::looksLikeServer(location))
        return QDir::toNativeSeparators(location);
    const auto address = ServerAddress::parse(location);
    return address ? address.value().display() : tr("the clinic server address");
}

Result<std::unique_ptr<ClinicSession>> ClinicOpener::openOnServer(const QString &location, QWidget *parent,
                                                                  bool rememberPassword, bool &cancelled)
{
    const Result<ServerAddress> parsed = ServerAddress::parse(location);
    if (!parsed)
        return parsed.error();
    ServerAddress address = parsed.value();
    const QString key = address.display();
    // libpq's own places (PGPASSWORD, ~/.pgpass, a service file) come first; the keychain only when they gave none.
    bool keychainTried = address.hasPassword();
    bool fromKeychain = false;
    ClinicSession::Options options;
    options.database = desktopOptions();
    for (;;) {
        auto opened = ClinicSession::open(address.toUri(), options, m_clock);
        if (opened) {
            if (rememberPassword && address.hasPassword() && !fromKeychain)
                PasswordKeychain::write(key, address.password());
            return opened;
        }
        if (opened.error().code() != QLatin1String("storage.password"))
            return opened.error();
        if (!keychainTried) {
            keychainTried = true;
            if (const std::optional<QString> kept = PasswordKeychain::read(key)) {
                address = address.withPassword(*kept);
                fromKeychain = true;
                continue;
            }
        }
        QString problem = tr("The server asks for a password.");
        if (fromKeychain) {
            // The password the keychain kept is out of date: it is not offered again.
            PasswordKeychain::forget(key);
            problem = tr("The server refused the password remembered in the system keychain.");
        } else if (address.hasPassword()) {
            problem = tr("The server refused that password. Check it and type it again.");
        }
        const auto answer =
            m_prompter.askServerPassword(parent, address.describe(), problem, PasswordKeychain::available());
        if (!answer) {
            cancelled = true;
            return opened.error();
        }
        address = address.withPassword(answer->password);
        fromKeychain = false;
        rememberPassword = answer->remember;
    }
}

QString ClinicOpener::offerAnotherFile(QWidget *parent, const QString &failedPath, const Error &failure,
                                       Context context)
{
    // After a clinic server, another file is looked for where the desktop keeps its own.
    const QString folder = ServerAddress::looksLikeServer(failedPath)
                               ? QFileInfo(Database::defaultPath()).absolutePath()
                               : QFileInfo(failedPath).absolutePath();
    for (;;) {
        const auto choice = m_prompter.openFailed(parent, failedPath, failure, context == Context::Replacing);
        if (choice != Prompter::OpenFailureChoice::OpenAnother)
            return {};
        // Cancelling the file chooser comes back to the explanation and its choice.
        const QString another = m_prompter.chooseDatabaseToOpen(parent, folder);
        if (!another.isEmpty())
            return another;
    }
}

std::unique_ptr<ClinicSession> ClinicOpener::openDemo(QWidget *parent, Context context)
{
    const QString path = Database::defaultDemoPath();
    Status ready = ensureFolder(path);
    if (ready && !QFileInfo::exists(path))
        ready = DemoClinicBuilder(m_clock).build(path, parent);
    if (!ready) {
        const QString another = offerAnotherFile(parent, path, ready.error(), context);
        return another.isEmpty() ? nullptr : open(another, parent, context);
    }
    return open(path, parent, context);
}

void ClinicOpener::offerToMakePrivate(const QString &path, QWidget *parent)
{
    const QStringList exposed = FilePrivacy::exposedDatabaseFiles(path);
    if (exposed.isEmpty())
        return;
    const QString question =
        tr("Other people who use this computer can open the clinic database with your patients' records:\n\n"
           "%1\n\nMake it private, so that only you can open it?")
            .arg(QDir::toNativeSeparators(path));
    if (!m_prompter.confirm(parent, tr("Clinic File Readable by Others"), question))
        return;
    for (const QString &file : exposed) {
        if (Status restricted = FilePrivacy::restrictToOwner(file); !restricted) {
            m_prompter.showError(parent, tr("Clinic File Not Made Private"), restricted.error());
            return;
        }
    }
}

bool ClinicOpener::setUpClinic(ClinicSession &session, QWidget *parent)
{
    for (;;) {
        const auto settings = m_prompter.askClinicSettings(parent, session.location());
        if (!settings)
            return false;
        const Status saved = session.service<ClinicRepository>().saveSettings(*settings);
        if (saved)
            return true;
        m_prompter.showError(parent, tr("Clinic not set up"), saved.error());
    }
}

} // namespace dermdesk::ui
