#pragma once

#include <QDate>
#include <QString>

namespace dermdesk {

// What a list or search result shows of a patient.
struct PatientSummary
{
    qint64 id = 0;
    QString givenName;
    QString familyName;
    QString preferredName;
    QDate birthDate;
    QString phone;
    QString email;
    bool archived = false;

    // "Jürgen Müller", or "Jo (Joanna) Smith" when a preferred name is set.
    [[nodiscard]] QString displayName() const { return fullName(givenName, familyName, preferredName); }
    // "Müller, Jürgen": the order lists are sorted in.
    [[nodiscard]] QString sortName() const;

    [[nodiscard]] static QString fullName(const QString &given, const QString &family, const QString &preferred);
};

} // namespace dermdesk
