#pragma once

#include <QString>

namespace dermdesk {

// Who is making changes through a connection, as the audit log records it: the person (today the operating-system
// account; a signed-in staff member once accounts exist) and the computer they work at.
struct Actor
{
    QString person;
    QString workstation;

    // The operating-system account at this computer (USER, USERNAME; "unknown" when neither is set) and its host
    // name.
    [[nodiscard]] static Actor ofThisComputer();
};

} // namespace dermdesk
