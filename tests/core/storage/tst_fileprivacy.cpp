#include "FileMode.h"
#include "storage/FilePrivacy.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace dermdesk;

namespace {

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

Status writeBytes(const QString &path, const QByteArray &bytes)
{
    return FilePrivacy::writeWhole(path, [&bytes](QIODevice &out) -> Status {
        if (out.write(bytes) != bytes.size())
            return Error::invalidInput(QStringLiteral("output"), out.errorString());
        return {};
    });
}

} // namespace

// Files and folders that hold clinic data are the owner's alone (0600 / 0700) under the usual umask 022,
// and clinic files others can open are recognised.
class TestFilePrivacy : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    [[nodiscard]] QString path(const QString &name) const { return m_dir.filePath(name); }

private slots:
    void initTestCase()
    {
        test::useUsualUmask();
        QVERIFY(m_dir.isValid());
    }

    void aNewEmptyFileIsTheOwnersAlone()
    {
        const QString file = path(QStringLiteral("new.dermdesk"));
        QVERIFY(FilePrivacy::createEmptyFile(file).ok());
        QCOMPARE(test::fileMode(file), QStringLiteral("600"));
        QCOMPARE(QFileInfo(file).size(), 0);
        QVERIFY(!FilePrivacy::widerThanOwner(file));

        const Status again = FilePrivacy::createEmptyFile(file);
        QVERIFY(!again.ok());
        QVERIFY2(again.error().message().contains(file), qPrintable(again.error().message()));
    }

    void missingFoldersAreCreatedForTheOwnerOnly()
    {
        QVERIFY(QDir().mkdir(path(QStringLiteral("shared"))));
        QVERIFY(QFile::setPermissions(path(QStringLiteral("shared")),
                                      QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
                                          | QFileDevice::ReadGroup | QFileDevice::ExeGroup | QFileDevice::ReadOther
                                          | QFileDevice::ExeOther));
        const QString deep = path(QStringLiteral("shared/DermDesk/DermDesk"));
        QVERIFY(FilePrivacy::createFolder(deep).ok());
        QCOMPARE(test::fileMode(path(QStringLiteral("shared/DermDesk"))), QStringLiteral("700"));
        QCOMPARE(test::fileMode(deep), QStringLiteral("700"));
        // A folder that was there already is not ours to change.
        QCOMPARE(test::fileMode(path(QStringLiteral("shared"))), QStringLiteral("755"));
        QVERIFY(FilePrivacy::createFolder(deep).ok());

        QVERIFY(writeFile(path(QStringLiteral("plain")), "x"));
        QVERIFY(!FilePrivacy::createFolder(path(QStringLiteral("plain/below"))).ok());
    }

    void aWrittenFileIsTheOwnersAloneAlsoWhenItReplacesAWiderOne()
    {
        const QString fresh = path(QStringLiteral("patients.csv"));
        QVERIFY(writeBytes(fresh, "id,family_name\n1,Müller\n").ok());
        QCOMPARE(test::fileMode(fresh), QStringLiteral("600"));
        QCOMPARE(fileBytes(fresh), QByteArray("id,family_name\n1,Müller\n"));

        const QString old = path(QStringLiteral("old-export.json"));
        QVERIFY(writeFile(old, "{}"));
        QCOMPARE(test::fileMode(old), QStringLiteral("644"));
        QVERIFY(writeBytes(old, "{\"patient\": 1}").ok());
        QCOMPARE(test::fileMode(old), QStringLiteral("600"));
        QCOMPARE(fileBytes(old), QByteArray("{\"patient\": 1}"));
    }

    void aFailedWriteLeavesTheFileAsItWas()
    {
        const QString file = path(QStringLiteral("kept.csv"));
        QVERIFY(writeFile(file, "before"));
        const Status failed = FilePrivacy::writeWhole(file, [](QIODevice &out) -> Status {
            out.write("half");
            return Error::storage(QStringLiteral("test"), QStringLiteral("stopped"));
        });
        QVERIFY(!failed.ok());
        QCOMPARE(failed.error().message(), QStringLiteral("stopped"));
        QCOMPARE(fileBytes(file), QByteArray("before"));
        QCOMPARE(QDir(m_dir.path()).entryList({QStringLiteral("kept.csv*")}, QDir::Files).size(), 1);

        const QString nowhere = path(QStringLiteral("no-such-folder/list.csv"));
        const Status unwritable = writeBytes(nowhere, "x");
        QVERIFY(!unwritable.ok());
        QCOMPARE(unwritable.error().field(), QStringLiteral("output"));
        QVERIFY2(unwritable.error().message().contains(nowhere), qPrintable(unwritable.error().message()));
    }

    void clinicFilesOthersCanOpenAreNamedAndCanBeMadePrivate()
    {
        const QString clinic = path(QStringLiteral("clinic.dermdesk"));
        QVERIFY(writeFile(clinic, "SQLite format 3"));
        QVERIFY(writeFile(clinic + QStringLiteral("-wal"), "wal"));
        QVERIFY(FilePrivacy::createEmptyFile(clinic + QStringLiteral("-shm")).ok());
        QVERIFY(FilePrivacy::widerThanOwner(clinic));
        QCOMPARE(FilePrivacy::exposedDatabaseFiles(clinic), QStringList({clinic, clinic + QStringLiteral("-wal")}));

        QVERIFY(FilePrivacy::restrictToOwner(clinic).ok());
        QVERIFY(FilePrivacy::restrictToOwner(clinic + QStringLiteral("-wal")).ok());
        QCOMPARE(test::fileMode(clinic), QStringLiteral("600"));
        QCOMPARE(test::fileMode(clinic + QStringLiteral("-wal")), QStringLiteral("600"));
        QVERIFY(FilePrivacy::exposedDatabaseFiles(clinic).isEmpty());

        const Status missing = FilePrivacy::restrictToOwner(path(QStringLiteral("gone.dermdesk")));
        QVERIFY(!missing.ok());
        QVERIFY(missing.error().message().contains(QStringLiteral("gone.dermdesk")));
    }
};

QTEST_GUILESS_MAIN(TestFilePrivacy)
#include "tst_fileprivacy.moc"
