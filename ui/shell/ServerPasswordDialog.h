#pragma once

#include <QDialog>

class QCheckBox;
class QLineEdit;

namespace dermdesk::ui {

// The small dialog that asks for a clinic server's password when the address has none and libpq's own places
// (PGPASSWORD, ~/.pgpass, a service file) gave none, or the server refused the one given: it shows who logs in where
// (user@host/database) and why it asks, a password field and "Remember the password in the system keychain"
// (disabled, saying why, when `canRemember` is false). OK stays disabled while the password is empty.
class ServerPasswordDialog : public QDialog
{
    Q_OBJECT

public:
    ServerPasswordDialog(const QString &login, const QString &problem, bool canRemember,
                         const QString &cannotRememberReason, QWidget *parent = nullptr);

    [[nodiscard]] QString password() const;
    [[nodiscard]] bool remember() const;

private:
    QLineEdit *m_password = nullptr;
    QCheckBox *m_remember = nullptr;
};

} // namespace dermdesk::ui
