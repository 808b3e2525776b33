#include "ui/widgets/FormFeedback.h"

#include "calendar/Attendance.h"
#include "common/Error.h"
#include "common/Translation.h"
#include "ui/widgets/Theme.h"

#include <QCoreApplication>
#include <QFormLayout>
#include <QLabel>

namespace dermdesk::ui {

namespace {

constexpr TranslationContext tr("dermdesk::ui::FormFeedback");

QColor toneColour(FormFeedback::Tone tone)
{
    switch (tone) {
    case FormFeedback::Tone::Hint:
        return QColor(theme::mutedText);
    case FormFeedback::Tone::Ok:
        return QColor(0x2e7d4f);
    case FormFeedback::Tone::Warning:
        return QColor(0x9a5b00);
    case FormFeedback::Tone::Error:
        return QColor(theme::errorText);
    }
    return QColor(theme::mutedText);
}

} // namespace

FormFeedback::FormFeedback(QLabel *outcome)
    : m_outcome(outcome)
{
    m_outcome->setWordWrap(true);
    m_outcome->setTextFormat(Qt::PlainText);
    m_outcome->setAccessibleName(tr("Outcome"));
}

void FormFeedback::addField(const QString &key, QLabel *rowLabel)
{
    m_fields.insert(key, rowLabel);
}

QLabel *FormFeedback::addRow(QFormLayout *form, const QString &text, QWidget *field, const QString &key)
{
    auto *label = new QLabel(text, m_outcome ? m_outcome->parentWidget() : form->parentWidget());
    label->setBuddy(field);
    form->addRow(label, field);
    if (!key.isEmpty())
        addField(key, label);
    return label;
}

QLabel *FormFeedback::addRow(QFormLayout *form, const QString &text, QLayout *field, QWidget *buddy, const QString &key)
{
    auto *label = new QLabel(text, m_outcome ? m_outcome->parentWidget() : form->parentWidget());
    label->setBuddy(buddy);
    form->addRow(label, field);
    if (!key.isEmpty())
        addField(key, label);
    return label;
}

void FormFeedback::show(Tone tone, const QString &text)
{
    markField({});
    if (!m_outcome)
        return;
    QPalette palette = m_outcome->palette();
    palette.setColor(QPalette::WindowText, toneColour(tone));
    m_outcome->setPalette(palette);
    m_outcome->setText(text);
}

void FormFeedback::showError(const Error &error)
{
    const QString key = fieldKey(error);
    const QPointer<QLabel> label = m_fields.value(key);
    QString fieldName = label ? label->text().trimmed() : QString();
    fieldName.remove(QLatin1Char('&'));
    if (fieldName.endsWith(QLatin1Char(':')))
        fieldName.chop(1);
    // "email: must look like …" reads "E-mail: must look like …": the label names the field.
    QString rule = error.message();
    if (const QString prefix = error.field() + QStringLiteral(": "); !fieldName.isEmpty() && rule.startsWith(prefix))
        rule = rule.mid(prefix.size());
    show(Tone::Error, fieldName.isEmpty() ? error.message() : tr("%1: %2").arg(fieldName, rule));
    markField(key);
}

void FormFeedback::markField(const QString &key)
{
    if (!m_errorField.isEmpty()) {
        if (QLabel *previous = m_fields.value(m_errorField))
            previous->setPalette(QPalette());
    }
    m_errorField = key;
    if (QLabel *label = m_fields.value(key)) {
        QPalette palette = label->palette();
        palette.setColor(QPalette::WindowText, toneColour(Tone::Error));
        label->setPalette(palette);
    }
}

QString FormFeedback::fieldKey(const Error &error)
{
    const QString field = error.field();
    const auto starts = [&field](const char *prefix) { return field.startsWith(QLatin1String(prefix)); };
    if (starts("overlap.") || starts("hours.") || starts("blockout") || starts("start"))
        return QStringLiteral("start");
    if (field == QLatin1String("end"))
        return QStringLiteral("duration");
    if (field == QLatin1String("appointment_type") || starts("type."))
        return QStringLiteral("type");
    if (starts("practitioner"))
        return QStringLiteral("practitioner");
    if (starts("room"))
        return QStringLiteral("room");
    if (starts("patient"))
        return QStringLiteral("patient");
    return field;
}

QString FormFeedback::attendanceWarning(const Attendance &attendance)
{
    QStringList parts;
    if (attendance.noShows > 0)
        parts << (attendance.noShows == 1 ? tr("1 no-show") : tr("%1 no-shows").arg(attendance.noShows));
    if (attendance.lateCancels > 0)
        parts << (attendance.lateCancels == 1 ? tr("1 late cancel")
                                              : tr("%1 late cancels").arg(attendance.lateCancels));
    return parts.join(QStringLiteral(", "));
}

} // namespace dermdesk::ui
