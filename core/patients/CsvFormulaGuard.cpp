#include "CsvFormulaGuard.h"

namespace dermdesk {

namespace {

constexpr QChar apostrophe = QLatin1Char('\'');

bool startsFormula(QChar c)
{
    return c == QLatin1Char('=') || c == QLatin1Char('+') || c == QLatin1Char('-') || c == QLatin1Char('@')
           || c == QLatin1Char('\t') || c == QLatin1Char('\r');
}

// Whether `text` is apostrophes (`minApostrophes` or more) followed by a character that starts a formula.
bool formulaAfterApostrophes(const QString &text, qsizetype minApostrophes)
{
    qsizetype i = 0;
    while (i < text.size() && text.at(i) == apostrophe)
        ++i;
    return i >= minApostrophes && i < text.size() && startsFormula(text.at(i));
}

} // namespace

QString CsvFormulaGuard::guard(const QString &text)
{
    return formulaAfterApostrophes(text, 0) ? apostrophe + text : text;
}

QString CsvFormulaGuard::unguard(const QString &text)
{
    return formulaAfterApostrophes(text, 1) ? text.mid(1) : text;
}

} // namespace dermdesk
