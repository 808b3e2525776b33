#include "CliRun.h"
#include "TempDatabase.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QSqlQuery>
#include <QtTest>

#include <sys/stat.h>

using namespace dermdesk;
using test::CliRun;

// dermdesk-cli import-patients as a script runs it: all rows or none by default (exit 2, nothing written, every
// bad row listed by line), --skip-invalid saves the valid rows (exit 0), a broken or special file is refused
// whole and promptly, naming the line (and column) or the limit.
class TestCliImportPatients : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::TempDatabase> m_temp;

    CliRun cli(const QStringList &arguments) { return CliRun::run(m_temp->path(), arguments); }

    QString csvFile(const QByteArray &content)
    {
        const QString path = m_temp->folder() + QStringLiteral("/patients.csv");
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return {};
        file.write(content);
        return path;
    }

    int patients()
    {
        auto opened = m_temp->reopen();
        if (!opened)
            return -1;
        QSqlQuery query(opened.value()->connection());
        return query.exec(QStringLiteral("SELECT count(*) FROM patient")) && query.next() ? query.value(0).toInt() : -1;
    }

private slots:
    void init()
    {
        // Patients 1 Joanna Smith (1988-04-02) and 2 Jürgen Müller (1975-12-30).
        m_temp = std::make_unique<test::TempDatabase>();
        QVERIFY(m_temp->seedMinimalClinic());
        m_temp->close();
        QCOMPARE(patients(), 2);
    }

    void cleanup() { m_temp.reset(); }

    void dryRunThenForReal()
    {
        const QString csv = csvFile("\xEF\xBB\xBF"
                                    "First name,Surname,DOB,Mobile\r\n"
                                    "Ana,Lima,1990-01-01,\"555 123 4567\"\r\n"
                                    "Bo,Berg,1991-03-04,\r\n");
        const CliRun dry =
            cli({QStringLiteral("import-patients"), csv, QStringLiteral("--dry-run"), QStringLiteral("--json")});
        QCOMPARE(dry.exitCode, 0);
        QCOMPARE(dry.json().value(QStringLiteral("valid")).toInt(), 2);
        QCOMPARE(dry.json().value(QStringLiteral("imported")).toInt(), 0);
        QCOMPARE(patients(), 2);
        const CliRun real = cli({QStringLiteral("import-patients"), csv});
        QCOMPARE(real.exitCode, 0);
        QVERIFY2(real.out.contains(QStringLiteral("2 imported")), qPrintable(real.out));
        QCOMPARE(patients(), 4);
        QVERIFY(cli({QStringLiteral("patient"), QStringLiteral("search"), QStringLiteral("lima")})
                    .out.startsWith(QStringLiteral("3\tLima, Ana")));
    }

    void aBadRowMeansNothingIsWrittenUnlessSkipInvalid()
    {
        const QString csv = csvFile("given,family,birth date\nAna,Lima,1990-13-01\n,Nameless,\nCy,Young,1970-01-01\n");
        const CliRun run = cli({QStringLiteral("import-patients"), csv});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QStringLiteral("line 2:")) && run.err.contains(QStringLiteral("[birth_date]")),
                 qPrintable(run.err));
        QVERIFY(run.err.contains(QStringLiteral("line 3:")) && run.err.contains(QStringLiteral("[given_name]")));
        QVERIFY2(run.out.contains(QStringLiteral("nothing imported")), qPrintable(run.out));
        QCOMPARE(patients(), 2);

        const CliRun json = cli({QStringLiteral("import-patients"), csv, QStringLiteral("--json")});
        QCOMPARE(json.exitCode, 2);
        QCOMPARE(json.json().value(QStringLiteral("imported")).toInt(), 0);
        QCOMPARE(json.json().value(QStringLiteral("errors")).toArray().size(), 2);
        QCOMPARE(patients(), 2);

        const CliRun skip = cli({QStringLiteral("import-patients"), csv, QStringLiteral("--skip-invalid")});
        QCOMPARE(skip.exitCode, 0);
        QVERIFY(skip.err.contains(QStringLiteral("line 2:")) && skip.err.contains(QStringLiteral("line 3:")));
        QVERIFY2(skip.out.contains(QStringLiteral("1 imported")), qPrintable(skip.out));
        QCOMPARE(patients(), 3);
    }

    void helpStatesTheChoiceAndTheLimits()
    {
        const CliRun help = cli({QStringLiteral("import-patients"), QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        for (const QString &said :
             {QStringLiteral("--skip-invalid"), QStringLiteral("exits 0"), QStringLiteral("64 MiB"),
              QStringLiteral("100,000 characters"), QStringLiteral("given_name 100"), QStringLiteral("notes 10,000")})
            QVERIFY2(help.out.contains(said), qPrintable(help.out));
    }

    void aFileWithABrokenQuoteIsRefusedWholeNamingWhereItOpened()
    {
        // The quote opened on line 3 is closed on line 5 before more text.
        const QString csv = csvFile("given,family\nBo,Berg\nAna,\"Lima\nCy,Young\nDee,\"Ray\"\nEd,Eve\n");
        const CliRun run = cli({QStringLiteral("import-patients"), csv, QStringLiteral("--skip-invalid")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QStringLiteral("opened on line 3")), qPrintable(run.err));
        QCOMPARE(patients(), 2);

        const CliRun unclosed =
            cli({QStringLiteral("import-patients"), csvFile("given,family\nAna,\"Lima\nBo,Berg\n")});
        QCOMPARE(unclosed.exitCode, 2);
        QVERIFY2(unclosed.err.contains(QStringLiteral("[file]")) && unclosed.err.contains(QStringLiteral("line 2")),
                 qPrintable(unclosed.err));
        QCOMPARE(patients(), 2);
        QCOMPARE(cli({QStringLiteral("import-patients"), m_temp->folder() + QStringLiteral("/none.csv")}).exitCode, 4);
        QCOMPARE(cli({QStringLiteral("import-patients")}).exitCode, 2);
    }

    void oldMacLineEndsAreRead()
    {
        const QString csv = csvFile("given,family,birth date\rAna,Lima,1990-01-01\rBo,Berg,1991-02-03\r"
                                    "Cy,Young,1970-01-01\r");
        const CliRun run = cli({QStringLiteral("import-patients"), csv, QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.json().value(QStringLiteral("rows")).toInt(), 3);
        QCOMPARE(run.json().value(QStringLiteral("imported")).toInt(), 3);
        QCOMPARE(patients(), 5);
    }

    void overlongCellsNameLineAndColumn()
    {
        const QString csv = csvFile("given,family,notes\nAna,Lima,\n" + QByteArray("Bo,")
                                    + QString(1001, QChar(0x00E9)).toUtf8() + ",\n");
        const CliRun row = cli({QStringLiteral("import-patients"), csv});
        QCOMPARE(row.exitCode, 2);
        QVERIFY2(row.err.contains(QStringLiteral("line 3: column 2 (\"family\")"))
                     && row.err.contains(QStringLiteral("family_name")),
                 qPrintable(row.err));
        QCOMPARE(patients(), 2);

        const QString huge = csvFile("given,family,notes\nAna,Lima,\"" + QByteArray(100001, 'x') + "\"\n");
        const CliRun file = cli({QStringLiteral("import-patients"), huge, QStringLiteral("--skip-invalid")});
        QCOMPARE(file.exitCode, 2);
        QVERIFY2(file.err.contains(QStringLiteral("Line 2, column 3")), qPrintable(file.err));
        QCOMPARE(patients(), 2);
    }

    void invalidUtf8AndNulAreRefusedNamingTheLine()
    {
        const CliRun latin1 =
            cli({QStringLiteral("import-patients"), csvFile("given,family\nAna,Lima\nJos\xE9,Lima\n")});
        QCOMPARE(latin1.exitCode, 2);
        QVERIFY2(latin1.err.contains(QStringLiteral("Line 3")) && latin1.err.contains(QStringLiteral("UTF-8")),
                 qPrintable(latin1.err));
        const CliRun nul =
            cli({QStringLiteral("import-patients"), csvFile(QByteArray("given,family\nAna,Lima\0 and more\n", 32)),
                 QStringLiteral("--skip-invalid")});
        QCOMPARE(nul.exitCode, 2);
        QVERIFY2(nul.err.contains(QStringLiteral("Line 2")) && nul.err.contains(QStringLiteral("NUL")),
                 qPrintable(nul.err));
        QCOMPARE(patients(), 2);
    }

    void specialFilesAreRefusedPromptly()
    {
        const QString fifo = m_temp->folder() + QStringLiteral("/pipe.csv");
        QVERIFY(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
        for (const QString &path : {QStringLiteral("/dev/zero"), fifo, m_temp->folder()}) {
            QElapsedTimer timer;
            timer.start();
            // CliRun gives up (exit -1) after 30 s; a refusal takes well under a second.
            const CliRun run = cli({QStringLiteral("import-patients"), path});
            QVERIFY2(timer.elapsed() < 10000, qPrintable(path));
            QCOMPARE(run.exitCode, 2);
            QVERIFY2(run.err.contains(path), qPrintable(run.err));
            QVERIFY2(run.err.contains(QStringLiteral("not an ordinary file"))
                         || run.err.contains(QStringLiteral("folder")),
                     qPrintable(run.err));
        }
        QCOMPARE(patients(), 2);
    }
};

QTEST_GUILESS_MAIN(TestCliImportPatients)
#include "tst_cli_importpatients.moc"
