#include "FrontDesk.h"

#include "BookingDialog.h"
#include "BookingPrefill.h"
#include "FindSlotDialog.h"
#include "PractitionerDayAgenda.h"
#include "WaitlistPanel.h"
#include "common/Prompter.h"
#include "schedule/ScheduleArea.h"
#include "settings/ClinicSettingsDialog.h"

#include <QDockWidget>
#include <QMainWindow>

namespace dermdesk::ui {

namespace {

QDockWidget *addDock(QMainWindow &window, const QString &title, const QString &name, QWidget *content)
{
    auto *dock = new QDockWidget(title, &window);
    dock->setObjectName(name);
    dock->setAllowedAreas(Qt::LeftDockWidgetArea | Qt::RightDockWidgetArea);
    dock->setWidget(content);
    // Where and whether the person left it last time (MainWindow restores the window state); the first
    // time on the right and hidden, so the schedule gets the width.
    if (!window.restoreDockWidget(dock)) {
        window.addDockWidget(Qt::RightDockWidgetArea, dock);
        dock->hide();
    }
    return dock;
}

} // namespace

FrontDesk::FrontDesk(Database &database, const QTimeZone &zone, const Clock &clock, Prompter &prompter,
                     ScheduleArea &schedule, QMainWindow &window)
    : QObject(&window)
    , m_database(database)
    , m_zone(zone)
    , m_clock(clock)
    , m_prompter(prompter)
    , m_schedule(schedule)
    , m_window(window)
{
    m_waitlist = new WaitlistPanel(database, zone, clock, prompter);
    m_waitlistDock = addDock(window, tr("Waitlist"), QStringLiteral("waitlistDock"), m_waitlist);
    m_day = new PractitionerDayAgenda(database, zone, clock);
    m_dayDock = addDock(window, tr("Practitioner's Day"), QStringLiteral("practitionerDayDock"), m_day);
    if (m_waitlistDock->isVisible() && m_dayDock->isVisible())
        window.tabifyDockWidget(m_waitlistDock, m_dayDock);
    m_day->showDay(m_day->practitionerId(), schedule.date());

    connect(&schedule, &ScheduleArea::bookRequested, this, &FrontDesk::bookAt);
    connect(&schedule, &ScheduleArea::editRequested, this, &FrontDesk::edit);
    connect(&schedule, &ScheduleArea::slotFreed, this, &FrontDesk::offerFreedSlot);
    connect(&schedule, &ScheduleArea::dateChanged, m_day,
            [this](QDate date) { m_day->showDay(m_day->practitionerId(), date); });
    connect(m_waitlist, &WaitlistPanel::booked, this, &FrontDesk::written);
}

FrontDesk::~FrontDesk()
{
    delete m_booking;
    delete m_waitlistDock;
    delete m_dayDock;
}

WaitlistPanel *FrontDesk::waitlist() const
{
    return m_waitlist;
}

PractitionerDayAgenda *FrontDesk::practitionerDay() const
{
    return m_day;
}

QDockWidget *FrontDesk::waitlistDock() const
{
    return m_waitlistDock;
}

QDockWidget *FrontDesk::practitionerDayDock() const
{
    return m_dayDock;
}

BookingDialog *FrontDesk::bookingDialog() const
{
    return m_booking;
}

void FrontDesk::book()
{
    if (!m_schedule.scheduleView()->requestBookingAtSelection())
        bookWith({});
}

void FrontDesk::bookAt(qint64 practitionerId, qint64 roomId, qint64 startsAtUtc)
{
    BookingPrefill prefill;
    if (practitionerId > 0)
        prefill.practitionerId = practitionerId;
    if (roomId > 0)
        prefill.roomId = roomId;
    prefill.startsAt = startsAtUtc;
    bookWith(prefill);
}

void FrontDesk::bookWith(const BookingPrefill &prefill)
{
    BookingDialog *dialog = newBookingDialog();
    dialog->setPrefill(prefill);
    dialog->open();
}

void FrontDesk::edit(qint64 appointmentId)
{
    BookingDialog *dialog = newBookingDialog();
    const Status opened = dialog->editAppointment(appointmentId);
    if (!opened) {
        delete dialog;
        m_prompter.showError(&m_window, tr("Appointment not opened"), opened.error());
        return;
    }
    dialog->open();
}

BookingDialog *FrontDesk::newBookingDialog()
{
    // One booking form at a time: a second request replaces the first, unsaved, form.
    delete m_booking;
    auto *dialog = new BookingDialog(m_database, m_zone, m_clock, m_prompter, &m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    connect(dialog, &BookingDialog::booked, this, &FrontDesk::written);
    connect(dialog, &BookingDialog::changed, this, [this, dialog] {
        written();
        if (dialog->freedSlot())
            offerFreedSlot(*dialog->freedSlot());
    });
    m_booking = dialog;
    return dialog;
}

void FrontDesk::findSlot()
{
    auto *dialog = new FindSlotDialog(m_database, m_zone, m_clock, &m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    connect(dialog, &FindSlotDialog::slotChosen, this, [this, dialog] {
        const auto prefill = dialog->chosenPrefill();
        dialog->close();
        if (prefill)
            bookWith(*prefill);
    });
    dialog->open();
}

void FrontDesk::showWaitlist()
{
    m_waitlistDock->show();
    m_waitlistDock->raise();
    m_waitlist->reload();
}

void FrontDesk::showPractitionerDay()
{
    m_dayDock->show();
    m_dayDock->raise();
    m_day->showDay(m_day->practitionerId(), m_schedule.date());
}

void FrontDesk::openSettings()
{
    auto *dialog = new ClinicSettingsDialog(m_database, m_clock, m_prompter, &m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ClinicSettingsDialog::settingsChanged, this, [this] {
        m_schedule.reload();
        m_day->reload();
        emit settingsChanged();
    });
    dialog->open();
}

void FrontDesk::offerFreedSlot(const FreedSlot &slot)
{
    m_waitlist->offerFreedSlot(slot);
    if (!m_waitlist->offers().isEmpty()) {
        m_waitlistDock->show();
        m_waitlistDock->raise();
    }
}

void FrontDesk::written()
{
    m_schedule.reload();
    m_day->reload();
    m_waitlist->reload();
}

} // namespace dermdesk::ui
