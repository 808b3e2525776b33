#include "FakeClock.h"
#include "FrontDeskFixture.h"
#include "ScheduleClinic.h"
#include "ScriptedPrompter.h"
#include "calendar/BlockoutRepository.h"
#include "clinic/ClinicRepository.h"
#include "session/ClinicSession.h"
#include "treatment/DowntimeRepository.h"
#include "ui/settings/AppointmentTypesPage.h"
#include "ui/settings/BlockoutsPage.h"
#include "ui/settings/ClinicPage.h"
#include "ui/settings/ClinicSettingsDialog.h"
#include "ui/settings/ColourPicker.h"
#include "ui/settings/DowntimePage.h"
#include "ui/settings/PlanDefaultsPage.h"
#include "ui/settings/PractitionersPage.h"
#include "ui/settings/RoomsPage.h"
#include "ui/settings/ScreeningRulesPage.h"
#include "ui/settings/TimeZoneBox.h"
#include "ui/settings/TypeChecklist.h"
#include "ui/settings/WeeklyHoursEditor.h"
#include "ui/widgets/DateField.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTimeEdit>
#include <QTreeWidget>
#include <QtTest>

using namespace dermdesk;
using namespace dermdesk::ui;

// The clinic settings dialog on the small schedule clinic (America/New_York; "now" is Thursday
// 26 November 2026, 09:00 there): what a clinic manager types is stored, refusals name the field and
// store nothing, deactivating keeps the row, and blockouts are added and removed.
class TestClinicSettingsDialog : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::TempDatabase> m_temp;
    test::FakeClock m_clock;
    test::ScriptedPrompter m_prompter;
    // The clinic as the program opens it, on a connection of its own.
    std::unique_ptr<ClinicSession> m_session;
    std::unique_ptr<ClinicSettingsDialog> m_dialog;

    ClinicRepository repository() { return ClinicRepository(m_temp->database(), m_clock); }
    int count(const QString &sql) { return m_temp->scalar(sql).toInt(); }

    static void retype(QLineEdit *edit, const QString &text)
    {
        edit->setFocus();
        edit->selectAll();
        QTest::keyClick(edit, Qt::Key_Delete);
        QTest::keyClicks(edit, text);
    }

    static void setDay(WeeklyHoursEditor *editor, int weekday, QTime from, QTime to)
    {
        if (!editor->dayBox(weekday)->isChecked())
            QTest::mouseClick(editor->dayBox(weekday), Qt::LeftButton);
        editor->fromEdit(weekday)->setTime(from);
        editor->toEdit(weekday)->setTime(to);
    }

    static void setBreak(WeeklyHoursEditor *editor, int weekday, QTime from, QTime to)
    {
        if (!editor->breakBox(weekday)->isChecked())
            QTest::mouseClick(editor->breakBox(weekday), Qt::LeftButton);
        editor->breakFromEdit(weekday)->setTime(from);
        editor->breakToEdit(weekday)->setTime(to);
    }

private slots:
    void init()
    {
        m_temp = std::make_unique<test::TempDatabase>();
        QVERIFY(test::seedScheduleClinic(*m_temp));
        m_prompter = test::ScriptedPrompter();
        auto reopened = m_temp->reopen();
        QVERIFY(reopened);
        m_session = ClinicSession::adopt(std::move(reopened).value(), m_clock);
        m_dialog = std::make_unique<ClinicSettingsDialog>(*m_session, m_prompter);
        m_dialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
    }

    void cleanup()
    {
        m_dialog.reset();
        m_session.reset();
        m_temp.reset();
    }

    void clinicNameAndOpeningHoursAreStored()
    {
        QSignalSpy changed(m_session.get(), &ClinicSession::changed);
        ClinicPage *page = m_dialog->clinicPage();
        QCOMPARE(page->nameEdit()->text(), QStringLiteral("Test Clinic"));
        QVERIFY(!page->saveButton()->isEnabled());
        retype(page->nameEdit(), QStringLiteral("Riverside Skin Clinic"));
        WeeklyHoursEditor *hours = page->openingHoursEditor();
        QVERIFY(hours->dayBox(1)->isChecked());
        QVERIFY(!hours->dayBox(7)->isChecked());
        setDay(hours, 1, QTime(7, 30), QTime(19, 0));
        setDay(hours, 7, QTime(10, 0), QTime(14, 0));
        QTest::mouseClick(hours->dayBox(6), Qt::LeftButton); // closed on Saturdays now
        QVERIFY(page->saveButton()->isEnabled());
        QTest::mouseClick(page->saveButton(), Qt::LeftButton);

        QCOMPARE(page->errorText(), QString());
        const ClinicSettings stored = *repository().settings().value();
        QCOMPARE(stored.name, QStringLiteral("Riverside Skin Clinic"));
        const QList<WeeklyHours> expected = {{1, 450, 1140}, {2, 480, 1200}, {3, 480, 1200},
                                             {4, 480, 1200}, {5, 480, 1200}, {7, 600, 840}};
        QCOMPARE(stored.openingHours, expected);
        QTRY_COMPARE(changed.count(), 1);
        QVERIFY(changed.first().first().value<ChangeSet>().touchesSetup());
        QVERIFY(!page->saveButton()->isEnabled());
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM audit_log WHERE entity = 'clinic_settings'")), 1);
        QVERIFY(m_prompter.confirmations.isEmpty());
    }

    void theClinicChoosesWhetherMissingScreeningStopsATreatment()
    {
        ClinicPage *page = m_dialog->clinicPage();
        QComboBox *policy = page->unscreenedBox();
        QVERIFY(policy->isVisibleTo(page));
        QVERIFY(policy->currentText().startsWith(QStringLiteral("Caution")));
        policy->setCurrentIndex(policy->findData(int(ClinicSettings::UnscreenedPolicy::Stop)));
        QVERIFY(page->saveButton()->isEnabled());
        QTest::mouseClick(page->saveButton(), Qt::LeftButton);
        QCOMPARE(page->errorText(), QString());
        QCOMPARE(repository().settings().value()->unscreenedPolicy, ClinicSettings::UnscreenedPolicy::Stop);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM audit_log WHERE entity = 'clinic_settings' AND "
                                      "details LIKE '%unscreened_policy%stop%'")),
                 1);
        page->reload();
        QVERIFY(policy->currentText().startsWith(QStringLiteral("Stop")));
    }

    void aRefusedClinicSettingNamesTheFieldAndStoresNothing()
    {
        ClinicPage *page = m_dialog->clinicPage();
        retype(page->emailEdit(), QStringLiteral("desk.example.com"));
        QTest::mouseClick(page->saveButton(), Qt::LeftButton);
        QVERIFY2(page->errorText().startsWith(QStringLiteral("Email: ")), qPrintable(page->errorText()));
        QTRY_VERIFY(page->emailEdit()->hasFocus());
        QCOMPARE(repository().settings().value()->email, QString());
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM audit_log")), 0);
    }

    void etcUtcIsAccepted()
    {
        ClinicPage *page = m_dialog->clinicPage();
        page->timeZoneBox()->setCurrentText(QStringLiteral("Etc/UTC"));
        // Moving an existing clinic to another zone asks first; the first answer is no.
        m_prompter.confirmAnswers = {false, true};
        QTest::mouseClick(page->saveButton(), Qt::LeftButton);
        QCOMPARE(m_prompter.confirmations.size(), 1);
        QCOMPARE(repository().settings().value()->timeZone, QByteArrayLiteral("America/New_York"));
        QTest::mouseClick(page->saveButton(), Qt::LeftButton);
        QCOMPARE(page->errorText(), QString());
        QCOMPARE(repository().settings().value()->timeZone, QByteArrayLiteral("Etc/UTC"));
        QCOMPARE(repository().timeZone(), QTimeZone("Etc/UTC"));
    }

    void thePaperSizeIsAClinicSetting()
    {
        ClinicPage *page = m_dialog->clinicPage();
        QComboBox *paper = page->paperBox();
        QVERIFY(paper->isVisible());
        // Automatic says what it stands for: the paper usual in the clinic's country (its time zone's).
        QCOMPARE(paper->currentIndex(), 0);
        QCOMPARE(paper->currentText(), QStringLiteral("Automatic (Letter, usual in United States)"));
        page->timeZoneBox()->setCurrentText(QStringLiteral("Europe/Berlin"));
        QCOMPARE(paper->itemText(0), QStringLiteral("Automatic (A4, usual in Germany)"));
        page->timeZoneBox()->setZoneId(QByteArrayLiteral("America/New_York"));

        paper->setFocus();
        QTest::keyClick(paper, Qt::Key_Down); // Letter
        QTest::keyClick(paper, Qt::Key_Down); // A4
        QCOMPARE(paper->currentText(), QStringLiteral("A4 (210 \u00d7 297 mm)"));
        QVERIFY(page->saveButton()->isEnabled());
        QTest::mouseClick(page->saveButton(), Qt::LeftButton);
        QCOMPARE(page->errorText(), QString());
        QCOMPARE(repository().settings().value()->paperSize, ClinicSettings::PaperSize::A4);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM audit_log WHERE entity = 'clinic_settings' AND "
                                      "details LIKE '%paper_size%'")),
                 1);
        page->reload();
        QCOMPARE(paper->currentIndex(), 2);
    }

    void anUnknownTimeZoneIsRefusedByName()
    {
        ClinicPage *page = m_dialog->clinicPage();
        page->timeZoneBox()->setCurrentText(QStringLiteral("Mars/Olympus_Mons"));
        QTest::mouseClick(page->saveButton(), Qt::LeftButton);
        QVERIFY2(page->errorText().startsWith(QStringLiteral("Time zone: ")), qPrintable(page->errorText()));
        QVERIFY(page->errorText().contains(QStringLiteral("Mars/Olympus_Mons")));
        QVERIFY(m_prompter.confirmations.isEmpty());
        QCOMPARE(repository().settings().value()->timeZone, QByteArrayLiteral("America/New_York"));
    }

    void addAPractitionerWithHoursAndTypes()
    {
        QSignalSpy changed(m_session.get(), &ClinicSession::changed);
        m_dialog->showPage(ClinicSettingsDialog::Page::Practitioners);
        PractitionersPage *page = m_dialog->practitionersPage();
        QCOMPARE(page->list()->count(), 3);
        QVERIFY(page->list()->item(2)->text().endsWith(QStringLiteral("(inactive)")));
        QTest::mouseClick(page->findChild<QPushButton *>(QStringLiteral("addButton")), Qt::LeftButton);
        QTRY_VERIFY(page->nameEdit()->hasFocus());
        QTest::keyClicks(page->nameEdit(), QStringLiteral("Maya Thompson"));
        QTest::keyClicks(page->titleEdit(), QStringLiteral("Aesthetic nurse"));
        retype(page->colourPicker()->codeEdit(), QStringLiteral("#9c7fb3"));
        setDay(page->hoursEditor(), 1, QTime(9, 0), QTime(17, 0));
        setBreak(page->hoursEditor(), 1, QTime(12, 0), QTime(12, 45));
        setDay(page->hoursEditor(), 2, QTime(8, 0), QTime(12, 0));
        QVERIFY(page->typeChecklist()->setChecked(QStringLiteral("Consultation"), true));
        QVERIFY(page->typeChecklist()->setChecked(QStringLiteral("Microneedling face"), true));
        QTest::mouseClick(page->saveButton(), Qt::LeftButton);

        QCOMPARE(page->errorText(), QString());
        const auto everyone = repository().practitioners(true).value();
        QCOMPARE(everyone.size(), 4);
        const auto maya = std::find_if(everyone.cbegin(), everyone.cend(), [](const Practitioner &p) {
            return p.displayName == QLatin1String("Maya Thompson");
        });
        QVERIFY(maya != everyone.cend());
        QCOMPARE(maya->title, QStringLiteral("Aesthetic nurse"));
        QCOMPARE(maya->colour, QStringLiteral("#9c7fb3"));
        QVERIFY(maya->active);
        const QList<WeeklyHours> hours = {{1, 540, 720}, {1, 765, 1020}, {2, 480, 720}};
        QCOMPARE(maya->hours, hours);
        QCOMPARE(maya->typeIds, (QList<qint64>{1, 2}));
        QTRY_COMPARE(changed.count(), 1);
        QVERIFY(changed.first().first().value<ChangeSet>().touchesSetup());
        QCOMPARE(page->list()->count(), 4);
        QCOMPARE(page->editingId(), maya->id);
        QVERIFY(page->list()->currentItem()->text().startsWith(QStringLiteral("Maya Thompson")));
    }

    void aBreakOutsideTheWorkingHoursIsRefusedNamingTheField()
    {
        m_dialog->showPage(ClinicSettingsDialog::Page::Practitioners);
        PractitionersPage *page = m_dialog->practitionersPage();
        QVERIFY(page->select(QStringLiteral("Nurse Ana")));
        setBreak(page->hoursEditor(), 1, QTime(18, 30), QTime(19, 0)); // she works 08:00–18:00
        QTest::mouseClick(page->saveButton(), Qt::LeftButton);

        const QString error = page->errorText();
        QVERIFY2(error.startsWith(QStringLiteral("Working hours: Monday: a break must lie inside the working hours")),
                 qPrintable(error));
        QVERIFY(error.contains(QStringLiteral("18:30–19:00")));
        QVERIFY(page->saveButton()->isEnabled());
        const auto ana = repository().practitioners().value().at(1);
        QCOMPARE(ana.displayName, QStringLiteral("Nurse Ana"));
        QCOMPARE(ana.hours.first(), (WeeklyHours{1, 480, 1080}));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM practitioner_hours WHERE practitioner_id = 2")), 6);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM audit_log")), 0);

        // Leaving the unsaved edit asks; "no" stays on it.
        QVERIFY(!page->select(QStringLiteral("Dr. Connie Hiers")));
        QCOMPARE(m_prompter.confirmations.size(), 1);
        QVERIFY(page->list()->currentItem()->text().startsWith(QStringLiteral("Nurse Ana")));
    }

    void deactivatingARoomKeepsIt()
    {
        QSignalSpy changed(m_session.get(), &ClinicSession::changed);
        m_dialog->showPage(ClinicSettingsDialog::Page::Rooms);
        RoomsPage *page = m_dialog->roomsPage();
        QVERIFY(page->findChildren<QPushButton *>(QStringLiteral("deleteButton")).isEmpty());
        QVERIFY(page->select(QStringLiteral("Room 2")));
        QVERIFY(page->activeBox()->isChecked());
        QTest::mouseClick(page->activeBox(), Qt::LeftButton);
        QTest::mouseClick(page->saveButton(), Qt::LeftButton);

        QCOMPARE(page->errorText(), QString());
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM room WHERE id = 2")), 1);
        QCOMPARE(count(QStringLiteral("SELECT active FROM room WHERE id = 2")), 0);
        QCOMPARE(page->list()->currentItem()->text(), QStringLiteral("Room 2 (inactive)"));
        QTRY_COMPARE(changed.count(), 1);
        QVERIFY(changed.first().first().value<ChangeSet>().touchesSetup());
        // A new blockout can no longer be for it.
        QVERIFY(!m_dialog->blockoutsPage()->setScope(QStringLiteral("Room: Room 2")));
        QVERIFY(m_dialog->blockoutsPage()->setScope(QStringLiteral("Room: Room 1")));
    }

    // The clinic sets its own look-back and adds a rule; a rule is switched off, never deleted.
    void screeningRulesAreTheClinicsToEdit()
    {
        m_dialog->showPage(ClinicSettingsDialog::Page::ScreeningRules);
        ScreeningRulesPage *page = m_dialog->screeningRulesPage();
        QVERIFY(page->select(QStringLiteral("Isotretinoin within 180 days")));
        QVERIFY(page->lookbackBox()->isChecked());
        QCOMPARE(page->lookbackDays()->value(), 180);
        page->nameEdit()->setText(QStringLiteral("Isotretinoin within 365 days"));
        page->lookbackDays()->setValue(365);
        QTest::mouseClick(page->saveButton(), Qt::LeftButton);
        QCOMPARE(page->errorText(), QString());
        QCOMPARE(count(QStringLiteral("SELECT lookback_days FROM contraindication_rule "
                                      "WHERE name = 'Isotretinoin within 365 days' AND kind = 'stop'")),
                 365);

        const qint64 rules = count(QStringLiteral("SELECT count(*) FROM contraindication_rule"));
        page->addNew();
        QTest::mouseClick(page->saveButton(), Qt::LeftButton);
        QVERIFY2(page->errorText().startsWith(QStringLiteral("Name")), qPrintable(page->errorText()));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM contraindication_rule")), rules);
        QTest::keyClicks(page->nameEdit(), QStringLiteral("Recent sunburn"));
        page->questionBox()->setCurrentIndex(
            page->questionBox()->findText(QStringLiteral("Active skin infection or cold sores in the treatment area")));
        page->kindBox()->setCurrentIndex(1);
        QTest::mouseClick(page->saveButton(), Qt::LeftButton);
        QCOMPARE(page->errorText(), QString());
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM contraindication_rule WHERE name = 'Recent sunburn' "
                                      "AND kind = 'caution' AND lookback_days IS NULL AND question_id = 1")),
                 1);

        QTest::mouseClick(page->activeBox(), Qt::LeftButton);
        QTest::mouseClick(page->saveButton(), Qt::LeftButton);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM contraindication_rule WHERE name = 'Recent sunburn' "
                                      "AND active = 0")),
                 1);
        QCOMPARE(page->list()->currentItem()->text(), QStringLiteral("Recent sunburn (caution) (inactive)"));
    }

    // The downtime table is the clinic's: a band's words change, and a table that leaves deep needles without a
    // downtime is refused whole.
    void theDowntimeTableIsSavedWholeOrNotAtAll()
    {
        m_dialog->showPage(ClinicSettingsDialog::Page::Downtime);
        DowntimePage *page = m_dialog->downtimePage();
        QTableWidget *table = page->table();
        QVERIFY(table->rowCount() >= 2);
        const int last = table->rowCount() - 1;
        QCOMPARE(table->item(last, 0)->data(Qt::EditRole).toDouble(), 3.0);
        table->item(0, 3)->setText(QStringLiteral("A few hours of pinkness"));
        QVERIFY(page->isDirty());
        QVERIFY(page->save());
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM downtime_band WHERE label = 'A few hours of pinkness'")),
                 1);

        const qint64 bands = count(QStringLiteral("SELECT count(*) FROM downtime_band"));
        table->item(table->rowCount() - 1, 0)->setData(Qt::EditRole, 2.5);
        QVERIFY(!page->save());
        QVERIFY2(!page->errorText().isEmpty(), "the refusal is shown");
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM downtime_band")), bands);
        QCOMPARE(count(QStringLiteral("SELECT max(max_depth_mm) FROM downtime_band")), 3);
    }

    void appointmentTypeTimesAreStored()
    {
        m_dialog->showPage(ClinicSettingsDialog::Page::AppointmentTypes);
        AppointmentTypesPage *page = m_dialog->appointmentTypesPage();
        QVERIFY(page->select(QStringLiteral("Microneedling body")));
        page->prepBox()->setValue(40);
        page->cleanupBox()->setValue(200);
        QTest::mouseClick(page->saveButton(), Qt::LeftButton);
        QVERIFY2(page->errorText().startsWith(QStringLiteral("Clean-up: ")), qPrintable(page->errorText()));
        QCOMPARE(count(QStringLiteral("SELECT prep_min FROM appointment_type WHERE id = 3")), 30);
        page->cleanupBox()->setValue(20);
        QTest::mouseClick(page->saveButton(), Qt::LeftButton);
        QCOMPARE(page->errorText(), QString());
        QCOMPARE(count(QStringLiteral("SELECT prep_min + cleanup_min FROM appointment_type WHERE id = 3")), 60);
    }

    void aWeeklyLunchForOnePractitioner()
    {
        QSignalSpy changed(m_session.get(), &ClinicSession::changed);
        m_dialog->showPage(ClinicSettingsDialog::Page::Blockouts);
        BlockoutsPage *page = m_dialog->blockoutsPage();
        QCOMPARE(page->fromDateEdit()->date(), QDate(2026, 11, 26));
        QVERIFY(page->setScope(QStringLiteral("Nurse Ana")));
        page->fromDateEdit()->setDate(QDate(2026, 11, 30));
        page->fromTimeEdit()->setTime(QTime(12, 30));
        QCOMPARE(page->toDateEdit()->date(), QDate(2026, 11, 30));
        page->toTimeEdit()->setTime(QTime(13, 15));
        page->repeatBox()->setCurrentIndex(1);
        page->reasonBox()->setFocus();
        QTest::keyClicks(page->reasonBox(), QStringLiteral("Lunch"));
        QTest::mouseClick(page->addButton(), Qt::LeftButton);

        QCOMPARE(page->errorText(), QString());
        const Blockout stored = BlockoutRepository(m_temp->database(), m_clock).find(1).value();
        QCOMPARE(stored.practitionerId, std::optional<qint64>(2));
        QVERIFY(stored.weekly);
        QVERIFY(!stored.repeatUntil.isValid());
        QCOMPARE(stored.reason, QStringLiteral("Lunch"));
        QCOMPARE(stored.startsAt, test::newYorkAt(QDate(2026, 11, 30), 12, 30));
        QCOMPARE(stored.endsAt, test::newYorkAt(QDate(2026, 11, 30), 13, 15));
        QCOMPARE(page->list()->topLevelItemCount(), 1);
        QTreeWidgetItem *row = page->list()->topLevelItem(0);
        QVERIFY2(row->text(0).startsWith(QStringLiteral("Every Monday")), qPrintable(row->text(0)));
        QCOMPARE(row->text(2), QStringLiteral("Nurse Ana"));
        QTRY_COMPARE(changed.count(), 1);
        QVERIFY(changed.first().first().value<ChangeSet>().blockouts);
    }

    void aBlockoutWithoutReasonIsRefused()
    {
        m_dialog->showPage(ClinicSettingsDialog::Page::Blockouts);
        BlockoutsPage *page = m_dialog->blockoutsPage();
        QTest::mouseClick(page->addButton(), Qt::LeftButton);
        QVERIFY2(page->errorText().startsWith(QStringLiteral("Reason: ")), qPrintable(page->errorText()));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM blockout")), 0);
    }

    // 02:30 on 14 March 2027 does not exist in New York (clocks spring forward from 02:00 to 03:00).
    void aBlockoutStartingInTheSpringForwardGapIsRefused()
    {
        m_dialog->showPage(ClinicSettingsDialog::Page::Blockouts);
        BlockoutsPage *page = m_dialog->blockoutsPage();
        page->fromDateEdit()->setDate(QDate(2027, 3, 14));
        page->fromTimeEdit()->setTime(QTime(2, 30));
        page->toTimeEdit()->setTime(QTime(4, 0));
        page->reasonBox()->setCurrentText(QStringLiteral("Maintenance"));
        QTest::mouseClick(page->addButton(), Qt::LeftButton);
        QVERIFY2(page->errorText().startsWith(QStringLiteral("From: ")), qPrintable(page->errorText()));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM blockout")), 0);
        page->fromTimeEdit()->setTime(QTime(3, 0));
        QTest::mouseClick(page->addButton(), Qt::LeftButton);
        QCOMPARE(page->errorText(), QString());
        QCOMPARE(count(QStringLiteral("SELECT ends_at - starts_at FROM blockout")), 3600);
    }

    void removeAOneOffBlockout()
    {
        BlockoutRepository blockouts(m_temp->database(), m_clock);
        Blockout holiday;
        holiday.startsAt = test::newYorkAt(QDate(2026, 12, 24), 0);
        holiday.endsAt = test::newYorkAt(QDate(2026, 12, 27), 0);
        holiday.reason = QStringLiteral("Holiday");
        const qint64 id = blockouts.add(holiday).value();
        Blockout training = holiday;
        training.startsAt = test::newYorkAt(QDate(2026, 11, 2), 8);
        training.endsAt = test::newYorkAt(QDate(2026, 11, 2), 12);
        training.reason = QStringLiteral("Training");
        QVERIFY(blockouts.add(training).ok());

        m_dialog->showPage(ClinicSettingsDialog::Page::Blockouts);
        BlockoutsPage *page = m_dialog->blockoutsPage();
        page->reload();
        // The past training shows on demand only.
        QCOMPARE(page->list()->topLevelItemCount(), 1);
        QTest::mouseClick(page->showPastBox(), Qt::LeftButton);
        QCOMPARE(page->list()->topLevelItemCount(), 2);
        QTest::mouseClick(page->showPastBox(), Qt::LeftButton);
        QTreeWidgetItem *row = page->list()->topLevelItem(0);
        QCOMPARE(row->text(3), QStringLiteral("Holiday"));
        QVERIFY2(row->text(0).contains(QStringLiteral("all day")), qPrintable(row->text(0)));
        QCOMPARE(row->text(2), QStringLiteral("Whole clinic"));
        page->list()->setCurrentItem(row);
        QVERIFY(page->removeButton()->isEnabled());

        m_prompter.confirmAnswers = {false, true};
        QTest::mouseClick(page->removeButton(), Qt::LeftButton);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM blockout")), 2);
        QTest::mouseClick(page->removeButton(), Qt::LeftButton);
        QCOMPARE(m_prompter.confirmations.size(), 2);
        QVERIFY(m_prompter.confirmations.last().contains(QStringLiteral("Holiday")));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM blockout WHERE id = %1").arg(id)), 0);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM blockout")), 1);
        QCOMPARE(page->list()->topLevelItemCount(), 0);
        QCOMPARE(count(
                     QStringLiteral("SELECT count(*) FROM audit_log WHERE entity = 'blockout' AND action = 'delete'")),
                 1);
    }

    void closingWithUnsavedEditsAsks()
    {
        retype(m_dialog->clinicPage()->nameEdit(), QStringLiteral("Unsaved"));
        m_prompter.confirmAnswers = {false};
        m_dialog->reject();
        QVERIFY(m_dialog->isVisible());
        QCOMPARE(m_prompter.confirmations.size(), 1);
        m_prompter.confirmAnswers = {true};
        m_dialog->reject();
        QVERIFY(!m_dialog->isVisible());
        QCOMPARE(repository().settings().value()->name, QStringLiteral("Test Clinic"));
    }

    // Not a check: with DERMDESK_SETTINGS_DEMO=<demo clinic file> and DERMDESK_SETTINGS_SHOTS=<folder>, saves
    // a PNG of every page for a person to look at.
    void renderEveryPage()
    {
        const QString demo = qEnvironmentVariable("DERMDESK_SETTINGS_DEMO");
        const QString shots = qEnvironmentVariable("DERMDESK_SETTINGS_SHOTS");
        if (demo.isEmpty() || shots.isEmpty())
            QSKIP("Set DERMDESK_SETTINGS_DEMO and DERMDESK_SETTINGS_SHOTS to render the pages.");
        auto session = ClinicSession::open(demo);
        QVERIFY(session.ok());
        QVERIFY(QDir().mkpath(shots));
        ClinicSettingsDialog dialog(*session.value(), m_prompter);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        const QStringList names = {QStringLiteral("clinic"),    QStringLiteral("practitioners"),
                                   QStringLiteral("rooms"),     QStringLiteral("types"),
                                   QStringLiteral("blockouts"), QStringLiteral("screening"),
                                   QStringLiteral("downtime"),  QStringLiteral("plan-defaults"),
                                   QStringLiteral("concerns"),  QStringLiteral("areas")};
        for (int page = 0; page < names.size(); ++page) {
            dialog.showPage(ClinicSettingsDialog::Page(page));
            QVERIFY(dialog.grab().save(QDir(shots).filePath(names.at(page) + QStringLiteral(".png"))));
        }
        dialog.showPage(ClinicSettingsDialog::Page::Practitioners);
        setBreak(dialog.practitionersPage()->hoursEditor(), 2, QTime(18, 0), QTime(18, 30));
        dialog.practitionersPage()->save();
        QVERIFY(dialog.grab().save(QDir(shots).filePath(QStringLiteral("refusal.png"))));
    }
};

QTEST_MAIN(TestClinicSettingsDialog)
#include "tst_ui_clinicsettingsdialog.moc"
