#include "TempDatabase.h"
#include "storage/ChangeSource.h"
#include "storage/SqlError.h"
#include "storage/StorageEngine.h"
#include "storage/TextQuery.h"
#include "storage/Transaction.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QtTest>

#include <future>
#include <thread>

using namespace dermdesk;

// The SQLite storage engine as the rest of DermDesk uses it: write transactions that queue behind another desk's,
// ids of new rows, database refusals turned into the rule or storage problem a person acts on, notice of commits
// by other programs, and the schema facts migrations and checks read.
class TestSqliteEngine : public QObject
{
    Q_OBJECT

private:
    // Prepares an INSERT of a room named `name` on `database`'s connection.
    static QSqlQuery roomInsert(const Database &database, const QString &name, bool orIgnore = false)
    {
        QSqlQuery query(database.connection());
        query.prepare(orIgnore ? QStringLiteral("INSERT OR IGNORE INTO room (name) VALUES (?)")
                               : QStringLiteral("INSERT INTO room (name) VALUES (?)"));
        query.addBindValue(name);
        return query;
    }

    // Prepares an INSERT of a 10:00-11:00 appointment on 1 Dec 2026 (UTC) with practitioner 1 in room `room`.
    static QSqlQuery appointmentInsert(const Database &database, qint64 patient, const QVariant &room)
    {
        QSqlQuery query(database.connection());
        query.prepare(QStringLiteral("INSERT INTO appointment (patient_id, practitioner_id, room_id, type_id, "
                                     "starts_at, ends_at, created_at, updated_at) VALUES (?, 1, ?, 1, ?, ?, 0, 0)"));
        const qint64 start = QDateTime(QDate(2026, 12, 1), QTime(10, 0), Qt::UTC).toSecsSinceEpoch();
        query.addBindValue(patient);
        query.addBindValue(room);
        query.addBindValue(start);
        query.addBindValue(start + 3600);
        return query;
    }

private slots:
    void theClinicFileIsServedBySqlite()
    {
        test::TempDatabase temp;
        QVERIFY(temp.isValid());
        QCOMPARE(temp.database().engine().kind(), StorageEngine::Kind::Sqlite);
        QCOMPARE(temp.database().engine().name(), QStringLiteral("SQLite"));
    }

    void aWriteWaitsForAnotherDesksWriteToFinish()
    {
        test::TempDatabase temp;
        QVERIFY(temp.isValid());
        std::promise<void> holding;
        std::future<void> held = holding.get_future();
        std::promise<bool> committed;
        // Another desk (its own connection, on its own thread) takes the write lock, writes, and commits 300 ms later.
        std::thread otherDesk([path = temp.path(), &holding, &committed] {
            bool ok = false;
            {
                auto other = Database::open(path);
                if (other) {
                    const StorageEngine &engine = other.value()->engine();
                    ok = engine.beginWrite(WriteScope()).ok();
                    QSqlQuery query(other.value()->connection());
                    ok = ok && query.exec(QStringLiteral("INSERT INTO room (name) VALUES ('Room of the other desk')"));
                    holding.set_value();
                    std::this_thread::sleep_for(std::chrono::milliseconds(300));
                    ok = ok && engine.commit().ok();
                } else {
                    holding.set_value();
                }
            }
            committed.set_value(ok);
        });
        held.wait();

        QElapsedTimer waited;
        waited.start();
        const Status begun = temp.database().engine().beginWrite(WriteScope());
        const qint64 elapsed = waited.elapsed();
        otherDesk.join();
        QVERIFY(committed.get_future().get());
        QVERIFY2(begun, begun ? "" : qPrintable(begun.error().message()));
        // It waited for the other desk instead of failing, and then sees what that desk wrote.
        QVERIFY2(elapsed >= 150, qPrintable(QString::number(elapsed)));
        QCOMPARE(temp.scalar(QStringLiteral("SELECT name FROM room")).toString(),
                 QStringLiteral("Room of the other desk"));
        QVERIFY(temp.database().engine().commit());
    }

    void insertReturnsTheNewRowsId()
    {
        test::TempDatabase temp;
        const StorageEngine &engine = temp.database().engine();
        QSqlQuery first = roomInsert(temp.database(), QStringLiteral("Room A"));
        const Result<qint64> a = engine.insert(first, QStringLiteral("Saving the room"));
        QSqlQuery second = roomInsert(temp.database(), QStringLiteral("Room B"));
        const Result<qint64> b = engine.insert(second, QStringLiteral("Saving the room"));
        QVERIFY(a && b);
        QCOMPARE(a.value(), temp.scalar(QStringLiteral("SELECT id FROM room WHERE name = 'Room A'")).toLongLong());
        QCOMPARE(b.value(), temp.scalar(QStringLiteral("SELECT id FROM room WHERE name = 'Room B'")).toLongLong());
        QVERIFY(a.value() != b.value());
    }

    void aFailedInsertNeverReturnsAnEarlierId()
    {
        test::TempDatabase temp;
        const StorageEngine &engine = temp.database().engine();
        QSqlQuery first = roomInsert(temp.database(), QStringLiteral("Room A"));
        QVERIFY(engine.insert(first, QStringLiteral("Saving the room")));

        QSqlQuery duplicate = roomInsert(temp.database(), QStringLiteral("Room A"));
        const Result<qint64> refused = engine.insert(duplicate, QStringLiteral("Saving the room"));
        QVERIFY(!refused);
        QCOMPARE(refused.error().code(), QStringLiteral("input.constraint"));
        QVERIFY(refused.error().message().startsWith(QStringLiteral("Saving the room")));

        // Inserting nothing is not success either, although SQLite still reports room A as the last row inserted.
        QSqlQuery ignored = roomInsert(temp.database(), QStringLiteral("Room A"), true);
        const Result<qint64> none = engine.insert(ignored, QStringLiteral("Saving the room"));
        QVERIFY(!none);
        QCOMPARE(none.error().code(), QStringLiteral("storage.no_row"));
        QCOMPARE(temp.scalar(QStringLiteral("SELECT count(*) FROM room")).toInt(), 1);
    }

    void overlapRefusalsBecomeTheRuleTheyBreak()
    {
        test::TempDatabase temp;
        QVERIFY(temp.seedMinimalClinic());
        const StorageEngine &engine = temp.database().engine();
        QSqlQuery booked = appointmentInsert(temp.database(), 1, 1);
        QVERIFY(engine.insert(booked, QStringLiteral("Booking")));

        // The practitioner is busy whoever the patient is.
        QSqlQuery samePractitioner = appointmentInsert(temp.database(), 2, QVariant());
        const Result<qint64> refused = engine.insert(samePractitioner, QStringLiteral("Booking"));
        QVERIFY(!refused);
        QCOMPARE(refused.error().kind(), ErrorKind::Rule);
        QCOMPARE(refused.error().code(), QStringLiteral("rule.overlap.practitioner"));
        QCOMPARE(refused.error().field(), QStringLiteral("overlap.practitioner"));
        // The same error reaches repositories through sqlError().
        QCOMPARE(sqlError(samePractitioner.lastError(), QStringLiteral("Booking")).code(),
                 QStringLiteral("rule.overlap.practitioner"));
        QCOMPARE(temp.scalar(QStringLiteral("SELECT count(*) FROM appointment")).toInt(), 1);
    }

    void theAuditLogRefusesChangesAsARule()
    {
        test::TempDatabase temp;
        QSqlQuery query(temp.database().connection());
        QVERIFY(query.exec(QStringLiteral(
            "INSERT INTO audit_log (at, actor, action, entity) VALUES (1, 'desk', 'create', 'patient')")));
        QVERIFY(!query.exec(QStringLiteral("DELETE FROM audit_log")));
        const Error error = temp.database().engine().error(query.lastError(), QStringLiteral("Tidying up"));
        QCOMPARE(error.code(), QStringLiteral("rule.audit.append_only"));
        QCOMPARE(error.kind(), ErrorKind::Rule);
    }

    void aLockHeldTooLongIsAStorageProblem()
    {
        test::TempDatabase temp;
        // A second desk that waits for the write lock for 50 ms only.
        Database::Options options;
        options.busyTimeoutMs = 50;
        auto second = Database::open(temp.path(), options);
        QVERIFY(second);
        QVERIFY(temp.database().engine().beginWrite(WriteScope()));
        const Status begun = second.value()->engine().beginWrite(WriteScope());
        QVERIFY(!begun);
        QCOMPARE(begun.error().code(), QStringLiteral("storage.locked"));
        QSqlQuery theirs = roomInsert(*second.value(), QStringLiteral("Room B"));
        const Result<qint64> locked = second.value()->engine().insert(theirs, QStringLiteral("Saving the room"));
        QVERIFY(!locked);
        QCOMPARE(locked.error().code(), QStringLiteral("storage.locked"));
        QVERIFY(locked.error().message().startsWith(QStringLiteral("Saving the room")));
        temp.database().engine().rollback();
    }

    void commitsByAnotherConnectionAreNoticedOwnOnesAreNot()
    {
        test::TempDatabase temp;
        std::unique_ptr<ChangeSource> source = temp.database().engine().watchChanges(50);
        QVERIFY(source->isActive());
        QCOMPARE(source->interval(), 50);
        QSignalSpy spy(source.get(), &ChangeSource::changed);

        QSqlQuery ours = roomInsert(temp.database(), QStringLiteral("Our room"));
        QVERIFY(ours.exec());
        QVERIFY(!source->poll());
        QCOMPARE(spy.count(), 0);

        auto other = temp.reopen();
        QVERIFY(other);
        QSqlQuery theirs = roomInsert(*other.value(), QStringLiteral("Their room"));
        QVERIFY(theirs.exec());
        QTRY_COMPARE_WITH_TIMEOUT(spy.count(), 1, 2000);
        QVERIFY(!source->poll());
    }

    void theSchemaIsDermDesksAtTheLatestVersion()
    {
        test::TempDatabase temp;
        const StorageEngine &engine = temp.database().engine();
        const Result<StorageEngine::SchemaStamp> stamp = engine.schemaStamp();
        QVERIFY(stamp);
        QCOMPARE(stamp.value().applicationId, Database::applicationId);
        QCOMPARE(stamp.value().version, Database::latestSchemaVersion());
        QVERIFY(stamp.value().objects > 0);

        const Result<QStringList> tables = engine.tables();
        QVERIFY(tables);
        for (const char *table : {"appointment", "audit_log", "patient", "patient_search", "room", "treatment_plan"})
            QVERIFY2(tables.value().contains(QLatin1String(table)), table);
        for (const QString &table : tables.value()) {
            QVERIFY2(!table.startsWith(QLatin1String("sqlite_")), qPrintable(table));
            QVERIFY2(!table.startsWith(QLatin1String("patient_search_")), qPrintable(table));
        }
        QCOMPARE(engine.columns(QStringLiteral("room")).value(),
                 QStringList({QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("active"),
                              QStringLiteral("sort_order")}));
        QVERIFY(engine.columns(QStringLiteral("no_such_table")).value().isEmpty());
    }

    void scriptsSplitIntoWholeStatements()
    {
        test::TempDatabase temp;
        const QString script = QStringLiteral("-- a comment\nCREATE TABLE a (x INTEGER);\n"
                                              "CREATE TRIGGER t AFTER INSERT ON a BEGIN\n"
                                              "    UPDATE a SET x = 1;\n    SELECT 1;\nEND;\n-- trailing\n");
        const QStringList statements = temp.database().engine().scriptStatements(script);
        QCOMPARE(statements.size(), 2);
        QVERIFY(statements.at(1).startsWith(QStringLiteral("CREATE TRIGGER")));
        QVERIFY(statements.at(1).endsWith(QStringLiteral("END;")));
    }

    void textQueriesFindWhatTheySay()
    {
        test::TempDatabase temp;
        QVERIFY(temp.seedMinimalClinic());
        const StorageEngine &engine = temp.database().engine();
        const auto matching = [&](const TextQuery &text) {
            QSqlQuery query(temp.database().connection());
            query.prepare(QStringLiteral("SELECT %1 FROM patient_search s WHERE %2 ORDER BY 1")
                              .arg(engine.textKey(QStringLiteral("s")),
                                   engine.textCondition(QStringLiteral("patient_search"), QStringLiteral("s"))));
            query.addBindValue(engine.textPattern(text));
            QList<qint64> ids;
            if (!query.exec())
                qWarning("%s", qPrintable(query.lastError().text()));
            while (query.next())
                ids.append(query.value(0).toLongLong());
            return ids;
        };
        using Extent = TextQuery::Extent;
        const QStringList names{QStringLiteral("names")};
        // Joanna Smith is 1, Jürgen Müller 2; accents fold, a word start needs WordStart.
        QCOMPARE(matching(TextQuery::word(names, QStringLiteral("mull"), Extent::WordStart)), QList<qint64>{2});
        QCOMPARE(matching(TextQuery::word(names, QStringLiteral("mull"), Extent::WholeWord)), QList<qint64>{});
        QCOMPARE(matching(TextQuery::word(names, QStringLiteral("muller"), Extent::WholeWord)), QList<qint64>{2});
        const TextQuery j = TextQuery::word(names, QStringLiteral("j"), Extent::WordStart);
        const TextQuery smith = TextQuery::word(names, QStringLiteral("smith"), Extent::WholeWord);
        QCOMPARE(matching(j), (QList<qint64>{1, 2}));
        QCOMPARE(matching(TextQuery::allOf({j, smith})), QList<qint64>{1});
        QCOMPARE(matching(j.butNot(smith)), QList<qint64>{2});
        QCOMPARE(matching(
                     TextQuery::anyOf({smith, TextQuery::word(names, QStringLiteral("jurgen"), Extent::WholeWord)})),
                 (QList<qint64>{1, 2}));
        // Quotes and operators in a word are text, not query syntax.
        QCOMPARE(matching(TextQuery::word(names, QStringLiteral("smith\" OR \"muller"), Extent::WholeWord)),
                 QList<qint64>{});
    }
};

QTEST_GUILESS_MAIN(TestSqliteEngine)
#include "tst_sqliteengine.moc"
