#include "ui/widgets/SaveLocation.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

namespace dermdesk::ui {

namespace {

const QString rememberedKey = QStringLiteral("files/lastSaveFolder");

} // namespace

QString SaveLocation::proposedFolder()
{
    const QString remembered = QSettings().value(rememberedKey).toString();
    if (!remembered.isEmpty() && QFileInfo(remembered).isDir())
        return remembered;
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    // A dialog given a folder that does not exist opens in the working folder: make the Documents folder.
    if (!documents.isEmpty() && (QFileInfo(documents).isDir() || QDir().mkpath(documents)))
        return documents;
    return QDir::homePath();
}

QString SaveLocation::proposedPath(const QString &suggestedName)
{
    return QDir(proposedFolder()).filePath(suggestedName);
}

void SaveLocation::remember(const QString &savedPath)
{
    if (savedPath.isEmpty())
        return;
    QSettings().setValue(rememberedKey, QFileInfo(savedPath).absolutePath());
}

QString SaveLocation::ask(QWidget *parent, const QString &title, const QString &suggestedName, const QString &filter)
{
    const QString path = QFileDialog::getSaveFileName(parent, title, proposedPath(suggestedName), filter);
    remember(path);
    return path;
}

} // namespace dermdesk::ui
