#pragma once

#include <QDate>
#include <QLineEdit>
#include <QPointer>

class QCalendarWidget;

namespace dermdesk::ui {

// A date typed as the desk's locale writes it ("03/14/1988" in the US, "14/03/1988" in the UK) or as ISO
// "1988-03-14" (calendar/TimeFormat's parseDateText). It is an ordinary line edit, so typed digits are
// taken as typed and Tab moves to the next field. Up/Down step one day, Page Up/Down one month; Alt+Down,
// F4 or the calendar button open a month to pick from. The text is rewritten in the locale's form when
// the field loses focus with a date it could read. An empty or unreadable text has no date (date() is
// invalid); the form that owns the field says what is wrong.
class DateField : public QLineEdit
{
    Q_OBJECT

public:
    explicit DateField(QWidget *parent = nullptr);
    explicit DateField(QDate date, QWidget *parent = nullptr);

    // The date the text reads as now; invalid when it reads as none.
    [[nodiscard]] QDate date() const { return m_date; }
    // Shows `date` in the locale's form (an invalid date empties the field); emits dateChanged when it differs.
    void setDate(QDate date);
    // The calendar shown by the button; null until first opened.
    [[nodiscard]] QCalendarWidget *calendar() const;

public slots:
    void showCalendar();

signals:
    // The date the text reads as changed (invalid while it reads as none).
    void dateChanged(QDate date);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;

private:
    void textTyped(const QString &text);
    void updateDate(QDate date);

    QDate m_date;
    QPointer<QCalendarWidget> m_calendar;
};

} // namespace dermdesk::ui
