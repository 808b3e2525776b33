#include "DocumentStyle.h"

#include <QStringList>

namespace dermdesk {

namespace {

// QTextDocument's CSS subset: sizes in points so the page looks the same at any resolution.
QString styleSheet()
{
    return QStringLiteral(
               "body { font-size: 10.5pt; color: #1d2327; }"
               "h1 { font-size: 20pt; font-weight: 600; color: %1; margin-top: 6px; margin-bottom: 4px; }"
               "h2 { font-size: 14pt; font-weight: 600; color: %1; margin-top: 18px; margin-bottom: 5px; }"
               "h3 { font-size: 11.5pt; font-weight: 600; color: #1d2327; margin-top: 12px; margin-bottom: 3px; }"
               "p { margin-top: 0px; margin-bottom: 7px; line-height: 122%; }"
               "li { margin-bottom: 3px; line-height: 122%; }"
               ".clinic { font-size: 15pt; font-weight: 600; color: %1; }"
               ".contact { font-size: 9pt; color: #4a525a; }"
               ".meta { font-size: 9.5pt; color: #4a525a; }"
               ".note { font-size: 9pt; color: #4a525a; font-style: italic; }"
               ".warning { color: #8a1c1c; font-weight: 600; }"
               "th { background-color: #e4ecec; color: #1d2327; font-weight: 600; text-align: left; }"
               ".muted { color: #7a8288; }")
        .arg(DocumentStyle::accent());
}

} // namespace

QString DocumentStyle::page(const QString &title, const QString &body)
{
    return QStringLiteral("<html><head><meta charset=\"utf-8\"/><title>%1</title><style type=\"text/css\">%2</style>"
                          "</head><body>%3</body></html>")
        .arg(escaped(title), styleSheet(), body);
}

QString DocumentStyle::contactLine(const ClinicSettings &clinic)
{
    QStringList parts;
    if (!clinic.address.trimmed().isEmpty())
        parts.append(escaped(clinic.address.trimmed()).replace(QLatin1Char('\n'), QStringLiteral(", ")));
    if (!clinic.phone.trimmed().isEmpty())
        parts.append(escaped(unbreakable(clinic.phone)));
    if (!clinic.email.trimmed().isEmpty())
        parts.append(escaped(clinic.email.trimmed()));
    return parts.join(QStringLiteral(" &#183; "));
}

QString DocumentStyle::unbreakable(const QString &text)
{
    QString kept = text.simplified();
    kept.replace(QLatin1Char(' '), QChar(QChar::Nbsp));
    kept.replace(QLatin1Char('-'), QChar(0x2011)); // NON-BREAKING HYPHEN
    return kept;
}

QString DocumentStyle::letterhead(const ClinicSettings &clinic, const QString &heading, const QString &subheading)
{
    QString html = QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"0\" border=\"0\"><tr>"
                                  "<td valign=\"bottom\"><span class=\"clinic\">%1</span></td>"
                                  "<td valign=\"bottom\" align=\"right\"><span class=\"contact\">%2</span></td>"
                                  "</tr></table>")
                       .arg(escaped(clinic.name), contactLine(clinic));
    html += QStringLiteral("<hr style=\"background-color:%1\" />").arg(accent());
    if (!heading.isEmpty())
        html += QStringLiteral("<h1>%1</h1>").arg(heading);
    if (!subheading.isEmpty())
        html += QStringLiteral("<p class=\"meta\">%1</p>").arg(subheading);
    return html;
}

QString DocumentStyle::contactBlock(const ClinicSettings &clinic, const QString &lead)
{
    return QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"8\" border=\"0\" "
                          "style=\"margin-top: 14px; background-color: #eef3f3;\"><tr><td>"
                          "<p style=\"margin-bottom: 2px;\"><b>%1</b></p>"
                          "<p class=\"contact\" style=\"margin-bottom: 0px;\">%2 &#183; %3</p></td></tr></table>")
        .arg(lead, escaped(clinic.name), contactLine(clinic));
}

} // namespace dermdesk
