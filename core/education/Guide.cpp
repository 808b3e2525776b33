#include "Guide.h"

#include <QCoreApplication>
#include <QFile>
#include <QLocale>
#include <QRegularExpression>

namespace dermdesk {

namespace {

// Consecutive non-blank lines, and how many blank lines came before them.
struct RawBlock
{
    QStringList lines;
    int blankLinesBefore = 0;
};

QList<RawBlock> splitBlocks(const QString &text)
{
    QList<RawBlock> blocks;
    RawBlock current;
    int blanks = 0;
    const QStringList lines =
        QString(text).replace(QStringLiteral("\r\n"), QStringLiteral("\n")).split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        if (line.trimmed().isEmpty()) {
            if (!current.lines.isEmpty()) {
                blocks.append(current);
                current = {};
            }
            ++blanks;
            continue;
        }
        if (current.lines.isEmpty()) {
            current.blankLinesBefore = blanks;
            blanks = 0;
        }
        current.lines.append(line);
    }
    if (!current.lines.isEmpty())
        blocks.append(current);
    return blocks;
}

const QRegularExpression &listItemPattern()
{
    static const QRegularExpression pattern(QStringLiteral("^\\s*(\\d+)\\.\\s+(\\S.*)$"));
    return pattern;
}

bool isList(const RawBlock &block)
{
    for (const QString &line : block.lines) {
        if (!listItemPattern().match(line).hasMatch())
            return false;
    }
    return true;
}

bool looksLikeHeading(const RawBlock &block)
{
    constexpr qsizetype maxHeadingLength = 80;
    if (block.lines.size() != 1)
        return false;
    const QString line = block.lines.first().trimmed();
    if (line.size() > maxHeadingLength || isList(block))
        return false;
    static const QString closing = QStringLiteral(".,:;!");
    return !closing.contains(line.back());
}

QDate parseDate(const QString &text)
{
    const QLocale english(QLocale::English, QLocale::UnitedStates);
    for (const QString &format : {QStringLiteral("MMMM d, yyyy"), QStringLiteral("MMM d, yyyy"),
                                  QStringLiteral("d MMMM yyyy"), QStringLiteral("yyyy-MM-dd")}) {
        const QDate date = english.toDate(text, format);
        if (date.isValid())
            return date;
    }
    return {};
}

// The web page's closing words around the guide: a short paragraph that asks the reader to act ("Contact us",
// "Schedule an appointment with ... to get started!"). They name someone else's practice, or a button.
bool isCallToAction(const GuideBlock &block)
{
    constexpr qsizetype longest = 200;
    if (block.kind != GuideBlock::Kind::Paragraph || block.text.size() > longest)
        return false;
    static const QRegularExpression asks(
        QStringLiteral("\\b(contact us|call us|get in touch|reach out|(schedule|book|request|make) (an|your) "
                       "(appointment|consultation)|book (now|online|today)|get started|learn more|sign up|subscribe|"
                       "click here|read more)\\b"),
        QRegularExpression::CaseInsensitiveOption);
    return asks.match(block.text).hasMatch();
}

QString escaped(const QString &text)
{
    return text.toHtmlEscaped();
}

// "Improved Skin Texture: Microneedling can ..." shows its lead-in in bold; the words stay the same.
QString listItemHtml(const QString &text)
{
    static const QRegularExpression leadIn(QStringLiteral("^([^:]{1,60}:)(\\s.*)$"));
    const auto match = leadIn.match(text);
    if (!match.hasMatch())
        return escaped(text);
    return QStringLiteral("<b>") + escaped(match.captured(1)) + QStringLiteral("</b>") + escaped(match.captured(2));
}

} // namespace

QString Guide::resourcePath()
{
    return QStringLiteral(":/guide/microneedling-guide.txt");
}

Guide Guide::parse(const QString &text)
{
    Guide guide;
    QList<RawBlock> blocks = splitBlocks(text);
    qsizetype next = 0;
    if (next < blocks.size()) {
        guide.m_title = blocks.at(next).lines.join(QLatin1Char(' ')).trimmed();
        ++next;
    }
    if (next < blocks.size() && blocks.at(next).lines.size() == 1) {
        const QString line = blocks.at(next).lines.first().trimmed();
        const QDate date = parseDate(line);
        if (date.isValid()) {
            guide.m_dateText = line;
            guide.m_date = date;
            ++next;
        }
    }

    for (; next < blocks.size(); ++next) {
        const RawBlock &block = blocks.at(next);
        const bool followed = next + 1 < blocks.size();
        if (followed && looksLikeHeading(block)) {
            guide.m_sections.append(GuideSection{block.lines.first().trimmed(), {}});
            continue;
        }
        if (guide.m_sections.isEmpty() || block.blankLinesBefore >= 2)
            guide.m_sections.append(GuideSection{});
        GuideBlock parsed;
        if (isList(block)) {
            parsed.kind = GuideBlock::Kind::NumberedList;
            for (const QString &line : block.lines) {
                const auto match = listItemPattern().match(line);
                parsed.items.append({match.captured(1).toInt(), match.captured(2).trimmed()});
            }
        } else {
            QStringList trimmed;
            for (const QString &line : block.lines)
                trimmed.append(line.trimmed());
            parsed.text = trimmed.join(QLatin1Char(' '));
        }
        guide.m_sections.last().blocks.append(parsed);
    }
    // The page's closing call to action is not the clinic's: it is kept apart, and printouts close with the
    // clinic's own contact block instead.
    while (!guide.m_sections.isEmpty()) {
        QList<GuideBlock> &blocks = guide.m_sections.last().blocks;
        if (!blocks.isEmpty() && isCallToAction(blocks.last())) {
            guide.m_callToAction.prepend(blocks.takeLast().text);
            continue;
        }
        if (blocks.isEmpty() && !guide.m_callToAction.isEmpty()) {
            guide.m_sections.removeLast();
            continue;
        }
        break;
    }
    return guide;
}

Result<Guide> Guide::load(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::notFound(QStringLiteral("guide"),
                               QCoreApplication::translate("dermdesk::Guide", "The guide %1 cannot be read: %2.")
                                   .arg(path, file.errorString()));
    return parse(QString::fromUtf8(file.readAll()));
}

QString Guide::anchor(int index)
{
    return QStringLiteral("section-%1").arg(index);
}

QString Guide::toHtml() const
{
    QList<int> all;
    for (qsizetype i = 0; i < m_sections.size(); ++i)
        all.append(int(i));
    return QStringLiteral("<html><body>") + sectionsHtml(all) + QStringLiteral("</body></html>");
}

QString Guide::sectionsHtml(const QList<int> &indexes) const
{
    QString html = QStringLiteral("<h1>") + escaped(m_title) + QStringLiteral("</h1>");
    if (!m_dateText.isEmpty())
        html += QStringLiteral("<p class=\"meta\"><i>%1</i></p>").arg(escaped(versionLine()));
    bool first = true;
    for (qsizetype i = 0; i < m_sections.size(); ++i) {
        if (!indexes.contains(int(i)))
            continue;
        const GuideSection &section = m_sections.at(i);
        html += QStringLiteral("<a name=\"%1\"></a>").arg(anchor(int(i)));
        if (!section.heading.isEmpty())
            html += QStringLiteral("<h2>") + escaped(section.heading) + QStringLiteral("</h2>");
        else if (!first)
            html += QStringLiteral("<hr/>");
        first = false;
        for (const GuideBlock &block : section.blocks) {
            if (block.kind == GuideBlock::Kind::Paragraph) {
                html += QStringLiteral("<p>") + escaped(block.text) + QStringLiteral("</p>");
                continue;
            }
            const int start = block.items.isEmpty() ? 1 : block.items.first().number;
            html += QStringLiteral("<ol start=\"%1\">").arg(start);
            for (const GuideListItem &item : block.items)
                html += QStringLiteral("<li>") + listItemHtml(item.text) + QStringLiteral("</li>");
            html += QStringLiteral("</ol>");
        }
    }
    return html;
}

QString Guide::versionLine() const
{
    if (m_dateText.isEmpty())
        return {};
    return QCoreApplication::translate("dermdesk::Guide", "Guide version: %1").arg(m_dateText);
}

QString Guide::headingOf(int index) const
{
    if (index < 0 || index >= m_sections.size())
        return {};
    const QString &heading = m_sections.at(index).heading;
    if (!heading.isEmpty())
        return heading;
    return index == 0 ? QCoreApplication::translate("dermdesk::Guide", "Introduction")
                      : QCoreApplication::translate("dermdesk::Guide", "In closing");
}

QStringList Guide::headings(const QList<int> &indexes) const
{
    QStringList found;
    for (qsizetype i = 0; i < m_sections.size(); ++i) {
        if (indexes.contains(int(i)))
            found.append(headingOf(int(i)));
    }
    return found;
}

} // namespace dermdesk
