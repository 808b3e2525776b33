#include "DaySheetComposer.h"

#include "DocumentStyle.h"
#include "VisitText.h"
#include "agenda/AgendaRepository.h"
#include "clinic/ClinicRepository.h"
#include "common/Translation.h"
#include "patients/ScreeningEvaluator.h"
#include "patients/ScreeningRepository.h"

#include <QCoreApplication>
#include <QHash>

namespace dermdesk {

namespace {

constexpr TranslationContext tr("dermdesk::DaySheetComposer");

QString screeningHtml(const ScreeningOutcome &outcome)
{
    QStringList lines;
    for (const ScreeningFinding &stop : outcome.stops)
        lines.append(QStringLiteral("<span class=\"warning\">%1</span>")
                         .arg(tr("Stop: %1").arg(DocumentStyle::escaped(stop.name))));
    for (const ScreeningFinding &caution : outcome.cautions)
        lines.append(tr("Caution: %1").arg(DocumentStyle::escaped(caution.name)));
    return lines.join(QStringLiteral("<br/>"));
}

} // namespace

DaySheetComposer::DaySheetComposer(const Database &database, const Clock &clock, QLocale locale)
    : m_database(database)
    , m_clock(clock)
    , m_locale(std::move(locale))
{
}

Result<ComposedDocument> DaySheetComposer::compose(const QDate &date, std::optional<qint64> practitionerId) const
{
    if (!date.isValid())
        return Error::invalidInput(QStringLiteral("date"), tr("The day sheet needs a valid date."));
    auto loaded = VisitText::load(m_database, m_locale);
    if (!loaded)
        return loaded.error();
    const VisitText &text = loaded.value();
    const ClinicRepository clinic(m_database);
    QString practitionerName;
    if (practitionerId) {
        auto practitioners = clinic.practitioners(true);
        if (!practitioners)
            return practitioners.error();
        for (const Practitioner &practitioner : practitioners.value()) {
            if (practitioner.id == *practitionerId)
                practitionerName = practitioner.displayName;
        }
        if (practitionerName.isEmpty())
            return Error::notFound(QStringLiteral("practitioner"),
                                   tr("There is no practitioner %1.").arg(*practitionerId));
    }
    auto types = clinic.appointmentTypes(true);
    if (!types)
        return types.error();
    QHash<qint64, bool> treatment;
    for (const AppointmentType &type : types.value())
        treatment.insert(type.id, type.isTreatment);

    const ClinicTime::Range day = text.time().dayRange(date);
    auto entries = AgendaRepository(m_database).between(day, practitionerId);
    if (!entries)
        return entries.error();
    const ScreeningRepository screening(m_database, m_clock);
    auto rules = screening.rules();
    if (!rules)
        return rules.error();
    auto maxAge = screening.maxAgeDays();
    if (!maxAge)
        return maxAge.error();
    QList<qint64> patients;
    patients.reserve(entries.value().size());
    for (const AgendaEntry &entry : entries.value())
        patients.append(entry.patientId);
    auto answers = screening.decidingAnswers(patients);
    if (!answers)
        return answers.error();

    ComposedDocument document;
    document.landscape = true;
    const QString dayText = text.longDate(date);
    document.title =
        practitionerId ? tr("Day sheet %1, %2").arg(dayText, practitionerName) : tr("Day sheet %1").arg(dayText);
    int booked = 0;
    for (const AgendaEntry &entry : entries.value())
        booked += appointment_status::holdsSlot(entry.status) ? 1 : 0;
    QString subheading = DocumentStyle::escaped(dayText);
    subheading += QStringLiteral(" &#183; ")
                  + (practitionerId ? DocumentStyle::escaped(practitionerName) : tr("All practitioners"));
    subheading += QStringLiteral(" &#183; ") + (booked == 1 ? tr("1 appointment") : tr("%1 appointments").arg(booked));
    QString body = DocumentStyle::letterhead(text.clinic(), tr("Day sheet"), subheading);

    if (entries.value().isEmpty()) {
        body += QStringLiteral("<p>%1</p>").arg(tr("No appointments on this day."));
        document.html = DocumentStyle::page(document.title, body);
        return document;
    }

    const bool all = !practitionerId;
    body += QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"5\" border=\"0\" "
                           "style=\"border-collapse: collapse;\"><thead><tr>");
    QStringList headings{tr("Time"),   tr("Patient"),   tr("Appointment"), tr("Room"),
                         tr("Status"), tr("Screening"), tr("Notes")};
    if (all)
        headings.insert(2, tr("Practitioner"));
    for (const QString &heading : headings)
        body += QStringLiteral("<th style=\"border-bottom: 1.5px solid #2f5d62;\">%1</th>").arg(heading);
    body += QStringLiteral("</tr></thead><tbody>");
    const QHash<qint64, ScreeningAnswer> none;
    for (const AgendaEntry &entry : entries.value()) {
        const bool live = appointment_status::holdsSlot(entry.status);
        const ScreeningOutcome outcome =
            live ? ScreeningEvaluator::evaluate(rules.value(), answers.value().value(entry.patientId, none), date,
                                                treatment.value(entry.typeId), maxAge.value(), text.time().zone())
                 : ScreeningOutcome();
        const QString style = live ? QStringLiteral("border-bottom: 0.5px solid #c9d3d3;")
                                   : QStringLiteral("border-bottom: 0.5px solid #c9d3d3; color: #7a8288;");
        // Short values stay on one line, so their columns take their width and the text columns the rest.
        const QString cell = QStringLiteral("<td style=\"%1\">").arg(style);
        const QString oneLine = QStringLiteral("<td style=\"%1 white-space: nowrap;\">").arg(style);
        QStringList cells{QStringLiteral("<b>%1</b>")
                              .arg(DocumentStyle::escaped(text.span(entry.startsAt, entry.endsAt))),
                          QStringLiteral("<b>%1</b>").arg(DocumentStyle::escaped(entry.patientName)),
                          DocumentStyle::escaped(entry.typeName),
                          DocumentStyle::escaped(entry.roomName),
                          DocumentStyle::escaped(appointment_status::label(entry.status)),
                          screeningHtml(outcome),
                          DocumentStyle::escaped(entry.notes).replace(QLatin1Char('\n'), QStringLiteral("<br/>"))};
        if (all)
            cells.insert(2, DocumentStyle::escaped(entry.practitionerName));
        const QList<qsizetype> oneLineColumns{0, cells.size() - 4, cells.size() - 3}; // time, room, status
        body += QStringLiteral("<tr>");
        for (qsizetype column = 0; column < cells.size(); ++column)
            body += (oneLineColumns.contains(column) ? oneLine : cell) + cells.at(column) + QStringLiteral("</td>");
        body += QStringLiteral("</tr>");
    }
    body += QStringLiteral("</tbody></table>");
    document.html = DocumentStyle::page(document.title, body);
    return document;
}

} // namespace dermdesk
