#pragma once

#include "common/Clock.h"

#include <QMainWindow>
#include <QPointer>
#include <QTimeZone>

#include <array>
#include <memory>

class QAction;
class QActionGroup;
class QLabel;
class QListWidget;
class QMenu;
class QStackedWidget;
class QUndoGroup;

namespace dermdesk {
class ClinicSession;
class Database;
struct ChangeSet;
} // namespace dermdesk

namespace dermdesk::ui {

class EducationArea;
class FrontDesk;
class PatientsArea;
class PlansArea;
class ConnectionBanner;
class DamageBanner;
class Prompter;
class ScheduleArea;

// The main window: a thin shell of menus, toolbar, navigation and status bar around the four
// areas (schedule, patients, treatment plans, education). Each area is created the first time it
// is shown; the window opens on the schedule, the only area built at start-up. Owns the open
// clinic's session and follows it: the title, the clinic's name and zone show what the set-up holds now,
// whoever saved it (this window, another one, dermdesk-cli). Window geometry and toolbar state are kept in
// QSettings (group "MainWindow"); every clinic it shows joins File ▸ Open Recent (RecentClinics, never a password).
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    enum class Area {
        Schedule,
        Patients,
        Plans,
        Education
    };
    Q_ENUM(Area)
    static constexpr int areaCount = 4;

    // `prompter` and `clock` must outlive the window.
    explicit MainWindow(Prompter &prompter, const Clock &clock = Clock::system(), QWidget *parent = nullptr);
    ~MainWindow() override;

    // Shows the clinic of `session` (opened and set up, e.g. by ClinicOpener) and takes it over;
    // the previous clinic's areas are discarded and its session closed.
    void setSession(std::unique_ptr<ClinicSession> session);
    // The same for a database opened already, in a session of its own (ClinicSession::adopt).
    void setDatabase(std::unique_ptr<Database> database);
    // The open clinic's session; null when no clinic is open.
    [[nodiscard]] ClinicSession *session() const { return m_session.get(); }
    [[nodiscard]] QString clinicName() const { return m_clinicName; }
    // The strip that says the open database is damaged and read-only (hidden while it is sound).
    [[nodiscard]] DamageBanner *damageBanner() const { return m_damageBanner; }
    // The strip that says the clinic server cannot be reached (hidden while connected, and for a clinic file).
    [[nodiscard]] ConnectionBanner *connectionBanner() const { return m_connectionBanner; }

    [[nodiscard]] Area currentArea() const;
    // The areas built so far; null until first shown (the schedule exists once a database is set).
    [[nodiscard]] ScheduleArea *scheduleArea() const;
    [[nodiscard]] PatientsArea *patientsArea() const;
    [[nodiscard]] PlansArea *plansArea() const;
    [[nodiscard]] EducationArea *educationArea() const;
    // The booking form, find a slot, waitlist and settings around the schedule; null without a clinic.
    [[nodiscard]] FrontDesk *frontDesk() const;

public slots:
    // Switches to `area`, building it on first use; with `focus`, its main control takes the focus.
    void showArea(dermdesk::ui::MainWindow::Area area, bool focus = true);
    void findPatient();
    void showToday();
    void showPreviousDay();
    void showNextDay();
    void bookAppointment();
    void findSlot();
    void showWaitlist();
    void showPractitionerDay();
    void openClinicSettings();
    // Patient documents: the handout dialog for a patient, the selected appointment's card,
    // the shown day's day sheet, the clinic's education documents.
    void printHandout(qint64 patientId);
    void printAppointmentCard(qint64 appointmentId);
    void printCurrentHandout();
    void printSelectedCard();
    void printDaySheet();
    void editEducationDocuments();
    // Shows the patient in the Patients area.
    void openPatient(qint64 patientId);
    // Opens the booking form for the patient (Ctrl+B or "Book…" in Patients).
    void bookForPatient(qint64 patientId);
    // Shows the appointment selected on its day in the schedule.
    void showAppointment(qint64 appointmentId, qint64 startsAtUtc);
    void newDatabase();
    void openDatabase();
    void openDemoClinic();
    // File ▸ Open Clinic Server…: the server dialog (Prompter::askClinicServer), then the clinic it names.
    void openClinicServer();
    // File ▸ Open Recent: the clinic at `location` (a file path or a server address without password).
    void openRecentClinic(const QString &location);
    void backUp();
    void about();
    // Help ▸ Keyboard Shortcuts: every shortcut of the window's actions and of the schedule's keys.
    void showKeyboardShortcuts();
    // Help ▸ First Day at the Desk: booking, finding a patient, checking in, printing.
    void showFirstDayGuide();

protected:
    void closeEvent(QCloseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void createActions();
    void createMenus();
    void createToolBar();
    // Lists RecentClinics in File ▸ Open Recent (the current clinic left out).
    void fillRecentMenu();
    void createCentralWidget();
    void createStatusBar();
    // The sidebar with names, or with icons only while a side panel is open on a narrow window.
    // `panelOpening`: a side panel is about to be shown (the room is made before the window would grow).
    void fitNavigation(bool panelOpening = false);
    void restoreWindowState();
    void saveWindowState() const;
    void ensureArea(Area area);
    void discardAreas();
    void updateAreaActions();
    void readClinicSettings();
    // Follows the session: the set-up read again when it changed; the areas built again in a new time zone.
    void followChanges(const dermdesk::ChangeSet &changes);
    [[nodiscard]] QString databaseFolder() const;

    Prompter &m_prompter;
    const Clock &m_clock;
    std::unique_ptr<ClinicSession> m_session;
    QString m_clinicName;
    QTimeZone m_zone;

    QListWidget *m_navigation = nullptr;
    QStackedWidget *m_stack = nullptr;
    std::array<QWidget *, areaCount> m_pages{};
    QPointer<ScheduleArea> m_schedule;
    QPointer<PatientsArea> m_patients;
    QPointer<PlansArea> m_plans;
    QPointer<EducationArea> m_education;
    QPointer<FrontDesk> m_frontDesk;

    DamageBanner *m_damageBanner = nullptr;
    ConnectionBanner *m_connectionBanner = nullptr;
    QLabel *m_clinicLabel = nullptr;
    QLabel *m_pathLabel = nullptr;

    QAction *m_newAction = nullptr;
    QAction *m_openAction = nullptr;
    QAction *m_openDemoAction = nullptr;
    QAction *m_openServerAction = nullptr;
    QMenu *m_recentMenu = nullptr;
    QAction *m_backUpAction = nullptr;
    QAction *m_quitAction = nullptr;
    std::array<QAction *, areaCount> m_areaActions{};
    QActionGroup *m_areaGroup = nullptr;
    QAction *m_todayAction = nullptr;
    QAction *m_previousDayAction = nullptr;
    QAction *m_nextDayAction = nullptr;
    QAction *m_findAction = nullptr;
    QAction *m_bookAction = nullptr;
    QAction *m_findSlotAction = nullptr;
    QAction *m_waitlistAction = nullptr;
    QAction *m_practitionerDayAction = nullptr;
    QAction *m_settingsAction = nullptr;
    QAction *m_handoutAction = nullptr;
    QAction *m_cardAction = nullptr;
    QAction *m_daySheetAction = nullptr;
    QAction *m_educationDocumentsAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QAction *m_shortcutsAction = nullptr;
    QAction *m_firstDayAction = nullptr;
    // Edit ▸ Undo / Redo act on the schedule's undo stack while the schedule is shown.
    QUndoGroup *m_undoGroup = nullptr;
    QAction *m_undoAction = nullptr;
    QAction *m_redoAction = nullptr;
};

} // namespace dermdesk::ui
