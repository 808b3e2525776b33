#include "ui/shell/MainWindow.h"

#include "session/ClinicSession.h"
#include "storage/ServerAddress.h"
#include "ui/shell/ClinicOpener.h"
#include "ui/shell/RecentClinics.h"
#include "ui/widgets/Prompter.h"

#include <QAction>
#include <QMenu>

// The main window's ways to another clinic beside File ▸ Open: a clinic server and the recent clinics.
// (New, Open and the demo clinic are in MainWindow.cpp.)

namespace dermdesk::ui {

void MainWindow::openClinicServer()
{
    // The form starts from the server in use, else the last server opened.
    QString suggestion;
    if (m_session && ServerAddress::looksLikeServer(m_session->location())) {
        suggestion = m_session->location();
    } else {
        for (const QString &location : RecentClinics::locations()) {
            if (ServerAddress::looksLikeServer(location)) {
                suggestion = location;
                break;
            }
        }
    }
    const auto choice = m_prompter.askClinicServer(this, suggestion);
    if (!choice)
        return;
    if (auto session = ClinicOpener(m_prompter, m_clock)
                           .open(choice->location, this, ClinicOpener::Context::Replacing, choice->rememberPassword))
        setSession(std::move(session));
}

void MainWindow::openRecentClinic(const QString &location)
{
    if (auto session = ClinicOpener(m_prompter, m_clock).open(location, this, ClinicOpener::Context::Replacing))
        setSession(std::move(session));
}

void MainWindow::fillRecentMenu()
{
    m_recentMenu->clear();
    const QString current = m_session ? m_session->location() : QString();
    int number = 0;
    for (const QString &location : RecentClinics::locations()) {
        if (location == current)
            continue;
        ++number;
        const QString shown = RecentClinics::shown(location);
        // "&1 /path/clinic.dermdesk": the number is the mnemonic; an '&' in the location is shown as it is.
        QString text = QString(shown).replace(QLatin1Char('&'), QLatin1String("&&"));
        if (number < 10)
            text = QStringLiteral("&%1 %2").arg(number).arg(text);
        QAction *action = m_recentMenu->addAction(text);
        action->setData(location);
        action->setToolTip(shown);
        connect(action, &QAction::triggered, this, [this, location] { openRecentClinic(location); });
    }
    if (number == 0) {
        QAction *none = m_recentMenu->addAction(tr("No Other Recent Clinics"));
        none->setEnabled(false);
    }
}

} // namespace dermdesk::ui
