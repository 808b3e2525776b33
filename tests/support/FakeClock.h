#pragma once

#include "common/Clock.h"

namespace dermdesk::test {

// A clock that says whatever instant the test sets; it never moves on its own.
class FakeClock final : public Clock
{
public:
    explicit FakeClock(QDateTime now = QDateTime(QDate(2026, 11, 26), QTime(14, 0), Qt::UTC))
        : m_now(std::move(now))
    {
    }
    [[nodiscard]] QDateTime now() const override { return m_now; }
    void set(const QDateTime &now) { m_now = now; }
    void advanceSecs(qint64 seconds) { m_now = m_now.addSecs(seconds); }

private:
    QDateTime m_now;
};

} // namespace dermdesk::test
