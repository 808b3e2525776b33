#include "DamagedFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>

using namespace dermdesk;

namespace {

struct Run
{
    // -1 when it crashed or hung (killed after 10 seconds).
    int exitCode = -1;
    QString out;
    QString err;
};

// One dermdesk-cli run, guarded by a timeout so that a command reading a pipe cannot hang the test.
Run cli(const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral(DERMDESK_CLI_PATH), arguments);
    if (!process.waitForFinished(10000)) {
        process.kill();
        process.waitForFinished();
        return {};
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

Run onDatabase(const QString &database, QStringList arguments)
{
    arguments << QStringLiteral("--database") << database;
    return cli(arguments);
}

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The bytes of the database and of the -wal and -shm beside it (empty when absent).
QList<QByteArray> clinicFiles(const QString &path)
{
    return {fileBytes(path), fileBytes(path + QStringLiteral("-wal")), fileBytes(path + QStringLiteral("-shm"))};
}

const QStringList bookArguments = {QStringLiteral("book"),
                                   QStringLiteral("--patient"),
                                   QStringLiteral("1"),
                                   QStringLiteral("--practitioner"),
                                   QStringLiteral("1"),
                                   QStringLiteral("--type"),
                                   QStringLiteral("1"),
                                   QStringLiteral("--start"),
                                   QStringLiteral("2026-11-26T10:00")};
const QStringList infoArguments = {QStringLiteral("info")};
const QStringList agendaArguments = {QStringLiteral("agenda"), QStringLiteral("--date"), QStringLiteral("2026-11-24")};
const QStringList searchArguments = {QStringLiteral("patient"), QStringLiteral("search"), QStringLiteral("a")};

} // namespace

// dermdesk-cli on files it must not write: a damaged clinic (exit 5 naming the backup to restore), a
// copy in rollback-journal mode read by read-only commands (left byte for byte), special files and a
// path in a missing folder (exit 5, promptly).
//
// SQLite only: each case is a file's bytes, journal mode or kind, which a clinic on a server does not have. A server
// clinic that cannot be used (missing, empty, another program's database) is refused in tst_cli_serverclinic.
class TestCliDamage : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_damaged;
    QString m_backup;
    QString m_sound;

    QString path(const QString &name) const { return m_dir.filePath(name); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_sound = path(QStringLiteral("sound.dermdesk"));
        const Run demo = cli({QStringLiteral("demo"), QStringLiteral("--output"), m_sound, QStringLiteral("--patients"),
                              QStringLiteral("80"), QStringLiteral("--years"), QStringLiteral("1"),
                              QStringLiteral("--today"), QStringLiteral("2026-11-24")});
        QVERIFY2(demo.exitCode == 0, qPrintable(demo.err));

        m_damaged = path(QStringLiteral("damaged.dermdesk"));
        QVERIFY(QFile::copy(m_sound, m_damaged));
        m_backup = m_damaged + QStringLiteral(".v7-20261101-080000.bak");
        const Run backup = onDatabase(m_damaged, {QStringLiteral("backup"), QStringLiteral("-o"), m_backup});
        QVERIFY2(backup.exitCode == 0, qPrintable(backup.err));
        QVERIFY(test::flipBitInTablePage(m_damaged, "appointment") > 0);
    }

    void aDamagedFileIsRefusedAndLeftAsItWas_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("book") << bookArguments;
        QTest::newRow("cancel") << QStringList{QStringLiteral("cancel"), QStringLiteral("1"),
                                               QStringLiteral("--reason"), QStringLiteral("patient")};
        QTest::newRow("patient add") << QStringList{QStringLiteral("patient"),      QStringLiteral("add"),
                                                    QStringLiteral("--given"),      QStringLiteral("Ada"),
                                                    QStringLiteral("--family"),     QStringLiteral("Byron"),
                                                    QStringLiteral("--birth-date"), QStringLiteral("1990-01-01")};
        // Commands that only read say so too: a script never takes a damaged file for a sound one.
        QTest::newRow("info") << infoArguments;
        QTest::newRow("agenda") << agendaArguments;
        QTest::newRow("patient search") << searchArguments;
    }

    void aDamagedFileIsRefusedAndLeftAsItWas()
    {
        QFETCH(QStringList, arguments);
        const QList<QByteArray> before = clinicFiles(m_damaged);
        const Run run = onDatabase(m_damaged, arguments);
        QCOMPARE(run.exitCode, 5);
        QVERIFY2(run.err.contains(QLatin1String("is damaged")), qPrintable(run.err));
        QVERIFY2(run.err.contains(QDir::toNativeSeparators(m_backup)), qPrintable(run.err));
        QVERIFY(run.out.isEmpty());
        QVERIFY(clinicFiles(m_damaged) == before);
    }

    void readCommandsLeaveAJournalModeFileByteForByte_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("info") << infoArguments;
        QTest::newRow("agenda") << agendaArguments;
        QTest::newRow("patient search") << searchArguments;
        QTest::newRow("patient show") << QStringList{QStringLiteral("patient"), QStringLiteral("show"), QStringLiteral("1")};
        QTest::newRow("patient export") << QStringList{QStringLiteral("--json"), QStringLiteral("patient"),
                                                       QStringLiteral("export"), QStringLiteral("1"),
                                                       QStringLiteral("-o"), path(QStringLiteral("record.json"))};
        QTest::newRow("patient list-csv") << QStringList{QStringLiteral("patient"), QStringLiteral("list-csv"),
                                                         QStringLiteral("-o"), path(QStringLiteral("list.csv"))};
        QTest::newRow("day-sheet") << QStringList{QStringLiteral("day-sheet"), QStringLiteral("--date"),
                                                  QStringLiteral("2026-12-07"), QStringLiteral("-o"),
                                                  path(QStringLiteral("day.pdf"))};
        const QString csv = path(QStringLiteral("new-patients.csv"));
        QFile file(csv);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("First name,Surname,Date of birth\nNora,Quinn,1984-03-02\n");
        file.close();
        QTest::newRow("import-patients --dry-run")
            << QStringList{QStringLiteral("import-patients"), csv, QStringLiteral("--dry-run")};
    }

    void readCommandsLeaveAJournalModeFileByteForByte()
    {
        QFETCH(QStringList, arguments);
        // The backup command's own output is a rollback-journal file (VACUUM INTO writes it so).
        const QString copy = path(
            QStringLiteral("journal-%1.dermdesk").arg(QString::fromUtf8(QTest::currentDataTag())).replace(u' ', u'-'));
        QVERIFY(onDatabase(m_sound, {QStringLiteral("backup"), QStringLiteral("-o"), copy}).exitCode == 0);
        const QByteArray before = fileBytes(copy);
        QCOMPARE(before.at(18), char(1));

        const Run run = onDatabase(copy, arguments);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(!run.out.isEmpty());
        QCOMPARE(fileBytes(copy), before);
        for (const QString &suffix : {QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal")})
            QVERIFY2(!QFileInfo::exists(copy + suffix), qPrintable(copy + suffix));
    }

    void specialFilesAreRefusedPromptly_data()
    {
        QTest::addColumn<QString>("database");
        QTest::addColumn<QStringList>("arguments");
        const QString fifo = path(QStringLiteral("clinic.fifo"));
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
        for (const QString &special : {m_dir.path(), QStringLiteral("/dev/null"), QStringLiteral("/dev/zero"), fifo}) {
            QTest::addRow("info %s", qPrintable(special)) << special << infoArguments;
            QTest::addRow("book %s", qPrintable(special)) << special << bookArguments;
        }
    }

    void specialFilesAreRefusedPromptly()
    {
        QFETCH(QString, database);
        QFETCH(QStringList, arguments);
        const Run run = onDatabase(database, arguments);
        QCOMPARE(run.exitCode, 5);
        QVERIFY2(run.err.contains(QLatin1String("not a clinic database file")), qPrintable(run.err));
        QVERIFY2(run.err.contains(QDir::toNativeSeparators(database)), qPrintable(run.err));
    }

    void aPathInAMissingFolderIsAStorageError()
    {
        const QString missing = path(QStringLiteral("no-such-folder/clinic.dermdesk"));
        for (const QStringList &arguments : {infoArguments, bookArguments}) {
            const Run run = onDatabase(missing, arguments);
            QCOMPARE(run.exitCode, 5);
            QVERIFY2(run.err.contains(QLatin1String("does not exist")), qPrintable(run.err));
            QVERIFY2(run.err.contains(QDir::toNativeSeparators(path(QStringLiteral("no-such-folder")))),
                     qPrintable(run.err));
        }
        QVERIFY(!QFileInfo::exists(path(QStringLiteral("no-such-folder"))));
    }
};

QTEST_GUILESS_MAIN(TestCliDamage)
#include "tst_cli_damage.moc"
