#include "ui/shell/ConnectionBanner.h"

#include "session/ClinicSession.h"

#include <QGuiApplication>
#include <QLocale>
#include <QPushButton>

namespace dermdesk::ui {

namespace {

QString clockTime(const ClinicSession &session, const QDateTime &instant)
{
    return QLocale().toString(instant.toTimeZone(session.zone()).time(), QStringLiteral("HH:mm"));
}

} // namespace

ConnectionBanner::ConnectionBanner(QWidget *parent)
    : WindowBanner(QStringLiteral("connectionBanner"),
                   {QStringLiteral("#fff8e1"), QStringLiteral("#f9a825"), QStringLiteral("#3e2723"),
                    QStyle::SP_MessageBoxWarning},
                   parent)
{
    setAccessibleName(tr("Clinic server unreachable"));
    m_tryNow = addButton(tr("&Try now"));
    m_tryNow->setObjectName(QStringLiteral("tryNowButton"));
    m_tryNow->setToolTip(tr("Try to reach the clinic server at once (DermDesk also tries by itself)"));
    connect(m_tryNow, &QPushButton::clicked, this, &ConnectionBanner::tryNow);
}

void ConnectionBanner::watch(ClinicSession *session)
{
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    if (m_session) {
        connect(m_session, &ClinicSession::connectionLost, this, &ConnectionBanner::refresh);
        connect(m_session, &ClinicSession::connectionRestored, this, &ConnectionBanner::refresh);
    }
    refresh();
}

void ConnectionBanner::refresh()
{
    const bool away = m_session && !m_session->isConnected();
    if (away) {
        setTitle(tr("The clinic server cannot be reached since %1.")
                     .arg(clockTime(*m_session, m_session->disconnectedSince())));
    } else {
        m_triedAt.clear();
    }
    const QString text = tr("Reads and saves will work again once it answers; nothing is saved meanwhile.");
    setText(m_triedAt.isEmpty() ? text : tr("%1 Tried at %2: no answer yet.").arg(text, m_triedAt));
    setVisible(away);
}

void ConnectionBanner::tryNow()
{
    if (!m_session)
        return;
    // An attempt waits for the server a few seconds at most (ClinicSession::reconnectTimeoutSeconds).
    m_tryNow->setEnabled(false);
    QGuiApplication::setOverrideCursor(Qt::WaitCursor);
    const bool back = m_session->reconnectNow();
    QGuiApplication::restoreOverrideCursor();
    m_tryNow->setEnabled(true);
    if (!back && m_session)
        m_triedAt = clockTime(*m_session, m_session->clock().now());
    refresh();
}

} // namespace dermdesk::ui
