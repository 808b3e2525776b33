#pragma once

#include "FakeClock.h"
#include "ScheduleClinic.h"
#include "ScriptedPrompter.h"
#include "calendar/BookingService.h"
#include "common/AppIdentity.h"
#include "session/ClinicSession.h"

#include <QDir>
#include <QSettings>
#include <QWidget>
#include <QtTest>

namespace dermdesk::test {

// What every front-desk widget test starts from: ScheduleClinic in New York, "now" Thursday 2026-11-26
// 09:00 local (14:00 UTC), a ScriptedPrompter, and settings of its own. The widgets under test work on `session`,
// the desk's own connection to the clinic; what the test writes through `temp` (book(), SQL) reaches them as
// another desk's commit does.
struct FrontDeskFixture
{
    std::unique_ptr<TempDatabase> temp;
    FakeClock clock{QDateTime(QDate(2026, 11, 26), QTime(14, 0), Qt::UTC)};
    ScriptedPrompter prompter;
    QTimeZone zone{"America/New_York"};
    std::unique_ptr<ClinicSession> session;

    static void initTestCase(const char *name)
    {
        QLocale::setDefault(QLocale::c());
        setApplicationIdentity();
        QCoreApplication::setApplicationName(QLatin1String(name));
    }

    bool init()
    {
        QSettings().clear();
        prompter = {};
        session.reset();
        temp = std::make_unique<TempDatabase>();
        if (!temp->isValid() || !seedScheduleClinic(*temp))
            return false;
        return openSession();
    }

    // Opens `session` on the clinic file (again).
    bool openSession()
    {
        session.reset();
        auto opened = temp->reopen();
        if (!opened)
            return false;
        session = ClinicSession::adopt(std::move(opened).value(), clock);
        return true;
    }

    // Closes the session, then the clinic.
    void close()
    {
        session.reset();
        temp.reset();
    }

    [[nodiscard]] Database &database() { return temp->database(); }
    [[nodiscard]] qint64 count(const QString &sql) { return temp->scalar(sql).toLongLong(); }

    // Books through the core (bypassing the widget); 0 with a warning when refused.
    qint64 book(qint64 patient, qint64 practitioner, qint64 type, qint64 start, bool allowPast = false)
    {
        BookingService repository(database(), clock);
        BookingRequest request = bookingRequest(patient, practitioner, type, start);
        request.allowPast = allowPast;
        auto booked = repository.book(request);
        if (!booked) {
            qWarning("book: %s", qPrintable(booked.error().message()));
            return 0;
        }
        return booked.value().id;
    }
};

// Saves what `widget` shows as NAME.png in $DERMDESK_SCREENSHOT_DIR, when that is set (to look at it).
inline void saveScreenshot(QWidget *widget, const QString &name)
{
    const QString folder = qEnvironmentVariable("DERMDESK_SCREENSHOT_DIR");
    if (!folder.isEmpty())
        QVERIFY(widget->grab().save(QDir(folder).filePath(name + QStringLiteral(".png"))));
}

} // namespace dermdesk::test
