#pragma once

#include "calendar/FreedSlot.h"

#include <QDate>
#include <QObject>
#include <QPointer>

class QDockWidget;
class QMainWindow;

namespace dermdesk {
class ClinicSession;
} // namespace dermdesk

namespace dermdesk::ui {

class BookingDialog;
class PractitionerDayAgenda;
class Prompter;
class ScheduleArea;
class WaitlistPanel;
struct BookingPrefill;

// The front desk's work around the schedule, for one open clinic: the booking form (from an empty slot,
// Ctrl+N or a found slot; without a slot it opens on the day and column on screen at their first free
// time), editing an appointment, "find a slot", and the waitlist and practitioner's-day docks. It connects
// the schedule's requests to those dialogs, selects what was booked or changed and says so in the window's
// status bar, and offers time freed by a cancel, no-show or move to the waitlist. Every view follows the
// session's changes by itself; nothing here reloads one.
//
// Dialogs are window-modal and delete themselves when closed. The docks belong to `window` and are removed
// with this object; their panels are built when first shown. The session, the Prompter, the schedule and the
// window must outlive it.
class FrontDesk : public QObject
{
    Q_OBJECT

public:
    FrontDesk(ClinicSession &session, Prompter &prompter, ScheduleArea &schedule, QMainWindow &window);
    ~FrontDesk() override;

    // The panels; null until their dock is first shown (or, for the waitlist, until time is offered).
    [[nodiscard]] WaitlistPanel *waitlist() const;
    [[nodiscard]] PractitionerDayAgenda *practitionerDay() const;
    [[nodiscard]] QDockWidget *waitlistDock() const;
    [[nodiscard]] QDockWidget *practitionerDayDock() const;
    // The booking form open now, if any.
    [[nodiscard]] BookingDialog *bookingDialog() const;

public slots:
    // Opens the booking form for the schedule's selected empty slot, or an empty form.
    void book();
    // Opens the booking form for a practitioner (or room), at a start (UTC Unix seconds).
    void bookAt(qint64 practitionerId, qint64 roomId, qint64 startsAtUtc);
    void bookWith(const dermdesk::ui::BookingPrefill &prefill);
    void edit(qint64 appointmentId);
    void findSlot();
    void showWaitlist();
    // Shows the practitioner's day panel on the schedule's date and focuses it; when it is shown already,
    // closes it (the same key toggles it).
    void showPractitionerDay();
    // Hides the practitioner's day panel (also Esc inside it) and gives the focus back to the schedule.
    void closePractitionerDay();
    // The print preview of the day sheet of local `date`: `practitionerId`'s, or everyone's when 0.
    void printDaySheet(qint64 practitionerId, QDate date);
    // When the practitioner's-day panel has the keyboard focus, prints her day sheet of the day it shows and
    // returns true (Ctrl+P there); false otherwise.
    bool printFocusedPractitionerDay();
    // Lists who on the waitlist could take `slot` and shows the waitlist.
    void offerFreedSlot(const dermdesk::FreedSlot &slot);

signals:
    // A side panel is about to be shown (the window can make room for it first).
    void panelOpening();

private:
    BookingDialog *newBookingDialog();
    // The schedule column the person is on: the selected slot's or appointment's; -1 when none.
    [[nodiscard]] int focusedColumn() const;
    // `prefill` with what the schedule shows where it says nothing: the day shown, the focused column and
    // its first free time (booking_start::fromSchedule).
    [[nodiscard]] BookingPrefill onScheduleShown(BookingPrefill prefill) const;
    // Selects the appointment on the schedule (showing its day, once the session has announced the write) and
    // says in the status bar what was done: "Booked Quentin Marlowe, Tue 15 Dec 14:00 with Priya Raman".
    void showOnSchedule(qint64 appointmentId, const QString &verb);
    WaitlistPanel *ensureWaitlist();
    PractitionerDayAgenda *ensurePractitionerDay();
    void showDock(QDockWidget *dock);

    ClinicSession &m_session;
    Prompter &m_prompter;
    ScheduleArea &m_schedule;
    QMainWindow &m_window;
    QPointer<BookingDialog> m_booking;
    QPointer<QDockWidget> m_waitlistDock;
    QPointer<QDockWidget> m_dayDock;
    QPointer<WaitlistPanel> m_waitlist;
    QPointer<PractitionerDayAgenda> m_day;
};

} // namespace dermdesk::ui
