#pragma once

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
    // The cautions a booking must acknowledge with a reason: every caution but missing screening (a patient not
    // yet screened is flagged, not held up, so the desk can book them while the questionnaire is pending).
    [[nodiscard]] QList<ScreeningFinding> cautionsToAcknowledge() const
    {
        QList<ScreeningFinding> found;
        for (const ScreeningFinding &caution : cautions) {
            if (caution.code != QLatin1String("screening.missing"))
                found.append(caution);
        }
        return found;
    }
};

} // namespace dermdesk
