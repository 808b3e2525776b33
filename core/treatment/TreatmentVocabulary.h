#pragma once

#include "common/Result.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace dermdesk {

class Database;

// The words plan and session forms offer: the concerns (the guide's and the clinic's own) and the treatment
// areas with the depth a new plan suggests for each. Read-only; active rows in the clinic's order
// (TreatmentVocabularyRepository edits them).
class TreatmentVocabulary
{
public:
    struct Area
    {
        QString name;
        std::optional<double> defaultDepthMm;
    };

    explicit TreatmentVocabulary(const Database &database);

    [[nodiscard]] Result<QStringList> concerns() const;
    [[nodiscard]] Result<QList<Area>> areas() const;

private:
    const Database &m_database;
};

} // namespace dermdesk
