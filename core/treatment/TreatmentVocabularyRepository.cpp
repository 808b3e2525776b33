#include "TreatmentVocabularyRepository.h"

#include "TreatmentPlan.h"
#include "common/TextRules.h"
#include "common/Translation.h"
#include "storage/AuditLog.h"
#include "storage/Database.h"
#include "storage/SqlError.h"
#include "storage/Transaction.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QSqlQuery>

#include <cmath>

namespace dermdesk {

namespace {

constexpr TranslationContext tr("dermdesk::TreatmentVocabularyRepository");

// What differs between the two tables: the table and the words of its messages.
struct Vocabulary
{
    QString table;
    const char *needsName;
    const char *taken;
    const char *missing;
    const char *saving;
};

const Vocabulary &concernTable()
{
    static const Vocabulary vocabulary{
        QStringLiteral("treatment_concern"),
        QT_TRANSLATE_NOOP("dermdesk::TreatmentVocabularyRepository", "The concern needs a name."),
        QT_TRANSLATE_NOOP("dermdesk::TreatmentVocabularyRepository", "Another concern is already called \"%1\"."),
        QT_TRANSLATE_NOOP("dermdesk::TreatmentVocabularyRepository", "There is no concern %1."),
        QT_TRANSLATE_NOOP("dermdesk::TreatmentVocabularyRepository", "Saving the concern")};
    return vocabulary;
}

const Vocabulary &areaTable()
{
    static const Vocabulary vocabulary{QStringLiteral("treatment_area_option"),
                                       QT_TRANSLATE_NOOP("dermdesk::TreatmentVocabularyRepository",
                                                         "The treatment area needs a name."),
                                       QT_TRANSLATE_NOOP("dermdesk::TreatmentVocabularyRepository",
                                                         "Another treatment area is already called \"%1\"."),
                                       QT_TRANSLATE_NOOP("dermdesk::TreatmentVocabularyRepository",
                                                         "There is no treatment area %1."),
                                       QT_TRANSLATE_NOOP("dermdesk::TreatmentVocabularyRepository",
                                                         "Saving the treatment area")};
    return vocabulary;
}

Status validateName(const QString &name, const Vocabulary &vocabulary)
{
    if (Status s = TextRules::check(name, QStringLiteral("name"), TreatmentVocabularyRepository::maxNameLength); !s)
        return s;
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return Error::invalidInput(QStringLiteral("name"), tr(vocabulary.needsName));
    if (trimmed.contains(QLatin1Char(','))) {
        return Error::invalidInput(QStringLiteral("name"),
                                   tr("A name cannot contain a comma: plans keep their concerns and areas as a "
                                      "comma-separated list."));
    }
    if (trimmed.size() > TreatmentVocabularyRepository::maxNameLength) {
        return Error::invalidInput(QStringLiteral("name"), tr("A name is at most %1 characters, not %2.")
                                                               .arg(TreatmentVocabularyRepository::maxNameLength)
                                                               .arg(trimmed.size()));
    }
    return {};
}

// The ids and names of every row of the table, in the forms' order.
Result<QList<std::pair<qint64, QString>>> listed(QSqlQuery &query, const Vocabulary &vocabulary)
{
    if (!query.exec(QStringLiteral("SELECT id, name FROM %1 ORDER BY sort_order, name, id").arg(vocabulary.table)))
        return sqlError(query.lastError(), tr(vocabulary.saving));
    QList<std::pair<qint64, QString>> rows;
    while (query.next())
        rows.append({query.value(0).toLongLong(), query.value(1).toString()});
    return rows;
}

qsizetype indexOf(const QList<std::pair<qint64, QString>> &rows, qint64 id)
{
    for (qsizetype i = 0; i < rows.size(); ++i) {
        if (rows.at(i).first == id)
            return i;
    }
    return -1;
}

// A column the save writes besides name and active, with its value to bind.
struct Column
{
    QString name;
    QVariant value;
};

QJsonObject rowJson(const QString &name, bool active, const QList<Column> &extra)
{
    QJsonObject json{{QStringLiteral("name"), name}, {QStringLiteral("active"), active}};
    for (const Column &column : extra)
        json.insert(column.name, QJsonValue::fromVariant(column.value));
    return json;
}

// Inserts (id 0, placed last) or updates one row: its name, active flag and `extra` columns; audited with the
// row before and after. Checks that the name is free (case-insensitively) and that `id` exists.
Result<qint64> saveRow(const Database &database, const Clock &clock, const Vocabulary &vocabulary, qint64 id,
                       const QString &name, bool active, const QList<Column> &extra)
{
    const QString what = tr(vocabulary.saving);
    Transaction transaction(database);
    if (Status begun = transaction.begin(); !begun)
        return begun.error();
    QSqlQuery query(database.connection());
    auto rows = listed(query, vocabulary);
    if (!rows)
        return rows.error();
    if (id != 0 && indexOf(rows.value(), id) < 0)
        return Error::notFound(vocabulary.table, tr(vocabulary.missing).arg(id));
    for (const auto &[otherId, otherName] : rows.value()) {
        if (otherId != id && otherName.compare(name, Qt::CaseInsensitive) == 0)
            return Error::invalidInput(QStringLiteral("name"), tr(vocabulary.taken).arg(otherName));
    }
    QStringList columns{QStringLiteral("name"), QStringLiteral("active")};
    for (const Column &column : extra)
        columns.append(column.name);
    QJsonObject before;
    if (id != 0) {
        query.prepare(
            QStringLiteral("SELECT %1 FROM %2 WHERE id = ?").arg(columns.join(QStringLiteral(", ")), vocabulary.table));
        query.addBindValue(id);
        if (!query.exec() || !query.next())
            return sqlError(query.lastError(), what);
        QList<Column> old;
        for (qsizetype i = 2; i < columns.size(); ++i)
            old.append({columns.at(i), query.value(int(i))});
        before = rowJson(query.value(0).toString(), query.value(1).toBool(), old);
    }
    if (id == 0) {
        query.prepare(QStringLiteral("INSERT INTO %1 (%2, sort_order) VALUES (%3 (SELECT coalesce(max(sort_order), 0) "
                                     "+ 10 FROM %1))")
                          .arg(vocabulary.table, columns.join(QStringLiteral(", ")),
                               QStringLiteral("?, ").repeated(columns.size())));
    } else {
        query.prepare(QStringLiteral("UPDATE %1 SET %2 = ? WHERE id = ?")
                          .arg(vocabulary.table, columns.join(QStringLiteral(" = ?, "))));
    }
    query.addBindValue(name);
    query.addBindValue(active ? 1 : 0);
    for (const Column &column : extra)
        query.addBindValue(column.value);
    if (id != 0)
        query.addBindValue(id);
    const Result<qint64> saved = database.engine().save(query, id, what);
    if (!saved)
        return saved.error();
    const qint64 savedId = saved.value();
    const QJsonObject after = rowJson(name, active, extra);
    const QJsonObject details =
        id == 0 ? after : QJsonObject{{QStringLiteral("before"), before}, {QStringLiteral("after"), after}};
    if (Status s = AuditLog(database, clock)
                       .record(id == 0 ? QStringLiteral("create") : QStringLiteral("update"), vocabulary.table, savedId,
                               details);
        !s)
        return s.error();
    if (Status s = transaction.commit(); !s)
        return s.error();
    return savedId;
}

Status moveRow(const Database &database, const Clock &clock, const Vocabulary &vocabulary, qint64 id, int delta)
{
    Transaction transaction(database);
    if (Status begun = transaction.begin(); !begun)
        return begun;
    QSqlQuery query(database.connection());
    auto rows = listed(query, vocabulary);
    if (!rows)
        return rows.error();
    QList<std::pair<qint64, QString>> order = rows.value();
    const qsizetype from = indexOf(order, id);
    if (from < 0)
        return Error::notFound(vocabulary.table, tr(vocabulary.missing).arg(id));
    const qsizetype to = from + (delta < 0 ? -1 : 1);
    if (delta == 0 || to < 0 || to >= order.size())
        return {};
    order.move(from, to);
    query.prepare(QStringLiteral("UPDATE %1 SET sort_order = ? WHERE id = ?").arg(vocabulary.table));
    for (qsizetype i = 0; i < order.size(); ++i) {
        query.addBindValue(int(10 * (i + 1)));
        query.addBindValue(order.at(i).first);
        if (!query.exec())
            return sqlError(query.lastError(), tr(vocabulary.saving));
    }
    if (Status s = AuditLog(database, clock)
                       .record(QStringLiteral("reorder"), vocabulary.table, id,
                               {{QStringLiteral("name"), order.at(to).second},
                                {QStringLiteral("from"), int(from + 1)},
                                {QStringLiteral("to"), int(to + 1)}});
        !s)
        return s;
    return transaction.commit();
}

QString inactiveFilter(bool includeInactive)
{
    return includeInactive ? QString() : QStringLiteral("WHERE active = 1");
}

} // namespace

TreatmentVocabularyRepository::TreatmentVocabularyRepository(const Database &database, const Clock &clock)
    : m_database(database)
    , m_clock(clock)
{
}

Result<QList<TreatmentConcern>> TreatmentVocabularyRepository::concerns(bool includeInactive) const
{
    QSqlQuery query(m_database.connection());
    if (!query.exec(QStringLiteral("SELECT id, name, from_guide, active, sort_order FROM treatment_concern %1 "
                                   "ORDER BY sort_order, name, id")
                        .arg(inactiveFilter(includeInactive))))
        return sqlError(query.lastError(), tr("Reading the concerns"));
    QList<TreatmentConcern> concerns;
    while (query.next()) {
        concerns.append({query.value(0).toLongLong(), query.value(1).toString(), query.value(2).toBool(),
                         query.value(3).toBool(), query.value(4).toInt()});
    }
    return concerns;
}

Result<QList<TreatmentAreaOption>> TreatmentVocabularyRepository::areas(bool includeInactive) const
{
    QSqlQuery query(m_database.connection());
    if (!query.exec(QStringLiteral("SELECT id, name, default_depth_mm, active, sort_order FROM treatment_area_option "
                                   "%1 ORDER BY sort_order, name, id")
                        .arg(inactiveFilter(includeInactive))))
        return sqlError(query.lastError(), tr("Reading the treatment areas"));
    QList<TreatmentAreaOption> areas;
    while (query.next()) {
        TreatmentAreaOption area{query.value(0).toLongLong(), query.value(1).toString(), std::nullopt,
                                 query.value(3).toBool(), query.value(4).toInt()};
        if (!query.value(2).isNull())
            area.defaultDepthMm = query.value(2).toDouble();
        areas.append(area);
    }
    return areas;
}

Status TreatmentVocabularyRepository::validate(const TreatmentConcern &concern)
{
    return validateName(concern.name, concernTable());
}

Status TreatmentVocabularyRepository::validate(const TreatmentAreaOption &area)
{
    if (Status named = validateName(area.name, areaTable()); !named)
        return named;
    if (area.defaultDepthMm) {
        const double mm = *area.defaultDepthMm;
        if (!std::isfinite(mm) || mm < TreatmentPlan::minDepthMm || mm > TreatmentPlan::maxDepthMm) {
            return Error::invalidInput(QStringLiteral("default_depth_mm"),
                                       tr("A default needle depth is %1 to %2, not %3.")
                                           .arg(TreatmentPlan::depthText(TreatmentPlan::minDepthMm),
                                                TreatmentPlan::depthText(TreatmentPlan::maxDepthMm),
                                                TreatmentPlan::depthText(mm)));
        }
    }
    return {};
}

Result<qint64> TreatmentVocabularyRepository::saveConcern(const TreatmentConcern &concern)
{
    if (Status valid = validate(concern); !valid)
        return valid.error();
    return saveRow(m_database, m_clock, concernTable(), concern.id, concern.name.trimmed(), concern.active, {});
}

Result<qint64> TreatmentVocabularyRepository::saveArea(const TreatmentAreaOption &area)
{
    if (Status valid = validate(area); !valid)
        return valid.error();
    const QVariant depth =
        area.defaultDepthMm ? QVariant(*area.defaultDepthMm) : QVariant(QMetaType::fromType<double>());
    return saveRow(m_database, m_clock, areaTable(), area.id, area.name.trimmed(), area.active,
                   {{QStringLiteral("default_depth_mm"), depth}});
}

Status TreatmentVocabularyRepository::moveConcern(qint64 id, int delta)
{
    return moveRow(m_database, m_clock, concernTable(), id, delta);
}

Status TreatmentVocabularyRepository::moveArea(qint64 id, int delta)
{
    return moveRow(m_database, m_clock, areaTable(), id, delta);
}

} // namespace dermdesk
