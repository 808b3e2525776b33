#include "ui/plans/PlansArea.h"

#include "calendar/ClinicTime.h"
#include "session/ClinicSession.h"
#include "storage/ChangeSet.h"
#include "treatment/PlanListModel.h"
#include "treatment/PlanProgress.h"
#include "treatment/TreatmentPlanRepository.h"
#include "treatment/TreatmentSessionRepository.h"
#include "ui/plans/CourseDialog.h"
#include "ui/plans/PlanEditor.h"
#include "ui/plans/RecallPanel.h"
#include "ui/plans/SessionRecordDialog.h"
#include "ui/widgets/AreaWidgets.h"
#include "ui/widgets/Prompter.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

namespace dermdesk::ui {

PlansArea::PlansArea(ClinicSession &session, Prompter &prompter, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_prompter(prompter)
{
    setObjectName(QStringLiteral("plansArea"));
    m_model = new PlanListModel(session.database(), session.zone(), session.clock(), this);
    connect(&session, &ClinicSession::changed, this, &PlansArea::follow);

    m_title = makeTitleLabel(tr("Open treatment plans"), this);
    m_summary = makeMutedLabel(QStringLiteral("planSummary"), this);
    m_view = makeListTable(m_model, PlanListModel::ConcernsColumn, QStringLiteral("planView"),
                           tr("Open treatment plans"), this);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &PlansArea::showSessions);
    connect(m_view, &QTableView::doubleClicked, this, &PlansArea::editPlan);

    auto *newButton = new QPushButton(tr("&New Plan…"), this);
    auto *editButton = new QPushButton(tr("&Edit…"), this);
    m_book = new QPushButton(tr("&Book Course…"), this);
    m_book->setObjectName(QStringLiteral("bookCourseButton"));
    m_shift = new QPushButton(tr("S&hift the Rest…"), this);
    m_shift->setObjectName(QStringLiteral("shiftRestButton"));
    m_record = new QPushButton(tr("&Record Session…"), this);
    m_record->setObjectName(QStringLiteral("recordSessionButton"));
    auto *stopButton = new QPushButton(tr("S&top Plan…"), this);
    connect(newButton, &QPushButton::clicked, this, [this] { newPlan(0); });
    connect(editButton, &QPushButton::clicked, this, &PlansArea::editPlan);
    connect(m_book, &QPushButton::clicked, this, [this] { bookCourse(selectedPlan()); });
    connect(m_shift, &QPushButton::clicked, this, &PlansArea::shiftRest);
    connect(m_record, &QPushButton::clicked, this, &PlansArea::recordSession);
    connect(stopButton, &QPushButton::clicked, this, &PlansArea::stopPlan);

    m_sessions = new QTableWidget(0, 5, this);
    m_sessions->setObjectName(QStringLiteral("planSessions"));
    m_sessions->setHorizontalHeaderLabels({tr("Session"), tr("Appointment"), tr("Status"), tr("Window"), tr("Check")});
    m_sessions->verticalHeader()->hide();
    m_sessions->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_sessions->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_sessions->setSelectionMode(QAbstractItemView::SingleSelection);
    m_sessions->horizontalHeader()->setStretchLastSection(true);
    m_progress = new QLabel(this);
    m_progress->setObjectName(QStringLiteral("planProgress"));

    auto *header = new QHBoxLayout;
    header->addWidget(m_title);
    header->addStretch();
    header->addWidget(m_summary);
    auto *buttons = new QHBoxLayout;
    for (QPushButton *button : {newButton, editButton, m_book, m_shift, m_record, stopButton})
        buttons->addWidget(button);
    buttons->addStretch();
    auto *detail = new QWidget(this);
    auto *detailLayout = new QVBoxLayout(detail);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    detailLayout->addWidget(m_progress);
    detailLayout->addWidget(m_sessions);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_view);
    splitter->addWidget(detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto *plansPage = new QWidget(this);
    auto *plansLayout = new QVBoxLayout(plansPage);
    plansLayout->setContentsMargins(0, 6, 0, 0);
    plansLayout->addLayout(buttons);
    plansLayout->addWidget(splitter, 1);

    m_recall = new RecallPanel(session, this);
    connect(m_recall, &RecallPanel::bookRequested, this, &PlansArea::bookCourse);
    m_tabs = new QTabWidget(this);
    m_tabs->addTab(plansPage, tr("&Plans"));
    m_tabs->addTab(m_recall, tr("&Recall"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->setSpacing(10);
    layout->addLayout(header);
    layout->addWidget(m_tabs, 1);
}

qint64 PlansArea::selectedPlan() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? m_model->plan(current.row()).id : 0;
}

void PlansArea::reload()
{
    const qint64 selected = selectedPlan();
    const Status loaded = m_model->load();
    if (!loaded) {
        m_summary->setText(tr("The plans could not be read: %1").arg(loaded.error().message()));
        return;
    }
    int proposed = 0;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->plan(row).status == PlanSummary::Status::Proposed)
            ++proposed;
    }
    const int open = m_model->rowCount();
    const QString plans = open == 1 ? tr("1 open plan") : tr("%1 open plans").arg(open);
    m_summary->setText(tr("%1, %2 of them proposed").arg(plans).arg(proposed));
    selectPlan(selected);
}

void PlansArea::follow(const ChangeSet &changes)
{
    // Read the first time the area is shown.
    if (!m_model->isLoaded())
        return;
    // The list shows each plan's patient, type, progress and next session: plans, their appointments, patients'
    // names and the set-up all show in it.
    if (!changes.touchesSetup() && changes.plans.isEmpty() && changes.appointments.isEmpty()
        && changes.patients.isEmpty())
        return;
    const int scrolled = m_view->verticalScrollBar()->value();
    reload();
    m_view->verticalScrollBar()->setValue(scrolled);
}

void PlansArea::selectPlan(qint64 planId)
{
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->plan(row).id == planId || (planId == 0 && row == 0)) {
            m_view->setCurrentIndex(m_model->index(row, 0));
            break;
        }
    }
    showSessions();
}

void PlansArea::showSessions()
{
    const qint64 id = selectedPlan();
    // The same plan shown again (after a change): its selected session and scroll position stay.
    const int currentRow = id == m_shownPlan ? m_sessions->currentRow() : -1;
    const int scrolled = id == m_shownPlan ? m_sessions->verticalScrollBar()->value() : 0;
    m_shownPlan = id;
    m_sessions->setRowCount(0);
    m_progress->clear();
    m_book->setEnabled(id != 0);
    m_shift->setEnabled(false);
    m_record->setEnabled(id != 0);
    if (id == 0)
        return;
    auto plan = m_session.service<TreatmentPlanRepository>().find(id);
    const ClinicTime time(m_session.zone());
    auto sessions = plan ? m_session.service<TreatmentSessionRepository>().sessions(plan.value(), time)
                         : Result<QList<PlanSession>>(plan.error());
    if (!sessions) {
        m_progress->setText(sessions.error().message());
        return;
    }
    const QLocale locale;
    const QDate today = time.localDate(m_session.clock().now().toSecsSinceEpoch());
    const PlanProgress progress = PlanProgress::of(sessions.value(), plan.value().plannedSessions, today);
    QString next;
    if (progress.nextSequence > 0 && progress.nextWindowStart.isValid())
        next = tr(" · session %1 due %2 – %3")
                   .arg(progress.nextSequence)
                   .arg(locale.toString(progress.nextWindowStart, QLocale::ShortFormat),
                        locale.toString(progress.nextWindowEnd, QLocale::ShortFormat));
    const QString consent = plan.value().consentDate.isValid()
                                ? tr(" · consent: %1").arg(PlanEditor::consentText(plan.value()).toHtmlEscaped())
                                : tr(" · <span style='color:#a35c00'>consent not recorded</span>");
    m_progress->setText(
        tr("<b>%1 of %2 sessions done</b>%3%4%5%6")
            .arg(progress.done)
            .arg(progress.planned)
            .arg(next, progress.overdue ? tr(" · <span style='color:#a32d2d'>overdue</span>") : QString(),
                 progress.outsideWindow > 0 ? tr(" · <span style='color:#a35c00'>%n outside the window</span>", nullptr,
                                                 progress.outsideWindow)
                                            : QString(),
                 consent));
    m_shift->setEnabled(progress.outsideWindow > 0);
    for (const PlanSession &s : sessions.value()) {
        const int row = m_sessions->rowCount();
        m_sessions->insertRow(row);
        auto *sequence = new QTableWidgetItem(tr("%1 of %2").arg(s.sequence).arg(plan.value().plannedSessions));
        sequence->setData(Qt::UserRole, s.appointmentId ? QVariant(*s.appointmentId) : QVariant());
        m_sessions->setItem(row, 0, sequence);
        m_sessions->setItem(row, 1,
                            new QTableWidgetItem(s.startsAt ? locale.toString(time.toLocal(*s.startsAt),
                                                                              QStringLiteral("ddd d MMM yyyy  HH:mm"))
                                                            : QString()));
        QString status = tr("not booked");
        if (s.performed)
            status = tr("done");
        else if (s.isDated())
            status = tr("booked");
        else if (s.appointmentStatus == AppointmentStatus::Cancelled)
            status = tr("cancelled");
        else if (s.appointmentStatus == AppointmentStatus::NoShow)
            status = tr("no-show");
        m_sessions->setItem(row, 2, new QTableWidgetItem(status));
        m_sessions->setItem(row, 3,
                            new QTableWidgetItem(
                                s.windowStart.isValid()
                                    ? tr("%1 – %2").arg(locale.toString(s.windowStart, QLocale::ShortFormat),
                                                        locale.toString(s.windowEnd, QLocale::ShortFormat))
                                    : QString()));
        QString check;
        if (s.timing == SessionTiming::Early)
            check = s.intervalOverrideReason.isEmpty() ? tr("⚠ too early for its window")
                                                       : tr("early: %1").arg(s.intervalOverrideReason);
        else if (s.timing == SessionTiming::Late)
            check = tr("⚠ after its window closes");
        auto *flag = new QTableWidgetItem(check);
        if (s.outsideWindow() && s.intervalOverrideReason.isEmpty())
            flag->setForeground(QColor(0xa3, 0x5c, 0x00));
        m_sessions->setItem(row, 4, flag);
    }
    m_sessions->resizeColumnsToContents();
    if (currentRow >= 0 && currentRow < m_sessions->rowCount())
        m_sessions->selectRow(currentRow);
    m_sessions->verticalScrollBar()->setValue(scrolled);
}

void PlansArea::showEvent(QShowEvent *event)
{
    if (!m_model->isLoaded())
        reload();
    QWidget::showEvent(event);
}

void PlansArea::newPlan(qint64 patientId)
{
    PlanEditor editor(m_session, patientId, this);
    if (editor.exec() == QDialog::Accepted) {
        // The new plan is listed once the session has announced it.
        m_session.announceChanges();
        if (!m_model->isLoaded())
            reload();
        selectPlan(editor.plan().id);
    }
}

void PlansArea::editPlan()
{
    auto plan = m_session.service<TreatmentPlanRepository>().find(selectedPlan());
    if (!plan)
        return;
    PlanEditor editor(m_session, plan.value(), this);
    editor.exec();
}

void PlansArea::bookCourse(qint64 planId)
{
    if (planId == 0)
        return;
    CourseDialog dialog(m_session, planId, CourseDialog::Mode::Book, this);
    if (dialog.exec() == QDialog::Accepted) {
        m_session.announceChanges();
        selectPlan(planId);
    }
}

void PlansArea::shiftRest()
{
    CourseDialog dialog(m_session, selectedPlan(), CourseDialog::Mode::Shift, this);
    dialog.exec();
}

void PlansArea::recordSession()
{
    const int row = m_sessions->currentRow() >= 0 ? m_sessions->currentRow() : 0;
    const QTableWidgetItem *item = m_sessions->item(row, 0);
    if (!item || item->data(Qt::UserRole).isNull()) {
        m_prompter.showError(this, tr("Record Session"),
                             Error::invalidInput(QStringLiteral("session"),
                                                 tr("Choose a booked session of the plan to record.")));
        return;
    }
    SessionRecordDialog dialog(m_session, item->data(Qt::UserRole).toLongLong(), this);
    dialog.exec();
}

void PlansArea::stopPlan()
{
    const qint64 id = selectedPlan();
    if (id == 0)
        return;
    const auto reason = m_prompter.askText(this, tr("Stop Plan"), tr("Why is the plan stopped?"));
    if (!reason)
        return;
    if (Status stopped =
            m_session.service<TreatmentPlanRepository>().changeStatus(id, PlanSummary::Status::Stopped, *reason);
        !stopped) {
        m_prompter.showError(this, tr("Stop Plan"), stopped.error());
    }
}

} // namespace dermdesk::ui
