#pragma once

#include <QHash>
#include <QPointer>
#include <QString>

class QFormLayout;
class QLabel;
class QLayout;
class QWidget;

namespace dermdesk {
class Error;
struct Attendance;
} // namespace dermdesk

namespace dermdesk::ui {

// The line under a front-desk form that says whether what is entered can be saved, and when not, which
// field is at fault: "When: Dr. Connie Hiers is already booked 09:00–10:10 (clean-up included)." The
// faulty field's row label turns the error colour until the next message. Does not own the labels.
class FormFeedback
{
public:
    enum class Tone {
        Hint,
        Ok,
        Warning,
        Error
    };

    explicit FormFeedback(QLabel *outcome);

    // Registers the row label of the field that errors naming `key` point at. Keys: patient, type,
    // practitioner, room, start, duration, prep, cleanup, from, to, earliest_date, latest_date, weekdays,
    // time_of_day, count (see fieldKey).
    void addField(const QString &key, QLabel *rowLabel);

    // Adds a form row labelled `text` (with its mnemonic) for `buddy`, and registers it under `key` when
    // one is given. Returns the row's label.
    QLabel *addRow(QFormLayout *form, const QString &text, QWidget *field, const QString &key = {});
    QLabel *addRow(QFormLayout *form, const QString &text, QLayout *field, QWidget *buddy, const QString &key = {});

    void show(Tone tone, const QString &text);
    // Shows the error's message after the name of the field it concerns, and marks that field.
    void showError(const Error &error);

    // The key of the field the shown error concerns; empty when no error is shown.
    [[nodiscard]] QString errorField() const { return m_errorField; }

    // The form field an error from the schedule core concerns: overlaps, working and opening hours,
    // blockouts and the past all concern the start; practitioner.*, room.*, patient.* and type.* their
    // resource; input fields themselves otherwise.
    [[nodiscard]] static QString fieldKey(const Error &error);

    // "2 no-shows, 1 late cancel"; empty when the patient has neither.
    [[nodiscard]] static QString attendanceWarning(const Attendance &attendance);

private:
    void markField(const QString &key);

    QPointer<QLabel> m_outcome;
    QHash<QString, QPointer<QLabel>> m_fields;
    QString m_errorField;
};

} // namespace dermdesk::ui
