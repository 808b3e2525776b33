#include "AppointmentCardComposer.h"

#include "DocumentStyle.h"
#include "EducationReader.h"
#include "VisitText.h"
#include "common/Translation.h"
#include "patients/PatientRepository.h"
#include "patients/PatientSummary.h"

#include <QCoreApplication>

namespace dermdesk {

namespace {

constexpr TranslationContext tr("dermdesk::AppointmentCardComposer");

constexpr int cardsPerRow = 2;

QString cardHtml(const CourseVisit &visit, const QString &patientName, const VisitText &text)
{
    const ClinicSettings &clinic = text.clinic();
    QString with = tr("with %1").arg(DocumentStyle::escaped(visit.practitionerName));
    if (!visit.roomName.isEmpty())
        with += QStringLiteral(" &#183; ") + DocumentStyle::escaped(visit.roomName);
    QString card = QStringLiteral("<p class=\"clinic\" style=\"font-size: 12.5pt; margin-bottom: 0px;\">%1</p>")
                       .arg(DocumentStyle::escaped(clinic.name));
    if (!clinic.phone.isEmpty())
        card += QStringLiteral("<p class=\"contact\" style=\"margin-bottom: 6px;\">%1</p>")
                    .arg(DocumentStyle::escaped(DocumentStyle::unbreakable(clinic.phone)));
    card += QStringLiteral("<p class=\"meta\" style=\"margin-bottom: 0px;\">%1</p>").arg(tr("Appointment for"));
    card += QStringLiteral("<p style=\"margin-bottom: 5px;\"><b>%1</b></p>").arg(DocumentStyle::escaped(patientName));
    card += QStringLiteral("<p style=\"font-size: 13pt; margin-bottom: 0px;\"><b>%1</b></p>")
                .arg(DocumentStyle::escaped(text.longDate(visit.startsAt)));
    card += QStringLiteral("<p style=\"font-size: 13pt; margin-bottom: 4px; color: %1;\"><b>%2</b></p>")
                .arg(DocumentStyle::accent(), DocumentStyle::escaped(text.span(visit.startsAt, visit.endsAt)));
    card +=
        QStringLiteral("<p style=\"margin-bottom: 0px;\">%1</p>").arg(DocumentStyle::escaped(VisitText::what(visit)));
    card += QStringLiteral("<p style=\"margin-bottom: 6px;\">%1</p>").arg(with);
    card += QStringLiteral("<p class=\"note\" style=\"margin-bottom: 0px;\">%1</p>")
                .arg(tr("Cannot come? Please call us at least 24 hours before."));
    return card;
}

} // namespace

AppointmentCardComposer::AppointmentCardComposer(const Database &database, const Clock &clock, QLocale locale)
    : m_database(database)
    , m_clock(clock)
    , m_locale(std::move(locale))
{
}

Result<ComposedDocument> AppointmentCardComposer::compose(qint64 appointmentId) const
{
    auto card = EducationReader(m_database).card(appointmentId);
    if (!card)
        return card.error();
    auto patient = PatientRepository(m_database, m_clock).find(card.value().patientId);
    if (!patient)
        return patient.error();
    auto loaded = VisitText::load(m_database, m_locale);
    if (!loaded)
        return loaded.error();
    const VisitText &text = loaded.value();
    const QString name = PatientSummary::fullName(patient.value().givenName, patient.value().familyName, {});

    ComposedDocument document;
    document.patientId = card.value().patientId;
    document.title = tr("Appointment card for %1").arg(name);
    const QList<CourseVisit> &visits = card.value().course;
    QString body =
        QStringLiteral("<p class=\"note\">%1</p>")
            .arg(visits.size() > 1
                     ? tr("Appointment cards for %1: %2 sessions. Cut along the lines.")
                           .arg(DocumentStyle::escaped(name))
                           .arg(visits.size())
                     : tr("Appointment card for %1. Cut along the lines.").arg(DocumentStyle::escaped(name)));
    body += QStringLiteral("<table width=\"100%\" cellspacing=\"14\" cellpadding=\"12\" border=\"0\">");
    for (qsizetype i = 0; i < visits.size(); i += cardsPerRow) {
        body += QStringLiteral("<tr>");
        for (qsizetype column = 0; column < cardsPerRow; ++column) {
            if (i + column < visits.size()) {
                body += QStringLiteral("<td width=\"50%\" style=\"border: 1px dashed #8c9a9a;\">%1</td>")
                            .arg(cardHtml(visits.at(i + column), name, text));
            } else {
                body += QStringLiteral("<td width=\"50%\"></td>");
            }
        }
        body += QStringLiteral("</tr>");
    }
    body += QStringLiteral("</table>");
    document.html = DocumentStyle::page(document.title, body);
    return document;
}

} // namespace dermdesk
