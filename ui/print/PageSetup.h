#pragma once

#include <QLocale>
#include <QMarginsF>
#include <QString>

namespace dermdesk {

class ClinicSession;
struct ClinicSettings;
struct ComposedDocument;

// How a document is laid out on paper. Everything here is independent of the output device:
// the same PageSetup gives the same pages on a printer, in a print preview and in a PDF file.
struct PageSetup
{
    enum class Paper {
        FollowLocale, // A4, or US Letter where the locale uses it (see DocumentPrinter::paperFor)
        A4,
        Letter,
    };

    Paper paper = Paper::FollowLocale;
    // Which locale FollowLocale follows.
    QLocale locale;
    bool landscape = false;
    // Page margins in millimetres (the footer sits inside the bottom margin).
    QMarginsF marginsMm{18.0, 16.0, 18.0, 18.0};
    // The PDF's title (document properties); also the footer's left text when footerText is empty.
    QString title;
    // Left side of the footer on every page; the right side says "Page n of N".
    QString footerText;
    // The base font size in points for text without its own size.
    qreal basePointSize = 10.5;

    // How every printout and PDF of the clinic is laid out: on the clinic's paper (ClinicPaper::resolve, the
    // desk's locale `desk` standing in when the clinic's country is unknown), in the document's orientation,
    // with its title.
    [[nodiscard]] static PageSetup forClinic(const ClinicSettings &clinic, const ComposedDocument &document,
                                             const QLocale &desk = QLocale());
    // The same with the clinic's settings as `session` holds them (the defaults if they cannot be read).
    [[nodiscard]] static PageSetup forClinic(const ClinicSession &session, const ComposedDocument &document,
                                             const QLocale &desk = QLocale());
};

} // namespace dermdesk
