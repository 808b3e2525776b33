#include "FakeClock.h"
#include "demo/DemoClinicGenerator.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>

using namespace dermdesk;

// The demo's output file: an existing file is never touched, a demo that fails leaves nothing behind, and a server
// address is no file (a demo reaches a server through copy-clinic; tst_demoonserver).
class TestDemoFile : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    test::FakeClock m_clock;

    [[nodiscard]] QString freshPath(const QString &name) const
    {
        return m_dir.filePath(name + QStringLiteral(".dermdesk"));
    }

    [[nodiscard]] static DemoOptions defaultOptions()
    {
        DemoOptions options;
        options.today = QDate(2026, 11, 24);
        return options;
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void anExistingFileIsNeverOverwritten()
    {
        const QString path = freshPath(QStringLiteral("existing"));
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("keep me");
        }
        const auto refused = DemoClinicGenerator(defaultOptions(), m_clock).createFile(path);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().kind(), ErrorKind::InvalidInput);
        QCOMPARE(refused.error().field(), QStringLiteral("output"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("keep me"));
    }

    void aFailedDemoLeavesNoFileBehind()
    {
        const QString path = freshPath(QStringLiteral("failed"));
        DemoOptions options = defaultOptions();
        options.patients = 0;
        const auto failed = DemoClinicGenerator(options, m_clock).createFile(path);
        QVERIFY(!failed.ok());
        QCOMPARE(failed.error().field(), QStringLiteral("patients"));
        QVERIFY(!QFile::exists(path));
        QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
    }

    void aServerAddressIsRefusedNamingCopyClinic()
    {
        const QString address = QStringLiteral("postgresql://desk:s3cret@clinic-server:5432/clinic");
        const auto refused = DemoClinicGenerator(defaultOptions(), m_clock).createFile(address);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().kind(), ErrorKind::InvalidInput);
        QCOMPARE(refused.error().field(), QStringLiteral("output"));
        const QString message = refused.error().message();
        QVERIFY2(message.contains(QLatin1String("postgresql://desk@clinic-server:5432/clinic")), qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("copy-clinic")), qPrintable(message));
        QVERIFY2(!message.contains(QLatin1String("s3cret")), qPrintable(message));
        QVERIFY(!QFileInfo::exists(QStringLiteral("postgresql:")));
    }
};

QTEST_GUILESS_MAIN(TestDemoFile)
#include "tst_demofile.moc"
