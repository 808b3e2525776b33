#include "FakeClock.h"
#include "ScheduleClinic.h"
#include "ScriptedPrompter.h"
#include "clinic/ClinicRepository.h"
#include "session/ClinicSession.h"
#include "ui/plans/PlanEditor.h"
#include "ui/settings/ClinicPage.h"
#include "ui/settings/ClinicSettingsDialog.h"
#include "ui/settings/PlanDefaultsPage.h"
#include "ui/settings/TreatmentAreasPage.h"
#include "ui/settings/TreatmentConcernsPage.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QtTest>

using namespace dermdesk;
using namespace dermdesk::ui;

// The treatment pages of Clinic Settings on the small schedule clinic: the defaults a new plan starts with,
// the clinic's concerns and treatment areas (added, renamed, moved, retired, never deleted), refusals naming the
// field with nothing stored, and the plan editor starting a new plan with the clinic's defaults and offering
// only the concerns and areas in use.
class TestTreatmentSettings : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::TempDatabase> m_temp;
    test::FakeClock m_clock;
    test::ScriptedPrompter m_prompter;
    // The clinic as the program opens it, on a connection of its own.
    std::unique_ptr<ClinicSession> m_session;
    std::unique_ptr<ClinicSettingsDialog> m_dialog;

    ClinicSettings stored() { return *ClinicRepository(m_temp->database(), m_clock).settings().value(); }
    int count(const QString &sql) { return m_temp->scalar(sql).toInt(); }
    QString text(const QString &sql) { return m_temp->scalar(sql).toString(); }

    static void retype(QLineEdit *edit, const QString &text)
    {
        edit->setFocus();
        edit->selectAll();
        QTest::keyClick(edit, Qt::Key_Delete);
        QTest::keyClicks(edit, text);
    }

    static void retype(QAbstractSpinBox *box, int value)
    {
        box->setFocus();
        box->selectAll();
        QTest::keyClick(box, Qt::Key_Delete);
        QTest::keyClicks(box, QString::number(value));
    }

    static QStringList listed(QListWidget *list)
    {
        QStringList texts;
        for (int row = 0; row < list->count(); ++row)
            texts.append(list->item(row)->text());
        return texts;
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

    void planDefaultsAreStoredAndAudited()
    {
        QSignalSpy changed(m_session.get(), &ClinicSession::changed);
        m_dialog->showPage(ClinicSettingsDialog::Page::PlanDefaults);
        PlanDefaultsPage *page = m_dialog->planDefaultsPage();
        QCOMPARE(page->minWeeksBox()->value(), 4);
        QCOMPARE(page->maxWeeksBox()->value(), 6);
        QCOMPARE(page->recallDaysBox()->value(), 14);
        QVERIFY(!page->saveButton()->isEnabled());
        retype(page->sessionsBox(), 6);
        retype(page->minWeeksBox(), 3);
        retype(page->maxWeeksBox(), 5);
        retype(page->recallDaysBox(), 21);
        retype(page->consentEdit(), QStringLiteral("MN-2026-2"));
        QVERIFY(page->saveButton()->isEnabled());
        QTest::mouseClick(page->saveButton(), Qt::LeftButton);

        QCOMPARE(page->errorText(), QString());
        const ClinicSettings settings = stored();
        QCOMPARE(settings.defaultSessions, 6);
        QCOMPARE(settings.defaultIntervalMinWeeks, 3);
        QCOMPARE(settings.defaultIntervalMaxWeeks, 5);
        QCOMPARE(settings.recallHorizonDays, 21);
        QCOMPARE(settings.consentFormVersion, QStringLiteral("MN-2026-2"));
        QCOMPARE(settings.name, QStringLiteral("Test Clinic"));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM audit_log WHERE entity = 'clinic_settings'")), 1);
        QTRY_COMPARE(changed.count(), 1);
        QVERIFY(changed.first().first().value<ChangeSet>().touchesSetup());
        QVERIFY(!page->saveButton()->isEnabled());
    }

    void aMinimumAboveTheMaximumIsRefusedNamingTheInterval()
    {
        m_dialog->showPage(ClinicSettingsDialog::Page::PlanDefaults);
        PlanDefaultsPage *page = m_dialog->planDefaultsPage();
        retype(page->minWeeksBox(), 8);
        QTest::mouseClick(page->saveButton(), Qt::LeftButton);
        QVERIFY2(page->errorText().startsWith(QStringLiteral("Interval: ")), qPrintable(page->errorText()));
        QVERIFY2(page->errorText().contains(QStringLiteral("8 weeks")), qPrintable(page->errorText()));
        QTRY_VERIFY(page->minWeeksBox()->hasFocus());
        QCOMPARE(stored().defaultIntervalMinWeeks, 4);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM audit_log")), 0);
        QVERIFY(page->isDirty());
    }

    // Both pages write the clinic's settings row: saving the Clinic page after the defaults keeps the defaults.
    void theClinicPageKeepsTheDefaultsSavedMeanwhile()
    {
        ClinicPage *clinic = m_dialog->clinicPage();
        retype(clinic->nameEdit(), QStringLiteral("Riverside Skin Clinic"));
        m_dialog->showPage(ClinicSettingsDialog::Page::PlanDefaults);
        PlanDefaultsPage *page = m_dialog->planDefaultsPage();
        retype(page->maxWeeksBox(), 8);
        QVERIFY(page->save());
        QVERIFY(clinic->isDirty());
        QVERIFY(clinic->save());
        QCOMPARE(stored().name, QStringLiteral("Riverside Skin Clinic"));
        QCOMPARE(stored().defaultIntervalMaxWeeks, 8);
    }

    void aConcernIsAddedRenamedMovedAndRetired()
    {
        m_dialog->showPage(ClinicSettingsDialog::Page::TreatmentConcerns);
        TreatmentConcernsPage *page = m_dialog->treatmentConcernsPage();
        QCOMPARE(page->list()->count(), 5);
        QVERIFY(page->findChildren<QPushButton *>(QStringLiteral("deleteButton")).isEmpty());

        QTest::mouseClick(page->findChild<QPushButton *>(QStringLiteral("addButton")), Qt::LeftButton);
        QTRY_VERIFY(page->nameEdit()->hasFocus());
        QTest::keyClicks(page->nameEdit(), QStringLiteral("enlarged pores"));
        QTest::mouseClick(page->saveButton(), Qt::LeftButton);
        QCOMPARE(page->errorText(), QString());
        QCOMPARE(listed(page->list()).last(), QStringLiteral("enlarged pores"));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM treatment_concern WHERE name = 'enlarged pores' AND "
                                      "active = 1 AND from_guide = 0")),
                 1);

        // Renamed and moved up one place: the list and the stored order agree.
        retype(page->nameEdit(), QStringLiteral("enlarged pores and oiliness"));
        QTest::mouseClick(page->saveButton(), Qt::LeftButton);
        QVERIFY(!page->moveDownButton()->isEnabled());
        QTest::mouseClick(page->moveUpButton(), Qt::LeftButton);
        QCOMPARE(page->list()->currentItem()->text(), QStringLiteral("enlarged pores and oiliness"));
        QCOMPARE(listed(page->list()).at(4), QStringLiteral("enlarged pores and oiliness"));
        QCOMPARE(text(QStringLiteral("SELECT name FROM treatment_concern ORDER BY sort_order DESC LIMIT 1 OFFSET 1")),
                 QStringLiteral("enlarged pores and oiliness"));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM treatment_concern WHERE name = 'enlarged pores'")), 0);

        // Retired, not deleted.
        QVERIFY(page->select(QStringLiteral("stretch marks")));
        QTest::mouseClick(page->activeBox(), Qt::LeftButton);
        QTest::mouseClick(page->saveButton(), Qt::LeftButton);
        QCOMPARE(page->list()->currentItem()->text(), QStringLiteral("stretch marks (inactive)"));
        QCOMPARE(count(QStringLiteral("SELECT active FROM treatment_concern WHERE name = 'stretch marks'")), 0);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM treatment_concern")), 6);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM audit_log WHERE entity = 'treatment_concern'")), 4);
    }

    void aDuplicateConcernIsRefusedNamingTheName()
    {
        m_dialog->showPage(ClinicSettingsDialog::Page::TreatmentConcerns);
        TreatmentConcernsPage *page = m_dialog->treatmentConcernsPage();
        QVERIFY(page->select(QStringLiteral("stretch marks")));
        retype(page->nameEdit(), QStringLiteral("Acne Scars"));
        QTest::mouseClick(page->saveButton(), Qt::LeftButton);
        QVERIFY2(page->errorText().startsWith(QStringLiteral("Name: ")), qPrintable(page->errorText()));
        QVERIFY2(page->errorText().contains(QStringLiteral("acne scars")), qPrintable(page->errorText()));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM treatment_concern WHERE name = 'stretch marks'")), 1);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM audit_log")), 0);
        QVERIFY(page->isDirty());
    }

    void anAreasDepthIsStoredOrCleared()
    {
        m_dialog->showPage(ClinicSettingsDialog::Page::TreatmentAreas);
        TreatmentAreasPage *page = m_dialog->treatmentAreasPage();
        QCOMPARE(page->list()->item(0)->text(), QStringLiteral("face (1.0 mm)"));
        QVERIFY(page->select(QStringLiteral("neck")));
        QVERIFY(page->depthBox()->isChecked());
        QCOMPARE(page->depthSpin()->value(), 0.5);
        page->depthSpin()->setFocus();
        QTest::keyClick(page->depthSpin(), Qt::Key_Up);
        QTest::mouseClick(page->saveButton(), Qt::LeftButton);
        QCOMPARE(page->errorText(), QString());
        QCOMPARE(m_temp
                     ->scalar(QStringLiteral("SELECT default_depth_mm FROM treatment_area_option WHERE name = "
                                             "'neck'"))
                     .toDouble(),
                 0.75);
        QCOMPARE(page->list()->currentItem()->text(), QStringLiteral("neck (0.75 mm)"));
        // The spin box keeps to the range the repository checks.
        QCOMPARE(page->depthSpin()->maximum(), 3.0);
        QCOMPARE(page->depthSpin()->minimum(), 0.25);

        page->addNew();
        QTest::keyClicks(page->nameEdit(), QStringLiteral("scalp"));
        QVERIFY(!page->depthBox()->isChecked());
        QTest::mouseClick(page->saveButton(), Qt::LeftButton);
        QCOMPARE(page->errorText(), QString());
        QVERIFY(m_temp
                    ->scalar(QStringLiteral("SELECT default_depth_mm FROM treatment_area_option WHERE name = "
                                            "'scalp'"))
                    .isNull());
        QCOMPARE(page->list()->currentItem()->text(), QStringLiteral("scalp"));

        page->addNew();
        QTest::mouseClick(page->saveButton(), Qt::LeftButton);
        QVERIFY2(page->errorText().startsWith(QStringLiteral("Name: ")), qPrintable(page->errorText()));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM treatment_area_option")), 13);
    }

    // A new plan starts with the clinic's defaults; the editor offers only the concerns and areas in use.
    void aNewPlanStartsWithTheClinicsDefaults()
    {
        m_dialog->showPage(ClinicSettingsDialog::Page::PlanDefaults);
        PlanDefaultsPage *defaults = m_dialog->planDefaultsPage();
        retype(defaults->sessionsBox(), 5);
        retype(defaults->minWeeksBox(), 3);
        retype(defaults->maxWeeksBox(), 8);
        QVERIFY(defaults->save());
        m_dialog->showPage(ClinicSettingsDialog::Page::TreatmentConcerns);
        TreatmentConcernsPage *concerns = m_dialog->treatmentConcernsPage();
        QVERIFY(concerns->select(QStringLiteral("stretch marks")));
        QTest::mouseClick(concerns->activeBox(), Qt::LeftButton);
        QVERIFY(concerns->save());
        m_dialog->showPage(ClinicSettingsDialog::Page::TreatmentAreas);
        TreatmentAreasPage *areas = m_dialog->treatmentAreasPage();
        QVERIFY(areas->select(QStringLiteral("hips")));
        QTest::mouseClick(areas->activeBox(), Qt::LeftButton);
        QVERIFY(areas->save());

        PlanEditor editor(*m_session, qint64(1));
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        QCOMPARE(editor.sessionsBox()->value(), 5);
        QCOMPARE(editor.minWeeksBox()->value(), 3);
        QCOMPARE(editor.maxWeeksBox()->value(), 8);
        QCOMPARE(editor.concernList()->count(), 4);
        QVERIFY(editor.concernList()->findItems(QStringLiteral("stretch marks"), Qt::MatchExactly).isEmpty());
        QCOMPARE(editor.areaTable()->rowCount(), 11);
        QVERIFY(editor.areaTable()->findItems(QStringLiteral("hips"), Qt::MatchExactly).isEmpty());
        QCOMPARE(editor.currentPlan().intervalMaxWeeks, 8);
    }
};

QTEST_MAIN(TestTreatmentSettings)
#include "tst_ui_treatmentsettings.moc"
