#include "VisitText.h"

#include "clinic/ClinicRepository.h"
#include "common/TimeFormat.h"
#include "common/Translation.h"

#include <QCoreApplication>
#include <QTimeZone>

namespace dermdesk {

namespace {

constexpr TranslationContext tr("dermdesk::VisitText");

} // namespace

VisitText::VisitText(ClinicSettings clinic, QLocale locale)
    : m_clinic(std::move(clinic))
    , m_time(QTimeZone(m_clinic.timeZone))
    , m_locale(std::move(locale))
{
}

Result<VisitText> VisitText::load(const Database &database, const QLocale &locale)
{
    auto settings = ClinicRepository(database).settings();
    if (!settings)
        return settings.error();
    if (!settings.value())
        return Error::storage(QStringLiteral("clinic.not_set_up"),
                              tr("The clinic is not set up yet: enter its name and time zone in the settings."));
    return VisitText(*settings.value(), locale);
}

QString VisitText::longDate(const QDate &date) const
{
    return m_locale.toString(date, QLocale::LongFormat);
}

QString VisitText::longDate(qint64 utcSeconds) const
{
    return longDate(m_time.localDate(utcSeconds));
}

QString VisitText::clock(qint64 utcSeconds) const
{
    return clockTimeText(m_time.toLocal(utcSeconds).time(), m_locale);
}

QString VisitText::span(qint64 fromUtc, qint64 toUtc) const
{
    return clockSpanText(m_time.toLocal(fromUtc).time(), m_time.toLocal(toUtc).time(), m_locale);
}

QString VisitText::when(qint64 utcSeconds) const
{
    return tr("%1 at %2").arg(longDate(utcSeconds), clock(utcSeconds));
}

QString VisitText::what(const CourseVisit &visit)
{
    if (visit.sessionNo > 0 && visit.plannedSessions > 0)
        return tr("%1, session %2 of %3").arg(visit.typeName).arg(visit.sessionNo).arg(visit.plannedSessions);
    return visit.typeName;
}

} // namespace dermdesk
