#pragma once

#include "agenda/CourseVisit.h"
#include "calendar/ClinicTime.h"
#include "clinic/ClinicSettings.h"
#include "common/Result.h"

#include <QLocale>
#include <QString>

namespace dermdesk {

class Database;

// The clinic a document is printed for, and how its documents write visits: dates and times in the
// clinic's time zone, in `locale`.
class VisitText
{
public:
    VisitText(ClinicSettings clinic, QLocale locale);

    // Reads the clinic's settings; Storage when the clinic is not set up yet.
    [[nodiscard]] static Result<VisitText> load(const Database &database, const QLocale &locale);

    [[nodiscard]] const ClinicSettings &clinic() const { return m_clinic; }
    [[nodiscard]] const ClinicTime &time() const { return m_time; }
    [[nodiscard]] const QLocale &locale() const { return m_locale; }

    // "Tuesday, 1 December 2026"
    [[nodiscard]] QString longDate(const QDate &date) const;
    [[nodiscard]] QString longDate(qint64 utcSeconds) const;
    // "10:00"
    [[nodiscard]] QString clock(qint64 utcSeconds) const;
    // "10:00 – 11:00"
    [[nodiscard]] QString span(qint64 fromUtc, qint64 toUtc) const;
    // "Tuesday, 1 December 2026 at 10:00"
    [[nodiscard]] QString when(qint64 utcSeconds) const;
    // "Microneedling, session 2 of 4", or the type's name.
    [[nodiscard]] static QString what(const CourseVisit &visit);

private:
    ClinicSettings m_clinic;
    ClinicTime m_time;
    QLocale m_locale;
};

} // namespace dermdesk
