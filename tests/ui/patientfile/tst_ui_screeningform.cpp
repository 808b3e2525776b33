#include "FrontDeskFixture.h"
#include "Keyboard.h"
#include "Mnemonics.h"
#include "TestSession.h"
#include "common/TimeFormat.h"
#include "patients/ScreeningRepository.h"
#include "ui/patientfile/PatientPage.h"
#include "ui/patientfile/ScreeningBadge.h"
#include "ui/patientfile/ScreeningForm.h"

#include <QComboBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSqlQuery>
#include <QTabWidget>
#include <QTreeWidget>

using namespace dermdesk;
using ui::PatientPage;
using ui::ScreeningForm;

// The screening questionnaire on the patient page: "No to all" then the exceptions, by keyboard, saved
// through the repository (audited), with the day of each answer shown.
class TestScreeningForm : public QObject
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
    std::unique_ptr<PatientPage> m_page;
    // Patient 2 of the fixture clinic, screened on 1 Sep 2026 (Yes to anticoagulants and to isotretinoin).
    static constexpr qint64 patient = 2;
    const QDate earlier{2026, 9, 1};

    [[nodiscard]] ScreeningForm *form() const { return m_page->screeningForm(); }

    qint64 question(const char *code) const
    {
        for (const ScreeningQuestion &q : form()->questions()) {
            if (q.code == QLatin1String(code))
                return q.id;
        }
        return 0;
    }

    void openScreeningTab(const QSize &size)
    {
        m_page = std::make_unique<PatientPage>(session(), m_fixture.prompter);
        m_page->resize(size);
        m_page->show();
        QVERIFY(QTest::qWaitForWindowActive(m_page.get()));
        QVERIFY(m_page->load(patient));
        m_page->tabs()->setCurrentIndex(PatientPage::ScreeningTab);
    }

private slots:
    void initTestCase() { test::FrontDeskFixture::initTestCase("tst_ui_screeningform"); }

    void init()
    {
        QVERIFY(m_fixture.init());
        m_fixture.clock.set(QDateTime(earlier, QTime(15, 0), Qt::UTC));
        ScreeningRepository repository(m_fixture.database(), m_fixture.clock);
        auto questions = repository.questions();
        QVERIFY(questions.ok());
        QList<ScreeningAnswer> before;
        for (const ScreeningQuestion &q : questions.value()) {
            ScreeningAnswer answer;
            answer.questionId = q.id;
            if (q.code == QLatin1String("anticoagulants")) {
                answer.yes = true;
                answer.detail = QStringLiteral("Warfarin");
            } else if (q.code == QLatin1String("isotretinoin")) {
                answer.yes = true;
                answer.eventDate = QDate(2026, 8, 1);
            }
            before.append(answer);
        }
        QVERIFY(repository.recordAnswers(patient, before).ok());
        m_fixture.clock.set(test::FakeClock().now());
    }

    void cleanup()
    {
        m_page.reset();
        m_session.reset();
        m_fixture.temp.reset();
    }

    void showsWhenEachAnswerWasGivenAndTheDateItRefersTo()
    {
        openScreeningTab(QSize(1280, 800));
        const qint64 isotretinoin = question("isotretinoin");
        QCOMPARE(form()->answeredOnText(isotretinoin), shortDateText(earlier));
        QCOMPARE(form()->answeredOnText(question("pregnancy")), shortDateText(earlier));
        QCOMPARE(form()->dateEdit(isotretinoin)->text(), QStringLiteral("2026-08-01"));
        QVERIFY(form()->dateEdit(isotretinoin)->isEnabled());
        QVERIFY(!form()->dateEdit(question("laser"))->isEnabled());
        test::saveScreenshot(m_page.get(), QStringLiteral("screening-1280x800"));
    }

    void noToAllThenTheExceptionsByKeyboard()
    {
        openScreeningTab(QSize(1600, 1000));
        const qint64 anticoagulants = question("anticoagulants");
        const qint64 isotretinoin = question("isotretinoin");
        const qint64 diabetes = question("diabetes_immune");
        QCOMPARE(form()->answerCombo(anticoagulants)->currentIndex(), int(ScreeningForm::Yes));

        // Alt+A: "No to all". Every answer is No; the two that were Yes are marked; nothing is saved yet.
        const qint64 answersBefore = m_fixture.count(QStringLiteral("SELECT count(*) FROM screening_answer"));
        QTest::keyClick(m_page.get(), Qt::Key_A, Qt::AltModifier);
        // A mnemonic presses its button the way a click shows it: a moment later.
        QTRY_COMPARE(form()->answerCombo(anticoagulants)->currentIndex(), int(ScreeningForm::No));
        for (const ScreeningQuestion &q : form()->questions())
            QCOMPARE(form()->answerCombo(q.id)->currentIndex(), int(ScreeningForm::No));
        QCOMPARE(form()->answeredOnText(anticoagulants), QStringLiteral("Was Yes on %1").arg(shortDateText(earlier)));
        QCOMPARE(form()->answeredOnText(isotretinoin), QStringLiteral("Was Yes on %1").arg(shortDateText(earlier)));
        QCOMPARE(form()->answeredOnText(question("pregnancy")), shortDateText(earlier));
        QVERIFY(form()->dateEdit(isotretinoin)->text().isEmpty());
        QVERIFY(form()->detailEdit(anticoagulants)->text().isEmpty());
        QVERIFY2(form()->outcomeText().contains(QStringLiteral("the 2 that said Yes are marked")),
                 qPrintable(form()->outcomeText()));
        QCOMPARE(m_fixture.count(QStringLiteral("SELECT count(*) FROM screening_answer")), answersBefore);
        // The focus is on the first answer, ready for the exceptions.
        QCOMPARE(QApplication::focusWidget(), form()->answerCombo(form()->questions().first().id));

        // The exceptions, from the keyboard: Y on an answer chooses Yes.
        QComboBox *anticoagulantsAnswer = form()->answerCombo(anticoagulants);
        anticoagulantsAnswer->setFocus();
        QTest::keyClick(anticoagulantsAnswer, Qt::Key_Y);
        QCOMPARE(anticoagulantsAnswer->currentIndex(), int(ScreeningForm::Yes));
        QTest::keyClick(anticoagulantsAnswer, Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), form()->detailEdit(anticoagulants));
        test::typeText(form()->detailEdit(anticoagulants), QStringLiteral("Apixaban"));
        QCOMPARE(form()->answeredOnText(anticoagulants), QStringLiteral("Not saved yet"));
        QComboBox *diabetesAnswer = form()->answerCombo(diabetes);
        diabetesAnswer->setFocus();
        QTest::keyClick(diabetesAnswer, Qt::Key_Y);
        QCOMPARE(diabetesAnswer->currentIndex(), int(ScreeningForm::Yes));
        test::saveScreenshot(m_page.get(), QStringLiteral("screening-no-to-all-1600x1000"));

        // Alt+C records: 15 answers today, through the repository, audited on the patient.
        QTest::keyClick(m_page.get(), Qt::Key_C, Qt::AltModifier);
        QTRY_COMPARE(m_fixture.count(QStringLiteral("SELECT count(*) FROM screening_answer")), answersBefore + 15);
        QVERIFY2(form()->outcomeText().startsWith(QStringLiteral("15 answers recorded today")),
                 qPrintable(form()->outcomeText()));
        auto latest = ScreeningRepository(m_fixture.database()).latestAnswers(patient);
        QVERIFY(latest.ok());
        for (const ScreeningQuestion &q : form()->questions()) {
            const ScreeningAnswer answer = latest.value().value(q.id);
            QCOMPARE(answer.answeredAt, m_fixture.clock.now().toSecsSinceEpoch());
            QCOMPARE(answer.yes, q.id == anticoagulants || q.id == diabetes);
            QVERIFY(!answer.eventDate.isValid());
            QCOMPARE(form()->answeredOnText(q.id), shortDateText(QDate(2026, 11, 26)));
        }
        QCOMPARE(latest.value().value(anticoagulants).detail, QStringLiteral("Apixaban"));
        QSqlQuery audit(m_fixture.database().connection());
        QVERIFY(audit.exec(QStringLiteral("SELECT details FROM audit_log WHERE action = 'screening' AND entity = "
                                          "'patient' AND entity_id = %1 ORDER BY id DESC LIMIT 1")
                               .arg(patient)));
        QVERIFY(audit.next());
        const QJsonArray recorded = QJsonDocument::fromJson(audit.value(0).toString().toUtf8())
                                        .object()
                                        .value(QStringLiteral("answers"))
                                        .toArray();
        QCOMPARE(recorded.size(), qsizetype(15));
        // The header follows: two cautions, no stop (isotretinoin is No now).
        QTRY_COMPARE(m_page->screeningBadge()->level(), ui::ScreeningBadge::Level::Caution);
        QVERIFY2(m_page->screeningBadge()->detailText().contains(QStringLiteral("Diabetes")),
                 qPrintable(m_page->screeningBadge()->detailText()));
        // The history shows both sittings.
        QCOMPARE(form()->historyView()->topLevelItemCount(), 30);
    }

    void noToAllComesFirstInTheTabOrderAndNoMnemonicIsShared()
    {
        openScreeningTab(QSize(1280, 800));
        form()->noToAllButton()->setFocus();
        QTest::keyClick(form()->noToAllButton(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), form()->answerCombo(form()->questions().first().id));
        // No Alt+letter is shared on the page, on the questionnaire or on the record beside it; Alt+Q opens
        // the questionnaire.
        DERMDESK_VERIFY_UNIQUE_MNEMONICS(m_page.get());
        m_page->tabs()->setCurrentIndex(PatientPage::RecordTab);
        DERMDESK_VERIFY_UNIQUE_MNEMONICS(m_page.get());
        QTest::keyClick(m_page.get(), Qt::Key_Q, Qt::AltModifier);
        QTRY_COMPARE(m_page->tabs()->currentIndex(), int(PatientPage::ScreeningTab));
    }
};

QTEST_MAIN(TestScreeningForm)
#include "tst_ui_screeningform.moc"
