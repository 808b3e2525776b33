#include "TemplateFields.h"
#include "common/Translation.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace dermdesk {

namespace {

constexpr TranslationContext tr("dermdesk::TemplateFields");

} // namespace

QStringList TemplateFields::known()
{
    return {QStringLiteral("patient_name"), QStringLiteral("practitioner"),      QStringLiteral("next_appointment"),
            QStringLiteral("clinic_name"),  QStringLiteral("clinic_phone"),      QStringLiteral("clinic_address"),
            QStringLiteral("clinic_email"), QStringLiteral("expected_downtime"), QStringLiteral("today")};
}

QString TemplateFields::describe(const QString &field)
{
    if (field == QLatin1String("patient_name"))
        return tr("The patient's name");
    if (field == QLatin1String("practitioner"))
        return tr("The practitioner of the next appointment (or of the plan)");
    if (field == QLatin1String("next_appointment"))
        return tr("Date and time of the next appointment");
    if (field == QLatin1String("clinic_name"))
        return tr("The clinic's name");
    if (field == QLatin1String("clinic_phone"))
        return tr("The clinic's phone number");
    if (field == QLatin1String("clinic_address"))
        return tr("The clinic's address");
    if (field == QLatin1String("clinic_email"))
        return tr("The clinic's email address");
    if (field == QLatin1String("expected_downtime"))
        return tr("The downtime expected after the last session");
    if (field == QLatin1String("today"))
        return tr("The date the document is printed");
    return {};
}

void TemplateFields::set(const QString &field, const QString &value)
{
    m_values.insert(field, value);
}

QString TemplateFields::value(const QString &field) const
{
    return m_values.value(field);
}

TemplateFields::Filled TemplateFields::fill(const QString &html, const QString &documentTitle) const
{
    static const QRegularExpression field(QStringLiteral("\\{([A-Za-z_][A-Za-z0-9_]*)\\}"));
    static const QStringList knownFields = known();
    Filled filled;
    qsizetype copied = 0;
    auto it = field.globalMatch(html);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        filled.html += QStringView(html).mid(copied, match.capturedStart() - copied);
        copied = match.capturedEnd();
        const QString name = match.captured(1);
        if (knownFields.contains(name)) {
            const QString value = m_values.value(name);
            filled.html += value.isEmpty() ? QStringLiteral("—") : value.toHtmlEscaped();
            continue;
        }
        filled.html += QStringLiteral("<span style=\"background-color:#ffe3a3; color:#8a1c1c; font-weight:bold\">"
                                      "[%1]</span>")
                           .arg(tr("unknown field %1").arg(match.captured(0).toHtmlEscaped()));
        const QString warning = tr("Unknown field %1 in “%2”: check the template in the clinic settings.")
                                    .arg(match.captured(0), documentTitle);
        if (!filled.warnings.contains(warning))
            filled.warnings.append(warning);
    }
    filled.html += QStringView(html).mid(copied);
    return filled;
}

QString TemplateFields::bodyOf(const QString &html)
{
    static const QRegularExpression body(QStringLiteral("<body[^>]*>(.*)</body>"),
                                         QRegularExpression::DotMatchesEverythingOption
                                             | QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = body.match(html);
    return match.hasMatch() ? match.captured(1) : html;
}

} // namespace dermdesk
