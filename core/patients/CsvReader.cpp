#include "CsvReader.h"

#include <QCoreApplication>
#include <QStringDecoder>

namespace dermdesk {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("dermdesk::CsvReader", text);
}

Error fileError(const QString &message)
{
    return Error::invalidInput(QStringLiteral("file"), message);
}

} // namespace

Result<QList<CsvReader::Record>> CsvReader::parse(const QByteArray &bytes)
{
    const qsizetype megabyte = qsizetype(1024) * 1024;
    if (bytes.size() > maxBytes) {
        return fileError(tr("The file is %1 MB; at most %2 MB can be imported at once. Split it into smaller files.")
                             .arg(bytes.size() / megabyte)
                             .arg(maxBytes / megabyte));
    }
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder.decode(bytes);
    if (decoder.hasError())
        return fileError(tr("The file is not UTF-8 text. Save it as \"CSV UTF-8\" and try again."));

    QList<Record> records;
    Record current;
    QString field;
    bool quoted = false;
    bool fieldStarted = false;
    int line = 1;
    int quoteLine = 0;
    const auto endField = [&] {
        current.fields.append(field);
        field.clear();
        fieldStarted = false;
    };
    const auto endRecord = [&] {
        endField();
        const bool blank = current.fields.size() == 1 && current.fields.first().trimmed().isEmpty();
        if (!blank)
            records.append(current);
        current = Record();
    };
    qsizetype i = text.startsWith(QChar(0xFEFF)) ? 1 : 0;
    for (; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (current.line == 0)
            current.line = line;
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                    field += c;
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == QLatin1Char('\n'))
                    ++line;
                field += c;
            }
            continue;
        }
        if (c == QLatin1Char('"') && !fieldStarted) {
            quoted = true;
            fieldStarted = true;
            quoteLine = line;
        } else if (c == QLatin1Char(',')) {
            endField();
        } else if (c == QLatin1Char('\r') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('\n')) {
            continue;
        } else if (c == QLatin1Char('\n')) {
            endRecord();
            ++line;
        } else {
            field += c;
            fieldStarted = true;
        }
    }
    if (quoted)
        return fileError(tr("The quote opened on line %1 is never closed; nothing was imported.").arg(quoteLine));
    if (fieldStarted || !current.fields.isEmpty())
        endRecord();
    return records;
}

} // namespace dermdesk
