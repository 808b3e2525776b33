#include "TempDatabase.h"
#include "storage/PostgresTextSearch.h"
#include "storage/ServerAddress.h"
#include "storage/StorageEngine.h"
#include "storage/TextQuery.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QtTest>

using namespace dermdesk;

Q_DECLARE_METATYPE(dermdesk::TextQuery)

namespace {

using Extent = TextQuery::Extent;

const QStringList names{QStringLiteral("names")};
const QStringList namesOrEmail{QStringLiteral("names"), QStringLiteral("email")};
const QStringList phones{QStringLiteral("phones")};
const QStringList birth{QStringLiteral("birth")};
const QStringList email{QStringLiteral("email")};

// The patients both engines hold: name words with accents, hyphens and apostrophes, phone numbers with and
// without a country code, birth dates and email addresses. Ids 1..n in this order.
const QStringList patientRows{
    QStringLiteral("'Anna', 'Müller', '', '1980-02-03', '+41 79 123 45 67', '', 'anna.mueller@example.com'"),
    QStringLiteral("'José', 'García', 'Pepe', NULL, '(555) 123-4567', '', 'jg@mail.es'"),
    QStringLiteral("'Zoë', 'de Vries', '', '1990-12-31', '', '0044 20 7946 0958', 'zoe@vries.org'"),
    QStringLiteral("'Jean-Luc', 'O''Brien', '', '1975-07-14', '06 12 34 56 78', '', 'jl.obrien@clinic.co.uk'"),
    QStringLiteral("'Søren', 'Ørsted', '', NULL, '', '', ''"),
    QStringLiteral("'Jürgen', 'Straße', 'Jürg', '2001-01-01', '', '', 'j.strasse@example.com'"),
    QStringLiteral("'Anneliese', 'Mullins', '', '1980-02-03', '+1 555 123 4567', '', ''"),
};

} // namespace

// PostgreSQL's text search as the patient search uses it: the words of a query folded and split as the index
// stores them, user text that can never become query syntax, and, on a server (DERMDESK_TEST_SERVER), the same
// patients found as on SQLite for the same data and the same query.
class TestPostgresTextSearch : public QObject
{
    Q_OBJECT

private:
    QString m_connection;
    QString m_scratchDatabase;
    ServerAddress m_server;

    // The ids of patient_search (named s) on `db` matching `condition` with `pattern` bound, in order.
    static QList<qint64> matches(const QSqlDatabase &db, const QString &key, const QString &condition,
                                 const QVariant &pattern)
    {
        QSqlQuery sql(db);
        sql.prepare(QStringLiteral("SELECT %1 FROM patient_search s WHERE %2 ORDER BY 1").arg(key, condition));
        sql.addBindValue(pattern);
        QList<qint64> ids;
        if (!sql.exec())
            qWarning("%s", qPrintable(sql.lastError().text()));
        while (sql.next())
            ids.append(sql.value(0).toLongLong());
        return ids;
    }

    QList<qint64> serverMatches(const TextQuery &query) const
    {
        return matches(QSqlDatabase::database(m_connection), PostgresTextSearch::textKey(QStringLiteral("s")),
                       PostgresTextSearch::textCondition(QStringLiteral("patient_search"), QStringLiteral("s")),
                       PostgresTextSearch::textPattern(query));
    }

    // The ids `database`'s own engine finds for `query`, in order.
    static QList<qint64> engineMatches(const Database &database, const TextQuery &query)
    {
        const StorageEngine &engine = database.engine();
        return matches(database.connection(), engine.textKey(QStringLiteral("s")),
                       engine.textCondition(QStringLiteral("patient_search"), QStringLiteral("s")),
                       engine.textPattern(query));
    }

    // A QPSQL connection named `name` to `at`.
    static QSqlDatabase connected(const QString &name, const ServerAddress &at)
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(at.host());
        if (at.port() > 0)
            db.setPort(at.port());
        db.setDatabaseName(at.database());
        db.setUserName(at.user());
        db.setPassword(at.password());
        db.setConnectOptions(at.driverOptions());
        db.open();
        return db;
    }

    static bool execAll(QSqlDatabase db, const QStringList &statements)
    {
        QSqlQuery query(db);
        for (const QString &statement : statements) {
            if (!query.exec(statement)) {
                qWarning("%s: %s", qPrintable(statement.left(200)), qPrintable(query.lastError().text()));
                return false;
            }
        }
        return true;
    }

    static QString patientInsert(const QString &values)
    {
        return QStringLiteral("INSERT INTO patient (given_name, family_name, preferred_name, birth_date, phone, "
                              "phone_home, email, created_at, updated_at) VALUES (%1, 0, 0)")
            .arg(values);
    }

private slots:
    void initTestCase()
    {
        const QString server = qEnvironmentVariable("DERMDESK_TEST_SERVER");
        if (server.isEmpty())
            return;
        auto address = ServerAddress::parse(server);
        QVERIFY2(address, qPrintable(address ? QString() : address.error().message()));
        m_server = address.value();
        m_scratchDatabase = QStringLiteral("dermdesk_textsearch_%1").arg(QCoreApplication::applicationPid());

        {
            QSqlDatabase admin = connected(QStringLiteral("admin"), m_server);
            QVERIFY2(admin.isOpen(), qPrintable(admin.lastError().text()));
            QVERIFY(execAll(admin, {QStringLiteral("DROP DATABASE IF EXISTS %1").arg(m_scratchDatabase),
                                    QStringLiteral("CREATE DATABASE %1").arg(m_scratchDatabase),
                                    QStringLiteral("DROP DATABASE IF EXISTS %1_opened").arg(m_scratchDatabase),
                                    QStringLiteral("CREATE DATABASE %1_opened").arg(m_scratchDatabase)}));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("admin"));

        m_connection = QStringLiteral("scratch");
        QSqlDatabase db = connected(m_connection, m_server.withDatabase(m_scratchDatabase));
        QVERIFY2(db.isOpen(), qPrintable(db.lastError().text()));
        const QStringList scripts =
            QDir(QStringLiteral(":/sql/postgresql")).entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
        QCOMPARE(scripts.size(), Database::latestSchemaVersion());
        for (const QString &script : scripts) {
            QFile file(QStringLiteral(":/sql/postgresql/") + script);
            QVERIFY(file.open(QIODevice::ReadOnly));
            // The whole script at once: the server splits it (a test of the schema, not of the engine's splitter).
            QVERIFY2(execAll(db, {QString::fromUtf8(file.readAll())}), qPrintable(script));
        }
        QStringList inserts;
        for (const QString &row : patientRows)
            inserts.append(patientInsert(row));
        QVERIFY(execAll(db, inserts));
    }

    void cleanupTestCase()
    {
        if (m_connection.isEmpty())
            return;
        QSqlDatabase::database(m_connection).close();
        QSqlDatabase::removeDatabase(m_connection);
        {
            QSqlDatabase admin = connected(QStringLiteral("admin"), m_server);
            if (admin.isOpen())
                execAll(admin, {QStringLiteral("DROP DATABASE IF EXISTS %1").arg(m_scratchDatabase),
                                QStringLiteral("DROP DATABASE IF EXISTS %1_opened").arg(m_scratchDatabase)});
        }
        QSqlDatabase::removeDatabase(QStringLiteral("admin"));
    }

    void wordsAreFoldedAndSplitAsTheIndexStoresThem()
    {
        QCOMPARE(PostgresTextSearch::words(QStringLiteral("Müller-Lüdenscheidt")),
                 (QStringList{QStringLiteral("muller"), QStringLiteral("ludenscheidt")}));
        QCOMPARE(PostgresTextSearch::words(QStringLiteral("anna.mueller@example.com")),
                 (QStringList{QStringLiteral("anna"), QStringLiteral("mueller"), QStringLiteral("example"),
                              QStringLiteral("com")}));
        QCOMPARE(PostgresTextSearch::words(QStringLiteral("O’Brien  José")),
                 (QStringList{QStringLiteral("o"), QStringLiteral("brien"), QStringLiteral("jose")}));
        // As FTS5's remove_diacritics: Latin letters lose their accents, ß and ø stay, other scripts keep theirs.
        QCOMPARE(PostgresTextSearch::words(QStringLiteral("Straße Ørsted Ωμέγα")),
                 (QStringList{QStringLiteral("straße"), QStringLiteral("ørsted"), QStringLiteral("ωμέγα")}));
        QCOMPARE(PostgresTextSearch::words(QStringLiteral("+41 (79) 123")),
                 (QStringList{QStringLiteral("41"), QStringLiteral("79"), QStringLiteral("123")}));
        QVERIFY(PostgresTextSearch::words(QStringLiteral(" -@- ")).isEmpty());
    }

    void patternsNameTheirColumnsAndQuoteEveryWord()
    {
        QCOMPARE(PostgresTextSearch::textPattern(TextQuery::word(names, QStringLiteral("Mül"), Extent::WordStart)),
                 QVariant(QStringLiteral("'names.mul*'")));
        QCOMPARE(PostgresTextSearch::textPattern(TextQuery::word(names, QStringLiteral("Müll"), Extent::WordStart)),
                 QVariant(QStringLiteral("'names.mull':*")));
        QCOMPARE(PostgresTextSearch::textPattern(
                     TextQuery::word(namesOrEmail, QStringLiteral("Jean-Luc"), Extent::WholeWord)),
                 QVariant(QStringLiteral("('names.jean' <-> 'names.luc') | ('email.jean' <-> 'email.luc')")));
        const TextQuery anna = TextQuery::word(names, QStringLiteral("anna"), Extent::WholeWord);
        const TextQuery born = TextQuery::word(birth, QStringLiteral("19800203"), Extent::WholeWord);
        QCOMPARE(PostgresTextSearch::textPattern(TextQuery::allOf({anna, born}).butNot(anna)),
                 QVariant(QStringLiteral("(('names.anna') & ('birth.19800203')) & !('names.anna')")));
        QCOMPARE(PostgresTextSearch::textPattern(TextQuery::anyOf({anna, born})),
                 QVariant(QStringLiteral("('names.anna') | ('birth.19800203')")));
        // Quotes, backslashes and operators typed by a person are separators, never syntax.
        QCOMPARE(PostgresTextSearch::textPattern(
                     TextQuery::word(names, QStringLiteral("x' | 'y\\ & !z:*"), Extent::WholeWord)),
                 QVariant(QStringLiteral("'names.x' <-> 'names.y' <-> 'names.z'")));
        // Nothing to look for finds nothing.
        QCOMPARE(PostgresTextSearch::textPattern(TextQuery()), QVariant(QStringLiteral("'.'")));
        QCOMPARE(PostgresTextSearch::textPattern(TextQuery::word(names, QStringLiteral("--"), Extent::WordStart)),
                 QVariant(QStringLiteral("'.'")));
        QCOMPARE(PostgresTextSearch::textCondition(QStringLiteral("patient_search"), QStringLiteral("s")),
                 QStringLiteral("s.terms @@ CAST(? AS tsquery)"));
        QCOMPARE(PostgresTextSearch::textKey(QStringLiteral("s")), QStringLiteral("(s.id + 0)"));
    }

    void theServerFindsThePatientsTheFileFinds_data()
    {
        QTest::addColumn<TextQuery>("query");
        QTest::addColumn<QList<qint64>>("expected");
        const auto word = [](const QStringList &columns, const char *text, Extent extent) {
            return TextQuery::word(columns, QString::fromUtf8(text), extent);
        };
        QTest::newRow("accent folded prefix") << word(namesOrEmail, "mull", Extent::WordStart) << QList<qint64>{1, 7};
        QTest::newRow("accented query") << word(names, "MÜLLER", Extent::WholeWord) << QList<qint64>{1};
        QTest::newRow("short word start") << word(namesOrEmail, "mü", Extent::WordStart) << QList<qint64>{1, 7};
        QTest::newRow("one letter") << word(names, "J", Extent::WordStart) << QList<qint64>{2, 4, 6};
        QTest::newRow("whole word only") << word(names, "mull", Extent::WholeWord) << QList<qint64>{};
        QTest::newRow("any word order") << TextQuery::allOf(
            {word(names, "vries", Extent::WordStart), word(names, "de", Extent::WordStart)})
                                        << QList<qint64>{3};
        QTest::newRow("preferred name") << word(names, "pepe", Extent::WholeWord) << QList<qint64>{2};
        QTest::newRow("hyphenated name") << word(names, "jean-lu", Extent::WordStart) << QList<qint64>{4};
        QTest::newRow("apostrophe") << word(names, "o'brien", Extent::WholeWord) << QList<qint64>{4};
        QTest::newRow("sharp s kept") << word(names, "straß", Extent::WordStart) << QList<qint64>{6};
        QTest::newRow("sharp s not ss") << word(names, "strasse", Extent::WholeWord) << QList<qint64>{};
        QTest::newRow("o stroke") << word(names, "ørs", Extent::WordStart) << QList<qint64>{5};
        QTest::newRow("phone with country code") << word(phones, "41791234567", Extent::WholeWord) << QList<qint64>{1};
        QTest::newRow("phone without country code")
            << word(phones, "1791234567", Extent::WholeWord) << QList<qint64>{1};
        QTest::newRow("phone prefix") << word(phones, "555123", Extent::WordStart) << QList<qint64>{2, 7};
        QTest::newRow("home phone") << word(phones, "2079460958", Extent::WholeWord) << QList<qint64>{3};
        QTest::newRow("birth date") << word(birth, "19800203", Extent::WholeWord) << QList<qint64>{1, 7};
        QTest::newRow("email address") << word(email, "anna.mueller@example.com", Extent::WordStart)
                                       << QList<qint64>{1};
        QTest::newRow("email part") << word(email, "mueller@exa", Extent::WordStart) << QList<qint64>{1};
        QTest::newRow("email host") << word(email, "example", Extent::WholeWord) << QList<qint64>{1, 6};
        QTest::newRow("email words in order only") << word(email, "example.anna", Extent::WholeWord) << QList<qint64>{};
        QTest::newRow("name words in email") << word(namesOrEmail, "clinic", Extent::WordStart) << QList<qint64>{4};
        QTest::newRow("but not")
            << word(namesOrEmail, "an", Extent::WordStart).butNot(word(names, "anna", Extent::WholeWord))
            << QList<qint64>{7};
        QTest::newRow("any of") << TextQuery::anyOf(
            {word(names, "jose", Extent::WholeWord), word(names, "søren", Extent::WholeWord)})
                                << QList<qint64>{2, 5};
        QTest::newRow("operators typed") << word(namesOrEmail, "anna\" OR \"jose' | 'x", Extent::WordStart)
                                         << QList<qint64>{};
    }

    void theServerFindsThePatientsTheFileFinds()
    {
        if (m_connection.isEmpty())
            QFAIL("DERMDESK_TEST_SERVER is not set: no PostgreSQL server to compare with (packaging/dev.sh test "
                  "starts one)");
        QFETCH(TextQuery, query);
        QFETCH(QList<qint64>, expected);
        test::TempDatabase file;
        QVERIFY(file.isValid());
        QSqlQuery insert(file.database().connection());
        for (const QString &row : patientRows)
            QVERIFY2(insert.exec(patientInsert(row)), qPrintable(insert.lastError().text()));
        QCOMPARE(engineMatches(file.database(), query), expected);
        QCOMPARE(serverMatches(query), expected);
    }

    void aClinicSetUpOnTheServerSearchesThroughItsEngine()
    {
        if (m_connection.isEmpty())
            QFAIL("DERMDESK_TEST_SERVER is not set: no PostgreSQL server to set a clinic up on");
        const QString address = m_server.withDatabase(m_scratchDatabase + QStringLiteral("_opened")).toUri();
        auto opened = Database::open(address);
        QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().message()));
        const Database &database = *opened.value();
        const auto stamp = database.engine().schemaStamp();
        QVERIFY(stamp);
        QCOMPARE(stamp.value().version, Database::latestSchemaVersion());
        QSqlQuery insert(database.connection());
        for (const QString &row : patientRows)
            QVERIFY2(insert.exec(patientInsert(row)), qPrintable(insert.lastError().text()));
        QCOMPARE(engineMatches(database, TextQuery::word(namesOrEmail, QStringLiteral("mül"), Extent::WordStart)),
                 (QList<qint64>{1, 7}));
        QCOMPARE(engineMatches(database, TextQuery::word(phones, QStringLiteral("1791234567"), Extent::WholeWord)),
                 QList<qint64>{1});
    }

    void aRebuildRefillsTheServerIndexFolded()
    {
        if (m_connection.isEmpty())
            QFAIL("DERMDESK_TEST_SERVER is not set: no PostgreSQL server to rebuild an index on");
        QSqlDatabase db = QSqlDatabase::database(m_connection);
        QVERIFY(execAll(db, {QStringLiteral("BEGIN"), QStringLiteral("DELETE FROM patient_search")}));
        QCOMPARE(serverMatches(TextQuery::word(names, QStringLiteral("muller"), Extent::WholeWord)), QList<qint64>{});
        test::TempDatabase file; // only for an engine to map errors with
        const QStringList columns{QStringLiteral("names"), QStringLiteral("phones"),    QStringLiteral("birth"),
                                  QStringLiteral("email"), QStringLiteral("sort_name"), QStringLiteral("archived")};
        const Status rebuilt =
            PostgresTextSearch::rebuildTextIndex(file.database().engine(), db, QStringLiteral("patient_search"),
                                                 QStringLiteral("patient_search_source"), columns);
        QVERIFY2(rebuilt, qPrintable(rebuilt ? QString() : rebuilt.error().message()));
        QVERIFY(execAll(db, {QStringLiteral("COMMIT")}));
        QCOMPARE(serverMatches(TextQuery::word(names, QStringLiteral("muller"), Extent::WholeWord)), QList<qint64>{1});
        QSqlQuery stored(db);
        QVERIFY(stored.exec(QStringLiteral("SELECT names, email, sort_name FROM patient_search WHERE id = 1")));
        QVERIFY(stored.next());
        QCOMPARE(stored.value(0).toString(), QStringLiteral("anna muller"));
        QCOMPARE(stored.value(1).toString(), QStringLiteral("anna mueller example com"));
        // sort_name is lower() as SQLite's: ASCII letters only.
        QCOMPARE(stored.value(2).toString(), QStringLiteral("müller anna"));
    }
};

QTEST_GUILESS_MAIN(TestPostgresTextSearch)
#include "tst_postgrestextsearch.moc"
