#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace dermdesk {

// A span of local wall-clock minutes on one ISO weekday (1 = Monday ... 7 = Sunday), [startMin, endMin).
struct WeeklyHours
{
    int weekday = 1;
    int startMin = 0;
    int endMin = 0;

    friend bool operator==(const WeeklyHours &, const WeeklyHours &) = default;
};

// The clinic as a whole: who it is and when it is open. There is exactly one per database.
struct ClinicSettings
{
    QString name;
    QString address;
    QString phone;
    QString email;
    // IANA time zone id ("America/New_York"): every "which day" and every displayed time uses it.
    QByteArray timeZone;
    // The schedule's grid, in minutes.
    int slotMinutes = 15;
    // A new treatment plan's defaults: planned sessions (1..20) and the interval window between sessions in
    // weeks (each 1..52, minimum <= maximum).
    int defaultSessions = 4;
    int defaultIntervalMinWeeks = 4;
    int defaultIntervalMaxWeeks = 6;
    // The recall list also shows plans whose next window opens within this many days (0..90).
    int recallHorizonDays = 14;
    // The consent form version a new plan's consent is recorded against; empty when the clinic has not set one.
    QString consentFormVersion;
    // Screening answers older than this count as out of date.
    int screeningMaxAgeDays = 90;
    // What a treatment session needs when the patient's screening is missing or out of date.
    enum class UnscreenedPolicy {
        Caution, // booked with an acknowledgement and a reason (audited)
        Stop,    // refused until the patient is screened
    };
    UnscreenedPolicy unscreenedPolicy = UnscreenedPolicy::Caution;
    // The paper every printout and PDF uses; Automatic is the one usual where the clinic is (its time zone's
    // country, else the desk's locale).
    enum class PaperSize {
        Automatic,
        Letter,
        A4,
    };
    PaperSize paperSize = PaperSize::Automatic;
    QList<WeeklyHours> openingHours;
};

} // namespace dermdesk
