#include "FakeClock.h"
#include "ScheduleRows.h"
#include "calendar/BookingService.h"
#include "calendar/WaitlistRepository.h"
#include "clinic/ClinicRepository.h"
#include "treatment/TreatmentPlan.h"

#include <QtTest>

using namespace dermdesk;

// Free text other than a patient's record obeys the same TextRules wherever it is written: clinic,
// practitioner, room and appointment type names, booking notes and acknowledgements, cancellation and
// waitlist reasons, plan notes. Each refusal names the field, and nothing is stored.
class TestFreeTextRules : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::TempDatabase> m_temp;
    test::FakeClock m_clock;

    static const QString &escape()
    {
        static const QString text = QStringLiteral("ill\x1b[2J");
        return text;
    }

    static void refused(const Status &status, const QString &field)
    {
        QVERIFY(!status.ok());
        QCOMPARE(status.error().kind(), ErrorKind::InvalidInput);
        QCOMPARE(status.error().field(), field);
        QVERIFY2(status.error().message().startsWith(field + QStringLiteral(": ")),
                 qPrintable(status.error().message()));
    }

    qint64 count(const char *sql) { return m_temp->scalar(QLatin1String(sql)).toLongLong(); }

private slots:
    void init()
    {
        m_temp = test::minimalClinic();
        QVERIFY(m_temp);
    }

    void clinicSettingsNamesAndTypes()
    {
        ClinicSettings settings;
        settings.name = QStringLiteral("Skin\rClinic");
        settings.timeZone = "America/New_York";
        refused(ClinicRepository::validate(settings), QStringLiteral("name"));
        settings.name = QStringLiteral("Skin Clinic");
        settings.email = QChar(0x202e) + QStringLiteral("moc.x@y");
        refused(ClinicRepository::validate(settings), QStringLiteral("email"));

        Practitioner practitioner;
        practitioner.displayName = QStringLiteral("Dr. ") + QChar(0x202e) + QStringLiteral("Hiers");
        refused(ClinicRepository::validate(practitioner), QStringLiteral("display_name"));
        practitioner.displayName = QString(QChar(0x200b));
        refused(ClinicRepository::validate(practitioner), QStringLiteral("display_name"));

        AppointmentType type;
        type.name = QStringLiteral("Micro\tneedling");
        type.durationMin = 60;
        refused(ClinicRepository::validate(type), QStringLiteral("name"));

        Room room;
        room.name = QStringLiteral("Room") + QChar(0);
        auto saved = ClinicRepository(m_temp->database()).saveRoom(room);
        QVERIFY(!saved.ok());
        refused(Status(saved.error()), QStringLiteral("name"));
        QCOMPARE(count("SELECT count(*) FROM room"), qint64(1));
    }

    void bookingNotesAndAcknowledgements()
    {
        BookingService appointments(m_temp->database(), m_clock);
        BookingRequest request;
        request.patientId = 1;
        request.practitionerId = 1;
        request.typeId = 1;
        request.roomId = 1;
        request.startsAt = test::newYork(2026, 12, 1, 10);
        request.acknowledgement = QStringLiteral("checked") + QChar(0);
        auto booked = appointments.book(request);
        QVERIFY(!booked.ok());
        refused(Status(booked.error()), QStringLiteral("acknowledgement"));
        request.acknowledgement.clear();
        request.notes = QString(1001, QLatin1Char('n'));
        booked = appointments.book(request);
        QVERIFY(!booked.ok());
        refused(Status(booked.error()), QStringLiteral("notes"));
        QCOMPARE(count("SELECT count(*) FROM appointment"), qint64(0));
    }

    void cancellationAndWaitlistReasons()
    {
        const qint64 id = test::insertAppointment(m_temp->database(), 1, test::newYork(2026, 12, 1, 10), 60);
        QVERIFY(id);
        BookingService appointments(m_temp->database(), m_clock);
        auto cancelled = appointments.cancel(id, {CancelCategory::Illness, escape()});
        QVERIFY(!cancelled.ok());
        refused(Status(cancelled.error()), QStringLiteral("reason"));
        cancelled = appointments.changeStatus(id, AppointmentStatus::Cancelled, QStringLiteral("other: ") + escape());
        QVERIFY(!cancelled.ok());
        refused(Status(cancelled.error()), QStringLiteral("reason"));
        QCOMPARE(m_temp->scalar(QStringLiteral("SELECT status FROM appointment WHERE id = %1").arg(id)).toString(),
                 QStringLiteral("booked"));

        WaitlistRepository waitlist(m_temp->database(), m_clock);
        WaitlistEntry entry;
        entry.patientId = 1;
        entry.typeId = 1;
        entry.earliestDate = QDate(2026, 12, 1);
        entry.latestDate = QDate(2026, 12, 31);
        entry.notes = QStringLiteral("mornings") + QChar(0x2066);
        auto added = waitlist.add(entry);
        QVERIFY(!added.ok());
        refused(Status(added.error()), QStringLiteral("notes"));
        entry.notes = QStringLiteral("mornings\nnot Fridays");
        added = waitlist.add(entry);
        QVERIFY2(added.ok(), added.ok() ? "" : qPrintable(added.error().message()));
        refused(waitlist.remove(added.value(), escape()), QStringLiteral("reason"));
        QCOMPARE(count("SELECT count(*) FROM waitlist_entry WHERE status = 'active'"), qint64(1));
    }

    void planText()
    {
        TreatmentPlan plan;
        plan.patientId = 1;
        plan.typeId = 1;
        plan.plannedSessions = 3;
        plan.intervalMinWeeks = 4;
        plan.intervalMaxWeeks = 6;
        QVERIFY(plan.validate().ok());
        plan.notes = QStringLiteral("fine\nafter ") + QChar(0) + QStringLiteral("NUL");
        refused(plan.validate(), QStringLiteral("notes"));
        plan.notes.clear();
        plan.areas = {PlanArea{QStringLiteral("Cheeks\t"), std::nullopt}};
        refused(plan.validate(), QStringLiteral("areas"));
    }
};

QTEST_GUILESS_MAIN(TestFreeTextRules)
#include "tst_freetextrules.moc"
