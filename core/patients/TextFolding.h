#pragma once

#include <QString>

namespace dermdesk {

// Text compared the way a receptionist expects: case and accents ignored.
class TextFolding
{
public:
    // `text` decomposed, without combining marks, case-folded and with runs of white space made
    // one space: "  Müller-Lüdenscheidt " → "muller-ludenscheidt". Letters without a decomposition
    // (ß, ø, CJK) are kept as they are (case-folded).
    [[nodiscard]] static QString fold(const QString &text);
    // Only the ASCII digits of `text`: "(555) 123-4567" → "5551234567".
    [[nodiscard]] static QString digits(const QString &text);
};

} // namespace dermdesk
