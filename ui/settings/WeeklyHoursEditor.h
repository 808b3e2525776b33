#pragma once

#include "clinic/WorkingDay.h"

#include <QHash>
#include <QWidget>

class QCheckBox;
class QTimeEdit;

namespace dermdesk::ui {

// A compact grid of the seven weekdays (Monday first): open or not, from–to, and (when breaks are shown) one
// break from–to, all local wall-clock times. It edits, it does not validate: WorkingDay::toSpans and the
// repository refuse what is wrong, naming the weekday. A day loaded with more breaks keeps the later ones.
class WeeklyHoursEditor : public QWidget
{
    Q_OBJECT

public:
    enum class Breaks {
        Hidden,
        Shown
    };

    explicit WeeklyHoursEditor(Breaks breaks, QWidget *parent = nullptr);

    void setDays(const QList<WorkingDay> &days);
    // The checked weekdays in order; a "to" of 00:00 means midnight at the end of the day (1440).
    [[nodiscard]] QList<WorkingDay> days() const;

    // Handles for the keyboard tests: ISO weekday 1 (Monday) to 7.
    [[nodiscard]] QCheckBox *dayBox(int weekday) const { return m_rows.at(weekday - 1).day; }
    [[nodiscard]] QTimeEdit *fromEdit(int weekday) const { return m_rows.at(weekday - 1).from; }
    [[nodiscard]] QTimeEdit *toEdit(int weekday) const { return m_rows.at(weekday - 1).to; }
    [[nodiscard]] QCheckBox *breakBox(int weekday) const { return m_rows.at(weekday - 1).pause; }
    [[nodiscard]] QTimeEdit *breakFromEdit(int weekday) const { return m_rows.at(weekday - 1).pauseFrom; }
    [[nodiscard]] QTimeEdit *breakToEdit(int weekday) const { return m_rows.at(weekday - 1).pauseTo; }

signals:
    void changed();

private:
    struct Row
    {
        QCheckBox *day = nullptr;
        QTimeEdit *from = nullptr;
        QTimeEdit *to = nullptr;
        QCheckBox *pause = nullptr;
        QTimeEdit *pauseFrom = nullptr;
        QTimeEdit *pauseTo = nullptr;
    };

    QTimeEdit *timeEdit(const QString &accessibleName);
    void updateEnabled();

    QList<Row> m_rows;
    bool m_showBreaks = false;
    // Breaks after the first one of each weekday, as loaded; kept while the first break is.
    QHash<int, QList<WorkingDay::Break>> m_laterBreaks;
};

} // namespace dermdesk::ui
