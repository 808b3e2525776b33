#include "FakeClock.h"
#include "ScheduleRows.h"
#include "agenda/AgendaRepository.h"
#include "patients/PatientRepository.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace dermdesk;

// The full patient record: saving, reading, changing, archiving, refusing bad fields, and
// spotting the same person entered twice.
class TestPatientRecord : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::TempDatabase> m_temp;
    // 02:00 UTC on 27 Nov is still 26 Nov in the clinic's zone (America/New_York).
    test::FakeClock m_clock{QDateTime(QDate(2026, 11, 27), QTime(2, 0), Qt::UTC)};

    PatientRepository repository() { return PatientRepository(m_temp->database(), m_clock); }

    static Patient anna()
    {
        Patient p;
        p.givenName = QStringLiteral("Anna");
        p.familyName = QStringLiteral("Nováková");
        p.preferredName = QStringLiteral("Ani");
        p.birthDate = QDate(1990, 5, 17);
        p.phone = QStringLiteral("(555) 123-4567");
        p.phoneHome = QStringLiteral("+1 555 987 6543");
        p.email = QStringLiteral("anna@example.com");
        p.address = QStringLiteral("1 Main St\nSpringfield");
        p.emergencyContact = QStringLiteral("Petr, 555 000 1111");
        p.preferredChannel = QStringLiteral("sms");
        p.reminderConsent = true;
        p.fitzpatrick = 3;
        p.allergies = QStringLiteral("lidocaine");
        p.medications = QStringLiteral("none");
        p.notes = QStringLiteral("'); DROP TABLE patient; --");
        return p;
    }

    int auditRows(const QString &action, qint64 id)
    {
        return m_temp
            ->scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE entity = 'patient' AND action = '%1' "
                                    "AND entity_id = %2")
                         .arg(action)
                         .arg(id))
            .toInt();
    }

private slots:
    void init()
    {
        m_temp = test::minimalClinic();
        QVERIFY(m_temp);
    }

    void addedRecordReadsBackExactly()
    {
        const auto id = repository().add(anna());
        QVERIFY2(id.ok(), qPrintable(id.ok() ? QString() : id.error().message()));
        const auto found = repository().find(id.value());
        QVERIFY(found.ok());
        const Patient &p = found.value();
        const Patient expected = anna();
        QCOMPARE(p.id, id.value());
        QCOMPARE(p.givenName, expected.givenName);
        QCOMPARE(p.familyName, expected.familyName);
        QCOMPARE(p.preferredName, expected.preferredName);
        QCOMPARE(p.birthDate, expected.birthDate);
        QCOMPARE(p.phone, expected.phone);
        QCOMPARE(p.phoneHome, expected.phoneHome);
        QCOMPARE(p.email, expected.email);
        QCOMPARE(p.address, expected.address);
        QCOMPARE(p.emergencyContact, expected.emergencyContact);
        QCOMPARE(p.preferredChannel, expected.preferredChannel);
        QCOMPARE(p.reminderConsent, true);
        QCOMPARE(p.fitzpatrick, std::optional<int>(3));
        QCOMPARE(p.allergies, expected.allergies);
        QCOMPARE(p.medications, expected.medications);
        QCOMPARE(p.notes, expected.notes);
        QCOMPARE(p.archived, false);
        QCOMPARE(p.createdAt, m_clock.now().toSecsSinceEpoch());
        QCOMPARE(p.updatedAt, m_clock.now().toSecsSinceEpoch());
        QCOMPARE(auditRows(QStringLiteral("create"), id.value()), 1);
    }

    void namesInAnyScriptRoundTrip_data()
    {
        QTest::addColumn<QString>("given");
        QTest::addColumn<QString>("family");
        QTest::newRow("cyrillic") << QStringLiteral("Алексей") << QStringLiteral("Смирнов");
        QTest::newRow("cjk") << QStringLiteral("小明") << QStringLiteral("王");
        QTest::newRow("arabic") << QStringLiteral("ليلى") << QStringLiteral("حداد");
        QTest::newRow("emoji") << QStringLiteral("Zoë 🌸") << QStringLiteral("O'Brien-Łukasz");
        QTest::newRow("sql") << QStringLiteral("Robert'); DROP TABLE patient;--") << QStringLiteral("\"Tables\"");
    }

    void namesInAnyScriptRoundTrip()
    {
        QFETCH(QString, given);
        QFETCH(QString, family);
        Patient p;
        p.givenName = given;
        p.familyName = family;
        const auto id = repository().add(p);
        QVERIFY(id.ok());
        const auto found = repository().find(id.value());
        QVERIFY(found.ok());
        QCOMPARE(found.value().givenName, given);
        QCOMPARE(found.value().familyName, family);
        QVERIFY(!found.value().birthDate.isValid());
        QVERIFY(!found.value().fitzpatrick.has_value());
    }

    void badFieldsAreRefusedByName_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("expectedField");
        QTest::addColumn<QString>("message");
        QTest::newRow("empty given") << "given"
                                     << "  "
                                     << "given_name"
                                     << "given_name: is required";
        QTest::newRow("empty family") << "family"
                                      << ""
                                      << "family_name"
                                      << "family_name: is required";
        QTest::newRow("tomorrow in the clinic") << "birth"
                                                << "2026-11-27"
                                                << "birth_date"
                                                << "birth_date: must not be in the future";
        QTest::newRow("far past") << "birth"
                                  << "1066-10-14"
                                  << "birth_date"
                                  << "birth_date: must be after 1880";
        QTest::newRow("phone letters") << "phone"
                                       << "call me"
                                       << "phone"
                                       << "";
        QTest::newRow("phone too short") << "phone"
                                         << "12-3"
                                         << "phone"
                                         << "";
        QTest::newRow("home phone") << "phone_home"
                                    << "555-CALL-NOW"
                                    << "phone_home"
                                    << "";
        QTest::newRow("email without at") << "email"
                                          << "anna.example.com"
                                          << "email"
                                          << "";
        QTest::newRow("email without domain dot") << "email"
                                                  << "anna@example"
                                                  << "email"
                                                  << "";
        QTest::newRow("email with space") << "email"
                                          << "an na@example.com"
                                          << "email"
                                          << "";
        QTest::newRow("channel") << "channel"
                                 << "pigeon"
                                 << "preferred_channel"
                                 << "";
        QTest::newRow("fitzpatrick") << "fitzpatrick"
                                     << "7"
                                     << "fitzpatrick"
                                     << "";
    }

    void badFieldsAreRefusedByName()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QString, expectedField);
        QFETCH(QString, message);
        Patient p = anna();
        if (field == QLatin1String("given"))
            p.givenName = value;
        else if (field == QLatin1String("family"))
            p.familyName = value;
        else if (field == QLatin1String("birth"))
            p.birthDate = QDate::fromString(value, Qt::ISODate);
        else if (field == QLatin1String("phone"))
            p.phone = value;
        else if (field == QLatin1String("phone_home"))
            p.phoneHome = value;
        else if (field == QLatin1String("email"))
            p.email = value;
        else if (field == QLatin1String("channel"))
            p.preferredChannel = value;
        else if (field == QLatin1String("fitzpatrick"))
            p.fitzpatrick = value.toInt();
        const int before = m_temp->scalar(QStringLiteral("SELECT count(*) FROM patient")).toInt();
        const auto id = repository().add(p);
        QVERIFY(!id.ok());
        QCOMPARE(id.error().kind(), ErrorKind::InvalidInput);
        QCOMPARE(id.error().field(), expectedField);
        QVERIFY(id.error().message().startsWith(expectedField + QStringLiteral(": ")));
        if (!message.isEmpty())
            QCOMPARE(id.error().message(), message);
        QCOMPARE(m_temp->scalar(QStringLiteral("SELECT count(*) FROM patient")).toInt(), before);
    }

    void birthDateTodayInTheClinicIsAccepted()
    {
        Patient p = anna();
        p.birthDate = QDate(2026, 11, 26);
        QVERIFY(repository().add(p).ok());
    }

    void unknownPatientIsNotFound()
    {
        const auto found = repository().find(999);
        QVERIFY(!found.ok());
        QCOMPARE(found.error().kind(), ErrorKind::NotFound);
        QCOMPARE(found.error().field(), QStringLiteral("patient"));
        Patient p = anna();
        p.id = 999;
        const Status updated = repository().update(p);
        QVERIFY(!updated.ok());
        QCOMPARE(updated.error().kind(), ErrorKind::NotFound);
        QCOMPARE(repository().setArchived(999, true).error().kind(), ErrorKind::NotFound);
    }

    void updateSavesAndAuditsOnlyTheChangedFields()
    {
        const qint64 id = repository().add(anna()).value();
        m_clock.advanceSecs(3600);
        Patient p = repository().find(id).value();
        p.phone = QStringLiteral("555 222 3333");
        p.fitzpatrick.reset();
        QVERIFY(repository().update(p).ok());
        const Patient saved = repository().find(id).value();
        QCOMPARE(saved.phone, QStringLiteral("555 222 3333"));
        QVERIFY(!saved.fitzpatrick.has_value());
        QCOMPARE(saved.updatedAt, m_clock.now().toSecsSinceEpoch());
        QCOMPARE(saved.createdAt, m_clock.now().toSecsSinceEpoch() - 3600);
        QCOMPARE(auditRows(QStringLiteral("update"), id), 1);
        const QJsonObject details =
            QJsonDocument::fromJson(m_temp
                                        ->scalar(QStringLiteral("SELECT details FROM audit_log WHERE action = "
                                                                "'update' AND entity_id = %1")
                                                     .arg(id))
                                        .toString()
                                        .toUtf8())
                .object();
        const QJsonObject before = details.value(QStringLiteral("before")).toObject();
        const QJsonObject after = details.value(QStringLiteral("after")).toObject();
        QCOMPARE(before.keys(), (QStringList{QStringLiteral("fitzpatrick"), QStringLiteral("phone")}));
        QCOMPARE(before.value(QStringLiteral("phone")).toString(), QStringLiteral("(555) 123-4567"));
        QCOMPARE(after.value(QStringLiteral("phone")).toString(), QStringLiteral("555 222 3333"));
        QVERIFY(after.value(QStringLiteral("fitzpatrick")).isNull());
    }

    void invalidUpdateChangesNothing()
    {
        const qint64 id = repository().add(anna()).value();
        Patient p = repository().find(id).value();
        p.familyName.clear();
        QCOMPARE(repository().update(p).error().field(), QStringLiteral("family_name"));
        QCOMPARE(repository().find(id).value().familyName, anna().familyName);
        QCOMPARE(auditRows(QStringLiteral("update"), id), 0);
    }

    void archivingHidesFromSearchAndIsAudited()
    {
        const qint64 id = repository().add(anna()).value();
        QCOMPARE(repository().search(QStringLiteral("Nov"), 10).value().size(), 1);
        QVERIFY(repository().setArchived(id, true).ok());
        QVERIFY(repository().find(id).value().archived);
        QCOMPARE(repository().search(QStringLiteral("Nov"), 10).value().size(), 0);
        QCOMPARE(auditRows(QStringLiteral("archive"), id), 1);
        QVERIFY(repository().setArchived(id, false).ok());
        QVERIFY(!repository().find(id).value().archived);
        QCOMPARE(auditRows(QStringLiteral("restore"), id), 1);
    }

    void possibleDuplicates_data()
    {
        QTest::addColumn<QString>("given");
        QTest::addColumn<QString>("family");
        QTest::addColumn<QDate>("birth");
        QTest::addColumn<QString>("phone");
        QTest::addColumn<QList<qint64>>("expected");
        // Patient 1 is Joanna Smith, born 1988-04-02; patient 2 Jürgen Müller, 1975-12-30 (no phones);
        // the test adds Anna Nováková (3) with (555) 123-4567 and +1 555 987 6543.
        const QDate joanna(1988, 4, 2);
        QTest::newRow("same name and birth date") << "Joanna"
                                                  << "Smith" << joanna << "" << QList<qint64>{1};
        QTest::newRow("case and accents ignored") << "JURGEN"
                                                  << "muller" << QDate(1975, 12, 30) << "" << QList<qint64>{2};
        QTest::newRow("same name, other birth date") << "Joanna"
                                                     << "Smith" << QDate(1988, 4, 3) << "" << QList<qint64>{};
        QTest::newRow("same birth date, other name") << "Joan"
                                                     << "Smith" << joanna << "" << QList<qint64>{};
        QTest::newRow("same mobile digits") << "X"
                                            << "Y" << QDate() << "555.123.4567" << QList<qint64>{3};
        QTest::newRow("new mobile is their home phone") << "X"
                                                        << "Y" << QDate() << "1-555-987-6543" << QList<qint64>{3};
        QTest::newRow("both rules, each patient once")
            << "anna"
            << "NOVAKOVA" << QDate(1990, 5, 17) << "5551234567" << QList<qint64>{3};
        QTest::newRow("nothing alike") << "Zed"
                                       << "Zulu" << QDate(2000, 1, 1) << "555 000 0000" << QList<qint64>{};
    }

    void possibleDuplicates()
    {
        QFETCH(QString, given);
        QFETCH(QString, family);
        QFETCH(QDate, birth);
        QFETCH(QString, phone);
        QFETCH(QList<qint64>, expected);
        QCOMPARE(repository().add(anna()).value(), qint64(3));
        Patient p;
        p.givenName = given;
        p.familyName = family;
        p.birthDate = birth;
        p.phone = phone;
        const auto found = repository().possibleDuplicates(p);
        QVERIFY(found.ok());
        QList<qint64> ids;
        for (const PatientSummary &s : found.value())
            ids.append(s.id);
        QCOMPARE(ids, expected);
    }

    void timelineListsEveryVisitLatestFirst()
    {
        Database &db = m_temp->database();
        const qint64 past =
            test::insertAppointment(db, 1, test::newYork(2026, 10, 1, 9), 60, QStringLiteral("completed"));
        const qint64 cancelled =
            test::insertAppointment(db, 1, test::newYork(2026, 12, 1, 9), 60, QStringLiteral("cancelled"));
        const qint64 next = test::insertAppointment(db, 1, test::newYork(2026, 12, 8, 9), 60);
        QVERIFY(past && cancelled && next);
        QVERIFY(test::insertAppointment(db, 2, test::newYork(2026, 12, 9, 9), 60));
        const auto visits = AgendaRepository(db).patientVisits(1);
        QVERIFY(visits.ok());
        QCOMPARE(visits.value().size(), 3);
        QCOMPARE(visits.value().at(0).appointmentId, next);
        QCOMPARE(visits.value().at(1).status, QStringLiteral("cancelled"));
        QCOMPARE(visits.value().at(2).appointmentId, past);
        QCOMPARE(visits.value().at(2).typeName, QStringLiteral("Microneedling face"));
        QVERIFY(visits.value().at(2).isTreatment);
        QCOMPARE(visits.value().at(2).practitionerName, QStringLiteral("Dr. Connie Hiers"));
        QCOMPARE(visits.value().at(2).roomName, QStringLiteral("Room 1"));
        QVERIFY(AgendaRepository(db).patientVisits(999).value().isEmpty());
    }

    void aPatientIsNotTheirOwnDuplicate()
    {
        const qint64 id = repository().add(anna()).value();
        const Patient p = repository().find(id).value();
        QVERIFY(repository().possibleDuplicates(p).value().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestPatientRecord)
#include "tst_patientrecord.moc"
