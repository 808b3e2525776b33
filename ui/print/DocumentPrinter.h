#pragma once

#include "common/Result.h"
#include "ui/print/PageSetup.h"

#include <QPageLayout>
#include <QPageSize>
#include <QString>

#include <memory>

class QPagedPaintDevice;
class QTextDocument;

namespace dermdesk {

// Turns an HTML document (as the core's composers write it) into pages: on a printer, in a
// print preview or in a PDF file, always with the same layout, a footer and page numbers.
// Needs a QGuiApplication (fonts); with QT_QPA_PLATFORM=offscreen it runs without a display.
// Tables keep their <thead> rows at the top of every page; a row that does not fit on what
// is left of a page moves to the next one. Lines break between words, never inside one.
class DocumentPrinter
{
public:
    // The paper a locale's users expect (ClinicPaper::forTerritory of its territory).
    [[nodiscard]] static QPageSize::PageSizeId paperFor(const QLocale &locale);
    [[nodiscard]] static QPageLayout pageLayout(const PageSetup &setup);

    // Writes `html` to the PDF file `path` (replacing it only once the whole file is written), readable
    // by its owner only.
    // An unwritable path is refused as InvalidInput on the field "output", naming the path.
    static Status writePdf(const QString &html, const QString &path, const PageSetup &setup);

    // Lays `html` out on `device` (a QPrinter or a QPdfWriter, whose page layout is set from
    // `setup`) and paints every page. Returns the number of pages.
    static Result<int> paint(const QString &html, QPagedPaintDevice &device, const PageSetup &setup);

    // The document as paint() lays it out, for callers that need to inspect it (tests).
    [[nodiscard]] static std::unique_ptr<QTextDocument> layoutDocument(const QString &html, QPagedPaintDevice &device,
                                                                       const PageSetup &setup);
};

} // namespace dermdesk
