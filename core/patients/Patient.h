#pragma once

#include <QDate>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace dermdesk {

// One patient's full record, as the `patient` table holds it.
// Text fields are never null in storage: an empty QString means "not given".
struct Patient
{
    // 0 for a patient not saved yet.
    qint64 id = 0;
    QString givenName;
    QString familyName;
    // What the patient likes to be called; empty when the given name serves.
    QString preferredName;
    // May be null (unknown); otherwise a real date not after today.
    QDate birthDate;
    // Mobile number as the person typed it ("(555) 123-4567"); search compares digits only.
    QString phone;
    QString phoneHome;
    QString email;
    // Postal address, lines separated by '\n'.
    QString address;
    QString emergencyContact;
    // One of preferredChannels(): "phone", "sms", "email" or "post".
    QString preferredChannel = QStringLiteral("phone");
    bool reminderConsent = false;
    // Fitzpatrick skin type I–VI as 1–6; empty when not recorded.
    std::optional<int> fitzpatrick;
    QString allergies;
    QString medications;
    QString notes;
    bool archived = false;
    // UTC Unix seconds, set by the repository.
    qint64 createdAt = 0;
    qint64 updatedAt = 0;

    // Every field but the id and the time stamps, keyed by column name ("given_name", "birth_date" as
    // YYYY-MM-DD or null, "fitzpatrick" as 1-6 or null, ...): for audit entries and exports.
    [[nodiscard]] QJsonObject toJson() const;

    [[nodiscard]] static QStringList preferredChannels()
    {
        return {QStringLiteral("phone"), QStringLiteral("sms"), QStringLiteral("email"), QStringLiteral("post")};
    }
};

} // namespace dermdesk
