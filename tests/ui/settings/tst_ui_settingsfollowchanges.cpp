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

// The clinic settings dialog while another window or dermdesk-cli saves the same settings (the small schedule
// clinic, America/New_York): a page without unsaved edits shows what was saved elsewhere at once; a page with
// unsaved edits keeps them, says what changed and does not save over it.
class TestSettingsFollowChanges : public QObject
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

    // Settings saved in another window (or by dermdesk-cli, on its own connection) show on an open page that has
    // no unsaved edits, without reopening the dialog.
    void settingsSavedElsewhereShowAtOnce()
    {
        ClinicPage *page = m_dialog->clinicPage();
        QCOMPARE(page->nameEdit()->text(), QStringLiteral("Test Clinic"));
        ClinicSettings elsewhere = *repository().settings().value();
        elsewhere.name = QStringLiteral("Riverside Skin Clinic");
        QVERIFY(repository().saveSettings(elsewhere).ok());
        QTRY_COMPARE(page->nameEdit()->text(), QStringLiteral("Riverside Skin Clinic"));
        QVERIFY(!page->saveButton()->isEnabled());
        QCOMPARE(page->errorText(), QString());

        // A room added elsewhere joins the Rooms list and the blockouts' scopes.
        Room room;
        room.name = QStringLiteral("Laser Suite");
        QVERIFY(repository().saveRoom(room).ok());
        QTRY_VERIFY(m_dialog->roomsPage()->select(QStringLiteral("Laser Suite")));
        QVERIFY(m_dialog->blockoutsPage()->scopeBox()->findText(QStringLiteral("Laser Suite"), Qt::MatchContains) >= 0);
    }

    // A Clinic page with unsaved edits keeps them when another window saves the clinic's settings, says so, and does
    // not save over what the other window saved; Revert shows it.
    void unsavedEditsAreNotSavedOverSettingsSavedElsewhere()
    {
        ClinicPage *page = m_dialog->clinicPage();
        retype(page->emailEdit(), QStringLiteral("desk@riverside.example"));
        QVERIFY(page->saveButton()->isEnabled());

        ClinicSettings elsewhere = *repository().settings().value();
        elsewhere.name = QStringLiteral("Riverside Skin Clinic");
        QVERIFY(repository().saveSettings(elsewhere).ok());
        QTRY_VERIFY2(page->errorText().contains(QLatin1String("another window")), qPrintable(page->errorText()));
        QCOMPARE(page->emailEdit()->text(), QStringLiteral("desk@riverside.example"));
        test::saveScreenshot(m_dialog.get(), QStringLiteral("settings-changed-elsewhere"));
        QCOMPARE(page->nameEdit()->text(), QStringLiteral("Test Clinic"));

        QTest::mouseClick(page->saveButton(), Qt::LeftButton);
        QVERIFY(page->errorText().contains(QLatin1String("another window")));
        QCOMPARE(repository().settings().value()->name, QStringLiteral("Riverside Skin Clinic"));
        QCOMPARE(repository().settings().value()->email, QString());

        QTest::mouseClick(page->findChild<QPushButton *>(QStringLiteral("revertButton")), Qt::LeftButton);
        QCOMPARE(page->nameEdit()->text(), QStringLiteral("Riverside Skin Clinic"));
        QCOMPARE(page->errorText(), QString());
        retype(page->emailEdit(), QStringLiteral("desk@riverside.example"));
        QTest::mouseClick(page->saveButton(), Qt::LeftButton);
        QCOMPARE(page->errorText(), QString());
        QCOMPARE(repository().settings().value()->name, QStringLiteral("Riverside Skin Clinic"));
        QCOMPARE(repository().settings().value()->email, QStringLiteral("desk@riverside.example"));
    }

    // The plan defaults saved on their own page, in the same settings, do not count as a change elsewhere.
    void anotherPageOfTheDialogIsNotAChangeElsewhere()
    {
        ClinicPage *page = m_dialog->clinicPage();
        retype(page->emailEdit(), QStringLiteral("desk@riverside.example"));
        m_dialog->showPage(ClinicSettingsDialog::Page::PlanDefaults);
        PlanDefaultsPage *plans = m_dialog->planDefaultsPage();
        QSignalSpy changed(m_session.get(), &ClinicSession::changed);
        plans->sessionsBox()->setValue(plans->sessionsBox()->value() + 1);
        QVERIFY(plans->save());
        QTRY_COMPARE(changed.count(), 1);
        m_dialog->showPage(ClinicSettingsDialog::Page::Clinic);
        QCOMPARE(page->errorText(), QString());
        QTest::mouseClick(page->saveButton(), Qt::LeftButton);
        QCOMPARE(page->errorText(), QString());
        QCOMPARE(repository().settings().value()->email, QStringLiteral("desk@riverside.example"));
        QCOMPARE(repository().settings().value()->defaultSessions, plans->sessionsBox()->value());
    }

    // A practitioner being edited here and saved in another window meanwhile: the page says so, keeps the edits and
    // does not save over the other window's; after Revert the page shows what was saved and saves again.
    void aPractitionerSavedElsewhereIsNotSavedOver()
    {
        m_dialog->showPage(ClinicSettingsDialog::Page::Practitioners);
        PractitionersPage *page = m_dialog->practitionersPage();
        QVERIFY(page->select(QStringLiteral("Nurse Ana")));
        retype(page->titleEdit(), QStringLiteral("RN"));
        QVERIFY(page->saveButton()->isEnabled());

        Practitioner ana = repository().practitioners().value().at(1);
        QCOMPARE(ana.displayName, QStringLiteral("Nurse Ana"));
        ana.displayName = QStringLiteral("Nurse Ana Ruiz");
        QVERIFY(repository().savePractitioner(ana).ok());
        QTRY_VERIFY2(page->errorText().contains(QLatin1String("another window")), qPrintable(page->errorText()));
        QCOMPARE(page->titleEdit()->text(), QStringLiteral("RN"));

        QTest::mouseClick(page->saveButton(), Qt::LeftButton);
        QCOMPARE(repository().practitioners().value().at(1).displayName, QStringLiteral("Nurse Ana Ruiz"));
        QVERIFY(repository().practitioners().value().at(1).title != QStringLiteral("RN"));

        QTest::mouseClick(page->revertButton(), Qt::LeftButton);
        QCOMPARE(page->nameEdit()->text(), QStringLiteral("Nurse Ana Ruiz"));
        retype(page->titleEdit(), QStringLiteral("RN"));
        QVERIFY(page->save());
        QCOMPARE(page->errorText(), QString());
        QCOMPARE(repository().practitioners().value().at(1).title, QStringLiteral("RN"));
        QCOMPARE(repository().practitioners().value().at(1).displayName, QStringLiteral("Nurse Ana Ruiz"));
    }

    // The downtime table saved in another window while it is being edited here: the edits are kept, not saved over it.
    void aDowntimeTableSavedElsewhereIsNotSavedOver()
    {
        m_dialog->showPage(ClinicSettingsDialog::Page::Downtime);
        DowntimePage *page = m_dialog->downtimePage();
        page->table()->item(0, 3)->setText(QStringLiteral("A few hours of pinkness"));
        QVERIFY(page->isDirty());

        DowntimeRepository elsewhere(m_temp->database(), m_clock);
        QList<DowntimeBand> bands = elsewhere.load().value().bands();
        bands.first().label = QStringLiteral("Pink for a day");
        QVERIFY(elsewhere.save(DowntimeTable(bands)).ok());
        QTRY_VERIFY2(page->errorText().contains(QLatin1String("another window")), qPrintable(page->errorText()));
        QCOMPARE(page->table()->item(0, 3)->text(), QStringLiteral("A few hours of pinkness"));
        QVERIFY(!page->save());
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM downtime_band WHERE label = 'Pink for a day'")), 1);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM downtime_band WHERE label = 'A few hours of pinkness'")),
                 0);
    }
};

QTEST_MAIN(TestSettingsFollowChanges)
#include "tst_ui_settingsfollowchanges.moc"
