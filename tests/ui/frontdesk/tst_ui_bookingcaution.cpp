#include "AuditDetails.h"
#include "FrontDeskFixture.h"
#include "Keyboard.h"
#include "patients/ScreeningRepository.h"
#include "ui/frontdesk/BookingDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QJsonArray>
#include <QJsonObject>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>

using namespace dermdesk;
using test::newYorkAt;
using ui::BookingDialog;

namespace {
const QDate tuesday(2026, 12, 1);
} // namespace

// The booking form under the screening rules: a stop refuses the session by the rule's name, a caution is
// shown in the live check and Book waits for an acknowledgement with a reason. Wei Wang (4) answers the
// screening "now", Thursday 2026-11-26 09:00 in New York.
class TestBookingCautionForm : public QObject
{
    Q_OBJECT

private:
    test::FrontDeskFixture m_fixture;
    std::unique_ptr<BookingDialog> m_dialog;

    void answer(qint64 question, QDate eventDate = {})
    {
        ScreeningAnswer yes;
        yes.questionId = question;
        yes.yes = true;
        yes.eventDate = eventDate;
        QVERIFY(ScreeningRepository(m_fixture.database(), m_fixture.clock).recordAnswers(4, {yes}));
    }

    void openFor(qint64 type, qint64 start)
    {
        PatientSummary wei;
        wei.id = 4;
        wei.givenName = QStringLiteral("Wei");
        wei.familyName = QStringLiteral("Wang");
        m_dialog = std::make_unique<BookingDialog>(*m_fixture.session, m_fixture.prompter);
        m_dialog->setPrefill({wei, type, 1, std::nullopt, start});
        m_dialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
    }

    QCheckBox *acknowledgeBox() const { return m_dialog->findChild<QCheckBox *>(QStringLiteral("acknowledgeCheck")); }
    QLineEdit *reasonEdit() const { return m_dialog->findChild<QLineEdit *>(QStringLiteral("acknowledgeReasonEdit")); }

private slots:
    void initTestCase() { test::FrontDeskFixture::initTestCase("tst_ui_bookingcaution"); }

    void init() { QVERIFY(m_fixture.init()); }

    void cleanup()
    {
        m_dialog.reset();
        m_fixture.close();
    }

    void aStopRefusesTheSessionByTheRulesName()
    {
        answer(3, QDate(2026, 11, 2)); // isotretinoin: stop within 180 days
        openFor(1, newYorkAt(tuesday, 9));
        QTRY_VERIFY(m_dialog->outcomeText().contains(QLatin1String("Isotretinoin within 180 days")));
        QVERIFY(!m_dialog->submitButton()->isEnabled());
        QVERIFY(!acknowledgeBox()->isVisible());
        QTest::keyClick(m_dialog.get(), Qt::Key_Return);
        QCOMPARE(m_fixture.count(QStringLiteral("SELECT count(*) FROM appointment")), 0);
        test::saveScreenshot(m_dialog.get(), QStringLiteral("booking-stop"));

        // The same patient can still have a consultation.
        auto *type = m_dialog->findChild<QComboBox *>(QStringLiteral("typeCombo"));
        type->setCurrentIndex(type->findData(qint64(2)));
        QTRY_VERIFY(m_dialog->submitButton()->isEnabled());
    }

    void aCautionNeedsAnAcknowledgementWithAReason()
    {
        answer(4); // anticoagulants: caution
        openFor(1, newYorkAt(tuesday, 9));
        QTRY_VERIFY(m_dialog->outcomeText().contains(QLatin1String("Anticoagulants or bleeding disorder")));
        QVERIFY(!m_dialog->submitButton()->isEnabled());
        QVERIFY(acknowledgeBox()->isVisible());
        QVERIFY(!acknowledgeBox()->isChecked());

        // Ticking without a reason is not enough.
        QTest::mouseClick(acknowledgeBox(), Qt::LeftButton);
        QVERIFY(acknowledgeBox()->isChecked());
        QVERIFY(!m_dialog->submitButton()->isEnabled());

        reasonEdit()->setFocus();
        test::typeText(reasonEdit(), QStringLiteral("INR checked today"));
        QTRY_VERIFY(m_dialog->submitButton()->isEnabled());
        QVERIFY(reasonEdit()->hasFocus());
        QVERIFY(m_dialog->outcomeText().contains(QLatin1String("acknowledged")));
        test::saveScreenshot(m_dialog.get(), QStringLiteral("booking-caution"));

        QSignalSpy booked(m_dialog.get(), &BookingDialog::booked);
        QTest::mouseClick(m_dialog->submitButton(), Qt::LeftButton);
        QCOMPARE(booked.count(), 1);
        const qint64 id = booked.at(0).at(0).toLongLong();
        const QJsonObject details = test::auditDetails(*m_fixture.temp, QStringLiteral("screening.acknowledged"),
                                                       QStringLiteral("entity_id = %1").arg(id));
        QCOMPARE(details.value(QStringLiteral("reason")).toString(), QStringLiteral("INR checked today"));
    }

    void aNeverScreenedPatientsTreatmentNeedsAnAcknowledgement()
    {
        openFor(1, newYorkAt(tuesday, 9)); // Wei Wang has never answered the screening
        QTRY_VERIFY2(m_dialog->outcomeText().contains(QLatin1String("No screening")),
                     qPrintable(m_dialog->outcomeText()));
        QVERIFY(!m_dialog->submitButton()->isEnabled());
        QVERIFY(acknowledgeBox()->isVisible());
        QTest::keyClick(m_dialog.get(), Qt::Key_Return);
        QCOMPARE(m_fixture.count(QStringLiteral("SELECT count(*) FROM appointment")), 0);

        reasonEdit()->setFocus();
        test::typeText(reasonEdit(), QStringLiteral("Screening form at the desk"));
        QTRY_VERIFY(m_dialog->submitButton()->isEnabled());
        test::saveScreenshot(m_dialog.get(), QStringLiteral("booking-never-screened"));
        QSignalSpy booked(m_dialog.get(), &BookingDialog::booked);
        QTest::mouseClick(m_dialog->submitButton(), Qt::LeftButton);
        QCOMPARE(booked.count(), 1);
        const QJsonObject details =
            test::auditDetails(*m_fixture.temp, QStringLiteral("screening.acknowledged"),
                               QStringLiteral("entity_id = %1").arg(booked.at(0).at(0).toLongLong()));
        QCOMPARE(details.value(QLatin1String("reason")).toString(), QStringLiteral("Screening form at the desk"));
        QCOMPARE(
            details.value(QLatin1String("rules")).toArray().at(0).toObject().value(QLatin1String("code")).toString(),
            QStringLiteral("screening.missing"));
    }

    void aNeverScreenedPatientBooksAConsultationFreely()
    {
        openFor(2, newYorkAt(tuesday, 9));
        QTRY_VERIFY(m_dialog->submitButton()->isEnabled());
        QVERIFY(!acknowledgeBox()->isVisible());
        QVERIFY(!m_dialog->outcomeText().contains(QLatin1String("screening")));
    }

    void clearingTheReasonDisablesBookAgain()
    {
        answer(8); // diabetes or immune suppression: caution
        openFor(1, newYorkAt(tuesday, 9));
        QTRY_VERIFY(acknowledgeBox()->isVisible());
        reasonEdit()->setFocus();
        test::typeText(reasonEdit(), QStringLiteral("ok"));
        QTRY_VERIFY(m_dialog->submitButton()->isEnabled());
        QVERIFY(acknowledgeBox()->isChecked());
        QTest::keyClick(reasonEdit(), Qt::Key_Backspace);
        QTest::keyClick(reasonEdit(), Qt::Key_Backspace);
        QVERIFY(!acknowledgeBox()->isChecked());
        QVERIFY(!m_dialog->submitButton()->isEnabled());

        // A consultation needs no acknowledgement: the row goes away.
        auto *type = m_dialog->findChild<QComboBox *>(QStringLiteral("typeCombo"));
        type->setCurrentIndex(type->findData(qint64(2)));
        QTRY_VERIFY(m_dialog->submitButton()->isEnabled());
        QVERIFY(!acknowledgeBox()->isVisible());
    }
};

QTEST_MAIN(TestBookingCautionForm)
#include "tst_ui_bookingcaution.moc"
