#include "ui/widgets/AreaWidgets.h"

#include "ui/widgets/Theme.h"

#include <QHeaderView>
#include <QLabel>
#include <QSet>
#include <QStyle>
#include <QTableView>

namespace dermdesk::ui {

QTableView *makeListTable(QAbstractItemModel *model, int stretchColumn, const QString &objectName,
                          const QString &accessibleName, QWidget *parent, const QList<int> &iconColumns)
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
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(stretchColumn, QHeaderView::Stretch);
    QObject::connect(model, &QAbstractItemModel::modelReset, view,
                     [view, stretchColumn, iconColumns] { fitColumns(view, stretchColumn, iconColumns); });
    fitColumns(view, stretchColumn, iconColumns);
    return view;
}

void fitColumns(QTableView *view, int stretchColumn, const QList<int> &iconColumns, int sampleRows)
{
    const QAbstractItemModel *model = view->model();
    if (!model)
        return;
    const QFontMetrics metrics(view->font());
    const QFontMetrics headerMetrics(view->horizontalHeader()->font());
    // Cell and header padding as drawn by the style, with a little air.
    const int padding = 2 * view->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, view) + 16;
    const int iconRoom = view->iconSize().width() + 6;
    const int rows = qMin(model->rowCount(), sampleRows);
    for (int column = 0; column < model->columnCount(); ++column) {
        if (column == stretchColumn)
            continue;
        int width = headerMetrics.horizontalAdvance(model->headerData(column, Qt::Horizontal).toString()) + padding;
        const int extra = padding + (iconColumns.contains(column) ? iconRoom : 0);
        QSet<QString> measured;
        for (int row = 0; row < rows; ++row) {
            const QString text = model->index(row, column).data().toString();
            if (measured.contains(text))
                continue;
            measured.insert(text);
            width = qMax(width, metrics.horizontalAdvance(text) + extra);
        }
        view->setColumnWidth(column, width);
    }
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
