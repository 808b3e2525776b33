#include "FrontDeskFixture.h"
#include "TestSession.h"
#include "ui/patientfile/PatientMergeDialog.h"

#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>

using namespace dermdesk;
using test::newYorkAt;
using ui::PatientMergeDialog;

// Merging two records from the dialog: both side by side, what moves, a refusal in place, confirmation first.
// "Now" is Thursday 2026-11-26 09:00 in New York.
class TestPatientMergeDialog : public QObject
{
    Q_OBJECT

private:
    test::FrontDeskFixture m_fixture;
    std::unique_ptr<ClinicSession> m_session;

    // The clinic session the widgets under test work on (opened on first use).
    ClinicSession &session()
    {
        if (!m_session)
            m_session = test::openSession(*m_fixture.temp, m_fixture.clock);
        return *m_session;
    }
    std::unique_ptr<PatientMergeDialog> m_dialog;

    void open(qint64 merged, qint64 survivor)
    {
        m_dialog = std::make_unique<PatientMergeDialog>(session(), m_fixture.prompter);
        QVERIFY(m_dialog->setPatients(merged, survivor));
        m_dialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
    }

private slots:
    void initTestCase() { test::FrontDeskFixture::initTestCase("tst_ui_patientmergedialog"); }

    void init() { QVERIFY(m_fixture.init()); }

    void cleanup()
    {
        m_dialog.reset();
        m_session.reset();
        m_fixture.temp.reset();
    }

    void showsBothRecordsAndMergesAfterConfirmation()
    {
        QVERIFY(m_fixture.book(4, 1, 2, newYorkAt(QDate(2026, 11, 30), 9)));
        open(4, 1);
        auto *table = m_dialog->findChild<QTableWidget *>(QStringLiteral("mergeTable"));
        QVERIFY(table->horizontalHeaderItem(0)->text().contains(QLatin1String("Wei Wang")));
        QVERIFY(table->horizontalHeaderItem(1)->text().contains(QLatin1String("Joanna Smith")));
        QVERIFY(m_dialog->movesText().contains(QLatin1String("1 appointment")));
        QVERIFY(m_dialog->mergeButton()->isEnabled());
        test::saveScreenshot(m_dialog.get(), QStringLiteral("patient-merge"));

        // Saying no changes nothing.
        QTest::mouseClick(m_dialog->mergeButton(), Qt::LeftButton);
        QCOMPARE(m_fixture.prompter.confirmations.size(), 1);
        QCOMPARE(m_fixture.count(QStringLiteral("SELECT archived FROM patient WHERE id = 4")), 0);

        m_fixture.prompter.confirmAnswers = {true};
        QSignalSpy merged(m_dialog.get(), &PatientMergeDialog::merged);
        QTest::mouseClick(m_dialog->mergeButton(), Qt::LeftButton);
        QCOMPARE(merged.count(), 1);
        QCOMPARE(merged.at(0).at(0).toLongLong(), 1);
        QCOMPARE(m_fixture.count(QStringLiteral("SELECT archived FROM patient WHERE id = 4")), 1);
        QCOMPARE(m_fixture.count(QStringLiteral("SELECT count(*) FROM appointment WHERE patient_id = 1")), 1);
    }

    void swapKeepsTheOtherRecord()
    {
        open(4, 1);
        QTest::mouseClick(m_dialog->findChild<QPushButton *>(QStringLiteral("swapButton")), Qt::LeftButton);
        auto *table = m_dialog->findChild<QTableWidget *>(QStringLiteral("mergeTable"));
        QVERIFY(table->horizontalHeaderItem(1)->text().contains(QLatin1String("Wei Wang")));
        m_fixture.prompter.confirmAnswers = {true};
        QTest::mouseClick(m_dialog->mergeButton(), Qt::LeftButton);
        QCOMPARE(m_fixture.count(QStringLiteral("SELECT merged_into_id FROM patient WHERE id = 1")), 4);
    }

    void overlappingAppointmentsAreRefusedInPlace()
    {
        QVERIFY(m_fixture.book(4, 1, 2, newYorkAt(QDate(2026, 11, 30), 9)));
        QVERIFY(m_fixture.book(2, 2, 2, newYorkAt(QDate(2026, 11, 30), 9)));
        open(4, 2);
        QVERIFY(!m_dialog->mergeButton()->isEnabled());
        QVERIFY2(m_dialog->movesText().contains(QLatin1String("overlap")), qPrintable(m_dialog->movesText()));
        QCOMPARE(m_fixture.count(QStringLiteral("SELECT archived FROM patient WHERE id = 4")), 0);
    }
};

QTEST_MAIN(TestPatientMergeDialog)
#include "tst_ui_patientmergedialog.moc"
