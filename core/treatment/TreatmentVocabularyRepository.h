#pragma once

#include "TreatmentAreaOption.h"
#include "TreatmentConcern.h"
#include "common/Clock.h"
#include "common/Result.h"

#include <QList>

namespace dermdesk {

class Database;

// The clinic's own lists of treatment concerns (treatment_concern) and treatment areas (treatment_area_option),
// as Clinic Settings edits them: add, rename, reorder, make inactive. Nothing is ever deleted, because plans and
// session records keep the names as text; a rename does not rewrite them. Every write runs in one transaction
// and is audited (entity = the table's name). TreatmentVocabulary reads the active rows for the plan and session
// forms. Use on the Database's thread; the Database and the Clock must outlive the repository.
class TreatmentVocabularyRepository
{
public:
    explicit TreatmentVocabularyRepository(const Database &database, const Clock &clock = Clock::system());

    // In the forms' order (sort_order, then name); inactive ones too unless `includeInactive` is false.
    [[nodiscard]] Result<QList<TreatmentConcern>> concerns(bool includeInactive = true) const;
    [[nodiscard]] Result<QList<TreatmentAreaOption>> areas(bool includeInactive = true) const;

    // Inserts when id == 0 (last in the list, not from the guide), otherwise updates the name and the active flag
    // (and the area's default depth); returns the id. Refused as validate() refuses, or with InvalidInput "name"
    // when another row already has the name (whatever its case, inactive rows too); NotFound for an unknown id.
    Result<qint64> saveConcern(const TreatmentConcern &concern);
    Result<qint64> saveArea(const TreatmentAreaOption &area);

    // Moves row `id` one place up (`delta` -1) or down (+1) in the list with inactive rows, renumbering the
    // sort order 10, 20, 30, ...; moving the first up or the last down changes nothing. NotFound for an
    // unknown id.
    Status moveConcern(qint64 id, int delta);
    Status moveArea(qint64 id, int delta);

    // Checks without the database: a name (trimmed) of 1..60 characters without a comma (plans store their
    // concerns and areas comma-separated); for an area, a default depth within TreatmentPlan::minDepthMm..
    // maxDepthMm when given. InvalidInput naming "name" or "default_depth_mm".
    [[nodiscard]] static Status validate(const TreatmentConcern &concern);
    [[nodiscard]] static Status validate(const TreatmentAreaOption &area);

    static constexpr int maxNameLength = 60;

private:
    const Database &m_database;
    const Clock &m_clock;
};

} // namespace dermdesk
