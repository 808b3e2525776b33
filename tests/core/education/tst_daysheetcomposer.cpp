#include "EducationClinic.h"
#include "FakeClock.h"
#include "education/AppointmentCardComposer.h"
#include "education/DaySheetComposer.h"

#include <QtTest>

using namespace dermdesk;

// The morning's day sheet and the appointment cards, as composed HTML.
class TestDaySheetComposer : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::TempDatabase> m_temp;
    test::FakeClock m_clock{test::educationNow()};
    const QLocale m_locale{QLocale::English, QLocale::UnitedKingdom};

    static QString plainText(const QString &html)
    {
        QString text = html;
        text.remove(QRegularExpression(QStringLiteral("<style[^<]*</style>")));
        text.replace(QStringLiteral("</td>"), QStringLiteral(" | "));
        text.remove(QRegularExpression(QStringLiteral("<[^>]*>")));
        return text.replace(QStringLiteral("&#183;"), QStringLiteral("·"));
    }

private slots:
    void init()
    {
        m_temp = std::make_unique<test::TempDatabase>();
        QVERIFY(m_temp->isValid());
        QVERIFY(test::seedEducationClinic(*m_temp));
    }

    void cleanup() { m_temp.reset(); }

    void everyAppointmentOfTheDayInOrder()
    {
        auto sheet = DaySheetComposer(m_temp->database(), m_clock, m_locale).compose(QDate(2026, 3, 16));
        QVERIFY(sheet.ok());
        QVERIFY(sheet.value().landscape);
        const QString text = plainText(sheet.value().html);
        QVERIFY(text.contains(QLatin1String("Day sheet")));
        QVERIFY(text.contains(QStringLiteral("Monday, 16 March 2026 · All practitioners · 2 appointments")));
        const qsizetype joanna = text.indexOf(QStringLiteral("10:00 – 11:00 | Joanna Smith | Dr. Connie Hiers | "
                                                             "Microneedling face | Room 1 | Booked | "));
        const qsizetype wei = text.indexOf(QStringLiteral("11:30 – 12:00 | Wei Wang | Nurse Ana | Consultation |  | "
                                                          "Booked |  | "));
        const qsizetype cancelled = text.indexOf(QStringLiteral("13:00 – 14:00 | Jürgen Müller"));
        QVERIFY2(joanna > 0 && wei > joanna && cancelled > wei, qPrintable(text));
        QVERIFY(text.contains(QLatin1String("Cancelled |  | Called in sick")));
        // Joanna was never screened: a caution on her treatment session, none on Wei's consultation.
        QVERIFY(text.mid(joanna, wei - joanna).contains(QLatin1String("Caution:")));
        QVERIFY(sheet.value().html.contains(QLatin1String("<thead>")));
    }

    void onePractitioner()
    {
        auto sheet = DaySheetComposer(m_temp->database(), m_clock, m_locale).compose(QDate(2026, 3, 16), 2);
        QVERIFY(sheet.ok());
        const QString text = plainText(sheet.value().html);
        QVERIFY(text.contains(QStringLiteral("Nurse Ana · 1 appointment")));
        QVERIFY(text.contains(QLatin1String("Wei Wang")));
        QVERIFY(!text.contains(QLatin1String("Joanna Smith")));
        QCOMPARE(sheet.value().title, QStringLiteral("Day sheet Monday, 16 March 2026, Nurse Ana"));
    }

    void anEmptyDaySaysSo()
    {
        auto sheet = DaySheetComposer(m_temp->database(), m_clock, m_locale).compose(QDate(2026, 3, 17));
        QVERIFY(sheet.ok());
        QVERIFY(plainText(sheet.value().html).contains(QLatin1String("No appointments on this day.")));
    }

    void badInput()
    {
        const DaySheetComposer composer(m_temp->database(), m_clock, m_locale);
        auto unknown = composer.compose(QDate(2026, 3, 16), 99);
        QVERIFY(!unknown.ok());
        QCOMPARE(unknown.error().kind(), ErrorKind::NotFound);
        auto invalid = composer.compose(QDate());
        QVERIFY(!invalid.ok());
        QCOMPARE(invalid.error().field(), QStringLiteral("date"));
    }

    void aCourseGetsACardPerBookedSession()
    {
        auto cards = AppointmentCardComposer(m_temp->database(), m_clock, m_locale).compose(2);
        QVERIFY(cards.ok());
        QCOMPARE(cards.value().patientId, 1);
        const QString text = plainText(cards.value().html);
        QCOMPARE(text.count(QLatin1String("Riverside Skin Clinic")), 3);
        for (const QString &line : {QStringLiteral("Monday, 16 March 2026"), QStringLiteral("Monday, 20 April 2026"),
                                    QStringLiteral("Monday, 25 May 2026"), QStringLiteral("session 2 of 4"),
                                    QStringLiteral("session 4 of 4"), QStringLiteral("with Dr. Connie Hiers · Room 1")})
            QVERIFY2(text.contains(line), qPrintable(line));
        QVERIFY(!text.contains(QLatin1String("16 February")));
    }

    void aSingleAppointmentGetsOneCard()
    {
        auto card = AppointmentCardComposer(m_temp->database(), m_clock, m_locale).compose(5);
        QVERIFY(card.ok());
        const QString text = plainText(card.value().html);
        QCOMPARE(text.count(QLatin1String("Riverside Skin Clinic")), 1);
        QVERIFY(text.contains(QLatin1String("Wei Wang")));
        QVERIFY(text.contains(QStringLiteral("11:30 – 12:00")));
        auto unknown = AppointmentCardComposer(m_temp->database(), m_clock, m_locale).compose(77);
        QVERIFY(!unknown.ok());
        QCOMPARE(unknown.error().kind(), ErrorKind::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestDaySheetComposer)
#include "tst_daysheetcomposer.moc"
