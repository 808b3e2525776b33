#pragma once

#include <QString>

#include <optional>

namespace dermdesk {

// What a "yes" to a screening question means for a treatment session (table contraindication_rule).
struct ContraindicationRule
{
    enum class Kind {
        Stop,    // a treatment session cannot be booked
        Caution, // booking needs an acknowledgement with a reason (recorded in the audit log)
    };

    qint64 id = 0;
    qint64 questionId = 0;
    // Shown to the person booking, e.g. "Isotretinoin within 180 days".
    QString name;
    Kind kind = Kind::Caution;
    // With a look-back the rule applies while the appointment's date is fewer than this many days
    // after the answer's event date (or the event date is unknown); without one, whenever the answer is yes.
    std::optional<int> lookbackDays;
    bool active = true;
};

} // namespace dermdesk
