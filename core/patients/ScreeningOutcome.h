#pragma once

#include <QDate>
#include <QList>
#include <QString>

namespace dermdesk {

// One reason to stop or to be careful, found by ScreeningEvaluator.
struct ScreeningFinding
{
    // The rule that applies; 0 for the screening itself being missing or out of date.
    qint64 ruleId = 0;
    // "rule.<id>", "screening.missing" or "screening.out_of_date".
    QString code;
    // The rule's name ("Isotretinoin within 180 days") or "Screening out of date".
    QString name;
    // A translated sentence explaining it for this appointment's date.
    QString message;
    // The first date the finding no longer applies (a look-back rule with a known date); invalid when no date
    // ends it: a standing yes, an unknown date, or screening that is missing or out of date (cleared by
    // answering the screening again).
    QDate clearsOn;

    // Missing or out-of-date screening rather than a rule on an answer.
    [[nodiscard]] bool isUnscreened() const { return ruleId == 0; }
};

// A treatment session's screening state at a glance, least to most serious. Out-of-date and missing screening
// are what they are under the clinic's Caution policy; under Stop they are a Stop.
enum class ScreeningLevel {
    Clear,
    OutOfDate,
    NotScreened,
    Caution, // a caution rule applies (it may come with out-of-date screening)
    Stop
};

// What the screening rules say about one patient on one appointment date.
struct ScreeningOutcome
{
    QList<ScreeningFinding> stops;
    QList<ScreeningFinding> cautions;

    // A stop applies: a treatment session cannot be booked.
    [[nodiscard]] bool refuses() const { return !stops.isEmpty(); }
    // Nothing applies.
    [[nodiscard]] bool isClear() const { return stops.isEmpty() && cautions.isEmpty(); }
    // The cautions a booking must acknowledge with a reason: every caution, missing and out-of-date screening
    // included (a treatment session for a patient nobody screened is booked only with a stated reason).
    [[nodiscard]] QList<ScreeningFinding> cautionsToAcknowledge() const { return cautions; }
};

} // namespace dermdesk
