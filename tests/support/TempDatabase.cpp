#include "TempDatabase.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QtTest>

namespace dermdesk::test {

TempDatabase::TempDatabase()
{
    if (!m_folder.isValid())
        return;
    auto opened = Database::open(path());
    if (opened)
        m_database = std::move(opened).value();
    else
        qWarning("TempDatabase: %s", qPrintable(opened.error().message()));
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
    return true;
}

} // namespace dermdesk::test
