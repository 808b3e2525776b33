#include "ScheduleModel.h"

#include "calendar/BlockoutRepository.h"
#include "patients/ScreeningEvaluator.h"

#include <QCoreApplication>
#include <QSet>

#include <algorithm>

namespace dermdesk {

namespace {

// Marks each treatment session holding its slot with the patient's screening state on the session's own day:
// stops, cautions, and missing or out-of-date screening. A failure to read the answers fails the week: a schedule
// without its contraindication alerts would look safe when it may not be.
Status markScreeningAlerts(const Database &database, const ScheduleSetup &setup, QList<AgendaEntry> &entries)
{
    const ClinicTime &time = setup.time();
    // Local dates by day range: a handful of time-zone conversions for a week, not one per appointment.
    QList<QDate> dates;
    dates.reserve(entries.size());
    QDate day;
    ClinicTime::Range dayRange{0, 0};
    QList<ScreeningEvaluator::Visit> visits;
    QHash<qint64, ScreeningEvaluator::BookedScreening> screening;
    const auto checked = [&setup](const AgendaEntry &entry) {
        const AppointmentType *type = setup.type(entry.typeId);
        return type != nullptr && type->isTreatment && appointment_status::holdsSlot(entry.status);
    };
    for (const AgendaEntry &entry : std::as_const(entries)) {
        if (entry.startsAt < dayRange.from || entry.startsAt >= dayRange.to) {
            day = time.localDate(entry.startsAt);
            dayRange = time.dayRange(day);
        }
        dates.append(day);
        if (checked(entry)) {
            visits.append({entry.patientId, day});
            screening.insert(entry.patientId, {entry.patientScreenedAt, entry.patientScreeningYes});
        }
    }
    const auto outcomes = ScreeningEvaluator(database).outcomesForBooked(visits, screening, setup.settings());
    if (!outcomes)
        return outcomes.error();
    if (outcomes.value().isEmpty())
        return {};
    for (qsizetype i = 0; i < entries.size(); ++i) {
        AgendaEntry &entry = entries[i];
        const auto found = outcomes.value().constFind({entry.patientId, dates.at(i)});
        if (!checked(entry) || found == outcomes.value().cend())
            continue;
        entry.screening = ScreeningEvaluator::level(*found);
        entry.screeningSummary = ScreeningEvaluator::summary(*found);
    }
    return {};
}

// The parts of [0, 1440) that `open` (sorted, not overlapping) leaves out.
QList<MinuteSpan> complement(const QList<MinuteSpan> &open)
{
    QList<MinuteSpan> closed;
    int from = 0;
    for (const MinuteSpan &span : open) {
        if (span.startMin > from)
            closed.append({from, span.startMin});
        from = std::max(from, span.endMin);
    }
    if (from < 24 * 60)
        closed.append({from, 24 * 60});
    return closed;
}

QList<MinuteSpan> spans(const QList<WeeklyHours> &hours)
{
    QList<MinuteSpan> result;
    result.reserve(hours.size());
    for (const WeeklyHours &h : hours)
        result.append({h.startMin, h.endMin});
    std::sort(result.begin(), result.end(),
              [](const MinuteSpan &a, const MinuteSpan &b) { return a.startMin < b.startMin; });
    return result;
}

// Where both `a` and `b` (each sorted) are open.
QList<MinuteSpan> intersection(const QList<MinuteSpan> &a, const QList<MinuteSpan> &b)
{
    QList<MinuteSpan> result;
    for (const MinuteSpan &x : a) {
        for (const MinuteSpan &y : b) {
            const int from = std::max(x.startMin, y.startMin);
            const int to = std::min(x.endMin, y.endMin);
            if (from < to)
                result.append({from, to});
        }
    }
    std::sort(result.begin(), result.end(),
              [](const MinuteSpan &p, const MinuteSpan &q) { return p.startMin < q.startMin; });
    return result;
}

struct Resource
{
    qint64 practitionerId = 0;
    qint64 roomId = 0;
    QString title;
    QString colour;
};

qint64 columnKey(int dayIndex, qint64 resourceId)
{
    return resourceId * 8 + dayIndex;
}

} // namespace

ScheduleModel::ScheduleModel(const Database &database, QObject *parent)
    : QAbstractTableModel(parent)
    , m_database(database)
    , m_agenda(database)
    , m_setupCache(database)
{
}

Status ScheduleModel::setView(const View &view)
{
    m_view = view;
    return reload();
}

Status ScheduleModel::reload()
{
    Status loaded = load();
    m_loadError = loaded ? std::nullopt : std::optional<Error>(loaded.error());
    return loaded;
}

bool ScheduleModel::applyChanges(const ChangeSet &changes)
{
    bool touched = !m_setup || changes.touchesSchedule(range().from, range().to);
    for (int row = 0; !touched && row < m_entries.size(); ++row) {
        const AgendaEntry &entry = m_entries.at(row);
        touched = changes.patients.contains(entry.patientId) || changes.appointments.contains(entry.id);
    }
    if (touched) {
        // A failure is kept in loadError() and announced by loaded(), for the view to show.
        const Status reloaded = reload();
        Q_UNUSED(reloaded)
    }
    return touched;
}

ClinicTime::Range ScheduleModel::range() const
{
    if (!m_setup || !m_firstDay.isValid())
        return {};
    return m_setup->time().daysRange(m_firstDay, dayCount());
}

Status ScheduleModel::load()
{
    const QDate date = m_view.date.isValid() ? m_view.date : QDate(2000, 1, 1);
    const QDate firstDay = m_view.mode == Mode::Day ? date : date.addDays(1 - date.dayOfWeek());
    auto setup = m_setupCache.get();
    Result<QList<AgendaEntry>> entries = setup ? Result<QList<AgendaEntry>>(QList<AgendaEntry>()) : setup.error();
    Result<QList<BlockoutOccurrence>> blockouts = QList<BlockoutOccurrence>();
    if (setup) {
        const ClinicTime::Range range = setup.value().time().daysRange(firstDay, m_view.mode == Mode::Day ? 1 : 7);
        entries = m_agenda.forSchedule(range, setup.value());
        if (entries) {
            if (Status marked = markScreeningAlerts(m_database, setup.value(), entries.value()); !marked)
                entries = marked.error();
        }
        if (entries)
            blockouts = BlockoutRepository(m_database).occurrences(range, setup.value().time());
    }

    beginResetModel();
    m_firstDay = firstDay;
    m_columns.clear();
    m_entries.clear();
    m_entryColumns.clear();
    m_rowById.clear();
    Status status;
    if (!setup || !entries || !blockouts) {
        status = !setup ? setup.error() : !entries ? entries.error() : blockouts.error();
    } else {
        m_setup = std::move(setup).value();
        QList<AgendaEntry> loaded = std::move(entries).value();
        m_columns = columnsFor(*m_setup, loaded);
        const bool byRoom = m_view.grouping == Grouping::ByRoom && m_view.mode != Mode::Week;
        QList<ClinicTime::Range> days;
        for (int d = 0; d < dayCount(); ++d)
            days.append(m_setup->time().dayRange(m_firstDay.addDays(d)));
        // Blockouts by what they block, so each column looks only at its own and the clinic-wide ones.
        QList<const BlockoutOccurrence *> clinicWide;
        QHash<qint64, QList<const BlockoutOccurrence *>> byResource;
        for (const BlockoutOccurrence &o : blockouts.value()) {
            if (o.isClinicWide())
                clinicWide.append(&o);
            else if (byRoom && o.roomId)
                byResource[*o.roomId].append(&o);
            else if (!byRoom && o.practitionerId)
                byResource[*o.practitionerId].append(&o);
        }
        QHash<qint64, int> columnByKey;
        for (int c = 0; c < m_columns.size(); ++c) {
            ScheduleColumn &column = m_columns[c];
            const int dayIndex = int(m_firstDay.daysTo(column.day));
            const qint64 resource = byRoom ? column.roomId : column.practitionerId;
            columnByKey.insert(columnKey(dayIndex, resource), c);
            const ClinicTime::Range day = days.at(dayIndex);
            for (const QList<const BlockoutOccurrence *> &group : {clinicWide, byResource.value(resource)}) {
                for (const BlockoutOccurrence *o : group) {
                    if (o->overlaps(day.from, day.to) && (resource || o->isClinicWide()))
                        column.blockouts.append(*o);
                }
            }
            std::sort(column.blockouts.begin(), column.blockouts.end(),
                      [](const BlockoutOccurrence &a, const BlockoutOccurrence &b) { return a.startsAt < b.startsAt; });
        }
        m_entries = std::move(loaded);
        m_entryColumns.reserve(m_entries.size());
        m_rowById.reserve(m_entries.size());
        for (const AgendaEntry &entry : std::as_const(m_entries)) {
            int dayIndex = 0;
            while (dayIndex + 1 < days.size() && entry.startsAt >= days.at(dayIndex + 1).from)
                ++dayIndex;
            const int column = columnByKey.value(columnKey(dayIndex, byRoom ? entry.roomId : entry.practitionerId), -1);
            m_entryColumns.append(column);
        }
        // Another practitioner's appointments in a one-practitioner week have no column.
        qsizetype kept = 0;
        for (qsizetype i = 0; i < m_entries.size(); ++i) {
            if (m_entryColumns.at(i) < 0)
                continue;
            if (kept != i) {
                m_entries[kept] = std::move(m_entries[i]);
                m_entryColumns[kept] = m_entryColumns.at(i);
            }
            m_rowById.insert(m_entries.at(kept).id, int(kept));
            ++kept;
        }
        m_entries.resize(kept);
        m_entryColumns.resize(kept);
    }
    endResetModel();
    emit loaded();
    return status;
}

QList<ScheduleColumn> ScheduleModel::columnsFor(const ScheduleSetup &setup, const QList<AgendaEntry> &entries) const
{
    const bool byRoom = m_view.grouping == Grouping::ByRoom && m_view.mode != Mode::Week;
    QSet<qint64> used;
    for (const AgendaEntry &entry : entries)
        used.insert(byRoom ? entry.roomId : entry.practitionerId);

    QList<Resource> resources;
    if (m_view.mode == Mode::Week) {
        const Practitioner *chosen = setup.practitioner(m_view.practitionerId);
        for (const Practitioner &p : setup.practitioners()) {
            if (!chosen && p.active)
                chosen = &p;
        }
        if (chosen)
            resources.append({chosen->id, 0, chosen->displayName, chosen->colour});
    } else if (byRoom) {
        for (const Room &room : setup.rooms()) {
            if (room.active || used.contains(room.id))
                resources.append({0, room.id, room.name, QString()});
        }
        if (used.contains(0))
            resources.append({0, 0, QCoreApplication::translate("dermdesk::ScheduleModel", "No room"), QString()});
    } else {
        for (const Practitioner &p : setup.practitioners()) {
            if (p.active || used.contains(p.id))
                resources.append({p.id, 0, p.displayName, p.colour});
        }
    }

    QList<ScheduleColumn> columns;
    columns.reserve(dayCount() * resources.size());
    for (int d = 0; d < dayCount(); ++d) {
        const QDate day = m_firstDay.addDays(d);
        const QList<MinuteSpan> opening = spans(setup.openingHours(day.dayOfWeek()));
        for (const Resource &resource : resources) {
            ScheduleColumn column;
            column.day = day;
            column.practitionerId = resource.practitionerId;
            column.roomId = resource.roomId;
            column.title = resource.title;
            column.colour = resource.colour;
            const QList<MinuteSpan> open =
                resource.practitionerId
                    ? intersection(opening, spans(setup.workingHours(resource.practitionerId, day.dayOfWeek())))
                    : opening;
            column.closed = complement(open);
            columns.append(column);
        }
    }
    return columns;
}

int ScheduleModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int ScheduleModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : 1;
}

QVariant ScheduleModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AgendaEntry &e = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case PatientNameRole:
        return e.patientName;
    case Qt::ToolTipRole: {
        const QString visit = QStringLiteral("%1 \u2013 %2").arg(e.patientName, e.typeName);
        return e.screeningSummary.isEmpty() ? visit : visit + QLatin1Char('\n') + e.screeningSummary;
    }
    case AppointmentIdRole:
        return e.id;
    case StartsAtRole:
        return e.startsAt;
    case EndsAtRole:
        return e.endsAt;
    case PrepMinutesRole:
        return e.prepMin;
    case StatusRole:
        return int(e.status);
    case PatientIdRole:
        return e.patientId;
    case PractitionerIdRole:
        return e.practitionerId;
    case RoomIdRole:
        return e.roomId;
    case TypeNameRole:
        return e.typeName;
    case TypeColourRole:
        return e.typeColour;
    case PractitionerColourRole:
        return e.practitionerColour;
    case ColumnRole:
        return m_entryColumns.at(index.row());
    case ScreeningRole:
        return int(e.screening);
    case ScreeningSummaryRole:
        return e.screeningSummary;
    case PlanSessionRole:
        return e.planSession;
    case OutsideWindowRole:
        return e.outsideWindow;
    default:
        return {};
    }
}

QVariant ScheduleModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole || orientation != Qt::Horizontal || section != 0)
        return QAbstractTableModel::headerData(section, orientation, role);
    return tr("Appointment");
}

QHash<int, QByteArray> ScheduleModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(AppointmentIdRole, "appointmentId");
    names.insert(StartsAtRole, "startsAt");
    names.insert(EndsAtRole, "endsAt");
    names.insert(PrepMinutesRole, "prepMinutes");
    names.insert(StatusRole, "status");
    names.insert(PatientIdRole, "patientId");
    names.insert(PatientNameRole, "patientName");
    names.insert(PractitionerIdRole, "practitionerId");
    names.insert(RoomIdRole, "roomId");
    names.insert(TypeNameRole, "typeName");
    names.insert(TypeColourRole, "typeColour");
    names.insert(PractitionerColourRole, "practitionerColour");
    names.insert(ColumnRole, "column");
    names.insert(ScreeningRole, "screening");
    names.insert(ScreeningSummaryRole, "screeningSummary");
    names.insert(PlanSessionRole, "planSession");
    names.insert(OutsideWindowRole, "outsideWindow");
    return names;
}

} // namespace dermdesk
