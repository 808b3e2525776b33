#include "FakeClock.h"
#include "TempDatabase.h"
#include "clinic/ClinicRepository.h"
#include "clinic/WorkingDay.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QtTest>

using namespace dermdesk;

Q_DECLARE_METATYPE(dermdesk::ClinicSettings)
Q_DECLARE_METATYPE(dermdesk::Practitioner)
Q_DECLARE_METATYPE(dermdesk::WorkingDay)

namespace {

ClinicSettings validSettings()
{
    ClinicSettings settings;
    settings.name = QStringLiteral("Hiers Aesthetic Dermatology");
    settings.address = QStringLiteral("1250 Magnolia Avenue, Alpharetta, GA");
    settings.phone = QStringLiteral("(470) 555-0142");
    settings.email = QStringLiteral("desk@example.com");
    settings.timeZone = QByteArrayLiteral("America/New_York");
    settings.slotMinutes = 15;
    settings.defaultSessions = 4;
    settings.screeningMaxAgeDays = 90;
    settings.openingHours = {{1, 480, 1140}, {2, 480, 1140}, {6, 540, 840}};
    return settings;
}

Practitioner drHiers(QList<qint64> typeIds)
{
    Practitioner p;
    p.displayName = QStringLiteral("Dr. Connie Hiers");
    p.title = QStringLiteral("MD");
    p.colour = QStringLiteral("#4f7cac");
    p.sortOrder = 1;
    // A Monday with a lunch break, and a Friday morning.
    p.hours = {{1, 480, 750}, {1, 810, 1050}, {5, 480, 780}};
    p.typeIds = std::move(typeIds);
    return p;
}

AppointmentType faceSession()
{
    AppointmentType type;
    type.name = QStringLiteral("Microneedling – face");
    type.durationMin = 60;
    type.prepMin = 20;
    type.cleanupMin = 10;
    type.colour = QStringLiteral("#7fa7c9");
    type.isTreatment = true;
    return type;
}

} // namespace

// The clinic set-up: what the settings dialog and the demo generator save, validated and audited.
class TestClinicRepository : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::TempDatabase> m_temp;
    test::FakeClock m_clock;

    ClinicRepository repository() { return ClinicRepository(m_temp->database(), m_clock); }
    qint64 auditRows(const QString &entity)
    {
        return m_temp->scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE entity = '%1'").arg(entity))
            .toLongLong();
    }

private slots:
    void init()
    {
        m_temp = std::make_unique<test::TempDatabase>();
        QVERIFY(m_temp->isValid());
    }

    void aNewClinicHasNoSettingsAndRunsOnUtc()
    {
        ClinicRepository repo = repository();
        const auto settings = repo.settings();
        QVERIFY(settings.ok());
        QVERIFY(!settings.value().has_value());
        QCOMPARE(repo.timeZone(), QTimeZone::utc());
    }

    void settingsWithOnlyNameAndZoneAreSaved()
    {
        // The first-run dialog asks for nothing else: address, phone and email stay unset.
        ClinicRepository repo = repository();
        ClinicSettings minimal;
        minimal.name = QStringLiteral("Hiers Aesthetic Dermatology");
        minimal.timeZone = "America/New_York";
        const Status saved = repo.saveSettings(minimal);
        QVERIFY2(saved.ok(), qPrintable(saved.ok() ? QString() : saved.error().message()));
        Practitioner untitled;
        untitled.displayName = QStringLiteral("Maya Thompson");
        QVERIFY(repo.savePractitioner(untitled).ok());
        QCOMPARE(repo.settings().value()->address, QString());
    }

    void settingsRoundTrip()
    {
        ClinicRepository repo = repository();
        const ClinicSettings saved = validSettings();
        QVERIFY(repo.saveSettings(saved).ok());
        const auto loaded = repo.settings();
        QVERIFY(loaded.ok() && loaded.value().has_value());
        const ClinicSettings &s = *loaded.value();
        QCOMPARE(s.name, saved.name);
        QCOMPARE(s.address, saved.address);
        QCOMPARE(s.phone, saved.phone);
        QCOMPARE(s.email, saved.email);
        QCOMPARE(s.timeZone, saved.timeZone);
        QCOMPARE(s.slotMinutes, 15);
        QCOMPARE(s.defaultSessions, 4);
        QCOMPARE(s.screeningMaxAgeDays, 90);
        QCOMPARE(s.openingHours, saved.openingHours);
        QCOMPARE(repo.timeZone(), QTimeZone("America/New_York"));
        QCOMPARE(m_temp->scalar(QStringLiteral("SELECT created_at FROM clinic_settings")).toLongLong(),
                 m_clock.now().toSecsSinceEpoch());
    }

    void savingAgainReplacesSettingsAndHours()
    {
        ClinicRepository repo = repository();
        QVERIFY(repo.saveSettings(validSettings()).ok());
        ClinicSettings changed = validSettings();
        changed.name = QStringLiteral("Hiers Dermatology, Roswell");
        changed.timeZone = QByteArrayLiteral("Europe/Berlin");
        changed.openingHours = {{3, 600, 900}};
        QVERIFY(repo.saveSettings(changed).ok());
        const ClinicSettings loaded = *repo.settings().value();
        QCOMPARE(loaded.name, changed.name);
        QCOMPARE(loaded.timeZone, QByteArrayLiteral("Europe/Berlin"));
        QCOMPARE(loaded.openingHours, changed.openingHours);
        QCOMPARE(m_temp->scalar(QStringLiteral("SELECT count(*) FROM clinic_settings")).toInt(), 1);
    }

    void invalidSettingsNameTheField_data()
    {
        QTest::addColumn<ClinicSettings>("settings");
        QTest::addColumn<QString>("field");

        ClinicSettings s = validSettings();
        s.name = QStringLiteral("   ");
        QTest::newRow("empty name") << s << QStringLiteral("name");
        s = validSettings();
        s.timeZone = QByteArrayLiteral("Mars/Olympus_Mons");
        QTest::newRow("unknown time zone") << s << QStringLiteral("time_zone");
        s = validSettings();
        s.timeZone.clear();
        QTest::newRow("no time zone") << s << QStringLiteral("time_zone");
        s = validSettings();
        s.slotMinutes = 7;
        QTest::newRow("odd slot") << s << QStringLiteral("slot_minutes");
        s = validSettings();
        s.defaultSessions = 0;
        QTest::newRow("no sessions") << s << QStringLiteral("default_sessions");
        s = validSettings();
        s.screeningMaxAgeDays = 5000;
        QTest::newRow("screening too long") << s << QStringLiteral("screening_max_age_days");
        s = validSettings();
        s.defaultIntervalMinWeeks = 0;
        QTest::newRow("minimum interval 0") << s << QStringLiteral("default_interval_min_weeks");
        s = validSettings();
        s.defaultIntervalMinWeeks = 53;
        s.defaultIntervalMaxWeeks = 53;
        QTest::newRow("minimum interval 53") << s << QStringLiteral("default_interval_min_weeks");
        s = validSettings();
        s.defaultIntervalMaxWeeks = 53;
        QTest::newRow("maximum interval 53") << s << QStringLiteral("default_interval_max_weeks");
        s = validSettings();
        s.defaultIntervalMaxWeeks = 0;
        QTest::newRow("maximum interval 0") << s << QStringLiteral("default_interval_max_weeks");
        s = validSettings();
        s.defaultIntervalMinWeeks = 7;
        s.defaultIntervalMaxWeeks = 5;
        QTest::newRow("minimum above maximum") << s << QStringLiteral("default_interval_min_weeks");
        s = validSettings();
        s.recallHorizonDays = -1;
        QTest::newRow("recall horizon negative") << s << QStringLiteral("recall_horizon_days");
        s = validSettings();
        s.recallHorizonDays = 91;
        QTest::newRow("recall horizon 91") << s << QStringLiteral("recall_horizon_days");
        s = validSettings();
        s.consentFormVersion = QString(41, QLatin1Char('v'));
        QTest::newRow("consent version too long") << s << QStringLiteral("consent_form_version");
        s = validSettings();
        s.openingHours = {{1, 480, 720}, {1, 700, 1000}};
        QTest::newRow("overlapping hours") << s << QStringLiteral("opening_hours");
        s = validSettings();
        s.openingHours = {{8, 480, 720}};
        QTest::newRow("weekday 8") << s << QStringLiteral("opening_hours");
        s = validSettings();
        s.openingHours = {{2, 720, 480}};
        QTest::newRow("ends before it starts") << s << QStringLiteral("opening_hours");
    }

    void invalidSettingsNameTheField()
    {
        QFETCH(ClinicSettings, settings);
        QFETCH(QString, field);
        ClinicRepository repo = repository();
        const Status saved = repo.saveSettings(settings);
        QVERIFY(!saved.ok());
        QCOMPARE(saved.error().kind(), ErrorKind::InvalidInput);
        QCOMPARE(saved.error().field(), field);
        QVERIFY(!saved.error().message().isEmpty());
        QVERIFY(!repo.settings().value().has_value());
        QCOMPARE(auditRows(QStringLiteral("clinic_settings")), qint64(0));
    }

    // The defaults a new treatment plan starts with and the recall list's look-ahead are stored with the clinic
    // and audited; a bad value changes nothing that was stored before.
    void treatmentPlanDefaultsRoundTrip()
    {
        ClinicRepository repo = repository();
        QVERIFY(repo.saveSettings(validSettings()).ok());
        const ClinicSettings fresh = *repo.settings().value();
        QCOMPARE(fresh.defaultIntervalMinWeeks, 4);
        QCOMPARE(fresh.defaultIntervalMaxWeeks, 6);
        QCOMPARE(fresh.recallHorizonDays, 14);
        QCOMPARE(fresh.consentFormVersion, QString());

        ClinicSettings changed = validSettings();
        changed.defaultSessions = 6;
        changed.defaultIntervalMinWeeks = 3;
        changed.defaultIntervalMaxWeeks = 5;
        changed.recallHorizonDays = 21;
        changed.consentFormVersion = QStringLiteral("  MN-2026-2 ");
        QVERIFY(repo.saveSettings(changed).ok());
        const ClinicSettings loaded = *repo.settings().value();
        QCOMPARE(loaded.defaultSessions, 6);
        QCOMPARE(loaded.defaultIntervalMinWeeks, 3);
        QCOMPARE(loaded.defaultIntervalMaxWeeks, 5);
        QCOMPARE(loaded.recallHorizonDays, 21);
        QCOMPARE(loaded.consentFormVersion, QStringLiteral("MN-2026-2"));
        QCOMPARE(auditRows(QStringLiteral("clinic_settings")), qint64(2));
        const QJsonObject details =
            QJsonDocument::fromJson(m_temp
                                        ->scalar(QStringLiteral("SELECT details FROM audit_log WHERE entity = "
                                                                "'clinic_settings' ORDER BY id DESC LIMIT 1"))
                                        .toByteArray())
                .object();
        QCOMPARE(details.value(QStringLiteral("default_interval_weeks")).toString(), QStringLiteral("3-5"));
        QCOMPARE(details.value(QStringLiteral("recall_horizon_days")).toInt(), 21);
        QCOMPARE(details.value(QStringLiteral("consent_form_version")).toString(), QStringLiteral("MN-2026-2"));

        ClinicSettings wrong = loaded;
        wrong.defaultIntervalMinWeeks = 8;
        const Status refused = repo.saveSettings(wrong);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().field(), QStringLiteral("default_interval_min_weeks"));
        QVERIFY2(refused.error().message().contains(QStringLiteral("8 weeks"))
                     && refused.error().message().contains(QStringLiteral("5 weeks")),
                 qPrintable(refused.error().message()));
        QCOMPARE(repo.settings().value()->defaultIntervalMinWeeks, 3);
        QCOMPARE(auditRows(QStringLiteral("clinic_settings")), qint64(2));
    }

    void unscreenedPolicyAndPaperSizeRoundTripAndAreAudited()
    {
        ClinicRepository repo = repository();
        QVERIFY(repo.saveSettings(validSettings()).ok());
        const ClinicSettings fresh = *repo.settings().value();
        QCOMPARE(fresh.unscreenedPolicy, ClinicSettings::UnscreenedPolicy::Caution);
        QCOMPARE(fresh.paperSize, ClinicSettings::PaperSize::Automatic);

        ClinicSettings changed = fresh;
        changed.unscreenedPolicy = ClinicSettings::UnscreenedPolicy::Stop;
        changed.paperSize = ClinicSettings::PaperSize::A4;
        QVERIFY(repo.saveSettings(changed).ok());
        const ClinicSettings loaded = *repo.settings().value();
        QCOMPARE(loaded.unscreenedPolicy, ClinicSettings::UnscreenedPolicy::Stop);
        QCOMPARE(loaded.paperSize, ClinicSettings::PaperSize::A4);
        const QJsonObject details =
            QJsonDocument::fromJson(m_temp
                                        ->scalar(QStringLiteral("SELECT details FROM audit_log WHERE entity = "
                                                                "'clinic_settings' ORDER BY id DESC LIMIT 1"))
                                        .toByteArray())
                .object();
        QCOMPARE(details.value(QStringLiteral("unscreened_policy")).toString(), QStringLiteral("stop"));
        QCOMPARE(details.value(QStringLiteral("paper_size")).toString(), QStringLiteral("a4"));

        changed.paperSize = ClinicSettings::PaperSize::Letter;
        QVERIFY(repo.saveSettings(changed).ok());
        QCOMPARE(repo.settings().value()->paperSize, ClinicSettings::PaperSize::Letter);
    }

    void timeZonesAreAnyIdTheZoneDatabaseKnows_data()
    {
        QTest::addColumn<QByteArray>("zone");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("Etc/UTC") << QByteArrayLiteral("Etc/UTC") << true;
        QTest::newRow("GMT") << QByteArrayLiteral("GMT") << true;
        QTest::newRow("UTC") << QByteArrayLiteral("UTC") << true;
        QTest::newRow("America/New_York") << QByteArrayLiteral("America/New_York") << true;
        QTest::newRow("Europe/London") << QByteArrayLiteral("Europe/London") << true;
        QTest::newRow("Asia/Kolkata") << QByteArrayLiteral("Asia/Kolkata") << true;
        QTest::newRow("unknown city") << QByteArrayLiteral("Mars/Olympus_Mons") << false;
        QTest::newRow("spaces instead of _") << QByteArrayLiteral("America/New York") << false;
        QTest::newRow("blank") << QByteArrayLiteral("  ") << false;
    }

    void timeZonesAreAnyIdTheZoneDatabaseKnows()
    {
        QFETCH(QByteArray, zone);
        QFETCH(bool, accepted);
        ClinicSettings settings = validSettings();
        settings.timeZone = zone;
        ClinicRepository repo = repository();
        const Status saved = repo.saveSettings(settings);
        QCOMPARE(saved.ok(), accepted);
        if (accepted) {
            QCOMPARE(repo.settings().value()->timeZone, zone);
            QCOMPARE(repo.timeZone(), QTimeZone(zone));
        } else {
            QCOMPARE(saved.error().field(), QStringLiteral("time_zone"));
            QVERIFY(saved.error().message().contains(QString::fromUtf8(zone)));
            QVERIFY(!repo.settings().value().has_value());
        }
    }

    void workingDaysBecomeSpansBetweenTheBreaks()
    {
        const QList<WorkingDay> days = {{1, 480, 1050, {{750, 810}}},
                                        {5, 480, 780, {}},
                                        {3, 540, 1080, {{600, 615}, {720, 780}}}};
        const auto spans = WorkingDay::toSpans(days);
        QVERIFY(spans.ok());
        const QList<WeeklyHours> expected = {{1, 480, 750}, {1, 810, 1050}, {3, 540, 600},
                                             {3, 615, 720}, {3, 780, 1080}, {5, 480, 780}};
        QCOMPARE(spans.value(), expected);
        const QList<WorkingDay> back = WorkingDay::fromSpans(expected);
        QCOMPARE(back.size(), 3);
        QCOMPARE(back.at(0), days.at(0));
        QCOMPARE(back.at(1), days.at(2));
        QCOMPARE(back.at(2), days.at(1));
    }

    void badWorkingDaysNameTheWeekdayAndRule_data()
    {
        QTest::addColumn<WorkingDay>("day");
        QTest::addColumn<QString>("rule");
        QTest::newRow("break before the hours") << WorkingDay{1, 540, 1020, {{480, 600}}} << QStringLiteral("inside");
        QTest::newRow("break after the hours") << WorkingDay{1, 540, 1020, {{1000, 1080}}} << QStringLiteral("inside");
        QTest::newRow("break at the start") << WorkingDay{1, 540, 1020, {{540, 600}}} << QStringLiteral("inside");
        QTest::newRow("break at the end") << WorkingDay{1, 540, 1020, {{960, 1020}}} << QStringLiteral("inside");
        QTest::newRow("break ends before it starts")
            << WorkingDay{1, 540, 1020, {{720, 690}}} << QStringLiteral("end after");
        QTest::newRow("two breaks overlap")
            << WorkingDay{1, 540, 1020, {{720, 780}, {750, 800}}} << QStringLiteral("overlap");
        QTest::newRow("day ends before it starts") << WorkingDay{1, 1020, 540, {}} << QStringLiteral("end after");
    }

    void badWorkingDaysNameTheWeekdayAndRule()
    {
        QFETCH(WorkingDay, day);
        QFETCH(QString, rule);
        const auto spans = WorkingDay::toSpans({day});
        QVERIFY(!spans.ok());
        QCOMPARE(spans.error().kind(), ErrorKind::InvalidInput);
        QCOMPARE(spans.error().field(), QStringLiteral("hours"));
        QVERIFY2(spans.error().message().contains(QStringLiteral("Monday")), qPrintable(spans.error().message()));
        QVERIFY2(spans.error().message().contains(rule), qPrintable(spans.error().message()));
    }

    void overlappingHoursNameTheWeekdayAndTimes()
    {
        Practitioner p = drHiers({});
        p.hours.append({1, 720, 800});
        const Status valid = ClinicRepository::validate(p);
        QVERIFY(!valid.ok());
        QCOMPARE(valid.error().message(),
                 QStringLiteral("Monday: two spans of hours overlap (08:00–12:30 and 12:00–13:20)."));
    }

    void practitionerSaveAndReload()
    {
        ClinicRepository repo = repository();
        const auto typeId = repo.saveAppointmentType(faceSession());
        QVERIFY(typeId.ok());
        const auto id = repo.savePractitioner(drHiers({typeId.value()}));
        QVERIFY(id.ok());
        const auto all = repo.practitioners();
        QVERIFY(all.ok());
        QCOMPARE(all.value().size(), 1);
        const Practitioner &p = all.value().first();
        QCOMPARE(p.id, id.value());
        QCOMPARE(p.displayName, QStringLiteral("Dr. Connie Hiers"));
        QCOMPARE(p.title, QStringLiteral("MD"));
        QCOMPARE(p.colour, QStringLiteral("#4f7cac"));
        QCOMPARE(p.hours, drHiers({}).hours);
        QCOMPARE(p.typeIds, QList<qint64>{typeId.value()});

        // Updating replaces hours and types whole; deactivating hides but keeps the row.
        Practitioner changed = p;
        changed.hours = {{2, 540, 1020}};
        changed.typeIds.clear();
        changed.active = false;
        QCOMPARE(repo.savePractitioner(changed).value(), p.id);
        QVERIFY(repo.practitioners().value().isEmpty());
        const auto everyone = repo.practitioners(true).value();
        QCOMPARE(everyone.size(), 1);
        QCOMPARE(everyone.first().hours, changed.hours);
        QVERIFY(everyone.first().typeIds.isEmpty());
        QCOMPARE(auditRows(QStringLiteral("practitioner")), qint64(2));
    }

    void invalidPractitionersNameTheField_data()
    {
        QTest::addColumn<Practitioner>("practitioner");
        QTest::addColumn<QString>("field");
        Practitioner p = drHiers({});
        p.displayName.clear();
        QTest::newRow("no name") << p << QStringLiteral("display_name");
        p = drHiers({});
        p.colour = QStringLiteral("blue");
        QTest::newRow("colour") << p << QStringLiteral("colour");
        p = drHiers({});
        p.hours.append({1, 720, 800});
        QTest::newRow("lunch overlaps the morning") << p << QStringLiteral("hours");
    }

    void invalidPractitionersNameTheField()
    {
        QFETCH(Practitioner, practitioner);
        QFETCH(QString, field);
        ClinicRepository repo = repository();
        const auto saved = repo.savePractitioner(practitioner);
        QVERIFY(!saved.ok());
        QCOMPARE(saved.error().field(), field);
        QCOMPARE(m_temp->scalar(QStringLiteral("SELECT count(*) FROM practitioner")).toInt(), 0);
    }

    void unknownAppointmentTypesAreRefusedAndNothingIsStored()
    {
        ClinicRepository repo = repository();
        const auto saved = repo.savePractitioner(drHiers({77}));
        QVERIFY(!saved.ok());
        QCOMPARE(saved.error().kind(), ErrorKind::InvalidInput);
        QCOMPARE(saved.error().field(), QStringLiteral("types"));
        Room room;
        room.name = QStringLiteral("Treatment room 1");
        room.typeIds = {77};
        QCOMPARE(repo.saveRoom(room).error().field(), QStringLiteral("types"));
        QCOMPARE(m_temp->scalar(QStringLiteral("SELECT count(*) FROM practitioner")).toInt(), 0);
        QCOMPARE(m_temp->scalar(QStringLiteral("SELECT count(*) FROM room")).toInt(), 0);
        QCOMPARE(m_temp->scalar(QStringLiteral("SELECT count(*) FROM audit_log")).toInt(), 0);
    }

    void duplicateNamesAreRefusedNamingTheField()
    {
        ClinicRepository repo = repository();
        QVERIFY(repo.saveAppointmentType(faceSession()).ok());
        const auto again = repo.saveAppointmentType(faceSession());
        QVERIFY(!again.ok());
        QCOMPARE(again.error().kind(), ErrorKind::InvalidInput);
        QCOMPARE(again.error().field(), QStringLiteral("name"));
        QVERIFY(again.error().message().contains(faceSession().name));
        // Saving a row under its own name is no conflict.
        AppointmentType same = repo.appointmentTypes().value().first();
        same.durationMin = 45;
        QVERIFY(repo.saveAppointmentType(same).ok());
        QCOMPARE(repo.appointmentTypes().value().first().durationMin, 45);
    }

    void deactivatingKeepsTheRowAndItsHistory()
    {
        ClinicRepository repo = repository();
        Room room;
        room.name = QStringLiteral("Treatment room 1");
        room.id = repo.saveRoom(room).value();
        room.active = false;
        QVERIFY(repo.saveRoom(room).ok());
        QVERIFY(repo.rooms().value().isEmpty());
        QCOMPARE(repo.rooms(true).value().size(), 1);
        QVERIFY(!repo.rooms(true).value().first().active);
        QCOMPARE(auditRows(QStringLiteral("room")), qint64(2));
    }

    void updatingAMissingPractitionerIsNotFound()
    {
        Practitioner ghost = drHiers({});
        ghost.id = 42;
        const auto saved = repository().savePractitioner(ghost);
        QVERIFY(!saved.ok());
        QCOMPARE(saved.error().kind(), ErrorKind::NotFound);
        QCOMPARE(m_temp->scalar(QStringLiteral("SELECT count(*) FROM practitioner_hours")).toInt(), 0);
    }

    void roomSaveAndReload()
    {
        ClinicRepository repo = repository();
        const qint64 face = repo.saveAppointmentType(faceSession()).value();
        Room room;
        room.name = QStringLiteral("Treatment room 1");
        room.typeIds = {face};
        const auto id = repo.saveRoom(room);
        QVERIFY(id.ok());
        const auto rooms = repo.rooms().value();
        QCOMPARE(rooms.size(), 1);
        QCOMPARE(rooms.first().name, room.name);
        QCOMPARE(rooms.first().typeIds, room.typeIds);

        Room empty;
        empty.name = QStringLiteral("  ");
        const auto refused = repo.saveRoom(empty);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().field(), QStringLiteral("name"));

        Room duplicate;
        duplicate.name = room.name;
        QVERIFY(!repo.saveRoom(duplicate).ok());
        QCOMPARE(repo.rooms().value().size(), 1);
        QCOMPARE(auditRows(QStringLiteral("room")), qint64(1));
    }

    void appointmentTypeSaveAndReload()
    {
        ClinicRepository repo = repository();
        const auto id = repo.saveAppointmentType(faceSession());
        QVERIFY(id.ok());
        const auto types = repo.appointmentTypes().value();
        QCOMPARE(types.size(), 1);
        const AppointmentType &t = types.first();
        QCOMPARE(t.name, QStringLiteral("Microneedling – face"));
        QCOMPARE(t.durationMin, 60);
        QCOMPARE(t.prepMin, 20);
        QCOMPARE(t.cleanupMin, 10);
        QCOMPARE(t.visitMinutes(), 80);
        QVERIFY(t.isTreatment);
        QCOMPARE(t.colour, QStringLiteral("#7fa7c9"));

        AppointmentType tooLong = faceSession();
        tooLong.name = QStringLiteral("Marathon");
        tooLong.durationMin = 600;
        QCOMPARE(repo.saveAppointmentType(tooLong).error().field(), QStringLiteral("duration_min"));
        AppointmentType longPrep = faceSession();
        longPrep.prepMin = 200;
        QCOMPARE(repo.saveAppointmentType(longPrep).error().field(), QStringLiteral("prep_min"));
        AppointmentType badColour = faceSession();
        badColour.colour = QStringLiteral("#12345");
        QCOMPARE(repo.saveAppointmentType(badColour).error().field(), QStringLiteral("colour"));
        QCOMPARE(repo.appointmentTypes().value().size(), 1);
    }

    void everyChangeIsAudited()
    {
        ClinicRepository repo = repository();
        QVERIFY(repo.saveSettings(validSettings()).ok());
        const qint64 type = repo.saveAppointmentType(faceSession()).value();
        QVERIFY(repo.savePractitioner(drHiers({type})).ok());
        QCOMPARE(auditRows(QStringLiteral("clinic_settings")), qint64(1));
        QCOMPARE(auditRows(QStringLiteral("appointment_type")), qint64(1));
        QCOMPARE(auditRows(QStringLiteral("practitioner")), qint64(1));

        QSqlQuery query(m_temp->database().connection());
        QVERIFY(query.exec(
            QStringLiteral("SELECT at, actor, action, details FROM audit_log WHERE entity = 'clinic_settings'")));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toLongLong(), m_clock.now().toSecsSinceEpoch());
        QVERIFY(!query.value(1).toString().isEmpty());
        QCOMPARE(query.value(2).toString(), QStringLiteral("update"));
        const QJsonObject details = QJsonDocument::fromJson(query.value(3).toString().toUtf8()).object();
        QCOMPARE(details.value(QStringLiteral("time_zone")).toString(), QStringLiteral("America/New_York"));
        QCOMPARE(details.value(QStringLiteral("opening_hours")).toArray().size(), 3);

        // A practitioner's audit row says what the hours and types became.
        QVERIFY(query.exec(QStringLiteral("SELECT details FROM audit_log WHERE entity = 'practitioner'")));
        QVERIFY(query.next());
        const QJsonObject after = QJsonDocument::fromJson(query.value(0).toString().toUtf8()).object();
        QCOMPARE(after.value(QStringLiteral("hours")).toArray().size(), 3);
        QCOMPARE(after.value(QStringLiteral("hours")).toArray().first().toArray(), (QJsonArray{1, 480, 750}));
        QCOMPARE(after.value(QStringLiteral("type_ids")).toArray(), (QJsonArray{type}));
    }
};

QTEST_GUILESS_MAIN(TestClinicRepository)
#include "tst_clinicrepository.moc"
