#include "CsvWriter.h"

#include "CsvFormulaGuard.h"

namespace dermdesk {

QString CsvWriter::field(const QString &value)
{
    const QString text = CsvFormulaGuard::guard(value);
    const bool needsQuotes = text.contains(QLatin1Char(',')) || text.contains(QLatin1Char('"'))
                             || text.contains(QLatin1Char('\n')) || text.contains(QLatin1Char('\r'))
                             || text.startsWith(QLatin1Char(' ')) || text.endsWith(QLatin1Char(' '));
    if (!needsQuotes)
        return text;
    QString quoted = text;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QByteArray CsvWriter::row(const QStringList &fields)
{
    QStringList quoted;
    quoted.reserve(fields.size());
    for (const QString &text : fields)
        quoted.append(field(text));
    return quoted.join(QLatin1Char(',')).toUtf8() + QByteArrayLiteral("\r\n");
}

} // namespace dermdesk
