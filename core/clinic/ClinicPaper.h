#pragma once

#include "ClinicSettings.h"

#include <QByteArray>
#include <QLocale>

namespace dermdesk {

// The paper a clinic's printouts and PDFs use: what Clinic Settings chose, or for Automatic the paper usual
// where the clinic is. Every printout asks here (through PageSetup::forClinic), so they all agree.
class ClinicPaper
{
public:
    // US Letter in the countries that use it (United States, Canada, Mexico, the Philippines, Chile,
    // Colombia, ...), A4 everywhere else. Never Automatic.
    [[nodiscard]] static ClinicSettings::PaperSize forTerritory(QLocale::Territory territory);
    // The country of an IANA time zone ("America/Toronto" -> Canada); AnyTerritory for an unknown zone or
    // one of no country (UTC).
    [[nodiscard]] static QLocale::Territory territoryOfZone(const QByteArray &timeZone);
    // Letter or A4, never Automatic: the clinic's choice; for Automatic, the paper of the clinic's country
    // (its time zone's), or of the desk's locale when the zone names no country.
    [[nodiscard]] static ClinicSettings::PaperSize resolve(ClinicSettings::PaperSize chosen, const QByteArray &timeZone,
                                                           const QLocale &desk = QLocale());
    [[nodiscard]] static ClinicSettings::PaperSize resolve(const ClinicSettings &clinic,
                                                           const QLocale &desk = QLocale())
    {
        return resolve(clinic.paperSize, clinic.timeZone, desk);
    }
    // "Letter" or "A4", translated.
    [[nodiscard]] static QString name(ClinicSettings::PaperSize size);
};

} // namespace dermdesk
