#include "ui/shell/DialogPrompter.h"

#include "common/Translation.h"
#include "storage/ServerAddress.h"
#include "ui/shell/ClinicOpener.h"
#include "ui/shell/ClinicServerDialog.h"
#include "ui/shell/FirstRunDialog.h"
#include "ui/shell/PasswordKeychain.h"
#include "ui/shell/ServerPasswordDialog.h"
#include "ui/widgets/CancelReasonDialog.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QInputDialog>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>

namespace dermdesk::ui {

namespace {

constexpr TranslationContext tr("dermdesk::ui::DialogPrompter");

QString databaseFilter()
{
    return tr("Clinic databases (*.dermdesk);;All files (*)");
}

} // namespace

Prompter::OpenFailureChoice DialogPrompter::openFailed(QWidget *parent, const QString &path, const Error &error,
                                                       bool canKeepCurrent)
{
    QMessageBox box(QMessageBox::Warning, tr("Clinic database not opened"),
                    tr("DermDesk could not open the clinic database\n%1").arg(ClinicOpener::shownLocation(path)),
                    QMessageBox::NoButton, parent);
    box.setInformativeText(error.message());
    QPushButton *another = box.addButton(tr("Open Another File…"), QMessageBox::AcceptRole);
    QPushButton *giveUp =
        box.addButton(canKeepCurrent ? tr("Keep the Current Clinic") : tr("Quit"), QMessageBox::RejectRole);
    box.setDefaultButton(another);
    box.setEscapeButton(giveUp);
    box.exec();
    return box.clickedButton() == another ? OpenFailureChoice::OpenAnother : OpenFailureChoice::GiveUp;
}

void DialogPrompter::showError(QWidget *parent, const QString &title, const Error &error)
{
    QMessageBox::warning(parent, title, error.message());
}

QString DialogPrompter::chooseDatabaseToOpen(QWidget *parent, const QString &folder)
{
    return QFileDialog::getOpenFileName(parent, tr("Open Clinic Database"), folder, databaseFilter());
}

QString DialogPrompter::chooseNewDatabase(QWidget *parent, const QString &folder)
{
    QString path = QFileDialog::getSaveFileName(parent, tr("New Clinic Database"),
                                                QDir(folder).filePath(tr("clinic") + QStringLiteral(".dermdesk")),
                                                databaseFilter(), nullptr, QFileDialog::DontConfirmOverwrite);
    if (!path.isEmpty() && !path.endsWith(QLatin1String(".dermdesk"))
        && !QFileInfo(path).fileName().contains(QLatin1Char('.')))
        path += QStringLiteral(".dermdesk");
    return path;
}

QString DialogPrompter::chooseBackupFile(QWidget *parent, const QString &suggestion)
{
    return QFileDialog::getSaveFileName(parent, tr("Back Up Clinic Database"), suggestion, databaseFilter(), nullptr,
                                        QFileDialog::DontConfirmOverwrite);
}

std::optional<Prompter::ServerChoice> DialogPrompter::askClinicServer(QWidget *parent, const QString &suggestion)
{
    ClinicServerDialog dialog(parent);
    if (const auto address = ServerAddress::parse(suggestion))
        dialog.setAddress(address.value());
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    const auto address = dialog.address();
    if (!address)
        return std::nullopt;
    return ServerChoice{address.value().toUri(), dialog.rememberPassword()};
}

std::optional<Prompter::PasswordAnswer> DialogPrompter::askServerPassword(QWidget *parent, const QString &login,
                                                                          const QString &problem, bool canRemember)
{
    ServerPasswordDialog dialog(login, problem, canRemember, PasswordKeychain::unavailableReason(), parent);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return PasswordAnswer{dialog.password(), dialog.remember()};
}

std::optional<ClinicSettings> DialogPrompter::askClinicSettings(QWidget *parent, const QString &databasePath)
{
    FirstRunDialog dialog(databasePath, parent);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return dialog.settings();
}

bool DialogPrompter::confirm(QWidget *parent, const QString &title, const QString &question)
{
    return QMessageBox::question(parent, title, question, QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
           == QMessageBox::Yes;
}

std::optional<CancelReason> DialogPrompter::askCancelReason(QWidget *parent, const QString &appointmentText)
{
    CancelReasonDialog dialog(appointmentText, parent);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return dialog.reason();
}

std::optional<QString> DialogPrompter::askText(QWidget *parent, const QString &title, const QString &label)
{
    QInputDialog dialog(parent);
    dialog.setWindowTitle(title);
    dialog.setLabelText(label);
    dialog.setInputMode(QInputDialog::TextInput);
    dialog.setTextEchoMode(QLineEdit::Normal);
    while (dialog.exec() == QDialog::Accepted) {
        const QString text = dialog.textValue().trimmed();
        if (!text.isEmpty())
            return text;
        dialog.setLabelText(label + QLatin1Char('\n') + tr("This field cannot be left blank."));
    }
    return std::nullopt;
}

} // namespace dermdesk::ui
