#pragma once

#include <QString>

namespace dermdesk {

// What kind of failure an operation met. The command-line companion turns each kind into
// its documented exit code; the GUI decides from it whether a dialog or an inline message fits.
enum class ErrorKind {
    InvalidInput, // a field is malformed or missing (exit code 2)
    Rule,         // refused by a scheduling or clinical rule (exit code 3)
    NotFound,     // the record asked for does not exist (exit code 4)
    Storage,      // the database cannot be used: locked, corrupt, newer schema, ... (exit code 5)
};

// A failure that carries its reason to the person who must act on it.
// `code` is stable and machine-readable ("storage.newer_schema", "rule.overlap.practitioner");
// `field` names the offending field or rule when there is one; `message` is a translated
// sentence that can be shown as it is.
class Error
{
public:
    Error() = default;
    Error(ErrorKind kind, QString code, QString message, QString field = {})
        : m_kind(kind)
        , m_code(std::move(code))
        , m_message(std::move(message))
        , m_field(std::move(field))
    {
    }

    [[nodiscard]] ErrorKind kind() const { return m_kind; }
    [[nodiscard]] const QString &code() const { return m_code; }
    [[nodiscard]] const QString &message() const { return m_message; }
    [[nodiscard]] const QString &field() const { return m_field; }

    // The process exit code DESIGN.md assigns to this kind of failure.
    [[nodiscard]] int exitCode() const;

    static Error invalidInput(const QString &field, const QString &message);
    static Error notFound(const QString &what, const QString &message);
    static Error storage(const QString &code, const QString &message);
    static Error rule(const QString &rule, const QString &message);

private:
    ErrorKind m_kind = ErrorKind::Storage;
    QString m_code;
    QString m_message;
    QString m_field;
};

} // namespace dermdesk
