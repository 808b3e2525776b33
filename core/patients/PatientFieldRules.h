#pragma once

#include "Patient.h"
#include "common/Result.h"
#include "common/TextRules.h"

#include <QList>

namespace dermdesk {

// The one check of a patient record before it is stored, whoever entered it: the record form, the new-patient
// dialog, `dermdesk-cli patient add` and the CSV importer all call check() (PatientRepository calls it too
// before every write, so nothing it refuses is ever stored).
//
// Every text field obeys TextRules with its bound: names (given, family, preferred) 100 characters, e-mail 254,
// phones 40, emergency contact 200 (one line each); address 500, allergies and medications 2,000, notes 10,000
// (several lines). Then: given and family names are required; a birth date is not in the future nor before
// 1880; phones hold only digits, spaces and + ( ) - . / with at least 6 digits; an e-mail looks like
// name@example.com; the preferred channel is one of Patient::preferredChannels(); Fitzpatrick type is 1-6.
// A refusal is InvalidInput whose field is the column name ("given_name", "email", ...) and whose message
// reads "column: rule".
class PatientFieldRules
{
public:
    struct TextField
    {
        // The column name the field is stored and reported as.
        QString key;
        QString Patient::*member;
        int maxLength;
        TextRules::Lines lines;
    };

    // Every text field of a patient with its bound, in the record's order.
    [[nodiscard]] static const QList<TextField> &textFields();

    // The first rule `patient` breaks, checking fields in the record's order. `today` is the clinic's date.
    [[nodiscard]] static Status check(const Patient &patient, const QDate &today);
};

} // namespace dermdesk
