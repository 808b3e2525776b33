#include "ScheduleFixture.h"

#include "ScratchClinic.h"

#include <QSqlQuery>

namespace dermdesk::bench {

ScheduleFixture openScheduleFixture(const QString &path)
{
    ScheduleFixture fixture;
    static_cast<DemoDatabase &>(fixture) = openDemo(path);
    if (!fixture.failure.isEmpty())
        return fixture;
    auto setup = ScheduleSetup::load(*fixture.database);
    if (!setup) {
        fixture.failure = setup.error().message();
        return fixture;
    }
    fixture.setup = std::move(setup).value();
    const auto performed = [&fixture](const AppointmentType &type) {
        for (const Practitioner &p : fixture.setup->practitioners()) {
            if (p.active && p.typeIds.contains(type.id))
                return true;
        }
        return false;
    };
    for (const bool exactHour : {true, false}) {
        for (const Practitioner &p : fixture.setup->practitioners()) {
            for (qint64 typeId : p.typeIds) {
                const AppointmentType *type = fixture.setup->type(typeId);
                if (!fixture.typeId && type && type->active && type->isTreatment && performed(*type)
                    && (!exactHour || type->durationMin == 60))
                    fixture.typeId = typeId;
            }
        }
    }
    if (!fixture.typeId)
        fixture.failure = QStringLiteral("no active treatment type");
    return fixture;
}

SlotFinder::Query eightWeeks(const ScheduleFixture &fixture, int count)
{
    const QDate today = fixture.setup->time().localDate(fixture.clock->now().toSecsSinceEpoch());
    SlotFinder::Query query;
    query.typeId = fixture.typeId;
    query.from = today;
    query.to = today.addDays(8 * 7 - 1);
    query.count = count;
    return query;
}

QString typeName(const ScheduleFixture &fixture)
{
    const AppointmentType *type = fixture.setup->type(fixture.typeId);
    return QStringLiteral("%1 (%2 min)").arg(type->name).arg(type->visitMinutes());
}

ScheduleFixture openScheduleCopy(const ScratchClinic &copy)
{
    if (!copy.failure().isEmpty()) {
        ScheduleFixture fixture;
        fixture.failure = copy.failure();
        return fixture;
    }
    return openScheduleFixture(copy.location());
}

QList<qint64> newestPatients(const Database &database, int count)
{
    QList<qint64> ids;
    QSqlQuery query(database.connection());
    if (!query.exec(QStringLiteral("SELECT id FROM patient WHERE archived = 0 ORDER BY id DESC LIMIT %1").arg(count)))
        return ids;
    while (query.next())
        ids.append(query.value(0).toLongLong());
    return ids;
}

} // namespace dermdesk::bench
