#include "FakeClock.h"
#include "ScheduleRows.h"
#include "patients/PatientRepository.h"
#include "patients/PatientSearchIndex.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace dermdesk;

// Search-as-you-type over the FTS5 index: names in any order and any accent, phone digits in any
// format, birth dates, emails, ranking, archived patients, and an index that follows every change.
class TestPatientSearch : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::TempDatabase> m_temp;
    test::FakeClock m_clock;

    PatientRepository repository() { return PatientRepository(m_temp->database(), m_clock); }

    qint64 add(const QString &given, const QString &family, const QDate &birth = {}, const QString &phone = {},
               const QString &email = {})
    {
        Patient p;
        p.givenName = given;
        p.familyName = family;
        p.birthDate = birth;
        p.phone = phone;
        p.email = email;
        const auto id = repository().add(p);
        if (!id.ok())
            qWarning("%s", qPrintable(id.error().message()));
        return id.ok() ? id.value() : 0;
    }

    QStringList names(const QString &text, bool includeArchived = false)
    {
        PatientRepository::SearchOptions options;
        options.includeArchived = includeArchived;
        options.locale = QLocale(QLocale::German, QLocale::Germany);
        const auto found = repository().search(text, 50, options);
        if (!found.ok()) {
            qWarning("%s", qPrintable(found.error().message()));
            return {QStringLiteral("<error>")};
        }
        QStringList result;
        for (const PatientSummary &patient : found.value())
            result.append(patient.sortName() + (patient.archived ? QStringLiteral(" (archived)") : QString()));
        return result;
    }

private slots:
    void init()
    {
        // seedMinimalClinic: 1 Joanna Smith (1988-04-02), 2 Jürgen Müller (1975-12-30).
        m_temp = test::minimalClinic();
        QVERIFY(m_temp);
        QVERIFY(add(QStringLiteral("Anna"), QStringLiteral("Smithson"), QDate(1985, 3, 12),
                    QStringLiteral("(555) 123-4567"), QStringLiteral("anna.smithson@example.com")));
        QVERIFY(add(QStringLiteral("Smith"), QStringLiteral("Jones"), {}, QStringLiteral("+44 20 7946 0958")));
        QVERIFY(add(QStringLiteral("Zoë"), QStringLiteral("Ångström"), QDate(1985, 3, 12)));
        QVERIFY(add(QStringLiteral("Олег"), QStringLiteral("Иванов")));
    }

    void finds_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("expected");
        const QString joanna = QStringLiteral("Smith, Joanna");
        const QString anna = QStringLiteral("Smithson, Anna");
        const QString jones = QStringLiteral("Jones, Smith");
        QTest::newRow("prefix of family name") << "mull" << QStringList{QStringLiteral("Müller, Jürgen")};
        QTest::newRow("given and family, any order") << "jo sm" << QStringList{jones, joanna};
        QTest::newRow("family then given") << "smith jo" << QStringList{jones, joanna};
        QTest::newRow("whole name ranks before prefixes") << "smith" << QStringList{jones, joanna, anna};
        QTest::newRow("accent folded both ways") << "angstrom" << QStringList{QStringLiteral("Ångström, Zoë")};
        QTest::newRow("accent typed") << "ZOË" << QStringList{QStringLiteral("Ångström, Zoë")};
        QTest::newRow("cyrillic, any case") << "иван" << QStringList{QStringLiteral("Иванов, Олег")};
        QTest::newRow("phone digits") << "5551234" << QStringList{anna};
        QTest::newRow("phone as formatted") << "(555) 123-45" << QStringList{anna};
        QTest::newRow("phone without country code") << "2079460958" << QStringList{jones};
        QTest::newRow("phone with country code") << "+44 20 79" << QStringList{jones};
        QTest::newRow("phone middle does not match") << "1234567" << QStringList{};
        QTest::newRow("iso birth date") << "1985-03-12" << QStringList{anna, QStringLiteral("Ångström, Zoë")};
        QTest::newRow("locale birth date") << "12.03.1985" << QStringList{anna, QStringLiteral("Ångström, Zoë")};
        QTest::newRow("birth date and name") << "1985-03-12 zo" << QStringList{QStringLiteral("Ångström, Zoë")};
        QTest::newRow("email") << "anna.smithson@ex" << QStringList{anna};
        QTest::newRow("quotes are text") << "\"smith" << QStringList{jones, joanna, anna};
        QTest::newRow("fts syntax is text") << "smith OR NOT*" << QStringList{};
        QTest::newRow("sql is text") << "'; DROP TABLE patient; --" << QStringList{};
    }

    void finds()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, expected);
        QCOMPARE(names(text), expected);
        QCOMPARE(m_temp->scalar(QStringLiteral("SELECT count(*) FROM patient")).toInt(), 6);
    }

    void archivedAreExcludedOrListedLast()
    {
        QVERIFY(repository().setArchived(1, true).ok());
        QCOMPARE(names(QStringLiteral("smith")),
                 (QStringList{QStringLiteral("Jones, Smith"), QStringLiteral("Smithson, Anna")}));
        QCOMPARE(names(QStringLiteral("smith"), true),
                 (QStringList{QStringLiteral("Jones, Smith"), QStringLiteral("Smithson, Anna"),
                              QStringLiteral("Smith, Joanna (archived)")}));
    }

    void indexFollowsUpdates()
    {
        Patient p = repository().find(2).value();
        p.familyName = QStringLiteral("Meier");
        p.phone = QStringLiteral("030 1234 5678");
        QVERIFY(repository().update(p).ok());
        QCOMPARE(names(QStringLiteral("mull")), QStringList{});
        QCOMPARE(names(QStringLiteral("mei")), QStringList{QStringLiteral("Meier, Jürgen")});
        QCOMPARE(names(QStringLiteral("030 1234")), QStringList{QStringLiteral("Meier, Jürgen")});
    }

    void rebuildRestoresAnEmptiedIndex()
    {
        QVERIFY(test::exec(m_temp->database(), QStringLiteral("DELETE FROM patient_search")));
        QCOMPARE(names(QStringLiteral("smith")), QStringList{});
        QVERIFY(PatientSearchIndex(m_temp->database()).rebuild().ok());
        QCOMPARE(names(QStringLiteral("smith")).size(), 3);
    }

    void limitKeepsTheBestMatches()
    {
        const auto found = repository().search(QStringLiteral("smith"), 1);
        QVERIFY(found.ok());
        QCOMPARE(found.value().size(), 1);
        QCOMPARE(found.value().first().sortName(), QStringLiteral("Jones, Smith"));
    }

    void migrationIndexesExistingPatients()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("clinic.dermdesk"));
        const QString versionTwo = dir.filePath(QStringLiteral("sql"));
        QVERIFY(QDir().mkpath(versionTwo));
        for (const char *script : {"001_initial.sql", "002_schedule.sql"})
            QVERIFY(QFile::copy(QStringLiteral(":/sql/") + QLatin1String(script),
                                versionTwo + QLatin1Char('/') + QLatin1String(script)));
        {
            Database::Options old;
            old.migrationsFolder = versionTwo;
            auto v2 = Database::open(path, old);
            QVERIFY(v2.ok());
            QCOMPARE(v2.value()->schemaVersion(), 2);
            QVERIFY(test::exec(*v2.value(),
                               QStringLiteral("INSERT INTO patient (given_name, family_name, phone, created_at, "
                                              "updated_at) VALUES ('Renée', 'Dubois', '06 12 34 56 78', 0, 0)")));
        }
        auto current = Database::open(path);
        QVERIFY(current.ok());
        QVERIFY(current.value()->schemaVersion() >= 3);
        const PatientRepository repo(*current.value(), m_clock);
        QCOMPARE(repo.search(QStringLiteral("renee dub"), 5).value().size(), 1);
        QCOMPARE(repo.search(QStringLiteral("0612"), 5).value().size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestPatientSearch)
#include "tst_patientsearch.moc"
