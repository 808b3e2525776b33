#include "ScreeningRepository.h"

#include "common/Translation.h"
#include "storage/AuditLog.h"
#include "storage/Database.h"
#include "storage/SqlError.h"
#include "storage/SqlValue.h"
#include "storage/Statement.h"
#include "storage/Transaction.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QSqlQuery>

#include <algorithm>

namespace dermdesk {

namespace {

constexpr TranslationContext tr("dermdesk::ScreeningRepository");

QString kindText(ContraindicationRule::Kind kind)
{
    return kind == ContraindicationRule::Kind::Stop ? QStringLiteral("stop") : QStringLiteral("caution");
}

QJsonObject toJson(const ContraindicationRule &rule)
{
    return {{QStringLiteral("question_id"), rule.questionId},
            {QStringLiteral("name"), rule.name},
            {QStringLiteral("kind"), kindText(rule.kind)},
            {QStringLiteral("lookback_days"), rule.lookbackDays ? QJsonValue(*rule.lookbackDays) : QJsonValue()},
            {QStringLiteral("active"), rule.active}};
}

ScreeningAnswer readAnswer(const QSqlQuery &query, int first)
{
    ScreeningAnswer answer;
    answer.questionId = query.value(first).toLongLong();
    answer.yes = query.value(first + 1).toBool();
    answer.eventDate = QDate::fromString(query.value(first + 2).toString(), Qt::ISODate);
    answer.detail = query.value(first + 3).toString();
    answer.answeredAt = query.value(first + 4).toLongLong();
    return answer;
}

} // namespace

ScreeningRepository::ScreeningRepository(const Database &database, const Clock &clock)
    : m_database(database)
    , m_clock(clock)
{
}

Result<QList<ScreeningQuestion>> ScreeningRepository::questions() const
{
    QSqlQuery query(m_database.connection());
    if (!query.exec(QStringLiteral("SELECT id, code, question, asks_date, sort_order, active FROM screening_question "
                                   "WHERE active = 1 ORDER BY sort_order, id")))
        return sqlError(query.lastError(), tr("Reading the screening questions"));
    QList<ScreeningQuestion> questions;
    while (query.next()) {
        questions.append({query.value(0).toLongLong(), query.value(1).toString(), query.value(2).toString(),
                          query.value(3).toBool(), query.value(4).toInt(), query.value(5).toBool()});
    }
    return questions;
}

Result<QList<ContraindicationRule>> ScreeningRepository::rules() const
{
    // Kept: every booking's screening check reads the rules.
    Statement kept(m_database, QStringLiteral("SELECT r.id, r.question_id, r.name, r.kind, r.lookback_days, r.active "
                                              "FROM contraindication_rule r JOIN screening_question q "
                                              "ON q.id = r.question_id ORDER BY q.sort_order, r.id"));
    QSqlQuery &query = *kept;
    if (!query.exec())
        return sqlError(query.lastError(), tr("Reading the contraindication rules"));
    QList<ContraindicationRule> rules;
    while (query.next()) {
        ContraindicationRule rule;
        rule.id = query.value(0).toLongLong();
        rule.questionId = query.value(1).toLongLong();
        rule.name = query.value(2).toString();
        rule.kind = query.value(3).toString() == QLatin1String("stop") ? ContraindicationRule::Kind::Stop
                                                                       : ContraindicationRule::Kind::Caution;
        if (!query.value(4).isNull())
            rule.lookbackDays = query.value(4).toInt();
        rule.active = query.value(5).toBool();
        rules.append(rule);
    }
    return rules;
}

Result<qint64> ScreeningRepository::saveRule(const ContraindicationRule &rule)
{
    if (rule.name.trimmed().isEmpty())
        return Error::invalidInput(QStringLiteral("name"), tr("name: the rule needs a name"));
    if (rule.lookbackDays && (*rule.lookbackDays < 1 || *rule.lookbackDays > 3650))
        return Error::invalidInput(QStringLiteral("lookback_days"), tr("lookback_days: must be 1 to 3650 days"));
    Transaction transaction(m_database);
    if (Status begun = transaction.begin(); !begun)
        return begun.error();
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT count(*) FROM screening_question WHERE id = ?"));
    query.addBindValue(rule.questionId);
    if (!query.exec() || !query.next())
        return sqlError(query.lastError(), tr("Saving the rule"));
    if (query.value(0).toInt() == 0)
        return Error::invalidInput(QStringLiteral("question_id"), tr("question_id: there is no such question"));
    QJsonObject details{{QStringLiteral("after"), toJson(rule)}};
    qint64 id = rule.id;
    if (id == 0) {
        query.prepare(
            QStringLiteral("INSERT INTO contraindication_rule (question_id, name, kind, lookback_days, active) "
                           "VALUES (?, ?, ?, ?, ?)"));
    } else {
        const auto current = rules();
        if (!current)
            return current.error();
        const auto it = std::find_if(current.value().cbegin(), current.value().cend(),
                                     [id](const ContraindicationRule &r) { return r.id == id; });
        if (it == current.value().cend())
            return Error::notFound(QStringLiteral("contraindication_rule"), tr("There is no rule %1.").arg(id));
        details.insert(QStringLiteral("before"), toJson(*it));
        query.prepare(QStringLiteral("UPDATE contraindication_rule SET question_id = ?, name = ?, kind = ?, "
                                     "lookback_days = ?, active = ? WHERE id = ?"));
    }
    query.addBindValue(rule.questionId);
    query.addBindValue(rule.name.trimmed());
    query.addBindValue(kindText(rule.kind));
    query.addBindValue(rule.lookbackDays ? QVariant(*rule.lookbackDays) : QVariant(QMetaType::fromType<int>()));
    query.addBindValue(rule.active ? 1 : 0);
    if (id != 0)
        query.addBindValue(id);
    const Result<qint64> saved = m_database.engine().save(query, id, tr("Saving the rule"));
    if (!saved)
        return saved.error();
    id = saved.value();
    if (Status s = AuditLog(m_database, m_clock)
                       .record(rule.id == 0 ? QStringLiteral("create") : QStringLiteral("update"),
                               QStringLiteral("contraindication_rule"), id, details);
        !s)
        return s.error();
    if (Status s = transaction.commit(); !s)
        return s.error();
    return id;
}

Status ScreeningRepository::recordAnswers(qint64 patientId, const QList<ScreeningAnswer> &answers)
{
    Transaction transaction(m_database);
    if (Status begun = transaction.begin(); !begun)
        return begun;
    const QString what = tr("Saving the screening answers");
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT count(*) FROM patient WHERE id = ?"));
    query.addBindValue(patientId);
    if (!query.exec() || !query.next())
        return sqlError(query.lastError(), what);
    if (query.value(0).toInt() == 0)
        return Error::notFound(QStringLiteral("patient"), tr("There is no patient %1.").arg(patientId));
    QSet<qint64> known;
    if (!query.exec(QStringLiteral("SELECT id FROM screening_question")))
        return sqlError(query.lastError(), what);
    while (query.next())
        known.insert(query.value(0).toLongLong());
    const qint64 now = m_clock.now().toSecsSinceEpoch();
    QJsonArray recorded;
    query.prepare(QStringLiteral("INSERT INTO screening_answer (patient_id, question_id, answer, event_date, detail, "
                                 "answered_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    for (const ScreeningAnswer &answer : answers) {
        if (!known.contains(answer.questionId)) {
            return Error::invalidInput(QStringLiteral("question_id"),
                                       tr("question_id: there is no question %1").arg(answer.questionId));
        }
        query.addBindValue(patientId);
        query.addBindValue(answer.questionId);
        query.addBindValue(answer.yes ? 1 : 0);
        query.addBindValue(answer.eventDate.isValid() ? QVariant(answer.eventDate.toString(Qt::ISODate))
                                                      : QVariant(QMetaType::fromType<QString>()));
        query.addBindValue(sqlText(answer.detail));
        query.addBindValue(now);
        query.addBindValue(m_database.actor().person);
        if (!query.exec())
            return sqlError(query.lastError(), what);
        recorded.append(QJsonObject{{QStringLiteral("question_id"), answer.questionId},
                                    {QStringLiteral("yes"), answer.yes},
                                    {QStringLiteral("event_date"),
                                     answer.eventDate.isValid() ? QJsonValue(answer.eventDate.toString(Qt::ISODate))
                                                                : QJsonValue()}});
    }
    if (Status s = AuditLog(m_database, m_clock)
                       .record(QStringLiteral("screening"), QStringLiteral("patient"), patientId,
                               {{QStringLiteral("answers"), recorded}});
        !s)
        return s;
    return transaction.commit();
}

Result<QHash<qint64, ScreeningAnswer>> ScreeningRepository::latestAnswers(qint64 patientId) const
{
    // Kept prepared: a booking and every session of a course proposal read one patient's answers.
    Statement statement(m_database,
                        QStringLiteral("SELECT patient_id, question_id, answer, event_date, detail, answered_at "
                                       "FROM screening_answer WHERE patient_id = ? ORDER BY answered_at, id"));
    statement->setForwardOnly(true);
    statement->addBindValue(patientId);
    auto all = readLatest(*statement);
    if (!all)
        return all.error();
    return all.value().value(patientId);
}

Result<QList<ScreeningAnswer>> ScreeningRepository::answerHistory(qint64 patientId) const
{
    Statement kept(m_database,
                   QStringLiteral("SELECT question_id, answer, event_date, detail, answered_at FROM screening_answer "
                                  "WHERE patient_id = ? ORDER BY answered_at DESC, id DESC"));
    QSqlQuery &query = *kept;
    query.setForwardOnly(true);
    query.addBindValue(patientId);
    if (!query.exec())
        return sqlError(query.lastError(), tr("Reading the screening answers"));
    QList<ScreeningAnswer> history;
    while (query.next())
        history.append(readAnswer(query, 0));
    return history;
}

Result<QHash<qint64, QHash<qint64, ScreeningAnswer>>>
ScreeningRepository::latestAnswers(const QList<qint64> &patientIds) const
{
    QHash<qint64, QHash<qint64, ScreeningAnswer>> latest;
    if (patientIds.isEmpty())
        return latest;
    QStringList marks;
    marks.fill(QStringLiteral("?"), patientIds.size());
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    // Oldest first, so each later answer replaces the one before it.
    query.prepare(QStringLiteral("SELECT patient_id, question_id, answer, event_date, detail, answered_at "
                                 "FROM screening_answer WHERE patient_id IN (%1) ORDER BY answered_at, id")
                      .arg(marks.join(QLatin1Char(','))));
    for (const qint64 id : patientIds)
        query.addBindValue(id);
    return readLatest(query);
}

Result<QHash<qint64, QHash<qint64, ScreeningAnswer>>>
ScreeningRepository::decidingAnswers(const QList<qint64> &patientIds) const
{
    return answersInBatches(patientIds, &decidingAnswersStatement);
}

Result<QHash<qint64, QHash<qint64, ScreeningAnswer>>>
ScreeningRepository::latestYesAnswers(const QList<qint64> &patientIds) const
{
    return answersInBatches(patientIds, &latestYesStatement);
}

Result<QHash<qint64, QHash<qint64, ScreeningAnswer>>>
ScreeningRepository::answersInBatches(const QList<qint64> &patientIds, QByteArray (*statement)(qsizetype)) const
{
    QList<qint64> distinct = patientIds;
    std::sort(distinct.begin(), distinct.end());
    distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
    QHash<qint64, QHash<qint64, ScreeningAnswer>> latest;
    const auto readBatch = [&](QSqlQuery &query, const QList<qint64> &batch) -> Status {
        for (const qint64 id : batch)
            query.addBindValue(id);
        auto found = readLatest(query);
        if (!found)
            return found.error();
        latest.insert(found.value());
        return {};
    };
    const Status read = sqlInBatches(distinct, [&](const QList<qint64> &batch) -> Status {
        const QString sql = QString::fromLatin1(statement(batch.size()));
        // A whole batch has the same text every time (a week of the schedule may read several): it is kept.
        if (batch.size() == sqlListBatch) {
            Statement kept(m_database, sql);
            return readBatch(*kept, batch);
        }
        QSqlQuery query(m_database.connection());
        query.setForwardOnly(true);
        query.prepare(sql);
        return readBatch(query, batch);
    });
    if (!read)
        return read.error();
    return latest;
}

QByteArray ScreeningRepository::latestYesStatement(qsizetype count)
{
    // The patients' yes answers (screening_answer_yes), each kept when no later answer to its question replaced it
    // (screening_answer_patient).
    return QStringLiteral("SELECT a.patient_id, a.question_id, a.answer, a.event_date, a.detail, a.answered_at, a.id "
                          "FROM screening_answer a WHERE a.patient_id IN (%1) AND a.answer = 1 "
                          "AND NOT EXISTS (SELECT 1 FROM screening_answer n WHERE n.patient_id = a.patient_id "
                          "AND n.question_id = a.question_id "
                          "AND (n.answered_at > a.answered_at OR (n.answered_at = a.answered_at AND n.id > a.id))) "
                          "ORDER BY 6, 7")
        .arg(sqlMarks(count))
        .toLatin1();
}

QByteArray ScreeningRepository::decidingAnswersStatement(qsizetype count)
{
    // Two parts, each a short index lookup per patient: the answers that are yes and still the latest to their
    // question (screening_answer_yes, then screening_answer_patient to see that no later answer replaced them),
    // and the patient's newest answer of all (screening_answer_newest). A row in both parts comes twice, which
    // readLatest takes as one. A week of the schedule reads a few rows per patient instead of the whole
    // questionnaire.
    return QStringLiteral("WITH asked (patient_id) AS (SELECT id FROM patient WHERE id IN (%1)) "
                          "SELECT a.patient_id, a.question_id, a.answer, a.event_date, a.detail, a.answered_at, a.id "
                          "FROM asked b JOIN screening_answer a ON a.patient_id = b.patient_id AND a.answer = 1 "
                          "WHERE NOT EXISTS (SELECT 1 FROM screening_answer n WHERE n.patient_id = a.patient_id "
                          "AND n.question_id = a.question_id "
                          "AND (n.answered_at > a.answered_at OR (n.answered_at = a.answered_at AND n.id > a.id))) "
                          "UNION ALL "
                          "SELECT a.patient_id, a.question_id, a.answer, a.event_date, a.detail, a.answered_at, a.id "
                          "FROM asked b JOIN screening_answer a ON a.id = "
                          "(SELECT m.id FROM screening_answer m WHERE m.patient_id = b.patient_id "
                          "ORDER BY m.answered_at DESC, m.id DESC LIMIT 1) "
                          "ORDER BY 6, 7")
        .arg(sqlMarks(count))
        .toLatin1();
}

Result<QHash<qint64, QHash<qint64, ScreeningAnswer>>> ScreeningRepository::readLatest(QSqlQuery &query)
{
    QHash<qint64, QHash<qint64, ScreeningAnswer>> latest;
    if (!query.exec())
        return sqlError(query.lastError(), tr("Reading the screening answers"));
    while (query.next()) {
        const ScreeningAnswer answer = readAnswer(query, 1);
        latest[query.value(0).toLongLong()].insert(answer.questionId, answer);
    }
    return latest;
}

Result<int> ScreeningRepository::maxAgeDays() const
{
    QSqlQuery query(m_database.connection());
    if (!query.exec(QStringLiteral("SELECT screening_max_age_days FROM clinic_settings WHERE id = 1")))
        return sqlError(query.lastError(), tr("Reading the clinic settings"));
    return query.next() ? query.value(0).toInt() : 90;
}

} // namespace dermdesk
