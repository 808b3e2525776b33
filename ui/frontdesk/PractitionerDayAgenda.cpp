#include "ui/frontdesk/PractitionerDayAgenda.h"

#include "agenda/AgendaRepository.h"
#include "calendar/AppointmentRepository.h"
#include "calendar/ScheduleSetup.h"
#include "calendar/ScheduleSetupCache.h"
#include "patients/ScreeningEvaluator.h"
#include "session/ClinicSession.h"
#include "storage/ChangeSet.h"
#include "ui/frontdesk/SetupChoices.h"
#include "ui/frontdesk/TreeLists.h"
#include "ui/schedule/StatusStyle.h"
#include "ui/widgets/AreaWidgets.h"
#include "ui/widgets/DateField.h"
#include "ui/widgets/FormFeedback.h"
#include "ui/widgets/Icons.h"
#include "ui/widgets/Theme.h"

#include <QApplication>
#include <QComboBox>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QMenu>
#include <QScrollBar>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace dermdesk::ui {

PractitionerDayAgenda::PractitionerDayAgenda(ClinicSession &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_time(session.zone())
{
    setObjectName(QStringLiteral("practitionerDayAgenda"));
    setWindowTitle(tr("Practitioner's day"));

    m_practitioner = new QComboBox(this);
    m_practitioner->setObjectName(QStringLiteral("practitionerCombo"));
    m_practitioner->setAccessibleName(tr("Practitioner"));
    m_practitioner->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_date = new DateField(m_time.localDate(session.clock().now().toSecsSinceEpoch()), this);
    m_date->setObjectName(QStringLiteral("dateEdit"));
    m_date->setAccessibleName(tr("Date"));
    const auto stepButton = [this](const QIcon &icon, const QString &text, int days) {
        auto *button = new QToolButton(this);
        button->setIcon(icon);
        button->setToolTip(text);
        button->setAccessibleName(text);
        connect(button, &QToolButton::clicked, this, [this, days] {
            const QDate today = m_time.localDate(m_session.clock().now().toSecsSinceEpoch());
            m_date->setDate(days == 0 || !m_date->date().isValid() ? today : m_date->date().addDays(days));
        });
        return button;
    };
    auto *header = new QHBoxLayout;
    QLabel *title = makeTitleLabel(tr("Day of"), this);
    title->setMinimumWidth(title->sizeHint().width()); // whole, never "Da"
    header->addWidget(title);
    header->addWidget(m_practitioner);
    header->addSpacing(12);
    header->addWidget(stepButton(icons::previous(), tr("Previous day"), -1));
    header->addWidget(m_date);
    header->addWidget(stepButton(icons::next(), tr("Next day"), 1));
    header->addWidget(stepButton(icons::today(), tr("Today"), 0));
    header->addStretch(1);
    header->addWidget(makePrintButton());

    m_view = makeTreeList(QStringLiteral("agendaView"), tr("Appointments"),
                          {tr("Time"), tr("Patient"), tr("Type"), tr("Room"), tr("Status"), tr("Alerts"), tr("Notes")},
                          this);
    m_view->setUniformRowHeights(false);
    m_view->setWordWrap(true);
    m_summary = makeMutedLabel(QStringLiteral("agendaSummary"), this);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 10, 12, 10);
    layout->setSpacing(8);
    layout->addLayout(header);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_summary);

    fillPractitioners();
    connect(m_practitioner, &QComboBox::currentIndexChanged, this, &PractitionerDayAgenda::reload);
    connect(m_practitioner, &QComboBox::currentIndexChanged, this, &PractitionerDayAgenda::namePrintChoice);
    connect(m_date, &DateField::dateChanged, this, &PractitionerDayAgenda::reload);
    connect(&session, &ClinicSession::changed, this, &PractitionerDayAgenda::followChanges);
    reload();
    namePrintChoice();
}

PractitionerDayAgenda::~PractitionerDayAgenda() = default;

void PractitionerDayAgenda::fillPractitioners()
{
    if (auto setup = m_session.service<ScheduleSetupCache>().get()) {
        m_loading = true;
        setup_choices::fillPractitioners(m_practitioner, setup.value(), 0);
        m_loading = false;
    }
}

void PractitionerDayAgenda::followChanges(const ChangeSet &changes)
{
    if (changes.touchesSetup()) {
        fillPractitioners();
        namePrintChoice();
    }
    bool touched = false;
    if (m_date->date().isValid()) {
        const ClinicTime::Range day = m_time.dayRange(m_date->date());
        touched = changes.touchesSchedule(day.from, day.to);
    }
    for (const AgendaEntry &entry : std::as_const(m_entries))
        touched = touched || changes.touchesPatient(entry.patientId) || changes.touchesAppointment(entry.id);
    if (touched)
        reload();
}

QToolButton *PractitionerDayAgenda::makePrintButton()
{
    m_print = new QToolButton(this);
    m_print->setObjectName(QStringLiteral("printDaySheetButton"));
    m_print->setText(tr("Print"));
    m_print->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_print->setPopupMode(QToolButton::MenuButtonPopup);
    auto *menu = new QMenu(m_print);
    m_printHers = menu->addAction(QString());
    m_printHers->setObjectName(QStringLiteral("printPractitionerDaySheet"));
    connect(m_printHers, &QAction::triggered, this, [this] {
        if (practitionerId() > 0)
            emit daySheetRequested(practitionerId(), date());
    });
    QAction *everyone = menu->addAction(tr("Day Sheet for All Practitioners…"));
    everyone->setObjectName(QStringLiteral("printAllDaySheet"));
    connect(everyone, &QAction::triggered, this, [this] { emit daySheetRequested(0, date()); });
    m_print->setMenu(menu);
    connect(m_print, &QToolButton::clicked, m_printHers, &QAction::trigger);
    return m_print;
}

void PractitionerDayAgenda::namePrintChoice()
{
    // The window's Ctrl+P prints this practitioner's sheet while the panel has the focus (MainWindow); the
    // menu shows it beside her entry.
    const QString name = m_practitioner->currentText();
    m_printHers->setText((name.isEmpty() ? tr("Day Sheet…") : tr("Day Sheet for %1…").arg(name)) + QStringLiteral("\t")
                         + QKeySequence(QKeySequence::Print).toString(QKeySequence::NativeText));
    m_printHers->setEnabled(!name.isEmpty());
    m_print->setToolTip(name.isEmpty()
                            ? tr("Print the day sheet")
                            : tr("Print %1's day sheet (Ctrl+P); all practitioners' from the menu").arg(name));
}

qint64 PractitionerDayAgenda::practitionerId() const
{
    return setup_choices::currentId(m_practitioner);
}

QDate PractitionerDayAgenda::date() const
{
    return m_date->date();
}

QString PractitionerDayAgenda::summaryText() const
{
    return m_summary->text();
}

void PractitionerDayAgenda::setAlertSource(AlertSource source)
{
    m_alertSource = std::move(source);
    reload();
}

void PractitionerDayAgenda::showDay(qint64 practitionerId, QDate date)
{
    m_loading = true;
    setup_choices::selectId(m_practitioner, practitionerId);
    m_date->setDate(date);
    m_loading = false;
    reload();
}

void PractitionerDayAgenda::reload()
{
    // A date being typed (no date yet) keeps the day shown.
    if (m_loading || !m_date->date().isValid())
        return;
    const int selectedRow = m_view->currentItem() ? m_view->indexOfTopLevelItem(m_view->currentItem()) : -1;
    const qint64 selectedId = selectedRow >= 0 && selectedRow < m_entries.size() ? m_entries.at(selectedRow).id : 0;
    const int scrolled = m_view->verticalScrollBar()->value();
    m_view->clear();
    m_entries.clear();
    const qint64 practitioner = practitionerId();
    if (practitioner <= 0) {
        m_summary->setText(tr("No practitioner is set up yet."));
        return;
    }
    auto entries = m_session.service<AgendaRepository>().between(m_time.dayRange(m_date->date()), practitioner);
    if (!entries) {
        m_summary->setText(entries.error().message());
        return;
    }
    m_entries = std::move(entries).value();
    QList<qint64> patients;
    for (const AgendaEntry &entry : std::as_const(m_entries))
        patients.append(entry.patientId);
    const QHash<qint64, QStringList> alerts = alertsFor(patients);
    int active = 0;
    for (const AgendaEntry &entry : std::as_const(m_entries)) {
        const bool isVoid = status_style::isVoid(entry.status);
        active += isVoid ? 0 : 1;
        auto *item = new QTreeWidgetItem(m_view);
        item->setText(TimeColumn, m_time.spanText(entry.startsAt, entry.endsAt));
        item->setText(PatientColumn, entry.patientName);
        item->setIcon(TypeColumn, icons::swatch(QColor(entry.typeColour)));
        item->setText(TypeColumn, entry.typeName);
        item->setText(RoomColumn, entry.roomName);
        item->setIcon(StatusColumn, status_style::icon(entry.status));
        item->setText(StatusColumn, appointment_status::label(entry.status));
        item->setForeground(StatusColumn, status_style::colour(entry.status));
        const QStringList patientAlerts = alerts.value(entry.patientId);
        item->setText(AlertsColumn, patientAlerts.join(QStringLiteral("; ")));
        item->setForeground(AlertsColumn, QColor(theme::errorText));
        item->setText(NotesColumn, entry.notes);
        item->setToolTip(NotesColumn, entry.notes);
        if (entry.id == selectedId)
            m_view->setCurrentItem(item);
        if (isVoid) {
            QFont struck = item->font(PatientColumn);
            struck.setStrikeOut(true);
            for (int column : {TimeColumn, PatientColumn, TypeColumn})
                item->setFont(column, struck);
            for (int column : {TimeColumn, PatientColumn, TypeColumn, RoomColumn})
                item->setForeground(column, QColor(theme::mutedText));
        }
    }
    fitTreeColumns(m_view);
    m_view->verticalScrollBar()->setValue(scrolled);
    if (m_entries.isEmpty())
        m_summary->setText(tr("No appointments on this day."));
    else
        m_summary->setText(active == 1 ? tr("1 appointment.") : tr("%1 appointments.").arg(active));
}

bool PractitionerDayAgenda::hasFocusWithin() const
{
    const QWidget *focus = QApplication::focusWidget();
    return isVisible() && focus && (focus == this || isAncestorOf(focus));
}

QHash<qint64, QStringList> PractitionerDayAgenda::alertsFor(const QList<qint64> &patientIds)
{
    QHash<qint64, QStringList> alerts;
    if (patientIds.isEmpty())
        return alerts;
    // A day whose alerts cannot be read says so on every row rather than looking clear.
    const auto unread = [&](const Error &error) {
        for (const qint64 id : patientIds)
            alerts[id] << tr("Alerts not read: %1").arg(error.message());
    };
    if (auto attendance = m_session.service<AppointmentRepository>().attendance(patientIds)) {
        for (auto it = attendance.value().cbegin(); it != attendance.value().cend(); ++it) {
            if (const QString warning = FormFeedback::attendanceWarning(it.value()); !warning.isEmpty())
                alerts[it.key()] << warning;
        }
    } else {
        unread(attendance.error());
    }
    // What would hold up booking a treatment on this day: the same findings the booking form shows.
    QList<ScreeningEvaluator::Visit> visits;
    for (const qint64 id : patientIds)
        visits.append({id, date()});
    if (auto outcomes = m_session.service<ScreeningEvaluator>().outcomes(visits)) {
        for (auto it = outcomes.value().cbegin(); it != outcomes.value().cend(); ++it) {
            QStringList &lines = alerts[it.key().first];
            for (const ScreeningFinding &stop : it.value().stops)
                lines << tr("Stop: %1").arg(stop.name);
            for (const ScreeningFinding &caution : it.value().cautionsToAcknowledge())
                lines << tr("Caution: %1").arg(caution.name);
        }
    } else {
        unread(outcomes.error());
    }
    if (m_alertSource) {
        QList<qint64> distinct = patientIds;
        std::sort(distinct.begin(), distinct.end());
        distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
        for (const qint64 id : distinct)
            alerts[id] << m_alertSource(id);
    }
    return alerts;
}

} // namespace dermdesk::ui
