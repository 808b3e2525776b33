#include "common/BoundedFile.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>

using namespace dermdesk;

// Reading a file a person chose to import: an ordinary file up to the limit, and a prompt, clear refusal of
// everything else (a device, a FIFO with no writer, a folder, a file over the limit, a missing file).
class TestBoundedFile : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString write(const QString &name, const QByteArray &bytes)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            return {};
        return path;
    }

private slots:
    void readsAnOrdinaryFileUpToTheLimit()
    {
        const QByteArray bytes(100000, 'a');
        const QString path = write(QStringLiteral("ok.csv"), bytes);
        auto read = BoundedFile::read(path, 100000);
        QVERIFY(read.ok());
        QCOMPARE(read.value(), bytes);
        QVERIFY(BoundedFile::read(write(QStringLiteral("empty.csv"), {}), 10).ok());
    }

    void refusesAFileOverTheLimitNamingIt()
    {
        const QString path = write(QStringLiteral("big.csv"), QByteArray(2 * 1024 * 1024 + 1, 'a'));
        auto read = BoundedFile::read(path, 2 * 1024 * 1024);
        QVERIFY(!read.ok());
        QCOMPARE(read.error().kind(), ErrorKind::InvalidInput);
        QVERIFY2(read.error().message().contains(QLatin1String("2 MiB")), qPrintable(read.error().message()));
    }

    void refusesSpecialFilesPromptly_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("says");
        QTest::newRow("/dev/zero") << QStringLiteral("/dev/zero") << QStringLiteral("not an ordinary file");
        QTest::newRow("/dev/urandom") << QStringLiteral("/dev/urandom") << QStringLiteral("not an ordinary file");
        QTest::newRow("fifo") << QStringLiteral("FIFO") << QStringLiteral("not an ordinary file");
        QTest::newRow("folder") << QStringLiteral("FOLDER") << QStringLiteral("folder");
    }

    void refusesSpecialFilesPromptly()
    {
        QFETCH(QString, path);
        QFETCH(QString, says);
        if (path == QLatin1String("FIFO")) {
            path = m_dir.filePath(QStringLiteral("pipe.csv"));
            QVERIFY(::mkfifo(QFile::encodeName(path).constData(), 0600) == 0);
        } else if (path == QLatin1String("FOLDER")) {
            path = m_dir.filePath(QStringLiteral("folder.csv"));
            QVERIFY(QDir().mkpath(path));
        }
        QElapsedTimer timer;
        timer.start();
        auto read = BoundedFile::read(path, 64 * 1024 * 1024);
        QVERIFY(timer.elapsed() < 5000);
        QVERIFY(!read.ok());
        QCOMPARE(read.error().kind(), ErrorKind::InvalidInput);
        QVERIFY2(read.error().message().contains(says), qPrintable(read.error().message()));
        QVERIFY(read.error().message().contains(QDir::toNativeSeparators(path)));
    }

    void aMissingFileIsNotFound()
    {
        auto read = BoundedFile::read(m_dir.filePath(QStringLiteral("none.csv")), 10);
        QVERIFY(!read.ok());
        QCOMPARE(read.error().kind(), ErrorKind::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestBoundedFile)
#include "tst_boundedfile.moc"
