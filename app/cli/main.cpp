#include "CliApplication.h"
#include "common/AppIdentity.h"
#include "storage/FilePrivacy.h"

#include <QCoreApplication>
#include <QGuiApplication>

#include <cstring>
#include <memory>

namespace {

// The commands that write PDFs lay text out with fonts, which needs a QGuiApplication. They run
// without a display: on the offscreen platform unless QT_QPA_PLATFORM says otherwise.
bool writesDocuments(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        for (const char *name : {"handout", "card", "day-sheet", "export"}) {
            if (std::strcmp(argv[i], name) == 0)
                return true;
        }
    }
    return false;
}

} // namespace

int main(int argc, char *argv[])
{
    dermdesk::FilePrivacy::restrictNewFilesToOwner();
    std::unique_ptr<QCoreApplication> app;
    if (writesDocuments(argc, argv)) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        app = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    dermdesk::setApplicationIdentity();
    return dermdesk::cli::CliApplication().run(QCoreApplication::arguments());
}
