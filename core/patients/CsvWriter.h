#pragma once

#include <QByteArray>
#include <QStringList>

namespace dermdesk {

// Writes comma-separated text that spreadsheet programs and CsvReader read back exactly (CsvReader with
// CsvFormulaGuard::unguard on each field): UTF-8, CRLF line ends, a field in double quotes (inner quotes
// doubled) when it holds a comma, a quote, a line break or leading or trailing spaces. A text a spreadsheet
// would run as a formula ('=', '+', '-', '@', tab or carriage return first) gets a leading apostrophe
// (CsvFormulaGuard::guard). Start a file with byteOrderMark() so spreadsheet programs read accents as UTF-8.
class CsvWriter
{
public:
    [[nodiscard]] static QByteArray byteOrderMark() { return QByteArrayLiteral("\xEF\xBB\xBF"); }
    [[nodiscard]] static QString field(const QString &value);
    // One record, CRLF-terminated, UTF-8.
    [[nodiscard]] static QByteArray row(const QStringList &fields);
};

} // namespace dermdesk
