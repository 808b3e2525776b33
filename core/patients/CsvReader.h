#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

namespace dermdesk {

// Reads comma-separated text as RFC 4180 describes it: UTF-8 with or without a byte-order mark; fields in
// double quotes may hold commas, doubled quotes and line breaks; lines end in LF, CRLF or a lone CR (old Mac
// exports); blank lines are skipped. Time and memory grow linearly with the file's size.
// The whole file is refused (InvalidInput "file", the message naming the line, and the column for a cell) when
// it is larger than maxBytes, is not UTF-8, holds a NUL character, has a quote that is never closed or is
// followed by more text than a comma or a line end (the message names the line the quote opened on), has a
// cell longer than maxCellChars characters or a record of more than maxFields fields.
class CsvReader
{
public:
    struct Record
    {
        // The line (1-based) the record starts on.
        int line = 0;
        QStringList fields;
    };

    static constexpr qsizetype maxBytes = qsizetype(64) * 1024 * 1024;
    static constexpr qsizetype maxCellChars = 100000;
    static constexpr qsizetype maxFields = 1000;

    [[nodiscard]] static Result<QList<Record>> parse(const QByteArray &bytes);
};

} // namespace dermdesk
