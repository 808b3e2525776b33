#include "BenchReport.h"
#include "RefreshBench.h"
#include "ScheduleFixture.h"
#include "agenda/ScheduleModel.h"
#include "calendar/BookingService.h"
#include "session/ClinicSession.h"
#include "ui/frontdesk/FrontDesk.h"
#include "ui/frontdesk/PractitionerDayAgenda.h"
#include "ui/patientfile/PatientPage.h"
#include "ui/patientfile/PatientTimeline.h"
#include "ui/patientfile/PatientsArea.h"
#include "ui/schedule/ScheduleArea.h"
#include "ui/shell/DialogPrompter.h"
#include "ui/shell/MainWindow.h"

#include "ScratchClinic.h"
#include <QApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <functional>

namespace dermdesk::bench {

namespace {

// One open view and whether it shows appointment `id`.
struct OpenView
{
    QString name;
    std::function<bool(qint64 id)> holds;
};

// The views of `window` that are open, with how each is asked whether it shows an appointment.
QList<OpenView> openViews(const ui::MainWindow &window)
{
    QList<OpenView> views;
    if (ui::ScheduleArea *schedule = window.scheduleArea())
        views.append({QStringLiteral("schedule"), [schedule](qint64 id) { return schedule->model()->rowOf(id) >= 0; }});
    if (ui::PractitionerDayAgenda *day = window.frontDesk() ? window.frontDesk()->practitionerDay() : nullptr) {
        views.append({QStringLiteral("practitioner's day"), [day](qint64 id) {
                          return std::any_of(day->entries().cbegin(), day->entries().cend(),
                                             [id](const AgendaEntry &entry) { return entry.id == id; });
                      }});
    }
    if (ui::PatientPage *page = window.patientsArea() ? window.patientsArea()->patientPage() : nullptr) {
        views.append(
            {QStringLiteral("patient page"), [page](qint64 id) { return page->timeline()->itemOf(id) != nullptr; }});
    }
    return views;
}

// Lets the window settle: everything queued is handled, including what is posted while handling it.
void settle()
{
    for (int i = 0; i < 5; ++i)
        QCoreApplication::processEvents();
}

} // namespace

void benchRefreshLocal(BenchReport &report, const QString &path, int runs)
{
    const QString metric = QStringLiteral("refresh_local_ms");
    if (!qobject_cast<QApplication *>(QCoreApplication::instance())) {
        report.skipped(metric, QStringLiteral("no QApplication"));
        return;
    }
    const ScratchClinic work(path, ScratchClinic::Kind::CopyOf);
    ScheduleFixture fixture = openScheduleCopy(work);
    if (!fixture.failure.isEmpty()) {
        report.skipped(metric, fixture.failure);
        return;
    }
    const QList<qint64> patients = newestPatients(*fixture.database, 1);
    if (patients.isEmpty()) {
        report.skipped(metric, QStringLiteral("no patients"));
        return;
    }
    const qint64 patient = patients.first();

    // The desk as a receptionist has it: the main window on the clinic, the patient's page opened, then back to the
    // schedule with the practitioner's-day panel open.
    ui::DialogPrompter prompter;
    ui::MainWindow window(prompter, *fixture.clock);
    window.setSession(ClinicSession::adopt(std::move(fixture.database), *fixture.clock));
    ClinicSession &session = *window.session();
    window.resize(1600, 1000);
    window.show();
    window.openPatient(patient);
    window.showArea(ui::MainWindow::Area::Schedule);
    window.showPractitionerDay();
    settle();

    QList<double> samples;
    QList<double> bookings;
    QStringList covered;
    for (int i = 0; i < runs + 1; ++i) {
        SlotFinder::Query query = eightWeeks(fixture, 1);
        query.patientId = patient;
        const auto slot = session.service<SlotFinder>().find(query);
        if (!slot || slot.value().isEmpty()) {
            report.skipped(metric, slot ? QStringLiteral("no free slot to book") : slot.error().message());
            return;
        }
        BookingRequest request;
        request.patientId = patient;
        request.practitionerId = slot.value().first().practitionerId;
        request.typeId = fixture.typeId;
        request.startsAt = slot.value().first().startsAt;
        request.roomId = slot.value().first().roomId;
        request.acknowledgement = QStringLiteral("Benchmark booking: screening discussed");
        // The schedule and the practitioner's day on the booking's day and practitioner.
        const QDate day = fixture.setup->time().localDate(request.startsAt);
        window.scheduleArea()->setDate(day);
        if (ui::PractitionerDayAgenda *panel = window.frontDesk()->practitionerDay())
            panel->showDay(request.practitionerId, day);
        settle();

        const QList<OpenView> views = openViews(window);
        QElapsedTimer timer;
        timer.start();
        const Result<Appointment> booked = session.service<BookingService>().book(request);
        const double bookingMs = msSince(timer);
        if (!booked) {
            report.skipped(metric, booked.error().message());
            return;
        }
        timer.restart();
        // When each view first held the booking, in milliseconds after the commit; negative while it does not.
        QList<double> heldAfter(views.size(), -1);
        while (heldAfter.contains(-1) && timer.elapsed() < 5000) {
            QCoreApplication::processEvents();
            for (qsizetype v = 0; v < views.size(); ++v) {
                if (heldAfter.at(v) < 0 && views.at(v).holds(booked.value().id))
                    heldAfter[v] = msSince(timer);
            }
        }
        const double ms = msSince(timer);
        if (heldAfter.contains(-1)) {
            QStringList missing;
            QStringList held;
            for (qsizetype v = 0; v < views.size(); ++v) {
                if (heldAfter.at(v) < 0)
                    missing.append(views.at(v).name);
                else
                    held.append(QStringLiteral("%1 after %2 ms").arg(views.at(v).name).arg(heldAfter.at(v), 0, 'f', 1));
            }
            report.skipped(metric, QStringLiteral("5 s after a booking made through the session, it was still missing "
                                                  "from: %1 (held: %2)")
                                       .arg(missing.join(QStringLiteral(", ")),
                                            held.isEmpty() ? QStringLiteral("none") : held.join(QStringLiteral(", "))));
            return;
        }
        covered.clear();
        for (const OpenView &view : views)
            covered.append(view.name);
        if (i > 0) { // the first run builds what later runs reuse
            samples.append(ms);
            bookings.append(bookingMs);
        }
    }
    report.metric(metric, BenchReport::median(samples), QStringLiteral("ms"), 20.0,
                  QStringLiteral("the main window at 1600x1000 on the booking's day; from the commit of a booking made "
                                 "through the session (%1, its own call %2 ms) until every open view holds it (%3), "
                                 "median of %4")
                      .arg(typeName(fixture))
                      .arg(BenchReport::median(bookings), 0, 'f', 1)
                      .arg(covered.join(QStringLiteral(", ")))
                      .arg(samples.size()));
}

} // namespace dermdesk::bench
