#include "FileMode.h"
#include "FrontDeskFixture.h"
#include "Keyboard.h"
#include "TestSession.h"
#include "patients/PatientListModel.h"
#include "ui/frontdesk/BookingDialog.h"
#include "ui/frontdesk/FrontDesk.h"
#include "ui/patientfile/NewPatientDialog.h"
#include "ui/patientfile/PatientExports.h"
#include "ui/patientfile/PatientMergeDialog.h"
#include "ui/patientfile/PatientPage.h"
#include "ui/patientfile/PatientPicker.h"
#include "ui/patientfile/PatientTimeline.h"
#include "ui/patientfile/PatientsArea.h"
#include "ui/schedule/ScheduleArea.h"
#include "ui/schedule/ScheduleView.h"
#include "ui/shell/MainWindow.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTableView>
#include <QTemporaryDir>
#include <QToolButton>
#include <QTreeWidget>

using namespace dermdesk;
using ui::PatientPage;
using ui::PatientsArea;

// Finding a patient and opening their page with the keyboard alone, going back, and booking for them.
class TestPatientsArea : public QObject
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
    std::unique_ptr<PatientsArea> m_area;

    void findByTyping(const QString &text)
    {
        m_area->focusSearch();
        QTRY_COMPARE(QApplication::focusWidget(), m_area->searchEdit());
        test::typeText(m_area->searchEdit(), text);
        QTRY_COMPARE(m_area->model()->searchText(), text);
    }

private slots:
    void initTestCase()
    {
        test::useUsualUmask();
        test::FrontDeskFixture::initTestCase("tst_ui_patientsarea");
    }

    void init()
    {
        QVERIFY(m_fixture.init());
        m_area = std::make_unique<PatientsArea>(session(), m_fixture.prompter);
        m_area->resize(1200, 800);
        m_area->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_area.get()));
    }

    void cleanup()
    {
        m_area.reset();
        m_session.reset();
        m_fixture.temp.reset();
    }

    // A caller who is not registered yet: what was typed into the search (name and phone) carries over to
    // the new-patient form, and once created the patient's page is open, as if picked from the results.
    void aSearchWithNoMatchOffersANewPatientWithWhatWasTyped()
    {
        findByTyping(QStringLiteral("Quentin Marlowe 555-0199"));
        QCOMPARE(m_area->model()->rowCount(), 0);
        QVERIFY(m_area->newPatientButton()->isVisible());
        QTest::keyClick(m_area->searchEdit(), Qt::Key_Return);
        ui::NewPatientDialog *form = nullptr;
        QTRY_VERIFY((form = m_area->findChild<ui::NewPatientDialog *>()) && form->isVisible());
        const auto field = [form](const char *name) { return form->findChild<QLineEdit *>(QLatin1String(name)); };
        QCOMPARE(field("givenNameEdit")->text(), QStringLiteral("Quentin"));
        QCOMPARE(field("familyNameEdit")->text(), QStringLiteral("Marlowe"));
        QCOMPARE(field("phoneEdit")->text(), QStringLiteral("555-0199"));
        // The first field left to fill has the focus.
        QTRY_COMPARE(QApplication::focusWidget(), field("birthDateEdit"));
        test::typeText(field("birthDateEdit"), QStringLiteral("1988-03-14"));
        QTest::keyClick(field("birthDateEdit"), Qt::Key_Return);
        QTRY_VERIFY(m_area->isPageShown());
        const qint64 id = m_fixture.count(QStringLiteral("SELECT id FROM patient WHERE family_name = 'Marlowe' AND "
                                                         "given_name = 'Quentin' AND phone = '555-0199' AND "
                                                         "birth_date = '1988-03-14'"));
        QVERIFY(id > 0);
        QCOMPARE(m_area->patientPage()->patientId(), id);
        QCOMPARE(m_area->currentPatientId(), id);
    }

    // Two records of the same person, found by one search: select both, merge, and the newer one is archived
    // into the older with its history.
    void twoSelectedResultsMergeIntoOne()
    {
        QSqlQuery insert(m_fixture.database().connection());
        QVERIFY(insert.exec(QStringLiteral("INSERT INTO patient (id, given_name, family_name, archived, created_at, "
                                           "updated_at) VALUES (10, 'Joanna', 'Smith', 0, 0, 0)")));
        QVERIFY(m_fixture.book(10, 2, 2, test::newYorkAt(QDate(2026, 11, 27), 10)));
        findByTyping(QStringLiteral("joanna smith"));
        QCOMPARE(m_area->model()->rowCount(), 2);
        QVERIFY(!m_area->mergeButton()->isEnabled());
        m_area->resultView()->selectAll();
        QVERIFY(m_area->mergeButton()->isEnabled());

        m_fixture.prompter.confirmAnswers = {true};
        ui::PatientMergeDialog *dialog = m_area->mergeSelected();
        QVERIFY(dialog);
        QVERIFY(dialog->mergeButton()->isEnabled());
        dialog->mergeNow();
        QCOMPARE(m_fixture.count(QStringLiteral("SELECT merged_into_id FROM patient WHERE id = 10 AND archived = 1")),
                 1);
        QCOMPARE(m_fixture.count(QStringLiteral("SELECT count(*) FROM appointment WHERE patient_id = 10")), 0);
        QCOMPARE(m_fixture.count(QStringLiteral("SELECT count(*) FROM appointment WHERE patient_id = 1")), 1);
        QCOMPARE(m_area->currentPatientId(), 1);
    }

    void theListAndARecordAreExportedToTheFilesChosen()
    {
        QTemporaryDir folder;
        QStringList asked;
        const auto chooseIn = [&folder, &asked](QWidget *, const QString &title, const QString &name, const QString &) {
            asked.append(title);
            return folder.filePath(name);
        };
        m_area->exports().setFileChooser(chooseIn);
        QTest::mouseClick(m_area->exportListButton(), Qt::LeftButton);
        QFile list(folder.filePath(QStringLiteral("patients.csv")));
        QVERIFY(list.open(QIODevice::ReadOnly));
        const QByteArray csv = list.readAll();
        QVERIFY(csv.startsWith("\xEF\xBB\xBF"));
        QVERIFY(QString::fromUtf8(csv).contains(QStringLiteral("Müller")));
        QCOMPARE(test::fileMode(list.fileName()), QStringLiteral("600"));

        m_area->showPatient(2);
        PatientPage *page = m_area->patientPage();
        page->exports().setFileChooser(chooseIn);
        const QList<QAction *> actions = page->exportButton()->menu()->actions();
        QCOMPARE(actions.size(), 3);
        actions.at(2)->trigger(); // Save Record as JSON…
        QFile json(folder.filePath(QStringLiteral("patient-2.json")));
        QVERIFY(json.open(QIODevice::ReadOnly));
        const QJsonObject record = QJsonDocument::fromJson(json.readAll()).object();
        QCOMPARE(record.value(QStringLiteral("patient")).toObject().value(QStringLiteral("family_name")).toString(),
                 QStringLiteral("Müller"));
        QCOMPARE(test::fileMode(json.fileName()), QStringLiteral("600"));
        actions.at(1)->trigger(); // Save Record as PDF…
        const QStringList pdfs = QDir(folder.path()).entryList({QStringLiteral("*.pdf")});
        QCOMPARE(pdfs.size(), 1);
        QCOMPARE(test::fileMode(folder.filePath(pdfs.first())), QStringLiteral("600"));
        QCOMPARE(asked.size(), 3);
    }

    void newPlanOnThePageAsksForAPlanForThatPatient()
    {
        QSignalSpy asked(m_area.get(), &PatientsArea::newPlanRequested);
        m_area->showPatient(2);
        QTest::mouseClick(m_area->patientPage()->newPlanButton(), Qt::LeftButton);
        QCOMPARE(asked.size(), 1);
        QCOMPARE(asked.at(0).at(0).toLongLong(), 2);
    }

    void typeDownEnterOpensThePatientsPage()
    {
        findByTyping(QStringLiteral("mü"));
        QCOMPARE(m_area->model()->rowCount(), 1);
        QTest::keyClick(m_area->searchEdit(), Qt::Key_Down);
        QCOMPARE(QApplication::focusWidget(), m_area->resultView());
        QTest::keyClick(m_area->resultView(), Qt::Key_Return);
        QTRY_VERIFY(m_area->isPageShown());
        PatientPage *page = m_area->patientPage();
        QVERIFY(page->isVisible());
        QCOMPARE(page->titleText(), QStringLiteral("Jürgen Müller"));
        QVERIFY2(page->detailsText().contains(QStringLiteral("50 years")), qPrintable(page->detailsText()));
    }

    void escapeGoesBackToTheResultsWithThePatientSelected()
    {
        findByTyping(QStringLiteral("s"));
        QTest::keyClick(m_area->searchEdit(), Qt::Key_Return);
        QTest::keyClick(m_area->resultView(), Qt::Key_Return);
        QTRY_VERIFY(m_area->isPageShown());
        const qint64 opened = m_area->patientPage()->patientId();
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
        QTRY_VERIFY(!m_area->isPageShown());
        QCOMPARE(QApplication::focusWidget(), m_area->resultView());
        QCOMPARE(m_area->currentPatientId(), opened);

        // The page's "Results" button does the same.
        m_area->showPatient(2);
        QVERIFY(m_area->isPageShown());
        QTest::mouseClick(m_area->patientPage()->findChild<QPushButton *>(QStringLiteral("backButton")),
                          Qt::LeftButton);
        QTRY_VERIFY(!m_area->isPageShown());
    }

    void doubleClickOnAResultOpensIt()
    {
        findByTyping(QStringLiteral("wang"));
        QTableView *view = m_area->resultView();
        QTRY_COMPARE(m_area->model()->rowCount(), 1);
        const QRect cell = view->visualRect(m_area->model()->index(0, PatientListModel::NameColumn));
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, cell.center());
        QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, cell.center());
        QTRY_VERIFY(m_area->isPageShown());
        QCOMPARE(m_area->patientPage()->titleText(), QStringLiteral("Wei Wang"));
    }

    void showPatientOpensThePageAndSelectsTheResult()
    {
        m_area->showPatient(1);
        QVERIFY(m_area->isPageShown());
        QCOMPARE(m_area->patientPage()->titleText(), QStringLiteral("Joanna Smith"));
        m_area->showResults();
        QCOMPARE(m_area->currentPatientId(), qint64(1));
    }

    void ctrlBOnAResultOrThePageAsksToBookForThatPatient()
    {
        QSignalSpy book(m_area.get(), &PatientsArea::bookRequested);
        findByTyping(QStringLiteral("smith"));
        QTest::keyClick(m_area->searchEdit(), Qt::Key_Down);
        QTest::keyClick(m_area->resultView(), Qt::Key_B, Qt::ControlModifier);
        QTRY_COMPARE(book.size(), 1);
        QCOMPARE(book.at(0).at(0).toLongLong(), qint64(1));

        QTest::keyClick(m_area->resultView(), Qt::Key_Return);
        QTRY_VERIFY(m_area->isPageShown());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_B, Qt::ControlModifier);
        QTRY_COMPARE(book.size(), 2);
        QCOMPARE(book.at(1).at(0).toLongLong(), qint64(1));

        QTest::mouseClick(m_area->patientPage()->findChild<QPushButton *>(QStringLiteral("bookButton")),
                          Qt::LeftButton);
        QTRY_COMPARE(book.size(), 3);
    }

    void anArchivedPatientIsNotBookedFor()
    {
        QSignalSpy book(m_area.get(), &PatientsArea::bookRequested);
        m_area->showPatient(3);
        QVERIFY(m_area->isPageShown());
        auto *button = m_area->patientPage()->findChild<QPushButton *>(QStringLiteral("bookButton"));
        QVERIFY(!button->isEnabled());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_B, Qt::ControlModifier);
        QCOMPARE(book.size(), 0);
    }

    void ctrlBInTheMainWindowOpensTheBookingFormForThePatient()
    {
        m_area.reset();
        auto reopened = m_fixture.temp->reopen();
        QVERIFY(reopened.ok());
        ui::MainWindow window(m_fixture.prompter, m_fixture.clock);
        window.setDatabase(std::move(reopened).value());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.showArea(ui::MainWindow::Area::Patients);
        PatientsArea *area = window.patientsArea();
        QTRY_COMPARE(QApplication::focusWidget(), area->searchEdit());
        test::typeText(area->searchEdit(), QStringLiteral("wang"));
        QTRY_COMPARE(area->model()->rowCount(), 1);
        QTest::keyClick(area->searchEdit(), Qt::Key_Down);
        QTest::keyClick(area->resultView(), Qt::Key_B, Qt::ControlModifier);
        QTRY_VERIFY(window.frontDesk() && window.frontDesk()->bookingDialog()
                    && window.frontDesk()->bookingDialog()->isVisible());
        QCOMPARE(window.frontDesk()->bookingDialog()->patientPicker()->patientId(), qint64(4));
        QCOMPARE(window.currentArea(), ui::MainWindow::Area::Patients);
    }

    void anUpcomingAppointmentOnThePageOpensOnTheSchedule()
    {
        m_area.reset();
        const qint64 booked = m_fixture.book(4, 1, 2, test::newYorkAt(QDate(2026, 11, 30), 10));
        QVERIFY(booked);
        auto reopened = m_fixture.temp->reopen();
        QVERIFY(reopened.ok());
        ui::MainWindow window(m_fixture.prompter, m_fixture.clock);
        window.setDatabase(std::move(reopened).value());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.openPatient(4);
        PatientPage *page = window.patientsArea()->patientPage();
        QTRY_VERIFY(page->isVisible());
        page->tabs()->setCurrentIndex(PatientPage::AppointmentsTab);
        QTreeWidget *timeline = page->timeline()->view();
        timeline->setFocus();
        timeline->setCurrentItem(page->timeline()->itemOf(booked));
        QTest::keyClick(timeline, Qt::Key_Return);
        QTRY_COMPARE(window.currentArea(), ui::MainWindow::Area::Schedule);
        QCOMPARE(window.scheduleArea()->date(), QDate(2026, 11, 30));
        QCOMPARE(window.scheduleArea()->scheduleView()->selectedAppointment(), booked);
    }
};

QTEST_MAIN(TestPatientsArea)
#include "tst_ui_patientsarea.moc"
