#include "TreatmentVocabulary.h"

#include "TreatmentVocabularyRepository.h"

namespace dermdesk {

TreatmentVocabulary::TreatmentVocabulary(const Database &database)
    : m_database(database)
{
}

Result<QStringList> TreatmentVocabulary::concerns() const
{
    auto concerns = TreatmentVocabularyRepository(m_database).concerns(false);
    if (!concerns)
        return concerns.error();
    QStringList names;
    for (const TreatmentConcern &concern : concerns.value())
        names.append(concern.name);
    return names;
}

Result<QList<TreatmentVocabulary::Area>> TreatmentVocabulary::areas() const
{
    auto options = TreatmentVocabularyRepository(m_database).areas(false);
    if (!options)
        return options.error();
    QList<Area> areas;
    for (const TreatmentAreaOption &option : options.value())
        areas.append({option.name, option.defaultDepthMm});
    return areas;
}

} // namespace dermdesk
