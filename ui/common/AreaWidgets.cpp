#include "AreaWidgets.h"

#include "Theme.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableView>

namespace dermdesk::ui {

QTableView *makeListTable(QAbstractItemModel *model, int stretchColumn, const QString &objectName,
                          const QString &accessibleName, QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setObjectName(objectName);
    view->setAccessibleName(accessibleName);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setAlternatingRowColors(true);
    view->setShowGrid(false);
    view->setWordWrap(false);
    view->setIconSize(QSize(18, 18));
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 14);
    QHeaderView *header = view->horizontalHeader();
    header->setHighlightSections(false);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    // Qt measures at most the first thousand rows when fitting a column to its contents.
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(stretchColumn, QHeaderView::Stretch);
    return view;
}

QLabel *makeTitleLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * 1.45);
    font.setBold(true);
    label->setFont(font);
    label->setMinimumWidth(1);
    return label;
}

QLabel *makeMutedLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    QPalette muted = label->palette();
    muted.setColor(QPalette::WindowText, QColor(theme::mutedText));
    label->setPalette(muted);
    label->setMinimumWidth(1);
    return label;
}

} // namespace dermdesk::ui
