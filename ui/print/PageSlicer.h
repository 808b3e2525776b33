#pragma once

#include <QList>

class QTextDocument;

namespace dermdesk {

// One page's share of a document laid out as one long column: the band [top, bottom) of the
// document, drawn below a repeated table header band [headerTop, headerBottom) when the page
// continues a table (headerBottom > headerTop). Document coordinates, in the layout's device units.
struct PageSlice
{
    qreal top = 0;
    qreal bottom = 0;
    qreal headerTop = 0;
    qreal headerBottom = 0;

    [[nodiscard]] qreal headerHeight() const { return headerBottom - headerTop; }
};

// Cuts an unpaginated document (laid out with a text width and no page height) into pages of
// `pageHeight`. A page ends only between two lines of text, before a block that does not follow
// a heading, or between two rows of a table: table rows are never split and a table's header rows
// (its <thead>) are repeated at the top of each page it continues on. Only a single line or row
// taller than a page is cut.
class PageSlicer
{
public:
    [[nodiscard]] static QList<PageSlice> slice(const QTextDocument &document, qreal pageHeight);
};

} // namespace dermdesk
