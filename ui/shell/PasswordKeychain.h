#pragma once

#include <QString>

#include <optional>

namespace dermdesk::ui {

// Clinic server passwords in the desktop's system keychain (Secret Service, KWallet, macOS Keychain, Windows
// Credential Manager, through qtkeychain), under the service "DermDesk" and the key of the server address without its
// password (ServerAddress::display()). Nothing is ever written anywhere else: without a keychain service nothing is
// kept.
//
// Threading: GUI thread. Every call waits for its keychain job in a local event loop for at most timeoutMs
// (the keychain answers asynchronously and may never answer when its service hangs); a call that runs out of time
// counts as "no keychain".
class PasswordKeychain
{
public:
    static constexpr int timeoutMs = 3000;

    // Whether a keychain service answers on this desktop (asked once per run, then remembered).
    [[nodiscard]] static bool available();
    // Why no password can be remembered, for a tooltip; empty while available().
    [[nodiscard]] static QString unavailableReason();

    // The password remembered for `address` (its display()); nullopt when none is kept or there is no keychain.
    [[nodiscard]] static std::optional<QString> read(const QString &address);
    // Keeps `password` for `address`; false (nothing kept) without a keychain.
    static bool write(const QString &address, const QString &password);
    // Forgets the password of `address` (e.g. after the server refused it).
    static void forget(const QString &address);
};

} // namespace dermdesk::ui
