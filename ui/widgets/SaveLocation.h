#pragma once

#include <QString>

class QWidget;

namespace dermdesk::ui {

// Where "Save as PDF" and the export dialogs propose to write: the folder this person last saved such a file
// in (remembered per user in QSettings), else their Documents folder (made if it is missing), else their home
// folder; never the program's working folder.
class SaveLocation
{
public:
    [[nodiscard]] static QString proposedFolder();
    // `suggestedName` inside proposedFolder().
    [[nodiscard]] static QString proposedPath(const QString &suggestedName);
    // Remembers the folder of `savedPath` for the next proposal.
    static void remember(const QString &savedPath);
    // A save dialog opened at proposedPath(`suggestedName`); remembers the folder of the file chosen. Empty when
    // the person cancels.
    [[nodiscard]] static QString ask(QWidget *parent, const QString &title, const QString &suggestedName,
                                     const QString &filter);
};

} // namespace dermdesk::ui
