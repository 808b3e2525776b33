#pragma once

#include "TempDatabase.h"
#include "session/ClinicSession.h"

#include <QtTest>

#include <memory>

namespace dermdesk::test {

// A clinic session on `temp`'s clinic file through a connection of its own, on `clock` (which must outlive it): what
// widgets receive. What the test writes through `temp` reaches the session as another desk's commit does.
inline std::unique_ptr<ClinicSession> openSession(const TempDatabase &temp, const Clock &clock)
{
    auto opened = temp.reopen();
    if (!opened) {
        qWarning("openSession: %s", qPrintable(opened.error().message()));
        return nullptr;
    }
    return ClinicSession::adopt(std::move(opened).value(), clock);
}

} // namespace dermdesk::test
