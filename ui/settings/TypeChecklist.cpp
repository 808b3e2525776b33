#include "ui/settings/TypeChecklist.h"

#include "ui/widgets/Icons.h"
#include "ui/widgets/Theme.h"

namespace dermdesk::ui {

TypeChecklist::TypeChecklist(QWidget *parent)
    : QListWidget(parent)
{
    setObjectName(QStringLiteral("typeChecklist"));
    setUniformItemSizes(true);
    setSelectionMode(QAbstractItemView::NoSelection);
    connect(this, &QListWidget::itemChanged, this, &TypeChecklist::checkedChanged);
}

void TypeChecklist::setTypes(const QList<AppointmentType> &types)
{
    const QSignalBlocker blocker(this);
    clear();
    for (const AppointmentType &type : types) {
        auto *item = new QListWidgetItem(icons::swatch(QColor(type.colour)),
                                         type.active ? type.name : tr("%1 (inactive)").arg(type.name), this);
        item->setData(Qt::UserRole, type.id);
        item->setData(Qt::UserRole + 1, type.name);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
        if (!type.active)
            item->setForeground(QColor(theme::mutedText));
    }
    // Every type visible without scrolling, up to eight; no empty space below them.
    const int rows = qBound(3, count(), 8);
    setFixedHeight(rows * qMax(sizeHintForRow(0), fontMetrics().height() + 6) + 2 * frameWidth());
}

void TypeChecklist::setCheckedIds(const QList<qint64> &ids)
{
    const QSignalBlocker blocker(this);
    for (int row = 0; row < count(); ++row) {
        QListWidgetItem *entry = item(row);
        entry->setCheckState(ids.contains(entry->data(Qt::UserRole).toLongLong()) ? Qt::Checked : Qt::Unchecked);
    }
}

QList<qint64> TypeChecklist::checkedIds() const
{
    QList<qint64> ids;
    for (int row = 0; row < count(); ++row) {
        if (item(row)->checkState() == Qt::Checked)
            ids.append(item(row)->data(Qt::UserRole).toLongLong());
    }
    return ids;
}

bool TypeChecklist::setChecked(const QString &name, bool checked)
{
    for (int row = 0; row < count(); ++row) {
        if (item(row)->data(Qt::UserRole + 1).toString() == name) {
            item(row)->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
            return true;
        }
    }
    return false;
}

} // namespace dermdesk::ui
