#pragma once

#include "ComposedDocument.h"
#include "common/Clock.h"
#include "common/Result.h"

#include <QDate>
#include <QLocale>

#include <optional>

namespace dermdesk {

class Database;

// Composes a practitioner's (or the whole clinic's) day sheet for the morning: one table row per
// appointment starting on `date` in the clinic's time zone, cancelled ones included and marked, with
// time, patient, type, room, status, the screening's stops and cautions for that day, and notes.
// Printed landscape; the table's header repeats on every page and no row is split (DocumentPrinter).
class DaySheetComposer
{
public:
    DaySheetComposer(const Database &database, const Clock &clock = Clock::system(), QLocale locale = QLocale());

    // NotFound for an unknown practitioner; InvalidInput naming "date" for an invalid date.
    [[nodiscard]] Result<ComposedDocument> compose(const QDate &date,
                                                   std::optional<qint64> practitionerId = std::nullopt) const;

private:
    const Database &m_database;
    const Clock &m_clock;
    QLocale m_locale;
};

} // namespace dermdesk
