#pragma once

#include <QString>

namespace dermdesk {

// Spreadsheet programs run a cell that starts with '=', '+', '-', '@', a tab or a carriage return as a
// formula. guard() puts a leading apostrophe before such a text so it opens as plain text; unguard() takes it
// off again, so guard() then unguard() gives back every text exactly. A text that already starts with
// apostrophes followed by one of those characters gets one more, so it too comes back unchanged.
class CsvFormulaGuard
{
public:
    [[nodiscard]] static QString guard(const QString &text);
    // Removes one leading apostrophe that guard() added; any other text is returned as it is.
    [[nodiscard]] static QString unguard(const QString &text);
};

} // namespace dermdesk
