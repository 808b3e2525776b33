#include "calendar/AppointmentStatus.h"

#include <QtTest>

using namespace dermdesk;
namespace status = dermdesk::appointment_status;

class TestAppointmentStatus : public QObject
{
    Q_OBJECT

private slots:
    void storageSpellingsMatchTheSchema()
    {
        const QStringList expected = {QStringLiteral("booked"),    QStringLiteral("confirmed"),
                                      QStringLiteral("arrived"),   QStringLiteral("in_treatment"),
                                      QStringLiteral("completed"), QStringLiteral("cancelled"),
                                      QStringLiteral("no_show")};
        QStringList actual;
        for (AppointmentStatus s : status::all()) {
            actual << status::toStorage(s);
            QCOMPARE(status::fromStorage(status::toStorage(s)), s);
            QVERIFY(!status::label(s).isEmpty());
        }
        QCOMPARE(actual, expected);
        QVERIFY(!status::fromStorage(QStringLiteral("lost")).has_value());
    }

    void transitions_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addColumn<bool>("allowed");
        const auto row = [](const char *from, const char *to, bool allowed) {
            QTest::addRow("%s -> %s", from, to) << QString::fromLatin1(from) << QString::fromLatin1(to) << allowed;
        };
        row("booked", "confirmed", true);
        row("booked", "arrived", true);
        row("confirmed", "arrived", true);
        row("arrived", "in_treatment", true);
        row("in_treatment", "completed", true);
        row("booked", "cancelled", true);
        row("confirmed", "no_show", true);
        row("booked", "completed", false);
        row("booked", "in_treatment", false);
        row("confirmed", "booked", false);
        row("completed", "cancelled", false);
        row("cancelled", "booked", false);
        row("no_show", "arrived", false);
        row("in_treatment", "no_show", false);
        row("arrived", "no_show", false);
    }

    void transitions()
    {
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(bool, allowed);
        QCOMPARE(status::canChange(*status::fromStorage(from), *status::fromStorage(to)), allowed);
    }

    void onlyCancelledAndNoShowFreeTheSlot()
    {
        for (AppointmentStatus s : status::all()) {
            const bool frees = s == AppointmentStatus::Cancelled || s == AppointmentStatus::NoShow;
            QCOMPARE(status::holdsSlot(s), !frees);
        }
    }
};

QTEST_GUILESS_MAIN(TestAppointmentStatus)
#include "tst_appointmentstatus.moc"
