// ScheduleArea's writes: the moves, status changes and cancellations the view asks for, each through the session's
// BookingService and undoable, and the refusals they meet, named with their day and patient in the message bar.
#include "ui/schedule/ScheduleArea.h"

#include "calendar/AppointmentStatusRules.h"
#include "calendar/BookingService.h"
#include "common/ErrorCode.h"
#include "session/ClinicSession.h"
#include "treatment/SessionMoveRule.h"
#include "ui/schedule/ScheduleCommand.h"
#include "ui/schedule/ScheduleView.h"
#include "ui/schedule/StatusKeys.h"
#include "ui/widgets/Prompter.h"

#include <QLabel>
#include <QUndoStack>

namespace dermdesk::ui {

namespace {

// A change's outcome as a Status, for the undo commands.
Status statusOf(const Result<BookingService::Change> &change)
{
    return change ? Status() : Status(change.error());
}

} // namespace

void ScheduleArea::showMessage(const QString &text)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

void ScheduleArea::showRefusal(qint64 appointmentId, const Error &error)
{
    // A storage failure is about the clinic file, not about the day.
    const int row = m_model->rowOf(appointmentId);
    if (row < 0 || !m_model->setup() || error.kind() == ErrorKind::Storage) {
        showMessage(error.message());
        return;
    }
    const AgendaEntry &e = m_model->entry(row);
    const QString when =
        locale().toString(m_model->setup()->time().toLocal(e.startsAt), QStringLiteral("ddd d MMM HH:mm"));
    showMessage(tr("%1, %2: %3").arg(when, e.patientName, error.message()));
}

QString ScheduleArea::describe(qint64 appointmentId) const
{
    const int row = m_model->rowOf(appointmentId);
    if (row < 0 || !m_model->setup())
        return {};
    const AgendaEntry &e = m_model->entry(row);
    const QString when =
        locale().toString(m_model->setup()->time().toLocal(e.startsAt), QStringLiteral("ddd d MMM HH:mm"));
    return tr("%1, %2, %3").arg(when, e.patientName, e.typeName);
}

void ScheduleArea::reschedule(qint64 appointmentId, RescheduleRequest request)
{
    const auto before = bookings().appointments().find(appointmentId);
    if (!before) {
        showMessage(before.error().message());
        return;
    }
    const qint64 newStart = request.startsAt.value_or(before.value().startsAt);
    if (newStart < m_session.clock().now().toSecsSinceEpoch()) {
        if (!m_prompter.confirm(this, tr("Move into the past?"),
                                tr("%1 would then start in the past. Move it anyway?").arg(describe(appointmentId))))
            return;
        request.allowPast = true;
    }
    QString overrideReason;
    QString acknowledgement;
    const auto moved = m_mover.move(this, appointmentId, request, &overrideReason, &acknowledgement);
    if (!moved) {
        showRefusal(appointmentId, moved.error());
        emit statusNote(tr("Not moved: %1").arg(messageText()));
        return;
    }
    showMessage(QString());
    if (moved.value().freed)
        emit slotFreed(*moved.value().freed);
    const Appointment old = before.value();
    const Appointment now = moved.value().appointment;
    const auto toRequest = [](const Appointment &a, const QString &acknowledgement) {
        RescheduleRequest r;
        r.startsAt = a.startsAt;
        r.endsAt = a.endsAt;
        r.practitionerId = a.practitionerId;
        r.roomId = a.roomId;
        r.allowPast = true;
        r.acknowledgement = acknowledgement;
        return r;
    };
    // Undo puts back what was stored before (never refused by the plan's interval; screening cautions on the date
    // it came from are acknowledged as an undo, audited); redo applies the interval rule again with the reason
    // given, and the screening acknowledgement given.
    const QString undoAcknowledgement = tr("Undo: back to the date it was on before the move");
    const auto run = [this, appointmentId](const RescheduleRequest &r, const QString &reason,
                                           SessionMoveRule::Mode mode) {
        const Status done =
            statusOf(m_session.service<SessionMoveRule>().reschedule(bookings(), appointmentId, r, reason, mode));
        announce();
        return done;
    };
    m_undo->push(new ScheduleCommand(
        tr("Move %1").arg(patientName(appointmentId)),
        [run, old, toRequest, undoAcknowledgement] {
            return run(toRequest(old, undoAcknowledgement), QString(), SessionMoveRule::Mode::Restore);
        },
        [run, now, toRequest, overrideReason, acknowledgement] {
            return run(toRequest(now, acknowledgement), overrideReason, SessionMoveRule::Mode::Enforce);
        },
        [this, appointmentId](const Error &e) { showRefusal(appointmentId, e); }));
    announce();
}

void ScheduleArea::changeStatus(qint64 appointmentId, AppointmentStatus to)
{
    const auto before = bookings().appointments().find(appointmentId);
    if (!before) {
        showMessage(before.error().message());
        return;
    }
    const Appointment &appointment = before.value();
    const AppointmentStatus from = appointment.status;
    const QString name = patientName(appointmentId);
    if (const QString why = status_keys::refusal(from, to, name); !why.isEmpty()) {
        emit statusNote(why);
        return;
    }
    if (const Status step =
            appointment_status::checkChange(from, to, appointment.startsAt, m_session.clock().now().toSecsSinceEpoch());
        !step && error_code::is(step.error(), ErrorCode::StatusTooEarly)) {
        emit statusNote(tr("%1's appointment has not started yet, so it cannot be a no-show").arg(name));
        return;
    }
    if (status_keys::belongsToTheDay(to)) {
        const auto &setup = m_model->setup();
        const QDate day = setup ? setup->time().localDate(appointment.startsAt) : today();
        if (day != today()
            && !m_prompter.confirm(this, tr("Not today's appointment"),
                                   tr("%1's appointment is %2, not today.\n\n%3")
                                       .arg(name, dayText(day), status_keys::question(to, name)))) {
            emit statusNote(tr("Nothing changed for %1").arg(name));
            return;
        }
    }
    const auto changed = bookings().changeStatus(appointmentId, to);
    if (!changed) {
        showRefusal(appointmentId, changed.error());
        return;
    }
    showMessage(QString());
    if (changed.value().freed)
        emit slotFreed(*changed.value().freed);
    const QString text = status_keys::commandText(to, name);
    m_undo->push(new ScheduleCommand(
        text,
        [this, appointmentId, from, to] {
            const Status done = statusOf(bookings().revertStatus(appointmentId, to, from));
            announce();
            return done;
        },
        [this, appointmentId, to] {
            const Status done = statusOf(bookings().changeStatus(appointmentId, to));
            announce();
            return done;
        },
        [this, appointmentId](const Error &e) { showRefusal(appointmentId, e); }));
    announce();
    emit statusNote(tr("%1: done (Ctrl+Z undoes it)").arg(text));
}

QString ScheduleArea::patientName(qint64 appointmentId) const
{
    const int row = m_model->rowOf(appointmentId);
    return row < 0 ? tr("The patient") : m_model->entry(row).patientName;
}

QString ScheduleArea::dayText(QDate day) const
{
    const QString date = locale().toString(day, QStringLiteral("ddd d MMM"));
    switch (today().daysTo(day)) {
    case 1:
        return tr("tomorrow, %1").arg(date);
    case -1:
        return tr("yesterday, %1").arg(date);
    default:
        return tr("on %1").arg(date);
    }
}

void ScheduleArea::cancelAppointment(qint64 appointmentId)
{
    const auto before = bookings().appointments().find(appointmentId);
    if (!before) {
        showMessage(before.error().message());
        return;
    }
    const AppointmentStatus from = before.value().status;
    if (!appointment_status::canChange(from, AppointmentStatus::Cancelled)) {
        showRefusal(appointmentId,
                    Error::rule(QStringLiteral("status.final"), tr("An appointment that is %1 cannot be cancelled.")
                                                                    .arg(appointment_status::label(from))));
        return;
    }
    const auto reason = m_prompter.askCancelReason(this, describe(appointmentId));
    if (!reason)
        return;
    const auto cancelled = bookings().cancel(appointmentId, *reason);
    if (!cancelled) {
        showRefusal(appointmentId, cancelled.error());
        return;
    }
    showMessage(QString());
    if (cancelled.value().freed)
        emit slotFreed(*cancelled.value().freed);
    const CancelReason why = *reason;
    m_undo->push(new ScheduleCommand(
        status_keys::commandText(AppointmentStatus::Cancelled, patientName(appointmentId)),
        [this, appointmentId, from] {
            const Status done = statusOf(bookings().revertStatus(appointmentId, AppointmentStatus::Cancelled, from));
            announce();
            return done;
        },
        [this, appointmentId, why] {
            const Status done = statusOf(bookings().cancel(appointmentId, why));
            announce();
            return done;
        },
        [this, appointmentId](const Error &e) { showRefusal(appointmentId, e); }));
    announce();
}

} // namespace dermdesk::ui
