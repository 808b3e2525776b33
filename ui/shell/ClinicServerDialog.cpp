#include "ui/shell/ClinicServerDialog.h"

#include "common/Error.h"
#include "ui/shell/ConnectionTest.h"
#include "ui/shell/PasswordKeychain.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QVBoxLayout>

namespace dermdesk::ui {

namespace {

const QString sslModeKey = QStringLiteral("sslmode");
const QString defaultSslMode = QStringLiteral("prefer");

} // namespace

ClinicServerDialog::ClinicServerDialog(QWidget *parent)
    : QDialog(parent)
    , m_status(new QLabel(this))
    , m_feedback(m_status)
    , m_connectionTest(new ConnectionTest(this))
{
    setWindowTitle(tr("Open Clinic Server"));
    setObjectName(QStringLiteral("clinicServerDialog"));

    auto *intro = new QLabel(tr("Open a clinic kept on a PostgreSQL server, shared by several desks. The clinic's "
                                "administrator tells you these details."),
                             this);
    intro->setWordWrap(true);

    m_host = new QLineEdit(this);
    m_host->setObjectName(QStringLiteral("host"));
    m_host->setPlaceholderText(tr("e.g. clinic-server.local or 192.168.1.20"));
    m_port = new QSpinBox(this);
    m_port->setObjectName(QStringLiteral("port"));
    m_port->setRange(1, 65535);
    m_port->setValue(5432);
    m_port->setGroupSeparatorShown(false);
    m_port->setMinimumWidth(m_port->fontMetrics().horizontalAdvance(QStringLiteral("655350")) + 40);
    m_database = new QLineEdit(this);
    m_database->setObjectName(QStringLiteral("database"));
    m_database->setPlaceholderText(tr("e.g. clinic"));
    m_user = new QLineEdit(this);
    m_user->setObjectName(QStringLiteral("user"));
    m_user->setPlaceholderText(tr("e.g. frontdesk"));
    m_sslMode = new QComboBox(this);
    m_sslMode->setObjectName(QStringLiteral("sslMode"));
    m_sslMode->addItem(tr("Prefer encryption (when the server offers it)"), defaultSslMode);
    m_sslMode->addItem(tr("Require encryption"), QStringLiteral("require"));
    m_sslMode->addItem(tr("Require encryption and verify the server's certificate"), QStringLiteral("verify-full"));
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("Leave empty to use ~/.pgpass or PGPASSWORD"));
    m_remember = new QCheckBox(tr("&Remember the password in the system keychain"), this);
    m_remember->setObjectName(QStringLiteral("rememberPassword"));
    if (!PasswordKeychain::available()) {
        m_remember->setEnabled(false);
        m_remember->setToolTip(PasswordKeychain::unavailableReason());
    }

    auto *form = new QFormLayout;
    m_feedback.addRow(form, tr("&Host:"), m_host, QStringLiteral("host"));
    // A port is five digits: the box stays that wide.
    auto *portRow = new QHBoxLayout;
    portRow->addWidget(m_port);
    portRow->addStretch();
    m_feedback.addRow(form, tr("P&ort:"), portRow, m_port, QStringLiteral("port"));
    m_feedback.addRow(form, tr("&Database:"), m_database, QStringLiteral("database"));
    m_feedback.addRow(form, tr("&User:"), m_user, QStringLiteral("user"));
    m_feedback.addRow(form, tr("&Encryption:"), m_sslMode, QStringLiteral("sslmode"));
    m_feedback.addRow(form, tr("&Password:"), m_password, QStringLiteral("password"));
    form->addRow(QString(), m_remember);

    m_status->setObjectName(QStringLiteral("connectionStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setMinimumHeight(m_status->fontMetrics().lineSpacing() * 2);
    m_status->setAlignment(Qt::AlignLeft | Qt::AlignTop);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Open | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Open)->setObjectName(QStringLiteral("openButton"));
    // Testing is not a way to leave the dialog: its button stands apart, on the left.
    m_test = new QPushButton(tr("&Test Connection"), this);
    m_test->setObjectName(QStringLiteral("testConnection"));
    m_test->setAutoDefault(false);
    connect(m_test, &QPushButton::clicked, this, &ClinicServerDialog::testConnection);
    connect(buttons, &QDialogButtonBox::accepted, this, &ClinicServerDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ClinicServerDialog::reject);
    connect(m_connectionTest, &ConnectionTest::finished, this, &ClinicServerDialog::showTestResult);
    auto *buttonRow = new QHBoxLayout;
    buttonRow->addWidget(m_test);
    buttonRow->addStretch();
    buttonRow->addWidget(buttons);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addSpacing(6);
    layout->addLayout(form);
    layout->addSpacing(4);
    layout->addWidget(m_status);
    layout->addStretch();
    layout->addSpacing(8);
    layout->addLayout(buttonRow);
    setMinimumWidth(560);
    m_host->setFocus();
}

ClinicServerDialog::~ClinicServerDialog() = default;

void ClinicServerDialog::setAddress(const ServerAddress &address)
{
    m_host->setText(address.host());
    m_port->setValue(address.port() > 0 ? address.port() : 5432);
    m_database->setText(address.database());
    m_user->setText(address.user());
    const QString sslMode = address.parameter(sslModeKey);
    int index = m_sslMode->findData(sslMode.isEmpty() ? defaultSslMode : sslMode);
    if (index < 0) {
        // A mode the list does not offer (allow, disable, verify-ca) stays as it was written.
        m_sslMode->addItem(tr("sslmode=%1").arg(sslMode), sslMode);
        index = m_sslMode->count() - 1;
    }
    m_sslMode->setCurrentIndex(index);
    m_otherParameters.clear();
    for (const auto &parameter : address.parameters()) {
        if (parameter.first != sslModeKey)
            m_otherParameters.append(parameter);
    }
    m_password->clear();
}

Result<ServerAddress> ClinicServerDialog::address() const
{
    static const QRegularExpression blank(QStringLiteral("\\s"));
    const QString host = m_host->text().trimmed();
    if (host.isEmpty())
        return Error::invalidInput(QStringLiteral("host"), tr("write the server's name or address."));
    if (host.contains(blank) || (host.contains(QLatin1Char('/')) && !host.startsWith(QLatin1Char('/'))))
        return Error::invalidInput(QStringLiteral("host"),
                                   tr("\u201c%1\u201d is not a server name or address (no spaces or slashes).")
                                       .arg(host));
    const QString database = m_database->text().trimmed();
    if (database.isEmpty())
        return Error::invalidInput(QStringLiteral("database"), tr("write the name of the clinic's database."));
    if (database.contains(QLatin1Char('/')))
        return Error::invalidInput(QStringLiteral("database"), tr("a database name cannot hold a '/'."));
    const QString user = m_user->text().trimmed();
    if (user.isEmpty())
        return Error::invalidInput(QStringLiteral("user"), tr("write the user name the clinic's server knows you by."));

    ServerAddress address = ServerAddress::fromParts(host, m_port->value(), database, user);
    if (const QString sslMode = m_sslMode->currentData().toString(); sslMode != defaultSslMode)
        address = address.withParameter(sslModeKey, sslMode);
    for (const auto &[key, value] : m_otherParameters)
        address = address.withParameter(key, value);
    return address.withPassword(m_password->text());
}

bool ClinicServerDialog::rememberPassword() const
{
    return m_remember->isEnabled() && m_remember->isChecked() && !m_password->text().isEmpty();
}

QString ClinicServerDialog::statusText() const
{
    return m_status->text();
}

bool ClinicServerDialog::isTesting() const
{
    return m_connectionTest->isRunning();
}

void ClinicServerDialog::testConnection()
{
    const Result<ServerAddress> typed = address();
    if (!typed) {
        m_feedback.showError(typed.error());
        return;
    }
    m_feedback.show(FormFeedback::Tone::Hint, tr("Connecting to %1\u2026").arg(typed.value().host()));
    m_test->setEnabled(false);
    m_connectionTest->start(typed.value());
}

void ClinicServerDialog::showTestResult(const QString &sentence, bool connected)
{
    m_test->setEnabled(true);
    m_feedback.show(connected ? FormFeedback::Tone::Ok : FormFeedback::Tone::Error, sentence);
}

void ClinicServerDialog::accept()
{
    if (const Result<ServerAddress> typed = address(); !typed) {
        m_feedback.showError(typed.error());
        return;
    }
    QDialog::accept();
}

} // namespace dermdesk::ui
