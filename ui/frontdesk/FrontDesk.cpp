#include "ui/frontdesk/FrontDesk.h"

#include "calendar/AppointmentRepository.h"
#include "calendar/ClinicTime.h"
#include "patients/PatientRepository.h"
#include "session/ClinicSession.h"
#include "ui/frontdesk/BookingDialog.h"
#include "ui/frontdesk/BookingPrefill.h"
#include "ui/frontdesk/BookingStart.h"
#include "ui/frontdesk/FindSlotDialog.h"
#include "ui/frontdesk/PractitionerDayAgenda.h"
#include "ui/frontdesk/WaitlistPanel.h"
#include "ui/handouts/HandoutPrinter.h"
#include "ui/schedule/ScheduleArea.h"
#include "ui/widgets/Prompter.h"

#include <QAction>
#include <QDockWidget>
#include <QMainWindow>
#include <QScrollArea>
#include <QStatusBar>
#include <QStyle>
#include <QTreeWidget>

namespace dermdesk::ui {

namespace {

constexpr int panelMinimumWidth = 320;
constexpr int panelMaximumWidth = 640;
// What a panel opens at: the waitlist's add form and the day's columns read without scrolling sideways, and on a
// 1280-pixel screen the schedule keeps four practitioners' columns.
constexpr int panelOpeningWidth = 500;

// `panel` in a scroll area, so content wider or taller than the dock scrolls instead of widening the window.
QScrollArea *scrolling(QWidget *panel)
{
    auto *scroll = new QScrollArea;
    scroll->setObjectName(panel->objectName() + QStringLiteral("Scroll"));
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    scroll->setWidget(panel);
    return scroll;
}

QDockWidget *addDock(QMainWindow &window, const QString &title, const QString &name, bool *restored)
{
    auto *dock = new QDockWidget(title, &window);
    dock->setObjectName(name);
    dock->setAllowedAreas(Qt::LeftDockWidgetArea | Qt::RightDockWidgetArea);
    // A panel takes its width from the schedule, within limits: never so narrow it cannot be read, never so wide
    // that the schedule loses its columns; the splitter between them moves within the same limits.
    dock->setMinimumWidth(panelMinimumWidth);
    dock->setMaximumWidth(panelMaximumWidth);
    // Where and whether the person left it last time (MainWindow restores the window state); the first
    // time on the right and hidden, so the schedule gets the width.
    *restored = window.restoreDockWidget(dock);
    if (!*restored) {
        window.addDockWidget(Qt::RightDockWidgetArea, dock);
        dock->hide();
    }
    return dock;
}

} // namespace

FrontDesk::FrontDesk(ClinicSession &session, Prompter &prompter, ScheduleArea &schedule, QMainWindow &window)
    : QObject(&window)
    , m_session(session)
    , m_prompter(prompter)
    , m_schedule(schedule)
    , m_window(window)
{
    // The panels are built (and read the database) only when their dock is first shown, so start-up
    // pays for neither while they are hidden.
    bool waitlistRestored = false;
    bool dayRestored = false;
    m_waitlistDock = addDock(window, tr("Waitlist"), QStringLiteral("waitlistDock"), &waitlistRestored);
    m_dayDock = addDock(window, tr("Practitioner's Day"), QStringLiteral("practitionerDayDock"), &dayRestored);
    // Tabs in one place, so each panel has the window's height (the person can drag one out beside the other).
    if (!waitlistRestored && !dayRestored)
        window.tabifyDockWidget(m_waitlistDock, m_dayDock);
    connect(m_waitlistDock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (visible)
            ensureWaitlist();
    });
    // Esc anywhere in the practitioner's panel closes it and goes back to the schedule.
    auto *closeDay = new QAction(tr("Close the practitioner's day"), m_dayDock);
    closeDay->setObjectName(QStringLiteral("closePractitionerDayAction"));
    closeDay->setShortcut(QKeySequence(Qt::Key_Escape));
    closeDay->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_dayDock->addAction(closeDay);
    connect(closeDay, &QAction::triggered, this, &FrontDesk::closePractitionerDay);
    connect(m_dayDock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (visible)
            ensurePractitionerDay();
    });

    connect(&schedule, &ScheduleArea::bookRequested, this, &FrontDesk::bookAt);
    connect(&schedule, &ScheduleArea::editRequested, this, &FrontDesk::edit);
    connect(&schedule, &ScheduleArea::slotFreed, this, &FrontDesk::offerFreedSlot);
    connect(&schedule, &ScheduleArea::dateChanged, this, [this](QDate date) {
        if (m_day)
            m_day->showDay(m_day->practitionerId(), date);
    });
}

int FrontDesk::focusedColumn() const
{
    const ScheduleView *view = m_schedule.scheduleView();
    const ScheduleModel &model = *m_schedule.model();
    if (view->selectedSlot().column >= 0)
        return view->selectedSlot().column;
    if (const int row = model.rowOf(view->selectedAppointment()); row >= 0)
        return model.columnOf(row);
    return -1;
}

BookingPrefill FrontDesk::onScheduleShown(BookingPrefill prefill) const
{
    if (prefill.startsAt)
        return prefill;
    const BookingPrefill shown =
        booking_start::fromSchedule(*m_schedule.model(), m_schedule.date(), focusedColumn(),
                                    m_session.clock().now().toSecsSinceEpoch(), prefill.typeId);
    if (!prefill.practitionerId && !prefill.roomId) {
        prefill.practitionerId = shown.practitionerId;
        prefill.roomId = shown.roomId;
    }
    prefill.startsAt = shown.startsAt;
    return prefill;
}

void FrontDesk::showOnSchedule(qint64 appointmentId, const QString &verb)
{
    // The schedule holds the write before it is asked to select it.
    m_session.announceChanges();
    const auto found = m_session.service<AppointmentRepository>().find(appointmentId);
    if (!found)
        return;
    const Appointment &appointment = found.value();
    ScheduleModel &model = *m_schedule.model();
    const ClinicTime time(m_session.zone());
    const ClinicTime::Range shown = model.range();
    if (appointment.startsAt < shown.from || appointment.startsAt >= shown.to)
        m_schedule.setDate(time.localDate(appointment.startsAt));
    m_schedule.scheduleView()->selectAppointment(appointmentId);

    QString patientName = tr("Patient %1").arg(appointment.patientId);
    if (const auto patient = m_session.service<PatientRepository>().find(appointment.patientId)) {
        patientName = PatientSummary::fullName(patient.value().givenName, patient.value().familyName,
                                               patient.value().preferredName)
                          .trimmed();
    }
    QString practitionerName = tr("practitioner %1").arg(appointment.practitionerId);
    if (model.setup()) {
        if (const Practitioner *practitioner = model.setup()->practitioner(appointment.practitionerId))
            practitionerName = practitioner->displayName;
    }
    const QString when = QLocale().toString(time.toLocal(appointment.startsAt).date(), QStringLiteral("ddd d MMM"))
                         + QLatin1Char(' ') + time.clockText(appointment.startsAt);
    m_window.statusBar()->showMessage(tr("%1 %2, %3 with %4").arg(verb, patientName, when, practitionerName), 15000);
}

WaitlistPanel *FrontDesk::ensureWaitlist()
{
    if (!m_waitlist) {
        m_waitlist = new WaitlistPanel(m_session, m_prompter);
        connect(m_waitlist, &WaitlistPanel::booked, this,
                [this](qint64 appointmentId) { showOnSchedule(appointmentId, tr("Booked")); });
        m_waitlistDock->setWidget(scrolling(m_waitlist));
    }
    return m_waitlist;
}

PractitionerDayAgenda *FrontDesk::ensurePractitionerDay()
{
    if (!m_day) {
        m_day = new PractitionerDayAgenda(m_session);
        connect(m_day, &PractitionerDayAgenda::daySheetRequested, this, &FrontDesk::printDaySheet);
        m_dayDock->setWidget(scrolling(m_day));
        m_day->showDay(m_day->practitionerId(), m_schedule.date());
    }
    return m_day;
}

void FrontDesk::printDaySheet(qint64 practitionerId, QDate date)
{
    HandoutPrinter(m_session, m_prompter, &m_window)
        .printDaySheet(date, practitionerId > 0 ? std::optional<qint64>(practitionerId) : std::nullopt);
}

bool FrontDesk::printFocusedPractitionerDay()
{
    if (!m_day || !m_day->hasFocusWithin() || m_day->practitionerId() <= 0)
        return false;
    printDaySheet(m_day->practitionerId(), m_day->date());
    return true;
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
    dialog->setPrefill(onScheduleShown(prefill));
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
    auto *dialog = new BookingDialog(m_session, m_prompter, &m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    connect(dialog, &BookingDialog::booked, this,
            [this](qint64 appointmentId) { showOnSchedule(appointmentId, tr("Booked")); });
    connect(dialog, &BookingDialog::changed, this, [this, dialog](qint64 appointmentId) {
        showOnSchedule(appointmentId, tr("Saved"));
        if (dialog->freedSlot())
            offerFreedSlot(*dialog->freedSlot());
    });
    m_booking = dialog;
    return dialog;
}

void FrontDesk::findSlot()
{
    auto *dialog = new FindSlotDialog(m_session, &m_window);
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

void FrontDesk::showDock(QDockWidget *dock)
{
    const bool wasHidden = dock->isHidden();
    if (wasHidden)
        emit panelOpening();
    dock->show();
    dock->raise();
    // Opened for the first time: wide enough for its content, within the panel limits, once the panel is laid out.
    // Later the person's own splitter position stays.
    if (wasHidden && !dock->property("sized").toBool()) {
        dock->setProperty("sized", true);
        QMetaObject::invokeMethod(
            dock,
            [this, dock = QPointer<QDockWidget>(dock)] {
                if (!dock || dock->isHidden())
                    return;
                const auto *scroll = qobject_cast<const QScrollArea *>(dock->widget());
                const QWidget *panel = scroll ? scroll->widget() : dock->widget();
                const int scrollBar = dock->style()->pixelMetric(QStyle::PM_ScrollBarExtent);
                const int contentWidth = panel ? panel->minimumSizeHint().width() + scrollBar + 4 : 0;
                const int width =
                    std::clamp(std::max(contentWidth, panelOpeningWidth), panelMinimumWidth, panelMaximumWidth);
                if (dock->width() < width)
                    m_window.resizeDocks({dock.data()}, {width}, Qt::Horizontal);
            },
            Qt::QueuedConnection);
    }
}

void FrontDesk::showWaitlist()
{
    showDock(m_waitlistDock);
    ensureWaitlist();
}

void FrontDesk::showPractitionerDay()
{
    // The same key closes the panel again.
    if (m_dayDock->isVisible() && !m_dayDock->visibleRegion().isEmpty()) {
        closePractitionerDay();
        return;
    }
    showDock(m_dayDock);
    PractitionerDayAgenda *day = ensurePractitionerDay();
    day->showDay(day->practitionerId(), m_schedule.date());
    day->view()->setFocus(Qt::ShortcutFocusReason);
}

void FrontDesk::closePractitionerDay()
{
    m_dayDock->hide();
    m_schedule.scheduleView()->setFocus(Qt::ShortcutFocusReason);
}

void FrontDesk::offerFreedSlot(const FreedSlot &slot)
{
    WaitlistPanel *waitlist = ensureWaitlist();
    waitlist->offerFreedSlot(slot);
    if (!waitlist->offers().isEmpty())
        showDock(m_waitlistDock);
}

} // namespace dermdesk::ui
