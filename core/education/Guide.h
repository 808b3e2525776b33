#pragma once

#include "common/Result.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

namespace dermdesk {

struct GuideListItem
{
    int number = 0;
    QString text;
};

// A paragraph, or a numbered list whose items keep their numbers.
struct GuideBlock
{
    enum class Kind {
        Paragraph,
        NumberedList
    };
    Kind kind = Kind::Paragraph;
    // The paragraph's text (Paragraph only).
    QString text;
    // The list's items (NumberedList only).
    QList<GuideListItem> items;
};

// A part of the guide under one heading. The guide's opening and closing words stand in
// sections without a heading.
struct GuideSection
{
    QString heading;
    QList<GuideBlock> blocks;
};

// The clinic's patient-education guide, parsed from its plain text. The words are kept verbatim:
// every paragraph, heading and list item is the source text, trimmed, list numbers aside.
//
// Shape of the source: the title on the first line, then the date; blocks are separated by blank
// lines. A block that is one short line without closing punctuation (. , : ; !) and is followed by
// another block is a heading; lines "  1. ..." form a numbered list; two or more blank lines
// close a section, so what follows without a heading is a section of its own. The web page's closing
// call to action (short paragraphs at the very end such as "Contact us" or "Schedule an appointment with
// ... to get started!") is not part of any section: callToAction() holds it, and documents put the
// clinic's own contact block in its place.
class Guide
{
public:
    // ":/guide/microneedling-guide.txt", compiled into dermdesk_core.
    [[nodiscard]] static QString resourcePath();
    [[nodiscard]] static Guide parse(const QString &text);
    // Reads and parses a guide file (UTF-8).
    [[nodiscard]] static Result<Guide> load(const QString &path = resourcePath());

    [[nodiscard]] const QString &title() const { return m_title; }
    // The date line as written ("April 19, 2024").
    [[nodiscard]] const QString &dateText() const { return m_dateText; }
    // The date line read as a date; invalid if it is not one.
    [[nodiscard]] QDate date() const { return m_date; }
    // "Guide version: April 19, 2024": the date line is the guide's version; empty without one.
    [[nodiscard]] QString versionLine() const;
    // The closing paragraphs that ask a web page's reader to act, as written; empty if there were none.
    [[nodiscard]] const QStringList &callToAction() const { return m_callToAction; }
    [[nodiscard]] const QList<GuideSection> &sections() const { return m_sections; }

    // The anchor name toHtml() gives section `index`.
    [[nodiscard]] static QString anchor(int index);
    // The guide as an HTML document without fixed font sizes, so a viewer can scale it.
    [[nodiscard]] QString toHtml() const;
    // The title, the version line and the sections `indexes` (in the guide's order, each with its anchor) as an
    // HTML fragment to place inside another document's body.
    [[nodiscard]] QString sectionsHtml(const QList<int> &indexes) const;
    // The headings of sections `indexes` ("Introduction" and "In closing" for those without one).
    [[nodiscard]] QStringList headings(const QList<int> &indexes) const;
    // The heading section `index` is listed under.
    [[nodiscard]] QString headingOf(int index) const;

private:
    QString m_title;
    QString m_dateText;
    QDate m_date;
    QList<GuideSection> m_sections;
    QStringList m_callToAction;
};

} // namespace dermdesk
