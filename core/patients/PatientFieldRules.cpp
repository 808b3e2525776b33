#include "PatientFieldRules.h"

#include "TextFolding.h"
#include "common/Translation.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace dermdesk {

namespace {

constexpr TranslationContext tr("dermdesk::PatientFieldRules");

Error invalid(const QString &field, const QString &rule)
{
    return Error::invalidInput(field, QStringLiteral("%1: %2").arg(field, rule));
}

Status checkPhone(const QString &phone, const QString &field)
{
    if (phone.trimmed().isEmpty())
        return {};
    static const QRegularExpression allowed(QStringLiteral("^[0-9 +()./-]+$"));
    if (!allowed.match(phone.trimmed()).hasMatch())
        return invalid(field, tr("may hold only digits, spaces and + ( ) - . /"));
    if (TextFolding::digits(phone).size() < 6)
        return invalid(field, tr("needs at least 6 digits"));
    return {};
}

} // namespace

const QList<PatientFieldRules::TextField> &PatientFieldRules::textFields()
{
    using L = TextRules::Lines;
    static const QList<TextField> fields = {
        {QStringLiteral("given_name"), &Patient::givenName, TextRules::nameLength, L::One},
        {QStringLiteral("family_name"), &Patient::familyName, TextRules::nameLength, L::One},
        {QStringLiteral("preferred_name"), &Patient::preferredName, TextRules::nameLength, L::One},
        {QStringLiteral("phone"), &Patient::phone, TextRules::phoneLength, L::One},
        {QStringLiteral("phone_home"), &Patient::phoneHome, TextRules::phoneLength, L::One},
        {QStringLiteral("email"), &Patient::email, TextRules::emailLength, L::One},
        {QStringLiteral("address"), &Patient::address, 500, L::Many},
        {QStringLiteral("emergency_contact"), &Patient::emergencyContact, TextRules::lineLength, L::One},
        {QStringLiteral("allergies"), &Patient::allergies, 2000, L::Many},
        {QStringLiteral("medications"), &Patient::medications, 2000, L::Many},
        {QStringLiteral("notes"), &Patient::notes, TextRules::notesLength, L::Many},
    };
    return fields;
}

Status PatientFieldRules::check(const Patient &patient, const QDate &today)
{
    for (const TextField &field : textFields()) {
        if (Status s = TextRules::check(patient.*field.member, field.key, field.maxLength, field.lines); !s)
            return s;
    }
    if (patient.givenName.trimmed().isEmpty())
        return invalid(QStringLiteral("given_name"), tr("is required"));
    if (patient.familyName.trimmed().isEmpty())
        return invalid(QStringLiteral("family_name"), tr("is required"));
    if (patient.birthDate.isValid()) {
        if (patient.birthDate > today)
            return invalid(QStringLiteral("birth_date"), tr("must not be in the future"));
        if (patient.birthDate < QDate(1880, 1, 1))
            return invalid(QStringLiteral("birth_date"), tr("must be after 1880"));
    }
    if (Status s = checkPhone(patient.phone, QStringLiteral("phone")); !s)
        return s;
    if (Status s = checkPhone(patient.phoneHome, QStringLiteral("phone_home")); !s)
        return s;
    static const QRegularExpression emailShape(QStringLiteral("^[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+$"));
    if (!patient.email.trimmed().isEmpty() && !emailShape.match(patient.email.trimmed()).hasMatch())
        return invalid(QStringLiteral("email"), tr("must look like name@example.com"));
    if (!patient.preferredChannel.isEmpty() && !Patient::preferredChannels().contains(patient.preferredChannel))
        return invalid(QStringLiteral("preferred_channel"), tr("must be phone, sms, email or post"));
    if (patient.fitzpatrick && (*patient.fitzpatrick < 1 || *patient.fitzpatrick > 6))
        return invalid(QStringLiteral("fitzpatrick"), tr("must be a skin type from 1 (I) to 6 (VI)"));
    return {};
}

} // namespace dermdesk
