#pragma once

#include "calendar/FreedSlot.h"
#include "common/Clock.h"

#include <QObject>
#include <QPointer>
#include <QTimeZone>

class QDockWidget;
class QMainWindow;

namespace dermdesk {
class Database;
} // namespace dermdesk

namespace dermdesk::ui {

class BookingDialog;
class PractitionerDayAgenda;
class Prompter;
class ScheduleArea;
class WaitlistPanel;
struct BookingPrefill;

// The front desk's work around the schedule, for one open clinic: the booking form (from an empty slot,
// Ctrl+N or a found slot), editing an appointment, "find a slot", the waitlist and practitioner's-day
// docks, and the clinic settings. It connects the schedule's requests to those dialogs, reloads the
// schedule after every write, and offers time freed by a cancel, no-show or move to the waitlist.
//
// Dialogs are window-modal and delete themselves when closed. The docks belong to `window` and are removed
// with this object; their panels are built when first shown. The Database, the Clock, the Prompter, the schedule and
// the window must outlive it.
class FrontDesk : public QObject
{
    Q_OBJECT

public:
    FrontDesk(Database &database, const QTimeZone &zone, const Clock &clock, Prompter &prompter, ScheduleArea &schedule,
              QMainWindow &window);
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
    void showPractitionerDay();
    void openSettings();
    // Lists who on the waitlist could take `slot` and shows the waitlist.
    void offerFreedSlot(const dermdesk::FreedSlot &slot);

signals:
    // The clinic's name, zone or set-up changed in the settings.
    void settingsChanged();

private:
    BookingDialog *newBookingDialog();
    WaitlistPanel *ensureWaitlist();
    PractitionerDayAgenda *ensurePractitionerDay();
    void written();

    Database &m_database;
    QTimeZone m_zone;
    const Clock &m_clock;
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
