#include "CsvReader.h"
#include "common/Translation.h"

#include <QCoreApplication>
#include <QLocale>

namespace dermdesk {

namespace {

constexpr TranslationContext tr("dermdesk::CsvReader");

Error fileError(const QString &message)
{
    return Error::invalidInput(QStringLiteral("file"), message);
}

// The offset of the first byte that does not belong to well-formed UTF-8 (Unicode's table 3-7: no overlong
// forms, no surrogates, nothing past U+10FFFF), or -1 when every byte does.
qsizetype firstInvalidUtf8(const QByteArray &bytes)
{
    const auto *data = reinterpret_cast<const unsigned char *>(bytes.constData());
    const qsizetype size = bytes.size();
    qsizetype i = 0;
    while (i < size) {
        const unsigned char lead = data[i];
        if (lead < 0x80) {
            ++i;
            continue;
        }
        int trailing = 0;
        unsigned char low = 0x80;
        unsigned char high = 0xBF;
        if (lead >= 0xC2 && lead <= 0xDF) {
            trailing = 1;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            trailing = 2;
            low = lead == 0xE0 ? 0xA0 : 0x80;
            high = lead == 0xED ? 0x9F : 0xBF;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            trailing = 3;
            low = lead == 0xF0 ? 0x90 : 0x80;
            high = lead == 0xF4 ? 0x8F : 0xBF;
        } else {
            return i;
        }
        for (int k = 1; k <= trailing; ++k) {
            if (i + k >= size)
                return i;
            const unsigned char next = data[i + k];
            if (next < (k == 1 ? low : 0x80) || next > (k == 1 ? high : 0xBF))
                return i;
        }
        i += trailing + 1;
    }
    return -1;
}

// The line (1-based) that byte `offset` is on; LF, CRLF and a lone CR each end a line.
int lineOfByte(const QByteArray &bytes, qsizetype offset)
{
    int line = 1;
    for (qsizetype i = 0; i < offset; ++i) {
        if (bytes.at(i) == '\n' || (bytes.at(i) == '\r' && (i + 1 >= bytes.size() || bytes.at(i + 1) != '\n')))
            ++line;
    }
    return line;
}

// Steps over the line end at `i` (LF, CRLF or CR), returning the index after it.
qsizetype skipLineEnd(QStringView text, qsizetype i)
{
    if (text.at(i) == QLatin1Char('\r') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('\n'))
        return i + 2;
    return i + 1;
}

bool isLineEnd(QChar c)
{
    return c == QLatin1Char('\n') || c == QLatin1Char('\r');
}

} // namespace

Result<QList<CsvReader::Record>> CsvReader::parse(const QByteArray &bytes)
{
    const qsizetype megabyte = qsizetype(1024) * 1024;
    if (bytes.size() > maxBytes) {
        return fileError(tr("The file is %1 MiB; at most %2 MiB can be imported at once. Split it into smaller files.")
                             .arg(bytes.size() / megabyte)
                             .arg(maxBytes / megabyte));
    }
    if (const qsizetype bad = firstInvalidUtf8(bytes); bad >= 0) {
        return fileError(
            tr("Line %1 is not UTF-8 text. Save the file as \"CSV UTF-8\" and try again.").arg(lineOfByte(bytes, bad)));
    }
    if (const qsizetype nul = bytes.indexOf('\0'); nul >= 0) {
        return fileError(tr("Line %1 holds a NUL character: this is not a text file, or it is damaged.")
                             .arg(lineOfByte(bytes, nul)));
    }
    const QString decoded = QString::fromUtf8(bytes);
    const QStringView text = decoded;
    const qsizetype size = text.size();
    const QLocale locale;

    QList<Record> records;
    int line = 1;
    qsizetype i = text.startsWith(QChar(0xFEFF)) ? 1 : 0;
    while (i < size) {
        Record record;
        record.line = line;
        for (;;) {
            const qsizetype column = record.fields.size() + 1;
            const int cellLine = line;
            QString field;
            if (text.at(i) == QLatin1Char('"')) {
                qsizetype segment = ++i;
                for (;;) {
                    if (i >= size) {
                        return fileError(
                            tr("The quote opened on line %1 (column %2) is never closed.").arg(cellLine).arg(column));
                    }
                    const QChar c = text.at(i);
                    if (c == QLatin1Char('"')) {
                        field.append(text.mid(segment, i - segment));
                        if (i + 1 < size && text.at(i + 1) == QLatin1Char('"')) {
                            field.append(c);
                            i += 2;
                            segment = i;
                            continue;
                        }
                        ++i;
                        break;
                    }
                    if (isLineEnd(c)) {
                        i = skipLineEnd(text, i);
                        ++line;
                    } else {
                        ++i;
                    }
                }
                if (i < size && text.at(i) != QLatin1Char(',') && !isLineEnd(text.at(i))) {
                    return fileError(tr("Line %1, column %2: the quote opened on line %3 is closed before more "
                                        "text; a quoted cell must end at a comma or at the end of a line. A quote "
                                        "is probably missing or doubled.")
                                         .arg(line)
                                         .arg(column)
                                         .arg(cellLine));
                }
            } else {
                const qsizetype start = i;
                while (i < size && text.at(i) != QLatin1Char(',') && !isLineEnd(text.at(i)))
                    ++i;
                field = text.mid(start, i - start).toString();
            }
            if (field.size() > maxCellChars) {
                return fileError(tr("Line %1, column %2: the cell holds %3 characters; a cell can hold at most %4.")
                                     .arg(cellLine)
                                     .arg(column)
                                     .arg(locale.toString(field.size()), locale.toString(maxCellChars)));
            }
            record.fields.append(field);
            if (record.fields.size() > maxFields) {
                return fileError(
                    tr("Line %1 has more than %2 columns.").arg(record.line).arg(locale.toString(maxFields)));
            }
            if (i >= size)
                break;
            if (text.at(i) == QLatin1Char(',')) {
                ++i;
                if (i >= size)
                    record.fields.append(QString());
                else
                    continue;
                break;
            }
            i = skipLineEnd(text, i);
            ++line;
            break;
        }
        const bool blank = record.fields.size() == 1 && record.fields.first().trimmed().isEmpty();
        if (!blank)
            records.append(record);
    }
    return records;
}

} // namespace dermdesk
