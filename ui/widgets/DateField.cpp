#include "ui/widgets/DateField.h"

#include "common/TimeFormat.h"
#include "ui/widgets/Icons.h"

#include <QAction>
#include <QCalendarWidget>
#include <QKeyEvent>

namespace dermdesk::ui {

DateField::DateField(QWidget *parent)
    : DateField(QDate(), parent)
{
}

DateField::DateField(QDate date, QWidget *parent)
    : QLineEdit(parent)
{
    const QString format = numericDateFormat();
    const QString shown =
        QString(format).replace(QLatin1Char('d'), QLatin1Char('D')).replace(QLatin1Char('y'), QLatin1Char('Y'));
    setPlaceholderText(format == QLatin1String("yyyy-MM-dd") ? shown : tr("%1 or YYYY-MM-DD").arg(shown));
    setToolTip(
        tr("Type the date as %1 (or YYYY-MM-DD); Up/Down change it by a day, Alt+Down opens a calendar").arg(shown));
    // Room for the longest text and the calendar button.
    setMinimumWidth(fontMetrics().horizontalAdvance(QStringLiteral("00/00/00000")) + 48);
    QAction *pick = addAction(icons::today(), QLineEdit::TrailingPosition);
    pick->setToolTip(tr("Pick the date on a calendar (Alt+Down)"));
    connect(pick, &QAction::triggered, this, &DateField::showCalendar);
    // Any change of the text, typed or set (clear() too), is read again.
    connect(this, &QLineEdit::textChanged, this, &DateField::textTyped);
    setDate(date);
}

QCalendarWidget *DateField::calendar() const
{
    return m_calendar;
}

void DateField::setDate(QDate date)
{
    const QString text = numericDateText(date);
    if (this->text() != text)
        setText(text);
    updateDate(date.isValid() ? date : QDate());
}

void DateField::textTyped(const QString &text)
{
    updateDate(parseDateText(text));
}

void DateField::updateDate(QDate date)
{
    if (date == m_date)
        return;
    m_date = date;
    emit dateChanged(m_date);
}

void DateField::keyPressEvent(QKeyEvent *event)
{
    const bool alt = event->modifiers() & Qt::AltModifier;
    if ((event->key() == Qt::Key_Down && alt) || (event->key() == Qt::Key_F4 && event->modifiers() == Qt::NoModifier)) {
        showCalendar();
        return;
    }
    if (event->modifiers() == Qt::NoModifier || event->modifiers() == Qt::KeypadModifier) {
        const QDate from = m_date.isValid() ? m_date : QDate::currentDate();
        switch (event->key()) {
        case Qt::Key_Up:
            setDate(m_date.isValid() ? from.addDays(1) : from);
            return;
        case Qt::Key_Down:
            setDate(m_date.isValid() ? from.addDays(-1) : from);
            return;
        case Qt::Key_PageUp:
            setDate(from.addMonths(1));
            return;
        case Qt::Key_PageDown:
            setDate(from.addMonths(-1));
            return;
        default:
            break;
        }
    }
    QLineEdit::keyPressEvent(event);
}

void DateField::focusOutEvent(QFocusEvent *event)
{
    // "3/4/2027" reads back as "03/04/2027": the person sees how it was read.
    if (m_date.isValid())
        setDate(m_date);
    QLineEdit::focusOutEvent(event);
}

void DateField::showCalendar()
{
    if (!m_calendar) {
        m_calendar = new QCalendarWidget(this);
        m_calendar->setObjectName(QStringLiteral("dateFieldCalendar"));
        m_calendar->setWindowFlags(Qt::Popup);
        m_calendar->setGridVisible(false);
        const auto picked = [this](QDate date) {
            m_calendar->hide();
            setDate(date);
            setFocus(Qt::PopupFocusReason);
        };
        connect(m_calendar, &QCalendarWidget::clicked, this, picked);
        connect(m_calendar, &QCalendarWidget::activated, this, picked);
    }
    m_calendar->setSelectedDate(m_date.isValid() ? m_date : QDate::currentDate());
    m_calendar->adjustSize();
    m_calendar->move(mapToGlobal(QPoint(0, height())));
    m_calendar->show();
    m_calendar->setFocus(Qt::PopupFocusReason);
}

} // namespace dermdesk::ui
