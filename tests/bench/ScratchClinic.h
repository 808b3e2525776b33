#pragma once

#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace dermdesk::bench {

// A throwaway clinic for figures that write, removed when this is destroyed. Made from the clinic at `location`:
// - a clinic file: a consistent copy (SQLite's online backup) in a temporary folder beside it;
// - a clinic server: a copy database on the same server, CREATE DATABASE … TEMPLATE the clinic's database (which no
//   one may be connected to meanwhile), dropped afterwards.
// On failure failure() says why and location() is empty.
class ScratchClinic
{
public:
    enum class Kind {
        // A copy of the clinic at the location given.
        CopyOf,
        // A new, empty clinic on the same engine (set up when opened with Database::open).
        Empty,
    };

    ScratchClinic(const QString &location, Kind kind);
    ~ScratchClinic();
    ScratchClinic(const ScratchClinic &) = delete;
    ScratchClinic &operator=(const ScratchClinic &) = delete;

    // Where the scratch clinic is: a file path, or a server address.
    [[nodiscard]] QString location() const { return m_location; }
    [[nodiscard]] QString failure() const { return m_failure; }
    // How the copy was made, for the notes: "a copy (SQLite backup)" or "a copy database (CREATE DATABASE …
    // TEMPLATE)".
    [[nodiscard]] QString how() const;

private:
    bool m_server = false;
    std::unique_ptr<QTemporaryDir> m_folder;
    QString m_location;
    QString m_failure;
    // On a server: the admin connection's name and the copy database's name.
    QString m_connection;
    QString m_database;
};

// Whether `location` is a clinic server's address rather than a clinic file.
[[nodiscard]] bool isServerLocation(const QString &location);

} // namespace dermdesk::bench
