#include "AuditDetails.h"
#include "FrontDeskFixture.h"
#include "calendar/WaitlistRepository.h"
#include "ui/frontdesk/WaitlistPanel.h"
#include "ui/patientfile/PatientPicker.h"

#include "ui/widgets/DateField.h"
#include <QComboBox>
#include <QGroupBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTreeWidget>

using namespace dermdesk;
using test::newYorkAt;
using ui::WaitlistPanel;

namespace {
const QDate friday(2026, 11, 27);

PatientSummary wei()
{
    PatientSummary patient;
    patient.id = 4;
    patient.givenName = QStringLiteral("Wei");
    patient.familyName = QStringLiteral("Wang");
    return patient;
}
} // namespace

// The waitlist panel: adding (with the field named on a refusal), removing with a reason, and offering
// freed time to who waits for it. "Now" is Thursday 2026-11-26 09:00 in New York.
class TestWaitlistPanel : public QObject
{
    Q_OBJECT

private:
    test::FrontDeskFixture m_fixture;
    std::unique_ptr<WaitlistPanel> m_panel;

    void openPanel()
    {
        m_panel = std::make_unique<WaitlistPanel>(*m_fixture.session, m_fixture.prompter);
        m_panel->resize(760, 620);
        m_panel->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
    }

    qint64 addEntry(qint64 patient, qint64 type, QDate from, QDate to)
    {
        WaitlistRepository repository(m_fixture.database(), m_fixture.clock);
        WaitlistEntry entry;
        entry.patientId = patient;
        entry.typeId = type;
        entry.earliestDate = from;
        entry.latestDate = to;
        auto added = repository.add(entry);
        if (!added)
            qWarning("add: %s", qPrintable(added.error().message()));
        return added ? added.value() : 0;
    }

    // Joanna Smith's treatment with Nurse Ana on Friday 10:00 is booked, cancelled, and its time offered.
    void offerJoannasFridayTreatment()
    {
        const qint64 cancelled = m_fixture.book(1, 2, 1, newYorkAt(friday, 10));
        QVERIFY(cancelled);
        BookingService appointments(m_fixture.database(), m_fixture.clock);
        auto change = appointments.cancel(cancelled, {CancelCategory::Illness, QString()});
        QVERIFY(change.ok() && change.value().freed);
        m_panel->offerFreedSlot(*change.value().freed);
    }

    void fillAddForm(QDate earliest, QDate latest)
    {
        QTest::mouseClick(m_panel->findChild<QPushButton *>(QStringLiteral("addEntryButton")), Qt::LeftButton);
        QVERIFY(m_panel->addForm()->isVisible());
        m_panel->patientPicker()->setPatient(wei());
        auto *type = m_panel->addForm()->findChild<QComboBox *>(QStringLiteral("typeCombo"));
        type->setCurrentIndex(type->findData(qint64(1)));
        m_panel->addForm()->findChild<ui::DateField *>(QStringLiteral("earliestDate"))->setDate(earliest);
        m_panel->addForm()->findChild<ui::DateField *>(QStringLiteral("latestDate"))->setDate(latest);
    }

private slots:
    void initTestCase() { test::FrontDeskFixture::initTestCase("tst_ui_waitlistpanel"); }
    void init() { QVERIFY(m_fixture.init()); }
    void cleanup()
    {
        m_panel.reset();
        m_fixture.close();
    }

    void addingRefusesABadWindowNamingTheField()
    {
        openPanel();
        QCOMPARE(m_panel->entryView()->topLevelItemCount(), 0);
        fillAddForm(QDate(2026, 12, 10), QDate(2026, 12, 1));
        QTest::mouseClick(m_panel->findChild<QPushButton *>(QStringLiteral("saveEntryButton")), Qt::LeftButton);
        QCOMPARE(m_panel->addErrorField(), QStringLiteral("latest_date"));
        QVERIFY2(m_panel->addOutcomeText().startsWith(QLatin1String("Dates: ")), qPrintable(m_panel->addOutcomeText()));
        QVERIFY(m_panel->addForm()->isVisible());
        QCOMPARE(m_fixture.count(QStringLiteral("SELECT count(*) FROM waitlist_entry")), qint64(0));
        test::saveScreenshot(m_panel.get(), QStringLiteral("waitlist-add"));

        m_panel->addForm()->findChild<ui::DateField *>(QStringLiteral("latestDate"))->setDate(QDate(2026, 12, 20));
        QTest::mouseClick(m_panel->findChild<QPushButton *>(QStringLiteral("saveEntryButton")), Qt::LeftButton);
        QVERIFY(!m_panel->addForm()->isVisible());
        QCOMPARE(m_fixture.count(QStringLiteral("SELECT count(*) FROM waitlist_entry")), qint64(1));
        QCOMPARE(m_panel->entryView()->topLevelItemCount(), 1);
        QCOMPARE(m_panel->entryView()->topLevelItem(0)->text(0), QStringLiteral("Wei Wang"));
        QCOMPARE(m_panel->entryView()->topLevelItem(0)->text(1), QStringLiteral("Microneedling face"));
        QCOMPARE(m_panel->entryView()->topLevelItem(0)->text(2), QStringLiteral("Any"));
    }

    void removingAsksWhy()
    {
        QVERIFY(addEntry(4, 1, friday, friday.addDays(14)));
        openPanel();
        QCOMPARE(m_panel->entryView()->topLevelItemCount(), 1);
        m_panel->entryView()->setCurrentItem(m_panel->entryView()->topLevelItem(0));
        m_panel->removeSelected();
        QCOMPARE(m_fixture.prompter.textsAskedFor.size(), 1);
        QCOMPARE(m_panel->entryView()->topLevelItemCount(), 1);

        m_fixture.prompter.textAnswers = {QStringLiteral("Booked elsewhere")};
        m_panel->entryView()->setFocus();
        QTest::keyClick(m_panel->entryView(), Qt::Key_Delete);
        QCOMPARE(m_fixture.prompter.textsAskedFor.size(), 2);
        QCOMPARE(m_panel->entryView()->topLevelItemCount(), 0);
        QCOMPARE(m_fixture.temp->scalar(QStringLiteral("SELECT status_reason FROM waitlist_entry")).toString(),
                 QStringLiteral("Booked elsewhere"));
    }

    void aFreedSlotIsOfferedAndBookingItMarksTheEntryBooked()
    {
        // Wei Wang and Joanna Smith answered the screening with no to all: nothing to acknowledge.
        QVERIFY(test::screenAsClear(*m_fixture.temp, {1, 4}, m_fixture.clock.now().toSecsSinceEpoch()));
        const qint64 entry = addEntry(4, 1, friday, friday.addDays(14));
        QVERIFY(entry);
        QVERIFY(addEntry(2, 2, friday, friday.addDays(14)));
        openPanel();
        QVERIFY(!m_panel->findChild<QGroupBox *>(QStringLiteral("offerBox"))->isVisible());
        offerJoannasFridayTreatment();
        QVERIFY(m_panel->findChild<QGroupBox *>(QStringLiteral("offerBox"))->isVisible());
        QTreeWidget *offers = m_panel->offerView();
        QVERIFY(offers->topLevelItemCount() >= 1);
        QCOMPARE(offers->topLevelItem(0)->text(0), QStringLiteral("Wei Wang"));
        QCOMPARE(offers->topLevelItem(0)->text(1), QStringLiteral("Fri 27 Nov 10:00 \u2013 11:00"));
        test::saveScreenshot(m_panel.get(), QStringLiteral("waitlist-offer"));

        QSignalSpy booked(m_panel.get(), &WaitlistPanel::booked);
        QTest::mouseClick(m_panel->findChild<QPushButton *>(QStringLiteral("bookOfferButton")), Qt::LeftButton);
        QCOMPARE(booked.count(), 1);
        const qint64 appointment = booked.at(0).at(0).toLongLong();
        QCOMPARE(m_fixture.count(QStringLiteral("SELECT patient_id FROM appointment WHERE id = %1").arg(appointment)),
                 qint64(4));
        QCOMPARE(m_fixture.count(QStringLiteral("SELECT starts_at FROM appointment WHERE id = %1").arg(appointment)),
                 newYorkAt(friday, 10));
        QCOMPARE(m_fixture.temp->scalar(QStringLiteral("SELECT status FROM waitlist_entry WHERE id = %1").arg(entry))
                     .toString(),
                 QStringLiteral("booked"));
        QCOMPARE(m_fixture.count(QStringLiteral("SELECT appointment_id FROM waitlist_entry WHERE id = %1").arg(entry)),
                 appointment);
        QVERIFY(!m_panel->findChild<QGroupBox *>(QStringLiteral("offerBox"))->isVisible());
        QCOMPARE(m_panel->entryView()->topLevelItemCount(), 1);
    }

    // One-click Book for a patient nobody screened asks why first; no reason books nothing.
    void bookingANeverScreenedPatientAsksForAReason()
    {
        const qint64 entry = addEntry(4, 1, friday, friday.addDays(14)); // Wei Wang: never screened
        QVERIFY(test::screenAsClear(*m_fixture.temp, {1}, m_fixture.clock.now().toSecsSinceEpoch()));
        openPanel();
        offerJoannasFridayTreatment();
        QCOMPARE(m_panel->offerView()->topLevelItem(0)->text(0), QStringLiteral("Wei Wang"));
        auto *book = m_panel->findChild<QPushButton *>(QStringLiteral("bookOfferButton"));
        QSignalSpy booked(m_panel.get(), &WaitlistPanel::booked);

        m_fixture.prompter.textAnswers = {std::nullopt}; // the question is cancelled
        QTest::mouseClick(book, Qt::LeftButton);
        QCOMPARE(m_fixture.prompter.textsAskedFor.size(), 1);
        QVERIFY2(m_fixture.prompter.textsAskedFor.first().contains(QLatin1String("No screening")),
                 qPrintable(m_fixture.prompter.textsAskedFor.first()));
        QCOMPARE(booked.count(), 0);
        QCOMPARE(m_fixture.count(QStringLiteral("SELECT count(*) FROM appointment WHERE patient_id = 4")), 0);
        QCOMPARE(m_fixture.temp->scalar(QStringLiteral("SELECT status FROM waitlist_entry WHERE id = %1").arg(entry))
                     .toString(),
                 QStringLiteral("active"));

        m_fixture.prompter.textAnswers = {QStringLiteral("Form sent by e-mail")};
        QTest::mouseClick(book, Qt::LeftButton);
        QCOMPARE(booked.count(), 1);
        const qint64 appointment = booked.at(0).at(0).toLongLong();
        QCOMPARE(test::auditDetails(*m_fixture.temp, QStringLiteral("screening.acknowledged"),
                                    QStringLiteral("entity_id = %1").arg(appointment))
                     .value(QLatin1String("reason"))
                     .toString(),
                 QStringLiteral("Form sent by e-mail"));
        QCOMPARE(m_fixture.temp->scalar(QStringLiteral("SELECT status FROM waitlist_entry WHERE id = %1").arg(entry))
                     .toString(),
                 QStringLiteral("booked"));
    }
};

QTEST_MAIN(TestWaitlistPanel)
#include "tst_ui_waitlistpanel.moc"
