#include "ui/print/PageSlicer.h"

#include <QAbstractTextDocumentLayout>
#include <QPaintDevice>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextLayout>
#include <QTextTable>

#include <algorithm>
#include <vector>

namespace dermdesk {

namespace {

constexpr qreal defaultDpi = 96.0;

struct TableBand
{
    qreal top = 0;
    qreal bottom = 0;
    // The header rows' band; empty when the table has none.
    qreal headerTop = 0;
    qreal headerBottom = 0;
};

// Where a page may end, and the tables whose header repeats.
struct Breaks
{
    std::vector<qreal> allowed;
    std::vector<TableBand> tables;
};

qreal deviceScale(const QTextDocument &document)
{
    const QPaintDevice *device = document.documentLayout()->paintDevice();
    return device ? device->logicalDpiY() / defaultDpi : 1.0;
}

// The top edge of row `row` (inside its border): its cells' first text less their top padding.
qreal rowTop(const QTextTable &table, int row, qreal scale)
{
    const QAbstractTextDocumentLayout *layout = table.document()->documentLayout();
    qreal top = -1;
    for (int column = 0; column < table.columns(); ++column) {
        const QTextTableCell cell = table.cellAt(row, column);
        if (!cell.isValid() || cell.row() != row)
            continue;
        const QTextBlock block = table.document()->findBlock(cell.firstPosition());
        const QTextTableCellFormat format = cell.format().toTableCellFormat();
        const qreal padding =
            format.hasProperty(QTextFormat::TableCellTopPadding) ? format.topPadding() : table.format().cellPadding();
        const qreal edge = layout->blockBoundingRect(block).top() - padding * scale;
        top = top < 0 ? edge : std::min(top, edge);
    }
    return top;
}

void addTable(const QTextTable &table, qreal scale, Breaks &breaks)
{
    const QRectF frame = table.document()->documentLayout()->frameBoundingRect(const_cast<QTextTable *>(&table));
    TableBand band{frame.top(), frame.bottom(), 0, 0};
    const int headerRows = std::min(table.format().headerRowCount(), table.rows());
    breaks.allowed.push_back(frame.top());
    // Rows stay whole; the first body row stays with the header.
    for (int row = std::max(1, headerRows + 1); row < table.rows(); ++row) {
        const qreal top = rowTop(table, row, scale);
        if (top > frame.top())
            breaks.allowed.push_back(top);
    }
    if (headerRows > 0 && headerRows < table.rows()) {
        band.headerTop = frame.top();
        band.headerBottom = rowTop(table, headerRows, scale);
    }
    breaks.tables.push_back(band);
}

Breaks findBreaks(const QTextDocument &document)
{
    Breaks breaks;
    const qreal scale = deviceScale(document);
    const QAbstractTextDocumentLayout *layout = document.documentLayout();
    bool afterHeading = false;
    for (QTextFrame::iterator it = document.rootFrame()->begin(); !it.atEnd(); ++it) {
        if (const auto *table = qobject_cast<const QTextTable *>(it.currentFrame())) {
            addTable(*table, scale, breaks);
            afterHeading = false;
            continue;
        }
        if (it.currentFrame()) {
            breaks.allowed.push_back(layout->frameBoundingRect(it.currentFrame()).top());
            afterHeading = false;
            continue;
        }
        const QTextBlock block = it.currentBlock();
        if (!block.isValid() || !block.layout())
            continue;
        const QRectF rect = layout->blockBoundingRect(block);
        if (!afterHeading)
            breaks.allowed.push_back(rect.top());
        const QTextLayout *lines = block.layout();
        for (int i = 1; i < lines->lineCount(); ++i)
            breaks.allowed.push_back(rect.top() + lines->lineAt(i).y());
        afterHeading = block.blockFormat().headingLevel() > 0;
    }
    std::sort(breaks.allowed.begin(), breaks.allowed.end());
    return breaks;
}

} // namespace

QList<PageSlice> PageSlicer::slice(const QTextDocument &document, qreal pageHeight)
{
    QList<PageSlice> pages;
    const qreal end = document.documentLayout()->documentSize().height();
    if (pageHeight <= 0)
        return {{0, end, 0, 0}};
    const Breaks breaks = findBreaks(document);
    constexpr qreal epsilon = 0.5;
    qreal top = 0;
    while (top < end - epsilon) {
        PageSlice page{top, end, 0, 0};
        for (const TableBand &table : breaks.tables) {
            if (table.headerBottom > table.headerTop && top > table.top + epsilon && top >= table.headerBottom
                && top < table.bottom - epsilon) {
                page.headerTop = table.headerTop;
                page.headerBottom = table.headerBottom;
                break;
            }
        }
        const qreal limit = top + std::max(pageHeight - page.headerHeight(), pageHeight / 4);
        if (limit < end) {
            // The last allowed break on this page; none: cut at the page's foot.
            auto after = std::upper_bound(breaks.allowed.begin(), breaks.allowed.end(), limit);
            page.bottom = limit;
            if (after != breaks.allowed.begin() && *std::prev(after) > top + epsilon)
                page.bottom = *std::prev(after);
        }
        pages.append(page);
        top = page.bottom;
    }
    if (pages.isEmpty())
        pages.append({0, end, 0, 0});
    return pages;
}

} // namespace dermdesk
