#pragma once

#include <QList>
#include <QWidget>

class QCheckBox;

namespace dermdesk::ui {

// Seven check boxes, Monday to Sunday (short day names of the locale): the days a patient prefers.
// None ticked means any day.
class WeekdayPicker : public QWidget
{
    Q_OBJECT

public:
    explicit WeekdayPicker(QWidget *parent = nullptr);

    // The ticked ISO weekdays (1 = Monday), ascending; empty when none is ticked (any day).
    [[nodiscard]] QList<int> weekdays() const;
    void setWeekdays(const QList<int> &weekdays);
    // The box of ISO weekday `day` (1..7).
    [[nodiscard]] QCheckBox *box(int day) const { return m_boxes.value(day - 1); }

signals:
    void changed();

private:
    QList<QCheckBox *> m_boxes;
};

} // namespace dermdesk::ui
