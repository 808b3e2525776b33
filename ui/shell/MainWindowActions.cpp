#include "ui/shell/MainWindow.h"

#include "storage/Database.h"
#include "ui/frontdesk/FrontDesk.h"
#include "ui/patientfile/PatientImportDialog.h"
#include "ui/patientfile/PatientsArea.h"
#include "ui/schedule/ScheduleArea.h"
#include "ui/widgets/Icons.h"

#include <QAction>
#include <QActionGroup>
#include <QMenuBar>
#include <QToolBar>
#include <QUndoGroup>

// The main window's commands: its actions with their shortcuts, the menus and the toolbar.
// (The window, its areas and the slots the actions call are in MainWindow.cpp.)

namespace dermdesk::ui {

void MainWindow::createActions()
{
    m_newAction = new QAction(tr("&New Clinic Database…"), this);
    // Ctrl+N books an appointment: the front desk does that all day, and a new clinic file is rare.
    m_newAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    connect(m_newAction, &QAction::triggered, this, &MainWindow::newDatabase);

    m_openAction = new QAction(icons::open(), tr("&Open…"), this);
    m_openAction->setShortcut(QKeySequence::Open);
    m_openAction->setToolTip(tr("Open another clinic database (Ctrl+O)"));
    connect(m_openAction, &QAction::triggered, this, &MainWindow::openDatabase);

    m_openServerAction = new QAction(tr("Open Clinic &Server\u2026"), this);
    m_openServerAction->setObjectName(QStringLiteral("openClinicServerAction"));
    m_openServerAction->setToolTip(tr("Open a clinic shared by several desks on a PostgreSQL server"));
    connect(m_openServerAction, &QAction::triggered, this, &MainWindow::openClinicServer);

    m_openDemoAction = new QAction(tr("Open &Demo Clinic"), this);
    connect(m_openDemoAction, &QAction::triggered, this, &MainWindow::openDemoClinic);

    m_backUpAction = new QAction(icons::backUp(), tr("&Back Up…"), this);
    m_backUpAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B));
    m_backUpAction->setToolTip(tr("Save a copy of the clinic database (Ctrl+Shift+B)"));
    connect(m_backUpAction, &QAction::triggered, this, &MainWindow::backUp);

    m_quitAction = new QAction(tr("&Quit"), this);
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &MainWindow::close);

    m_areaGroup = new QActionGroup(this);
    const std::array<QString, areaCount> names = {tr("&Schedule"), tr("&Patients"), tr("&Treatment Plans"),
                                                  tr("&Education")};
    const std::array<QIcon, areaCount> areaIcons = {icons::schedule(), icons::patients(), icons::plans(),
                                                    icons::education()};
    for (int i = 0; i < areaCount; ++i) {
        auto *action = new QAction(areaIcons.at(i), names.at(i), this);
        action->setCheckable(true);
        action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
        m_areaGroup->addAction(action);
        connect(action, &QAction::triggered, this, [this, i] { showArea(Area(i)); });
        m_areaActions.at(i) = action;
    }

    m_todayAction = new QAction(icons::today(), tr("To&day"), this);
    m_todayAction->setShortcuts({QKeySequence(Qt::Key_T), QKeySequence(Qt::CTRL | Qt::Key_T)});
    m_todayAction->setToolTip(tr("Show today's schedule (T)"));
    connect(m_todayAction, &QAction::triggered, this, &MainWindow::showToday);

    m_previousDayAction = new QAction(icons::previous(), tr("P&revious Day"), this);
    m_previousDayAction->setShortcut(QKeySequence(Qt::Key_PageUp));
    connect(m_previousDayAction, &QAction::triggered, this, &MainWindow::showPreviousDay);

    m_nextDayAction = new QAction(icons::next(), tr("Ne&xt Day"), this);
    m_nextDayAction->setShortcut(QKeySequence(Qt::Key_PageDown));
    connect(m_nextDayAction, &QAction::triggered, this, &MainWindow::showNextDay);

    m_findAction = new QAction(icons::find(), tr("&Find Patient"), this);
    m_findAction->setShortcut(QKeySequence::Find);
    m_findAction->setToolTip(tr("Find a patient by name (Ctrl+F)"));
    connect(m_findAction, &QAction::triggered, this, &MainWindow::findPatient);

    m_bookAction = new QAction(icons::schedule(), tr("&Book Appointment…"), this);
    m_bookAction->setShortcut(QKeySequence::New);
    m_bookAction->setToolTip(tr("Book an appointment in the selected slot (Ctrl+N)"));
    connect(m_bookAction, &QAction::triggered, this, &MainWindow::bookAppointment);

    m_findSlotAction = new QAction(icons::find(), tr("Find a &Slot…"), this);
    m_findSlotAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    m_findSlotAction->setToolTip(tr("Find the next free times for an appointment type (Ctrl+Shift+F)"));
    connect(m_findSlotAction, &QAction::triggered, this, &MainWindow::findSlot);

    m_waitlistAction = new QAction(tr("&Waitlist"), this);
    m_waitlistAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_W));
    connect(m_waitlistAction, &QAction::triggered, this, &MainWindow::showWaitlist);

    m_practitionerDayAction = new QAction(tr("&Practitioner's Day"), this);
    m_practitionerDayAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    connect(m_practitionerDayAction, &QAction::triggered, this, &MainWindow::showPractitionerDay);

    m_settingsAction = new QAction(tr("Clinic Se&ttings…"), this);
    m_settingsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    m_settingsAction->setMenuRole(QAction::PreferencesRole);
    connect(m_settingsAction, &QAction::triggered, this, &MainWindow::openClinicSettings);

    m_handoutAction = new QAction(tr("Print &Handout…"), this);
    m_handoutAction->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_P));
    m_handoutAction->setToolTip(tr("Print a handout for the patient shown (Ctrl+Alt+P)"));
    connect(m_handoutAction, &QAction::triggered, this, &MainWindow::printCurrentHandout);
    m_cardAction = new QAction(tr("Print Appointment &Card…"), this);
    m_cardAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    connect(m_cardAction, &QAction::triggered, this, &MainWindow::printSelectedCard);
    m_daySheetAction = new QAction(tr("Print &Day Sheet…"), this);
    m_daySheetAction->setShortcut(QKeySequence::Print);
    m_daySheetAction->setStatusTip(tr("Print the day sheet of the day shown: in the practitioner's panel, hers"));
    connect(m_daySheetAction, &QAction::triggered, this, &MainWindow::printDaySheet);
    m_educationDocumentsAction = new QAction(tr("&Education Documents…"), this);
    connect(m_educationDocumentsAction, &QAction::triggered, this, &MainWindow::editEducationDocuments);

    m_undoGroup = new QUndoGroup(this);
    // "Undo Check in Quentin Marlowe": the text follows the command the stack would undo.
    m_undoAction = m_undoGroup->createUndoAction(this, tr("&Undo"));
    m_undoAction->setObjectName(QStringLiteral("editUndoAction"));
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_redoAction = m_undoGroup->createRedoAction(this, tr("&Redo"));
    m_redoAction->setObjectName(QStringLiteral("editRedoAction"));
    m_redoAction->setShortcuts(QKeySequence::Redo);

    m_shortcutsAction = new QAction(tr("&Keyboard Shortcuts"), this);
    m_shortcutsAction->setObjectName(QStringLiteral("keyboardShortcutsAction"));
    m_shortcutsAction->setShortcut(QKeySequence(Qt::Key_F1));
    connect(m_shortcutsAction, &QAction::triggered, this, &MainWindow::showKeyboardShortcuts);
    m_firstDayAction = new QAction(tr("&First Day at the Desk"), this);
    m_firstDayAction->setObjectName(QStringLiteral("firstDayAction"));
    connect(m_firstDayAction, &QAction::triggered, this, &MainWindow::showFirstDayGuide);

    m_aboutAction = new QAction(tr("&About DermDesk"), this);
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::about);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_newAction);
    file->addAction(m_openAction);
    file->addAction(m_openServerAction);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    m_recentMenu->setObjectName(QStringLiteral("recentClinicsMenu"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::fillRecentMenu);
    file->addAction(m_openDemoAction);
    file->addSeparator();
    file->addAction(m_backUpAction);
    QAction *importPatients = file->addAction(tr("&Import Patients\u2026"));
    importPatients->setObjectName(QStringLiteral("importPatientsAction"));
    importPatients->setToolTip(tr("Add patients from a CSV file exported by another system"));
    connect(importPatients, &QAction::triggered, this, [this] {
        if (!m_session)
            return;
        auto *dialog = new PatientImportDialog(*m_session, m_prompter, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->setObjectName(QStringLiteral("editMenu"));
    edit->addAction(m_undoAction);
    edit->addAction(m_redoAction);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    for (QAction *action : m_areaActions)
        view->addAction(action);
    view->addSeparator();
    view->addAction(m_todayAction);
    view->addAction(m_previousDayAction);
    view->addAction(m_nextDayAction);
    view->addSeparator();
    view->addAction(m_findAction);

    QMenu *schedule = menuBar()->addMenu(tr("&Schedule"));
    schedule->addAction(m_bookAction);
    schedule->addAction(m_findSlotAction);
    schedule->addSeparator();
    schedule->addAction(m_waitlistAction);
    schedule->addAction(m_practitionerDayAction);
    schedule->addSeparator();
    schedule->addAction(m_daySheetAction);
    QAction *allDaySheet = schedule->addAction(tr("Print Day Sheet for A&ll Practitioners…"));
    allDaySheet->setObjectName(QStringLiteral("printAllDaySheetAction"));
    connect(allDaySheet, &QAction::triggered, this, [this] {
        if (m_frontDesk && m_schedule)
            m_frontDesk->printDaySheet(0, m_schedule->date());
    });
    schedule->addAction(m_cardAction);
    schedule->addAction(m_handoutAction);
    schedule->addSeparator();
    schedule->addAction(m_settingsAction);
    schedule->addAction(m_educationDocumentsAction);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->setObjectName(QStringLiteral("helpMenu"));
    help->addAction(m_firstDayAction);
    help->addAction(m_shortcutsAction);
    help->addSeparator();
    help->addAction(m_aboutAction);
}

void MainWindow::createToolBar()
{
    QToolBar *toolBar = addToolBar(tr("Main Toolbar"));
    toolBar->setObjectName(QStringLiteral("mainToolBar"));
    toolBar->setMovable(false);
    toolBar->setIconSize(QSize(20, 20));
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->addAction(m_todayAction);
    toolBar->addAction(m_findAction);
    toolBar->addSeparator();
    toolBar->addAction(m_bookAction);
    toolBar->addAction(m_findSlotAction);
    toolBar->addSeparator();
    toolBar->addAction(m_openAction);
    toolBar->addAction(m_backUpAction);
}

} // namespace dermdesk::ui
