#pragma once

#include "ui/shell/WindowBanner.h"

#include <QPointer>

namespace dermdesk {
class ClinicSession;
class IntegrityCheck;
} // namespace dermdesk

namespace dermdesk::ui {

// The strip across the top of the main window that says the open clinic database is damaged and
// opened read-only, and what to do about it (Database::damage(): restore from the newest backup).
// Hidden while the file is sound; a background integrity check that finds damage later shows it then.
class DamageBanner : public WindowBanner
{
    Q_OBJECT

public:
    explicit DamageBanner(QWidget *parent = nullptr);

    // Follows the database of `session` (null for none).
    void watch(const ClinicSession *session);

signals:
    // The database being watched was found damaged (at once, or when its background check ended).
    void damageFound();

private:
    void refresh();

    QPointer<const ClinicSession> m_session;
    QPointer<const IntegrityCheck> m_check;
};

} // namespace dermdesk::ui
