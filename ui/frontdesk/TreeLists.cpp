#include "ui/frontdesk/TreeLists.h"

#include <QHeaderView>
#include <QTreeWidget>

namespace dermdesk::ui {

QTreeWidget *makeTreeList(const QString &objectName, const QString &accessibleName, const QStringList &headers,
                          QWidget *parent)
{
    auto *view = new QTreeWidget(parent);
    view->setObjectName(objectName);
    view->setAccessibleName(accessibleName);
    view->setColumnCount(int(headers.size()));
    view->setHeaderLabels(headers);
    view->setRootIsDecorated(false);
    view->setUniformRowHeights(true);
    view->setAllColumnsShowFocus(true);
    view->setAlternatingRowColors(true);
    view->header()->setStretchLastSection(true);
    return view;
}

void fitTreeColumns(QTreeWidget *view)
{
    for (int column = 0; column < view->columnCount() - 1; ++column) {
        view->resizeColumnToContents(column);
        view->setColumnWidth(column, view->columnWidth(column) + 16);
    }
}

} // namespace dermdesk::ui
