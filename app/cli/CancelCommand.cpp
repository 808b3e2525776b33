#include "CancelCommand.h"

#include "CliContext.h"
#include "ScheduleArguments.h"
#include "calendar/BookingService.h"
#include "calendar/ScheduleSetup.h"
#include "common/Translation.h"
#include "session/ClinicSession.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace dermdesk::cli {

namespace {

constexpr TranslationContext tr("dermdesk::cli::CancelCommand");

} // namespace

QString CancelCommand::summary() const
{
    return tr("Cancel an appointment with a reason; frees its time for the waitlist.");
}

QList<QCommandLineOption> CancelCommand::options() const
{
    return {ScheduleArguments::reasonOption(tr("Why: patient_request, illness, clinic or other, then \": detail\" if "
                                               "you like; any other text counts as other."))};
}

int CancelCommand::run(CliContext &context, const QCommandLineParser &parser)
{
    auto id = ScheduleArguments::appointmentId(parser);
    if (!id)
        return context.fail(id.error());
    auto reason = CliContext::required(parser, QStringLiteral("reason"));
    if (!reason)
        return context.fail(reason.error());

    auto opened = ScheduleArguments::open(context);
    if (!opened)
        return context.fail(opened.error());
    ClinicSession &session = *opened.value().session;
    const ScheduleSetup &setup = opened.value().setup;
    auto cancelled = session.service<BookingService>().cancel(id.value(), cancel_reason::parse(reason.value()));
    if (!cancelled)
        return context.fail(cancelled.error());
    return ScheduleArguments::printChange(context, session, cancelled.value(), setup.time());
}

} // namespace dermdesk::cli
