#pragma once

#include "Result.h"

#include <QString>

#include <initializer_list>

namespace dermdesk {

// What any text typed, pasted, passed on a command line or imported must be before it is stored, and how
// stored text is shown on a terminal so that it cannot disguise itself.
//
// A text field is refused (InvalidInput naming the field, message "field: rule") when it
// - is longer than its bound, counted in characters (Unicode code points);
// - holds a control character: C0 (U+0000–U+001F, NUL included), DEL or C1 (U+0080–U+009F). A one-line
//   field allows none; a multi-line field allows tab, line feed and a carriage return before a line feed;
// - holds a line or paragraph separator (U+2028, U+2029) in a one-line field;
// - holds a bidirectional embedding, override or isolate (U+202A–U+202E, U+2066–U+2069), which can make
//   text display in another order than it is stored;
// - holds U+FFFD, the mark text that was not valid UTF-8 leaves when decoded, a lone UTF-16 surrogate or a
//   Unicode non-character (U+FFFE, U+FFFF, ...);
// - is not empty yet holds only white space and invisible characters (zero-width space and joiners,
//   word joiner, byte order mark, soft hyphen, direction marks, ...).
// Empty text passes: whether a field is required is the caller's rule.
class TextRules
{
public:
    enum class Lines {
        One,
        Many
    };

    // Bounds used across the program, in characters.
    static constexpr int nameLength = 100;
    static constexpr int emailLength = 254;
    static constexpr int phoneLength = 40;
    static constexpr int lineLength = 200;
    static constexpr int reasonLength = 1000;
    static constexpr int notesLength = 10000;

    // Checks `text` for the field stored as `field` ("given_name", "notes", "reason", ...).
    [[nodiscard]] static Status check(const QString &text, const QString &field, int maxLength,
                                      Lines lines = Lines::One);

    struct Field
    {
        const QString &text;
        QString key;
        int maxLength;
        Lines lines = Lines::One;
    };
    // The first refusal among `fields`, checked in order.
    [[nodiscard]] static Status check(std::initializer_list<Field> fields);

    // `text` with every character that could hide or rearrange what a terminal shows written as a visible
    // escape: \t \r \n (unless `keepNewlines`), \e for ESC, \xHH for the other C0 and C1 controls and DEL,
    // \uHHHH for direction controls, line and paragraph separators, zero-width and other invisible
    // characters, lone surrogates and non-characters. Everything else, backslashes included, is unchanged.
    [[nodiscard]] static QString escaped(const QString &text, bool keepNewlines = false);
};

} // namespace dermdesk
