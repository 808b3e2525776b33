#include "FrontDeskFixture.h"
#include "Keyboard.h"
#include "PlanClinic.h"
#include "calendar/BlockoutRepository.h"
#include "ui/frontdesk/PractitionerDayAgenda.h"
#include "ui/plans/CourseDialog.h"
#include "ui/plans/RecallPanel.h"
#include "ui/settings/BlockoutsPage.h"
#include "ui/widgets/DateField.h"

#include <QCheckBox>
#include <QComboBox>
#include <QPointer>
#include <QSpinBox>
#include <QTableWidget>
#include <QTimeEdit>

#include <functional>

using namespace dermdesk;

// Every date box outside the booking forms takes a date the way a US desk writes it ("03/14/2027") or as
// ISO ("2027-03-14"), and Tab moves on to the form's next field: Clinic Settings' blockout dates, Book
// Course's session dates, the recall list's date and the practitioner's day. "Now" is Thursday 2026-11-26.
class TestDateFieldForms : public QObject
{
    Q_OBJECT

private:
    test::FrontDeskFixture m_fixture;

    // The clinic session the widgets under test work on.
    ClinicSession &session() { return *m_fixture.session; }

    // Types `text` over what `field` holds, as a person does after selecting it all, then presses Tab;
    // checks the date it was read as and that the focus went to the field `next` returns (asked after Tab: a
    // form may build its fields again for the new date).
    static void typeThenTab(ui::DateField *field, const QString &text, QDate expected,
                            const std::function<QWidget *()> &next)
    {
        QVERIFY(field);
        field->setFocus();
        field->selectAll();
        QTest::keyClick(field, Qt::Key_Backspace);
        test::typeText(field, text);
        QCOMPARE(field->date(), expected);
        const QString shown = QLocale().toString(expected, QStringLiteral("MM/dd/yyyy"));
        QWidget *window = field->window();
        const QPointer<ui::DateField> still(field);
        QTest::keyClick(field, Qt::Key_Tab);
        QTRY_VERIFY(next() && window->focusWidget() == next());
        // Leaving the field shows the date in the desk's own form.
        if (still)
            QCOMPARE(still->text(), shown);
    }

    template<typename T>
    static T *child(const QWidget *parent, const char *name)
    {
        return parent->findChild<T *>(QLatin1String(name));
    }

private slots:
    void initTestCase() { test::FrontDeskFixture::initTestCase("tst_ui_datefieldforms"); }

    void init()
    {
        QVERIFY(m_fixture.init());
        QLocale::setDefault(QLocale(QStringLiteral("en_US")));
    }

    void cleanup()
    {
        QLocale::setDefault(QLocale::c());
        m_fixture.close();
    }

    void blockoutDates()
    {
        ui::BlockoutsPage page({session(), m_fixture.prompter});
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QCOMPARE(page.fromDateEdit()->date(), QDate(2026, 11, 26));
        typeThenTab(page.fromDateEdit(), QStringLiteral("03/14/2027"), QDate(2027, 3, 14),
                    [&page] { return page.fromTimeEdit(); });
        // A later From carries To along.
        QCOMPARE(page.toDateEdit()->date(), QDate(2027, 3, 14));
        typeThenTab(page.toDateEdit(), QStringLiteral("2027-03-15"), QDate(2027, 3, 15),
                    [&page] { return page.toTimeEdit(); });
        page.repeatBox()->setCurrentIndex(1);
        page.untilBox()->setChecked(true);
        typeThenTab(page.untilDateEdit(), QStringLiteral("06/30/2027"), QDate(2027, 6, 30),
                    [&page] { return page.reasonBox(); });

        page.grab().save(QStringLiteral("/tmp/blockouts-datefields.png"));
        // A date that cannot be read is named, and nothing is stored.
        page.toDateEdit()->setText(QStringLiteral("15/03/2027"));
        page.reasonBox()->setCurrentText(QStringLiteral("Training"));
        QVERIFY(!page.add());
        QVERIFY2(page.errorText().startsWith(QStringLiteral("To: ")), qPrintable(page.errorText()));
        QVERIFY2(page.errorText().contains(QLatin1String("MM/DD/YYYY")), qPrintable(page.errorText()));
        page.toDateEdit()->setText(QStringLiteral("03/14/2027"));
        QVERIFY2(page.add(), qPrintable(page.errorText()));
        const Blockout stored = BlockoutRepository(m_fixture.database(), m_fixture.clock).find(1).value();
        QCOMPARE(stored.startsAt, test::newYorkAt(QDate(2027, 3, 14), 12));
        QCOMPARE(stored.repeatUntil, QDate(2027, 6, 30));
    }

    void courseSessionDates()
    {
        const TreatmentPlan plan = TreatmentPlanRepository(m_fixture.database(), m_fixture.clock)
                                       .create(test::microneedlingPlan(4, 4, 6))
                                       .value();
        ui::CourseDialog dialog(session(), plan.id);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        const auto date = [&dialog](int row) {
            return qobject_cast<ui::DateField *>(dialog.sessionTable()->cellWidget(row, ui::CourseDialog::DateColumn));
        };
        const auto time = [&dialog](int row) {
            return dialog.sessionTable()->cellWidget(row, ui::CourseDialog::TimeColumn);
        };
        typeThenTab(date(1), QStringLiteral("01/05/2027"), QDate(2027, 1, 5), [&time] { return time(1); });
        QCOMPARE(date(1)->text(), QStringLiteral("01/05/2027"));
        // The later sessions are planned again after the typed date.
        QTRY_COMPARE(date(2)->date(), QDate(2027, 2, 2));
        typeThenTab(date(3), QStringLiteral("2027-03-09"), QDate(2027, 3, 9), [&time] { return time(3); });
        QTRY_COMPARE(date(3)->date(), QDate(2027, 3, 9));

        // A day before today is refused and the session keeps its date.
        date(2)->setFocus();
        date(2)->setText(QStringLiteral("11/20/2026"));
        QTest::keyClick(date(2), Qt::Key_Return);
        QTRY_COMPARE(date(2)->date(), QDate(2027, 2, 2));
    }

    void recallDate()
    {
        ui::RecallPanel panel(session());
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        auto *date = child<ui::DateField>(&panel, "recallDate");
        QVERIFY(date);
        QCOMPARE(date->date(), QDate(2026, 11, 26));
        auto *horizon = child<QSpinBox>(&panel, "recallHorizon");
        typeThenTab(date, QStringLiteral("03/14/2027"), QDate(2027, 3, 14), [horizon] { return horizon; });
        typeThenTab(date, QStringLiteral("2027-03-15"), QDate(2027, 3, 15), [horizon] { return horizon; });
    }

    void practitionersDay()
    {
        ui::PractitionerDayAgenda agenda(*m_fixture.session);
        agenda.show();
        QVERIFY(QTest::qWaitForWindowExposed(&agenda));
        auto *date = child<ui::DateField>(&agenda, "dateEdit");
        QVERIFY(date);
        QWidget *next = date->nextInFocusChain();
        while (next && !(next->focusPolicy() & Qt::TabFocus))
            next = next->nextInFocusChain();
        QVERIFY(next);
        typeThenTab(date, QStringLiteral("03/14/2027"), QDate(2027, 3, 14), [next] { return next; });
        QCOMPARE(agenda.date(), QDate(2027, 3, 14));
        typeThenTab(date, QStringLiteral("2027-03-15"), QDate(2027, 3, 15), [next] { return next; });
        QCOMPARE(agenda.date(), QDate(2027, 3, 15));
    }
};

QTEST_MAIN(TestDateFieldForms)
#include "tst_ui_datefieldforms.moc"
