#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

namespace dermdesk {

// The fields an education template may hold, written in braces: "{patient_name}". fill() replaces
// each known field by its value (HTML-escaped) and shows an unknown one as a visible marker, listing
// it in the warnings, so a typing mistake in a template is seen on paper and never stops printing.
class TemplateFields
{
public:
    struct Filled
    {
        QString html;
        // "Unknown field {pateint_name} in “Aftercare”", one per distinct unknown field.
        QStringList warnings;
    };

    // Every field name fill() knows, in the order the template editor offers them.
    [[nodiscard]] static QStringList known();
    // A translated description of `field` for the template editor.
    [[nodiscard]] static QString describe(const QString &field);

    // Sets a field's value (plain text); a known field without a value prints as "—".
    void set(const QString &field, const QString &value);
    [[nodiscard]] QString value(const QString &field) const;

    // `html` with the fields replaced; `documentTitle` names the template in warnings.
    [[nodiscard]] Filled fill(const QString &html, const QString &documentTitle) const;

    // The inside of <body> when `html` is a whole document (as a rich-text editor saves it), else `html`.
    [[nodiscard]] static QString bodyOf(const QString &html);

private:
    QHash<QString, QString> m_values;
};

} // namespace dermdesk
