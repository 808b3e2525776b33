#pragma once

#include "common/Result.h"
#include "storage/ServerAddress.h"
#include "ui/widgets/FormFeedback.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace dermdesk::ui {

class ConnectionTest;

// File ▸ Open Clinic Server…: where a clinic on a PostgreSQL server is (host, port, database, user, SSL mode), its
// password when the server wants one, whether the system keychain keeps it, and "Test connection", which says in
// the dialog what is there (connected to clinic X, wrong password, cannot reach the host, not a DermDesk clinic,
// an empty database DermDesk will set up) without writing anything. Errors in the form name their field
// ("Host: …"). The remember box is enabled only when a keychain answers (PasswordKeychain), else it says why.
class ClinicServerDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ClinicServerDialog(QWidget *parent = nullptr);
    ~ClinicServerDialog() override;

    // Fills the form from `address` (its password, if any, left out).
    void setAddress(const ServerAddress &address);
    // The address the form describes, password included when typed; the Invalid error names the field at fault
    // ("host", "database", "user"). sslmode is written unless it is libpq's default (prefer); the other parameters of
    // a filled-in address (connect_timeout, application_name, ...) stay as they were.
    [[nodiscard]] Result<ServerAddress> address() const;
    [[nodiscard]] bool rememberPassword() const;
    // The line under the form: the last test's outcome or the field at fault.
    [[nodiscard]] QString statusText() const;
    [[nodiscard]] bool isTesting() const;

public slots:
    void testConnection();
    void accept() override;

private:
    void showTestResult(const QString &sentence, bool connected);

    QLineEdit *m_host = nullptr;
    QSpinBox *m_port = nullptr;
    QLineEdit *m_database = nullptr;
    QLineEdit *m_user = nullptr;
    QComboBox *m_sslMode = nullptr;
    QLineEdit *m_password = nullptr;
    QCheckBox *m_remember = nullptr;
    QPushButton *m_test = nullptr;
    QLabel *m_status = nullptr;
    FormFeedback m_feedback;
    ConnectionTest *m_connectionTest = nullptr;
    // libpq parameters of a filled-in address other than sslmode, kept as they were.
    QList<std::pair<QString, QString>> m_otherParameters;
};

} // namespace dermdesk::ui
