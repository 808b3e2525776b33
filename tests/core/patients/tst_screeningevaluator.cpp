#include "common/TimeFormat.h"
#include "patients/ScreeningEvaluator.h"

#include <QtTest>

using namespace dermdesk;

// The contraindication rules as data: every rule kind, look-back edges counted on the appointment's date,
// missing and out-of-date screening, and treatment sessions only.
class TestScreeningEvaluator : public QObject
{
    Q_OBJECT

private:
    const QTimeZone m_zone{"America/New_York"};

    // Question 3: isotretinoin (stop, 180 days); 4: anticoagulants (caution, no look-back);
    // 5: pregnancy (stop); 12: neurotoxin (caution, 14 days); 9: retinoid (inactive stop).
    static QList<ContraindicationRule> clinicRules()
    {
        using Kind = ContraindicationRule::Kind;
        return {{1, 3, QStringLiteral("Isotretinoin within 180 days"), Kind::Stop, 180, true},
                {2, 4, QStringLiteral("Anticoagulants"), Kind::Caution, std::nullopt, true},
                {3, 5, QStringLiteral("Pregnancy"), Kind::Stop, std::nullopt, true},
                {4, 12, QStringLiteral("Neurotoxin within 14 days"), Kind::Caution, 14, true},
                {5, 9, QStringLiteral("Retinoid within 7 days"), Kind::Stop, 7, false}};
    }

    // 10:00 in New York on `date`, as UTC seconds.
    qint64 at(const QDate &date) const { return QDateTime(date, QTime(10, 0), m_zone).toSecsSinceEpoch(); }

private slots:
    void rules_data()
    {
        QTest::addColumn<qint64>("question");
        QTest::addColumn<bool>("yes");
        QTest::addColumn<QDate>("eventDate");
        QTest::addColumn<QDate>("appointment");
        QTest::addColumn<QStringList>("stops");
        QTest::addColumn<QStringList>("cautions");
        const QDate answered(2026, 11, 20);
        const QDate lastDose(2026, 6, 1); // + 179 days = 27 Nov, a week after the screening
        const QStringList none;
        const QStringList iso{QStringLiteral("rule.1")};
        QTest::newRow("isotretinoin: 179 days after the dose")
            << qint64(3) << true << lastDose << lastDose.addDays(179) << iso << none;
        QTest::newRow("isotretinoin: exactly 180 days after")
            << qint64(3) << true << lastDose << lastDose.addDays(180) << none << none;
        QTest::newRow("isotretinoin: answered no")
            << qint64(3) << false << QDate() << answered.addDays(7) << none << none;
        QTest::newRow("isotretinoin: date unknown applies")
            << qint64(3) << true << QDate() << answered.addDays(7) << iso << none;
        QTest::newRow("isotretinoin: dose planned after the appointment")
            << qint64(3) << true << answered.addDays(30) << answered.addDays(7) << iso << none;
        QTest::newRow("caution without look-back")
            << qint64(4) << true << QDate() << answered.addDays(1) << none << QStringList{QStringLiteral("rule.2")};
        QTest::newRow("stop without look-back")
            << qint64(5) << true << QDate() << answered.addDays(1) << QStringList{QStringLiteral("rule.3")} << none;
        QTest::newRow("neurotoxin: day 13 is a caution")
            << qint64(12) << true << answered << answered.addDays(13) << none << QStringList{QStringLiteral("rule.4")};
        QTest::newRow("neurotoxin: day 14 is clear")
            << qint64(12) << true << answered << answered.addDays(14) << none << none;
        QTest::newRow("inactive rule never applies")
            << qint64(9) << true << answered << answered.addDays(1) << none << none;
        QTest::newRow("screening 90 days old is valid")
            << qint64(4) << false << QDate() << answered.addDays(90) << none << none;
        QTest::newRow("screening 91 days old is a caution")
            << qint64(4) << false << QDate() << answered.addDays(91) << none
            << QStringList{QStringLiteral("screening.out_of_date")};
    }

    void rules()
    {
        QFETCH(qint64, question);
        QFETCH(bool, yes);
        QFETCH(QDate, eventDate);
        QFETCH(QDate, appointment);
        QFETCH(QStringList, stops);
        QFETCH(QStringList, cautions);
        // Answered on 20 Nov at 22:30 New York time: already 21 Nov in UTC, still the 20th at the clinic.
        ScreeningAnswer answer{question,
                               yes,
                               eventDate,
                               {},
                               QDateTime(QDate(2026, 11, 20), QTime(22, 30), m_zone).toSecsSinceEpoch()};
        const ScreeningOutcome outcome =
            ScreeningEvaluator::evaluate(clinicRules(), {{question, answer}}, appointment, true, 90, m_zone);
        QStringList stopCodes;
        for (const ScreeningFinding &finding : outcome.stops)
            stopCodes.append(finding.code);
        QStringList cautionCodes;
        for (const ScreeningFinding &finding : outcome.cautions)
            cautionCodes.append(finding.code);
        QCOMPARE(stopCodes, stops);
        QCOMPARE(cautionCodes, cautions);
        QCOMPARE(outcome.refuses(), !stops.isEmpty());
        for (const ScreeningFinding &finding : outcome.stops)
            QVERIFY(finding.message.startsWith(finding.name));
    }

    void noScreeningIsACaution()
    {
        const ScreeningOutcome outcome =
            ScreeningEvaluator::evaluate(clinicRules(), {}, QDate(2026, 12, 1), true, 90, m_zone);
        QVERIFY(outcome.stops.isEmpty());
        QCOMPARE(outcome.cautions.size(), 1);
        QCOMPARE(outcome.cautions.first().code, QStringLiteral("screening.missing"));
    }

    void consultationsAreNeverChecked()
    {
        const ScreeningAnswer pregnant{5, true, {}, {}, at(QDate(2026, 11, 20))};
        QVERIFY(ScreeningEvaluator::evaluate(clinicRules(), {{5, pregnant}}, QDate(2026, 11, 21), false, 90, m_zone)
                    .isClear());
        QVERIFY(ScreeningEvaluator::evaluate(clinicRules(), {}, QDate(2026, 11, 21), false, 90, m_zone).isClear());
    }

    // The schedule's state for each kind of appointment, under each of the clinic's choices for missing and
    // out-of-date screening.
    void levelsByTypeAndPolicy_data()
    {
        using Level = ScreeningEvaluator::Level;
        using Policy = ClinicSettings::UnscreenedPolicy;
        QTest::addColumn<int>("answers"); // 0 none, 1 all no, 2 anticoagulants yes, 3 pregnancy yes
        QTest::addColumn<int>("ageDays"); // the screening's age on the appointment's date
        QTest::addColumn<bool>("treatment");
        QTest::addColumn<Policy>("policy");
        QTest::addColumn<Level>("level");
        QTest::addColumn<bool>("refuses");
        QTest::addColumn<int>("toAcknowledge");
        QTest::newRow("never screened, treatment")
            << 0 << 0 << true << Policy::Caution << Level::NotScreened << false << 1;
        QTest::newRow("never screened, consultation")
            << 0 << 0 << false << Policy::Caution << Level::Clear << false << 0;
        QTest::newRow("never screened, clinic says stop") << 0 << 0 << true << Policy::Stop << Level::Stop << true << 0;
        QTest::newRow("never screened, consultation, clinic says stop")
            << 0 << 0 << false << Policy::Stop << Level::Clear << false << 0;
        QTest::newRow("out of date, treatment") << 1 << 91 << true << Policy::Caution << Level::OutOfDate << false << 1;
        QTest::newRow("out of date, clinic says stop") << 1 << 91 << true << Policy::Stop << Level::Stop << true << 0;
        QTest::newRow("out of date, consultation") << 1 << 91 << false << Policy::Stop << Level::Clear << false << 0;
        QTest::newRow("screened and clear") << 1 << 10 << true << Policy::Stop << Level::Clear << false << 0;
        QTest::newRow("caution rule") << 2 << 10 << true << Policy::Caution << Level::Caution << false << 1;
        QTest::newRow("caution rule and out of date")
            << 2 << 91 << true << Policy::Caution << Level::Caution << false << 2;
        QTest::newRow("caution rule, consultation")
            << 2 << 10 << false << Policy::Caution << Level::Clear << false << 0;
        QTest::newRow("stop rule") << 3 << 10 << true << Policy::Caution << Level::Stop << true << 0;
        QTest::newRow("stop rule, consultation") << 3 << 10 << false << Policy::Caution << Level::Clear << false << 0;
    }

    void levelsByTypeAndPolicy()
    {
        QFETCH(int, answers);
        QFETCH(int, ageDays);
        QFETCH(bool, treatment);
        QFETCH(ClinicSettings::UnscreenedPolicy, policy);
        QFETCH(ScreeningEvaluator::Level, level);
        QFETCH(bool, refuses);
        QFETCH(int, toAcknowledge);
        const QDate answered(2026, 11, 20);
        QHash<qint64, ScreeningAnswer> given;
        if (answers > 0) {
            for (const qint64 question : {3, 4, 5, 12})
                given.insert(question, {question, false, {}, {}, at(answered)});
            if (answers == 2)
                given[4].yes = true;
            if (answers == 3)
                given[5].yes = true;
        }
        const ScreeningOutcome outcome = ScreeningEvaluator::evaluate(clinicRules(), given, answered.addDays(ageDays),
                                                                      treatment, 90, m_zone, policy);
        QCOMPARE(ScreeningEvaluator::level(outcome), level);
        QCOMPARE(outcome.refuses(), refuses);
        QCOMPARE(outcome.cautionsToAcknowledge().size(), toAcknowledge);
    }

    void aStopSaysWhenItClears()
    {
        const QDate answered(2026, 11, 20);
        const QHash<qint64, ScreeningAnswer> isotretinoin{{3, {3, true, QDate(2026, 10, 1), {}, at(answered)}}};
        ScreeningOutcome outcome =
            ScreeningEvaluator::evaluate(clinicRules(), isotretinoin, answered.addDays(1), true, 90, m_zone);
        QCOMPARE(outcome.stops.size(), 1);
        QCOMPARE(outcome.stops.first().clearsOn, QDate(2027, 3, 30)); // 180 days after 1 Oct
        QVERIFY(ScreeningEvaluator::clearsText(outcome.stops.first()).contains(shortDateText(QDate(2027, 3, 30))));
        QVERIFY(ScreeningEvaluator::summary(outcome).contains(shortDateText(QDate(2027, 3, 30))));

        const QHash<qint64, ScreeningAnswer> pregnant{{5, {5, true, {}, {}, at(answered)}}};
        outcome = ScreeningEvaluator::evaluate(clinicRules(), pregnant, answered.addDays(1), true, 90, m_zone);
        QVERIFY(!outcome.stops.first().clearsOn.isValid());
        QVERIFY(ScreeningEvaluator::clearsText(outcome.stops.first()).contains(QStringLiteral("no end date")));

        outcome = ScreeningEvaluator::evaluate(clinicRules(), {}, answered, true, 90, m_zone,
                                               ClinicSettings::UnscreenedPolicy::Stop);
        QVERIFY(ScreeningEvaluator::summary(outcome).startsWith(QStringLiteral("Stop: No screening")));
    }

    void severalRulesAtOnce()
    {
        const QDate answered(2026, 11, 20);
        const QHash<qint64, ScreeningAnswer> answers{{3, {3, true, answered.addDays(-10), {}, at(answered)}},
                                                     {4, {4, true, {}, {}, at(answered)}},
                                                     {5, {5, true, {}, {}, at(answered)}}};
        const ScreeningOutcome outcome =
            ScreeningEvaluator::evaluate(clinicRules(), answers, answered.addDays(100), true, 90, m_zone);
        QCOMPARE(outcome.stops.size(), 2);
        QCOMPARE(outcome.cautions.size(), 2); // out of date + anticoagulants
        QCOMPARE(outcome.cautions.first().code, QStringLiteral("screening.out_of_date"));
        QVERIFY(outcome.cautions.first().message.contains(QStringLiteral("100 days")));
    }
};

QTEST_GUILESS_MAIN(TestScreeningEvaluator)
#include "tst_screeningevaluator.moc"
