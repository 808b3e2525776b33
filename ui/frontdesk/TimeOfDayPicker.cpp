#include "ui/frontdesk/TimeOfDayPicker.h"

#include "common/TimeFormat.h"
#include "ui/widgets/TimeField.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QTimeEdit>

namespace dermdesk::ui {

namespace {

constexpr int noon = 12 * 60;
constexpr int fivePm = 17 * 60;
constexpr int midnight = 24 * 60;

int minuteOf(const QTime &time)
{
    return time.hour() * 60 + time.minute();
}

QString clock(int minute)
{
    return minute >= midnight ? QStringLiteral("24:00") : clockTimeText(QTime(minute / 60, minute % 60));
}

} // namespace

TimeOfDayPicker::TimeOfDayPicker(QWidget *parent)
    : QWidget(parent)
{
    m_choice = new QComboBox(this);
    m_choice->setObjectName(QStringLiteral("timeOfDayCombo"));
    m_choice->setAccessibleName(tr("Time of day"));
    m_choice->addItem(tr("Any time"), AnyTime);
    m_choice->addItem(tr("Morning (before 12:00)"), Morning);
    m_choice->addItem(tr("Afternoon (12:00\u201317:00)"), Afternoon);
    m_choice->addItem(tr("Evening (from 17:00)"), Evening);
    m_choice->addItem(tr("Between\u2026"), Between);
    m_from = new TimeField(QTime(9, 0), this);
    m_from->setObjectName(QStringLiteral("timeOfDayFrom"));
    m_from->setDisplayFormat(QStringLiteral("HH:mm"));
    m_from->setAccessibleName(tr("Earliest start"));
    m_to = new TimeField(QTime(12, 0), this);
    m_to->setObjectName(QStringLiteral("timeOfDayTo"));
    m_to->setDisplayFormat(QStringLiteral("HH:mm"));
    m_to->setAccessibleName(tr("Latest end"));
    auto *dash = new QLabel(QStringLiteral("\u2013"), this);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_choice);
    layout->addWidget(m_from);
    layout->addWidget(dash);
    layout->addWidget(m_to);
    layout->addStretch(1);

    const auto showRange = [this, dash] {
        const bool between = choice() == Between;
        m_from->setVisible(between);
        dash->setVisible(between);
        m_to->setVisible(between);
    };
    showRange();
    connect(m_choice, &QComboBox::currentIndexChanged, this, showRange);
    connect(m_choice, &QComboBox::currentIndexChanged, this, &TimeOfDayPicker::changed);
    connect(m_from, &QTimeEdit::timeChanged, this, &TimeOfDayPicker::changed);
    connect(m_to, &QTimeEdit::timeChanged, this, &TimeOfDayPicker::changed);
}

TimeOfDayPicker::Choice TimeOfDayPicker::choice() const
{
    return Choice(m_choice->currentData().toInt());
}

void TimeOfDayPicker::setChoice(Choice choice)
{
    m_choice->setCurrentIndex(m_choice->findData(choice));
}

void TimeOfDayPicker::setBetween(int fromMinute, int toMinute)
{
    m_from->setTime(QTime(fromMinute / 60, fromMinute % 60));
    m_to->setTime(QTime(std::min(toMinute, midnight - 1) / 60, std::min(toMinute, midnight - 1) % 60));
    setChoice(Between);
}

int TimeOfDayPicker::earliestMinute() const
{
    switch (choice()) {
    case Afternoon:
        return noon;
    case Evening:
        return fivePm;
    case Between:
        return minuteOf(m_from->time());
    case AnyTime:
    case Morning:
        break;
    }
    return 0;
}

int TimeOfDayPicker::latestMinute() const
{
    switch (choice()) {
    case Morning:
        return noon;
    case Afternoon:
        return fivePm;
    case Between:
        return minuteOf(m_to->time());
    case AnyTime:
    case Evening:
        break;
    }
    return midnight;
}

QString TimeOfDayPicker::describe(int earliestMinute, int latestMinute)
{
    if (earliestMinute <= 0 && latestMinute >= midnight)
        return tr("Any time");
    if (earliestMinute <= 0 && latestMinute == noon)
        return tr("Morning");
    if (earliestMinute == noon && latestMinute == fivePm)
        return tr("Afternoon");
    if (earliestMinute == fivePm && latestMinute >= midnight)
        return tr("Evening");
    return clock(earliestMinute) + QStringLiteral(" \u2013 ") + clock(latestMinute);
}

} // namespace dermdesk::ui
