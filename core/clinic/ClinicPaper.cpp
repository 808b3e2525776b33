#include "ClinicPaper.h"

#include <QCoreApplication>
#include <QTimeZone>

namespace dermdesk {

ClinicSettings::PaperSize ClinicPaper::forTerritory(QLocale::Territory territory)
{
    switch (territory) {
    case QLocale::UnitedStates:
    case QLocale::UnitedStatesOutlyingIslands:
    case QLocale::UnitedStatesVirginIslands:
    case QLocale::PuertoRico:
    case QLocale::Guam:
    case QLocale::AmericanSamoa:
    case QLocale::NorthernMarianaIslands:
    case QLocale::Canada:
    case QLocale::Mexico:
    case QLocale::Philippines:
    case QLocale::Chile:
    case QLocale::Colombia:
    case QLocale::Venezuela:
    case QLocale::CostaRica:
    case QLocale::Guatemala:
    case QLocale::Panama:
    case QLocale::DominicanRepublic:
    case QLocale::ElSalvador:
    case QLocale::Nicaragua:
    case QLocale::Belize:
        return ClinicSettings::PaperSize::Letter;
    default:
        return ClinicSettings::PaperSize::A4;
    }
}

QLocale::Territory ClinicPaper::territoryOfZone(const QByteArray &timeZone)
{
    if (timeZone.isEmpty() || !QTimeZone::isTimeZoneIdAvailable(timeZone))
        return QLocale::AnyTerritory;
    return QTimeZone(timeZone).territory();
}

ClinicSettings::PaperSize ClinicPaper::resolve(ClinicSettings::PaperSize chosen, const QByteArray &timeZone,
                                               const QLocale &desk)
{
    if (chosen != ClinicSettings::PaperSize::Automatic)
        return chosen;
    const QLocale::Territory clinic = territoryOfZone(timeZone);
    return forTerritory(clinic != QLocale::AnyTerritory ? clinic : desk.territory());
}

QString ClinicPaper::name(ClinicSettings::PaperSize size)
{
    switch (size) {
    case ClinicSettings::PaperSize::Letter:
        return QCoreApplication::translate("dermdesk::ClinicPaper", "Letter");
    case ClinicSettings::PaperSize::A4:
        return QCoreApplication::translate("dermdesk::ClinicPaper", "A4");
    case ClinicSettings::PaperSize::Automatic:
        break;
    }
    return QCoreApplication::translate("dermdesk::ClinicPaper", "Automatic");
}

} // namespace dermdesk
