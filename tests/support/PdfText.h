#pragma once

#include <QProcess>
#include <QRegularExpression>
#include <QSizeF>
#include <QString>
#include <QStringList>

namespace dermdesk::test {

// What a person reading a PDF would see, as pdftotext (poppler-utils, installed by packaging/dev.sh)
// extracts it. The text is NFKC-normalised: fonts with typographic ligatures (DejaVu shapes "ff",
// "fi", "fl" into one glyph) come back as U+FB00..U+FB06, which a reader sees as the two letters.
// Non-breaking spaces and hyphens (a phone number kept on one line) come back as a space and "-".
// Pages are separated by form feeds. A null string when pdftotext is missing or fails, so a test
// comparing text fails rather than passing on nothing; `error` says why.
struct PdfText
{
    QString text;
    QString error;

    static PdfText read(const QString &path, bool layout = false)
    {
        QProcess process;
        QStringList arguments;
        if (layout)
            arguments << QStringLiteral("-layout");
        arguments << path << QStringLiteral("-");
        process.start(QStringLiteral("pdftotext"), arguments);
        if (!process.waitForStarted(30000))
            return {QString(), QStringLiteral("pdftotext could not be started (poppler-utils is installed by "
                                              "packaging/dev.sh): %1")
                                   .arg(process.errorString())};
        if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
            return {QString(), QStringLiteral("pdftotext failed on %1: %2")
                                   .arg(path, QString::fromUtf8(process.readAllStandardError()))};
        QString text = QString::fromUtf8(process.readAllStandardOutput()).normalized(QString::NormalizationForm_KC);
        // Non-breaking hyphens (phone numbers) read as the hyphen a person sees.
        text.replace(QChar(0x2010), QLatin1Char('-'));
        return {text, QString()};
    }

    // The first page's size in points (1/72 in) as pdfinfo reads it: 612 x 792 for US Letter, 595 x 842 for A4
    // (swapped in landscape). Invalid when pdfinfo is missing or fails.
    static QSizeF pageSize(const QString &path)
    {
        QProcess process;
        process.start(QStringLiteral("pdfinfo"), {path});
        if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
            return {};
        static const QRegularExpression size(QStringLiteral("Page size:\\s+([0-9.]+) x ([0-9.]+) pts"));
        const QRegularExpressionMatch match = size.match(QString::fromUtf8(process.readAllStandardOutput()));
        if (!match.hasMatch())
            return {};
        return {match.captured(1).toDouble(), match.captured(2).toDouble()};
    }

    // The text with runs of white space (pdftotext breaks lines where the page does) made one space.
    [[nodiscard]] QString words() const { return text.simplified(); }

    // One string per page.
    [[nodiscard]] QStringList pages() const
    {
        QStringList pages = text.split(QLatin1Char('\f'));
        if (!pages.isEmpty() && pages.last().trimmed().isEmpty())
            pages.removeLast();
        return pages;
    }
};

} // namespace dermdesk::test
