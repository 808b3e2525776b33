#include "ui/frontdesk/FindSlotDialog.h"

#include "calendar/ScheduleSetup.h"
#include "calendar/ScheduleSetupCache.h"
#include "session/ClinicSession.h"
#include "storage/ChangeSet.h"
#include "ui/frontdesk/SetupChoices.h"
#include "ui/frontdesk/TimeOfDayPicker.h"
#include "ui/frontdesk/TreeLists.h"
#include "ui/frontdesk/WeekdayPicker.h"
#include "ui/patientfile/PatientPicker.h"
#include "ui/widgets/DateField.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace dermdesk::ui {

namespace {

enum SlotColumn {
    DayColumn,
    TimeColumn,
    PractitionerColumn,
    RoomColumn,
    SlotColumnCount
};

} // namespace

FindSlotDialog::FindSlotDialog(ClinicSession &session, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_time(session.zone())
{
    setObjectName(QStringLiteral("findSlotDialog"));
    setWindowTitle(tr("Find a slot"));

    m_type = new QComboBox(this);
    m_type->setObjectName(QStringLiteral("typeCombo"));
    m_practitioner = new QComboBox(this);
    m_practitioner->setObjectName(QStringLiteral("practitionerCombo"));
    m_patient = new PatientPicker(session, this);
    m_patient->setObjectName(QStringLiteral("patientPicker"));
    m_patient->lineEdit()->setPlaceholderText(tr("Optional: the patient must be free too"));

    const QDate today = m_time.localDate(session.clock().now().toSecsSinceEpoch());
    m_from = new DateField(today, this);
    m_from->setObjectName(QStringLiteral("fromDate"));
    m_from->setAccessibleName(tr("From"));
    m_to = new DateField(today.addDays(8 * 7), this);
    m_to->setObjectName(QStringLiteral("toDate"));
    m_to->setAccessibleName(tr("To"));
    auto *toLabel = new QLabel(tr("t&o"), this);
    toLabel->setBuddy(m_to);
    auto *windowRow = new QHBoxLayout;
    windowRow->addWidget(m_from);
    windowRow->addWidget(toLabel);
    windowRow->addWidget(m_to);
    windowRow->addStretch(1);

    m_weekdays = new WeekdayPicker(this);
    m_weekdays->setObjectName(QStringLiteral("weekdayPicker"));
    m_timeOfDay = new TimeOfDayPicker(this);
    m_timeOfDay->setObjectName(QStringLiteral("timeOfDayPicker"));

    m_results = makeTreeList(QStringLiteral("slotView"), tr("Free slots"),
                             {tr("Day"), tr("Time"), tr("Practitioner"), tr("Room")}, this);
    m_results->setMinimumHeight(m_results->fontMetrics().lineSpacing() * 10);

    auto *outcome = new QLabel(this);
    outcome->setObjectName(QStringLiteral("outcomeLabel"));
    m_feedback = std::make_unique<FormFeedback>(outcome);

    auto *form = new QFormLayout;
    form->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
    form->setHorizontalSpacing(12);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_feedback->addRow(form, tr("&Type:"), m_type, QStringLiteral("type"));
    m_feedback->addRow(form, tr("P&ractitioner:"), m_practitioner, QStringLiteral("practitioner"));
    m_feedback->addRow(form, tr("&Patient:"), m_patient, QStringLiteral("patient"))->setBuddy(m_patient->lineEdit());
    QLabel *datesLabel = m_feedback->addRow(form, tr("Dat&es:"), windowRow, m_from, QStringLiteral("from"));
    m_feedback->addField(QStringLiteral("to"), datesLabel);
    m_feedback->addRow(form, tr("&Days:"), m_weekdays, QStringLiteral("weekdays"))->setBuddy(m_weekdays->box(1));
    m_feedback->addRow(form, tr("T&ime of day:"), m_timeOfDay, QStringLiteral("time_of_day"))
        ->setBuddy(m_timeOfDay->comboBox());

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_choose = buttons->addButton(tr("&Choose"), QDialogButtonBox::AcceptRole);
    m_choose->setObjectName(QStringLiteral("chooseButton"));
    m_choose->setDefault(true);
    m_choose->setEnabled(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(18, 16, 18, 14);
    layout->setSpacing(10);
    layout->addLayout(form);
    layout->addWidget(m_results, 1);
    layout->addWidget(outcome);
    layout->addWidget(buttons);
    resize(640, 600);

    connect(buttons, &QDialogButtonBox::accepted, this, &FindSlotDialog::chooseCurrent);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_results, &QTreeWidget::itemDoubleClicked, this, &FindSlotDialog::chooseCurrent);
    connect(m_type, &QComboBox::currentIndexChanged, this, &FindSlotDialog::typeChosen);
    connect(m_practitioner, &QComboBox::currentIndexChanged, this, &FindSlotDialog::search);
    connect(m_patient, &PatientPicker::patientChanged, this, &FindSlotDialog::search);
    connect(m_from, &DateField::dateChanged, this, &FindSlotDialog::search);
    connect(m_to, &DateField::dateChanged, this, &FindSlotDialog::search);
    connect(m_weekdays, &WeekdayPicker::changed, this, &FindSlotDialog::search);
    connect(m_timeOfDay, &TimeOfDayPicker::changed, this, &FindSlotDialog::search);

    connect(&session, &ClinicSession::changed, this, &FindSlotDialog::followChanges);
    auto setup = session.service<ScheduleSetupCache>().get();
    if (!setup) {
        m_feedback->showError(setup.error());
        return;
    }
    m_setup = std::make_unique<ScheduleSetup>(std::move(setup).value());
    setup_choices::fillTypes(m_type, *m_setup);
    m_type->setFocus();
}

FindSlotDialog::~FindSlotDialog() = default;

void FindSlotDialog::setPatient(const PatientSummary &patient)
{
    m_patient->setPatient(patient);
}

void FindSlotDialog::setType(qint64 typeId)
{
    setup_choices::selectId(m_type, typeId);
}

void FindSlotDialog::setPractitioner(qint64 practitionerId)
{
    setup_choices::selectId(m_practitioner, practitionerId);
}

void FindSlotDialog::setWindow(QDate from, QDate to)
{
    m_loading = true;
    m_from->setDate(from);
    m_to->setDate(to);
    m_loading = false;
    search();
}

void FindSlotDialog::typeChosen()
{
    if (!m_setup)
        return;
    m_loading = true;
    setup_choices::fillPractitioners(m_practitioner, *m_setup, setup_choices::currentId(m_type),
                                     tr("Any practitioner"));
    m_loading = false;
    search();
}

void FindSlotDialog::search()
{
    if (m_loading || !m_setup)
        return;
    const std::optional<BookingPrefill> selected = chosenPrefill();
    m_found.clear();
    m_results->clear();
    m_choose->setEnabled(false);

    SlotFinder::Query query;
    query.typeId = setup_choices::currentId(m_type);
    if (const qint64 practitioner = setup_choices::currentId(m_practitioner); practitioner > 0)
        query.practitionerId = practitioner;
    if (const qint64 patient = m_patient->patientId(); patient > 0)
        query.patientId = patient;
    query.from = m_from->date();
    query.to = m_to->date();
    query.count = maxSlots;
    query.weekdays = m_weekdays->weekdays();
    query.earliestMinute = m_timeOfDay->earliestMinute();
    query.latestMinute = m_timeOfDay->latestMinute();
    query.leaveOutScreeningStops = true;
    if (query.typeId <= 0) {
        m_feedback->show(FormFeedback::Tone::Hint, tr("Choose an appointment type."));
        return;
    }
    auto found = m_session.service<SlotFinder>().search(query);
    if (!found) {
        m_feedback->showError(found.error());
        return;
    }
    m_found = found.value().found;
    const QString leftOut = SlotFinder::describe(found.value().leftOut);
    const auto withLeftOut = [&leftOut](const QString &text) {
        return leftOut.isEmpty() ? text : text + QLatin1Char(' ') + leftOut;
    };
    const QLocale locale;
    for (const SlotFinder::Slot &slot : std::as_const(m_found)) {
        const QDateTime start = m_time.toLocal(slot.startsAt);
        const Practitioner *practitioner = m_setup->practitioner(slot.practitionerId);
        const Room *room = slot.roomId ? m_setup->room(*slot.roomId) : nullptr;
        auto *item = new QTreeWidgetItem(m_results);
        item->setText(DayColumn, locale.toString(start.date(), QStringLiteral("ddd d MMM")));
        item->setText(TimeColumn, m_time.spanText(slot.startsAt, slot.endsAt));
        item->setText(PractitionerColumn, practitioner ? practitioner->displayName : QString());
        item->setText(RoomColumn, room ? room->name : tr("No room needed"));
    }
    fitTreeColumns(m_results);
    if (m_found.isEmpty()) {
        m_feedback->show(FormFeedback::Tone::Warning,
                         withLeftOut(tr("No free slot in this window: widen the dates, days or time of day.")));
        return;
    }
    // The slot chosen before stays chosen while it is still free.
    int current = 0;
    for (int row = 0; selected && row < m_found.size(); ++row) {
        if (m_found.at(row).startsAt == selected->startsAt
            && m_found.at(row).practitionerId == selected->practitionerId)
            current = row;
    }
    m_results->setCurrentItem(m_results->topLevelItem(current));
    m_choose->setEnabled(true);
    m_feedback->show(leftOut.isEmpty() ? FormFeedback::Tone::Hint : FormFeedback::Tone::Warning,
                     withLeftOut(m_found.size() >= maxSlots ? tr("The first %1 free slots.").arg(m_found.size())
                                                            : tr("%1 free slots.").arg(m_found.size())));
}

void FindSlotDialog::followChanges(const ChangeSet &changes)
{
    if (!m_setup || !m_from->date().isValid() || !m_to->date().isValid())
        return;
    const ClinicTime::Range window = m_time.daysRange(m_from->date(), int(m_from->date().daysTo(m_to->date())) + 1);
    if (changes.touchesSchedule(window.from, window.to))
        search();
}

std::optional<BookingPrefill> FindSlotDialog::chosenPrefill() const
{
    const int row = m_results->currentItem() ? m_results->indexOfTopLevelItem(m_results->currentItem()) : -1;
    if (row < 0 || row >= m_found.size())
        return std::nullopt;
    const SlotFinder::Slot &slot = m_found.at(row);
    BookingPrefill prefill;
    prefill.patient = m_patient->patient();
    prefill.typeId = setup_choices::currentId(m_type);
    prefill.practitionerId = slot.practitionerId;
    prefill.roomId = slot.roomId;
    prefill.startsAt = slot.startsAt;
    return prefill;
}

QString FindSlotDialog::outcomeText() const
{
    return findChild<QLabel *>(QStringLiteral("outcomeLabel"))->text();
}

void FindSlotDialog::chooseCurrent()
{
    const std::optional<BookingPrefill> prefill = chosenPrefill();
    if (!prefill || !isVisible())
        return;
    emit slotChosen(*prefill->typeId, *prefill->practitionerId, prefill->roomId.value_or(0), *prefill->startsAt,
                    prefill->patient ? prefill->patient->id : 0);
    accept();
}

} // namespace dermdesk::ui
