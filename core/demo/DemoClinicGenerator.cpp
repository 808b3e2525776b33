#include "DemoClinicGenerator.h"

#include "ClinicCensus.h"
#include "DemoClosures.h"
#include "DemoJourneys.h"
#include "DemoScreening.h"
#include "DemoVocabulary.h"
#include "DemoWriter.h"
#include "clinic/ClinicRepository.h"
#include "patients/ScreeningRepository.h"
#include "storage/Database.h"
#include "storage/ServerAddress.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>

#include <algorithm>
#include <array>
#include <numeric>
#include <thread>

namespace dermdesk {

using namespace demo;

namespace {

using vocabulary::tr;

constexpr int monthsOfDefaultHistory = 6;
constexpr int daysOfCalendarAhead = 182;
constexpr int daysOfNewPatientsAhead = 28;
constexpr qsizetype rowsPerTransaction = 20000;
// Appointments from this many days before today on carry their status history.
constexpr int daysOfStatusHistory = 90;

class FixedClock final : public Clock
{
public:
    explicit FixedClock(qint64 utcSeconds)
        : m_now(QDateTime::fromSecsSinceEpoch(utcSeconds, QTimeZone::utc()))
    {
    }
    [[nodiscard]] QDateTime now() const override { return m_now; }

private:
    QDateTime m_now;
};

// Reports 0..100 to `callback`, once per change.
class Progress
{
public:
    explicit Progress(const std::function<void(int)> &callback)
        : m_callback(callback)
    {
    }
    // `done` of `total` within the band [from, to] percent.
    void report(int from, int to, qint64 done, qint64 total)
    {
        const int percent = from + int((to - from) * (total > 0 ? double(done) / double(total) : 1.0));
        if (m_callback && percent != m_last) {
            m_last = percent;
            m_callback(percent);
        }
    }

private:
    const std::function<void(int)> &m_callback;
    int m_last = -1;
};

DemoSessionDetails sessionDetails(quint64 seed, std::size_t index, const DemoPlan &plan, QDate performedOn)
{
    DemoRandom rng = DemoRandom::stream(seed, 0x500000000ULL + index);
    DemoSessionDetails details;
    details.device = quint8(rng.weighted({50, 35, 15}));
    // Cartridges are made a month or two before they are used.
    const QDate made = performedOn.addMonths(-rng.between(1, 2));
    details.lotMonth = (made.year() % 100) * 100 + made.month();
    details.lotSerial = rng.between(1, 999);
    details.numbing = quint8(rng.chance(0.8) ? 0 : 1);
    details.products = quint8(rng.chance(0.7) ? 0 : 1);
    const bool deep = plan.type == DemoType::Body || (plan.concerns & (1U << vocabulary::AcneScars)) != 0;
    details.reaction = quint8(deep ? rng.weighted({5, 40, 25, 5, 22, 3}) : rng.weighted({12, 60, 18, 2, 6, 2}));
    details.note = quint8(rng.chance(0.1) ? rng.between(1, vocabulary::SessionNoteCount - 1) : 0);
    return details;
}

} // namespace

DemoClinicGenerator::DemoClinicGenerator(DemoOptions options, const Clock &clock)
    : m_options(std::move(options))
    , m_clock(clock)
{
}

Result<DemoSummary> DemoClinicGenerator::generate(Database &database) const
{
    if (m_options.patients < 1 || m_options.patients > DemoOptions::maxPatients) {
        return Error::invalidInput(QStringLiteral("patients"),
                                   tr("A demo clinic has 1 to %1 patients.").arg(DemoOptions::maxPatients));
    }
    if (m_options.years < 0 || m_options.years > DemoOptions::maxYears) {
        return Error::invalidInput(QStringLiteral("years"),
                                   tr("A demo clinic has 0 to %1 years of history.").arg(DemoOptions::maxYears));
    }

    // DemoWriter loads rows through SQLite's own interface, into a file no one else uses yet.
    if (database.isOnServer()) {
        return Error::invalidInput(QStringLiteral("database"),
                                   tr("A demo clinic is only written into a new file, not into a clinic on a server "
                                      "(%1); copy the file there with copy-clinic.")
                                       .arg(database.path()));
    }

    ClinicRepository check(database, m_clock);
    const auto existing = check.settings();
    if (!existing)
        return existing.error();
    if (existing.value().has_value()) {
        return Error::invalidInput(
            QStringLiteral("database"),
            tr("%1 already holds a clinic; a demo clinic is only written into a new, empty file.")
                .arg(QDir::toNativeSeparators(database.path())));
    }

    const QTimeZone zone(DemoClinicLayout::settings().timeZone);
    const qint64 now = m_options.today.isValid() ? QDateTime(m_options.today, QTime(12, 0), zone).toSecsSinceEpoch()
                                                 : m_clock.now().toSecsSinceEpoch();
    const QDate today = QDateTime::fromSecsSinceEpoch(now, zone).date();
    const QDate first =
        m_options.years > 0 ? today.addYears(-m_options.years) : today.addMonths(-monthsOfDefaultHistory);
    const DemoCalendar calendar(first, today.addDays(daysOfCalendarAhead), zone);
    const int lastConsultDay = calendar.dayOf(today) + daysOfNewPatientsAhead;
    const int teams = DemoClinicLayout::teamsFor(m_options.patients, double(lastConsultDay) / 365.25);
    Progress progress(m_options.progress);
    progress.report(0, 1, 0, 1);

    DemoWriter writer(database);
    if (Status bulk = writer.beginBulkLoad(); !bulk)
        return bulk.error();
    writer.setHistorySince(calendar.startOfDay(today.addDays(-daysOfStatusHistory)));

    const qint64 setupAt = calendar.toUtc(0, 7 * 60);
    const FixedClock setupClock(setupAt);
    ClinicRepository repository(database, setupClock);
    const auto installed = DemoClinicLayout::install(repository, teams);
    if (!installed)
        return installed.error();
    const DemoStaff &staff = installed.value();
    // The clinic's own questionnaire and contraindication rules, as a new clinic has them.
    const ScreeningRepository screening(database, setupClock);
    auto questions = screening.questions();
    if (!questions)
        return questions.error();
    auto rules = screening.rules();
    if (!rules)
        return rules.error();
    auto maxAgeDays = screening.maxAgeDays();
    if (!maxAgeDays)
        return maxAgeDays.error();
    writer.setScreeningQuestions(questions.value());

    DemoSchedule schedule(calendar, staff, teams);
    DemoDataset data;
    planClosures(schedule, staff, m_options.seed, setupAt, now, data.blockouts);

    // New patients arrive evenly over the history; their ids follow the order of arrival. Their
    // personal details are made on a second thread while the visits are planned.
    std::vector<int> firstDays(std::size_t(m_options.patients));
    for (int i = 0; i < m_options.patients; ++i)
        firstDays[std::size_t(i)] = DemoRandom::stream(m_options.seed, quint64(i)).between(0, lastConsultDay);
    std::sort(firstDays.begin(), firstDays.end());
    data.patients.resize(firstDays.size());
    for (std::size_t i = 0; i < firstDays.size(); ++i) {
        data.patients[i].firstDay = firstDays[i];
        data.patients[i].team = int(i % std::size_t(teams));
    }
    data.appointments.reserve(std::size_t(m_options.patients) * 11);
    std::vector<DemoPerson> people(data.patients.size());
    std::jthread peopleMaker([&people, &data, &calendar, &today, this] {
        for (std::size_t i = 0; i < people.size(); ++i) {
            people[i] = DemoPeople::person(m_options.seed, int(i), int(people.size()),
                                           calendar.date(data.patients[i].firstDay), today);
        }
    });

    DemoJourneys journeys(staff, schedule, m_options.seed, now, data);
    journeys.setLastConsultationDay(lastConsultDay);
    for (int i = 0; i < m_options.patients; ++i) {
        journeys.planPatient(i);
        if (i % 1024 == 0)
            progress.report(1, 35, i, m_options.patients);
    }

    const std::vector<DemoScreening> screenings =
        DemoScreeningPlanner(std::move(questions).value(), std::move(rules).value(), maxAgeDays.value(), calendar,
                             staff, m_options.seed, now)
            .plan(data);
    peopleMaker.join();
    // Appointments are written in time order; ids follow it.
    std::vector<qint32> order(data.appointments.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&data](qint32 a, qint32 b) {
        const DemoAppointment &x = data.appointments[std::size_t(a)];
        const DemoAppointment &y = data.appointments[std::size_t(b)];
        if (x.startsAt != y.startsAt)
            return x.startsAt < y.startsAt;
        if (x.practitionerId != y.practitionerId)
            return x.practitionerId < y.practitionerId;
        return a < b;
    });
    std::vector<qint64> appointmentIds(order.size());
    for (std::size_t k = 0; k < order.size(); ++k)
        appointmentIds[std::size_t(order[k])] = qint64(k) + 1;

    const auto totalRows =
        qint64(data.patients.size()) + qint64(data.plans.size()) + qint64(order.size()) + qint64(data.sessions.size());
    qint64 rowsBefore = 0;
    auto advance = [&](qsizetype done) { progress.report(35, 99, rowsBefore + done, totalRows); };

    Status written = writer.inChunks(
        qsizetype(data.patients.size()), rowsPerTransaction,
        [&](qsizetype i) {
            if (Status written =
                    writer.insertPatient(qint64(i) + 1, data.patients[std::size_t(i)], people[std::size_t(i)]);
                !written)
                return written;
            return writer.insertScreening(qint64(i) + 1, screenings[std::size_t(i)]);
        },
        advance);
    rowsBefore += qint64(data.patients.size());
    if (written) {
        written = writer.inChunks(
            qsizetype(data.plans.size()), rowsPerTransaction,
            [&](qsizetype i) {
                const DemoPlan &plan = data.plans[std::size_t(i)];
                return writer.insertPlan(qint64(i) + 1, plan, staff.type(plan.type).id);
            },
            advance);
    }
    rowsBefore += qint64(data.plans.size());
    if (written) {
        written = writer.inChunks(
            qsizetype(order.size()), rowsPerTransaction * 2,
            [&](qsizetype k) {
                const DemoAppointment &appointment = data.appointments[std::size_t(order[std::size_t(k)])];
                return writer.insertAppointment(qint64(k) + 1, appointment, staff.type(appointment.type));
            },
            advance);
    }
    rowsBefore += qint64(order.size());
    // Sessions too are written (and numbered) in the time order of their appointments.
    std::vector<qint32> sessionOrder(data.sessions.size());
    std::iota(sessionOrder.begin(), sessionOrder.end(), 0);
    std::sort(sessionOrder.begin(), sessionOrder.end(), [&](qint32 a, qint32 b) {
        return appointmentIds[std::size_t(data.sessions[std::size_t(a)].appointment)]
               < appointmentIds[std::size_t(data.sessions[std::size_t(b)].appointment)];
    });
    if (written) {
        written = writer.inChunks(
            qsizetype(data.sessions.size()), rowsPerTransaction,
            [&](qsizetype i) {
                DemoSession session = data.sessions[std::size_t(sessionOrder[std::size_t(i)])];
                const DemoPlan &plan = data.plans[std::size_t(session.plan)];
                const qint64 startsAt = data.appointments[std::size_t(session.appointment)].startsAt;
                session.appointment = appointmentIds[std::size_t(session.appointment)];
                const QDate performedOn = calendar.date(calendar.dayOfInstant(startsAt));
                return writer.insertSession(qint64(i) + 1, session, plan,
                                            sessionDetails(m_options.seed, std::size_t(i), plan, performedOn));
            },
            advance);
    }
    if (written) {
        written = writer.inChunks(qsizetype(data.blockouts.size()), rowsPerTransaction,
                                  [&](qsizetype i) { return writer.insertBlockout(data.blockouts[std::size_t(i)]); });
    }
    if (!written)
        return written.error();
    const auto counts = ClinicCensus(database).counts();
    if (!counts)
        return counts.error();
    const DemoSummary &summary = counts.value();

    const QJsonObject details{{QStringLiteral("seed"), QString::number(m_options.seed)},
                              {QStringLiteral("today"), today.toString(Qt::ISODate)},
                              {QStringLiteral("years"), m_options.years},
                              {QStringLiteral("teams"), teams},
                              {QStringLiteral("patients"), summary.patients},
                              {QStringLiteral("appointments"), summary.appointments}};
    if (Status audited = writer.recordGenerated(details, m_clock); !audited)
        return audited.error();
    if (Status ended = writer.endBulkLoad(); !ended)
        return ended.error();
    progress.report(100, 100, 1, 1);
    return summary;
}

Result<DemoSummary> DemoClinicGenerator::createFile(const QString &path) const
{
    if (path.trimmed().isEmpty())
        return Error::invalidInput(QStringLiteral("output"), tr("No file was given for the demo clinic."));
    if (ServerAddress::looksLikeServer(path)) {
        const auto address = ServerAddress::parse(path);
        return Error::invalidInput(QStringLiteral("output"),
                                   tr("%1 is a clinic server's address; a demo clinic is only written to a new file. "
                                      "Copy the file to the server with copy-clinic.")
                                       .arg(address ? address.value().display() : tr("The output")));
    }
    const QString absolute = QFileInfo(path).absoluteFilePath();
    if (QFileInfo::exists(absolute)) {
        return Error::invalidInput(QStringLiteral("output"),
                                   tr("%1 already exists; the demo clinic is only written to a new file, never over "
                                      "an existing one.")
                                       .arg(QDir::toNativeSeparators(absolute)));
    }
    auto opened = Database::open(absolute);
    if (!opened)
        return opened.error();
    std::unique_ptr<Database> database = std::move(opened).value();
    if (!database->wasCreated()) {
        return Error::invalidInput(QStringLiteral("output"),
                                   tr("%1 appeared while the demo clinic was being prepared; it was left untouched.")
                                       .arg(QDir::toNativeSeparators(absolute)));
    }
    Result<DemoSummary> result = generate(*database);
    database.reset();
    if (!result) {
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(absolute + suffix);
    }
    return result;
}

} // namespace dermdesk
