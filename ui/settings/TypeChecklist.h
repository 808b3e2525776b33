#pragma once

#include "clinic/AppointmentType.h"

#include <QListWidget>

namespace dermdesk::ui {

// The appointment types as checkboxes with their colour: which ones a practitioner performs or a room hosts.
// Inactive types are listed greyed with "(inactive)" so a link to one stays visible.
class TypeChecklist : public QListWidget
{
    Q_OBJECT

public:
    explicit TypeChecklist(QWidget *parent = nullptr);

    void setTypes(const QList<AppointmentType> &types);
    void setCheckedIds(const QList<qint64> &ids);
    // The checked types' ids, in list order.
    [[nodiscard]] QList<qint64> checkedIds() const;
    // Checks or unchecks the type called `name`; false when there is none.
    bool setChecked(const QString &name, bool checked);

signals:
    void checkedChanged();
};

} // namespace dermdesk::ui
