#include "ui/print/DocumentPrinter.h"

#include "clinic/ClinicPaper.h"
#include "common/Translation.h"
#include "storage/FilePrivacy.h"
#include "ui/print/PageSlicer.h"

#include <QAbstractTextDocumentLayout>
#include <QCoreApplication>
#include <QFont>
#include <QPagedPaintDevice>
#include <QPainter>
#include <QPdfWriter>
#include <QTextDocument>
#include <QTextOption>

namespace dermdesk {

namespace {

constexpr TranslationContext tr("dermdesk::DocumentPrinter");

// The footer's share of the page, below the text, in points.
constexpr qreal footerPoints = 22.0;
constexpr qreal footerFontPoints = 8.0;
constexpr qreal pointsPerInch = 72.0;

qreal pointsToDevice(qreal points, const QPagedPaintDevice &device)
{
    return points * device.logicalDpiY() / pointsPerInch;
}

// The area the text flows in on every page, in device pixels: the page's paint rectangle less the footer.
QSizeF textArea(const QPagedPaintDevice &device)
{
    const QRect paintRect = device.pageLayout().paintRectPixels(device.logicalDpiX());
    return {qreal(paintRect.width()), paintRect.height() - pointsToDevice(footerPoints, device)};
}

QFont bodyFont(const PageSetup &setup)
{
    QFont font;
    font.setFamilies({QStringLiteral("Noto Sans"), QStringLiteral("Liberation Sans"), QStringLiteral("Helvetica"),
                      QStringLiteral("Arial"), QStringLiteral("Nimbus Sans"), QStringLiteral("DejaVu Sans"),
                      QStringLiteral("Noto Sans CJK SC"), QStringLiteral("Droid Sans Fallback")});
    font.setPointSizeF(setup.basePointSize);
    font.setStyleHint(QFont::SansSerif);
    return font;
}

// Paints the document's band [top, bottom) at `y` on the page.
void paintBand(QPainter &painter, QTextDocument &document, qreal top, qreal bottom, qreal y)
{
    painter.save();
    painter.translate(0, y - top);
    const QRectF clip(0, top, document.textWidth(), bottom - top);
    painter.setClipRect(clip);
    QAbstractTextDocumentLayout::PaintContext context;
    context.clip = clip;
    context.palette.setColor(QPalette::Text, Qt::black);
    document.documentLayout()->draw(&painter, context);
    painter.restore();
}

void paintFooter(QPainter &painter, const QSizeF &area, const PageSetup &setup, int page, int pages,
                 const QPagedPaintDevice &device)
{
    QFont font = bodyFont(setup);
    font.setPointSizeF(footerFontPoints);
    painter.save();
    painter.setFont(font);
    painter.setPen(QColor(0x55, 0x5b, 0x66));
    const qreal top = area.height() + pointsToDevice(footerPoints * 0.35, device);
    const qreal height = pointsToDevice(footerPoints * 0.65, device);
    painter.drawLine(QPointF(0, top), QPointF(area.width(), top));
    const QRectF textRect(0, top, area.width(), height);
    const QString left = setup.footerText.isEmpty() ? setup.title : setup.footerText;
    painter.drawText(textRect, Qt::AlignLeft | Qt::AlignBottom, left);
    painter.drawText(textRect, Qt::AlignRight | Qt::AlignBottom, tr("Page %1 of %2").arg(page).arg(pages));
    painter.restore();
}

} // namespace

QPageSize::PageSizeId DocumentPrinter::paperFor(const QLocale &locale)
{
    return ClinicPaper::forTerritory(locale.territory()) == ClinicSettings::PaperSize::Letter ? QPageSize::Letter
                                                                                              : QPageSize::A4;
}

QPageLayout DocumentPrinter::pageLayout(const PageSetup &setup)
{
    QPageSize::PageSizeId paper = QPageSize::A4;
    switch (setup.paper) {
    case PageSetup::Paper::FollowLocale:
        paper = paperFor(setup.locale);
        break;
    case PageSetup::Paper::A4:
        paper = QPageSize::A4;
        break;
    case PageSetup::Paper::Letter:
        paper = QPageSize::Letter;
        break;
    }
    return QPageLayout(QPageSize(paper), setup.landscape ? QPageLayout::Landscape : QPageLayout::Portrait,
                       setup.marginsMm, QPageLayout::Millimeter);
}

std::unique_ptr<QTextDocument> DocumentPrinter::layoutDocument(const QString &html, QPagedPaintDevice &device,
                                                               const PageSetup &setup)
{
    auto document = std::make_unique<QTextDocument>();
    document->documentLayout()->setPaintDevice(&device);
    document->setDefaultFont(bodyFont(setup));
    document->setDocumentMargin(0);
    // Lines break between words only: a word is never cut ("Confirme/d"), and table columns are at least as wide
    // as their longest word (Qt sizes columns to nothing when it may break anywhere).
    QTextOption option = document->defaultTextOption();
    option.setWrapMode(QTextOption::WordWrap);
    document->setDefaultTextOption(option);
    document->setHtml(html);
    // One long column: PageSlicer decides where pages end.
    document->setTextWidth(textArea(device).width());
    return document;
}

Result<int> DocumentPrinter::paint(const QString &html, QPagedPaintDevice &device, const PageSetup &setup)
{
    device.setPageLayout(pageLayout(setup));
    const std::unique_ptr<QTextDocument> document = layoutDocument(html, device, setup);
    const QSizeF area = textArea(device);
    const QList<PageSlice> slices = PageSlicer::slice(*document, area.height());
    QPainter painter;
    if (!painter.begin(&device))
        return Error::storage(QStringLiteral("print.device"), tr("The printer or file cannot be written to."));
    const int pages = int(slices.size());
    for (int page = 0; page < pages; ++page) {
        if (page > 0)
            device.newPage();
        const PageSlice &slice = slices.at(page);
        if (slice.headerHeight() > 0)
            paintBand(painter, *document, slice.headerTop, slice.headerBottom, 0);
        paintBand(painter, *document, slice.top, slice.bottom, slice.headerHeight());
        paintFooter(painter, area, setup, page + 1, pages, device);
    }
    painter.end();
    return pages;
}

Status DocumentPrinter::writePdf(const QString &html, const QString &path, const PageSetup &setup)
{
    if (path.trimmed().isEmpty())
        return Error::invalidInput(QStringLiteral("output"), tr("No file name was given for the PDF."));
    return FilePrivacy::writeWhole(path, [&html, &setup](QIODevice &file) -> Status {
        QPdfWriter writer(&file);
        writer.setTitle(setup.title);
        writer.setCreator(QCoreApplication::applicationName());
        const Result<int> painted = paint(html, writer, setup);
        if (!painted)
            return painted.error();
        return {};
    });
}

} // namespace dermdesk
