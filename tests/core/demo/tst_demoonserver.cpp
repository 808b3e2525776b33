#include "FakeClock.h"
#include "TempDatabase.h"
#include "clinic/ClinicRepository.h"
#include "demo/DemoClinicGenerator.h"

#include <QtTest>

using namespace dermdesk;

// The demo generator writes new files only (its rows go in through SQLite's own interface); a clinic on a server gets
// a demo as a file copied there with copy-clinic (tst_cli_clinicinfo). Asked to fill a server database, it refuses
// and writes nothing.
class TestDemoOnServer : public QObject
{
    Q_OBJECT

private:
    test::FakeClock m_clock;

private slots:
    void aServerClinicIsRefusedAndLeftEmpty()
    {
        test::TempDatabase temp;
        QVERIFY(temp.isValid());
        QVERIFY(temp.isOnServer());
        DemoOptions options;
        options.patients = 5;
        options.today = QDate(2026, 11, 24);
        const auto refused = DemoClinicGenerator(options, m_clock).generate(temp.database());
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().kind(), ErrorKind::InvalidInput);
        QCOMPARE(refused.error().field(), QStringLiteral("database"));
        QVERIFY2(refused.error().message().contains(QLatin1String("copy-clinic")),
                 qPrintable(refused.error().message()));
        const auto settings = ClinicRepository(temp.database(), m_clock).settings();
        QVERIFY(settings.ok());
        QVERIFY(!settings.value().has_value());
        QCOMPARE(temp.scalar(QStringLiteral("SELECT count(*) FROM patient")).toInt(), 0);
    }
};

QTEST_GUILESS_MAIN(TestDemoOnServer)
#include "tst_demoonserver.moc"
