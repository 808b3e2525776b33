#include "ClinicProbe.h"

#include "clinic/ClinicRepository.h"
#include "storage/Database.h"

namespace dermdesk {

ClinicProbe ClinicProbe::of(const QString &location)
{
    Database::Options options;
    options.createIfMissing = false;
    options.migrate = false;
    options.readOnly = true;
    ClinicProbe probe;
    auto opened = Database::open(location, options);
    if (!opened) {
        probe.error = opened.error();
        if (probe.error.code() == QLatin1String("storage.password"))
            probe.kind = Kind::Password;
        else if (probe.error.code() == QLatin1String("storage.empty"))
            probe.kind = Kind::EmptyDatabase;
        return probe;
    }
    const auto settings = ClinicRepository(*opened.value()).settings();
    if (!settings) {
        probe.error = settings.error();
    } else if (settings.value()) {
        probe.kind = Kind::Clinic;
        probe.clinicName = settings.value()->name;
    } else {
        probe.kind = Kind::NotSetUp;
    }
    return probe;
}

} // namespace dermdesk
