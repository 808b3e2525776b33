#include "Error.h"

namespace dermdesk {

int Error::exitCode() const
{
    switch (m_kind) {
    case ErrorKind::InvalidInput:
        return 2;
    case ErrorKind::Rule:
        return 3;
    case ErrorKind::NotFound:
        return 4;
    case ErrorKind::Storage:
        return 5;
    }
    return 5;
}

Error Error::invalidInput(const QString &field, const QString &message)
{
    return Error(ErrorKind::InvalidInput, QStringLiteral("input.") + field, message, field);
}

Error Error::notFound(const QString &what, const QString &message)
{
    return Error(ErrorKind::NotFound, QStringLiteral("not_found.") + what, message, what);
}

Error Error::storage(const QString &code, const QString &message)
{
    return Error(ErrorKind::Storage, QStringLiteral("storage.") + code, message);
}

Error Error::rule(const QString &rule, const QString &message)
{
    return Error(ErrorKind::Rule, QStringLiteral("rule.") + rule, message, rule);
}

} // namespace dermdesk
