#include "TreatmentVocabulary.h"

#include "storage/Database.h"
#include "storage/SqlError.h"

#include <QCoreApplication>
#include <QSqlQuery>

namespace dermdesk {

TreatmentVocabulary::TreatmentVocabulary(const Database &database)
    : m_database(database)
{
}

Result<QStringList> TreatmentVocabulary::concerns() const
{
    QSqlQuery query(m_database.connection());
    if (!query.exec(QStringLiteral("SELECT name FROM treatment_concern WHERE active = 1 ORDER BY sort_order, name")))
        return sqlError(query.lastError(),
                        QCoreApplication::translate("dermdesk::TreatmentVocabulary", "Reading the concerns"));
    QStringList names;
    while (query.next())
        names.append(query.value(0).toString());
    return names;
}

Result<QList<TreatmentVocabulary::Area>> TreatmentVocabulary::areas() const
{
    QSqlQuery query(m_database.connection());
    if (!query.exec(QStringLiteral(
            "SELECT name, default_depth_mm FROM treatment_area_option WHERE active = 1 ORDER BY sort_order, name")))
        return sqlError(query.lastError(),
                        QCoreApplication::translate("dermdesk::TreatmentVocabulary", "Reading the treatment areas"));
    QList<Area> areas;
    while (query.next()) {
        Area area{query.value(0).toString(), std::nullopt};
        if (!query.value(1).isNull())
            area.defaultDepthMm = query.value(1).toDouble();
        areas.append(area);
    }
    return areas;
}

} // namespace dermdesk
