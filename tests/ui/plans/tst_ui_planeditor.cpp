#include "FakeClock.h"
#include "PlanClinic.h"
#include "TestSession.h"
#include "clinic/ClinicRepository.h"
#include "storage/AuditLog.h"
#include "treatment/TreatmentVocabularyRepository.h"
#include "ui/patientfile/PatientPicker.h"
#include "ui/plans/PlanEditor.h"

#include "ui/widgets/DateField.h"
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTableWidget>
#include <QTreeWidget>
#include <QtTest>

using namespace dermdesk;
using ui::PlanEditor;

// The plan editor's patient field: the booking form's type-ahead picker. Typing part of a name lists the
// matches; Enter chooses; the plan is saved for that patient. Opened for a known patient (the patient page's
// "New Plan...") it shows that patient's name; editing a stored plan keeps its patient fixed.
class TestPlanEditor : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::TempDatabase> m_temp;
    std::unique_ptr<ClinicSession> m_session;

    // The clinic session the widgets under test work on (opened on first use).
    ClinicSession &session()
    {
        if (!m_session)
            m_session = test::openSession(*m_temp, m_clock);
        return *m_session;
    }
    test::FakeClock m_clock{QDateTime(QDate(2026, 11, 26), QTime(14, 0), Qt::UTC)};

    static QLineEdit *patientField(const PlanEditor &editor) { return editor.patientPicker()->lineEdit(); }

private slots:
    void initTestCase() { QLocale::setDefault(QLocale::c()); }

    void init()
    {
        m_temp = std::make_unique<test::TempDatabase>();
        QVERIFY(test::seedScheduleClinic(*m_temp));
        QVERIFY(test::screenFixturePatients(*m_temp, test::dayBeforeTestNow, 365));
    }

    void cleanup()
    {
        m_session.reset();
        m_temp.reset();
    }

    void findsThePatientByTypingPartOfTheName()
    {
        PlanEditor editor(session(), 0);
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        QVERIFY(patientField(editor)->text().isEmpty());
        patientField(editor)->setFocus();
        QTest::keyClicks(patientField(editor), QStringLiteral("wan"));
        QTreeWidget *results = editor.patientPicker()->resultList();
        QTRY_VERIFY(results->isVisible());
        QCOMPARE(results->topLevelItemCount(), 1);
        QCOMPARE(results->topLevelItem(0)->text(0), QStringLiteral("Wei Wang"));
        editor.grab().save(QStringLiteral("/tmp/planeditor-typing.png"));
        QTest::keyClick(patientField(editor), Qt::Key_Return);
        QCOMPARE(editor.patientPicker()->patientId(), qint64(4));
        QCOMPARE(patientField(editor)->text(), QStringLiteral("Wei Wang"));
        QVERIFY(!results->isVisible());

        QTest::mouseClick(editor.saveButton(), Qt::LeftButton);
        QTRY_COMPARE(editor.result(), int(QDialog::Accepted));
        QVERIFY(editor.plan().id > 0);
        QCOMPARE(TreatmentPlanRepository(m_temp->database(), m_clock).find(editor.plan().id).value().patientId,
                 qint64(4));
    }

    void withoutAPatientNothingIsSaved()
    {
        PlanEditor editor(session(), 0);
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        // Typed but not chosen: no patient yet.
        QTest::keyClicks(patientField(editor), QStringLiteral("Smi"));
        QTest::mouseClick(editor.saveButton(), Qt::LeftButton);
        QVERIFY(editor.isVisible());
        QVERIFY2(editor.messageLabel()->text().contains(QStringLiteral("patient")),
                 qPrintable(editor.messageLabel()->text()));
        QCOMPARE(test::scalar(m_temp->database(), QStringLiteral("SELECT count(*) FROM treatment_plan")), qint64(0));
    }

    void openedForAKnownPatientShowsTheirName()
    {
        PlanEditor editor(session(), 2);
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        QCOMPARE(editor.patientPicker()->patientId(), qint64(2));
        QCOMPARE(patientField(editor)->text(), QStringLiteral("Jürgen Müller"));
        QVERIFY(!patientField(editor)->isReadOnly());
        editor.grab().save(QStringLiteral("/tmp/planeditor-prefilled.png"));
    }

    void editingAStoredPlanKeepsItsPatient()
    {
        const TreatmentPlan stored =
            TreatmentPlanRepository(m_temp->database(), m_clock).create(test::microneedlingPlan(4, 4, 6)).value();
        PlanEditor editor(session(), stored);
        QCOMPARE(patientField(editor)->text(), QStringLiteral("Joanna Smith"));
        QVERIFY(patientField(editor)->isReadOnly());
        QCOMPARE(editor.currentPlan().patientId, qint64(1));
    }

    // Retiring or renaming a concern or an area in Clinic Settings does not take it off the plans that have it:
    // the editor lists it ticked (with the plan's depth) and saving keeps it.
    void savingKeepsConcernsAndAreasClinicSettingsRetired()
    {
        TreatmentPlan plan = test::microneedlingPlan(4, 4, 6);
        plan.areas = {{QStringLiteral("face"), 1.0}, {QStringLiteral("forehead"), 0.75}};
        const TreatmentPlan stored = TreatmentPlanRepository(m_temp->database(), m_clock).create(plan).value();
        TreatmentVocabularyRepository vocabulary(m_temp->database(), m_clock);
        const QList<TreatmentConcern> concerns = vocabulary.concerns().value();
        for (TreatmentConcern concern : concerns) {
            if (concern.name == QStringLiteral("acne scars")) {
                concern.active = false;
                QVERIFY(vocabulary.saveConcern(concern).ok());
            }
        }
        const QList<TreatmentAreaOption> areas = vocabulary.areas().value();
        for (TreatmentAreaOption area : areas) {
            if (area.name == QStringLiteral("forehead")) {
                area.active = false;
                QVERIFY(vocabulary.saveArea(area).ok());
            } else if (area.name == QStringLiteral("face")) {
                area.name = QStringLiteral("full face");
                QVERIFY(vocabulary.saveArea(area).ok());
            }
        }

        PlanEditor editor(session(), stored);
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        const QList<QListWidgetItem *> concern =
            editor.concernList()->findItems(QStringLiteral("acne scars"), Qt::MatchExactly);
        QCOMPARE(concern.size(), 1);
        QCOMPARE(concern.first()->checkState(), Qt::Checked);
        for (const QString &name : {QStringLiteral("face"), QStringLiteral("forehead")}) {
            const QList<QTableWidgetItem *> area = editor.areaTable()->findItems(name, Qt::MatchExactly);
            QCOMPARE(area.size(), 1);
            QCOMPARE(area.first()->checkState(), Qt::Checked);
        }
        // The renamed area is offered under its new name, not ticked.
        const QList<QTableWidgetItem *> renamed =
            editor.areaTable()->findItems(QStringLiteral("full face"), Qt::MatchExactly);
        QCOMPARE(renamed.size(), 1);
        QCOMPARE(renamed.first()->checkState(), Qt::Unchecked);
        const int forehead = editor.areaTable()->findItems(QStringLiteral("forehead"), Qt::MatchExactly).first()->row();
        QCOMPARE(qobject_cast<QDoubleSpinBox *>(editor.areaTable()->cellWidget(forehead, 1))->value(), 0.75);

        QTest::mouseClick(editor.saveButton(), Qt::LeftButton);
        QTRY_COMPARE(editor.result(), int(QDialog::Accepted));
        const TreatmentPlan saved = TreatmentPlanRepository(m_temp->database(), m_clock).find(stored.id).value();
        QCOMPARE(saved.concerns, QStringList{QStringLiteral("acne scars")});
        const QList<PlanArea> kept{{QStringLiteral("face"), 1.0}, {QStringLiteral("forehead"), 0.75}};
        QCOMPARE(saved.areas, kept);
    }

    // The consent row: "Not recorded" until the desk records the signed form. Record Consent... offers the
    // clinic's current form version and today (in the clinic's zone); a future date is refused naming the date
    // with nothing stored; Enter in the form records it, the row shows it and the plan keeps it.
    void recordingTheConsentFromTheEditor()
    {
        ClinicSettings clinic = *ClinicRepository(m_temp->database(), m_clock).settings().value();
        clinic.consentFormVersion = QStringLiteral("MN-2026-3");
        QVERIFY(ClinicRepository(m_temp->database(), m_clock).saveSettings(clinic).ok());
        TreatmentPlanRepository plans(m_temp->database(), m_clock);
        const TreatmentPlan stored = plans.create(test::microneedlingPlan(4, 4, 6)).value();

        PlanEditor editor(session(), stored);
        editor.resize(editor.sizeHint());
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        QCOMPARE(editor.consentLabel()->text(), QStringLiteral("Not recorded"));
        QVERIFY(!editor.consentVersionEdit()->isVisible());
        QTest::mouseClick(editor.recordConsentButton(), Qt::LeftButton);
        QTRY_VERIFY(editor.consentVersionEdit()->isVisible());
        QCOMPARE(editor.consentVersionEdit()->text(), QStringLiteral("MN-2026-3"));
        QCOMPARE(editor.consentDateEdit()->date(), QDate(2026, 11, 26));
        editor.grab().save(QStringLiteral("/tmp/planeditor-consent-form.png"));

        editor.consentDateEdit()->setDate(QDate(2026, 11, 27));
        QTest::mouseClick(editor.consentConfirmButton(), Qt::LeftButton);
        QTRY_VERIFY(editor.messageLabel()->isVisible());
        QVERIFY2(editor.messageLabel()->text().contains(QStringLiteral("future")),
                 qPrintable(editor.messageLabel()->text()));
        QVERIFY(!plans.find(stored.id).value().consentDate.isValid());
        QCOMPARE(editor.consentLabel()->text(), QStringLiteral("Not recorded"));

        editor.consentDateEdit()->setDate(QDate(2026, 11, 20));
        editor.consentVersionEdit()->setFocus();
        QTest::keyClick(editor.consentVersionEdit(), Qt::Key_Return);
        QTRY_VERIFY(!editor.consentVersionEdit()->isVisible());
        QVERIFY(editor.isVisible());
        QVERIFY(!editor.messageLabel()->isVisible());
        const QString shown =
            QStringLiteral("Form MN-2026-3, signed 2026-11-20 (recorded by %1)").arg(m_temp->database().actor().person);
        QCOMPARE(editor.consentLabel()->text(), shown);
        QCOMPARE(plans.find(stored.id).value().consentFormVersion, QStringLiteral("MN-2026-3"));
        QCOMPARE(plans.find(stored.id).value().consentDate, QDate(2026, 11, 20));
        QCOMPARE(test::scalar(m_temp->database(), QStringLiteral("SELECT count(*) FROM audit_log "
                                                                 "WHERE action = 'consent'")),
                 qint64(1));
        editor.grab().save(QStringLiteral("/tmp/planeditor-consent-recorded.png"));

        QTest::mouseClick(editor.saveButton(), Qt::LeftButton);
        QTRY_COMPARE(editor.result(), int(QDialog::Accepted));
        const TreatmentPlan saved = plans.find(stored.id).value();
        QCOMPARE(saved.consentDate, QDate(2026, 11, 20));
        QCOMPARE(PlanEditor(session(), saved).consentLabel()->text(), shown);
    }

    void aNewPlanRecordsItsConsentOnceSaved()
    {
        PlanEditor editor(session(), 1);
        QCOMPARE(editor.consentLabel()->text(), QStringLiteral("Not recorded"));
        QVERIFY(!editor.recordConsentButton()->isEnabled());
    }
};

QTEST_MAIN(TestPlanEditor)
#include "tst_ui_planeditor.moc"
