#pragma once

#include <QWidget>

class QComboBox;
class QTimeEdit;

namespace dermdesk::ui {

// The part of the day a patient prefers: any time, morning (before 12:00), afternoon (12:00–17:00),
// evening (from 17:00) or between two times. As local minutes [earliestMinute, latestMinute), the form
// SlotFinder::Query and WaitlistEntry use.
class TimeOfDayPicker : public QWidget
{
    Q_OBJECT

public:
    enum Choice {
        AnyTime,
        Morning,
        Afternoon,
        Evening,
        Between
    };
    Q_ENUM(Choice)

    explicit TimeOfDayPicker(QWidget *parent = nullptr);

    [[nodiscard]] Choice choice() const;
    void setChoice(Choice choice);
    // Between: the two times entered (the end may be 24:00 only through the named parts of the day).
    void setBetween(int fromMinute, int toMinute);

    [[nodiscard]] int earliestMinute() const;
    [[nodiscard]] int latestMinute() const;
    // "Any time", "Morning", "09:00 – 11:00", ... for lists.
    [[nodiscard]] static QString describe(int earliestMinute, int latestMinute);

    [[nodiscard]] QComboBox *comboBox() const { return m_choice; }

signals:
    void changed();

private:
    QComboBox *m_choice = nullptr;
    QTimeEdit *m_from = nullptr;
    QTimeEdit *m_to = nullptr;
};

} // namespace dermdesk::ui
