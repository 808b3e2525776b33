#include "TempDatabase.h"

#include "TestServer.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QtTest>

namespace dermdesk::test {

TempDatabase::TempDatabase()
{
    if (!m_folder.isValid()) {
        qWarning("TempDatabase: no temporary folder: %s", qPrintable(m_folder.errorString()));
        return;
    }
    if (testEngine() == TestEngine::Sqlite) {
        m_location = m_folder.filePath(QStringLiteral("clinic.dermdesk"));
    } else {
        const auto server = TestServer::address();
        const auto templateName = server ? TestServer::migratedTemplate() : Result<QString>(server.error());
        if (!templateName) {
            qWarning("TempDatabase: %s", qPrintable(templateName.error().message()));
            return;
        }
        const QString name = TestServer::uniqueDatabaseName();
        if (auto created = TestServer::createDatabase(name, templateName.value()); !created) {
            qWarning("TempDatabase: %s", qPrintable(created.error().message()));
            return;
        }
        m_serverDatabase = name;
        m_location = server.value().withDatabase(name).toUri();
    }
    auto opened = Database::open(m_location);
    if (opened)
        m_database = std::move(opened).value();
    else
        qWarning("TempDatabase: %s", qPrintable(opened.error().message()));
}

TempDatabase::~TempDatabase()
{
    m_database.reset();
    if (m_serverDatabase.isEmpty())
        return;
    if (auto dropped = TestServer::dropDatabase(m_serverDatabase); !dropped)
        qWarning("TempDatabase: %s", qPrintable(dropped.error().message()));
}

QVariant TempDatabase::scalar(const QString &sql)
{
    QSqlQuery query(m_database->connection());
    if (!query.exec(sql) || !query.next()) {
        qWarning("TempDatabase::scalar: %s: %s", qPrintable(sql), qPrintable(query.lastError().text()));
        return {};
    }
    return query.value(0);
}

bool TempDatabase::seedMinimalClinic()
{
    QSqlQuery query(m_database->connection());
    const QStringList statements = {
        QStringLiteral("INSERT INTO clinic_settings (id, name, time_zone, created_at) VALUES (1, 'Test Clinic', "
                       "'America/New_York', 0)"),
        QStringLiteral("INSERT INTO practitioner (id, display_name, title) VALUES (1, 'Dr. Connie Hiers', 'MD')"),
        QStringLiteral("INSERT INTO room (id, name) VALUES (1, 'Room 1')"),
        QStringLiteral("INSERT INTO appointment_type (id, name, duration_min, cleanup_min, is_treatment) "
                       "VALUES (1, 'Microneedling face', 60, 10, 1)"),
        QStringLiteral("INSERT INTO patient (id, given_name, family_name, birth_date, created_at, updated_at) "
                       "VALUES (1, 'Joanna', 'Smith', '1988-04-02', 0, 0)"),
        QStringLiteral("INSERT INTO patient (id, given_name, family_name, birth_date, created_at, updated_at) "
                       "VALUES (2, 'Jürgen', 'Müller', '1975-12-30', 0, 0)"),
    };
    for (const QString &statement : statements) {
        if (!query.exec(statement)) {
            qWarning("seedMinimalClinic: %s", qPrintable(query.lastError().text()));
            return false;
        }
    }
    return continueIds(*m_database);
}

bool TempDatabase::continueIds(Database &database)
{
    if (database.engine().kind() != StorageEngine::Kind::PostgreSql)
        return true;
    // The schema's own function for clinics copied with their ids (resources/sql/postgresql/001_initial.sql).
    QSqlQuery query(database.connection());
    if (!query.exec(QStringLiteral("SELECT dermdesk_reset_identities()"))) {
        qWarning("TempDatabase::continueIds: %s", qPrintable(query.lastError().text()));
        return false;
    }
    return true;
}

} // namespace dermdesk::test
