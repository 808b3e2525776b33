#include "FakeClock.h"
#include "FileMode.h"
#include "ScriptedPrompter.h"
#include "TempDatabase.h"
#include "clinic/ClinicRepository.h"
#include "common/AppIdentity.h"
#include "session/ClinicSession.h"
#include "ui/shell/ClinicOpener.h"

#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <sqlite3.h>
#include <sys/stat.h>

using namespace dermdesk;
using ui::ClinicOpener;
using Choice = ui::Prompter::OpenFailureChoice;

namespace {

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

bool rawExec(const QString &path, const char *sql)
{
    sqlite3 *db = nullptr;
    if (sqlite3_open(path.toUtf8().constData(), &db) != SQLITE_OK)
        return false;
    const bool ok = sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK;
    sqlite3_close(db);
    return ok;
}

} // namespace

// Opening clinic databases from the desktop program: bad files are explained through the dialog
// seam and left untouched, another file can be chosen, a new file gets the first-run prompt.
class TestClinicOpener : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    test::FakeClock m_clock;
    test::ScriptedPrompter m_prompter;

    [[nodiscard]] QString path(const char *name) const { return m_dir.filePath(QLatin1String(name)); }

    std::unique_ptr<ClinicSession> open(const QString &file,
                                        ClinicOpener::Context context = ClinicOpener::Context::Startup)
    {
        return ClinicOpener(m_prompter, m_clock).open(file, nullptr, context);
    }

    // A set-up clinic database at `file`, closed again.
    static bool makeClinic(const QString &file)
    {
        auto opened = Database::open(file);
        if (!opened)
            return false;
        ClinicSettings settings = test::ScriptedPrompter::clinic(QStringLiteral("Other Clinic"), "America/Chicago");
        return ClinicRepository(*opened.value()).saveSettings(settings).ok();
    }

    void refusedAndUntouched(const QString &file, const QString &code)
    {
        const QByteArray before = fileBytes(file);
        QVERIFY(!before.isEmpty());
        QVERIFY(!open(file));
        QCOMPARE(m_prompter.failures.size(), 1);
        QCOMPARE(m_prompter.failures.first().path, file);
        QCOMPARE(m_prompter.failures.first().error.code(), code);
        QVERIFY(!m_prompter.failures.first().error.message().isEmpty());
        QVERIFY(!m_prompter.failures.first().canKeepCurrent);
        QVERIFY(m_prompter.settingsAskedFor.isEmpty());
        QCOMPARE(fileBytes(file), before);
    }

private slots:
    void initTestCase() { test::useUsualUmask(); }
    void init() { m_prompter = {}; }

    void newerSchemaIsRefusedAndLeftUntouched()
    {
        const QString file = path("newer.dermdesk");
        QVERIFY(makeClinic(file));
        QVERIFY(rawExec(file, "PRAGMA user_version = 99"));
        refusedAndUntouched(file, QStringLiteral("storage.newer_schema"));
    }

    void nonDatabaseFileIsRefusedAndLeftUntouched()
    {
        const QString file = path("letter.dermdesk");
        QVERIFY(writeFile(file, "Dear Dr. Hiers,\nthank you for the lovely treatment.\n"));
        refusedAndUntouched(file, QStringLiteral("storage.foreign"));
    }

    void foreignDatabaseIsRefusedAndLeftUntouched()
    {
        const QString file = path("music.db");
        QVERIFY(
            rawExec(file, "CREATE TABLE song (id INTEGER PRIMARY KEY, title TEXT); INSERT INTO song VALUES (1, 'x')"));
        refusedAndUntouched(file, QStringLiteral("storage.foreign"));
    }

    void corruptFileIsRefusedAndLeftUntouched()
    {
        const QString file = path("corrupt.dermdesk");
        QByteArray bytes("SQLite format 3");
        bytes.append('\0');
        bytes.append(QByteArray(4096, '\x5a'));
        QVERIFY(writeFile(file, bytes));
        const QByteArray before = fileBytes(file);
        QVERIFY(!open(file));
        QCOMPARE(m_prompter.failures.size(), 1);
        QCOMPARE(m_prompter.failures.first().error.kind(), ErrorKind::Storage);
        QCOMPARE(fileBytes(file), before);
    }

    void foldersDevicesAndPipesAreExplainedNotOpened_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("folder") << m_dir.path();
        QTest::newRow("/dev/null") << QStringLiteral("/dev/null");
        QTest::newRow("/dev/zero") << QStringLiteral("/dev/zero");
        QTest::newRow("fifo") << QStringLiteral("fifo");
    }

    void foldersDevicesAndPipesAreExplainedNotOpened()
    {
        QFETCH(QString, file);
        if (file == QLatin1String("fifo")) {
            file = path("clinic.fifo");
            QCOMPARE(::mkfifo(QFile::encodeName(file).constData(), 0600), 0);
        }
        // A pipe would block a read for ever: the refusal comes without reading it.
        QVERIFY(!open(file));
        QCOMPARE(m_prompter.failures.size(), 1);
        QCOMPARE(m_prompter.failures.first().error.code(), QStringLiteral("storage.not_a_file"));
        QVERIFY(m_prompter.failures.first().error.message().contains(QLatin1String("not a clinic database file")));
        QVERIFY(m_prompter.settingsAskedFor.isEmpty());
    }

    void readOnlyFileIsRefusedAndLeftUntouched()
    {
        const QString file = path("readonly.dermdesk");
        QVERIFY(makeClinic(file));
        QVERIFY(QFile::setPermissions(file, QFileDevice::ReadOwner | QFileDevice::ReadGroup));
        refusedAndUntouched(file, QStringLiteral("storage.read_only"));
        QVERIFY(QFile::setPermissions(file, QFileDevice::ReadOwner | QFileDevice::WriteOwner));
    }

    void missingFolderOffersAnotherFile()
    {
        const QString other = path("other.dermdesk");
        QVERIFY(makeClinic(other));
        m_prompter.openFailureAnswers = {Choice::OpenAnother};
        m_prompter.fileAnswers = {other};
        const QString missing = path("no-such-folder/clinic.dermdesk");
        const auto database = open(missing);
        QVERIFY(database);
        QCOMPARE(database->location(), other);
        QCOMPARE(m_prompter.failures.size(), 1);
        QCOMPARE(m_prompter.failures.first().error.code(), QStringLiteral("storage.no_folder"));
        QVERIFY(!QFileInfo::exists(path("no-such-folder")));
    }

    void cancellingTheFileChooserAsksAgain()
    {
        const QString other = path("third.dermdesk");
        QVERIFY(makeClinic(other));
        m_prompter.openFailureAnswers = {Choice::OpenAnother, Choice::OpenAnother};
        m_prompter.fileAnswers = {QString(), other};
        const auto database = open(path("missing/clinic.dermdesk"));
        QVERIFY(database);
        QCOMPARE(m_prompter.failures.size(), 2);
        QCOMPARE(m_prompter.filesAsked, 2);
        QCOMPARE(database->location(), other);
    }

    void givingUpWhileAClinicIsOpenKeepsIt()
    {
        const QString file = path("letter2.dermdesk");
        QVERIFY(writeFile(file, "not a database"));
        QVERIFY(!open(file, ClinicOpener::Context::Replacing));
        QCOMPARE(m_prompter.failures.size(), 1);
        QVERIFY(m_prompter.failures.first().canKeepCurrent);
    }

    void newFileAsksForTheClinicAndSavesIt()
    {
        const QString file = path("new.dermdesk");
        m_prompter.settingsAnswers = {
            test::ScriptedPrompter::clinic(QStringLiteral("Riverside Skin"), "Europe/Berlin")};
        const auto database = open(file);
        QVERIFY(database);
        QCOMPARE(m_prompter.settingsAskedFor, QStringList{database->location()});
        const auto saved = database->service<ClinicRepository>().settings();
        QVERIFY(saved.ok() && saved.value().has_value());
        QCOMPARE(saved.value()->name, QStringLiteral("Riverside Skin"));
        QCOMPARE(saved.value()->timeZone, QByteArray("Europe/Berlin"));
        QVERIFY(m_prompter.failures.isEmpty());
    }

    // The clinic opens as a session that acts as this computer's user at this computer: the audit log names them
    // for the set-up saved by the first-run prompt.
    void theSessionActsAsThisComputersUser()
    {
        const QString file = path("new.dermdesk");
        m_prompter.settingsAnswers = {
            test::ScriptedPrompter::clinic(QStringLiteral("Riverside Skin"), "Europe/Berlin")};
        const auto session = open(file);
        QVERIFY(session);
        const Actor expected = Actor::ofThisComputer();
        QCOMPARE(session->actor().person, expected.person);
        QCOMPARE(session->actor().workstation, expected.workstation);
        QSqlQuery audit(session->database().connection());
        QVERIFY(
            audit.exec(QStringLiteral("SELECT actor, workstation FROM audit_log WHERE entity = 'clinic_settings'")));
        QVERIFY(audit.next());
        QCOMPARE(audit.value(0).toString(), expected.person);
        QCOMPARE(audit.value(1).toString(), expected.workstation);
    }

    void unsavableSettingsAreExplainedAndAskedAgain()
    {
        const QString file = path("again.dermdesk");
        m_prompter.settingsAnswers = {test::ScriptedPrompter::clinic(QStringLiteral("Riverside"), "Mars/Olympus_Mons"),
                                      test::ScriptedPrompter::clinic(QStringLiteral("Riverside"), "America/Denver")};
        const auto database = open(file);
        QVERIFY(database);
        QCOMPARE(m_prompter.settingsAskedFor.size(), 2);
        QCOMPARE(m_prompter.errors.size(), 1);
        QCOMPARE(m_prompter.errors.first().field(), QStringLiteral("time_zone"));
        QCOMPARE(database->service<ClinicRepository>().timeZone().id(), QByteArray("America/Denver"));
    }

    void cancellingTheFirstRunRemovesTheNewFile()
    {
        const QString file = path("cancelled.dermdesk");
        QVERIFY(!open(file));
        QCOMPARE(m_prompter.settingsAskedFor.size(), 1);
        QVERIFY(!QFileInfo::exists(file));
        QVERIFY(!QFileInfo::exists(file + QStringLiteral("-wal")));
    }

    void demoClinicIsCreatedOnFirstUseAndThenReused()
    {
        setApplicationIdentity();
        const QString demo = Database::defaultDemoPath();
        QVERIFY(demo.startsWith(QLatin1String(DERMDESK_BINARY_DIR)));
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(demo + suffix);

        auto first = ClinicOpener(m_prompter, m_clock).openDemo(nullptr, ClinicOpener::Context::Startup);
        QVERIFY(first);
        QCOMPARE(first->location(), demo);
        const auto settings = first->service<ClinicRepository>().settings();
        QVERIFY(settings.ok() && settings.value().has_value());
        QCOMPARE(settings.value()->timeZone, QByteArray("America/New_York"));
        first.reset();

        const QDateTime written = QFileInfo(demo).lastModified();
        auto second = ClinicOpener(m_prompter, m_clock).openDemo(nullptr, ClinicOpener::Context::Startup);
        QVERIFY(second);
        QCOMPARE(QFileInfo(demo).lastModified(), written);
        QVERIFY(m_prompter.settingsAskedFor.isEmpty());
        QVERIFY(m_prompter.failures.isEmpty());
    }

    void setUpClinicOpensWithoutQuestions()
    {
        const QString file = path("ready.dermdesk");
        QVERIFY(makeClinic(file));
        QVERIFY(open(file));
        QVERIFY(m_prompter.settingsAskedFor.isEmpty());
        QVERIFY(m_prompter.failures.isEmpty());
        QVERIFY(m_prompter.confirmations.isEmpty());
    }

    void aNewClinicAndItsFolderAreTheOwnersAlone()
    {
        const QString file = path("private/clinics/new.dermdesk");
        QVERIFY(ClinicOpener::ensureFolder(file).ok());
        QCOMPARE(test::fileMode(path("private")), QStringLiteral("700"));
        QCOMPARE(test::fileMode(path("private/clinics")), QStringLiteral("700"));
        m_prompter.settingsAnswers = {test::ScriptedPrompter::clinic(QStringLiteral("Riverside"), "America/Denver")};
        const auto database = open(file);
        QVERIFY(database);
        QCOMPARE(test::fileMode(file), QStringLiteral("600"));
        QCOMPARE(test::fileMode(file + QStringLiteral("-wal")), QStringLiteral("600"));
        QVERIFY(m_prompter.confirmations.isEmpty());
    }

    void aClinicOthersCanOpenIsNamedAndMadePrivateWhenThePersonAgrees()
    {
        const QString file = path("shared.dermdesk");
        QVERIFY(makeClinic(file));
        QVERIFY(test::makeReadableByOthers(file));
        m_prompter.confirmAnswers = {true};
        const auto database = open(file);
        QVERIFY(database);
        QCOMPARE(m_prompter.confirmations.size(), 1);
        QVERIFY2(m_prompter.confirmations.first().contains(file), qPrintable(m_prompter.confirmations.first()));
        QCOMPARE(test::fileMode(file), QStringLiteral("600"));
        // SQLite made the -wal with the file's old mode; it is the owner's alone too.
        QCOMPARE(test::fileMode(file + QStringLiteral("-wal")), QStringLiteral("600"));
        QCOMPARE(test::fileMode(file + QStringLiteral("-shm")), QStringLiteral("600"));
        QVERIFY(m_prompter.errors.isEmpty());
    }

    void aClinicOthersCanOpenStaysAsItIsWhenThePersonDeclines()
    {
        const QString file = path("declined.dermdesk");
        QVERIFY(makeClinic(file));
        QVERIFY(test::makeReadableByOthers(file));
        m_prompter.confirmAnswers = {false};
        const auto database = open(file);
        QVERIFY(database);
        QCOMPARE(m_prompter.confirmations.size(), 1);
        QCOMPARE(test::fileMode(file), QStringLiteral("644"));
        QVERIFY(m_prompter.failures.isEmpty());
    }
};

QTEST_MAIN(TestClinicOpener)
#include "tst_ui_clinicopener.moc"
