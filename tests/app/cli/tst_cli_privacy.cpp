#include "CliClinic.h"
#include "FileMode.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace dermdesk;

// Under the usual umask 022, every file dermdesk-cli writes with clinic data from a clinic on either engine (backups,
// exports, PDFs) is readable by its owner only. The clinic file itself: tst_cli_clinicfileprivacy.
class TestCliPrivacy : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    test::CliClinic m_clinic;

    [[nodiscard]] QString path(const QString &name) const { return m_dir.filePath(name); }

    [[nodiscard]] test::CliRun cli(const QStringList &arguments) const
    {
        return test::CliRun::run(m_clinic.address(), arguments);
    }

    // Writes `name` with the command `arguments` (which end in -o and take the path) and returns its mode.
    [[nodiscard]] QString modeOfOutput(QStringList arguments, const QString &name) const
    {
        const QString output = path(name);
        arguments << QStringLiteral("-o") << output;
        const test::CliRun run = cli(arguments);
        if (run.exitCode != 0) {
            qWarning() << arguments << run.exitCode << run.err;
            return QStringLiteral("failed");
        }
        return test::fileMode(output);
    }

private slots:
    void initTestCase()
    {
        test::useUsualUmask();
        QVERIFY(m_dir.isValid());
        QVERIFY2(QFile::exists(QStringLiteral(DERMDESK_CLI_PATH)), DERMDESK_CLI_PATH);
        QVERIFY(m_clinic.create(path(QStringLiteral("demo.dermdesk")),
                                {QStringLiteral("--patients"), QStringLiteral("40"), QStringLiteral("--today"),
                                 QStringLiteral("2026-12-01")}));
    }

    void aBackupIsTheOwnersAlone()
    {
        QCOMPARE(modeOfOutput({QStringLiteral("backup")}, QStringLiteral("backup.dermdesk")), QStringLiteral("600"));
    }

    void exportsAreTheOwnersAlone()
    {
        QCOMPARE(modeOfOutput({QStringLiteral("patient"), QStringLiteral("list-csv")}, QStringLiteral("patients.csv")),
                 QStringLiteral("600"));
        QCOMPARE(modeOfOutput({QStringLiteral("--json"), QStringLiteral("patient"), QStringLiteral("export"),
                               QStringLiteral("1")},
                              QStringLiteral("patient-1.json")),
                 QStringLiteral("600"));
        QCOMPARE(modeOfOutput({QStringLiteral("patient"), QStringLiteral("export"), QStringLiteral("1")},
                              QStringLiteral("patient-1.pdf")),
                 QStringLiteral("600"));
    }

    void anExportReplacingAFileOthersCouldReadIsTheOwnersAlone()
    {
        const QString old = path(QStringLiteral("old-list.csv"));
        QFile file(old);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        QCOMPARE(test::fileMode(old), QStringLiteral("644"));
        QCOMPARE(modeOfOutput({QStringLiteral("patient"), QStringLiteral("list-csv")}, QStringLiteral("old-list.csv")),
                 QStringLiteral("600"));
    }

    void printedDocumentsAreTheOwnersAlone()
    {
        QCOMPARE(modeOfOutput({QStringLiteral("day-sheet"), QStringLiteral("--date"), QStringLiteral("2026-12-01")},
                              QStringLiteral("day.pdf")),
                 QStringLiteral("600"));
        QCOMPARE(modeOfOutput({QStringLiteral("handout"), QStringLiteral("--patient"), QStringLiteral("1")},
                              QStringLiteral("handout.pdf")),
                 QStringLiteral("600"));
    }
};

QTEST_GUILESS_MAIN(TestCliPrivacy)
#include "tst_cli_privacy.moc"
