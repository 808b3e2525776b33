#include "ui/schedule/ScheduleArea.h"

#include "ui/schedule/StatusKeys.h"

#include "calendar/AppointmentStatusRules.h"
#include "calendar/BookingService.h"
#include "common/ErrorCode.h"
#include "session/ClinicSession.h"
#include "storage/ChangeSet.h"
#include "treatment/SessionMoveRule.h"
#include "ui/schedule/ScheduleCommand.h"
#include "ui/schedule/ScheduleView.h"
#include "ui/widgets/AreaWidgets.h"
#include "ui/widgets/FittingLabel.h"
#include "ui/widgets/Icons.h"
#include "ui/widgets/Prompter.h"
#include "ui/widgets/Theme.h"

#include <QAction>
#include <QCalendarWidget>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>
#include <QUndoStack>
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

QComboBox *combo(const QString &objectName, const QString &accessibleName, QWidget *parent)
{
    auto *box = new QComboBox(parent);
    box->setObjectName(objectName);
    box->setAccessibleName(accessibleName);
    box->setFocusPolicy(Qt::TabFocus);
    return box;
}

} // namespace

ScheduleArea::ScheduleArea(ClinicSession &session, Prompter &prompter, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_prompter(prompter)
    , m_mover(session, prompter)
{
    setObjectName(QStringLiteral("scheduleArea"));
    m_model = new ScheduleModel(session.database(), this);
    m_undo = new QUndoStack(this);

    auto *previous = navigationButton(icons::previous(), QString(), tr("Previous day or week (Page Up)"), this);
    previous->setObjectName(QStringLiteral("previousDayButton"));
    m_todayButton = navigationButton(icons::today(), tr("Today"), tr("Go to today (T)"), this);
    m_todayButton->setObjectName(QStringLiteral("todayButton"));
    auto *next = navigationButton(icons::next(), QString(), tr("Next day or week (Page Down)"), this);
    next->setObjectName(QStringLiteral("nextDayButton"));

    m_title = new FittingLabel(this);
    m_title->setObjectName(QStringLiteral("scheduleTitle"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.45);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_summary = new FittingLabel(this);
    m_summary->setObjectName(QStringLiteral("scheduleSummary"));
    QPalette muted = m_summary->palette();
    muted.setColor(QPalette::WindowText, QColor(theme::mutedText));
    m_summary->setPalette(muted);
    m_summary->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);

    m_modeCombo = combo(QStringLiteral("modeCombo"), tr("Schedule view"), this);
    m_modeCombo->addItem(tr("Day"), int(ScheduleModel::Mode::Day));
    m_modeCombo->addItem(tr("Week"), int(ScheduleModel::Mode::Week));
    m_modeCombo->addItem(tr("Compact week"), int(ScheduleModel::Mode::CompactWeek));
    m_groupingCombo = combo(QStringLiteral("groupingCombo"), tr("Columns"), this);
    m_groupingCombo->addItem(tr("By practitioner"), int(ScheduleModel::Grouping::ByPractitioner));
    m_groupingCombo->addItem(tr("By room"), int(ScheduleModel::Grouping::ByRoom));
    m_practitionerCombo = combo(QStringLiteral("practitionerCombo"), tr("Practitioner of the week"), this);
    m_practitionerCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);

    auto *navigator = new QHBoxLayout;
    navigator->setSpacing(4);
    navigator->addWidget(previous);
    navigator->addWidget(m_todayButton);
    navigator->addWidget(next);
    navigator->addSpacing(10);
    navigator->addWidget(m_title, 1);
    navigator->addWidget(m_summary);
    navigator->addSpacing(10);
    navigator->addWidget(m_modeCombo);
    navigator->addWidget(m_practitionerCombo);
    navigator->addWidget(m_groupingCombo);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("scheduleMessage"));
    m_message->setWordWrap(true);
    m_message->setVisible(false);
    m_message->setStyleSheet(QStringLiteral("QLabel { background: #f8e9e7; color: #%1; border: 1px solid #e6c3bf; "
                                            "border-radius: 4px; padding: 6px 10px; }")
                                 .arg(theme::errorText, 6, 16, QLatin1Char('0')));

    m_calendar = new QCalendarWidget(this);
    m_calendar->setObjectName(QStringLiteral("monthNavigator"));
    m_calendar->setVerticalHeaderFormat(QCalendarWidget::NoVerticalHeader);
    m_calendar->setGridVisible(false);
    m_calendar->setFirstDayOfWeek(Qt::Monday);
    m_calendar->setFixedWidth(260);
    m_calendar->setMaximumHeight(220);
    m_calendar->setFocusPolicy(Qt::TabFocus);
    auto *side = new QVBoxLayout;
    side->addWidget(m_calendar);
    side->addStretch();

    m_scheduleView = new ScheduleView(*m_model, session, this);
    auto *body = new QHBoxLayout;
    body->setSpacing(12);
    body->addLayout(side);
    body->addWidget(m_scheduleView, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->setSpacing(10);
    layout->addLayout(navigator);
    layout->addWidget(m_message);
    layout->addLayout(body, 1);

    m_undoAction = m_undo->createUndoAction(this, tr("&Undo"));
    m_undoAction->setObjectName(QStringLiteral("undoAction"));
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_undoAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(m_undoAction);
    m_redoAction = m_undo->createRedoAction(this, tr("&Redo"));
    m_redoAction->setShortcuts(QKeySequence::Redo);
    m_redoAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(m_redoAction);

    connect(previous, &QToolButton::clicked, this, &ScheduleArea::showPreviousDay);
    connect(next, &QToolButton::clicked, this, &ScheduleArea::showNextDay);
    connect(m_todayButton, &QToolButton::clicked, this, &ScheduleArea::showToday);
    connect(m_calendar, &QCalendarWidget::clicked, this, &ScheduleArea::setDate);
    connect(m_calendar, &QCalendarWidget::activated, this, &ScheduleArea::setDate);
    connect(m_modeCombo, &QComboBox::activated, this,
            [this](int index) { setMode(ScheduleModel::Mode(m_modeCombo->itemData(index).toInt())); });
    connect(m_groupingCombo, &QComboBox::activated, this,
            [this](int index) { setGrouping(ScheduleModel::Grouping(m_groupingCombo->itemData(index).toInt())); });
    connect(m_practitionerCombo, &QComboBox::activated, this,
            [this](int index) { setWeekPractitioner(m_practitionerCombo->itemData(index).toLongLong()); });
    connect(&session, &ClinicSession::changed, this, &ScheduleArea::followChanges);

    connect(m_scheduleView, &ScheduleView::bookRequested, this, &ScheduleArea::bookRequested);
    connect(m_scheduleView, &ScheduleView::editRequested, this, &ScheduleArea::editRequested);
    connect(m_scheduleView, &ScheduleView::openPatientRequested, this, &ScheduleArea::openPatientRequested);
    connect(m_scheduleView, &ScheduleView::rescheduleRequested, this, &ScheduleArea::reschedule);
    connect(m_scheduleView, &ScheduleView::statusChangeRequested, this, &ScheduleArea::changeStatus);
    connect(m_scheduleView, &ScheduleView::cancelRequested, this, &ScheduleArea::cancelAppointment);
    connect(m_scheduleView, &ScheduleView::refused, this, &ScheduleArea::statusNote);
    connect(m_scheduleView, &ScheduleView::todayRequested, this, &ScheduleArea::showToday);
    connect(m_scheduleView, &ScheduleView::pageRequested, this,
            [this](int direction) { direction < 0 ? showPreviousDay() : showNextDay(); });

    ScheduleModel::View view;
    view.date = today();
    applyView(view);
    fillPractitioners();
    setFocusProxy(m_scheduleView);
}

ScheduleArea::~ScheduleArea() = default;

void ScheduleArea::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    fitCalendar();
}

void ScheduleArea::fitCalendar()
{
    // The month navigator goes when the schedule would lose its columns to it (a side panel is open on a small
    // screen); Page Up/Down, T and the arrows beside the title still move through the days.
    const auto columns = std::clamp<qsizetype>(m_model->scheduleColumns().size(), 3, 6);
    const int scheduleNeeds = 60 + int(columns) * 120 + 32;
    m_calendar->setVisible(width() >= m_calendar->width() + 12 + scheduleNeeds);
}

void ScheduleArea::leaveUndoKeysToWindow()
{
    delete m_undoAction;
    delete m_redoAction;
}

QDate ScheduleArea::today() const
{
    const auto &setup = m_model ? m_model->setup() : std::nullopt;
    const QDateTime now = m_session.clock().now();
    return setup ? setup->time().localDate(now.toSecsSinceEpoch()) : now.toLocalTime().date();
}

QString ScheduleArea::messageText() const
{
    return m_message->isVisible() || !m_message->isHidden() ? m_message->text() : QString();
}

QString ScheduleArea::placeholderText() const
{
    if (!m_loadError.isEmpty())
        return m_loadError;
    if (m_model->rowCount() > 0)
        return {};
    return m_view.mode == ScheduleModel::Mode::Day ? tr("No appointments on this day.")
                                                   : tr("No appointments in this week.");
}

void ScheduleArea::applyView(const ScheduleModel::View &view)
{
    const bool modeChanged = view.mode != m_view.mode || view.grouping != m_view.grouping;
    // What the message bar says is about the day, week or columns shown until now.
    if (modeChanged || view.date != m_view.date || view.practitionerId != m_view.practitionerId)
        showMessage(QString());
    m_view = view;
    m_date = view.date;
    const Status loaded = m_model->setView(view);
    m_loadError = loaded ? QString() : tr("The appointments could not be read. %1").arg(loaded.error().message());
    if (!loaded)
        showMessage(m_loadError);
    if (modeChanged)
        m_scheduleView->scrollToOpening();
    {
        const QSignalBlocker blocker(m_calendar);
        m_calendar->setSelectedDate(m_date);
    }
    m_modeCombo->setCurrentIndex(m_modeCombo->findData(int(m_view.mode)));
    m_groupingCombo->setCurrentIndex(m_groupingCombo->findData(int(m_view.grouping)));
    m_groupingCombo->setVisible(m_view.mode != ScheduleModel::Mode::Week);
    m_practitionerCombo->setVisible(m_view.mode == ScheduleModel::Mode::Week);
    updateHeading();
    fitCalendar();
}

void ScheduleArea::fillPractitioners()
{
    const QSignalBlocker blocker(m_practitionerCombo);
    m_practitionerCombo->clear();
    if (!m_model->setup())
        return;
    for (const Practitioner &p : m_model->setup()->practitioners()) {
        if (p.active)
            m_practitionerCombo->addItem(icons::swatch(QColor(p.colour)), p.displayName, p.id);
    }
    if (const int index = m_practitionerCombo->findData(m_view.practitionerId); index >= 0)
        m_practitionerCombo->setCurrentIndex(index);
}

void ScheduleArea::followChanges(const ChangeSet &changes)
{
    if (!m_model->applyChanges(changes))
        return;
    const std::optional<Error> &failed = m_model->loadError();
    m_loadError = failed ? tr("The appointments could not be read. %1").arg(failed->message()) : QString();
    if (failed)
        showMessage(m_loadError);
    if (changes.touchesSetup())
        fillPractitioners();
    updateHeading();
    fitCalendar();
}

BookingService &ScheduleArea::bookings() const
{
    return m_session.service<BookingService>();
}

void ScheduleArea::announce()
{
    m_session.announceChanges();
}

void ScheduleArea::setDate(QDate date)
{
    if (!date.isValid() || date == m_date)
        return;
    ScheduleModel::View view = m_view;
    view.date = date;
    applyView(view);
    emit dateChanged(date);
}

void ScheduleArea::showToday()
{
    setDate(today());
}

void ScheduleArea::showPreviousDay()
{
    setDate(m_date.addDays(m_view.mode == ScheduleModel::Mode::Day ? -1 : -7));
}

void ScheduleArea::showNextDay()
{
    setDate(m_date.addDays(m_view.mode == ScheduleModel::Mode::Day ? 1 : 7));
}

void ScheduleArea::setMode(ScheduleModel::Mode mode)
{
    ScheduleModel::View view = m_view;
    view.mode = mode;
    if (mode == ScheduleModel::Mode::Week && !view.practitionerId)
        view.practitionerId = m_practitionerCombo->currentData().toLongLong();
    applyView(view);
}

void ScheduleArea::setGrouping(ScheduleModel::Grouping grouping)
{
    ScheduleModel::View view = m_view;
    view.grouping = grouping;
    applyView(view);
}

void ScheduleArea::setWeekPractitioner(qint64 practitionerId)
{
    ScheduleModel::View view = m_view;
    view.practitionerId = practitionerId;
    const int index = m_practitionerCombo->findData(practitionerId);
    if (index >= 0)
        m_practitionerCombo->setCurrentIndex(index);
    applyView(view);
}

void ScheduleArea::updateHeading()
{
    const QDate shown = m_date;
    QStringList titles;
    if (m_view.mode == ScheduleModel::Mode::Day) {
        const qint64 offset = today().daysTo(shown);
        const QStringList dates = {locale().toString(shown, QStringLiteral("dddd, d MMMM yyyy")),
                                   locale().toString(shown, QStringLiteral("ddd d MMM yyyy")),
                                   locale().toString(shown, QStringLiteral("ddd d MMM"))};
        QString relative;
        if (offset == 0)
            relative = tr("Today, %1");
        else if (offset == 1)
            relative = tr("Tomorrow, %1");
        else if (offset == -1)
            relative = tr("Yesterday, %1");
        // "Tomorrow" stays in every length: it is what the desk reads first.
        for (const QString &date : dates)
            titles.append(relative.isEmpty() ? date : relative.arg(date));
        m_todayButton->setEnabled(offset != 0);
    } else {
        const QDate monday = m_model->firstDay();
        titles = {tr("Week of %1").arg(locale().toString(monday, QStringLiteral("d MMMM yyyy"))),
                  tr("Week of %1").arg(locale().toString(monday, QStringLiteral("d MMM"))),
                  locale().toString(monday, QStringLiteral("d MMM"))};
        m_todayButton->setEnabled(today() < monday || today() > monday.addDays(6));
    }
    m_title->setTexts(titles);

    int active = 0;
    int voided = 0;
    for (const AgendaEntry &e : m_model->entries()) {
        if (appointment_status::holdsSlot(e.status))
            ++active;
        else
            ++voided;
    }
    const QString count = active == 1 ? tr("1 appointment") : tr("%1 appointments").arg(active);
    QStringList summaries{count};
    if (voided > 0)
        summaries.prepend(tr("%1 · %2 cancelled or missed").arg(count).arg(voided));
    if (m_model->rowCount() == 0)
        summaries = {placeholderText(), tr("No appointments")};
    // In a narrow window the count gives its room to the date (the schedule shows the appointments anyway).
    summaries.append(QString());
    m_summary->setTexts(summaries);
}

} // namespace dermdesk::ui
