#include "ui/print/PageSetup.h"

#include "clinic/ClinicPaper.h"
#include "clinic/ClinicRepository.h"
#include "education/ComposedDocument.h"
#include "session/ClinicSession.h"

namespace dermdesk {

PageSetup PageSetup::forClinic(const ClinicSettings &clinic, const ComposedDocument &document, const QLocale &desk)
{
    PageSetup setup;
    setup.locale = desk;
    setup.paper = ClinicPaper::resolve(clinic, desk) == ClinicSettings::PaperSize::Letter ? Paper::Letter : Paper::A4;
    setup.landscape = document.landscape;
    setup.title = document.title;
    return setup;
}

PageSetup PageSetup::forClinic(const ClinicSession &session, const ComposedDocument &document, const QLocale &desk)
{
    const auto settings = session.service<ClinicRepository>().settings();
    const ClinicSettings clinic = settings && settings.value() ? *settings.value() : ClinicSettings();
    return forClinic(clinic, document, desk);
}

} // namespace dermdesk
