#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

namespace dermdesk {

// Reads comma-separated text as RFC 4180 describes it: UTF-8 with or without a byte-order mark, fields in
// double quotes may hold commas, doubled quotes and line breaks; lines end in LF or CRLF; blank lines are
// skipped. Refuses the whole file (InvalidInput "file") when it is not UTF-8, when a quote is never closed
// or when it is larger than maxBytes, naming the line.
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

    [[nodiscard]] static Result<QList<Record>> parse(const QByteArray &bytes);
};

} // namespace dermdesk
