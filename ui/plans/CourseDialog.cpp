#include "ui/plans/CourseDialog.h"

#include "calendar/ScheduleSetupCache.h"
#include "patients/ScreeningEvaluator.h"
#include "session/ClinicSession.h"
#include "treatment/CourseBooker.h"
#include "treatment/SeriesPlanner.h"
#include "treatment/TreatmentPlanRepository.h"
#include "ui/widgets/DateField.h"
#include "ui/widgets/TimeField.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QTimeEdit>
#include <QVBoxLayout>

namespace dermdesk::ui {

CourseDialog::CourseDialog(ClinicSession &session, qint64 planId, Mode mode, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_mode(mode)
{
    setObjectName(QStringLiteral("courseDialog"));
    setWindowTitle(mode == Mode::Book ? tr("Book Course") : tr("Shift the Rest"));
    m_header = new QLabel(this);
    m_header->setWordWrap(true);
    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(QStringLiteral("courseSessions"));
    m_table->setHorizontalHeaderLabels(
        {tr("Session"), tr("Date"), tr("Time"), tr("Practitioner"), tr("Room"), tr("Window"), tr("Note")});
    m_table->verticalHeader()->hide();
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("courseMessage"));
    m_message->setWordWrap(true);
    m_message->hide();
    m_override = new QLineEdit(this);
    m_override->setObjectName(QStringLiteral("overrideReason"));
    m_override->setPlaceholderText(tr("e.g. travelling abroad; discussed with the practitioner"));
    m_overrideLabel = new QLabel(tr("Reason to book earlier than the &minimum interval:"), this);
    m_overrideLabel->setBuddy(m_override);
    m_acknowledge = new QLineEdit(this);
    m_acknowledge->setObjectName(QStringLiteral("acknowledgement"));
    m_acknowledgeLabel = new QLabel(tr("Screening cautions &acknowledged because:"), this);
    m_acknowledgeLabel->setBuddy(m_acknowledge);
    auto *reasons = new QFormLayout;
    reasons->addRow(m_overrideLabel, m_override);
    reasons->addRow(m_acknowledgeLabel, m_acknowledge);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_book = buttons->addButton(mode == Mode::Book ? tr("&Book All") : tr("&Move Them"), QDialogButtonBox::AcceptRole);
    m_book->setObjectName(QStringLiteral("bookCourse"));
    m_book->setDefault(true);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_book, &QPushButton::clicked, this, &CourseDialog::bookAll);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_header);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_message);
    layout->addLayout(reasons);
    layout->addWidget(buttons);
    resize(860, 420);

    auto setup = m_session.service<ScheduleSetupCache>().get();
    auto plan = m_session.service<TreatmentPlanRepository>().find(planId);
    if (!setup || !plan) {
        showMessage((setup ? plan.error() : setup.error()).message(), true);
        m_book->setEnabled(false);
        return;
    }
    m_setup = std::make_unique<ScheduleSetup>(setup.value());
    m_plan = plan.value();
    propose();
}

CourseDialog::~CourseDialog()
{
    // Closing moves the focus out of a session field, which reports it (editingFinished): not to a dialog whose
    // proposal is already gone.
    for (const QWidget *field : m_table->findChildren<QWidget *>())
        disconnect(field, nullptr, this, nullptr);
}

void CourseDialog::propose()
{
    SeriesPlanner &planner = m_session.service<SeriesPlanner>();
    auto proposal = m_mode == Mode::Book ? planner.propose(*m_plan) : planner.shiftRest(*m_plan);
    if (!proposal) {
        showMessage(proposal.error().message(), true);
        m_book->setEnabled(false);
        return;
    }
    m_proposal = proposal.value();
    if (m_proposal->sessions.isEmpty()) {
        showMessage(tr("Every booked session lies inside its window; nothing needs to move."), false);
        m_book->setEnabled(false);
    }
    showProposal();
}

void CourseDialog::showMessage(const QString &text, bool error)
{
    m_message->setText(text);
    m_message->setStyleSheet(error ? QStringLiteral("color: #a32d2d;") : QString());
    m_message->setVisible(!text.isEmpty());
}

void CourseDialog::showProposal()
{
    const QLocale locale;
    const ClinicTime &time = m_setup->time();
    const int count = int(m_proposal->sessions.size());
    // The session field that has the focus (Tab after a changed date has moved it on) gets it back in its
    // rebuilt row, so the keyboard goes on from where it was.
    int focusRow = -1;
    int focusColumn = -1;
    const QWidget *focused = QApplication::focusWidget();
    for (int row = 0; focused && row < m_table->rowCount(); ++row) {
        for (const int column : {int(DateColumn), int(TimeColumn)}) {
            if (m_table->cellWidget(row, column) == focused) {
                focusRow = row;
                focusColumn = column;
            }
        }
    }
    m_header->setText(m_mode == Mode::Book
                          ? tr("%n session(s) to book, each %1–%2 weeks after the one before. Change any date; the "
                               "later sessions are planned again.",
                               nullptr, count)
                                .arg(m_plan->intervalMinWeeks)
                                .arg(m_plan->intervalMaxWeeks)
                          : tr("%n booked session(s) move back inside their windows.", nullptr, count));
    m_table->setRowCount(count);
    for (int row = 0; row < count; ++row) {
        const ProposedSession &s = m_proposal->sessions.at(row);
        const QDateTime local = time.toLocal(s.startsAt);
        auto *item = new QTableWidgetItem(tr("%1 of %2").arg(s.sequence).arg(m_plan->plannedSessions));
        m_table->setItem(row, SessionColumn, item);

        auto *date = new DateField(local.date(), m_table);
        date->setObjectName(QStringLiteral("sessionDate%1").arg(s.sequence));
        date->setAccessibleName(tr("Date of session %1").arg(s.sequence));
        m_table->setCellWidget(row, DateColumn, date);
        const int sequence = s.sequence;
        const QDate proposed = local.date();
        connect(date, &QLineEdit::editingFinished, this, [this, date, sequence, proposed] {
            const QDate today = m_setup->time().localDate(m_session.clock().now().toSecsSinceEpoch());
            if (!date->date().isValid() || date->date() < today) {
                showMessage(date->date().isValid()
                                ? tr("Session %1 cannot be before today.").arg(sequence)
                                : tr("Type the date of session %1 as %2.").arg(sequence).arg(date->placeholderText()),
                            true);
                date->setDate(proposed);
                return;
            }
            const auto current = std::find_if(m_proposal->sessions.cbegin(), m_proposal->sessions.cend(),
                                              [sequence](const ProposedSession &p) { return p.sequence == sequence; });
            if (current != m_proposal->sessions.cend() && current->date != date->date())
                changeSession(sequence, date->date());
        });
        auto *clock = new TimeField(local.time(), m_table);
        clock->setObjectName(QStringLiteral("sessionTime%1").arg(s.sequence));
        clock->setDisplayFormat(QStringLiteral("HH:mm"));
        m_table->setCellWidget(row, TimeColumn, clock);
        connect(clock, &QTimeEdit::editingFinished, this, [this, clock, date, sequence, local] {
            if (clock->time() != local.time())
                changeSession(sequence, date->date(), clock->time().msecsSinceStartOfDay() / 60000);
        });

        const Practitioner *practitioner = m_setup->practitioner(s.practitionerId);
        m_table->setItem(row, PractitionerColumn,
                         new QTableWidgetItem(practitioner ? practitioner->displayName : QString()));
        const Room *room = s.roomId ? m_setup->room(*s.roomId) : nullptr;
        m_table->setItem(row, RoomColumn, new QTableWidgetItem(room ? room->name : QString()));
        m_table->setItem(row, WindowColumn,
                         new QTableWidgetItem(
                             s.windowStart.isValid()
                                 ? tr("%1 – %2").arg(locale.toString(s.windowStart, QLocale::ShortFormat),
                                                     locale.toString(s.windowEnd, QLocale::ShortFormat))
                                 : tr("first session")));
        QStringList notes;
        if (s.timing == SessionTiming::Early)
            notes << tr("⚠ earlier than the minimum interval");
        else if (s.timing == SessionTiming::Late)
            notes << tr("⚠ after the window closes");
        if (!s.cautions.isEmpty())
            notes << tr("Caution: %1").arg(ScreeningEvaluator::describe(s.cautions));
        auto *note = new QTableWidgetItem(notes.join(QStringLiteral("; ")));
        if (!notes.isEmpty())
            note->setForeground(QColor(0xa3, 0x5c, 0x00));
        m_table->setItem(row, NoteColumn, note);
    }
    m_table->resizeColumnsToContents();
    if (QWidget *field = focusRow >= 0 && focusRow < count ? m_table->cellWidget(focusRow, focusColumn) : nullptr)
        field->setFocus(Qt::OtherFocusReason);
    const bool needsOverride = m_mode == Mode::Book && m_proposal->needsIntervalOverride();
    m_override->setVisible(needsOverride);
    m_overrideLabel->setVisible(needsOverride);
    const bool cautions = m_proposal->hasCautions();
    m_acknowledge->setVisible(cautions);
    m_acknowledgeLabel->setVisible(cautions);
    m_book->setText(m_mode == Mode::Book ? tr("&Book All %1").arg(count) : tr("&Move %1").arg(count));
}

void CourseDialog::changeSession(int sequence, const QDate &day, std::optional<int> minute)
{
    if (!m_proposal)
        return;
    auto changed = m_session.service<SeriesPlanner>().change(*m_plan, *m_proposal, sequence, day, minute);
    if (!changed) {
        showMessage(changed.error().message(), true);
        showProposal(); // puts the edited date back
        return;
    }
    m_proposal = changed.value();
    showMessage(QString(), false);
    showProposal();
}

void CourseDialog::bookAll()
{
    if (!m_proposal || m_proposal->sessions.isEmpty())
        return;
    CourseBooker &booker = m_session.service<CourseBooker>();
    if (m_mode == Mode::Shift) {
        if (Status moved = booker.shiftRest(*m_plan, *m_proposal, m_acknowledge->text().trimmed()); !moved) {
            showMessage(moved.error().message(), true);
            return;
        }
        accept();
        return;
    }
    auto booked = booker.bookCourse(*m_plan, *m_proposal, m_override->text(), m_acknowledge->text());
    if (!booked) {
        showMessage(booked.error().message(), true);
        return;
    }
    accept();
}

} // namespace dermdesk::ui
