#include "DayAgendaModel.h"

#include "AgendaRepository.h"

namespace dermdesk {

DayAgendaModel::DayAgendaModel(const Database &database, const QTimeZone &zone, QObject *parent)
    : QAbstractTableModel(parent)
    , m_database(database)
    , m_time(zone)
{
}

Status DayAgendaModel::setDate(QDate date)
{
    m_date = date;
    return reload();
}

Status DayAgendaModel::reload()
{
    Status status;
    QList<AgendaEntry> entries;
    if (m_date.isValid()) {
        auto loaded = AgendaRepository(m_database).between(range());
        if (loaded)
            entries = std::move(loaded).value();
        else
            status = loaded.error();
    }
    QStringList timeTexts;
    timeTexts.reserve(entries.size());
    for (const AgendaEntry &entry : std::as_const(entries))
        timeTexts.append(m_time.spanText(entry.startsAt, entry.endsAt));
    beginResetModel();
    m_entries = std::move(entries);
    m_timeTexts = std::move(timeTexts);
    endResetModel();
    emit loaded();
    return status;
}

int DayAgendaModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int DayAgendaModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DayAgendaModel::displayText(int row, int column) const
{
    const AgendaEntry &entry = m_entries.at(row);
    switch (column) {
    case TimeColumn:
        return m_timeTexts.at(row);
    case PatientColumn:
        return entry.patientName;
    case TypeColumn:
        return entry.typeName;
    case PractitionerColumn:
        return entry.practitionerName;
    case RoomColumn:
        return entry.roomName;
    case StatusColumn:
        return appointment_status::label(entry.status);
    default:
        return {};
    }
}

QVariant DayAgendaModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AgendaEntry &entry = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayText(index.row(), index.column());
    case Qt::ToolTipRole:
        if (index.column() == StatusColumn)
            return appointment_status::label(entry.status);
        if (index.column() == TimeColumn && entry.prepMin > 0)
            return entry.prepMin == 1 ? tr("Includes 1 minute of preparation")
                                      : tr("Includes %1 minutes of preparation").arg(entry.prepMin);
        if (!entry.notes.isEmpty())
            return entry.notes;
        return {};
    case AppointmentIdRole:
        return entry.id;
    case StartsAtRole:
        return entry.startsAt;
    case EndsAtRole:
        return entry.endsAt;
    case StatusRole:
        return int(entry.status);
    case StatusCodeRole:
        return appointment_status::toStorage(entry.status);
    case PatientIdRole:
        return entry.patientId;
    case PractitionerIdRole:
        return entry.practitionerId;
    case PractitionerColourRole:
        return entry.practitionerColour;
    case TypeColourRole:
        return entry.typeColour;
    default:
        return {};
    }
}

QVariant DayAgendaModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case PatientColumn:
        return tr("Patient");
    case TypeColumn:
        return tr("Appointment");
    case PractitionerColumn:
        return tr("Practitioner");
    case RoomColumn:
        return tr("Room");
    case StatusColumn:
        return tr("Status");
    default:
        return {};
    }
}

QHash<int, QByteArray> DayAgendaModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(AppointmentIdRole, "appointmentId");
    names.insert(StartsAtRole, "startsAt");
    names.insert(EndsAtRole, "endsAt");
    names.insert(StatusRole, "status");
    names.insert(StatusCodeRole, "statusCode");
    names.insert(PatientIdRole, "patientId");
    names.insert(PractitionerIdRole, "practitionerId");
    names.insert(PractitionerColourRole, "practitionerColour");
    names.insert(TypeColourRole, "typeColour");
    return names;
}

} // namespace dermdesk
