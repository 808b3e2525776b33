#include "ScheduleArguments.h"

#include "CliContext.h"
#include "calendar/WaitlistRepository.h"
#include "common/ErrorCode.h"
#include "common/Translation.h"
#include "session/ClinicSession.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonObject>
#include <QRegularExpression>

#include <limits>

namespace dermdesk::cli {

namespace {

constexpr TranslationContext tr("dermdesk::cli::ScheduleArguments");

} // namespace

Result<ScheduleClinic> ScheduleArguments::open(const CliContext &context, CliContext::Access access)
{
    auto opened = context.openExisting(access);
    if (!opened)
        return opened.error();
    auto setup = ScheduleSetup::load(opened.value()->database());
    if (!setup)
        return setup.error();
    return ScheduleClinic{std::move(opened).value(), std::move(setup).value()};
}

QCommandLineOption ScheduleArguments::practitionerOption(const QString &description)
{
    return QCommandLineOption(QStringLiteral("practitioner"), description, QStringLiteral("ID"));
}

QCommandLineOption ScheduleArguments::roomOption()
{
    return QCommandLineOption(QStringLiteral("room"),
                              tr("The room; without it the first suitable free room is used when the type needs one."),
                              QStringLiteral("ID"));
}

QCommandLineOption ScheduleArguments::startOption()
{
    return QCommandLineOption(QStringLiteral("start"),
                              tr("Local start in the clinic's time zone, YYYY-MM-DDTHH:MM. In the hour the clocks "
                                 "repeat when they go back, add the offset that says which: 2026-11-01T01:30-04:00 "
                                 "(the first), 2026-11-01T01:30-05:00 (the second)."),
                              QStringLiteral("YYYY-MM-DDTHH:MM[+HH:MM]"));
}

QCommandLineOption ScheduleArguments::allowPastOption()
{
    return QCommandLineOption(QStringLiteral("allow-past"),
                              tr("Confirm a start in the past (entering a visit that already happened)."));
}

Error ScheduleArguments::withAcknowledgeHint(const Error &error)
{
    if (!error_code::is(error, ErrorCode::ScreeningCaution))
        return error;
    return Error(error.kind(), error.code(),
                 error.message() + QLatin1Char(' ')
                     + tr("To go ahead, run it again with --acknowledge REASON (kept in the audit log)."),
                 error.field());
}

QCommandLineOption ScheduleArguments::reasonOption(const QString &description)
{
    return QCommandLineOption(QStringLiteral("reason"), description, QStringLiteral("TEXT"));
}

Result<QString> ScheduleArguments::positional(const QCommandLineParser &parser, int index, const QString &name)
{
    const QStringList arguments = parser.positionalArguments().mid(1); // the first one is the command
    if (index >= arguments.size() || arguments.at(index).trimmed().isEmpty())
        return Error::invalidInput(name, tr("%1 is missing.").arg(name));
    return arguments.at(index).trimmed();
}

Result<qint64> ScheduleArguments::appointmentId(const QCommandLineParser &parser)
{
    const QString name = QStringLiteral("ID");
    auto text = positional(parser, 0, name);
    if (!text)
        return Error::invalidInput(name, tr("Give the appointment's id after the command."));
    bool ok = false;
    const qint64 id = text.value().toLongLong(&ok);
    if (!ok || id <= 0) {
        return Error::invalidInput(name,
                                   tr("An appointment id is a whole number above 0, not \"%1\".").arg(text.value()));
    }
    return id;
}

Result<std::optional<qint64>> ScheduleArguments::optionalId(const QCommandLineParser &parser, const QString &option)
{
    if (!parser.isSet(option))
        return std::optional<qint64>();
    auto id = CliContext::integer(parser, option, 1, std::numeric_limits<qint64>::max(), 0);
    if (!id)
        return id.error();
    return std::optional<qint64>(id.value());
}

Result<qint64> ScheduleArguments::requiredId(const QCommandLineParser &parser, const QString &option)
{
    if (auto given = CliContext::required(parser, option); !given)
        return given.error();
    auto id = optionalId(parser, option);
    if (!id)
        return id.error();
    return *id.value();
}

Result<qint64> ScheduleArguments::localDateTime(const QCommandLineParser &parser, const QString &option,
                                                const ClinicTime &time)
{
    auto text = CliContext::required(parser, option);
    if (!text)
        return text.error();
    static const QRegularExpression pattern(
        QStringLiteral("^(\\d{4}-\\d{2}-\\d{2})[T ](\\d{2}):(\\d{2})(?:(Z)|([+-])(\\d{2}):?(\\d{2}))?$"));
    const auto match = pattern.match(text.value().trimmed());
    const QDate date = match.hasMatch() ? QDate::fromString(match.captured(1), Qt::ISODate) : QDate();
    const int hour = match.captured(2).toInt();
    const int minute = match.captured(3).toInt();
    const QString field = QStringLiteral("--") + option;
    const int offsetHours = match.captured(6).toInt();
    const int offsetMinutes = match.captured(7).toInt();
    if (!date.isValid() || hour > 23 || minute > 59 || offsetHours > 14 || offsetMinutes > 59) {
        return Error::invalidInput(field, tr("--%1 must be a local date and time written YYYY-MM-DDTHH:MM, "
                                             "optionally followed by the clinic's UTC offset (-05:00), not \"%2\".")
                                              .arg(option, text.value()));
    }
    auto readings = time.readings(date, hour * 60 + minute, field);
    if (!readings)
        return readings.error();
    const QList<ClinicTime::Reading> &found = readings.value();

    // Each reading as it is typed, named as people know it: "2026-11-01T01:30-04:00 (EDT, first)".
    const QString local =
        date.toString(Qt::ISODate)
        + QStringLiteral("T%1:%2").arg(hour, 2, 10, QLatin1Char('0')).arg(minute, 2, 10, QLatin1Char('0'));
    QStringList choices;
    for (qsizetype i = 0; i < found.size(); ++i) {
        const ClinicTime::Reading &r = found.at(i);
        const QString written = local + ClinicTime::offsetText(r.offsetSeconds);
        if (found.size() == 1) {
            choices.append(tr("%1 (%2)").arg(written, r.abbreviation));
        } else {
            choices.append((i == 0 ? tr("%1 (%2, first)") : tr("%1 (%2, second)")).arg(written, r.abbreviation));
        }
    }
    const QString zone = QString::fromUtf8(time.zone().id());

    if (match.hasCaptured(4) || match.hasCaptured(5)) {
        const int sign = match.captured(5) == QLatin1String("-") ? -1 : 1;
        const int offset = sign * (offsetHours * 3600 + offsetMinutes * 60);
        for (const ClinicTime::Reading &r : found) {
            if (r.offsetSeconds == offset)
                return r.instant;
        }
        return Error::invalidInput(field, tr("--%1 %2: the clinic's clocks (%3) are not at %4 then; write %5.")
                                              .arg(option, text.value().trimmed(), zone, ClinicTime::offsetText(offset),
                                                   choices.join(tr(" or "))));
    }
    if (found.size() > 1) {
        return Error::invalidInput(field, tr("--%1 %2 happens twice in %3 (the clocks go back that night); write "
                                             "%4.")
                                              .arg(option, text.value().trimmed(), zone, choices.join(tr(" or "))));
    }
    return found.constFirst().instant;
}

QString ScheduleArguments::isoLocal(qint64 instant, const ClinicTime &time)
{
    return time.toLocal(instant).toString(Qt::ISODate);
}

QString ScheduleArguments::shortLocal(qint64 instant, const ClinicTime &time)
{
    return time.toLocal(instant).toString(QStringLiteral("yyyy-MM-dd ")) + clockLocal(instant, time);
}

QString ScheduleArguments::clockLocal(qint64 instant, const ClinicTime &time)
{
    const QString clock = time.toLocal(instant).toString(QStringLiteral("HH:mm"));
    return time.isRepeatedReading(instant) ? clock + QLatin1Char(' ') + time.abbreviation(instant) : clock;
}

int ScheduleArguments::printChange(CliContext &context, const ClinicSession &session,
                                   const BookingService::Change &change, const ClinicTime &time)
{
    const Appointment &a = change.appointment;
    const QString status = appointment_status::toStorage(a.status);
    if (!context.json()) {
        QString line = tr("Appointment %1: %2, %3–%4")
                           .arg(a.id)
                           .arg(status, shortLocal(a.startsAt, time), clockLocal(a.endsAt, time));
        if (a.lateCancel)
            line += tr(" (late cancellation)");
        context.out() << line << Qt::endl;
    }
    const QJsonArray offers = reportOffers(context, session, change.freed, time);
    if (context.json()) {
        context.printJson({{QStringLiteral("id"), a.id},
                           {QStringLiteral("status"), status},
                           {QStringLiteral("start"), isoLocal(a.startsAt, time)},
                           {QStringLiteral("end"), isoLocal(a.endsAt, time)},
                           {QStringLiteral("practitioner_id"), a.practitionerId},
                           {QStringLiteral("room_id"), a.roomId ? QJsonValue(*a.roomId) : QJsonValue()},
                           {QStringLiteral("late_cancel"), a.lateCancel},
                           {QStringLiteral("waitlist_offers"), offers}});
    }
    return 0;
}

QJsonArray ScheduleArguments::reportOffers(CliContext &context, const ClinicSession &session,
                                           const std::optional<FreedSlot> &freed, const ClinicTime &time)
{
    QJsonArray offers;
    if (!freed)
        return offers;
    const auto found = session.service<WaitlistRepository>().offersFor(*freed);
    if (!found || found.value().isEmpty())
        return offers;
    if (!context.json()) {
        context.out() << QCoreApplication::translate("dermdesk::cli::ScheduleArguments",
                                                     "Waitlist: %n patient(s) could take the freed time:", nullptr,
                                                     int(found.value().size()))
                      << '\n';
    }
    for (const WaitlistRepository::Offer &offer : found.value()) {
        offers.append(QJsonObject{{QStringLiteral("waitlist_entry"), offer.entry.id},
                                  {QStringLiteral("patient_id"), offer.entry.patientId},
                                  {QStringLiteral("type_id"), offer.proposal.typeId},
                                  {QStringLiteral("start"), isoLocal(offer.proposal.startsAt, time)}});
        if (!context.json()) {
            context.out() << "  "
                          << tr("entry %1: patient %2 at %3")
                                 .arg(offer.entry.id)
                                 .arg(offer.entry.patientId)
                                 .arg(shortLocal(offer.proposal.startsAt, time))
                          << '\n';
        }
    }
    context.out().flush();
    return offers;
}

} // namespace dermdesk::cli
