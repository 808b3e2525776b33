#include "FakeClock.h"
#include "ScheduleRows.h"
#include "patients/PatientRepository.h"

#include <QtTest>

using namespace dermdesk;
using test::newYork;

// Finding a patient by the beginning of a name, whatever the case or script.
class TestPatientRepository : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::TempDatabase> m_temp;
    test::FakeClock m_clock{QDateTime(QDate(2026, 11, 26), QTime(14, 0), Qt::UTC)};

    QStringList names(const QString &text, int limit = 50)
    {
        const auto found = PatientRepository(m_temp->database(), m_clock).search(text, limit);
        if (!found.ok()) {
            qWarning("%s", qPrintable(found.error().message()));
            return {QStringLiteral("<error>")};
        }
        QStringList result;
        for (const PatientSummary &patient : found.value())
            result.append(patient.sortName());
        return result;
    }

private slots:
    void init()
    {
        m_temp = test::minimalClinic();
        QVERIFY(m_temp);
        Database &db = m_temp->database();
        QVERIFY(test::insertPatient(db, QStringLiteral("Anna"), QStringLiteral("Müllerová")));
        QVERIFY(test::insertPatient(db, QStringLiteral("Émile"), QStringLiteral("Zola")));
        QVERIFY(test::insertPatient(db, QStringLiteral("Wei"), QStringLiteral("王")));
        QVERIFY(test::insertPatient(db, QStringLiteral("Percy"), QStringLiteral("100%_Real")));
        QVERIFY(test::insertPatient(db, QStringLiteral("Old"), QStringLiteral("Muller"), true));
        QVERIFY(test::insertPatient(db, QStringLiteral("Sam"), QStringLiteral("Jürgensen")));
    }

    void findsByNamePrefix_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("expected");
        const QString mueller = QStringLiteral("Müller, Jürgen");
        const QString muellerova = QStringLiteral("Müllerová, Anna");
        QTest::newRow("lower case umlaut") << QStringLiteral("mü") << QStringList{mueller, muellerova};
        QTest::newRow("upper case umlaut") << QStringLiteral("MÜLLER") << QStringList{mueller, muellerova};
        QTest::newRow("whole family name") << QStringLiteral("Müller") << QStringList{mueller, muellerova};
        QTest::newRow("given name") << QStringLiteral("jür") << QStringList{QStringLiteral("Jürgensen, Sam"), mueller};
        QTest::newRow("given and family") << QStringLiteral("jür mül") << QStringList{mueller};
        QTest::newRow("family and given, any order") << QStringLiteral("Müller Jürgen") << QStringList{mueller};
        QTest::newRow("ascii, any case") << QStringLiteral("SMI") << QStringList{QStringLiteral("Smith, Joanna")};
        QTest::newRow("accented given name") << QStringLiteral("émi") << QStringList{QStringLiteral("Zola, Émile")};
        QTest::newRow("CJK") << QStringLiteral("王") << QStringList{QStringLiteral("王, Wei")};
        QTest::newRow("wildcards are literal")
            << QStringLiteral("100%_") << QStringList{QStringLiteral("100%_Real, Percy")};
        QTest::newRow("percent alone matches nothing") << QStringLiteral("%") << QStringList{};
        QTest::newRow("middle of a name does not match") << QStringLiteral("ller") << QStringList{};
        QTest::newRow("accents ignored, archived never listed")
            << QStringLiteral("muller") << QStringList{mueller, muellerova};
    }

    void findsByNamePrefix()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, expected);
        QCOMPARE(names(text), expected);
    }

    void emptyTextListsFromTheStartOfTheAlphabet()
    {
        const QStringList all = names(QString(), 3);
        QCOMPARE(all, (QStringList{QStringLiteral("100%_Real, Percy"), QStringLiteral("Jürgensen, Sam"),
                                   QStringLiteral("Müller, Jürgen")}));
    }

    void limitIsRespected() { QCOMPARE(names(QStringLiteral("m"), 1).size(), 1); }
};

QTEST_GUILESS_MAIN(TestPatientRepository)
#include "tst_patientrepository.moc"
