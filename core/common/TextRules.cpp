#include "TextRules.h"
#include "common/Translation.h"

#include <QCoreApplication>

#include <optional>

namespace dermdesk {

namespace {

constexpr TranslationContext tr("dermdesk::TextRules");

bool isControl(char32_t c)
{
    return c < 0x20 || (c >= 0x7f && c <= 0x9f);
}

bool isDirectionOverride(char32_t c)
{
    return (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}

bool isNonCharacter(char32_t c)
{
    return (c >= 0xfdd0 && c <= 0xfdef) || (c & 0xfffe) == 0xfffe;
}

// Characters that take no visible space by themselves: format characters (zero-width space, joiners, word
// joiner, byte order mark, soft hyphen, direction marks, tags, ...) and the blank fillers of some scripts.
bool isInvisible(char32_t c)
{
    switch (c) {
    case 0x034f: // combining grapheme joiner
    case 0x115f:
    case 0x1160:
    case 0x3164:
    case 0xffa0: // Hangul fillers
    case 0x17b4:
    case 0x17b5: // Khmer inherent vowels
    case 0x2800: // braille blank
        return true;
    default:
        break;
    }
    if (c >= 0xfe00 && c <= 0xfe0f) // variation selectors
        return true;
    return QChar::category(c) == QChar::Other_Format;
}

bool isLineSeparator(char32_t c)
{
    return c == 0x2028 || c == 0x2029;
}

// What TextRules::escaped writes instead of `c`; empty when `c` is shown as it is.
QString escapeFor(char32_t c, bool keepNewlines)
{
    switch (c) {
    case '\t':
        return QStringLiteral("\\t");
    case '\r':
        return QStringLiteral("\\r");
    case '\n':
        return keepNewlines ? QString() : QStringLiteral("\\n");
    case 0x1b:
        return QStringLiteral("\\e");
    default:
        break;
    }
    if (isControl(c))
        return QStringLiteral("\\x%1").arg(uint(c), 2, 16, QLatin1Char('0'));
    // Joiners are part of how some scripts and emoji are written; they cannot rearrange text.
    const bool joiner = c == 0x200c || c == 0x200d;
    if (isDirectionOverride(c) || isLineSeparator(c) || isNonCharacter(c) || (isInvisible(c) && !joiner)
        || QChar::isSurrogate(c)) {
        return c > 0xffff ? QStringLiteral("\\U%1").arg(uint(c), 8, 16, QLatin1Char('0'))
                          : QStringLiteral("\\u%1").arg(uint(c), 4, 16, QLatin1Char('0'));
    }
    return {};
}

QString codePoint(char32_t c)
{
    return QStringLiteral("U+") + QString::number(uint(c), 16).toUpper().rightJustified(4, QLatin1Char('0'));
}

// Calls `visit(code point, 1-based character position, index of the next UTF-16 unit)` for each character of
// `text` until it returns false; a lone surrogate is visited as itself.
template<typename Visit>
void forEachCharacter(const QString &text, Visit visit)
{
    int position = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t unit = text.at(i).unicode();
        char32_t c = unit;
        if (QChar::isHighSurrogate(unit) && i + 1 < text.size() && QChar::isLowSurrogate(text.at(i + 1).unicode())) {
            c = QChar::surrogateToUcs4(unit, text.at(i + 1).unicode());
            ++i;
        }
        if (!visit(c, ++position, i + 1))
            return;
    }
}

} // namespace

Status TextRules::check(const QString &text, const QString &field, int maxLength, Lines lines)
{
    const auto refuse = [&field](const QString &rule) {
        return Error::invalidInput(field, QStringLiteral("%1: %2").arg(field, rule));
    };
    std::optional<QString> refusal;
    int length = 0;
    bool visible = false;
    forEachCharacter(text, [&](char32_t c, int position, qsizetype next) {
        length = position;
        const QString found = codePoint(c);
        const QString at = QString::number(position);
        if (c == 0xfffd) {
            refusal = tr("is not valid text: it holds %1 at character %2, the mark left where the input was not "
                         "valid UTF-8")
                          .arg(found, at);
        } else if (QChar::isSurrogate(c) || isNonCharacter(c)) {
            refusal = tr("is not valid text: it holds %1 at character %2, which is not a character").arg(found, at);
        } else if (isControl(c)) {
            const bool allowed =
                lines == Lines::Many
                && (c == '\t' || c == '\n' || (c == '\r' && next < text.size() && text.at(next) == u'\n'));
            if (!allowed) {
                refusal = lines == Lines::Many
                              ? tr("must not hold control characters other than tab and line breaks (found %1 at "
                                   "character %2)")
                                    .arg(found, at)
                              : tr("must be one line without control characters such as tab, line breaks or NUL "
                                   "(found %1 at character %2)")
                                    .arg(found, at);
            }
        } else if (lines == Lines::One && isLineSeparator(c)) {
            refusal = tr("must be one line (found the separator %1 at character %2)").arg(found, at);
        } else if (isDirectionOverride(c)) {
            refusal = tr("must not hold direction overrides, which show text in another order than stored (%1 at "
                         "character %2)")
                          .arg(found, at);
        } else if (!isInvisible(c) && !QChar::isSpace(c) && !isControl(c)) {
            visible = true;
        }
        return !refusal.has_value();
    });
    if (refusal)
        return refuse(*refusal);
    if (length > maxLength)
        return refuse(tr("must be at most %1 characters long (it has %2)").arg(maxLength).arg(length));
    if (length > 0 && !visible && !text.trimmed().isEmpty())
        return refuse(tr("holds only invisible characters (such as zero-width spaces)"));
    return {};
}

Status TextRules::check(std::initializer_list<Field> fields)
{
    for (const Field &field : fields) {
        if (Status s = check(field.text, field.key, field.maxLength, field.lines); !s)
            return s;
    }
    return {};
}

QString TextRules::escaped(const QString &text, bool keepNewlines)
{
    QString shown;
    bool changed = false;
    qsizetype from = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t unit = text.at(i).unicode();
        char32_t c = unit;
        qsizetype units = 1;
        if (QChar::isHighSurrogate(unit) && i + 1 < text.size() && QChar::isLowSurrogate(text.at(i + 1).unicode())) {
            c = QChar::surrogateToUcs4(unit, text.at(i + 1).unicode());
            units = 2;
        }
        const QString escape = escapeFor(c, keepNewlines);
        if (!escape.isEmpty()) {
            if (!changed)
                shown.reserve(text.size() + 8);
            changed = true;
            shown.append(QStringView(text).mid(from, i - from));
            shown.append(escape);
            from = i + units;
        }
        i += units - 1;
    }
    if (!changed)
        return text;
    shown.append(QStringView(text).mid(from));
    return shown;
}

} // namespace dermdesk
