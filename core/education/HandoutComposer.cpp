#include "HandoutComposer.h"

#include "DocumentStyle.h"
#include "EducationReader.h"
#include "EducationTemplateRepository.h"
#include "TemplateFields.h"
#include "VisitText.h"
#include "common/Translation.h"
#include "patients/PatientRepository.h"
#include "patients/PatientSummary.h"

#include <QCoreApplication>

#include <algorithm>

namespace dermdesk {

namespace {

constexpr TranslationContext tr("dermdesk::HandoutComposer");

QString planSummary(const PlanOutline &plan)
{
    QStringList what{plan.typeName};
    if (!plan.concerns.trimmed().isEmpty())
        what.append(plan.concerns.trimmed());
    if (!plan.areas.trimmed().isEmpty())
        what.append(plan.areas.trimmed());
    QString html = QStringLiteral("<p><b>%1</b><br/>").arg(DocumentStyle::escaped(what.join(QStringLiteral(" · "))));
    const QString weeks = plan.intervalMinWeeks == plan.intervalMaxWeeks
                              ? QString::number(plan.intervalMinWeeks)
                              : QStringLiteral("%1–%2").arg(plan.intervalMinWeeks).arg(plan.intervalMaxWeeks);
    html += (plan.plannedSessions == 1 ? tr("1 session")
                                       : tr("%1 sessions, %2 weeks apart").arg(plan.plannedSessions).arg(weeks));
    if (plan.sessionsDone > 0)
        html += tr(" · %1 of %2 done").arg(plan.sessionsDone).arg(plan.plannedSessions);
    if (!plan.leadPractitioner.isEmpty())
        html += tr(" · with %1").arg(DocumentStyle::escaped(plan.leadPractitioner));
    if (plan.status == QLatin1String("proposed"))
        html += tr(" · proposed");
    html += QStringLiteral("</p>");
    return html;
}

QString visitsTable(const QList<CourseVisit> &visits, const VisitText &text)
{
    QString html = QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"5\" border=\"0\" "
                                  "style=\"border-collapse: collapse; border-bottom: 1px solid #c9d3d3;\">"
                                  "<thead><tr><th>%1</th><th>%2</th><th>%3</th><th>%4</th></tr></thead><tbody>")
                       .arg(tr("Date"), tr("Time"), tr("Appointment"), tr("With"));
    for (const CourseVisit &visit : visits) {
        html +=
            QStringLiteral("<tr><td><b>%1</b></td><td>%2</td><td>%3</td><td>%4</td></tr>")
                .arg(DocumentStyle::escaped(text.longDate(visit.startsAt)),
                     DocumentStyle::escaped(text.span(visit.startsAt, visit.endsAt)),
                     DocumentStyle::escaped(VisitText::what(visit)), DocumentStyle::escaped(visit.practitionerName));
    }
    html += QStringLiteral("</tbody></table>");
    return html;
}

} // namespace

HandoutComposer::HandoutComposer(const Database &database, Guide guide, const Clock &clock, QLocale locale)
    : m_database(database)
    , m_guide(std::move(guide))
    , m_clock(clock)
    , m_locale(std::move(locale))
{
}

Result<ComposedDocument> HandoutComposer::compose(qint64 patientId, const HandoutOptions &options) const
{
    auto patient = PatientRepository(m_database, m_clock).find(patientId);
    if (!patient)
        return patient.error();
    auto loaded = VisitText::load(m_database, m_locale);
    if (!loaded)
        return loaded.error();
    const VisitText &text = loaded.value();
    const ClinicSettings &clinic = text.clinic();
    const qint64 now = m_clock.now().toSecsSinceEpoch();
    const EducationReader reader(m_database);
    auto visits = reader.upcomingVisits(patientId, now);
    if (!visits)
        return visits.error();
    auto plans = reader.openPlans(patientId);
    if (!plans)
        return plans.error();
    auto downtime = reader.expectedDowntime(patientId, now);
    if (!downtime)
        return downtime.error();

    const QString name = PatientSummary::fullName(patient.value().givenName, patient.value().familyName, {});
    TemplateFields fields;
    fields.set(QStringLiteral("patient_name"), name);
    fields.set(QStringLiteral("clinic_name"), clinic.name);
    fields.set(QStringLiteral("clinic_phone"), DocumentStyle::unbreakable(clinic.phone));
    fields.set(QStringLiteral("clinic_address"),
               QString(clinic.address).replace(QLatin1Char('\n'), QStringLiteral(", ")));
    fields.set(QStringLiteral("clinic_email"), clinic.email);
    fields.set(QStringLiteral("today"), text.longDate(text.time().localDate(now)));
    const CourseVisit *next = visits.value().isEmpty() ? nullptr : &visits.value().first();
    if (next) {
        fields.set(QStringLiteral("next_appointment"), text.when(next->startsAt));
        fields.set(QStringLiteral("practitioner"), next->practitionerName);
    } else {
        fields.set(QStringLiteral("next_appointment"), tr("not booked yet"));
        if (!plans.value().isEmpty())
            fields.set(QStringLiteral("practitioner"), plans.value().first().leadPractitioner);
    }
    fields.set(QStringLiteral("expected_downtime"),
               downtime.value() ? downtime.value()->label : tr("from a few hours to a few days"));

    ComposedDocument document;
    document.patientId = patientId;
    document.title = tr("Handout for %1").arg(name);
    document.guideDate = m_guide.dateText();

    QString body =
        DocumentStyle::letterhead(clinic, {},
                                  tr("Prepared for <b>%1</b> on %2")
                                      .arg(DocumentStyle::escaped(name),
                                           DocumentStyle::escaped(text.longDate(text.time().localDate(now)))));

    QList<int> sections;
    if (options.guideSections) {
        sections = *options.guideSections;
    } else {
        for (qsizetype i = 0; i < m_guide.sections().size(); ++i)
            sections.append(int(i));
    }
    if (!sections.isEmpty()) {
        body += m_guide.sectionsHtml(sections);
        document.guideSections = m_guide.headings(sections);
    }

    if (options.plan && (!plans.value().isEmpty() || next)) {
        body += QStringLiteral("<h2>%1</h2>").arg(tr("Your treatment plan"));
        for (const PlanOutline &plan : plans.value())
            body += planSummary(plan);
        if (next) {
            body += QStringLiteral("<h3>%1</h3>").arg(tr("Your upcoming appointments"));
            body += visitsTable(visits.value(), text);
        } else {
            body += QStringLiteral("<p>%1</p>").arg(tr("No appointment is booked yet: please call us to book."));
        }
    }

    const bool treating = !plans.value().isEmpty() || downtime.value().has_value()
                          || std::any_of(visits.value().cbegin(), visits.value().cend(),
                                         [](const CourseVisit &visit) { return visit.isTreatment; });
    QList<EducationTemplate> templates;
    const EducationTemplateRepository repository(m_database, m_clock);
    if (options.preCare && treating) {
        auto preCare = repository.preCare();
        if (!preCare)
            return preCare.error();
        if (preCare.value())
            templates.append(*preCare.value());
    }
    if (options.aftercare && treating) {
        auto aftercare =
            repository.aftercareFor(downtime.value() ? std::optional<int>(downtime.value()->maxHours) : std::nullopt);
        if (!aftercare)
            return aftercare.error();
        if (aftercare.value())
            templates.append(*aftercare.value());
    }
    for (const qint64 id : options.extraTemplates) {
        auto extra = repository.find(id);
        if (!extra)
            return extra.error();
        templates.append(extra.value());
    }
    for (const EducationTemplate &educationTemplate : templates) {
        const TemplateFields::Filled filled =
            fields.fill(TemplateFields::bodyOf(educationTemplate.bodyHtml), educationTemplate.title);
        body += QStringLiteral("<h2>%1</h2>").arg(DocumentStyle::escaped(educationTemplate.title));
        body += filled.html;
        document.warnings.append(filled.warnings);
        document.templates.append({educationTemplate.id, educationTemplate.version, educationTemplate.title});
    }

    body += DocumentStyle::contactBlock(clinic, tr("Questions? We are glad to help."));
    document.html = DocumentStyle::page(document.title, body);
    return document;
}

Result<QList<int>> HandoutComposer::sectionsFromText(const Guide &guide, const QString &text)
{
    QList<int> indexes;
    const QStringList parts = text.split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &raw : parts) {
        const QString part = raw.trimmed();
        if (part.isEmpty())
            continue;
        bool isNumber = false;
        const int number = part.toInt(&isNumber);
        int found = -1;
        if (isNumber) {
            if (number >= 1 && number <= guide.sections().size())
                found = number - 1;
        } else {
            for (qsizetype i = 0; i < guide.sections().size() && found < 0; ++i) {
                if (guide.headingOf(int(i)).contains(part, Qt::CaseInsensitive))
                    found = int(i);
            }
        }
        if (found < 0)
            return Error::invalidInput(QStringLiteral("sections"),
                                       tr("The guide has no section “%1” (numbers 1 to %2, or part of a heading).")
                                           .arg(part)
                                           .arg(guide.sections().size()));
        if (!indexes.contains(found))
            indexes.append(found);
    }
    if (indexes.isEmpty())
        return Error::invalidInput(QStringLiteral("sections"), tr("No guide section was named."));
    return indexes;
}

} // namespace dermdesk
