#pragma once

#include "ComposedDocument.h"
#include "Guide.h"
#include "HandoutOptions.h"
#include "common/Clock.h"
#include "common/Result.h"

#include <QLocale>

namespace dermdesk {

class Database;

// Composes a patient's handout: the clinic's letterhead, the patient's name and the date, the chosen
// sections of the guide, the open treatment plans with the upcoming appointments, the pre-care for
// the next appointment, the aftercare for the downtime expected after the last session, and the
// clinic's contact details. Dates and times are in the clinic's time zone, written in `locale`.
class HandoutComposer
{
public:
    HandoutComposer(const Database &database, Guide guide, const Clock &clock = Clock::system(),
                    QLocale locale = QLocale());

    // NotFound for an unknown patient; Storage when the clinic is not set up.
    [[nodiscard]] Result<ComposedDocument> compose(qint64 patientId, const HandoutOptions &options = {}) const;

    // Section indexes from a command-line list: numbers counted from 1 in the guide's order, or
    // (parts of) headings, comma-separated ("2,3" or "benefits, what to expect"). InvalidInput naming
    // "sections" for one that matches nothing.
    [[nodiscard]] static Result<QList<int>> sectionsFromText(const Guide &guide, const QString &text);

private:
    const Database &m_database;
    Guide m_guide;
    const Clock &m_clock;
    QLocale m_locale;
};

} // namespace dermdesk
