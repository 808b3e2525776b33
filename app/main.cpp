// dermdesk: the desktop program. Parses the command line, opens the clinic as a clinic session (creating the
// database with the first-run prompt, or generating the demo clinic) and shows the main window on it.

#include "common/AppIdentity.h"
#include "session/ClinicSession.h"
#include "storage/Database.h"
#include "storage/FilePrivacy.h"
#include "ui/schedule/ScheduleArea.h"
#include "ui/shell/ClinicOpener.h"
#include "ui/shell/DialogPrompter.h"
#include "ui/shell/MainWindow.h"
#include "ui/shell/StartupProbe.h"
#include "ui/widgets/Theme.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QTableView>

#include <cstdio>
#include <cstring>
#include <optional>

namespace {

struct Options
{
    QString database;
    bool demo = false;
    bool version = false;
    bool help = false;
    bool startupProbe = false;
};

const char usage[] = "Usage: dermdesk [--database PATH|URL] [--demo] [--version] [--help]\n"
                     "\n"
                     "The front desk of an aesthetic-dermatology clinic.\n"
                     "\n"
                     "  --database PATH  open (or create) the clinic database at PATH\n"
                     "  --database URL   open the clinic on a PostgreSQL server, e.g.\n"
                     "                   postgresql://frontdesk@clinic-server:5432/clinic?sslmode=require\n"
                     "                   (the password comes from PGPASSWORD, ~/.pgpass, the system\n"
                     "                   keychain, or is asked for; it is never written to settings)\n"
                     "  --demo           open the demo clinic, creating it on first use\n"
                     "  --version        print the version and exit\n"
                     "  --help           print this help and exit\n"
                     "\n"
                     "Without options DermDesk opens the clinic database in your data folder.\n";

// Qt's own command-line options that take a value; QApplication reads and removes them.
bool isQtOptionWithValue(const char *argument)
{
    for (const char *option : {"-platform", "-platformpluginpath", "-platformtheme", "-plugin", "-qmljsdebugger",
                               "-style", "-stylesheet", "-qwindowgeometry", "-qwindowtitle", "-qwindowicon", "-display",
                               "-session", "-graphicssystem", "-name", "-title"}) {
        if (std::strcmp(argument, option) == 0)
            return true;
    }
    return false;
}

bool isQtFlag(const char *argument)
{
    for (const char *option : {"-reverse", "-widgetcount", "-nograb", "-dograb", "-sync"}) {
        if (std::strcmp(argument, option) == 0)
            return true;
    }
    return false;
}

// Reads the command line without a QApplication, so --version and --help work without a display.
// Returns nullopt (after printing why and the usage to stderr) for anything it does not know.
std::optional<Options> parseOptions(int argc, char **argv)
{
    Options options;
    for (int i = 1; i < argc; ++i) {
        const char *argument = argv[i];
        const char *databaseValue = nullptr;
        if (std::strcmp(argument, "--database") == 0) {
            if (i + 1 >= argc) {
                std::fprintf(stderr, "dermdesk: --database needs a file path or a clinic server address\n\n%s", usage);
                return std::nullopt;
            }
            databaseValue = argv[++i];
        } else if (std::strncmp(argument, "--database=", 11) == 0) {
            databaseValue = argument + 11;
        } else if (std::strcmp(argument, "--demo") == 0) {
            options.demo = true;
        } else if (std::strcmp(argument, "--version") == 0) {
            options.version = true;
        } else if (std::strcmp(argument, "--help") == 0 || std::strcmp(argument, "-h") == 0) {
            options.help = true;
        } else if (std::strcmp(argument, "--startup-probe") == 0) {
            options.startupProbe = true;
        } else if (isQtOptionWithValue(argument) && i + 1 < argc) {
            ++i;
        } else if (!isQtFlag(argument)) {
            std::fprintf(stderr, "dermdesk: unknown option %s\n\n%s", argument, usage);
            return std::nullopt;
        }
        if (databaseValue) {
            if (*databaseValue == '\0') {
                std::fprintf(stderr, "dermdesk: --database needs a file path or a clinic server address\n\n%s", usage);
                return std::nullopt;
            }
            options.database = QString::fromLocal8Bit(databaseValue);
        }
    }
    if (options.demo && !options.database.isEmpty()) {
        std::fprintf(stderr, "dermdesk: --demo and --database cannot be combined\n\n%s", usage);
        return std::nullopt;
    }
    return options;
}

} // namespace

int main(int argc, char **argv)
{
    dermdesk::FilePrivacy::restrictNewFilesToOwner();
    QElapsedTimer sinceStart;
    sinceStart.start();

    const std::optional<Options> options = parseOptions(argc, argv);
    if (!options)
        return 2;
    if (options->help) {
        std::fputs(usage, stdout);
        return 0;
    }
    if (options->version) {
        std::printf("DermDesk %s\n", dermdesk::version());
        return 0;
    }

    QApplication application(argc, argv);
    dermdesk::setApplicationIdentity();
    QApplication::setDesktopFileName(QStringLiteral("dermdesk"));
    dermdesk::ui::applyTheme(application);

    dermdesk::ui::DialogPrompter prompter;
    dermdesk::ui::ClinicOpener opener(prompter);
    std::unique_ptr<dermdesk::ClinicSession> session;
    if (options->demo) {
        session = opener.openDemo(nullptr, dermdesk::ui::ClinicOpener::Context::Startup);
    } else {
        QString path = options->database;
        if (path.isEmpty()) {
            path = dermdesk::Database::defaultPath();
            // The data folder is ours to create; a folder named on the command line is not.
            (void)dermdesk::ui::ClinicOpener::ensureFolder(path);
        }
        session = opener.open(path, nullptr, dermdesk::ui::ClinicOpener::Context::Startup);
    }
    if (!session)
        return 1;

    dermdesk::ui::MainWindow window(prompter);
    window.setSession(std::move(session));
    std::unique_ptr<dermdesk::ui::StartupProbe> probe;
    if (options->startupProbe && window.scheduleArea())
        probe = std::make_unique<dermdesk::ui::StartupProbe>(window.scheduleArea()->agendaView()->viewport(),
                                                             sinceStart.elapsed());
    window.show();
    return QApplication::exec();
}
