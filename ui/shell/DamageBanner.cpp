#include "ui/shell/DamageBanner.h"

#include "session/ClinicSession.h"
#include "storage/IntegrityCheck.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QVBoxLayout>

namespace dermdesk::ui {

DamageBanner::DamageBanner(QWidget *parent)
    : QFrame(parent)
{
    setObjectName(QStringLiteral("damageBanner"));
    setAccessibleName(tr("Damaged clinic database"));
    setStyleSheet(QStringLiteral("QFrame#damageBanner { background: #fbe9e7; border-bottom: 2px solid #c62828; }"
                                 "QFrame#damageBanner QLabel { color: #3e2723; background: transparent; }"));
    auto *icon = new QLabel(this);
    const int size = style()->pixelMetric(QStyle::PM_LargeIconSize);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxCritical).pixmap(size, size));
    icon->setAlignment(Qt::AlignTop);
    m_title = new QLabel(tr("Read-only: this clinic database is damaged"), this);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_text = new QLabel(this);
    m_text->setObjectName(QStringLiteral("damageText"));
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *texts = new QVBoxLayout;
    texts->setSpacing(2);
    texts->addWidget(m_title);
    texts->addWidget(m_text);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(14, 8, 14, 8);
    layout->addWidget(icon);
    layout->addLayout(texts, 1);
    hide();
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

QString DamageBanner::text() const
{
    return isHidden() ? QString() : m_text->text();
}

void DamageBanner::refresh()
{
    const bool damaged = m_session && m_session->database().health() == Database::Health::Damaged;
    m_text->setText(damaged ? m_session->database().damage().message() : QString());
    setVisible(damaged);
    if (damaged)
        emit damageFound();
}

} // namespace dermdesk::ui
