#include "calendar/CancelReason.h"

#include <QtTest>

using namespace dermdesk;

Q_DECLARE_METATYPE(CancelCategory)

// How a cancellation reason is read, written and judged late.
class TestCancelReason : public QObject
{
    Q_OBJECT

private slots:
    void parse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<CancelCategory>("category");
        QTest::addColumn<QString>("detail");
        QTest::newRow("code") << QStringLiteral("illness") << CancelCategory::Illness << QString();
        QTest::newRow("code with detail")
            << QStringLiteral("illness: flu") << CancelCategory::Illness << QStringLiteral("flu");
        QTest::newRow("label, any case") << QStringLiteral("Patient Request") << CancelCategory::PatientRequest
                                         << QString();
        QTest::newRow("label with detail") << QStringLiteral("Patient request: moved house")
                                           << CancelCategory::PatientRequest << QStringLiteral("moved house");
        QTest::newRow("code with dash") << QStringLiteral("patient-request") << CancelCategory::PatientRequest
                                        << QString();
        QTest::newRow("clinic") << QStringLiteral(" clinic : doctor ill ") << CancelCategory::Clinic
                                << QStringLiteral("doctor ill");
        QTest::newRow("free text") << QStringLiteral("Snowed in") << CancelCategory::Other
                                   << QStringLiteral("Snowed in");
        QTest::newRow("free text with colon") << QStringLiteral("Car broke down: will call") << CancelCategory::Other
                                              << QStringLiteral("Car broke down: will call");
    }

    void parse()
    {
        QFETCH(QString, text);
        QFETCH(CancelCategory, category);
        QFETCH(QString, detail);
        const CancelReason reason = cancel_reason::parse(text);
        QCOMPARE(reason.category, category);
        QCOMPARE(reason.detail, detail);
    }

    void describeAndStorage()
    {
        QCOMPARE(cancel_reason::describe({CancelCategory::Illness, {}}), QStringLiteral("Illness"));
        QCOMPARE(cancel_reason::describe({CancelCategory::Clinic, QStringLiteral(" closed ")}),
                 QStringLiteral("Clinic: closed"));
        for (CancelCategory category : cancel_reason::all()) {
            QCOMPARE(cancel_reason::fromStorage(cancel_reason::toStorage(category)),
                     std::optional<CancelCategory>(category));
            QVERIFY(!cancel_reason::label(category).isEmpty());
        }
        QCOMPARE(cancel_reason::fromStorage(QStringLiteral("weather")), std::nullopt);
    }

    void lateMeansLessThanADayOfNotice()
    {
        const qint64 start = 1'800'000'000;
        const qint64 day = cancel_reason::lateNoticeSeconds;
        QVERIFY(!cancel_reason::isLate(CancelCategory::PatientRequest, start, start - day));
        QVERIFY(cancel_reason::isLate(CancelCategory::PatientRequest, start, start - day + 1));
        QVERIFY(cancel_reason::isLate(CancelCategory::Other, start, start + 600));
        QVERIFY(!cancel_reason::isLate(CancelCategory::Clinic, start, start - 60));
    }
};

QTEST_GUILESS_MAIN(TestCancelReason)
#include "tst_cancelreason.moc"
