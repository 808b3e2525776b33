#include "ui/shell/MainWindow.h"

#include "calendar/ClinicTime.h"
#include "clinic/ClinicRepository.h"
#include "patients/PatientRepository.h"
#include "session/ClinicSession.h"
#include "storage/Database.h"
#include "ui/frontdesk/BookingDialog.h"
#include "ui/frontdesk/BookingPrefill.h"
#include "ui/frontdesk/FrontDesk.h"
#include "ui/handouts/EducationArea.h"
#include "ui/handouts/EducationTemplatesDialog.h"
#include "ui/handouts/HandoutHistory.h"
#include "ui/handouts/HandoutPrinter.h"
#include "ui/patientfile/PatientImportDialog.h"
#include "ui/patientfile/PatientPage.h"
#include "ui/patientfile/PatientsArea.h"
#include "ui/plans/PlansArea.h"
#include "ui/schedule/ScheduleArea.h"
#include "ui/schedule/ScheduleView.h"
#include "ui/settings/ClinicSettingsDialog.h"
#include "ui/shell/AboutDialog.h"
#include "ui/shell/BackupDialog.h"
#include "ui/shell/ClinicOpener.h"
#include "ui/shell/ConnectionBanner.h"
#include "ui/shell/DamageBanner.h"
#include "ui/shell/RecentClinics.h"
#include "ui/widgets/Icons.h"
#include "ui/widgets/Prompter.h"
#include "ui/widgets/Theme.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QScreen>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QTextBrowser>
#include <QToolBar>
#include <QUndoGroup>
#include <QUndoStack>

namespace dermdesk::ui {

namespace {

const QString settingsGroup = QStringLiteral("MainWindow");

int index(MainWindow::Area area)
{
    return static_cast<int>(area);
}

} // namespace

MainWindow::MainWindow(Prompter &prompter, const Clock &clock, QWidget *parent)
    : QMainWindow(parent)
    , m_prompter(prompter)
    , m_clock(clock)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("DermDesk"));
    setWindowIcon(icons::application());
    createActions();
    createMenus();
    createToolBar();
    createCentralWidget();
    createStatusBar();
    restoreWindowState();
    updateAreaActions();
}

MainWindow::~MainWindow()
{
    // The areas hold references into the session: they go first.
    discardAreas();
}

void MainWindow::restoreWindowState()
{
    QSettings settings;
    settings.beginGroup(settingsGroup);
    if (!restoreGeometry(settings.value(QStringLiteral("geometry")).toByteArray())) {
        const QRect available = screen() ? screen()->availableGeometry() : QRect(0, 0, 1280, 860);
        // The screen's width up to 1440 pixels, so a side panel beside the schedule fits on a small screen.
        resize(qMin(1440, available.width()), qMin(900, available.height() * 9 / 10));
    }
    restoreState(settings.value(QStringLiteral("state")).toByteArray());
}

void MainWindow::saveWindowState() const
{
    QSettings settings;
    settings.beginGroup(settingsGroup);
    settings.setValue(QStringLiteral("geometry"), saveGeometry());
    settings.setValue(QStringLiteral("state"), saveState());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveWindowState();
    QMainWindow::closeEvent(event);
}

void MainWindow::setDatabase(std::unique_ptr<Database> database)
{
    setSession(database ? ClinicSession::adopt(std::move(database), m_clock) : nullptr);
}

void MainWindow::setSession(std::unique_ptr<ClinicSession> session)
{
    discardAreas();
    m_damageBanner->watch(nullptr);
    m_connectionBanner->watch(nullptr);
    m_session = std::move(session);
    if (m_session)
        connect(m_session.get(), &ClinicSession::changed, this, &MainWindow::followChanges);
    m_damageBanner->watch(m_session.get());
    m_connectionBanner->watch(m_session.get());
    readClinicSettings();
    const QString path = m_session ? ClinicOpener::shownLocation(m_session->location()) : QString();
    m_pathLabel->setText(path);
    m_pathLabel->setToolTip(m_session ? tr("Clinic database in use: %1").arg(path) : QString());
    m_backUpAction->setEnabled(m_session != nullptr);
    if (m_session)
        RecentClinics::remember(m_session->location());
    showArea(currentArea(), false);
}

void MainWindow::readClinicSettings()
{
    m_clinicName.clear();
    m_zone = QTimeZone::utc();
    if (m_session) {
        const auto settings = m_session->service<ClinicRepository>().settings();
        if (settings && settings.value())
            m_clinicName = settings.value()->name;
        m_zone = m_session->zone();
    }
    QString title = m_clinicName.isEmpty() ? tr("DermDesk") : tr("%1 — DermDesk").arg(m_clinicName);
    if (m_session && m_session->database().health() == Database::Health::Damaged)
        title = tr("%1 (read-only: damaged file)").arg(title);
    setWindowTitle(title);
    m_clinicLabel->setText(m_clinicName);
}

void MainWindow::followChanges(const ChangeSet &changes)
{
    if (!changes.touchesSetup())
        return;
    const QTimeZone before = m_zone;
    readClinicSettings();
    if (m_zone == before)
        return;
    // Every area shows local times: build them again in the new zone, once the session's signal has reached
    // every view.
    QMetaObject::invokeMethod(
        this,
        [this] {
            const Area area = currentArea();
            discardAreas();
            showArea(area, false);
        },
        Qt::QueuedConnection);
}

void MainWindow::discardAreas()
{
    delete m_frontDesk;
    delete m_schedule;
    delete m_patients;
    delete m_plans;
}

ScheduleArea *MainWindow::scheduleArea() const
{
    return m_schedule;
}

PatientsArea *MainWindow::patientsArea() const
{
    return m_patients;
}

PlansArea *MainWindow::plansArea() const
{
    return m_plans;
}

FrontDesk *MainWindow::frontDesk() const
{
    return m_frontDesk;
}

EducationArea *MainWindow::educationArea() const
{
    return m_education;
}

MainWindow::Area MainWindow::currentArea() const
{
    return Area(m_stack->currentIndex());
}

void MainWindow::ensureArea(Area area)
{
    QWidget *page = m_pages.at(index(area));
    QWidget *built = nullptr;
    switch (area) {
    case Area::Schedule:
        if (!m_schedule && m_session) {
            built = m_schedule = new ScheduleArea(*m_session, m_prompter, page);
            m_frontDesk = new FrontDesk(*m_session, m_prompter, *m_schedule, *this);
            connect(m_frontDesk, &FrontDesk::panelOpening, this, [this] { fitNavigation(true); });
            for (QDockWidget *dock : {m_frontDesk->waitlistDock(), m_frontDesk->practitionerDayDock()})
                connect(dock, &QDockWidget::visibilityChanged, this, [this] { fitNavigation(false); });
            connect(m_schedule, &ScheduleArea::openPatientRequested, this, &MainWindow::openPatient);
            connect(m_schedule, &ScheduleArea::statusNote, this,
                    [this](const QString &text) { statusBar()->showMessage(text, 10000); });
            m_schedule->leaveUndoKeysToWindow();
            m_undoGroup->addStack(m_schedule->undoStack());
        }
        break;
    case Area::Patients:
        if (!m_patients && m_session) {
            built = m_patients = new PatientsArea(*m_session, m_prompter, page);
            connect(m_patients, &PatientsArea::bookRequested, this, &MainWindow::bookForPatient);
            connect(m_patients, &PatientsArea::newPlanRequested, this, [this](qint64 patientId) {
                showArea(Area::Plans);
                if (m_plans)
                    m_plans->newPlan(patientId);
            });
            connect(m_patients, &PatientsArea::openAppointmentRequested, this, &MainWindow::showAppointment);
            PatientPage *patientPage = m_patients->patientPage();
            auto *handouts = HandoutHistory::attach(patientPage->handoutsSection(), *m_session,
                                                    [patientPage]() { return patientPage->patientId(); });
            connect(handouts, &HandoutHistory::printRequested, this, &MainWindow::printHandout);
        }
        break;
    case Area::Plans:
        if (!m_plans && m_session)
            built = m_plans = new PlansArea(*m_session, m_prompter, page);
        break;
    case Area::Education:
        if (!m_education)
            built = m_education = new EducationArea(page);
        break;
    }
    if (built)
        page->layout()->addWidget(built);
}

void MainWindow::showArea(Area area, bool focus)
{
    ensureArea(area);
    m_stack->setCurrentIndex(index(area));
    {
        const QSignalBlocker blocker(m_navigation);
        m_navigation->setCurrentRow(index(area));
    }
    updateAreaActions();
    // Edit ▸ Undo undoes schedule changes only where the schedule is in sight.
    m_undoGroup->setActiveStack(area == Area::Schedule && m_schedule ? m_schedule->undoStack() : nullptr);
    if (!focus)
        return;
    switch (area) {
    case Area::Schedule:
        if (m_schedule)
            m_schedule->scheduleView()->setFocus(Qt::ShortcutFocusReason);
        break;
    case Area::Patients:
        if (m_patients)
            m_patients->focusSearch();
        break;
    case Area::Plans:
        if (m_plans)
            m_plans->planView()->setFocus(Qt::ShortcutFocusReason);
        break;
    case Area::Education:
        if (m_education)
            m_education->browser()->setFocus(Qt::ShortcutFocusReason);
        break;
    }
}

void MainWindow::updateAreaActions()
{
    const Area area = currentArea();
    m_areaActions.at(index(area))->setChecked(true);
    const bool onSchedule = area == Area::Schedule && m_schedule;
    m_previousDayAction->setEnabled(onSchedule);
    m_nextDayAction->setEnabled(onSchedule);
    const bool hasDatabase = m_session != nullptr;
    m_todayAction->setEnabled(hasDatabase);
    m_findAction->setEnabled(hasDatabase);
    for (QAction *action : {m_bookAction, m_findSlotAction, m_waitlistAction, m_practitionerDayAction, m_settingsAction,
                            m_handoutAction, m_cardAction, m_daySheetAction, m_educationDocumentsAction})
        action->setEnabled(hasDatabase);
}

void MainWindow::findPatient()
{
    showArea(Area::Patients);
}

void MainWindow::showToday()
{
    showArea(Area::Schedule, false);
    if (m_schedule)
        m_schedule->showToday();
}

void MainWindow::showPreviousDay()
{
    if (m_schedule && currentArea() == Area::Schedule)
        m_schedule->showPreviousDay();
}

void MainWindow::showNextDay()
{
    if (m_schedule && currentArea() == Area::Schedule)
        m_schedule->showNextDay();
}

void MainWindow::bookAppointment()
{
    showArea(Area::Schedule, false);
    if (m_frontDesk)
        m_frontDesk->book();
}

void MainWindow::findSlot()
{
    ensureArea(Area::Schedule);
    if (m_frontDesk)
        m_frontDesk->findSlot();
}

void MainWindow::showWaitlist()
{
    showArea(Area::Schedule, false);
    if (m_frontDesk)
        m_frontDesk->showWaitlist();
}

void MainWindow::showPractitionerDay()
{
    showArea(Area::Schedule, false);
    if (m_frontDesk)
        m_frontDesk->showPractitionerDay();
}

void MainWindow::openClinicSettings()
{
    if (!m_session)
        return;
    auto *dialog = new ClinicSettingsDialog(*m_session, m_prompter, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::openPatient(qint64 patientId)
{
    showArea(Area::Patients, false);
    if (m_patients)
        m_patients->showPatient(patientId);
}

void MainWindow::bookForPatient(qint64 patientId)
{
    ensureArea(Area::Schedule);
    if (!m_frontDesk || !m_session)
        return;
    const auto patient = m_session->service<PatientRepository>().find(patientId);
    if (!patient) {
        m_prompter.showError(this, tr("Book an appointment"), patient.error());
        return;
    }
    BookingPrefill prefill;
    PatientSummary summary;
    summary.id = patient.value().id;
    summary.givenName = patient.value().givenName;
    summary.familyName = patient.value().familyName;
    summary.preferredName = patient.value().preferredName;
    summary.birthDate = patient.value().birthDate;
    summary.phone = patient.value().phone;
    summary.email = patient.value().email;
    prefill.patient = summary;
    m_frontDesk->bookWith(prefill);
}

void MainWindow::showAppointment(qint64 appointmentId, qint64 startsAtUtc)
{
    showArea(Area::Schedule);
    if (!m_schedule)
        return;
    m_schedule->setDate(ClinicTime(m_zone).localDate(startsAtUtc));
    m_schedule->scheduleView()->selectAppointment(appointmentId);
}

QString MainWindow::databaseFolder() const
{
    return m_session && !m_session->database().isInMemory() ? QFileInfo(m_session->location()).absolutePath()
                                                            : QDir::homePath();
}

void MainWindow::newDatabase()
{
    const QString path = m_prompter.chooseNewDatabase(this, databaseFolder());
    if (path.isEmpty())
        return;
    if (QFileInfo::exists(path)) {
        m_prompter.showError(this, tr("New clinic database"),
                             Error::invalidInput(QStringLiteral("database"),
                                                 tr("%1 already exists. Choose a new file name, or open the file "
                                                    "with File › Open.")
                                                     .arg(QDir::toNativeSeparators(path))));
        return;
    }
    if (auto session = ClinicOpener(m_prompter, m_clock).open(path, this, ClinicOpener::Context::Replacing))
        setSession(std::move(session));
}

void MainWindow::openDatabase()
{
    const QString path = m_prompter.chooseDatabaseToOpen(this, databaseFolder());
    if (path.isEmpty())
        return;
    if (auto session = ClinicOpener(m_prompter, m_clock).open(path, this, ClinicOpener::Context::Replacing))
        setSession(std::move(session));
}

void MainWindow::openDemoClinic()
{
    if (auto session = ClinicOpener(m_prompter, m_clock).openDemo(this, ClinicOpener::Context::Replacing))
        setSession(std::move(session));
}

void MainWindow::backUp()
{
    if (!m_session)
        return;
    const QString base = QFileInfo(m_session->location()).completeBaseName();
    const QString suggestion =
        QDir(databaseFolder())
            .filePath(
                QStringLiteral("%1-%2.dermdesk")
                    .arg(base, m_session->clock().now().toTimeZone(m_zone).toString(QStringLiteral("yyyy-MM-dd"))));
    const QString target = m_prompter.chooseBackupFile(this, suggestion);
    if (target.isEmpty())
        return;
    auto *dialog = new BackupDialog(*m_session, target, m_prompter, this);
    connect(dialog, &BackupDialog::backedUp, this, [this](const QString &file) {
        statusBar()->showMessage(tr("Backed up to %1").arg(QDir::toNativeSeparators(file)), 8000);
    });
    connect(dialog, &BackupDialog::cancelledBackup, this,
            [this] { statusBar()->showMessage(tr("Backup cancelled; no file was written."), 8000); });
    dialog->start();
}

void MainWindow::about()
{
    auto *dialog = new AboutDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::printHandout(qint64 patientId)
{
    if (!m_session)
        return;
    HandoutPrinter(*m_session, m_prompter, this).printHandout(patientId);
}

void MainWindow::printAppointmentCard(qint64 appointmentId)
{
    if (m_session)
        HandoutPrinter(*m_session, m_prompter, this).printAppointmentCard(appointmentId);
}

void MainWindow::printCurrentHandout()
{
    const qint64 patientId = m_patients ? m_patients->currentPatientId() : 0;
    if (patientId <= 0) {
        m_prompter.showError(this, tr("Print Handout"),
                             Error::invalidInput(QStringLiteral("patient"),
                                                 tr("Open a patient first (Patients, Ctrl+F), then print their "
                                                    "handout.")));
        return;
    }
    printHandout(patientId);
}

void MainWindow::printSelectedCard()
{
    const qint64 appointmentId = m_schedule ? m_schedule->scheduleView()->selectedAppointment() : 0;
    if (appointmentId <= 0) {
        m_prompter.showError(this, tr("Print Appointment Card"),
                             Error::invalidInput(QStringLiteral("appointment"),
                                                 tr("Select an appointment on the schedule first.")));
        return;
    }
    printAppointmentCard(appointmentId);
}

void MainWindow::printDaySheet()
{
    if (!m_session)
        return;
    // From the practitioner's panel, her own sheet; elsewhere everyone's.
    if (m_frontDesk && m_frontDesk->printFocusedPractitionerDay())
        return;
    const QDate day =
        m_schedule ? m_schedule->date() : ClinicTime(m_zone).localDate(m_session->clock().now().toSecsSinceEpoch());
    HandoutPrinter(*m_session, m_prompter, this).printDaySheet(day);
}

void MainWindow::editEducationDocuments()
{
    if (!m_session)
        return;
    EducationTemplatesDialog dialog(*m_session, m_prompter, this);
    dialog.exec();
}

} // namespace dermdesk::ui
