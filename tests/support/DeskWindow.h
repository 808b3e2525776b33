#pragma once

#include "FrontDeskFixture.h"
#include "ui/shell/MainWindow.h"

#include <QApplication>
#include <QtTest>

#include <memory>
#include <optional>

namespace dermdesk::test {

// The main window on `fixture`'s clinic, opened on a connection of its own as the program opens a file, shown
// and exposed (at `size` when one is given, as a screen of that size would show it); null when any step fails.
inline std::unique_ptr<ui::MainWindow> openDeskWindow(FrontDeskFixture &fixture, std::optional<QSize> size = {})
{
    auto reopened = fixture.temp->reopen();
    if (!reopened)
        return nullptr;
    auto window = std::make_unique<ui::MainWindow>(fixture.prompter, fixture.clock);
    window->setDatabase(std::move(reopened).value());
    if (size)
        window->resize(*size);
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()) || !window->frontDesk())
        return nullptr;
    return window;
}

// A key pressed where the keyboard is: the focused widget, else `window`.
inline void pressKey(QWidget *window, int key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    QWidget *target = QApplication::focusWidget() ? QApplication::focusWidget() : window;
    QTest::keyClick(target, Qt::Key(key), modifiers);
}

} // namespace dermdesk::test
