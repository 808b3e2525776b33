#pragma once

#include "agenda/ScheduleModel.h"
#include "calendar/AppointmentStatus.h"
#include "calendar/BookingRequest.h"
#include "calendar/FreedSlot.h"
#include "ui/schedule/PlanSessionMover.h"
#include "ui/schedule/ScheduleView.h"

#include <QDate>
#include <QPointer>
#include <QWidget>

class QAction;
class QCalendarWidget;
class QComboBox;
class QLabel;
class QToolButton;
class QUndoStack;

namespace dermdesk {
class BookingService;
class ClinicSession;
class Error;
struct ChangeSet;
} // namespace dermdesk

namespace dermdesk::ui {

class FittingLabel;
class Prompter;

// The schedule area: the painted ScheduleView with a mini month, Day / Week / Compact week and
// "by practitioner / by room" toggles, a message bar for refusals, and the writes the view asks for
// (move, resize, status changes, cancel with a reason), each undoable with Ctrl+Z, through the session's
// services. It follows the session: whenever a change (made here, at another desk or by dermdesk-cli) touches
// the range shown, the schedule loads it again, keeping the scroll position and the selection. The message bar
// belongs to the day shown: a refusal names the day and appointment it is about, and going to another date,
// mode or grouping clears it. A treatment-plan session moved earlier than its plan's minimum interval asks for
// an override reason (PlanSessionMover); without one it snaps back with the rule's reason in the message bar.
// Questions go through the Prompter. The session and the Prompter must outlive the area.
class ScheduleArea : public QWidget
{
    Q_OBJECT

public:
    ScheduleArea(ClinicSession &session, Prompter &prompter, QWidget *parent = nullptr);
    ~ScheduleArea() override;

    [[nodiscard]] QDate date() const { return m_date; }
    // Today in the clinic's time zone, by the clock.
    [[nodiscard]] QDate today() const;
    [[nodiscard]] ScheduleModel::Mode mode() const { return m_view.mode; }
    [[nodiscard]] ScheduleModel::Grouping grouping() const { return m_view.grouping; }

    [[nodiscard]] ScheduleView *scheduleView() const { return m_scheduleView; }
    // The same view (the name the start-up probe uses).
    [[nodiscard]] ScheduleView *agendaView() const { return m_scheduleView; }
    [[nodiscard]] ScheduleModel *model() const { return m_model; }
    [[nodiscard]] QUndoStack *undoStack() const { return m_undo; }
    // On its own the area takes Ctrl+Z / Ctrl+Shift+Z itself; inside a window whose Edit menu undoes the area's
    // stack (through a QUndoGroup) the area's keys must go, or the shortcut would be ambiguous.
    void leaveUndoKeysToWindow();
    // The refusal or failure shown in the message bar; empty when none.
    [[nodiscard]] QString messageText() const;
    // "No appointments on this day." (or this week) while the range is empty; empty otherwise.
    [[nodiscard]] QString placeholderText() const;

public slots:
    void setDate(QDate date);
    void showToday();
    // One day back or forward in the day view, one week in the week views.
    void showPreviousDay();
    void showNextDay();
    void setMode(dermdesk::ScheduleModel::Mode mode);
    void setGrouping(dermdesk::ScheduleModel::Grouping grouping);
    // Whose week the Week mode shows.
    void setWeekPractitioner(qint64 practitionerId);

signals:
    void dateChanged(QDate date);
    // Re-emitted from the view: the lead connects them to the booking dialog and the patient record.
    void bookRequested(qint64 practitionerId, qint64 roomId, qint64 startsAtUtc);
    void editRequested(qint64 appointmentId);
    void openPatientRequested(qint64 patientId);
    // A short note for the window's status bar: why a status key did nothing for the selected appointment,
    // or what a status key did.
    void statusNote(const QString &text);
    // A move, cancel or no-show gave time back (for the waitlist's offers).
    void slotFreed(const dermdesk::FreedSlot &slot);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void applyView(const ScheduleModel::View &view);
    // Loads the shown range again when `changes` touch it, keeping scroll and selection.
    void followChanges(const ChangeSet &changes);
    // Has the session announce this area's write at once, so the schedule holds it before the next step.
    void announce();
    // Where the area's writes go.
    [[nodiscard]] BookingService &bookings() const;
    void reschedule(qint64 appointmentId, RescheduleRequest request);
    void changeStatus(qint64 appointmentId, AppointmentStatus to);
    void cancelAppointment(qint64 appointmentId);
    void showMessage(const QString &text);
    // Shows a refusal about `appointmentId` in the message bar, naming the appointment's day and patient:
    // "Fri 27 Nov 10:00, Joanna Smith: ..." (a storage failure as it is: it concerns the file, not the day).
    void showRefusal(qint64 appointmentId, const Error &error);
    void updateHeading();
    void fitCalendar();
    void fillPractitioners();
    [[nodiscard]] QString describe(qint64 appointmentId) const;
    [[nodiscard]] QString patientName(qint64 appointmentId) const;
    // "tomorrow, Fri 27 Nov", "yesterday, ...", "on Tue 1 Dec".
    [[nodiscard]] QString dayText(QDate day) const;

    ClinicSession &m_session;
    Prompter &m_prompter;
    // Moves under the plans' minimum-interval rule, asking for an override reason.
    PlanSessionMover m_mover;
    ScheduleModel *m_model = nullptr;
    ScheduleModel::View m_view;
    QDate m_date;
    ScheduleView *m_scheduleView = nullptr;
    QUndoStack *m_undo = nullptr;
    QPointer<QAction> m_undoAction;
    QPointer<QAction> m_redoAction;
    QCalendarWidget *m_calendar = nullptr;
    QComboBox *m_modeCombo = nullptr;
    QComboBox *m_groupingCombo = nullptr;
    QComboBox *m_practitionerCombo = nullptr;
    FittingLabel *m_title = nullptr;
    FittingLabel *m_summary = nullptr;
    QLabel *m_message = nullptr;
    QToolButton *m_todayButton = nullptr;
    QString m_loadError;
};

} // namespace dermdesk::ui
