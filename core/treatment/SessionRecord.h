#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace dermdesk {

// The skin's immediate reaction to a session (treatment_session.reaction).
enum class SkinReaction {
    Unrecorded,
    None,
    MildRedness,
    ModerateRedness,
    StrongRedness,
    PinpointBleeding,
    Swelling,
};

// One area treated in a session and the needle depth used there, in millimetres.
struct SessionArea
{
    QString area;
    double depthMm = 0;
    friend bool operator==(const SessionArea &, const SessionArea &) = default;
};

// What the practitioner records after treating (treatment_session and treatment_session_area rows).
// Instants are UTC Unix seconds.
struct SessionRecord
{
    qint64 sessionId = 0;
    qint64 planId = 0;
    int sequence = 0;
    int plannedSessions = 0;
    std::optional<qint64> appointmentId;
    std::optional<qint64> practitionerId;
    std::optional<qint64> performedAt;
    QString device;
    QString cartridgeLot;
    QString numbing;
    QString products;
    SkinReaction reaction = SkinReaction::Unrecorded;
    QString notes;
    QList<SessionArea> areas;
    // When the record was last saved; empty while nothing is recorded.
    std::optional<qint64> recordedAt;

    [[nodiscard]] bool isRecorded() const { return recordedAt.has_value() || performedAt.has_value(); }
    // The deepest needle depth of the session, 0 without areas.
    [[nodiscard]] double deepestDepthMm() const;
    // "face 1.0 mm, forehead 0.5 mm".
    [[nodiscard]] QString areasText() const;

    // Stored codes ("mild_redness") and the words staff read ("Mild redness").
    [[nodiscard]] static QString reactionCode(SkinReaction reaction);
    [[nodiscard]] static std::optional<SkinReaction> reactionFromCode(const QString &code);
    [[nodiscard]] static QString reactionLabel(SkinReaction reaction);
    // Every recordable reaction, in the order the form lists them (Unrecorded excluded).
    [[nodiscard]] static QList<SkinReaction> reactions();
};

} // namespace dermdesk
