#include "EducationTemplateRepository.h"

#include "common/Translation.h"
#include "storage/AuditLog.h"
#include "storage/Database.h"
#include "storage/SqlError.h"
#include "storage/SqlValue.h"
#include "storage/Transaction.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QSqlQuery>
#include <QVariant>

namespace dermdesk {

namespace {

constexpr TranslationContext tr("dermdesk::EducationTemplateRepository");

constexpr auto columns = "id, code, kind, title, body_html, version, downtime_from_hours, downtime_to_hours, "
                         "default_text, active, sort_order, updated_at, updated_by";

EducationTemplate readTemplate(const QSqlQuery &query)
{
    EducationTemplate t;
    t.id = query.value(0).toLongLong();
    t.code = query.value(1).toString();
    t.kind = query.value(2).toString();
    t.title = query.value(3).toString();
    t.bodyHtml = query.value(4).toString();
    t.version = query.value(5).toInt();
    if (!query.value(6).isNull())
        t.downtimeFromHours = query.value(6).toInt();
    if (!query.value(7).isNull())
        t.downtimeToHours = query.value(7).toInt();
    t.defaultText = query.value(8).toInt() != 0;
    t.active = query.value(9).toInt() != 0;
    t.sortOrder = query.value(10).toInt();
    t.updatedAt = query.value(11).toLongLong();
    t.updatedBy = query.value(12).toString();
    return t;
}

QVariant optionalInt(const std::optional<int> &value)
{
    return value ? QVariant(*value) : QVariant(QMetaType::fromType<int>());
}

Status validate(const EducationTemplate &t)
{
    static const QStringList kinds{QStringLiteral("pre_care"), QStringLiteral("aftercare"), QStringLiteral("faq"),
                                   QStringLiteral("other")};
    if (t.title.trimmed().isEmpty())
        return Error::invalidInput(QStringLiteral("title"), tr("The document needs a title."));
    if (t.code.trimmed().isEmpty())
        return Error::invalidInput(QStringLiteral("code"), tr("The document needs a code."));
    if (!kinds.contains(t.kind))
        return Error::invalidInput(QStringLiteral("kind"),
                                   tr("“%1” is not a kind of document (pre_care, aftercare, faq, other).").arg(t.kind));
    const bool hasRange = t.downtimeFromHours.has_value() || t.downtimeToHours.has_value();
    if (hasRange && t.kind != QLatin1String("aftercare"))
        return Error::invalidInput(QStringLiteral("downtime"), tr("Only aftercare is chosen by expected downtime."));
    if (hasRange
        && (!t.downtimeFromHours || !t.downtimeToHours || *t.downtimeFromHours < 0 || *t.downtimeToHours > 720
            || *t.downtimeToHours < *t.downtimeFromHours))
        return Error::invalidInput(QStringLiteral("downtime"),
                                   tr("The downtime range must run from 0 to 720 hours, its end not before its "
                                      "start."));
    return {};
}

} // namespace

EducationTemplateRepository::EducationTemplateRepository(const Database &database, const Clock &clock)
    : m_database(database)
    , m_clock(clock)
{
}

Result<QList<EducationTemplate>> EducationTemplateRepository::all(bool includeInactive) const
{
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT %1 FROM education_template WHERE active = 1 OR ? = 1 ORDER BY sort_order, id")
                      .arg(QLatin1String(columns)));
    query.addBindValue(includeInactive ? 1 : 0);
    if (!query.exec())
        return sqlError(query.lastError(), tr("Reading the education documents"));
    QList<EducationTemplate> templates;
    while (query.next())
        templates.append(readTemplate(query));
    return templates;
}

Result<EducationTemplate> EducationTemplateRepository::find(qint64 id) const
{
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT %1 FROM education_template WHERE id = ?").arg(QLatin1String(columns)));
    query.addBindValue(id);
    if (!query.exec())
        return sqlError(query.lastError(), tr("Reading the education document"));
    if (!query.next())
        return Error::notFound(QStringLiteral("education_template"), tr("There is no education document %1.").arg(id));
    return readTemplate(query);
}

Result<std::optional<EducationTemplate>> EducationTemplateRepository::preCare() const
{
    auto templates = all();
    if (!templates)
        return templates.error();
    for (const EducationTemplate &t : templates.value()) {
        if (t.kind == QLatin1String("pre_care"))
            return std::optional<EducationTemplate>(t);
    }
    return std::optional<EducationTemplate>();
}

Result<std::optional<EducationTemplate>>
EducationTemplateRepository::aftercareFor(std::optional<int> downtimeHours) const
{
    auto templates = all();
    if (!templates)
        return templates.error();
    const int hours = downtimeHours.value_or(typicalDowntimeHours);
    std::optional<EducationTemplate> first;
    for (const EducationTemplate &t : templates.value()) {
        if (t.kind != QLatin1String("aftercare"))
            continue;
        if (t.coversDowntime(hours))
            return std::optional<EducationTemplate>(t);
        if (!first)
            first = t;
    }
    return first;
}

Result<qint64> EducationTemplateRepository::save(const EducationTemplate &educationTemplate)
{
    if (Status valid = validate(educationTemplate); !valid)
        return valid.error();
    Transaction transaction(m_database);
    if (Status begun = transaction.begin(); !begun)
        return begun.error();
    const qint64 now = m_clock.now().toSecsSinceEpoch();
    const QString actor = m_database.actor().person;
    const bool creating = educationTemplate.id == 0;
    EducationTemplate saved = educationTemplate;
    saved.title = saved.title.trimmed();
    bool textChanged = true;
    bool defaultText = false;
    QJsonObject details;
    if (!creating) {
        auto before = find(educationTemplate.id);
        if (!before)
            return before.error();
        textChanged = before.value().title != saved.title || before.value().bodyHtml != saved.bodyHtml;
        saved.version = before.value().version + (textChanged ? 1 : 0);
        defaultText = !textChanged && before.value().defaultText;
        details.insert(QStringLiteral("before"), QJsonObject{{QStringLiteral("version"), before.value().version},
                                                             {QStringLiteral("title"), before.value().title},
                                                             {QStringLiteral("active"), before.value().active}});
    } else {
        saved.version = 1;
    }

    QSqlQuery query(m_database.connection());
    if (creating) {
        query.prepare(QStringLiteral("INSERT INTO education_template (title, body_html, version, downtime_from_hours, "
                                     "downtime_to_hours, default_text, active, sort_order, updated_at, updated_by, "
                                     "code, kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    } else {
        query.prepare(QStringLiteral("UPDATE education_template SET title = ?, body_html = ?, version = ?, "
                                     "downtime_from_hours = ?, downtime_to_hours = ?, default_text = ?, "
                                     "active = ?, sort_order = ?, updated_at = ?, updated_by = ? WHERE id = ?"));
    }
    query.addBindValue(sqlText(saved.title));
    query.addBindValue(sqlText(saved.bodyHtml));
    query.addBindValue(saved.version);
    query.addBindValue(optionalInt(saved.downtimeFromHours));
    query.addBindValue(optionalInt(saved.downtimeToHours));
    query.addBindValue(defaultText ? 1 : 0);
    query.addBindValue(saved.active ? 1 : 0);
    query.addBindValue(saved.sortOrder);
    query.addBindValue(now);
    query.addBindValue(actor);
    if (creating) {
        query.addBindValue(sqlText(saved.code.trimmed()));
        query.addBindValue(saved.kind);
    } else {
        query.addBindValue(saved.id);
    }
    const Result<qint64> savedId = m_database.engine().save(query, saved.id, tr("Saving the education document"));
    if (!savedId)
        return savedId.error();
    saved.id = savedId.value();

    if (textChanged) {
        QSqlQuery version(m_database.connection());
        version.prepare(QStringLiteral("INSERT INTO education_template_version (template_id, version, title, "
                                       "body_html, saved_at, saved_by) VALUES (?, ?, ?, ?, ?, ?)"));
        version.addBindValue(saved.id);
        version.addBindValue(saved.version);
        version.addBindValue(sqlText(saved.title));
        version.addBindValue(sqlText(saved.bodyHtml));
        version.addBindValue(now);
        version.addBindValue(actor);
        if (!version.exec())
            return sqlError(version.lastError(), tr("Keeping the document's version"));
    }
    details.insert(QStringLiteral("after"), QJsonObject{{QStringLiteral("version"), saved.version},
                                                        {QStringLiteral("title"), saved.title},
                                                        {QStringLiteral("active"), saved.active}});
    if (Status audited = AuditLog(m_database, m_clock)
                             .record(creating ? QStringLiteral("create") : QStringLiteral("update"),
                                     QStringLiteral("education_template"), saved.id, details);
        !audited)
        return audited.error();
    if (Status committed = transaction.commit(); !committed)
        return committed.error();
    return saved.id;
}

} // namespace dermdesk
