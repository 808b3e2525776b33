#pragma once

#include "common/Result.h"

#include <QList>
#include <QLocale>
#include <QString>
#include <QStringList>
#include <QVariantList>

namespace dermdesk {

class Database;

// The full-text part of patient search: the text index `patient_search` (migration 003; FTS5 on SQLite), which
// triggers keep in step with `patient`. This class turns what a person typed into an engine-neutral TextQuery
// per ranking tier, which the storage engine phrases in its own query language (StorageEngine::textPattern), and
// rebuilds the index after bulk changes.
//
// What matches, word by word (all words must match, in any order):
//   a name word        the beginning of a given, family or preferred name (or an email part), ignoring
//                      case and accents: "mull" finds "Müller", "jo sm" finds "Smith, Joanna"
//   a phone number     its digits begin a mobile or home number: "5551234" or "555-1234" find "(555) 123-4567"
//   a date             the birth date, as YYYY-MM-DD or the locale's short date with a four-digit year
//   an email           words holding '@' match the beginning of an email address
// Ranking, in tiers: every name word a whole name; then name prefixes; then the rest (names matched only
// through the email). Archived patients are left out, or listed after all others when asked for. Each tier
// contributes its newest patients (highest id) first, so a search costs the same however many patients
// match; the page is then shown sorted by family and given name (ASCII case ignored) within each tier.
// A search by phone, date or email alone is one tier.
class PatientSearchIndex
{
public:
    // One statement to run: a common table expression `ranked (id, archived, tier, sort_name)` of at most
    // `limit` patients, to be ordered by archived, tier, sort_name, id; and its bind values in order.
    struct RankedQuery
    {
        QString withClause;
        QVariantList values;
        // True when the text cannot match anyone (only punctuation): run nothing.
        bool matchesNothing = false;
    };

    explicit PatientSearchIndex(const Database &database);

    // The ranked patients for `text`; empty text lists everyone by name from the start of the alphabet.
    [[nodiscard]] Result<RankedQuery> rankedQuery(const QString &text, int limit, bool includeArchived,
                                                  const QLocale &locale = QLocale()) const;

    // Ids of patients (archived too) one of whose numbers has exactly these digits, with or
    // without a country code. `digits` holds ASCII digits only.
    [[nodiscard]] Result<QList<qint64>> withPhoneDigits(const QString &digits) const;
    // withPhoneDigits() of each of `numbers`, in their order, asked of the index for many numbers at once (numbers
    // nobody has cost a share of one statement).
    [[nodiscard]] Result<QList<QList<qint64>>> withPhoneDigitsOfAll(const QStringList &numbers) const;

    // Fills the index again from `patient` (after bulk writes that bypassed the triggers).
    [[nodiscard]] Status rebuild() const;

private:
    // Ids of patients with one of `numbers` (as withPhoneDigits() matches one), in id order.
    [[nodiscard]] Result<QList<qint64>> withAnyPhoneDigits(const QStringList &numbers) const;

    const Database &m_database;
};

} // namespace dermdesk
