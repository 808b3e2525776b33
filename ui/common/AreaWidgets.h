#pragma once

#include <QString>

class QAbstractItemModel;
class QLabel;
class QTableView;
class QWidget;

namespace dermdesk::ui {

// The pieces every area is built from, so the areas look alike.

// A read-only list table over `model`: whole rows selected, alternating rows without a grid, no
// row numbers. Columns fit their contents except `stretchColumn`, which takes the remaining width.
// `objectName` and `accessibleName` identify it to tests and screen readers.
[[nodiscard]] QTableView *makeListTable(QAbstractItemModel *model, int stretchColumn, const QString &objectName,
                                        const QString &accessibleName, QWidget *parent);

// A heading, larger and bold.
[[nodiscard]] QLabel *makeTitleLabel(const QString &text, QWidget *parent);

// Secondary text (counts, hints) in a muted colour. It never makes the window wider than the
// person wants it: long text is clipped.
[[nodiscard]] QLabel *makeMutedLabel(const QString &objectName, QWidget *parent);

} // namespace dermdesk::ui
