#include "ui/shell/ServerPasswordDialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace dermdesk::ui {

ServerPasswordDialog::ServerPasswordDialog(const QString &login, const QString &problem, bool canRemember,
                                           const QString &cannotRememberReason, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Clinic Server Password"));
    setObjectName(QStringLiteral("serverPasswordDialog"));

    auto *who = new QLabel(tr("The clinic server's password for <b>%1</b>").arg(login.toHtmlEscaped()), this);
    who->setObjectName(QStringLiteral("login"));
    who->setTextFormat(Qt::RichText);
    auto *why = new QLabel(problem, this);
    why->setObjectName(QStringLiteral("problem"));
    why->setWordWrap(true);

    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_remember = new QCheckBox(tr("&Remember the password in the system keychain"), this);
    m_remember->setObjectName(QStringLiteral("rememberPassword"));
    m_remember->setEnabled(canRemember);
    if (!canRemember)
        m_remember->setToolTip(cannotRememberReason);

    auto *form = new QFormLayout;
    form->addRow(tr("&Password:"), m_password);
    form->addRow(QString(), m_remember);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    QPushButton *ok = buttons->button(QDialogButtonBox::Ok);
    ok->setText(tr("Connect"));
    ok->setEnabled(false);
    connect(m_password, &QLineEdit::textChanged, ok, [ok](const QString &text) { ok->setEnabled(!text.isEmpty()); });
    connect(buttons, &QDialogButtonBox::accepted, this, &ServerPasswordDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ServerPasswordDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(who);
    layout->addWidget(why);
    layout->addSpacing(6);
    layout->addLayout(form);
    layout->addSpacing(6);
    layout->addWidget(buttons);
    setMinimumWidth(420);
    m_password->setFocus();
}

QString ServerPasswordDialog::password() const
{
    return m_password->text();
}

bool ServerPasswordDialog::remember() const
{
    return m_remember->isEnabled() && m_remember->isChecked();
}

} // namespace dermdesk::ui
