#pragma once

#include "ui/schedule/ScheduleView.h"

#include <QApplication>
#include <QMouseEvent>

namespace dermdesk::test {

// Mouse input on a ScheduleView's viewport, delivered at once (no real window system needed).
struct ScheduleMouse
{
    ui::ScheduleView *view = nullptr;

    void send(QEvent::Type type, const QPoint &point, Qt::MouseButton button, Qt::MouseButtons buttons) const
    {
        QMouseEvent event(type, point, view->viewport()->mapToGlobal(point), button, buttons, Qt::NoModifier);
        QApplication::sendEvent(view->viewport(), &event);
    }

    // Presses at `from`, moves through the middle to `to` and releases there (viewport coordinates).
    void drag(const QPoint &from, const QPoint &to) const
    {
        send(QEvent::MouseButtonPress, from, Qt::LeftButton, Qt::LeftButton);
        send(QEvent::MouseMove, (from + to) / 2, Qt::NoButton, Qt::LeftButton);
        send(QEvent::MouseMove, to, Qt::NoButton, Qt::LeftButton);
        send(QEvent::MouseButtonRelease, to, Qt::LeftButton, Qt::NoButton);
    }
};

} // namespace dermdesk::test
