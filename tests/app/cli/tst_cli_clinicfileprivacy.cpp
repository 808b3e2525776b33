#include "CliRun.h"
#include "FileMode.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace dermdesk;

// Under the usual umask 022, the clinic file the demo command writes (and its -wal and -shm) is readable by its owner
// only; a clinic file others can open gets a warning on stderr that names it and the chmod that fixes it, without
// changing its permissions or the exit code.
//
// SQLite only: these are about the clinic's own file, which a clinic on a server does not have (the server keeps its
// data under its own account). Files written from a clinic on either engine: tst_cli_privacy.
class TestCliClinicFilePrivacy : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_clinic;

    [[nodiscard]] QString path(const QString &name) const { return m_dir.filePath(name); }

    [[nodiscard]] test::CliRun cli(const QStringList &arguments) const
    {
        return test::CliRun::run(m_clinic, arguments);
    }

private slots:
    void initTestCase()
    {
        test::useUsualUmask();
        QVERIFY(m_dir.isValid());
        QVERIFY2(QFile::exists(QStringLiteral(DERMDESK_CLI_PATH)), DERMDESK_CLI_PATH);
        m_clinic = path(QStringLiteral("demo.dermdesk"));
        const test::CliRun demo =
            cli({QStringLiteral("demo"), QStringLiteral("--output"), m_clinic, QStringLiteral("--patients"),
                 QStringLiteral("40"), QStringLiteral("--today"), QStringLiteral("2026-12-01")});
        QVERIFY2(demo.exitCode == 0, qPrintable(demo.err));
    }

    void theDemoClinicIsTheOwnersAlone()
    {
        const QStringList files = QDir(m_dir.path()).entryList({QStringLiteral("demo.dermdesk*")}, QDir::Files);
        QVERIFY(files.contains(QStringLiteral("demo.dermdesk")));
        for (const QString &file : files)
            QCOMPARE(test::fileMode(path(file)), QStringLiteral("600"));

        // The check the README gives: stat -c %A x.db*
        QProcess stat;
        stat.setWorkingDirectory(m_dir.path());
        stat.start(QStringLiteral("sh"), {QStringLiteral("-c"), QStringLiteral("stat -c %A demo.dermdesk*")});
        QVERIFY(stat.waitForFinished(30000));
        const QStringList modes =
            QString::fromUtf8(stat.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(modes.size(), files.size());
        for (const QString &mode : modes)
            QCOMPARE(mode, QStringLiteral("-rw-------"));
    }

    void aClinicOthersCanOpenIsNamedWithTheCommandThatFixesIt()
    {
        const QString shared = path(QStringLiteral("shared clinic.dermdesk"));
        QVERIFY(cli({QStringLiteral("backup"), QStringLiteral("-o"), shared}).exitCode == 0);
        const test::CliRun privateInfo = test::CliRun::run(shared, {QStringLiteral("info")});
        const test::CliRun privateMissing =
            test::CliRun::run(shared, {QStringLiteral("patient"), QStringLiteral("show"), QStringLiteral("99999")});
        QVERIFY(!privateInfo.err.contains(QLatin1String("chmod")));

        QVERIFY(test::makeReadableByOthers(shared));
        const test::CliRun info = test::CliRun::run(shared, {QStringLiteral("info")});
        QCOMPARE(info.exitCode, privateInfo.exitCode);
        QCOMPARE(info.out, privateInfo.out);
        const QString fix = QStringLiteral("chmod 600 '%1'").arg(shared);
        QVERIFY2(info.err.contains(fix), qPrintable(info.err));
        // Only files that outlive the command are named, so the command given works as it is.
        QVERIFY2(!info.err.contains(QLatin1String("-wal")), qPrintable(info.err));

        const test::CliRun missing =
            test::CliRun::run(shared, {QStringLiteral("patient"), QStringLiteral("show"), QStringLiteral("99999")});
        QCOMPARE(missing.exitCode, privateMissing.exitCode);
        QVERIFY2(missing.err.contains(fix), qPrintable(missing.err));

        // The command line says what to do; it does not change the permissions itself.
        QCOMPARE(test::fileMode(shared), QStringLiteral("644"));
    }
};

QTEST_GUILESS_MAIN(TestCliClinicFilePrivacy)
#include "tst_cli_clinicfileprivacy.moc"
