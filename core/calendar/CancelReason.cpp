#include "CancelReason.h"

#include <QCoreApplication>

namespace dermdesk::cancel_reason {

namespace {
struct Spelling
{
    CancelCategory category;
    const char *storage;
    const char *label;
};

constexpr Spelling spellings[] = {
    {CancelCategory::PatientRequest, "patient_request", QT_TRANSLATE_NOOP("dermdesk::CancelReason", "Patient request")},
    {CancelCategory::Illness, "illness", QT_TRANSLATE_NOOP("dermdesk::CancelReason", "Illness")},
    {CancelCategory::Clinic, "clinic", QT_TRANSLATE_NOOP("dermdesk::CancelReason", "Clinic")},
    {CancelCategory::Other, "other", QT_TRANSLATE_NOOP("dermdesk::CancelReason", "Other")},
};

const Spelling *spellingOf(CancelCategory category)
{
    for (const Spelling &s : spellings) {
        if (s.category == category)
            return &s;
    }
    return nullptr;
}

// A category named by its code ("patient_request"), its label in any case ("patient request"), or the
// label's translation.
std::optional<CancelCategory> categoryNamed(const QString &name)
{
    QString plain = name.trimmed();
    for (const Spelling &s : spellings) {
        if (plain.compare(QLatin1String(s.storage), Qt::CaseInsensitive) == 0
            || plain.compare(QLatin1String(s.label), Qt::CaseInsensitive) == 0
            || plain.compare(label(s.category), Qt::CaseInsensitive) == 0)
            return s.category;
    }
    plain.replace(QLatin1Char(' '), QLatin1Char('_'));
    plain.replace(QLatin1Char('-'), QLatin1Char('_'));
    for (const Spelling &s : spellings) {
        if (plain.compare(QLatin1String(s.storage), Qt::CaseInsensitive) == 0)
            return s.category;
    }
    return std::nullopt;
}
} // namespace

QList<CancelCategory> all()
{
    QList<CancelCategory> categories;
    for (const Spelling &s : spellings)
        categories.append(s.category);
    return categories;
}

QString toStorage(CancelCategory category)
{
    const Spelling *s = spellingOf(category);
    return s ? QString::fromLatin1(s->storage) : QString();
}

std::optional<CancelCategory> fromStorage(const QString &code)
{
    for (const Spelling &s : spellings) {
        if (code == QLatin1String(s.storage))
            return s.category;
    }
    return std::nullopt;
}

QString label(CancelCategory category)
{
    const Spelling *s = spellingOf(category);
    return s ? QCoreApplication::translate("dermdesk::CancelReason", s->label) : QString();
}

QString describe(const CancelReason &reason)
{
    const QString detail = reason.detail.trimmed();
    if (detail.isEmpty())
        return label(reason.category);
    return QCoreApplication::translate("dermdesk::CancelReason", "%1: %2").arg(label(reason.category), detail);
}

CancelReason parse(const QString &text)
{
    const QString trimmed = text.trimmed();
    const qsizetype colon = trimmed.indexOf(QLatin1Char(':'));
    if (const auto category = categoryNamed(colon < 0 ? trimmed : trimmed.left(colon)))
        return {*category, colon < 0 ? QString() : trimmed.mid(colon + 1).trimmed()};
    return {CancelCategory::Other, trimmed};
}

bool isLate(CancelCategory category, qint64 startsAt, qint64 now)
{
    return category != CancelCategory::Clinic && startsAt - now < lateNoticeSeconds;
}

} // namespace dermdesk::cancel_reason
