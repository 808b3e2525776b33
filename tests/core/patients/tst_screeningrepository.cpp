#include "FakeClock.h"
#include "ScheduleRows.h"
#include "patients/ScreeningEvaluator.h"
#include "patients/ScreeningRepository.h"

#include <QtTest>

using namespace dermdesk;

// Screening stored and evaluated from the database: the seeded questions and rules, answers with their
// dates, the latest answer winning, rules the clinic edits, and the schedule's batch alert query.
class TestScreeningRepository : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::TempDatabase> m_temp;
    test::FakeClock m_clock{QDateTime(QDate(2026, 11, 26), QTime(15, 0), Qt::UTC)};

    ScreeningRepository repository() { return ScreeningRepository(m_temp->database(), m_clock); }

    qint64 questionId(const QString &code)
    {
        const QList<ScreeningQuestion> questions = repository().questions().value();
        for (const ScreeningQuestion &q : questions) {
            if (q.code == code)
                return q.id;
        }
        return 0;
    }

    // Every question answered "no" except those in `yes` (question code → event date).
    QList<ScreeningAnswer> answers(const QHash<QString, QDate> &yes = {})
    {
        QList<ScreeningAnswer> list;
        const QList<ScreeningQuestion> questions = repository().questions().value();
        for (const ScreeningQuestion &q : questions)
            list.append({q.id, yes.contains(q.code), yes.value(q.code), {}, 0});
        return list;
    }

private slots:
    void init()
    {
        m_temp = test::minimalClinic();
        QVERIFY(m_temp);
    }

    void seededQuestionsAndRulesCoverTheGuide()
    {
        const auto questions = repository().questions();
        QVERIFY(questions.ok());
        QCOMPARE(questions.value().size(), 15);
        for (const char *code : {"skin_infection", "inflammatory_acne", "isotretinoin", "anticoagulants", "pregnancy",
                                 "keloid", "eczema_psoriasis_rosacea", "diabetes_immune", "retinoid", "chemical_peel",
                                 "laser", "neurotoxin", "filler", "radiation", "metal_lidocaine_allergy"})
            QVERIFY2(questionId(QLatin1String(code)) != 0, code);
        const auto rules = repository().rules();
        QVERIFY(rules.ok());
        QCOMPARE(rules.value().size(), 15);
        const auto iso =
            std::find_if(rules.value().cbegin(), rules.value().cend(), [this](const ContraindicationRule &r) {
                return r.questionId == questionId(QStringLiteral("isotretinoin"));
            });
        QCOMPARE(iso->kind, ContraindicationRule::Kind::Stop);
        QCOMPARE(iso->lookbackDays, std::optional<int>(180));
    }

    void latestAnswerWins()
    {
        const qint64 iso = questionId(QStringLiteral("isotretinoin"));
        QVERIFY(repository().recordAnswers(1, answers({{QStringLiteral("isotretinoin"), QDate(2026, 10, 1)}})).ok());
        m_clock.advanceSecs(3600);
        QVERIFY(repository().recordAnswers(1, {{iso, false, {}, QStringLiteral("stopped long ago"), 0}}).ok());
        const auto latest = repository().latestAnswers(1);
        QVERIFY(latest.ok());
        QCOMPARE(latest.value().size(), 15);
        QCOMPARE(latest.value().value(iso).yes, false);
        QCOMPARE(latest.value().value(iso).detail, QStringLiteral("stopped long ago"));
        QCOMPARE(latest.value().value(iso).answeredAt, m_clock.now().toSecsSinceEpoch());
        QCOMPARE(m_temp->scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'screening'")).toInt(),
                 2);
    }

    void unknownPatientOrQuestionIsRefusedAndNothingSaved()
    {
        QCOMPARE(repository().recordAnswers(99, answers()).error().kind(), ErrorKind::NotFound);
        QList<ScreeningAnswer> bad = answers();
        bad.append({999, true, {}, {}, 0});
        QCOMPARE(repository().recordAnswers(1, bad).error().field(), QStringLiteral("question_id"));
        QCOMPARE(m_temp->scalar(QStringLiteral("SELECT count(*) FROM screening_answer")).toInt(), 0);
    }

    // Scenario 3: isotretinoin until two months ago; a session inside the look-back is refused with the
    // rule's name, one after the window goes through (apart from the screening's own age).
    void isotretinoinIsJudgedOnTheAppointmentDate()
    {
        const QDate lastDose(2026, 9, 26);
        QVERIFY(repository().recordAnswers(1, answers({{QStringLiteral("isotretinoin"), lastDose}})).ok());
        const ScreeningEvaluator evaluator(m_temp->database());
        const auto soon = evaluator.evaluate(1, QDate(2026, 12, 3), true);
        QVERIFY(soon.ok());
        QVERIFY(soon.value().refuses());
        QCOMPARE(soon.value().stops.first().name, QStringLiteral("Isotretinoin within 180 days"));
        const auto later = evaluator.evaluate(1, lastDose.addDays(180), true);
        QVERIFY(later.ok());
        QVERIFY(!later.value().refuses());
        QCOMPARE(later.value().cautions.size(), 1);
        QCOMPARE(later.value().cautions.first().code, QStringLiteral("screening.out_of_date"));
        QVERIFY(evaluator.evaluate(1, QDate(2026, 12, 3), false).value().isClear());
    }

    void clinicEditsARule()
    {
        const qint64 iso = questionId(QStringLiteral("isotretinoin"));
        QVERIFY(repository().recordAnswers(1, answers({{QStringLiteral("isotretinoin"), QDate(2026, 9, 26)}})).ok());
        const QList<ContraindicationRule> rules = repository().rules().value();
        ContraindicationRule rule = *std::find_if(rules.cbegin(), rules.cend(),
                                                  [iso](const ContraindicationRule &r) { return r.questionId == iso; });
        rule.lookbackDays = 30;
        rule.name = QStringLiteral("Isotretinoin within 30 days");
        QCOMPARE(repository().saveRule(rule).value(), rule.id);
        QVERIFY(!ScreeningEvaluator(m_temp->database()).evaluate(1, QDate(2026, 12, 3), true).value().refuses());
        rule.lookbackDays = 0;
        QCOMPARE(repository().saveRule(rule).error().field(), QStringLiteral("lookback_days"));
        ContraindicationRule added{0,
                                   iso,
                                   QStringLiteral("Isotretinoin: ask the doctor"),
                                   ContraindicationRule::Kind::Caution,
                                   std::nullopt,
                                   true};
        const auto id = repository().saveRule(added);
        QVERIFY(id.ok());
        QCOMPARE(repository().rules().value().size(), 16);
        QCOMPARE(m_temp->scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE entity = 'contraindication_rule'"))
                     .toInt(),
                 2);
    }

    void alertsForTheSchedule()
    {
        QVERIFY(test::exec(m_temp->database(),
                           QStringLiteral("INSERT INTO patient (id, given_name, family_name, created_at, updated_at) "
                                          "VALUES (3, 'Ana', 'Lima', 0, 0)")));
        QVERIFY(repository().recordAnswers(1, answers({{QStringLiteral("pregnancy"), QDate()}})).ok());
        QVERIFY(repository().recordAnswers(2, answers({{QStringLiteral("anticoagulants"), QDate()}})).ok());
        const ScreeningEvaluator evaluator(m_temp->database());
        const auto alerts = evaluator.alerts({1, 2, 3}, QDate(2026, 11, 27));
        QVERIFY(alerts.ok());
        QCOMPARE(alerts.value().value(1), ScreeningEvaluator::Level::Stop);
        QCOMPARE(alerts.value().value(2), ScreeningEvaluator::Level::Caution);
        QCOMPARE(alerts.value().value(3), ScreeningEvaluator::Level::NotScreened);
        const auto screenedOnly = evaluator.alerts({1, 2, 3}, QDate(2026, 11, 27), false);
        QVERIFY(!screenedOnly.value().contains(3));
        QCOMPARE(screenedOnly.value().size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestScreeningRepository)
#include "tst_screeningrepository.moc"
