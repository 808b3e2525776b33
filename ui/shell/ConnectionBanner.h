#pragma once

#include "ui/shell/WindowBanner.h"

#include <QPointer>

namespace dermdesk {
class ClinicSession;
} // namespace dermdesk

namespace dermdesk::ui {

// The strip across the top of the main window while the clinic server cannot be reached: since when, that reads and
// saves work again once it answers and that nothing is saved meanwhile, and a "Try now" button that tries to
// reconnect at once (the session also tries by itself, ClinicSession::connectionLost). It goes away when the
// connection is back. Never shown for a clinic file.
class ConnectionBanner : public WindowBanner
{
    Q_OBJECT

public:
    explicit ConnectionBanner(QWidget *parent = nullptr);

    // Follows the connection of `session` (null for none).
    void watch(ClinicSession *session);

private:
    void refresh();
    void tryNow();

    QPointer<ClinicSession> m_session;
    QPushButton *m_tryNow = nullptr;
    // When "Try now" last found the server silent (clinic time, HH:mm); empty once connected.
    QString m_triedAt;
};

} // namespace dermdesk::ui
