#include "ui/settings/WeeklyHoursEditor.h"

#include "ui/widgets/TimeField.h"

#include <QCheckBox>
#include <QGridLayout>
#include <QLabel>
#include <QTimeEdit>

#include <algorithm>

namespace dermdesk::ui {

namespace {

QTime timeOf(int minuteOfDay)
{
    return QTime(0, 0).addSecs(60 * (minuteOfDay % (24 * 60)));
}

int minuteOf(const QTime &time)
{
    return time.hour() * 60 + time.minute();
}

// An end time: 00:00 is midnight at the end of the day.
int endMinuteOf(const QTime &time)
{
    const int minute = minuteOf(time);
    return minute == 0 ? 24 * 60 : minute;
}

} // namespace

WeeklyHoursEditor::WeeklyHoursEditor(Breaks breaks, QWidget *parent)
    : QWidget(parent)
    , m_showBreaks(breaks == Breaks::Shown)
{
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(6);
    grid->setVerticalSpacing(2);
    // One checkbox and its from–to pair at `column` of the weekday's row.
    const auto addSpan = [this, grid](int weekday, int column, QCheckBox *box, QTimeEdit *&from, QTimeEdit *&to,
                                      const QString &name) {
        from = timeEdit(tr("%1 from").arg(name));
        to = timeEdit(tr("%1 to").arg(name));
        grid->addWidget(box, weekday - 1, column);
        grid->addWidget(from, weekday - 1, column + 1);
        grid->addWidget(new QLabel(tr("–"), this), weekday - 1, column + 2);
        grid->addWidget(to, weekday - 1, column + 3);
        connect(box, &QCheckBox::toggled, this, &WeeklyHoursEditor::updateEnabled);
        connect(box, &QCheckBox::toggled, this, &WeeklyHoursEditor::changed);
    };
    for (int weekday = 1; weekday <= 7; ++weekday) {
        const QString name = WorkingDay::weekdayName(weekday);
        Row row;
        row.day = new QCheckBox(name, this);
        row.day->setObjectName(QStringLiteral("day%1").arg(weekday));
        addSpan(weekday, 0, row.day, row.from, row.to, name);
        if (m_showBreaks) {
            row.pause = new QCheckBox(tr("break"), this);
            row.pause->setAccessibleName(tr("%1 break").arg(name));
            addSpan(weekday, 5, row.pause, row.pauseFrom, row.pauseTo, tr("%1 break").arg(name));
        }
        m_rows.append(row);
    }
    grid->setColumnMinimumWidth(4, 18);
    grid->setColumnStretch(m_showBreaks ? 9 : 4, 1);
    setFocusProxy(m_rows.first().day);
    setDays({});
}

QTimeEdit *WeeklyHoursEditor::timeEdit(const QString &accessibleName)
{
    auto *edit = new TimeField(this);
    edit->setDisplayFormat(QStringLiteral("HH:mm"));
    edit->setAccessibleName(accessibleName);
    connect(edit, &QTimeEdit::timeChanged, this, &WeeklyHoursEditor::changed);
    return edit;
}

void WeeklyHoursEditor::setDays(const QList<WorkingDay> &days)
{
    const QSignalBlocker blocker(this);
    m_laterBreaks.clear();
    for (int weekday = 1; weekday <= 7; ++weekday) {
        const Row &row = m_rows.at(weekday - 1);
        const auto found = std::find_if(days.cbegin(), days.cend(),
                                        [weekday](const WorkingDay &day) { return day.weekday == weekday; });
        const bool open = found != days.cend();
        row.day->setChecked(open);
        row.from->setTime(timeOf(open ? found->startMin : 9 * 60));
        row.to->setTime(timeOf(open ? found->endMin : 17 * 60));
        if (!m_showBreaks)
            continue;
        const bool hasBreak = open && !found->breaks.isEmpty();
        row.pause->setChecked(hasBreak);
        row.pauseFrom->setTime(timeOf(hasBreak ? found->breaks.first().startMin : 12 * 60));
        row.pauseTo->setTime(timeOf(hasBreak ? found->breaks.first().endMin : 13 * 60));
        if (hasBreak && found->breaks.size() > 1) {
            m_laterBreaks.insert(weekday, found->breaks.mid(1));
            row.pause->setToolTip(tr("%n more break(s) on this day are kept.", nullptr, int(found->breaks.size() - 1)));
        } else {
            row.pause->setToolTip(QString());
        }
    }
    updateEnabled();
}

QList<WorkingDay> WeeklyHoursEditor::days() const
{
    QList<WorkingDay> days;
    for (int weekday = 1; weekday <= 7; ++weekday) {
        const Row &row = m_rows.at(weekday - 1);
        if (!row.day->isChecked())
            continue;
        WorkingDay day{weekday, minuteOf(row.from->time()), endMinuteOf(row.to->time()), {}};
        if (m_showBreaks && row.pause->isChecked()) {
            day.breaks.append({minuteOf(row.pauseFrom->time()), endMinuteOf(row.pauseTo->time())});
            day.breaks.append(m_laterBreaks.value(weekday));
        }
        days.append(day);
    }
    return days;
}

void WeeklyHoursEditor::updateEnabled()
{
    for (const Row &row : std::as_const(m_rows)) {
        const bool open = row.day->isChecked();
        row.from->setEnabled(open);
        row.to->setEnabled(open);
        if (!m_showBreaks)
            continue;
        row.pause->setEnabled(open);
        row.pauseFrom->setEnabled(open && row.pause->isChecked());
        row.pauseTo->setEnabled(open && row.pause->isChecked());
    }
}

} // namespace dermdesk::ui
