#include "RecallListModel.h"

#include "RecallList.h"

#include <QLocale>

namespace dermdesk {

RecallListModel::RecallListModel(const Database &database, const QTimeZone &zone, QObject *parent)
    : QAbstractTableModel(parent)
    , m_database(database)
    , m_zone(zone)
{
}

Status RecallListModel::load(const QDate &date, int horizonDays)
{
    auto built = RecallList(m_database, m_zone).build(date, horizonDays);
    beginResetModel();
    m_date = date;
    m_entries = built ? built.value() : QList<RecallEntry>();
    endResetModel();
    if (!built)
        return built.error();
    return {};
}

int RecallListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int RecallListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString RecallListModel::dueText(const RecallEntry &entry, const QDate &date)
{
    if (entry.windowStart > date) {
        const qint64 days = date.daysTo(entry.windowStart);
        return days == 1 ? tr("opens tomorrow") : tr("opens in %1 days").arg(days);
    }
    if (entry.daysLeft < 0)
        return entry.daysLeft == -1 ? tr("overdue by 1 day") : tr("overdue by %1 days").arg(-entry.daysLeft);
    if (entry.daysLeft == 0)
        return tr("closes today");
    return entry.daysLeft == 1 ? tr("closes tomorrow") : tr("closes in %1 days").arg(entry.daysLeft);
}

QVariant RecallListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_entries.size())
        return {};
    const RecallEntry &e = m_entries.at(index.row());
    switch (role) {
    case PlanIdRole:
        return e.planId;
    case PatientIdRole:
        return e.patientId;
    case OverdueRole:
        return e.isOverdue();
    case SortRole:
        switch (index.column()) {
        case PatientColumn:
            return e.patientName.toLower();
        case PhoneColumn:
            return e.phone;
        case SessionColumn:
            return e.nextSequence;
        case WindowColumn:
            return e.windowStart;
        case DueColumn:
            return e.daysLeft;
        case PractitionerColumn:
            return e.practitionerName;
        }
        return {};
    case Qt::DisplayRole:
        switch (index.column()) {
        case PatientColumn:
            return e.patientName;
        case PhoneColumn:
            return e.phone;
        case SessionColumn:
            return tr("%1 of %2").arg(e.nextSequence).arg(e.plannedSessions);
        case WindowColumn: {
            const QLocale locale;
            return tr("%1 – %2").arg(locale.toString(e.windowStart, QLocale::ShortFormat),
                                     locale.toString(e.windowEnd, QLocale::ShortFormat));
        }
        case DueColumn:
            return dueText(e, m_date);
        case PractitionerColumn:
            return e.practitionerName;
        }
        return {};
    default:
        return {};
    }
}

QVariant RecallListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case PatientColumn:
        return tr("Patient");
    case PhoneColumn:
        return tr("Phone");
    case SessionColumn:
        return tr("Next session");
    case WindowColumn:
        return tr("Window");
    case DueColumn:
        return tr("Due");
    case PractitionerColumn:
        return tr("Practitioner");
    }
    return {};
}

} // namespace dermdesk
