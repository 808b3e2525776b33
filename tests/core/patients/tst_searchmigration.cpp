#include "FakeClock.h"
#include "TestServer.h"
#include "patients/PatientRepository.h"
#include "storage/Database.h"
#include "storage/SqlValue.h"
#include "storage/StorageEngine.h"

#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QtTest>

using namespace dermdesk;

// A clinic of the schema version before the server folded the search index's words in fewer steps upgrades to the
// current schema keeping its patient search index as it was, and patients added or renamed after the upgrade (one at
// a time or imported together) are indexed exactly as that version indexed the same patients: accents, other scripts,
// punctuation, long words and phone numbers alike.
class TestSearchMigration : public QObject
{
    Q_OBJECT

private:
    // The patients written at the previous version and again after the upgrade.
    static QList<Patient> samples()
    {
        const auto patient = [](const QString &given, const QString &family, const QString &preferred,
                                const QString &phone, const QString &phoneHome, const QString &email) {
            Patient p;
            p.givenName = given;
            p.familyName = family;
            p.preferredName = preferred;
            p.birthDate = QDate(1980, 2, 29);
            p.phone = phone;
            p.phoneHome = phoneHome;
            p.email = email;
            return p;
        };
        return {
            patient(QStringLiteral("Renée"), QStringLiteral("Dubois"), {}, QStringLiteral("06 12 34 56 78"), {},
                    QStringLiteral("renee.dubois@exemple.fr")),
            // Decomposed accents, as some keyboards and files send them.
            patient(QStringLiteral("Rene\u0301e"), QStringLiteral("Zo\u0308e"), {}, {}, {}, {}),
            patient(QStringLiteral("Jürgen"), QStringLiteral("Müller-Lüdenscheidt"), QStringLiteral("Jo-Jo (JJ)!"),
                    QStringLiteral("+49 (30) 1234-5678"), QStringLiteral("+1 555 200 0001"),
                    QStringLiteral("j.mueller+praxis@mail.example")),
            patient(QStringLiteral("Ørjan"), QStringLiteral("Ærøskøbing Straße"), QStringLiteral("ŁÓDŹ Œuvre"), {}, {},
                    {}),
            patient(QStringLiteral("Ἀλέξανδρος"), QStringLiteral("Παπαδόπουλος"), {}, {}, {}, {}),
            patient(QStringLiteral("Ёлка"), QStringLiteral("Щукина-Йорк"), {}, {}, {}, {}),
            patient(QStringLiteral("小明"), QStringLiteral("王"), QStringLiteral("ひらがな カタカナ"), {}, {}, {}),
            patient(QStringLiteral("O'Brien"), QStringLiteral("D'Angelo \\ Smith"), QStringLiteral("\"Bo\""), {}, {},
                    QStringLiteral("o'brien@example.org")),
            patient(QStringLiteral("Zoë 🙂"), QStringLiteral("İstanbul Iğdır"), QStringLiteral("ﬁne Ⅻ ½"), {}, {},
                    {}),
            patient(QString(100, QLatin1Char('x')), QString(100, QChar(0x00e9)),
                    QStringLiteral("a b c d e f g h i j k l m n o p q r s t u v w x y z"), {}, {}, {}),
        };
    }

    // Inserts `patients` with plain SQL, as the previous version of the program did, on a connection to that schema.
    static bool insertPlainly(QSqlDatabase connection, const QList<Patient> &patients)
    {
        for (const Patient &p : patients) {
            QSqlQuery query(connection);
            query.prepare(QStringLiteral("INSERT INTO patient (given_name, family_name, preferred_name, birth_date, "
                                         "phone, phone_home, email, created_at, updated_at) "
                                         "VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0)"));
            for (const QString &value : {p.givenName, p.familyName, p.preferredName, p.birthDate.toString(Qt::ISODate),
                                         p.phone, p.phoneHome, p.email})
                query.addBindValue(sqlText(value));
            if (!query.exec()) {
                qWarning("%s", qPrintable(query.lastError().text()));
                return false;
            }
        }
        return true;
    }

    // Changes the names and home number of patient `id` with plain SQL (the index follows through its triggers).
    static bool renamePlainly(QSqlDatabase connection, qint64 id)
    {
        QSqlQuery query(connection);
        query.prepare(QStringLiteral("UPDATE patient SET family_name = ?, phone_home = ? WHERE id = ?"));
        query.addBindValue(QStringLiteral("Ŝtraße-Ünal O'Neil"));
        query.addBindValue(QStringLiteral("+41 44 668 18 00"));
        query.addBindValue(id);
        if (!query.exec()) {
            qWarning("%s", qPrintable(query.lastError().text()));
            return false;
        }
        return true;
    }

    // The index's rows as text, in patient id order: every stored column, and on a server the lexemes too.
    static QStringList indexRows(QSqlDatabase connection, bool onServer, const QString &key)
    {
        QSqlQuery query(connection);
        const QString columns = onServer ? QStringLiteral("names, phones, birth, email, sort_name, terms::text")
                                         : QStringLiteral("names, phones, birth, email, sort_name");
        if (!query.exec(QStringLiteral("SELECT %1 FROM patient_search s ORDER BY %2").arg(columns, key))) {
            qWarning("%s", qPrintable(query.lastError().text()));
            return {QStringLiteral("<error>")};
        }
        QStringList rows;
        while (query.next()) {
            QStringList values;
            for (int i = 0; i < query.record().count(); ++i)
                values.append(query.value(i).toString());
            rows.append(values.join(QStringLiteral(" | ")));
        }
        return rows;
    }

    // A folder with the schema scripts of versions 1 to `previous` (both engines').
    static bool scriptsUpTo(int previous, const QString &folder)
    {
        for (const QString &sub : {QString(), QStringLiteral("/postgresql")}) {
            if (!QDir().mkpath(folder + sub))
                return false;
            const QDir source(QStringLiteral(":/sql") + sub);
            for (const QString &name : source.entryList({QStringLiteral("0*.sql")}, QDir::Files, QDir::Name)) {
                if (name.left(3).toInt() <= previous && !QFile::copy(source.filePath(name), folder + sub + u'/' + name))
                    return false;
            }
        }
        return true;
    }

private slots:
    void anUpgradedClinicIndexesNewPatientsAsBefore()
    {
        QTemporaryDir dir;
        const QString scripts = dir.filePath(QStringLiteral("sql"));
        constexpr int previous = 13;
        QVERIFY(scriptsUpTo(previous, scripts));
        const bool onServer = test::testEngine() == test::TestEngine::PostgreSql;
        const QList<Patient> patients = samples();

        // A clinic of that version holding the patients, and its index as that version wrote it.
        QString location;
        QString serverDatabase;
        QStringList before;
        if (onServer) {
            const auto address = test::TestServer::address();
            QVERIFY(address.ok());
            serverDatabase = test::TestServer::uniqueDatabaseName();
            QVERIFY(test::TestServer::createDatabase(serverDatabase).ok());
            location = address.value().withDatabase(serverDatabase).toUri();
            {
                QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("previous"));
                raw.setHostName(address.value().host());
                if (address.value().port() > 0)
                    raw.setPort(address.value().port());
                raw.setDatabaseName(serverDatabase);
                raw.setUserName(address.value().user());
                raw.setPassword(address.value().password());
                raw.setConnectOptions(address.value().driverOptions());
                QVERIFY2(raw.open(), qPrintable(raw.lastError().text()));
                const QDir folder(scripts + QStringLiteral("/postgresql"));
                for (const QString &name : folder.entryList(QDir::Files, QDir::Name)) {
                    QFile file(folder.filePath(name));
                    QVERIFY(file.open(QIODevice::ReadOnly));
                    QSqlQuery query(raw);
                    QVERIFY2(query.exec(QString::fromUtf8(file.readAll())), qPrintable(query.lastError().text()));
                }
                QSqlQuery stamp(raw);
                QVERIFY(stamp.exec(QStringLiteral("UPDATE dermdesk_schema SET version = %1").arg(previous)));
                QVERIFY(insertPlainly(raw, patients));
                QVERIFY(renamePlainly(raw, 3));
                before = indexRows(raw, true, QStringLiteral("id"));
                raw.close();
            }
            QSqlDatabase::removeDatabase(QStringLiteral("previous"));
        } else {
            location = dir.filePath(QStringLiteral("clinic.dermdesk"));
            Database::Options old;
            old.migrationsFolder = scripts;
            auto opened = Database::open(location, old);
            QVERIFY(opened.ok());
            QCOMPARE(opened.value()->schemaVersion(), previous);
            QVERIFY(insertPlainly(opened.value()->connection(), patients));
            QVERIFY(renamePlainly(opened.value()->connection(), 3));
            before = indexRows(opened.value()->connection(), false, QStringLiteral("rowid"));
        }
        QCOMPARE(before.size(), patients.size());

        {
            auto upgraded = Database::open(location);
            QVERIFY2(upgraded.ok(), qPrintable(upgraded.ok() ? QString() : upgraded.error().message()));
            Database &database = *upgraded.value();
            QCOMPARE(database.schemaVersion(), Database::latestSchemaVersion());
            QVERIFY(database.schemaVersion() > previous);
            const QString key = database.engine().textKey(QStringLiteral("s"));
            QCOMPARE(indexRows(database.connection(), onServer, key), before);

            // The same patients again: one on its own, the rest imported together.
            test::FakeClock clock;
            PatientRepository repository(database, clock);
            QVERIFY(repository.add(patients.first()).ok());
            const auto imported = repository.addAll(patients.mid(1), QStringLiteral("import"));
            QVERIFY2(imported.ok(), qPrintable(imported.ok() ? QString() : imported.error().message()));
            QVERIFY(renamePlainly(database.connection(), imported.value().at(1)));
            const QStringList after = indexRows(database.connection(), onServer, key);
            QCOMPARE(after.size(), 2 * patients.size());
            QCOMPARE(after.mid(patients.size()), before);

            // Both copies are found the way a receptionist types.
            for (const QString &typed :
                 {QStringLiteral("renee dub"), QStringLiteral("zoe"), QStringLiteral("unal"), QStringLiteral("ørjan"),
                  QStringLiteral("щукина"), QStringLiteral("brien"), QStringLiteral("4930"), QStringLiteral("0612")}) {
                const auto found = repository.search(typed, 10);
                QVERIFY2(found.ok(), qPrintable(typed));
                QVERIFY2(found.value().size() >= 2, qPrintable(typed));
            }
        }
        if (onServer)
            QVERIFY(test::TestServer::dropDatabase(serverDatabase).ok());
    }
};

QTEST_GUILESS_MAIN(TestSearchMigration)
#include "tst_searchmigration.moc"
