#pragma once

#include "CliContext.h"
#include "calendar/BookingService.h"
#include "calendar/ClinicTime.h"
#include "calendar/FreedSlot.h"
#include "calendar/ScheduleSetup.h"
#include "common/Result.h"

#include <QCommandLineOption>
#include <QJsonArray>
#include <QString>

#include <memory>
#include <optional>

class QCommandLineParser;

namespace dermdesk {
class ClinicSession;
}

namespace dermdesk::cli {

// The clinic a schedule command works on, opened with CliContext::openExisting(), and how the clinic is set up
// (time zone, names of practitioners, rooms and types).
struct ScheduleClinic
{
    std::unique_ptr<ClinicSession> session;
    ScheduleSetup setup;

    [[nodiscard]] const ClinicTime &time() const { return setup.time(); }
};

// What the schedule commands (book, move, cancel, status, agenda, find-slots) read and print alike.
// Every error names the option or argument at fault ("--start", "ID") and is of kind InvalidInput.
class ScheduleArguments
{
public:
    // Opens the clinic for a schedule command: NotFound when the file or the clinic's set-up is missing,
    // Storage when the file cannot be used. A command that only reads opens it with Access::Read.
    [[nodiscard]] static Result<ScheduleClinic> open(const CliContext &context,
                                                     CliContext::Access access = CliContext::Access::Write);

    // --practitioner ID, --room ID, --allow-past, --reason TEXT as every schedule command spells them.
    [[nodiscard]] static QCommandLineOption practitionerOption(const QString &description);
    [[nodiscard]] static QCommandLineOption roomOption();
    [[nodiscard]] static QCommandLineOption startOption();
    [[nodiscard]] static QCommandLineOption allowPastOption();
    [[nodiscard]] static QCommandLineOption reasonOption(const QString &description);
    // A refusal as it is, except a screening caution (rule.screening.caution), which also says how to go ahead:
    // the same command with --acknowledge REASON.
    [[nodiscard]] static Error withAcknowledgeHint(const Error &error);

    // The positional argument `index` after the command name (0 = the first), named `name` in errors.
    [[nodiscard]] static Result<QString> positional(const QCommandLineParser &parser, int index, const QString &name);
    // The appointment id given right after the command name ("move 42 ...").
    [[nodiscard]] static Result<qint64> appointmentId(const QCommandLineParser &parser);
    // A positive id option; nullopt when absent.
    [[nodiscard]] static Result<std::optional<qint64>> optionalId(const QCommandLineParser &parser,
                                                                  const QString &option);
    // A positive id option that must be given.
    [[nodiscard]] static Result<qint64> requiredId(const QCommandLineParser &parser, const QString &option);
    // A local wall-clock time 'YYYY-MM-DDTHH:MM' in the clinic's zone, as UTC Unix seconds, optionally with
    // the zone's UTC offset then ('YYYY-MM-DDTHH:MM-05:00', or Z). A time the clocks skip (spring forward)
    // is refused naming the jump. A time they show twice (the hour repeated when they go back) needs its
    // offset, and without one is refused naming both readings as they are typed; an offset the clinic's
    // clocks are not at then is refused naming the ones they are.
    [[nodiscard]] static Result<qint64> localDateTime(const QCommandLineParser &parser, const QString &option,
                                                      const ClinicTime &time);

    // An instant as local ISO 8601 with its offset: "2026-11-30T09:00:00-05:00".
    [[nodiscard]] static QString isoLocal(qint64 instant, const ClinicTime &time);
    // An instant as people read it on a terminal: "2026-11-30 09:00" ("2026-11-01 01:30 EST" in the hour
    // the clocks repeat).
    [[nodiscard]] static QString shortLocal(qint64 instant, const ClinicTime &time);
    // The instant's local time: "09:00" ("01:30 EST" in the hour the clocks repeat).
    [[nodiscard]] static QString clockLocal(qint64 instant, const ClinicTime &time);

    // Prints a changed appointment (move, cancel, status): one line of text, or a JSON object with its id,
    // status, local start and end, practitioner, room and late-cancel flag. When the change freed time, the
    // waitlist entries that could take it follow (text lines, or "waitlist_offers" in the JSON). Returns 0.
    static int printChange(CliContext &context, const ClinicSession &session, const BookingService::Change &change,
                           const ClinicTime &time);

private:
    // Lookup failures are ignored: the change itself already succeeded.
    [[nodiscard]] static QJsonArray reportOffers(CliContext &context, const ClinicSession &session,
                                                 const std::optional<FreedSlot> &freed, const ClinicTime &time);
};

} // namespace dermdesk::cli
