#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace dermdesk {

// A template version a printed document held.
struct TemplateUse
{
    qint64 templateId = 0;
    int version = 1;
    // The template's title at that version (read back from the log; ignored when recording).
    QString title;
};

// One document printed or saved as PDF for a patient (table handout_log, schema version 6).
struct HandoutRecord
{
    qint64 id = 0;
    qint64 patientId = 0;
    // "handout" or "appointment_card".
    QString document = QStringLiteral("handout");
    // The appointment a card was printed for; 0 for a handout.
    qint64 appointmentId = 0;
    // Headings of the guide sections it held.
    QStringList guideSections;
    // The guide's date line (its edition).
    QString guideDate;
    // "print" or "pdf".
    QString output = QStringLiteral("print");
    // UTC Unix seconds; set by HandoutLogRepository::record.
    qint64 printedAt = 0;
    QString printedBy;
    QString workstation;
    QList<TemplateUse> templates;
};

} // namespace dermdesk
