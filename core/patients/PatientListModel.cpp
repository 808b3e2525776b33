#include "PatientListModel.h"

#include "PatientRepository.h"
#include "common/TimeFormat.h"

#include <QDateTime>

namespace dermdesk {

PatientListModel::PatientListModel(const Database &database, const PatientVisits &visits, const QTimeZone &zone,
                                   const Clock &clock, QObject *parent)
    : QAbstractTableModel(parent)
    , m_database(database)
    , m_visits(visits)
    , m_zone(zone)
    , m_clock(clock)
{
}

Status PatientListModel::search(const QString &text)
{
    Status status;
    auto found = PatientRepository(m_database, m_clock).search(text, m_pageSize + 1);
    QList<PatientSummary> patients;
    if (found)
        patients = std::move(found).value();
    else
        status = found.error();
    const bool hasMore = patients.size() > m_pageSize;
    if (hasMore)
        patients.resize(m_pageSize);
    QHash<qint64, qint64> nextVisits;
    if (!patients.isEmpty()) {
        QList<qint64> ids;
        ids.reserve(patients.size());
        for (const PatientSummary &patient : std::as_const(patients))
            ids.append(patient.id);
        auto visits = m_visits.nextVisits(ids, m_clock.now().toSecsSinceEpoch());
        if (visits) {
            nextVisits = std::move(visits).value();
        } else {
            status = visits.error();
            patients.clear();
        }
    }

    beginResetModel();
    m_text = text;
    m_patients = std::move(patients);
    m_nextVisits = std::move(nextVisits);
    m_hasMore = hasMore;
    endResetModel();
    emit searched();
    return status;
}

int PatientListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_patients.size());
}

int PatientListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PatientListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const PatientSummary &patient = m_patients.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return patient.sortName();
        case BirthDateColumn:
            return patient.birthDate.isValid() ? shortDateText(patient.birthDate) : QString();
        case PhoneColumn:
            return patient.phone;
        case EmailColumn:
            return patient.email;
        case NextVisitColumn:
            if (!m_nextVisits.contains(patient.id))
                return QString();
            {
                const QDateTime local = QDateTime::fromSecsSinceEpoch(m_nextVisits.value(patient.id), m_zone);
                return shortDateText(local.date()) + QLatin1Char(' ') + clockTimeText(local.time());
            }
        default:
            return {};
        }
    case Qt::ToolTipRole:
        return index.column() == NameColumn ? QVariant(patient.displayName()) : QVariant();
    case PatientIdRole:
        return patient.id;
    case BirthDateRole:
        return patient.birthDate;
    case NextVisitRole:
        return m_nextVisits.contains(patient.id) ? QVariant(m_nextVisits.value(patient.id)) : QVariant();
    default:
        return {};
    }
}

QVariant PatientListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Name");
    case BirthDateColumn:
        return tr("Born");
    case PhoneColumn:
        return tr("Phone");
    case EmailColumn:
        return tr("Email");
    case NextVisitColumn:
        return tr("Next visit");
    default:
        return {};
    }
}

} // namespace dermdesk
