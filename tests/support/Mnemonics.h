#pragma once

#include <QAbstractButton>
#include <QGroupBox>
#include <QLabel>
#include <QMap>
#include <QTabBar>
#include <QtTest>

namespace dermdesk::test {

// The Alt+letter of a text ("&Type" → "t"), or empty when it has none ("&&" is a literal ampersand).
inline QString mnemonicOf(const QString &text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != QLatin1Char('&'))
            continue;
        if (text.at(i + 1) == QLatin1Char('&')) {
            ++i;
            continue;
        }
        return text.at(i + 1).toLower();
    }
    return {};
}

// Every Alt+letter that more than one control of `window` answers to, with the texts that claim it
// ("t: &Type / &to"); empty when each is unique. Only what a person can reach now counts: controls
// visible in the window, labels that have a buddy (a label without one has no shortcut), buttons, group
// boxes and tabs.
inline QStringList sharedMnemonics(const QWidget *window)
{
    QMap<QString, QStringList> claims;
    const auto claim = [&claims](const QString &text) {
        if (const QString letter = mnemonicOf(text); !letter.isEmpty())
            claims[letter] << text;
    };
    for (const QWidget *widget : window->findChildren<QWidget *>()) {
        if (!widget->isVisibleTo(window) || widget->isWindow())
            continue;
        if (const auto *label = qobject_cast<const QLabel *>(widget); label && label->buddy())
            claim(label->text());
        else if (const auto *button = qobject_cast<const QAbstractButton *>(widget))
            claim(button->text());
        else if (const auto *group = qobject_cast<const QGroupBox *>(widget))
            claim(group->title());
        else if (const auto *tabs = qobject_cast<const QTabBar *>(widget)) {
            for (int tab = 0; tab < tabs->count(); ++tab) {
                if (tabs->isTabVisible(tab))
                    claim(tabs->tabText(tab));
            }
        }
    }
    QStringList shared;
    for (auto it = claims.cbegin(); it != claims.cend(); ++it) {
        if (it.value().size() > 1)
            shared << it.key() + QStringLiteral(": ") + it.value().join(QStringLiteral(" / "));
    }
    return shared;
}

} // namespace dermdesk::test

// Fails the test, naming the letters and the controls, when two controls of WINDOW share a mnemonic.
#define DERMDESK_VERIFY_UNIQUE_MNEMONICS(window) \
    do { \
        const QStringList shared = dermdesk::test::sharedMnemonics(window); \
        QVERIFY2(shared.isEmpty(), qPrintable(shared.join(QStringLiteral("; ")))); \
    } while (false)
