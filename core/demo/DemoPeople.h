#pragma once

#include <QDate>
#include <QString>

namespace dermdesk::demo {

// One patient's personal details as stored (empty strings, never null, for absent text).
struct DemoPerson
{
    QString givenName;
    QString familyName;
    QString preferredName;
    QDate birthDate;
    QString phone;
    QString phoneHome;
    QString email;
    QString address;
    QString emergencyContact;
    QString preferredChannel; // phone, sms, email or post
    bool reminderConsent = false;
    int fitzpatrick = 0; // 1..6; 0 = not recorded
    QString allergies;
    QString medications;
    QString notes;
};

// Plausible patients of a clinic near Atlanta: names from many cultures (accents and non-Latin
// scripts among them), North-American phone numbers in the fictional 555-01xx range, reserved
// example e-mail domains, adult birth dates, a few allergies, medications and notes.
class DemoPeople
{
public:
    // Patient `index` of `count` for `seed`: always the same person. `firstVisit` and `today`
    // keep the patient an adult (18–75) from the first visit to today. A handful of indexes
    // spread over the list are the well-known names (José García, 王伟, محمد علي, ...).
    [[nodiscard]] static DemoPerson person(quint64 seed, int index, int count, QDate firstVisit, QDate today);

    // A name reduced to lower-case ASCII letters for e-mail addresses ("Zoë Brontë" → "zoe", "bronte").
    [[nodiscard]] static QString asciiFold(const QString &text);
};

} // namespace dermdesk::demo
