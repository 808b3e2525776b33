#include "TextFolding.h"

namespace dermdesk {

QString TextFolding::fold(const QString &text)
{
    const QString decomposed = text.simplified().normalized(QString::NormalizationForm_KD);
    QString folded;
    folded.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        const QChar::Category category = c.category();
        if (category == QChar::Mark_NonSpacing || category == QChar::Mark_SpacingCombining
            || category == QChar::Mark_Enclosing)
            continue;
        folded += c;
    }
    return folded.toCaseFolded();
}

QString TextFolding::digits(const QString &text)
{
    QString only;
    only.reserve(text.size());
    for (const QChar c : text) {
        if (c >= QLatin1Char('0') && c <= QLatin1Char('9'))
            only += c;
    }
    return only;
}

} // namespace dermdesk
