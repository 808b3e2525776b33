#include "storage/ServerAddress.h"

#include <QtTest>

using namespace dermdesk;

// How a clinic server's address is read, shown and handed to the driver: what a receptionist types in
// --database, DERMDESK_DATABASE or the Open Clinic Server dialog.
class TestServerAddress : public QObject
{
    Q_OBJECT

private slots:
    void readsEveryPartOfALibpqUri()
    {
        const auto parsed =
            ServerAddress::parse(QStringLiteral("postgresql://desk:s3cret@clinic-server:5433/clinic?sslmode=require"));
        QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().message()));
        const ServerAddress &address = parsed.value();
        QCOMPARE(address.host(), QStringLiteral("clinic-server"));
        QCOMPARE(address.port(), 5433);
        QCOMPARE(address.database(), QStringLiteral("clinic"));
        QCOMPARE(address.user(), QStringLiteral("desk"));
        QCOMPARE(address.password(), QStringLiteral("s3cret"));
        QCOMPARE(address.driverOptions(), QStringLiteral("sslmode=require"));
    }

    void neverShowsThePassword()
    {
        const auto parsed = ServerAddress::parse(QStringLiteral("postgres://desk:s3cret@clinic-server/clinic"));
        QVERIFY(parsed);
        QCOMPARE(parsed.value().display(), QStringLiteral("postgresql://desk@clinic-server/clinic"));
        const auto inQuery =
            ServerAddress::parse(QStringLiteral("postgresql://clinic-server/clinic?user=desk&password=s3cret"));
        QVERIFY(inQuery);
        QCOMPARE(inQuery.value().password(), QStringLiteral("s3cret"));
        QVERIFY(!inQuery.value().display().contains(QStringLiteral("s3cret")));
        QVERIFY(inQuery.value().toUri().contains(QStringLiteral("s3cret")));
    }

    void aSocketFolderAndItsPortSurviveTheRoundTrip()
    {
        const auto parsed =
            ServerAddress::parse(QStringLiteral("postgresql://desk@/clinic?host=/run/postgresql&port=5440"));
        QVERIFY(parsed);
        QCOMPARE(parsed.value().host(), QStringLiteral("/run/postgresql"));
        QCOMPARE(parsed.value().port(), 5440);
        const auto again = ServerAddress::parse(parsed.value().toUri());
        QVERIFY2(again, qPrintable(parsed.value().toUri()));
        QCOMPARE(again.value(), parsed.value());
        QVERIFY(parsed.value().display().startsWith(QStringLiteral("postgresql://desk@/clinic?")));
    }

    void readsAsAPersonSaysIt_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<QString>("described");
        QTest::newRow("socket folder and port")
            << QStringLiteral("postgresql://postgres:s3cret@/clinic?host=/tmp/x&port=55440")
            << QStringLiteral("postgres on this computer (socket /tmp/x, port 55440), database clinic");
        QTest::newRow("socket folder, libpq's port")
            << QStringLiteral("postgresql://desk@/clinic?host=/run/postgresql")
            << QStringLiteral("desk on this computer (socket /run/postgresql), database clinic");
        QTest::newRow("libpq's own socket")
            << QStringLiteral("postgresql:///clinic") << QStringLiteral("this computer, database clinic");
        QTest::newRow("host and port") << QStringLiteral("postgresql://desk@clinic-server:5433/riverside")
                                       << QStringLiteral("desk on clinic-server (port 5433), database riverside");
        QTest::newRow("host alone") << QStringLiteral("postgres://frontdesk@10.0.0.5/clinic?sslmode=require")
                                    << QStringLiteral("frontdesk on 10.0.0.5, database clinic");
    }

    void readsAsAPersonSaysIt()
    {
        QFETCH(QString, address);
        QFETCH(QString, described);
        const auto parsed = ServerAddress::parse(address);
        QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().message()));
        QCOMPARE(parsed.value().describe(), described);
    }

    void theFormsPartsMakeTheSameAddress()
    {
        const ServerAddress address = ServerAddress::fromParts(QStringLiteral(" clinic-server "), 5432,
                                                               QStringLiteral("clinic"), QStringLiteral("desk"));
        QCOMPARE(address.toUri(), QStringLiteral("postgresql://desk@clinic-server:5432/clinic"));
        QCOMPARE(ServerAddress::parse(address.toUri()).value(), address);
    }

    void quotesDriverOptionsThatHoldSpaces()
    {
        const auto parsed =
            ServerAddress::parse(QStringLiteral("postgresql://h/clinic?application_name=Front%20desk&sslmode=disable"));
        QVERIFY(parsed);
        QCOMPARE(parsed.value().driverOptions(), QStringLiteral("application_name='Front desk';sslmode=disable"));
    }

    void refusesWhatIsNoServerAddressNamingTheProblem_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("problem");
        QTest::newRow("no database") << "postgresql://desk@clinic-server"
                                     << "names no database";
        QTest::newRow("port zero") << "postgresql://desk@clinic-server:0/clinic"
                                   << "port";
        QTest::newRow("bad port parameter") << "postgresql://h/clinic?port=x"
                                            << "port";
        QTest::newRow("another scheme") << "mysql://h/clinic"
                                        << "postgresql://";
    }
    void refusesWhatIsNoServerAddressNamingTheProblem()
    {
        QFETCH(QString, text);
        QFETCH(QString, problem);
        const auto parsed = ServerAddress::parse(text);
        QVERIFY(!parsed);
        QCOMPARE(parsed.error().kind(), ErrorKind::InvalidInput);
        QCOMPARE(parsed.error().field(), QStringLiteral("database"));
        QVERIFY2(parsed.error().message().contains(problem), qPrintable(parsed.error().message()));
    }

    void tellsServerAddressesFromFilePaths()
    {
        QVERIFY(ServerAddress::looksLikeServer(QStringLiteral("postgresql://h/clinic")));
        QVERIFY(ServerAddress::looksLikeServer(QStringLiteral("  POSTGRES://h/clinic")));
        QVERIFY(!ServerAddress::looksLikeServer(QStringLiteral("/home/desk/postgresql/clinic.dermdesk")));
        QVERIFY(!ServerAddress::looksLikeServer(QStringLiteral("file:///clinic.dermdesk")));
    }
};

QTEST_GUILESS_MAIN(TestServerAddress)
#include "tst_serveraddress.moc"
