#include "EducationClinic.h"
#include "FakeClock.h"
#include "education/EducationTemplateRepository.h"
#include "education/HandoutComposer.h"

#include <QtTest>

using namespace dermdesk;

// The patient's handout: the guide's words, their plan and dates in the clinic's zone, the pre-care for
// the next session and the aftercare for the downtime their last session's depth leads to.
class TestHandoutComposer : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::TempDatabase> m_temp;
    test::FakeClock m_clock{test::educationNow()};
    Guide m_guide;

    [[nodiscard]] HandoutComposer composer() const
    {
        return HandoutComposer(m_temp->database(), m_guide, m_clock, QLocale(QLocale::English, QLocale::UnitedKingdom));
    }

    static QString plainText(const QString &html)
    {
        QString text = html;
        text.remove(QRegularExpression(QStringLiteral("<style[^<]*</style>")));
        text.remove(QRegularExpression(QStringLiteral("<[^>]*>")));
        return text.replace(QStringLiteral("&#183;"), QStringLiteral("·"))
            .replace(QStringLiteral("&amp;"), QStringLiteral("&"));
    }

private slots:
    void init()
    {
        m_temp = std::make_unique<test::TempDatabase>();
        QVERIFY(m_temp->isValid());
        QVERIFY(test::seedEducationClinic(*m_temp));
        auto guide = Guide::load();
        QVERIFY(guide.ok());
        m_guide = guide.value();
    }

    void cleanup() { m_temp.reset(); }

    void holdsThePatientTheGuideAndTheirDates()
    {
        auto composed = composer().compose(1);
        QVERIFY2(composed.ok(), qPrintable(composed.ok() ? QString() : composed.error().message()));
        const ComposedDocument &document = composed.value();
        const QString text = plainText(document.html);
        QVERIFY(text.contains(QLatin1String("Riverside Skin Clinic")));
        QVERIFY(text.contains(QLatin1String("Prepared for Joanna Smith on Monday, 2 March 2026")));
        QCOMPARE(document.title, QStringLiteral("Handout for Joanna Smith"));
        for (const GuideSection &section : m_guide.sections()) {
            if (!section.heading.isEmpty())
                QVERIFY2(text.contains(section.heading), qPrintable(section.heading));
        }
        QVERIFY(document.html.contains(QLatin1String("<b>Improved Skin Texture:</b>")));
        QCOMPARE(document.guideSections.size(), m_guide.sections().size());
        QCOMPARE(document.guideDate, QStringLiteral("April 19, 2024"));
        // The plan and the three sessions still to come, at 10:00 local on both sides of the DST change.
        QVERIFY(text.contains(QStringLiteral("Microneedling face · acne scars · face")));
        QVERIFY(text.contains(QLatin1String("1 of 4 done")));
        for (const QString &day : {QStringLiteral("Monday, 16 March 2026"), QStringLiteral("Monday, 20 April 2026"),
                                   QStringLiteral("Monday, 25 May 2026")})
            QVERIFY2(text.contains(day), qPrintable(day));
        QVERIFY(text.contains(QLatin1String("Microneedling face, session 2 of 4")));
        QVERIFY(text.contains(QStringLiteral("10:00 – 11:00")));
        QVERIFY(!text.contains(QLatin1String("16 February")));
        // Pre-care names the next appointment; the aftercare matches 1.0 mm ("1–3 days").
        QVERIFY(text.contains(QLatin1String("Before your treatment")));
        QVERIFY(text.contains(
            QLatin1String("Your next appointment: Monday, 16 March 2026 at 10:00 with Dr. Connie Hiers")));
        QVERIFY(text.contains(QStringLiteral("Expected downtime: 1–3 days")));
        QCOMPARE(document.templates.size(), 2);
        QCOMPARE(document.templates.at(0).title, QStringLiteral("Before your treatment"));
        QCOMPARE(document.templates.at(1).title, QStringLiteral("Aftercare"));
        QVERIFY(text.contains(QStringLiteral("(555)\u00a0010\u20110100")));
        QVERIFY(document.warnings.isEmpty());
    }

    void theGuideShowsItsVersionAndClosesWithTheClinicsContact()
    {
        auto composed = composer().compose(1);
        QVERIFY(composed.ok());
        const QString text = plainText(composed.value().html);
        // The guide's date is its version, under its title.
        const qsizetype title = text.indexOf(m_guide.title());
        const qsizetype version = text.indexOf(QLatin1String("Guide version: April 19, 2024"));
        QVERIFY2(title > 0 && version > title, qPrintable(text));
        // The web page's call to action (someone else's doctor, a "Contact us" button) is not printed...
        QVERIFY(!text.contains(QLatin1String("Contact us"), Qt::CaseInsensitive));
        QVERIFY(!text.contains(QLatin1String("Schedule an appointment with Dr. Connie Hiers")));
        // ... the clinic's own contact block closes the handout, its phone number unbreakable.
        const QString contact = QStringLiteral("Riverside Skin Clinic · 12 River Street, Springfield · "
                                               "(555)\u00a0010\u20110100 · desk@riverside.example");
        QVERIFY2(text.contains(contact), qPrintable(text.right(400)));
        QVERIFY(text.lastIndexOf(contact) > text.indexOf(QLatin1String("Microneedling has emerged")));
    }

    void aDeeperLastSessionGetsTheLongerAftercare()
    {
        QVERIFY(test::runAll(m_temp->database(),
                             {QStringLiteral("UPDATE treatment_session_area SET depth_mm = 2.0 WHERE area = 'face'")}));
        auto composed = composer().compose(1);
        QVERIFY(composed.ok());
        QCOMPARE(composed.value().templates.at(1).title, QStringLiteral("Aftercare (deeper treatment)"));
        QVERIFY(plainText(composed.value().html).contains(QStringLiteral("Expected downtime: 3–5 days")));
    }

    void chosenSectionsOnly()
    {
        HandoutOptions options;
        options.guideSections = QList<int>{3};
        options.preCare = false;
        options.aftercare = false;
        auto composed = composer().compose(1, options);
        QVERIFY(composed.ok());
        const QString text = plainText(composed.value().html);
        QVERIFY(text.contains(QLatin1String("Benefits of Microneedling")));
        QVERIFY(!text.contains(QLatin1String("Understanding Microneedling")));
        QVERIFY(!text.contains(QLatin1String("Before your treatment")));
        QCOMPARE(composed.value().guideSections, QStringList{QStringLiteral("Benefits of Microneedling")});
        QVERIFY(composed.value().templates.isEmpty());
    }

    void aPatientWithoutTreatmentGetsNoCareSheets()
    {
        auto composed = composer().compose(2);
        QVERIFY(composed.ok());
        const QString text = plainText(composed.value().html);
        QVERIFY(text.contains(QStringLiteral("Jürgen Müller")));
        QVERIFY(!text.contains(QLatin1String("Your treatment plan")));
        QVERIFY(!text.contains(QLatin1String("Aftercare")));
    }

    void anUnknownFieldShowsAndWarns()
    {
        EducationTemplateRepository templates(m_temp->database(), m_clock);
        auto preCare = templates.find(1);
        QVERIFY(preCare.ok());
        EducationTemplate edited = preCare.value();
        edited.bodyHtml = QStringLiteral("<p>Dear {patient_name}, bring {insurance_card}.</p>");
        QVERIFY(templates.save(edited).ok());
        auto composed = composer().compose(1);
        QVERIFY(composed.ok());
        const QString text = plainText(composed.value().html);
        QVERIFY(text.contains(QLatin1String("Dear Joanna Smith, bring [unknown field {insurance_card}].")));
        QCOMPARE(composed.value().warnings.size(), 1);
        QVERIFY(composed.value().warnings.first().contains(QLatin1String("{insurance_card}")));
        QCOMPARE(composed.value().templates.at(0).version, 2);
    }

    void anUnknownPatientIsNotFound()
    {
        auto composed = composer().compose(99);
        QVERIFY(!composed.ok());
        QCOMPARE(composed.error().kind(), ErrorKind::NotFound);
    }

    void sectionsFromTheCommandLine()
    {
        auto numbers = HandoutComposer::sectionsFromText(m_guide, QStringLiteral("2, 4"));
        QVERIFY(numbers.ok());
        QCOMPARE(numbers.value(), (QList<int>{1, 3}));
        auto headings = HandoutComposer::sectionsFromText(m_guide, QStringLiteral("benefits,what to expect"));
        QVERIFY(headings.ok());
        QCOMPARE(headings.value(), (QList<int>{3, 4}));
        auto wrong = HandoutComposer::sectionsFromText(m_guide, QStringLiteral("prices"));
        QVERIFY(!wrong.ok());
        QCOMPARE(wrong.error().field(), QStringLiteral("sections"));
        QVERIFY(!HandoutComposer::sectionsFromText(m_guide, QStringLiteral("12")).ok());
    }
};

QTEST_GUILESS_MAIN(TestHandoutComposer)
#include "tst_handoutcomposer.moc"
