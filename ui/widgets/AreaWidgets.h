#pragma once

#include <QList>
#include <QString>

class QAbstractItemModel;
class QLabel;
class QTableView;
class QWidget;

namespace dermdesk::ui {

// The pieces every area is built from, so the areas look alike.

// A read-only list table over `model`: whole rows selected, alternating rows without a grid, no
// row numbers. `stretchColumn` takes the width the others leave; the others are fitted to their
// contents by fitColumns() whenever the model is reset. `objectName` and `accessibleName`
// identify it to tests and screen readers.
// `iconColumns` are the columns whose cells show an icon before their text.
[[nodiscard]] QTableView *makeListTable(QAbstractItemModel *model, int stretchColumn, const QString &objectName,
                                        const QString &accessibleName, QWidget *parent,
                                        const QList<int> &iconColumns = {});

// Sizes every column but `stretchColumn` to its header and its texts (with room for an icon where a
// cell shows one). Measures each distinct text once, in at most the first `sampleRows` rows:
// unlike QHeaderView::ResizeToContents it lays out no cell, which keeps start-up fast.
void fitColumns(QTableView *view, int stretchColumn, const QList<int> &iconColumns = {}, int sampleRows = 500);

// A heading, larger and bold.
[[nodiscard]] QLabel *makeTitleLabel(const QString &text, QWidget *parent);

// Secondary text (counts, hints) in a muted colour. It never makes the window wider than the
// person wants it: long text is clipped.
[[nodiscard]] QLabel *makeMutedLabel(const QString &objectName, QWidget *parent);

} // namespace dermdesk::ui
