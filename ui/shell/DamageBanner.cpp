#include "ui/shell/DamageBanner.h"

#include "session/ClinicSession.h"
#include "storage/IntegrityCheck.h"

namespace dermdesk::ui {

DamageBanner::DamageBanner(QWidget *parent)
    : WindowBanner(QStringLiteral("damageBanner"),
                   {QStringLiteral("#fbe9e7"), QStringLiteral("#c62828"), QStringLiteral("#3e2723"),
                    QStyle::SP_MessageBoxCritical},
                   parent)
{
    setAccessibleName(tr("Damaged clinic database"));
    setTitle(tr("Read-only: this clinic database is damaged"));
}

void DamageBanner::watch(const ClinicSession *session)
{
    if (m_check)
        disconnect(m_check, nullptr, this, nullptr);
    m_session = session;
    m_check = session ? session->database().integrityCheck() : nullptr;
    if (m_check)
        connect(m_check, &IntegrityCheck::finished, this, &DamageBanner::refresh);
    refresh();
}

void DamageBanner::refresh()
{
    const bool damaged = m_session && m_session->database().health() == Database::Health::Damaged;
    setText(damaged ? m_session->database().damage().message() : QString());
    setVisible(damaged);
    if (damaged)
        emit damageFound();
}

} // namespace dermdesk::ui
