#include "AgendaDelegate.h"

#include "StatusStyle.h"
#include "calendar/DayAgendaModel.h"
#include "common/Icons.h"

namespace dermdesk::ui {

AgendaDelegate::AgendaDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{
}

QIcon AgendaDelegate::swatch(const QString &colour) const
{
    auto found = m_swatches.constFind(colour);
    if (found == m_swatches.constEnd())
        found = m_swatches.insert(colour, icons::swatch(QColor(colour)));
    return *found;
}

QIcon AgendaDelegate::statusIcon(int status) const
{
    auto found = m_statusIcons.constFind(status);
    if (found == m_statusIcons.constEnd())
        found = m_statusIcons.insert(status, status_style::icon(AppointmentStatus(status)));
    return *found;
}

void AgendaDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const auto status = AppointmentStatus(index.data(DayAgendaModel::StatusRole).toInt());
    switch (index.column()) {
    case DayAgendaModel::StatusColumn:
        option->icon = statusIcon(int(status));
        option->features |= QStyleOptionViewItem::HasDecoration;
        option->palette.setColor(QPalette::Text, status_style::colour(status).darker(115));
        break;
    case DayAgendaModel::PractitionerColumn:
        option->icon = swatch(index.data(DayAgendaModel::PractitionerColourRole).toString());
        option->features |= QStyleOptionViewItem::HasDecoration;
        break;
    case DayAgendaModel::TypeColumn:
        option->icon = swatch(index.data(DayAgendaModel::TypeColourRole).toString());
        option->features |= QStyleOptionViewItem::HasDecoration;
        break;
    default:
        break;
    }
    if (status_style::isVoid(status)) {
        if (index.column() != DayAgendaModel::StatusColumn) {
            option->font.setStrikeOut(true);
            option->palette.setColor(QPalette::Text, QColor(0x95, 0x99, 0x9e));
        }
    }
}

} // namespace dermdesk::ui
