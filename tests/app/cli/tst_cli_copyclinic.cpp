#include "CliRun.h"
#include "SqlRows.h"
#include "storage/Database.h"
#include "storage/ServerAddress.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

using namespace dermdesk;
using namespace dermdesk::test;

namespace {

const QString serverVariable = QStringLiteral("DERMDESK_TEST_SERVER");

// Every table of the clinic file at `path` (its text index included), each as its rows written out and sorted.
QMap<QString, QStringList> tablesOf(const QString &path)
{
    QMap<QString, QStringList> tables;
    Database::Options options;
    options.createIfMissing = false;
    options.readOnly = true;
    auto opened = Database::open(path, options);
    if (!opened) {
        qWarning("%s: %s", qPrintable(path), qPrintable(opened.error().message()));
        return tables;
    }
    const auto names = opened.value()->engine().tables();
    for (const QString &table : names.value()) {
        QStringList lines;
        for (const QVariantList &row : rows(*opened.value(), QStringLiteral("SELECT * FROM \"%1\"").arg(table))) {
            QStringList values;
            for (const QVariant &value : row)
                values.append(value.isNull() ? QStringLiteral("NULL") : value.toString());
            lines.append(values.join(QLatin1Char('|')));
        }
        lines.sort();
        tables.insert(table, lines);
    }
    return tables;
}

qint64 largestId(const QString &path, const QString &table)
{
    auto opened = Database::open(path);
    return opened ? scalar(*opened.value(), QStringLiteral("SELECT max(id) FROM %1").arg(table)) : -1;
}

// A connection to the test server's database `database` (the server's own when empty), as the superuser.
QSqlDatabase serverConnection(const QString &name, const QString &database = QString())
{
    const auto parsed = ServerAddress::parse(qEnvironmentVariable(qPrintable(serverVariable)));
    if (!parsed)
        return {};
    const ServerAddress address = database.isEmpty() ? parsed.value() : parsed.value().withDatabase(database);
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
    db.setHostName(address.host());
    if (address.port() > 0)
        db.setPort(address.port());
    db.setDatabaseName(address.database());
    db.setUserName(address.user());
    db.setPassword(address.password());
    db.setConnectOptions(address.driverOptions());
    db.open();
    return db;
}

} // namespace

// copy-clinic: a clinic copied into a new file or an empty database on a server holds every row of every table with
// its id, is proven by the report, and answers every command as the original does; a target that holds anything is
// refused with nothing written.
class TestCliCopyClinic : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_clinic;
    QString m_busiestDay;
    QString m_openPlan;
    mutable int m_answered = 0;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    // The commands a desk reads the clinic with, each as its JSON output on `database`: the agenda of the clinic's
    // busiest day and of tomorrow, patient searches by name and phone digits, free slots next week, the recall list,
    // a patient, an open plan's proposed sessions; then the files a desk exports: a patient's record and the patient
    // list.
    QStringList answers(const QString &database) const
    {
        const QDate today = QDate::currentDate();
        const QList<QStringList> commands{
            {QStringLiteral("agenda"), QStringLiteral("--date"), m_busiestDay},
            {QStringLiteral("agenda"), QStringLiteral("--date"), today.addDays(1).toString(Qt::ISODate)},
            {QStringLiteral("patient"), QStringLiteral("search"), QStringLiteral("an")},
            {QStringLiteral("patient"), QStringLiteral("search"), QStringLiteral("770")},
            {QStringLiteral("find-slots"), QStringLiteral("--type"), QStringLiteral("2"), QStringLiteral("--from"),
             today.addDays(1).toString(Qt::ISODate), QStringLiteral("--to"), today.addDays(8).toString(Qt::ISODate),
             QStringLiteral("--count"), QStringLiteral("8")},
            {QStringLiteral("recall"), QStringLiteral("--date"), today.toString(Qt::ISODate)},
            {QStringLiteral("recall"), QStringLiteral("--date"), today.addDays(40).toString(Qt::ISODate)},
            {QStringLiteral("patient"), QStringLiteral("show"), QStringLiteral("3")},
            {QStringLiteral("plan"), QStringLiteral("propose"), m_openPlan},
        };
        QStringList printed;
        for (QStringList command : commands) {
            command.append(QStringLiteral("--json"));
            const CliRun run = CliRun::run(database, command);
            printed.append(
                QStringLiteral("%1 -> %2 %3").arg(command.join(QLatin1Char(' '))).arg(run.exitCode).arg(run.out));
        }
        const QList<QStringList> exports{
            {QStringLiteral("--json"), QStringLiteral("patient"), QStringLiteral("export"), QStringLiteral("3")},
            {QStringLiteral("patient"), QStringLiteral("list-csv")},
        };
        for (QStringList command : exports) {
            const QString output = path(QStringLiteral("answer-%1").arg(++m_answered));
            const CliRun run = CliRun::run(database, command << QStringLiteral("-o") << output);
            QFile file(output);
            printed.append(QStringLiteral("%1 -> %2 %3")
                               .arg(command.mid(0, command.size() - 1).join(QLatin1Char(' ')))
                               .arg(run.exitCode)
                               .arg(file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : run.err));
        }
        return printed;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_clinic = path(QStringLiteral("front-desk.dermdesk"));
        const CliRun run = CliRun::run(QString(), {QStringLiteral("demo"), QStringLiteral("--output"), m_clinic,
                                                   QStringLiteral("--patients"), QStringLiteral("40"),
                                                   QStringLiteral("--years"), QStringLiteral("1")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        // A patient merged into another refers to a row of its own table.
        auto opened = Database::open(m_clinic);
        QVERIFY(opened);
        QSqlQuery merge(opened.value()->connection());
        QVERIFY2(merge.exec(QStringLiteral("UPDATE patient SET merged_into_id = 3, archived = 1 WHERE id = 1")),
                 qPrintable(merge.lastError().text()));
        QVERIFY(merge.exec(QStringLiteral("SELECT date(starts_at, 'unixepoch') FROM appointment GROUP BY 1 "
                                          "ORDER BY count(*) DESC, 1 LIMIT 1")));
        QVERIFY(merge.next());
        m_busiestDay = merge.value(0).toString();
        QVERIFY(merge.exec(QStringLiteral("SELECT min(id) FROM treatment_plan WHERE status = 'active'")));
        QVERIFY(merge.next());
        m_openPlan = merge.value(0).toString();
    }

    void aFileCopyHoldsEveryRowOfEveryTable()
    {
        const QString copy = path(QStringLiteral("copy.dermdesk"));
        const CliRun run = CliRun::run(m_clinic, {QStringLiteral("copy-clinic"), QStringLiteral("--to"), copy,
                                                  QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QJsonObject report = run.json();
        QCOMPARE(report.value(QStringLiteral("target")).toString(), copy);
        const QJsonArray tables = report.value(QStringLiteral("tables")).toArray();
        const QMap<QString, QStringList> original = tablesOf(m_clinic);
        QCOMPARE(tables.size(), original.size());
        qint64 total = 0;
        for (const QJsonValue &value : tables) {
            const QJsonObject table = value.toObject();
            const QString name = table.value(QStringLiteral("table")).toString();
            QVERIFY2(table.value(QStringLiteral("matches")).toBool(), qPrintable(name));
            QCOMPARE(table.value(QStringLiteral("rows")).toInteger(), qint64(original.value(name).size()));
            if (!table.value(QStringLiteral("rebuilt")).toBool()) {
                QCOMPARE(table.value(QStringLiteral("checksum")).toString().size(), 64);
                total += table.value(QStringLiteral("rows")).toInteger();
            }
        }
        QCOMPARE(report.value(QStringLiteral("rows")).toInteger(), total);
        QVERIFY(original.value(QStringLiteral("audit_log")).size() > 0);

        const QMap<QString, QStringList> copied = tablesOf(copy);
        QCOMPARE(copied.keys(), original.keys());
        for (auto table = original.cbegin(); table != original.cend(); ++table)
            QVERIFY2(copied.value(table.key()) == table.value(), qPrintable(table.key()));
        QCOMPARE(QFile::permissions(copy) & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
                 QFileDevice::Permissions());
        const QStringList expected = answers(m_clinic);
        QVERIFY2(expected.at(0).contains(QStringLiteral("\"patient_id\"")), qPrintable(expected.at(0)));
        QVERIFY2(expected.at(4).contains(QStringLiteral("\"practitioner_id\"")), qPrintable(expected.at(4)));
        QCOMPARE(answers(copy), expected);
    }

    void theCopyGoesOnWithNewIdsAndKeepsItsRules()
    {
        const QString copy = path(QStringLiteral("working-copy.dermdesk"));
        CliRun run = CliRun::run(m_clinic, {QStringLiteral("copy-clinic"), QStringLiteral("--to"), copy});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(QStringLiteral("every table's row count and checksum match")), qPrintable(run.out));
        const qint64 last = largestId(copy, QStringLiteral("patient"));
        run =
            CliRun::run(copy, {QStringLiteral("patient"), QStringLiteral("add"), QStringLiteral("--given"),
                               QStringLiteral("Ines"), QStringLiteral("--family"), QStringLiteral("Okafor"),
                               QStringLiteral("--birth-date"), QStringLiteral("1990-04-02"), QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(run.json().value(QStringLiteral("id")).toInteger(), last + 1);
        auto opened = Database::open(copy);
        QVERIFY(opened);
        QSqlQuery erase(opened.value()->connection());
        QVERIFY(!erase.exec(QStringLiteral("DELETE FROM audit_log")));
        QVERIFY(!erase.exec(QStringLiteral("DELETE FROM education_template_version")));
    }

    void anExistingFileIsRefusedAndLeftAsItWas()
    {
        const QString existing = path(QStringLiteral("existing.dermdesk"));
        QFile file(existing);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("notes of the day");
        file.close();
        const CliRun run = CliRun::run(m_clinic, {QStringLiteral("copy-clinic"), QStringLiteral("--to"), existing});
        QCOMPARE(run.exitCode, 5);
        QVERIFY2(run.err.contains(QStringLiteral("already exists")), qPrintable(run.err));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("notes of the day"));

        const CliRun missing = CliRun::run(m_clinic, {QStringLiteral("copy-clinic")});
        QCOMPARE(missing.exitCode, 2);
        QVERIFY2(missing.err.contains(QStringLiteral("--to")), qPrintable(missing.err));
    }

    void aServerCopyRoundTripsIdentically()
    {
        if (qEnvironmentVariableIsEmpty(qPrintable(serverVariable)))
            QFAIL("DERMDESK_TEST_SERVER names no PostgreSQL test server");
        const QString name = QStringLiteral("copyclinic_%1").arg(QUuid::createUuid().toString(QUuid::Id128).left(12));
        {
            QSqlDatabase admin = serverConnection(QStringLiteral("copyclinic-admin"));
            QVERIFY2(admin.isOpen(), qPrintable(admin.lastError().text()));
            QSqlQuery create(admin);
            QVERIFY2(create.exec(QStringLiteral("CREATE DATABASE %1").arg(name)),
                     qPrintable(create.lastError().text()));
        }
        const auto address = ServerAddress::parse(qEnvironmentVariable(qPrintable(serverVariable)));
        QVERIFY(address);
        const QString server = address.value().withDatabase(name).toUri();

        CliRun run = CliRun::run(m_clinic, {QStringLiteral("copy-clinic"), QStringLiteral("--to"), server,
                                            QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err + run.out));
        for (const QJsonValue &table : run.json().value(QStringLiteral("tables")).toArray())
            QVERIFY2(table.toObject().value(QStringLiteral("matches")).toBool(), qPrintable(run.out));
        QCOMPARE(answers(server), answers(m_clinic));

        // The server's clinic now holds a clinic: a second copy is refused and writes nothing.
        const qint64 patients = tablesOf(m_clinic).value(QStringLiteral("patient")).size();
        run = CliRun::run(m_clinic, {QStringLiteral("copy-clinic"), QStringLiteral("--to"), server});
        QCOMPARE(run.exitCode, 5);
        QVERIFY2(run.err.contains(QStringLiteral("already holds a clinic")), qPrintable(run.err));

        const QString back = path(QStringLiteral("offline.dermdesk"));
        run = CliRun::run(server, {QStringLiteral("copy-clinic"), QStringLiteral("--to"), back});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QMap<QString, QStringList> original = tablesOf(m_clinic);
        const QMap<QString, QStringList> returned = tablesOf(back);
        QCOMPARE(returned.keys(), original.keys());
        for (auto table = original.cbegin(); table != original.cend(); ++table)
            QVERIFY2(returned.value(table.key()) == table.value(), qPrintable(table.key()));
        QCOMPARE(returned.value(QStringLiteral("patient")).size(), patients);

        // New rows on the server take ids after the copied ones.
        run = CliRun::run(server,
                          {QStringLiteral("patient"), QStringLiteral("add"), QStringLiteral("--given"),
                           QStringLiteral("Ines"), QStringLiteral("--family"), QStringLiteral("Okafor"),
                           QStringLiteral("--birth-date"), QStringLiteral("1990-04-02"), QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(run.json().value(QStringLiteral("id")).toInteger(),
                 largestId(m_clinic, QStringLiteral("patient")) + 1);

        QSqlDatabase::removeDatabase(QStringLiteral("copyclinic-admin"));
        QSqlDatabase admin = serverConnection(QStringLiteral("copyclinic-drop"));
        QSqlQuery drop(admin);
        QVERIFY2(drop.exec(QStringLiteral("DROP DATABASE %1 WITH (FORCE)").arg(name)),
                 qPrintable(drop.lastError().text()));
    }
};

QTEST_GUILESS_MAIN(TestCliCopyClinic)
#include "tst_cli_copyclinic.moc"
