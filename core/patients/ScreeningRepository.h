#pragma once

#include "ContraindicationRule.h"
#include "ScreeningAnswer.h"
#include "ScreeningQuestion.h"
#include "common/Clock.h"
#include "common/Result.h"

#include <QHash>
#include <QList>

class QSqlQuery;

namespace dermdesk {

class Database;

// The screening questionnaire, patients' answers and the clinic's contraindication rules.
// Writes run in one transaction each and are audited.
class ScreeningRepository
{
public:
    explicit ScreeningRepository(const Database &database, const Clock &clock = Clock::system());

    // The active questions in form order.
    [[nodiscard]] Result<QList<ScreeningQuestion>> questions() const;
    // Every rule, active or not, in question order.
    [[nodiscard]] Result<QList<ContraindicationRule>> rules() const;
    // Adds (rule.id == 0) or changes a rule; returns its id. InvalidInput "name", "question_id",
    // "lookback_days" (1 to 3650); NotFound "contraindication_rule". Audited.
    [[nodiscard]] Result<qint64> saveRule(const ContraindicationRule &rule);

    // Records the answers a patient gave now (the Clock's), one transaction, audited on the patient.
    // InvalidInput "question_id" for an unknown question; NotFound "patient". Event dates after today
    // are accepted (a planned procedure).
    [[nodiscard]] Status recordAnswers(qint64 patientId, const QList<ScreeningAnswer> &answers);
    // The latest answer to each question the patient has answered, by question id.
    [[nodiscard]] Result<QHash<qint64, ScreeningAnswer>> latestAnswers(qint64 patientId) const;
    // Every answer the patient ever gave, newest first (the patient page's history). Uses screening_answer_patient.
    [[nodiscard]] Result<QList<ScreeningAnswer>> answerHistory(qint64 patientId) const;
    // The same for many patients in one query: patient id → question id → answer. Patients without
    // answers are absent.
    [[nodiscard]] Result<QHash<qint64, QHash<qint64, ScreeningAnswer>>>
    latestAnswers(const QList<qint64> &patientIds) const;
    // What decides screening for the patients `patientIds` (the patients of a day's or a week's visits; repeats
    // are read once): each patient's newest answer, and every answer that is yes and still the latest to its
    // question, by question id. Enough for ScreeningEvaluator (how old the screening is, which rules apply), not
    // a full questionnaire: a question whose latest answer is no is absent. A few index lookups per patient,
    // however many questions a questionnaire has; one query per sqlListBatch patients.
    [[nodiscard]] Result<QHash<qint64, QHash<qint64, ScreeningAnswer>>>
    decidingAnswers(const QList<qint64> &patientIds) const;
    // The statement decidingAnswers runs for `count` patients (their ids as positional parameters), for
    // measuring it bare.
    [[nodiscard]] static QByteArray decidingAnswersStatement(qsizetype count);
    // Only the answers that are yes and still the latest to their question, for the patients `patientIds` (repeats
    // are read once): what the clinic's rules look at, when the time of each patient's newest answer is known
    // already. Patients without such answers are absent. One query per sqlListBatch patients.
    [[nodiscard]] Result<QHash<qint64, QHash<qint64, ScreeningAnswer>>>
    latestYesAnswers(const QList<qint64> &patientIds) const;
    // The statement latestYesAnswers runs for `count` patients, for measuring it bare.
    [[nodiscard]] static QByteArray latestYesStatement(qsizetype count);

    // How many days a screening stays valid (clinic_settings.screening_max_age_days; 90 without settings).
    [[nodiscard]] Result<int> maxAgeDays() const;

private:
    // Runs `statement(count)` over `patientIds` (repeats read once), sqlListBatch at a time, keeping each
    // question's latest answer per patient.
    [[nodiscard]] Result<QHash<qint64, QHash<qint64, ScreeningAnswer>>>
    answersInBatches(const QList<qint64> &patientIds, QByteArray (*statement)(qsizetype)) const;
    // Reads (patient id, answer columns) rows, oldest first, keeping each question's latest answer.
    [[nodiscard]] static Result<QHash<qint64, QHash<qint64, ScreeningAnswer>>> readLatest(QSqlQuery &query);

    const Database &m_database;
    const Clock &m_clock;
};

} // namespace dermdesk
