#pragma once

#include "HandoutRecord.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace dermdesk {

// A document composed for printing: its HTML (the subset QTextDocument reads) and what it was made of,
// so that printing it can be logged.
struct ComposedDocument
{
    // The PDF title and the footer's left text ("Handout for Joanna Smith").
    QString title;
    QString html;
    // Problems a person should see (an unknown template field, a missing clinic phone), translated.
    QStringList warnings;
    // Best printed in landscape (the day sheet).
    bool landscape = false;
    // The patient the document is about; 0 for a day sheet.
    qint64 patientId = 0;
    // For the handout log.
    QStringList guideSections;
    QString guideDate;
    QList<TemplateUse> templates;
};

} // namespace dermdesk
