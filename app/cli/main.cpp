#include "CliApplication.h"
#include "common/AppIdentity.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    dermdesk::setApplicationIdentity();
    return dermdesk::cli::CliApplication().run(QCoreApplication::arguments());
}
