#pragma once

#include <QCoreApplication>
#include <QString>

namespace dermdesk {

// Translated text for code that is not a member of a QObject class (free functions, plain classes, command
// handlers). A source file declares one context, named after the class or module whose text it holds, and calls
// it as it would call QObject::tr():
//
//     namespace {
//     constexpr TranslationContext tr("dermdesk::PatientSearchIndex");
//     }
//     ... Error::invalidInput(field, tr("Search for at least two letters."));
//
// `n` selects a plural form ("%n appointment(s)"), as in QCoreApplication::translate(). The context string is
// what a translation file groups the text under, so two files holding the same class's text share it.
class TranslationContext
{
public:
    explicit constexpr TranslationContext(const char *context)
        : m_context(context)
    {
    }

    [[nodiscard]] QString operator()(const char *sourceText, const char *disambiguation = nullptr, int n = -1) const
    {
        return QCoreApplication::translate(m_context, sourceText, disambiguation, n);
    }

    [[nodiscard]] constexpr const char *context() const { return m_context; }

private:
    const char *m_context;
};

} // namespace dermdesk
