#pragma once

namespace dermdesk {

// A span of local wall-clock minutes of one day, [startMin, endMin), 0..1440.
struct MinuteSpan
{
    int startMin = 0;
    int endMin = 0;

    friend bool operator==(const MinuteSpan &, const MinuteSpan &) = default;
};

} // namespace dermdesk
