#include "ClinicOpener.h"

#include "DemoClinicBuilder.h"
#include "clinic/ClinicRepository.h"
#include "common/Prompter.h"
#include "storage/Database.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace dermdesk::ui {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("dermdesk::ui::ClinicOpener", text);
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
    const QString folder = QFileInfo(path).absolutePath();
    if (QDir().mkpath(folder))
        return {};
    return Error::storage(QStringLiteral("folder"),
                          tr("The folder %1 cannot be created.").arg(QDir::toNativeSeparators(folder)));
}

std::unique_ptr<Database> ClinicOpener::open(const QString &path, QWidget *parent, Context context)
{
    QString candidate = path;
    while (!candidate.isEmpty()) {
        const bool existed = QFileInfo::exists(candidate);
        auto opened = Database::open(candidate);
        Error failure;
        if (opened) {
            std::unique_ptr<Database> database = std::move(opened).value();
            const auto settings = ClinicRepository(*database, m_clock).settings();
            if (settings && settings.value().has_value())
                return database;
            if (settings) {
                if (setUpClinic(*database, parent))
                    return database;
                const QString created = database->path();
                database.reset();
                if (!existed)
                    removeDatabaseFiles(created);
                return nullptr;
            }
            failure = settings.error();
        } else {
            failure = opened.error();
        }
        const auto choice = m_prompter.openFailed(parent, candidate, failure, context == Context::Replacing);
        if (choice != Prompter::OpenFailureChoice::OpenAnother)
            return nullptr;
        candidate = m_prompter.chooseDatabaseToOpen(parent, QFileInfo(candidate).absolutePath());
    }
    return nullptr;
}

std::unique_ptr<Database> ClinicOpener::openDemo(QWidget *parent, Context context)
{
    const QString path = Database::defaultDemoPath();
    if (Status folder = ensureFolder(path); !folder) {
        if (m_prompter.openFailed(parent, path, folder.error(), context == Context::Replacing)
            == Prompter::OpenFailureChoice::OpenAnother)
            return open(m_prompter.chooseDatabaseToOpen(parent, QDir::homePath()), parent, context);
        return nullptr;
    }
    if (!QFileInfo::exists(path)) {
        if (Status built = DemoClinicBuilder(m_clock).build(path, parent); !built) {
            if (m_prompter.openFailed(parent, path, built.error(), context == Context::Replacing)
                == Prompter::OpenFailureChoice::OpenAnother)
                return open(m_prompter.chooseDatabaseToOpen(parent, QFileInfo(path).absolutePath()), parent, context);
            return nullptr;
        }
    }
    return open(path, parent, context);
}

bool ClinicOpener::setUpClinic(Database &database, QWidget *parent)
{
    for (;;) {
        const auto settings = m_prompter.askClinicSettings(parent, database.path());
        if (!settings)
            return false;
        const Status saved = ClinicRepository(database, m_clock).saveSettings(*settings);
        if (saved)
            return true;
        m_prompter.showError(parent, tr("Clinic not set up"), saved.error());
    }
}

} // namespace dermdesk::ui
