#pragma once

#include "common/Result.h"

#include <QDate>
#include <QList>
#include <QString>

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
// close a section, so what follows without a heading is a section of its own.
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
    [[nodiscard]] const QList<GuideSection> &sections() const { return m_sections; }

    // The anchor name toHtml() gives section `index`.
    [[nodiscard]] static QString anchor(int index);
    // The guide as an HTML document without fixed font sizes, so a viewer can scale it.
    [[nodiscard]] QString toHtml() const;
    // The title, the date and the sections `indexes` (in the guide's order, each with its anchor) as an
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
};

} // namespace dermdesk
