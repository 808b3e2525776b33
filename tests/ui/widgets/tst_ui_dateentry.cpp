#include "FrontDeskFixture.h"
#include "Keyboard.h"
#include "ui/frontdesk/BookingDialog.h"
#include "ui/frontdesk/FindSlotDialog.h"
#include "ui/patientfile/NewPatientDialog.h"

#include <QLineEdit>
#include <QPushButton>
#include <QTimeEdit>

using namespace dermdesk;

// Dates typed the way the desk's locale writes them (03/14/1988 in the US, 14/03/1988 in the UK) or as ISO,
// and dates and times entered from the keyboard alone: typed digits are taken, Tab goes to the next field.
class TestDateEntry : public QObject
{
    Q_OBJECT

private:
    test::FrontDeskFixture m_fixture;

    static QLineEdit *lineEdit(const QWidget *form, const char *name)
    {
        return form->findChild<QLineEdit *>(QLatin1String(name));
    }

    // Replaces the field's text by typing, as a person does after clicking into it.
    static void retype(QLineEdit *edit, const QString &text)
    {
        QVERIFY(edit);
        edit->setFocus();
        edit->selectAll();
        QTest::keyClick(edit, Qt::Key_Backspace);
        test::typeText(edit, text);
    }

private slots:
    void initTestCase() { test::FrontDeskFixture::initTestCase("tst_ui_dateentry"); }

    void init() { QVERIFY(m_fixture.init()); }

    void cleanup()
    {
        QLocale::setDefault(QLocale::c());
        m_fixture.close();
    }

    void birthDateTypedAsTheLocaleWritesIt_data()
    {
        QTest::addColumn<QString>("locale");
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("stored");
        QTest::newRow("US") << QStringLiteral("en_US") << QStringLiteral("03/14/1988") << QStringLiteral("1988-03-14");
        QTest::newRow("US, ISO") << QStringLiteral("en_US") << QStringLiteral("1988-03-14")
                                 << QStringLiteral("1988-03-14");
        QTest::newRow("UK") << QStringLiteral("en_GB") << QStringLiteral("14/03/1988") << QStringLiteral("1988-03-14");
    }

    void birthDateTypedAsTheLocaleWritesIt()
    {
        QFETCH(QString, locale);
        QFETCH(QString, typed);
        QFETCH(QString, stored);
        QLocale::setDefault(QLocale(locale));
        ui::NewPatientDialog dialog(*m_fixture.session);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        test::typeText(lineEdit(&dialog, "givenNameEdit"), QStringLiteral("Quentin"));
        test::typeText(lineEdit(&dialog, "familyNameEdit"), QStringLiteral("Marlowe"));
        test::typeText(lineEdit(&dialog, "birthDateEdit"), typed);
        QTest::keyClick(lineEdit(&dialog, "birthDateEdit"), Qt::Key_Return);
        QVERIFY2(!dialog.isVisible(), qPrintable(dialog.outcomeText()));
        QCOMPARE(m_fixture.temp->scalar(QStringLiteral("SELECT birth_date FROM patient WHERE family_name = 'Marlowe'"))
                     .toString(),
                 stored);
    }

    void aDateTheLocaleDoesNotWriteIsRefusedByName()
    {
        QLocale::setDefault(QLocale(QStringLiteral("en_US")));
        ui::NewPatientDialog dialog(*m_fixture.session);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        test::typeText(lineEdit(&dialog, "givenNameEdit"), QStringLiteral("Quentin"));
        test::typeText(lineEdit(&dialog, "familyNameEdit"), QStringLiteral("Marlowe"));
        test::typeText(lineEdit(&dialog, "birthDateEdit"), QStringLiteral("14/03/1988"));
        dialog.create();
        QCOMPARE(dialog.errorField(), QStringLiteral("birth_date"));
        QVERIFY2(dialog.outcomeText().contains(QLatin1String("MM/DD/YYYY")), qPrintable(dialog.outcomeText()));
        QVERIFY(dialog.isVisible());
    }

    // The booking form's date and time from the keyboard alone, in a US desk's way.
    void bookingDateAndTimeFromTheKeyboard()
    {
        QLocale::setDefault(QLocale(QStringLiteral("en_US")));
        ui::BookingDialog dialog(*m_fixture.session, m_fixture.prompter);
        dialog.setPrefill({});
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QLineEdit *date = lineEdit(&dialog, "dateEdit");
        retype(date, QStringLiteral("12/15/2026"));
        QTest::keyClick(date, Qt::Key_Tab);
        QTimeEdit *time = dialog.findChild<QTimeEdit *>(QStringLiteral("timeEdit"));
        QTRY_COMPARE(QApplication::focusWidget(), time);
        QCOMPARE(date->text(), QStringLiteral("12/15/2026"));
        test::typeText(time, QStringLiteral("1430"));
        QCOMPARE(time->time(), QTime(14, 30));
        // Tab leaves the time for the next field instead of moving to its minutes.
        QTest::keyClick(time, Qt::Key_Tab);
        QTRY_VERIFY(QApplication::focusWidget() != time);
        QCOMPARE(QApplication::focusWidget(), dialog.findSlotButton());
        QCOMPARE(time->time(), QTime(14, 30));
        QVERIFY2(dialog.outcomeText().contains(QLatin1String("2:30"))
                     || dialog.outcomeText().contains(QLatin1String("Choose a patient")),
                 qPrintable(dialog.outcomeText()));
        // Up and Down step the date a day at a time.
        date->setFocus();
        QTest::keyClick(date, Qt::Key_Up);
        QCOMPARE(date->text(), QStringLiteral("12/16/2026"));
    }

    // Find a slot's window typed the UK way.
    void findSlotDatesTypedTheUkWay()
    {
        QLocale::setDefault(QLocale(QStringLiteral("en_GB")));
        ui::FindSlotDialog dialog(*m_fixture.session);
        dialog.setType(2);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        retype(lineEdit(&dialog, "fromDate"), QStringLiteral("01/12/2026"));
        retype(lineEdit(&dialog, "toDate"), QStringLiteral("02/12/2026"));
        QTRY_VERIFY(!dialog.slotsFound().isEmpty());
        for (const SlotFinder::Slot &slot : dialog.slotsFound()) {
            const QDate day = QDateTime::fromSecsSinceEpoch(slot.startsAt, m_fixture.zone).date();
            QVERIFY2(day >= QDate(2026, 12, 1) && day <= QDate(2026, 12, 2), qPrintable(day.toString(Qt::ISODate)));
        }
    }
};

QTEST_MAIN(TestDateEntry)
#include "tst_ui_dateentry.moc"
