#include "ErrorCode.h"

#include <QLatin1StringView>

namespace dermdesk::error_code {

namespace {

struct Spelling
{
    ErrorCode code;
    const char *text;
};

constexpr Spelling spellings[] = {
    {ErrorCode::InputStartPast, "input.start.past"},
    {ErrorCode::PatientArchived, "rule.patient.archived"},
    {ErrorCode::PractitionerInactive, "rule.practitioner.inactive"},
    {ErrorCode::RoomInactive, "rule.room.inactive"},
    {ErrorCode::TypeInactive, "rule.type.inactive"},
    {ErrorCode::PractitionerType, "rule.practitioner.type"},
    {ErrorCode::RoomType, "rule.room.type"},
    {ErrorCode::RoomRequired, "rule.room.required"},
    {ErrorCode::HoursPractitioner, "rule.hours.practitioner"},
    {ErrorCode::HoursClinic, "rule.hours.clinic"},
    {ErrorCode::Blockout, "rule.blockout"},
    {ErrorCode::OverlapPractitioner, "rule.overlap.practitioner"},
    {ErrorCode::OverlapRoom, "rule.overlap.room"},
    {ErrorCode::OverlapPatient, "rule.overlap.patient"},
    {ErrorCode::StatusTransition, "rule.status.transition"},
    {ErrorCode::StatusFinal, "rule.status.final"},
    {ErrorCode::StatusTooEarly, "rule.status.too_early"},
    {ErrorCode::StatusChanged, "rule.status.changed"},
    {ErrorCode::ScreeningStop, "rule.screening.stop"},
    {ErrorCode::ScreeningCaution, "rule.screening.caution"},
    {ErrorCode::PlanIntervalMin, "rule.plan.interval_min"},
};

} // namespace

QString text(ErrorCode code)
{
    for (const Spelling &s : spellings) {
        if (s.code == code)
            return QString::fromLatin1(s.text);
    }
    return {};
}

ErrorCode fromText(const QString &text)
{
    for (const Spelling &s : spellings) {
        if (text == QLatin1StringView(s.text))
            return s.code;
    }
    return ErrorCode::Unlisted;
}

QString field(ErrorCode code)
{
    const QString full = text(code);
    return full.mid(full.indexOf(QLatin1Char('.')) + 1);
}

ErrorCode of(const Error &error)
{
    return fromText(error.code());
}

bool is(const Error &error, ErrorCode code)
{
    return code != ErrorCode::Unlisted && of(error) == code;
}

Error rule(ErrorCode code, const QString &message)
{
    return Error(ErrorKind::Rule, text(code), message, field(code));
}

} // namespace dermdesk::error_code
