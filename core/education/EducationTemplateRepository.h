#pragma once

#include "EducationTemplate.h"
#include "common/Clock.h"
#include "common/Result.h"

#include <QList>

#include <optional>

namespace dermdesk {

class Database;

// Reads and saves the clinic's education templates (table education_template, schema version 6).
// Every saved change of title or text raises the version and keeps that version's text
// (education_template_version), in one transaction with its audit record (entity "education_template").
// Templates are never deleted: a template the clinic no longer uses is made inactive.
class EducationTemplateRepository
{
public:
    explicit EducationTemplateRepository(const Database &database, const Clock &clock = Clock::system());

    // Templates by sort order; inactive ones only when asked for.
    [[nodiscard]] Result<QList<EducationTemplate>> all(bool includeInactive = false) const;
    [[nodiscard]] Result<EducationTemplate> find(qint64 id) const;

    // The pre-care printed for a next session: the first active 'pre_care' template, if any.
    [[nodiscard]] Result<std::optional<EducationTemplate>> preCare() const;
    // The aftercare printed for `downtimeHours` of expected downtime: the first active aftercare whose range
    // holds it. Unknown downtime (nullopt) means a typical session, taken as 72 hours. When no range holds
    // it, the first active aftercare.
    [[nodiscard]] Result<std::optional<EducationTemplate>> aftercareFor(std::optional<int> downtimeHours) const;

    // Saves a new template (id 0, version 1) or a change to one (the version rises when the title or the
    // text changed). The saved text counts as the clinic's own (defaultText false). Returns the id.
    // Errors: InvalidInput naming "title", "code", "kind" or "downtime".
    Result<qint64> save(const EducationTemplate &educationTemplate);

    // The downtime an unknown one is taken as, in hours.
    static constexpr int typicalDowntimeHours = 72;

private:
    const Database &m_database;
    const Clock &m_clock;
};

} // namespace dermdesk
