#pragma once

#include <QDateTime>

namespace dermdesk {

// Where "now" comes from. Production code asks the system clock; tests inject a fixed instant.
class Clock
{
public:
    virtual ~Clock() = default;
    // The current instant, in UTC.
    [[nodiscard]] virtual QDateTime now() const = 0;

    // The process-wide system clock; never null, never destroyed before main() returns.
    static const Clock &system();
};

} // namespace dermdesk
