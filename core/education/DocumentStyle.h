#pragma once

#include "clinic/ClinicSettings.h"

#include <QString>

namespace dermdesk {

// The look shared by every printed document: one style sheet, the clinic's letterhead and its
// contact block, so a handout, a card and a day sheet look like one clinic's papers.
class DocumentStyle
{
public:
    // A whole HTML document: <head> with the style sheet and `title`, then `body`.
    [[nodiscard]] static QString page(const QString &title, const QString &body);
    // The letterhead: the clinic's name large, its address and phone beside it, then `heading`
    // and `subheading` (already escaped HTML; either may be empty).
    [[nodiscard]] static QString letterhead(const ClinicSettings &clinic, const QString &heading,
                                            const QString &subheading);
    // "Riverside Skin Clinic · 12 River St · 555-0100 · desk@example.com" as a closing box.
    [[nodiscard]] static QString contactBlock(const ClinicSettings &clinic, const QString &lead);
    // The clinic's contact line (address, phone, email, those given), escaped; the phone number never breaks
    // across lines.
    [[nodiscard]] static QString contactLine(const ClinicSettings &clinic);
    [[nodiscard]] static QString escaped(const QString &text) { return text.toHtmlEscaped(); }
    // `text` (plain, not escaped) with its spaces and hyphens made non-breaking, so "(555) 010-0100" stays on
    // one line.
    [[nodiscard]] static QString unbreakable(const QString &text);

    // The accent colour of headings and rules.
    [[nodiscard]] static QString accent() { return QStringLiteral("#2f5d62"); }
};

} // namespace dermdesk
