#include "ui/frontdesk/WeekdayPicker.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLocale>

namespace dermdesk::ui {

WeekdayPicker::WeekdayPicker(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(10);
    const QLocale locale;
    for (int day = 1; day <= 7; ++day) {
        auto *box = new QCheckBox(locale.dayName(day, QLocale::ShortFormat), this);
        box->setObjectName(QStringLiteral("weekday%1").arg(day));
        box->setAccessibleName(locale.dayName(day));
        layout->addWidget(box);
        m_boxes << box;
        connect(box, &QCheckBox::toggled, this, &WeekdayPicker::changed);
    }
    layout->addStretch(1);
    setToolTip(tr("Tick the days that suit; none ticked means any day"));
}

QList<int> WeekdayPicker::weekdays() const
{
    QList<int> days;
    for (int day = 1; day <= 7; ++day) {
        if (m_boxes.at(day - 1)->isChecked())
            days << day;
    }
    return days;
}

void WeekdayPicker::setWeekdays(const QList<int> &weekdays)
{
    for (int day = 1; day <= 7; ++day)
        m_boxes.at(day - 1)->setChecked(weekdays.contains(day));
}

} // namespace dermdesk::ui
