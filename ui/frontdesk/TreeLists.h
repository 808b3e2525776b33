#pragma once

#include <QStringList>

class QTreeWidget;
class QWidget;

namespace dermdesk::ui {

// A flat, read-only list with columns, as the front-desk dialogs and panels show results: whole rows
// selected, alternating rows, the last column stretched.
[[nodiscard]] QTreeWidget *makeTreeList(const QString &objectName, const QString &accessibleName,
                                        const QStringList &headers, QWidget *parent);
// Sizes every column but the last to its contents plus a little air.
void fitTreeColumns(QTreeWidget *view);

} // namespace dermdesk::ui
