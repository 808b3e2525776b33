#pragma once

#include <QtTest>

namespace dermdesk::test {

// Types `text` into `widget` key by key, as a person would. Unlike QTest::keyClicks it also types
// letters beyond ASCII ("ü"), each as a key press that carries its text.
inline void typeText(QWidget *widget, const QString &text)
{
    for (const QChar c : text) {
        if (c.unicode() < 0x80) {
            QTest::keyClick(widget, c.toLatin1());
            continue;
        }
        const auto key = Qt::Key(c.toUpper().unicode());
        QTest::sendKeyEvent(QTest::Press, widget, key, QString(c), Qt::NoModifier);
        QTest::sendKeyEvent(QTest::Release, widget, key, QString(c), Qt::NoModifier);
    }
}

} // namespace dermdesk::test
