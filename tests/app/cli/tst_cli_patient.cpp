#include "TempDatabase.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>

using namespace dermdesk;

// dermdesk-cli patient add | show | search, run as a script would: every exit code (0 done, 2 invalid
// input, 3 refused by a rule, 4 not found, 5 storage) with a message on stderr naming the field or rule.
class TestCliPatient : public QObject
{
    Q_OBJECT

private:
    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
        [[nodiscard]] QJsonObject json() const { return QJsonDocument::fromJson(out.toUtf8()).object(); }
    };

    std::unique_ptr<test::TempDatabase> m_temp;

    static QString program() { return QStringLiteral(DERMDESK_CLI_PATH); }

    Run cli(QStringList arguments, const QString &database = {})
    {
        arguments.append(QStringLiteral("--database"));
        arguments.append(database.isEmpty() ? m_temp->path() : database);
        QProcess process;
        process.start(program(), arguments);
        if (!process.waitForFinished(30000))
            return {};
        return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
    }

    Run add(const QString &given, const QString &family, const QString &birth, QStringList more = {})
    {
        QStringList arguments{QStringLiteral("patient"),      QStringLiteral("add"),
                              QStringLiteral("--given"),      given,
                              QStringLiteral("--family"),     family,
                              QStringLiteral("--birth-date"), birth};
        arguments.append(more);
        return cli(arguments);
    }

private slots:
    void init()
    {
        // Patients 1 Joanna Smith (1988-04-02) and 2 Jürgen Müller (1975-12-30).
        m_temp = std::make_unique<test::TempDatabase>();
        QVERIFY(m_temp->seedMinimalClinic());
        m_temp->close();
        QVERIFY2(QFile::exists(program()), qPrintable(program()));
    }

    void cleanup() { m_temp.reset(); }

    void addPrintsTheIdAndShowReadsItBack()
    {
        const Run added = add(QStringLiteral("Zoë"), QStringLiteral("Ångström"), QStringLiteral("1985-03-12"),
                              {QStringLiteral("--phone"), QStringLiteral("(555) 321-9876"), QStringLiteral("--email"),
                               QStringLiteral("zoe@example.com")});
        QCOMPARE(added.exitCode, 0);
        QCOMPARE(added.out.trimmed(), QStringLiteral("3"));
        const Run shown =
            cli({QStringLiteral("patient"), QStringLiteral("show"), QStringLiteral("3"), QStringLiteral("--json")});
        QCOMPARE(shown.exitCode, 0);
        const QJsonObject patient = shown.json();
        QCOMPARE(patient.value(QStringLiteral("given_name")).toString(), QStringLiteral("Zoë"));
        QCOMPARE(patient.value(QStringLiteral("family_name")).toString(), QStringLiteral("Ångström"));
        QCOMPARE(patient.value(QStringLiteral("birth_date")).toString(), QStringLiteral("1985-03-12"));
        QCOMPARE(patient.value(QStringLiteral("phone")).toString(), QStringLiteral("(555) 321-9876"));
        QCOMPARE(patient.value(QStringLiteral("screening_today")).toString(), QStringLiteral("caution"));
        const Run text = cli({QStringLiteral("patient"), QStringLiteral("show"), QStringLiteral("3")});
        QCOMPARE(text.exitCode, 0);
        QVERIFY(text.out.contains(QStringLiteral("Zoë Ångström")));
    }

    void addWithJsonPrintsAnObject()
    {
        const Run added = add(QStringLiteral("Ana"), QStringLiteral("Lima"), QStringLiteral("1990-01-01"),
                              {QStringLiteral("--json")});
        QCOMPARE(added.exitCode, 0);
        QCOMPARE(added.json().value(QStringLiteral("id")).toInteger(), qint64(3));
    }

    void searchFindsByNamePhoneAndDate()
    {
        QCOMPARE(add(QStringLiteral("Ana"), QStringLiteral("Lima"), QStringLiteral("1990-01-01"),
                     {QStringLiteral("--phone"), QStringLiteral("555-123-4567")})
                     .exitCode,
                 0);
        const Run byName = cli(
            {QStringLiteral("patient"), QStringLiteral("search"), QStringLiteral("mull"), QStringLiteral("--json")});
        QCOMPARE(byName.exitCode, 0);
        const QJsonArray found = byName.json().value(QStringLiteral("patients")).toArray();
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.first().toObject().value(QStringLiteral("family_name")).toString(), QStringLiteral("Müller"));
        const Run byPhone = cli({QStringLiteral("patient"), QStringLiteral("search"), QStringLiteral("5551234")});
        QCOMPARE(byPhone.exitCode, 0);
        QVERIFY(byPhone.out.startsWith(QStringLiteral("3\tLima, Ana\t1990-01-01")));
        const Run byDate = cli({QStringLiteral("patient"), QStringLiteral("search"), QStringLiteral("1988-04-02")});
        QVERIFY(byDate.out.startsWith(QStringLiteral("1\tSmith, Joanna")));
        const Run limited = cli({QStringLiteral("patient"), QStringLiteral("search"), QStringLiteral("j"),
                                 QStringLiteral("--limit"), QStringLiteral("1")});
        QCOMPARE(limited.out.trimmed().split(QLatin1Char('\n')).size(), 1);
        const Run nobody = cli({QStringLiteral("patient"), QStringLiteral("search"), QStringLiteral("nobody")});
        QCOMPARE(nobody.exitCode, 0);
        QVERIFY(nobody.out.isEmpty());
    }

    void invalidInputExitsTwoNamingTheField_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("field");
        const QString p = QStringLiteral("patient");
        const QString a = QStringLiteral("add");
        QTest::newRow("no given name") << QStringList{p,
                                                      a,
                                                      QStringLiteral("--family"),
                                                      QStringLiteral("Y"),
                                                      QStringLiteral("--birth-date"),
                                                      QStringLiteral("1990-01-01")}
                                       << QStringLiteral("[--given]");
        QTest::newRow("no birth date") << QStringList{p,
                                                      a,
                                                      QStringLiteral("--given"),
                                                      QStringLiteral("X"),
                                                      QStringLiteral("--family"),
                                                      QStringLiteral("Y")}
                                       << QStringLiteral("[--birth-date]");
        QTest::newRow("not a real date") << QStringList{p,
                                                        a,
                                                        QStringLiteral("--given"),
                                                        QStringLiteral("X"),
                                                        QStringLiteral("--family"),
                                                        QStringLiteral("Y"),
                                                        QStringLiteral("--birth-date"),
                                                        QStringLiteral("1990-02-30")}
                                         << QStringLiteral("[--birth-date]");
        QTest::newRow("future birth date") << QStringList{p,
                                                          a,
                                                          QStringLiteral("--given"),
                                                          QStringLiteral("X"),
                                                          QStringLiteral("--family"),
                                                          QStringLiteral("Y"),
                                                          QStringLiteral("--birth-date"),
                                                          QStringLiteral("2999-01-01")}
                                           << QStringLiteral("birth_date: must not be in the future [birth_date]");
        QTest::newRow("bad email") << QStringList{p,
                                                  a,
                                                  QStringLiteral("--given"),
                                                  QStringLiteral("X"),
                                                  QStringLiteral("--family"),
                                                  QStringLiteral("Y"),
                                                  QStringLiteral("--birth-date"),
                                                  QStringLiteral("1990-01-01"),
                                                  QStringLiteral("--email"),
                                                  QStringLiteral("x@")}
                                   << QStringLiteral("[email]");
        QTest::newRow("bad phone") << QStringList{p,
                                                  a,
                                                  QStringLiteral("--given"),
                                                  QStringLiteral("X"),
                                                  QStringLiteral("--family"),
                                                  QStringLiteral("Y"),
                                                  QStringLiteral("--birth-date"),
                                                  QStringLiteral("1990-01-01"),
                                                  QStringLiteral("--phone"),
                                                  QStringLiteral("call me")}
                                   << QStringLiteral("[phone]");
        QTest::newRow("no action") << QStringList{p} << QStringLiteral("[ACTION]");
        QTest::newRow("unknown action") << QStringList{p, QStringLiteral("delete"), QStringLiteral("1")}
                                        << QStringLiteral("[ACTION]");
        QTest::newRow("show without id") << QStringList{p, QStringLiteral("show")} << QStringLiteral("[ID]");
        QTest::newRow("show a word") << QStringList{p, QStringLiteral("show"), QStringLiteral("smith")}
                                     << QStringLiteral("[ID]");
        QTest::newRow("search without text") << QStringList{p, QStringLiteral("search")} << QStringLiteral("[TEXT]");
        QTest::newRow("limit zero") << QStringList{p, QStringLiteral("search"), QStringLiteral("s"),
                                                   QStringLiteral("--limit"), QStringLiteral("0")}
                                    << QStringLiteral("[--limit]");
    }

    void invalidInputExitsTwoNamingTheField()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, field);
        const Run run = cli(arguments);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(field), qPrintable(run.err));
        QVERIFY(run.out.isEmpty());
        const Run list = cli({QStringLiteral("patient"), QStringLiteral("search"), QStringLiteral("y")});
        QVERIFY(list.out.isEmpty()); // nothing was saved
    }

    void duplicateIsRefusedWithExitThree()
    {
        const Run again = add(QStringLiteral("JOANNA"), QStringLiteral("smith"), QStringLiteral("1988-04-02"));
        QCOMPARE(again.exitCode, 3);
        QVERIFY(again.err.contains(QStringLiteral("Patient 1")));
        QVERIFY(again.err.contains(QStringLiteral("[duplicate]")));
        const Run allowed = add(QStringLiteral("JOANNA"), QStringLiteral("smith"), QStringLiteral("1988-04-02"),
                                {QStringLiteral("--allow-duplicate")});
        QCOMPARE(allowed.exitCode, 0);
    }

    void unknownPatientOrFileExitsFour()
    {
        const Run run = cli({QStringLiteral("patient"), QStringLiteral("show"), QStringLiteral("99")});
        QCOMPARE(run.exitCode, 4);
        QVERIFY(run.err.contains(QStringLiteral("[patient]")));
        const QString missing = m_temp->folder() + QStringLiteral("/missing.dermdesk");
        QCOMPARE(cli({QStringLiteral("patient"), QStringLiteral("search"), QStringLiteral("x")}, missing).exitCode, 4);
        QVERIFY(!QFile::exists(missing));
    }

    void damagedFileExitsFiveAndIsLeftUntouched()
    {
        const QString garbage = m_temp->folder() + QStringLiteral("/garbage.dermdesk");
        QFile file(garbage);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(4096, 'x'));
        file.close();
        for (const QStringList &arguments :
             {QStringList{QStringLiteral("patient"), QStringLiteral("search"), QStringLiteral("x")},
              QStringList{QStringLiteral("patient"), QStringLiteral("show"), QStringLiteral("1")},
              QStringList{QStringLiteral("patient"), QStringLiteral("add"), QStringLiteral("--given"),
                          QStringLiteral("X"), QStringLiteral("--family"), QStringLiteral("Y"),
                          QStringLiteral("--birth-date"), QStringLiteral("1990-01-01")}}) {
            const Run run = cli(arguments, garbage);
            QCOMPARE(run.exitCode, 5);
            QVERIFY(!run.err.isEmpty());
        }
        QFile check(garbage);
        QVERIFY(check.open(QIODevice::ReadOnly));
        QCOMPARE(check.readAll(), QByteArray(4096, 'x'));
    }
};

QTEST_GUILESS_MAIN(TestCliPatient)
#include "tst_cli_patient.moc"
