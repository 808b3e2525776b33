#include "ScheduleArea.h"

#include "AgendaDelegate.h"
#include "calendar/DayAgendaModel.h"
#include "common/AreaWidgets.h"
#include "common/Icons.h"

#include <QDateEdit>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace dermdesk::ui {

namespace {

QToolButton *navigationButton(const QIcon &icon, const QString &text, const QString &toolTip, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setIcon(icon);
    button->setText(text);
    button->setToolTip(toolTip);
    button->setAutoRaise(true);
    button->setIconSize(QSize(20, 20));
    button->setToolButtonStyle(text.isEmpty() ? Qt::ToolButtonIconOnly : Qt::ToolButtonTextBesideIcon);
    button->setFocusPolicy(Qt::TabFocus);
    return button;
}

} // namespace

ScheduleArea::ScheduleArea(const Database &database, const QTimeZone &zone, const Clock &clock, QWidget *parent)
    : QWidget(parent)
    , m_zone(zone)
    , m_clock(clock)
{
    setObjectName(QStringLiteral("scheduleArea"));
    m_model = new DayAgendaModel(database, zone, this);

    auto *previous = navigationButton(icons::previous(), QString(), tr("Previous day (Page Up)"), this);
    previous->setObjectName(QStringLiteral("previousDayButton"));
    m_todayButton = navigationButton(icons::today(), tr("Today"), tr("Go to today (T)"), this);
    m_todayButton->setObjectName(QStringLiteral("todayButton"));
    auto *next = navigationButton(icons::next(), QString(), tr("Next day (Page Down)"), this);
    next->setObjectName(QStringLiteral("nextDayButton"));

    m_dateEdit = new QDateEdit(this);
    m_dateEdit->setObjectName(QStringLiteral("dateEdit"));
    m_dateEdit->setCalendarPopup(true);
    m_dateEdit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_dateEdit->setToolTip(tr("Pick a day"));
    m_dateEdit->setAccessibleName(tr("Day shown"));

    m_title = makeTitleLabel(QString(), this);
    m_title->setObjectName(QStringLiteral("scheduleTitle"));
    m_summary = makeMutedLabel(QStringLiteral("scheduleSummary"), this);

    auto *navigator = new QHBoxLayout;
    navigator->setSpacing(4);
    navigator->addWidget(previous);
    navigator->addWidget(m_todayButton);
    navigator->addWidget(next);
    navigator->addSpacing(8);
    navigator->addWidget(m_dateEdit);
    navigator->addSpacing(16);
    navigator->addWidget(m_title);
    navigator->addStretch();
    navigator->addWidget(m_summary);

    m_view =
        makeListTable(m_model, DayAgendaModel::PatientColumn, QStringLiteral("agendaView"),
                      tr("Appointments of the day"), this,
                      {DayAgendaModel::TypeColumn, DayAgendaModel::PractitionerColumn, DayAgendaModel::StatusColumn});
    m_view->setItemDelegate(new AgendaDelegate(m_view));
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 16);

    m_placeholder = new QLabel(m_view->viewport());
    m_placeholder->setObjectName(QStringLiteral("agendaPlaceholder"));
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setPalette(m_summary->palette());
    m_placeholder->setAttribute(Qt::WA_TransparentForMouseEvents);
    m_view->viewport()->installEventFilter(this);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->setSpacing(10);
    layout->addLayout(navigator);
    layout->addWidget(m_view, 1);

    connect(previous, &QToolButton::clicked, this, &ScheduleArea::showPreviousDay);
    connect(next, &QToolButton::clicked, this, &ScheduleArea::showNextDay);
    connect(m_todayButton, &QToolButton::clicked, this, &ScheduleArea::showToday);
    connect(m_dateEdit, &QDateEdit::dateChanged, this, &ScheduleArea::setDate);

    setDate(today());
}

QDate ScheduleArea::date() const
{
    return m_model->date();
}

QDate ScheduleArea::today() const
{
    return m_clock.now().toTimeZone(m_zone).date();
}

QString ScheduleArea::placeholderText() const
{
    return m_placeholder->isVisibleTo(m_view) ? m_placeholder->text() : QString();
}

void ScheduleArea::setDate(QDate date)
{
    if (!date.isValid() || date == m_model->date())
        return;
    const Status loaded = m_model->setDate(date);
    if (!loaded)
        m_placeholder->setText(tr("The appointments could not be read.\n%1").arg(loaded.error().message()));
    else
        m_placeholder->setText(tr("No appointments on this day."));
    m_placeholder->setVisible(m_model->rowCount() == 0);
    placePlaceholder();
    {
        const QSignalBlocker blocker(m_dateEdit);
        m_dateEdit->setDate(date);
    }
    updateHeading();
    emit dateChanged(date);
}

void ScheduleArea::showToday()
{
    setDate(today());
}

void ScheduleArea::showPreviousDay()
{
    setDate(date().addDays(-1));
}

void ScheduleArea::showNextDay()
{
    setDate(date().addDays(1));
}

void ScheduleArea::updateHeading()
{
    const QDate shown = date();
    const qint64 offset = today().daysTo(shown);
    QString title = locale().toString(shown, QStringLiteral("dddd, d MMMM yyyy"));
    if (offset == 0)
        title = tr("Today, %1").arg(title);
    else if (offset == 1)
        title = tr("Tomorrow, %1").arg(title);
    else if (offset == -1)
        title = tr("Yesterday, %1").arg(title);
    m_title->setText(title);
    m_todayButton->setEnabled(offset != 0);

    int active = 0;
    int voided = 0;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (appointment_status::holdsSlot(m_model->entry(row).status))
            ++active;
        else
            ++voided;
    }
    QString summary = active == 1 ? tr("1 appointment") : tr("%1 appointments").arg(active);
    if (voided > 0)
        summary = tr("%1 · %2 cancelled or missed").arg(summary).arg(voided);
    m_summary->setText(summary);
}

void ScheduleArea::placePlaceholder()
{
    m_placeholder->setGeometry(m_view->viewport()->rect().adjusted(24, 24, -24, -24));
}

bool ScheduleArea::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view->viewport() && event->type() == QEvent::Resize)
        placePlaceholder();
    return QWidget::eventFilter(watched, event);
}

} // namespace dermdesk::ui
