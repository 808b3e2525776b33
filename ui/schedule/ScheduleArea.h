#pragma once

#include "common/Clock.h"

#include <QDate>
#include <QTimeZone>
#include <QWidget>

class QDateEdit;
class QLabel;
class QTableView;
class QToolButton;

namespace dermdesk {
class Database;
class DayAgendaModel;
} // namespace dermdesk

namespace dermdesk::ui {

// The schedule area: a day navigator (previous, today, next, a date with a calendar popup) over
// the appointments of that one day in the clinic's time zone. Loads only the day shown.
// The Database must outlive the area.
class ScheduleArea : public QWidget
{
    Q_OBJECT

public:
    ScheduleArea(const Database &database, const QTimeZone &zone, const Clock &clock, QWidget *parent = nullptr);

    [[nodiscard]] QDate date() const;
    // Today in the clinic's time zone, by the clock.
    [[nodiscard]] QDate today() const;

    [[nodiscard]] QTableView *agendaView() const { return m_view; }
    [[nodiscard]] DayAgendaModel *model() const { return m_model; }
    // The text shown over an empty day or a failed load; empty while appointments are listed.
    [[nodiscard]] QString placeholderText() const;

public slots:
    void setDate(QDate date);
    void showToday();
    void showPreviousDay();
    void showNextDay();

signals:
    void dateChanged(QDate date);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateHeading();
    void placePlaceholder();

    QTimeZone m_zone;
    const Clock &m_clock;
    DayAgendaModel *m_model = nullptr;
    QTableView *m_view = nullptr;
    QDateEdit *m_dateEdit = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_placeholder = nullptr;
    QToolButton *m_todayButton = nullptr;
};

} // namespace dermdesk::ui
