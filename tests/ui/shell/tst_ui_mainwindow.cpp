#include "FakeClock.h"
#include "FileMode.h"
#include "Keyboard.h"
#include "ScheduleRows.h"
#include "ScriptedPrompter.h"
#include "TempDatabase.h"
#include "agenda/ScheduleModel.h"
#include "clinic/ClinicRepository.h"
#include "common/AppIdentity.h"
#include "demo/DemoClinicGenerator.h"
#include "patients/PatientListModel.h"
#include "session/ClinicSession.h"
#include "treatment/PlanListModel.h"
#include "ui/handouts/EducationArea.h"
#include "ui/patientfile/PatientsArea.h"
#include "ui/plans/PlansArea.h"
#include "ui/schedule/ScheduleArea.h"
#include "ui/schedule/ScheduleView.h"
#include "ui/settings/ClinicPage.h"
#include "ui/settings/ClinicSettingsDialog.h"
#include "ui/shell/AboutDialog.h"
#include "ui/shell/ClinicOpener.h"
#include "ui/shell/FirstDayGuide.h"
#include "ui/shell/KeyboardShortcutsDialog.h"
#include "ui/shell/MainWindow.h"

#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QSet>
#include <QSettings>
#include <QStatusBar>
#include <QTableView>
#include <QTextBrowser>
#include <QtTest>

using namespace dermdesk;
using test::newYork;
using ui::MainWindow;

namespace {

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

// The main window as the front desk uses it: today's schedule on opening, the areas a keystroke
// away, the patient search, the status bar, the remembered window.
class TestMainWindow : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::TempDatabase> m_temp;
    // Thursday 2026-11-26, 09:00 in New York.
    test::FakeClock m_clock{QDateTime(QDate(2026, 11, 26), QTime(14, 0), Qt::UTC)};
    test::ScriptedPrompter m_prompter;
    std::unique_ptr<MainWindow> m_window;

    void openWindow(std::unique_ptr<Database> database)
    {
        m_window = std::make_unique<MainWindow>(m_prompter, m_clock);
        m_window->setDatabase(std::move(database));
        m_window->show();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    }

    [[nodiscard]] QString labelText(const char *name) const
    {
        const auto *label = m_window->findChild<QLabel *>(QLatin1String(name));
        return label ? label->text() : QStringLiteral("<no %1>").arg(QLatin1String(name));
    }

    void press(int key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
    {
        QWidget *target = QApplication::focusWidget() ? QApplication::focusWidget() : m_window.get();
        QTest::keyClick(target, Qt::Key(key), modifiers);
    }

private slots:
    void initTestCase()
    {
        test::useUsualUmask();
        QLocale::setDefault(QLocale::c());
        setApplicationIdentity();
        QCoreApplication::setApplicationName(QStringLiteral("tst_ui_mainwindow"));
    }

    void init()
    {
        QSettings().clear();
        m_prompter = {};
        m_temp = std::make_unique<test::TempDatabase>();
        QVERIFY(m_temp->isValid());
        QVERIFY(m_temp->seedMinimalClinic());
        Database &db = m_temp->database();
        QVERIFY(test::insertAppointment(db, 2, newYork(2026, 11, 26, 11, 30), 45, QStringLiteral("arrived")));
        QVERIFY(test::insertAppointment(db, 1, newYork(2026, 11, 26, 9), 60, QStringLiteral("confirmed")));
        QVERIFY(test::insertAppointment(db, 1, newYork(2026, 11, 27, 10), 60));
        QVERIFY(test::insertPlan(db, 1, QStringLiteral("active"), 4));
        auto reopened = m_temp->reopen();
        QVERIFY(reopened.ok());
        openWindow(std::move(reopened).value());
    }

    void cleanup()
    {
        m_window.reset();
        m_temp.reset();
    }

    void opensOnTodaysSchedule()
    {
        QCOMPARE(m_window->currentArea(), MainWindow::Area::Schedule);
        ui::ScheduleArea *schedule = m_window->scheduleArea();
        QVERIFY(schedule);
        QCOMPARE(schedule->date(), QDate(2026, 11, 26));
        const ScheduleModel *model = schedule->model();
        QCOMPARE(model->rowCount(), 2);
        QCOMPARE(model->index(0, 0).data(ScheduleModel::StartsAtRole).toLongLong(), newYork(2026, 11, 26, 9));
        QCOMPARE(model->index(0, 0).data().toString(), QStringLiteral("Joanna Smith"));
        QCOMPARE(model->index(1, 0).data().toString(), QStringLiteral("Jürgen Müller"));
        QVERIFY(labelText("scheduleTitle").startsWith(QLatin1String("Today")));
        QVERIFY(schedule->placeholderText().isEmpty());
        // Nothing else is read before it is needed.
        QVERIFY(!m_window->patientsArea());
        QVERIFY(!m_window->plansArea());
        QVERIFY(!m_window->educationArea());
    }

    void statusBarShowsTheDatabaseAndClinic()
    {
        QCOMPARE(labelText("databasePathLabel"), QDir::toNativeSeparators(m_temp->path()));
        QCOMPARE(labelText("clinicNameLabel"), QStringLiteral("Test Clinic"));
        QVERIFY(m_window->windowTitle().contains(QLatin1String("Test Clinic")));
    }

    // The clinic's name saved in another window or by dermdesk-cli (another connection to the file) shows in the
    // title and the status bar without reopening the clinic.
    void settingsSavedElsewhereShowInTheWindow()
    {
        ClinicRepository elsewhere(m_temp->database(), m_clock);
        ClinicSettings settings = *elsewhere.settings().value();
        settings.name = QStringLiteral("Riverside Skin Clinic");
        QVERIFY(elsewhere.saveSettings(settings).ok());
        QTRY_COMPARE(labelText("clinicNameLabel"), QStringLiteral("Riverside Skin Clinic"));
        QVERIFY2(m_window->windowTitle().startsWith(QLatin1String("Riverside Skin Clinic")),
                 qPrintable(m_window->windowTitle()));
        QCOMPARE(m_window->clinicName(), QStringLiteral("Riverside Skin Clinic"));
    }

    // Clinic Settings (Ctrl+,) saves through the window's clinic: the title follows at once.
    void settingsSavedInTheDialogShowInTheWindow()
    {
        press(Qt::Key_Comma, Qt::ControlModifier);
        ui::ClinicSettingsDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = m_window->findChild<ui::ClinicSettingsDialog *>()) && dialog->isVisible());
        QLineEdit *name = dialog->clinicPage()->nameEdit();
        name->selectAll();
        QTest::keyClicks(name, QStringLiteral("Harbour Dermatology"));
        QVERIFY(dialog->clinicPage()->save());
        QTRY_COMPARE(labelText("clinicNameLabel"), QStringLiteral("Harbour Dermatology"));
        QVERIFY(m_window->windowTitle().startsWith(QLatin1String("Harbour Dermatology")));
        dialog->reject();
    }

    void shortcutsSwitchAreas()
    {
        auto *navigation = m_window->findChild<QListWidget *>(QStringLiteral("navigation"));
        QVERIFY(navigation);

        press(Qt::Key_2, Qt::ControlModifier);
        QCOMPARE(m_window->currentArea(), MainWindow::Area::Patients);
        QCOMPARE(navigation->currentRow(), 1);
        QVERIFY(m_window->patientsArea());
        QTRY_COMPARE(QApplication::focusWidget(), m_window->patientsArea()->searchEdit());

        QVERIFY(!m_window->plansArea());
        press(Qt::Key_3, Qt::ControlModifier);
        QCOMPARE(m_window->currentArea(), MainWindow::Area::Plans);
        QVERIFY(m_window->plansArea());
        QVERIFY(m_window->plansArea()->model()->isLoaded());
        QCOMPARE(m_window->plansArea()->model()->rowCount(), 1);

        press(Qt::Key_4, Qt::ControlModifier);
        QCOMPARE(m_window->currentArea(), MainWindow::Area::Education);
        QVERIFY(m_window->educationArea()->browser()->toPlainText().contains(
            QLatin1String("How Does Microneedling Work?")));

        press(Qt::Key_1, Qt::ControlModifier);
        QCOMPARE(m_window->currentArea(), MainWindow::Area::Schedule);
        QCOMPARE(navigation->currentRow(), 0);
    }

    [[nodiscard]] qint64 appointmentAt(int row) const
    {
        return m_window->scheduleArea()->model()->index(row, 0).data(ScheduleModel::AppointmentIdRole).toLongLong();
    }

    [[nodiscard]] AppointmentStatus statusOf(qint64 appointmentId) const
    {
        const ScheduleModel *model = m_window->scheduleArea()->model();
        return AppointmentStatus(model->index(model->rowOf(appointmentId), 0).data(ScheduleModel::StatusRole).toInt());
    }

    void editMenuUndoesAndRedoesAStatusChangeByName()
    {
        ui::ScheduleView *view = m_window->scheduleArea()->scheduleView();
        auto *edit = m_window->menuBar()->findChild<QMenu *>(QStringLiteral("editMenu"));
        auto *undo = m_window->findChild<QAction *>(QStringLiteral("editUndoAction"));
        auto *redo = m_window->findChild<QAction *>(QStringLiteral("editRedoAction"));
        QVERIFY(edit && undo && redo);
        QVERIFY(edit->actions().contains(undo) && edit->actions().contains(redo));
        QVERIFY(!undo->isEnabled());
        QCOMPARE(undo->shortcut(), QKeySequence(QKeySequence::Undo));

        // Joanna's 09:00 today is confirmed; she arrives.
        const qint64 joanna = appointmentAt(0);
        view->selectAppointment(joanna);
        view->setFocus();
        press(Qt::Key_I);
        QCOMPARE(statusOf(joanna), AppointmentStatus::Arrived);
        QVERIFY(m_prompter.confirmations.isEmpty());
        QVERIFY(undo->isEnabled());
        QCOMPARE(undo->text(), QStringLiteral("&Undo Check in Joanna Smith"));
        QVERIFY2(m_window->statusBar()->currentMessage().contains(QLatin1String("Check in Joanna Smith")),
                 qPrintable(m_window->statusBar()->currentMessage()));

        press(Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(statusOf(joanna), AppointmentStatus::Confirmed);
        QCOMPARE(redo->text(), QStringLiteral("&Redo Check in Joanna Smith"));
        QVERIFY(!undo->isEnabled());
        press(Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(statusOf(joanna), AppointmentStatus::Arrived);
        QCOMPARE(undo->text(), QStringLiteral("&Undo Check in Joanna Smith"));

        // Elsewhere the schedule's changes are not undone behind the person's back.
        press(Qt::Key_2, Qt::ControlModifier);
        QVERIFY(!undo->isEnabled());
        press(Qt::Key_1, Qt::ControlModifier);
        QVERIFY(undo->isEnabled());
        undo->trigger();
        QCOMPARE(statusOf(joanna), AppointmentStatus::Confirmed);
    }

    void aStatusKeyThatCannotActSaysWhyInTheStatusBar()
    {
        ui::ScheduleView *view = m_window->scheduleArea()->scheduleView();
        // Jürgen's 11:30 today: checked in already.
        const qint64 jurgen = appointmentAt(1);
        view->selectAppointment(jurgen);
        view->setFocus();
        press(Qt::Key_I);
        QCOMPARE(m_window->statusBar()->currentMessage(), QStringLiteral("Jürgen Müller is already checked in"));
        QCOMPARE(statusOf(jurgen), AppointmentStatus::Arrived);
        press(Qt::Key_C);
        QCOMPARE(m_window->statusBar()->currentMessage(), QStringLiteral("Jürgen Müller is already checked in"));
        press(Qt::Key_M);
        QCOMPARE(m_window->statusBar()->currentMessage(),
                 QStringLiteral("Start Jürgen Müller's treatment (S) before completing it"));
        QCOMPARE(statusOf(jurgen), AppointmentStatus::Arrived);
    }

    void keyboardShortcutsListTheActionsKeys()
    {
        auto *help = m_window->menuBar()->findChild<QMenu *>(QStringLiteral("helpMenu"));
        QVERIFY(help);
        auto *shortcuts = m_window->findChild<QAction *>(QStringLiteral("keyboardShortcutsAction"));
        QVERIFY(shortcuts && help->actions().contains(shortcuts));
        QVERIFY(help->actions().contains(m_window->findChild<QAction *>(QStringLiteral("firstDayAction"))));
        // A key given to an action now is in the list: it is read from the actions, not kept by hand.
        auto *importPatients = m_window->findChild<QAction *>(QStringLiteral("importPatientsAction"));
        QVERIFY(importPatients);
        importPatients->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_I));

        shortcuts->trigger();
        auto *dialog = m_window->findChild<ui::KeyboardShortcutsDialog *>();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        const QStringList rows = dialog->rows();
        const QString all = rows.join(QLatin1Char('\n'));
        QVERIFY2(rows.contains(QStringLiteral("Ctrl+Shift+W\tWaitlist")), qPrintable(all));
        QVERIFY(rows.contains(QStringLiteral("Ctrl+Shift+D\tPractitioner's Day")));
        QVERIFY(rows.contains(QStringLiteral("Ctrl+N\tBook Appointment")));
        QVERIFY(rows.contains(QStringLiteral("T, Ctrl+T\tToday")));
        QVERIFY(rows.contains(QStringLiteral("Ctrl+Alt+I\tImport Patients")));
        QVERIFY(rows.contains(QStringLiteral("Ctrl+Z\tUndo")));
        // The schedule's own keys, as its appointment menu has them.
        QVERIFY(rows.contains(QStringLiteral("I\tCheck in")));
        QVERIFY(rows.contains(QStringLiteral("N\tNo-show")));
        QVERIFY(rows.contains(QStringLiteral("Del\tCancel")));
        // An area's own keys, also before the area was first opened.
        QVERIFY2(rows.contains(QStringLiteral("F11\tShow the Patient")), qPrintable(all));
        QVERIFY(rows.contains(QStringLiteral("Ctrl+L\tLarge Print")));
        // The Patients area's keys, each with what it does.
        QVERIFY2(rows.contains(QStringLiteral("Ctrl+B\tBook for the selected patient")), qPrintable(all));
        QVERIFY(rows.contains(QStringLiteral("Ctrl+S\tSave the patient's record")));
        QVERIFY(rows.contains(QStringLiteral("Esc\tBack to the search results")));
        // Every action of the window that has a key is there.
        for (const QAction *action : m_window->findChildren<QAction *>(Qt::FindDirectChildrenOnly)) {
            if (action->shortcut().isEmpty())
                continue;
            const QString keys = action->shortcut().toString(QKeySequence::NativeText);
            const bool listed = std::any_of(rows.cbegin(), rows.cend(), [&keys](const QString &row) {
                return row.section(QLatin1Char('\t'), 0, 0).split(QStringLiteral(", ")).contains(keys);
            });
            QVERIFY2(listed, qPrintable(keys + QStringLiteral(" missing from\n") + all));
        }
        dialog->close();
    }

    void menuEntriesReadAsOnePhraseWithOneKeyEach()
    {
        for (QMenu *menu : m_window->menuBar()->findChildren<QMenu *>()) {
            QSet<QChar> keys;
            for (QAction *action : menu->actions()) {
                if (action->isSeparator() || action->text().isEmpty())
                    continue;
                const QString text = action->text();
                const QString plain = QString(text).remove(QLatin1Char('&'));
                QVERIFY2(text.count(QLatin1Char('&')) <= 1, qPrintable(text));
                // A phrase written twice into one entry ("Print X for Print X…") reads its first word again.
                const QStringList words = plain.split(QLatin1Char(' '), Qt::SkipEmptyParts);
                QVERIFY2(words.size() < 2 || words.indexOf(words.first(), 1) < 0, qPrintable(text));
                const qsizetype amp = text.indexOf(QLatin1Char('&'));
                if (amp >= 0 && amp + 1 < text.size()) {
                    const QChar key = text.at(amp + 1).toLower();
                    QVERIFY2(!keys.contains(key), qPrintable(menu->title() + QStringLiteral(": ") + text));
                    keys.insert(key);
                }
            }
        }
        auto *all = m_window->findChild<QAction *>(QStringLiteral("printAllDaySheetAction"));
        QVERIFY(all);
        QCOMPARE(all->text(), QStringLiteral("Print Day Sheet for A&ll Practitioners…"));
    }

    void firstDayGuideExplainsTheDayWithTheRealKeys()
    {
        auto *firstDay = m_window->findChild<QAction *>(QStringLiteral("firstDayAction"));
        QVERIFY(firstDay);
        firstDay->trigger();
        auto *guide = m_window->findChild<ui::FirstDayGuide *>();
        QVERIFY(guide);
        QTRY_VERIFY(guide->isVisible());
        const QString text = guide->browser()->toPlainText();
        for (const char *part : {"Booking an appointment", "Finding a patient", "When the patient arrives", "Printing",
                                 "Book Appointment (Ctrl+N)", "Find Patient (Ctrl+F)",
                                 "press I to check the patient in", "Print Day Sheet (Ctrl+P)", "Go to today (T)"})
            QVERIFY2(text.contains(QLatin1String(part)), part);
        guide->close();
    }

    void sidebarSwitchesAreas()
    {
        auto *navigation = m_window->findChild<QListWidget *>(QStringLiteral("navigation"));
        QVERIFY(navigation);
        const QRect education = navigation->visualItemRect(navigation->item(3));
        QTest::mouseClick(navigation->viewport(), Qt::LeftButton, {}, education.center());
        QCOMPARE(m_window->currentArea(), MainWindow::Area::Education);

        navigation->setFocus();
        QTest::keyClick(navigation, Qt::Key_Up);
        QCOMPARE(m_window->currentArea(), MainWindow::Area::Plans);
    }

    void dayShortcutsMoveThroughTheSchedule()
    {
        ui::ScheduleArea *schedule = m_window->scheduleArea();
        m_window->scheduleArea()->scheduleView()->setFocus();
        press(Qt::Key_PageDown);
        QCOMPARE(schedule->date(), QDate(2026, 11, 27));
        QCOMPARE(schedule->model()->rowCount(), 1);
        QVERIFY(labelText("scheduleTitle").startsWith(QLatin1String("Tomorrow")));

        press(Qt::Key_PageUp);
        press(Qt::Key_PageUp);
        QCOMPARE(schedule->date(), QDate(2026, 11, 25));
        QCOMPARE(schedule->model()->rowCount(), 0);
        QVERIFY(schedule->placeholderText().contains(QLatin1String("No appointments")));

        press(Qt::Key_T);
        QCOMPARE(schedule->date(), QDate(2026, 11, 26));

        press(Qt::Key_PageDown);
        press(Qt::Key_T, Qt::ControlModifier);
        QCOMPARE(schedule->date(), QDate(2026, 11, 26));
    }

    void todayReturnsToTheScheduleFromAnywhere()
    {
        press(Qt::Key_PageDown);
        press(Qt::Key_4, Qt::ControlModifier);
        QCOMPARE(m_window->currentArea(), MainWindow::Area::Education);
        press(Qt::Key_T, Qt::ControlModifier);
        QCOMPARE(m_window->currentArea(), MainWindow::Area::Schedule);
        QCOMPARE(m_window->scheduleArea()->date(), QDate(2026, 11, 26));
    }

    void ctrlFFindsAPatientByTyping()
    {
        press(Qt::Key_F, Qt::ControlModifier);
        QCOMPARE(m_window->currentArea(), MainWindow::Area::Patients);
        ui::PatientsArea *patients = m_window->patientsArea();
        QTRY_COMPARE(QApplication::focusWidget(), patients->searchEdit());

        test::typeText(QApplication::focusWidget(), QStringLiteral("mü"));
        QCOMPARE(patients->searchEdit()->text(), QStringLiteral("mü"));
        QTRY_COMPARE(patients->model()->rowCount(), 1);
        QCOMPARE(patients->model()->index(0, PatientListModel::NameColumn).data().toString(),
                 QStringLiteral("Müller, Jürgen"));

        // Return moves to the result, ready to open it.
        QTest::keyClick(patients->searchEdit(), Qt::Key_Return);
        QCOMPARE(QApplication::focusWidget(), patients->resultView());

        // Ctrl+F again: back in the search box with the text selected, so typing replaces it.
        press(Qt::Key_F, Qt::ControlModifier);
        QTRY_COMPARE(QApplication::focusWidget(), patients->searchEdit());
        QTest::keyClicks(patients->searchEdit(), QStringLiteral("smi"));
        QCOMPARE(patients->searchEdit()->text(), QStringLiteral("smi"));
        QTRY_COMPARE(patients->model()->index(0, PatientListModel::NameColumn).data().toString(),
                     QStringLiteral("Smith, Joanna"));
    }

    void windowGeometryIsRemembered()
    {
        m_window->resize(900, 640);
        QTRY_COMPARE(m_window->size(), QSize(900, 640));
        QVERIFY(m_window->close());
        m_window.reset();

        auto reopened = m_temp->reopen();
        QVERIFY(reopened.ok());
        openWindow(std::move(reopened).value());
        QCOMPARE(m_window->size(), QSize(900, 640));
    }

    void aboutShowsTheVersion()
    {
        m_window->about();
        ui::AboutDialog *about = nullptr;
        QTRY_VERIFY((about = m_window->findChild<ui::AboutDialog *>()) && about->isVisible());
        auto *version = about->findChild<QLabel *>(QStringLiteral("aboutVersion"));
        QVERIFY(version);
        QVERIFY(version->text().contains(QLatin1String(dermdesk::version())));
        about->reject();
    }

    void openingABadFileKeepsTheCurrentClinic()
    {
        const QString bogus = m_temp->folder() + QStringLiteral("/notes.dermdesk");
        {
            QFile file(bogus);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("These are not appointments.\n");
        }
        const QByteArray before = fileBytes(bogus);
        m_prompter.fileAnswers = {bogus};
        m_window->openDatabase();

        QCOMPARE(m_prompter.failures.size(), 1);
        QCOMPARE(m_prompter.failures.first().error.code(), QStringLiteral("storage.foreign"));
        QVERIFY(m_prompter.failures.first().canKeepCurrent);
        QCOMPARE(fileBytes(bogus), before);
        QCOMPARE(labelText("databasePathLabel"), QDir::toNativeSeparators(m_temp->path()));
        QCOMPARE(m_window->scheduleArea()->model()->rowCount(), 2);
    }

    void newClinicDatabaseAsksForTheClinicAndSwitchesToIt()
    {
        const QString fresh = m_temp->folder() + QStringLiteral("/riverside.dermdesk");
        m_prompter.fileAnswers = {fresh};
        m_prompter.settingsAnswers = {
            test::ScriptedPrompter::clinic(QStringLiteral("Riverside Skin"), "Europe/Berlin")};
        m_window->newDatabase();
        QCOMPARE(m_prompter.settingsAskedFor.size(), 1);
        QCOMPARE(labelText("databasePathLabel"), QDir::toNativeSeparators(fresh));
        QCOMPARE(labelText("clinicNameLabel"), QStringLiteral("Riverside Skin"));
        QCOMPARE(m_window->scheduleArea()->model()->rowCount(), 0);
    }

    void backUpWritesACopy()
    {
        const QString copy = m_temp->folder() + QStringLiteral("/copy.dermdesk");
        m_prompter.fileAnswers = {copy};
        m_window->backUp();
        QTRY_VERIFY(m_window->statusBar()->currentMessage().startsWith(QStringLiteral("Backed up to")));
        QVERIFY(m_prompter.errors.isEmpty());
        QVERIFY(QFileInfo::exists(copy));
        QCOMPARE(test::fileMode(copy), QStringLiteral("600"));
        auto opened = Database::open(copy);
        QVERIFY(opened.ok());
    }

    void opensOnAGeneratedDemoClinic()
    {
        // A Tuesday, 10:00 in New York: the demo clinic is open and busy.
        m_clock.set(QDateTime(QDate(2026, 11, 24), QTime(15, 0), Qt::UTC));
        const QString path = m_temp->folder() + QStringLiteral("/demo.dermdesk");
        const auto generated = DemoClinicGenerator(DemoOptions{}, m_clock).createFile(path);
        QVERIFY2(generated.ok(), qPrintable(generated.ok() ? QString() : generated.error().message()));

        auto session = ui::ClinicOpener(m_prompter, m_clock).open(path, nullptr, ui::ClinicOpener::Context::Startup);
        QVERIFY(session);
        QVERIFY(m_prompter.settingsAskedFor.isEmpty());
        m_window = std::make_unique<MainWindow>(m_prompter, m_clock);
        m_window->setSession(std::move(session));
        m_window->show();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));

        QVERIFY(!labelText("clinicNameLabel").isEmpty());
        QCOMPARE(labelText("databasePathLabel"), QDir::toNativeSeparators(path));
        ui::ScheduleArea *schedule = m_window->scheduleArea();
        QCOMPARE(schedule->date(), QDate(2026, 11, 24));
        const ScheduleModel *agenda = schedule->model();
        QVERIFY(agenda->rowCount() > 0);
        QStringList practitioners;
        for (const ScheduleColumn &column : agenda->scheduleColumns())
            practitioners.append(column.title);
        QVERIFY2(practitioners.join(QLatin1Char('|')).contains(QLatin1String("Hiers")),
                 qPrintable(practitioners.join(QStringLiteral(", "))));

        press(Qt::Key_F, Qt::ControlModifier);
        QVERIFY(m_window->patientsArea()->model()->rowCount() > 0);
        press(Qt::Key_3, Qt::ControlModifier);
        QVERIFY(m_window->plansArea()->model()->rowCount() > 0);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_ui_mainwindow.moc"
