#include "Patient.h"

namespace dermdesk {

QJsonObject Patient::toJson() const
{
    const Patient &p = *this;
    return {{QStringLiteral("given_name"), p.givenName},
            {QStringLiteral("family_name"), p.familyName},
            {QStringLiteral("preferred_name"), p.preferredName},
            {QStringLiteral("birth_date"),
             p.birthDate.isValid() ? QJsonValue(p.birthDate.toString(Qt::ISODate)) : QJsonValue()},
            {QStringLiteral("phone"), p.phone},
            {QStringLiteral("phone_home"), p.phoneHome},
            {QStringLiteral("email"), p.email},
            {QStringLiteral("address"), p.address},
            {QStringLiteral("emergency_contact"), p.emergencyContact},
            {QStringLiteral("preferred_channel"), p.preferredChannel},
            {QStringLiteral("reminder_consent"), p.reminderConsent},
            {QStringLiteral("fitzpatrick"), p.fitzpatrick ? QJsonValue(*p.fitzpatrick) : QJsonValue()},
            {QStringLiteral("allergies"), p.allergies},
            {QStringLiteral("medications"), p.medications},
            {QStringLiteral("notes"), p.notes},
            {QStringLiteral("archived"), p.archived}};
}

} // namespace dermdesk
