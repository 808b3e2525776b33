#include "ui/frontdesk/WaitlistPanel.h"

#include "calendar/BookingRules.h"
#include "calendar/BookingService.h"
#include "calendar/ScheduleSetup.h"
#include "calendar/ScheduleSetupCache.h"
#include "common/ErrorCode.h"
#include "common/TimeFormat.h"
#include "patients/PatientRepository.h"
#include "session/ClinicSession.h"
#include "storage/ChangeSet.h"
#include "ui/frontdesk/SetupChoices.h"
#include "ui/frontdesk/TimeOfDayPicker.h"
#include "ui/frontdesk/TreeLists.h"
#include "ui/frontdesk/WeekdayPicker.h"
#include "ui/patientfile/PatientPicker.h"
#include "ui/widgets/AreaWidgets.h"
#include "ui/widgets/DateField.h"
#include "ui/widgets/Prompter.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace dermdesk::ui {

namespace {

enum EntryColumn {
    PatientColumn,
    TypeColumn,
    PractitionerColumn,
    DatesColumn,
    TimesColumn,
    SinceColumn,
    EntryColumns
};
enum OfferColumn {
    OfferPatientColumn,
    OfferTimeColumn,
    OfferRoomColumn,
    OfferWindowColumn,
    OfferColumns
};

} // namespace

WaitlistPanel::WaitlistPanel(ClinicSession &session, Prompter &prompter, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_time(session.zone())
    , m_prompter(prompter)
{
    setObjectName(QStringLiteral("waitlistPanel"));
    setWindowTitle(tr("Waitlist"));
    loadSetup();

    // Built in reading order, which is the tab order: offers, the buttons, the list, the add form.
    buildOffers();
    m_summary = makeMutedLabel(QStringLiteral("waitlistSummary"), this);
    m_addButton = new QPushButton(tr("&Add\u2026"), this);
    m_addButton->setObjectName(QStringLiteral("addEntryButton"));
    m_removeButton = new QPushButton(tr("&Remove\u2026"), this);
    m_removeButton->setObjectName(QStringLiteral("removeEntryButton"));
    m_removeButton->setEnabled(false);
    m_entryView = makeTreeList(QStringLiteral("waitlistView"), tr("Waitlist entries"),
                               {tr("Patient"), tr("Type"), tr("Practitioner"), tr("Dates"), tr("Days and times"),
                                tr("Waiting since")},
                               this);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_summary, 1);
    buttons->addWidget(m_addButton);
    buttons->addWidget(m_removeButton);

    buildAddForm();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 8, 10, 8);
    layout->setSpacing(8);
    layout->addWidget(m_offerBox);
    layout->addLayout(buttons);
    layout->addWidget(m_entryView, 1);
    layout->addWidget(m_addBox);

    auto *removeKey = new QAction(tr("Remove from the waitlist"), m_entryView);
    removeKey->setShortcut(QKeySequence::Delete);
    removeKey->setShortcutContext(Qt::WidgetShortcut);
    m_entryView->addAction(removeKey);
    connect(removeKey, &QAction::triggered, this, &WaitlistPanel::removeSelected);
    connect(m_addButton, &QPushButton::clicked, this, &WaitlistPanel::showAddForm);
    connect(m_removeButton, &QPushButton::clicked, this, &WaitlistPanel::removeSelected);
    connect(m_entryView, &QTreeWidget::currentItemChanged, this,
            [this](QTreeWidgetItem *current) { m_removeButton->setEnabled(current != nullptr); });
    connect(&session, &ClinicSession::changed, this, &WaitlistPanel::followChanges);
    reload();
}

WaitlistPanel::~WaitlistPanel() = default;

void WaitlistPanel::loadSetup()
{
    if (auto setup = m_session.service<ScheduleSetupCache>().get())
        m_setup = std::make_unique<ScheduleSetup>(std::move(setup).value());
}

WaitlistRepository &WaitlistPanel::waitlist() const
{
    return m_session.service<WaitlistRepository>();
}

BookingService &WaitlistPanel::bookings() const
{
    return m_session.service<BookingService>();
}

void WaitlistPanel::followChanges(const ChangeSet &changes)
{
    if (changes.touchesSetup()) {
        loadSetup();
        if (m_setup)
            setup_choices::fillTypes(m_type, *m_setup);
        typeChosen();
    }
    bool shownPatient = false;
    for (const WaitlistEntry &entry : std::as_const(m_entries))
        shownPatient = shownPatient || changes.touchesPatient(entry.patientId);
    if (changes.touchesWaitlist() || changes.touchesSetup() || shownPatient)
        reload();
    // The offers stand while the freed time is still free and their patients still wait: anything booked
    // where a proposal could start (or run) lists them again.
    if (m_slot && m_offerBox->isVisible()) {
        const qint64 reach = 60 * qint64(BookingRules::maxVisitMinutes + BookingRules::maxBufferMinutes);
        if (changes.touchesWaitlist() || changes.touchesSchedule(m_slot->startsAt, m_slot->endsAt + reach))
            listOffers();
    }
}

void WaitlistPanel::buildOffers()
{
    m_offerBox = new QGroupBox(this);
    m_offerBox->setObjectName(QStringLiteral("offerBox"));
    m_offerView = makeTreeList(QStringLiteral("offerView"), tr("Who could take the freed time"),
                               {tr("Patient"), tr("Proposed time"), tr("Room"), tr("Wants")}, m_offerBox);
    m_offerView->setMaximumHeight(m_offerView->fontMetrics().lineSpacing() * 7);
    auto *outcome = new QLabel(m_offerBox);
    outcome->setObjectName(QStringLiteral("offerOutcome"));
    m_offerFeedback = std::make_unique<FormFeedback>(outcome);
    m_bookOffer = new QPushButton(tr("&Book"), m_offerBox);
    m_bookOffer->setObjectName(QStringLiteral("bookOfferButton"));
    auto *dismiss = new QPushButton(tr("Dismiss"), m_offerBox);
    auto *row = new QHBoxLayout;
    row->addWidget(outcome, 1);
    row->addWidget(m_bookOffer);
    row->addWidget(dismiss);
    auto *layout = new QVBoxLayout(m_offerBox);
    layout->addWidget(m_offerView);
    layout->addLayout(row);
    m_offerBox->hide();

    connect(m_bookOffer, &QPushButton::clicked, this, &WaitlistPanel::bookSelectedOffer);
    connect(m_offerView, &QTreeWidget::itemActivated, this, &WaitlistPanel::bookSelectedOffer);
    connect(dismiss, &QPushButton::clicked, m_offerBox, &QWidget::hide);
}

void WaitlistPanel::buildAddForm()
{
    m_addBox = new QGroupBox(tr("Add to the waitlist"), this);
    m_addBox->setObjectName(QStringLiteral("addEntryForm"));
    m_patient = new PatientPicker(m_session, m_addBox);
    m_patient->setObjectName(QStringLiteral("patientPicker"));
    m_type = new QComboBox(m_addBox);
    m_type->setObjectName(QStringLiteral("typeCombo"));
    m_practitioner = new QComboBox(m_addBox);
    m_practitioner->setObjectName(QStringLiteral("practitionerCombo"));
    m_earliest = new DateField(m_addBox);
    m_earliest->setObjectName(QStringLiteral("earliestDate"));
    m_earliest->setAccessibleName(tr("Earliest date"));
    m_latest = new DateField(m_addBox);
    m_latest->setObjectName(QStringLiteral("latestDate"));
    m_latest->setAccessibleName(tr("Latest date"));
    auto *toLabel = new QLabel(tr("to"), m_addBox);
    auto *datesRow = new QHBoxLayout;
    datesRow->addWidget(m_earliest);
    datesRow->addWidget(toLabel);
    datesRow->addWidget(m_latest);
    datesRow->addStretch(1);
    m_weekdays = new WeekdayPicker(m_addBox);
    m_timeOfDay = new TimeOfDayPicker(m_addBox);
    m_notes = new QLineEdit(m_addBox);
    m_notes->setObjectName(QStringLiteral("notesEdit"));

    auto *outcome = new QLabel(m_addBox);
    outcome->setObjectName(QStringLiteral("addOutcome"));
    m_addFeedback = std::make_unique<FormFeedback>(outcome);
    auto *form = new QFormLayout;
    form->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    // In a narrow dock the labels go above their fields rather than widening the panel.
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    m_addFeedback->addRow(form, tr("&Patient:"), m_patient, QStringLiteral("patient"))->setBuddy(m_patient->lineEdit());
    m_addFeedback->addRow(form, tr("&Type:"), m_type, QStringLiteral("type"));
    m_addFeedback->addRow(form, tr("Pra&ctitioner:"), m_practitioner, QStringLiteral("practitioner"));
    QLabel *dates = m_addFeedback->addRow(form, tr("Dat&es:"), datesRow, m_earliest, QStringLiteral("earliest_date"));
    m_addFeedback->addField(QStringLiteral("latest_date"), dates);
    m_addFeedback->addRow(form, tr("&Days:"), m_weekdays, QStringLiteral("weekdays"))->setBuddy(m_weekdays->box(1));
    m_addFeedback->addRow(form, tr("T&ime of day:"), m_timeOfDay, QStringLiteral("time_of_day"))
        ->setBuddy(m_timeOfDay->comboBox());
    m_addFeedback->addRow(form, tr("&Notes:"), m_notes);

    auto *save = new QPushButton(tr("Add to &waitlist"), m_addBox);
    save->setObjectName(QStringLiteral("saveEntryButton"));
    auto *cancel = new QPushButton(tr("Cancel"), m_addBox);
    auto *row = new QHBoxLayout;
    row->addWidget(outcome, 1);
    row->addWidget(save);
    row->addWidget(cancel);
    auto *layout = new QVBoxLayout(m_addBox);
    layout->addLayout(form);
    layout->addLayout(row);
    m_addBox->hide();

    if (m_setup)
        setup_choices::fillTypes(m_type, *m_setup);
    typeChosen();
    connect(m_type, &QComboBox::currentIndexChanged, this, &WaitlistPanel::typeChosen);
    connect(save, &QPushButton::clicked, this, &WaitlistPanel::addEntry);
    connect(m_notes, &QLineEdit::returnPressed, this, &WaitlistPanel::addEntry);
    connect(cancel, &QPushButton::clicked, m_addBox, &QWidget::hide);
}

void WaitlistPanel::typeChosen()
{
    if (m_setup)
        setup_choices::fillPractitioners(m_practitioner, *m_setup, setup_choices::currentId(m_type),
                                         tr("Any practitioner"));
}

QString WaitlistPanel::addOutcomeText() const
{
    return findChild<QLabel *>(QStringLiteral("addOutcome"))->text();
}

QString WaitlistPanel::offerOutcomeText() const
{
    return findChild<QLabel *>(QStringLiteral("offerOutcome"))->text();
}

void WaitlistPanel::reload()
{
    const int selectedRow =
        m_entryView->currentItem() ? m_entryView->indexOfTopLevelItem(m_entryView->currentItem()) : -1;
    const qint64 selectedId = selectedRow >= 0 && selectedRow < m_entries.size() ? m_entries.at(selectedRow).id : 0;
    m_entryView->clear();
    m_entries.clear();
    m_patientNames.clear();
    auto entries = waitlist().list();
    if (!entries) {
        m_summary->setText(entries.error().message());
        return;
    }
    m_entries = std::move(entries).value();
    const QLocale locale;
    for (const WaitlistEntry &entry : std::as_const(m_entries)) {
        auto *item = new QTreeWidgetItem(m_entryView);
        item->setText(PatientColumn, patientName(entry.patientId));
        item->setText(TypeColumn, typeName(entry.typeId));
        item->setText(PractitionerColumn, practitionerName(entry.practitionerId));
        item->setText(DatesColumn,
                      shortDateText(entry.earliestDate) + QStringLiteral(" \u2013 ") + shortDateText(entry.latestDate));
        item->setText(TimesColumn, timesText(entry));
        item->setText(SinceColumn, shortDateText(m_time.localDate(entry.createdAt)));
        item->setToolTip(PatientColumn, entry.notes);
        if (entry.id == selectedId)
            m_entryView->setCurrentItem(item);
    }
    fitTreeColumns(m_entryView);
    m_summary->setText(m_entries.isEmpty() ? tr("Nobody is waiting for an earlier slot.")
                                           : tr("%1 waiting for an earlier slot.").arg(m_entries.size()));
    m_removeButton->setEnabled(m_entryView->currentItem() != nullptr);
}

void WaitlistPanel::showAddForm()
{
    const QDate today = m_time.localDate(m_session.clock().now().toSecsSinceEpoch());
    m_patient->clear();
    m_earliest->setDate(today);
    m_latest->setDate(today.addDays(28));
    m_weekdays->setWeekdays({});
    m_timeOfDay->setChoice(TimeOfDayPicker::AnyTime);
    m_notes->clear();
    m_addFeedback->show(FormFeedback::Tone::Hint, QString());
    m_addBox->show();
    m_patient->setFocus();
}

void WaitlistPanel::addEntry()
{
    WaitlistEntry entry;
    entry.patientId = m_patient->patientId();
    entry.typeId = setup_choices::currentId(m_type);
    if (const qint64 practitioner = setup_choices::currentId(m_practitioner); practitioner > 0)
        entry.practitionerId = practitioner;
    entry.earliestDate = m_earliest->date();
    entry.latestDate = m_latest->date();
    entry.weekdays = m_weekdays->weekdays();
    entry.earliestMinute = m_timeOfDay->earliestMinute();
    entry.latestMinute = m_timeOfDay->latestMinute();
    entry.notes = m_notes->text().trimmed();
    if (entry.patientId <= 0) {
        m_addFeedback->showError(
            Error::invalidInput(QStringLiteral("patient"), tr("Choose the patient: type part of a name.")));
        return;
    }
    auto added = waitlist().add(entry);
    if (!added) {
        m_addFeedback->showError(added.error());
        return;
    }
    m_addBox->hide();
    m_session.announceChanges();
}

void WaitlistPanel::removeSelected()
{
    const int row = m_entryView->currentItem() ? m_entryView->indexOfTopLevelItem(m_entryView->currentItem()) : -1;
    if (row < 0 || row >= m_entries.size())
        return;
    const WaitlistEntry entry = m_entries.at(row);
    const std::optional<QString> reason =
        m_prompter.askText(this, tr("Remove from the waitlist"),
                           tr("Why does %1 no longer wait for %2?")
                               .arg(patientName(entry.patientId), typeName(entry.typeId)));
    if (!reason)
        return;
    if (const Status removed = waitlist().remove(entry.id, *reason); !removed) {
        m_prompter.showError(this, tr("Remove from the waitlist"), removed.error());
        return;
    }
    m_session.announceChanges();
}

void WaitlistPanel::offerFreedSlot(const FreedSlot &slot)
{
    m_slot = slot;
    m_offerBox->setTitle(
        tr("Freed: %1, %2").arg(spanText(slot.startsAt, slot.endsAt), practitionerName(slot.practitionerId)));
    m_offerBox->show();
    listOffers();
    if (!m_offers.isEmpty())
        m_offerView->setFocus();
}

void WaitlistPanel::listOffers()
{
    if (!m_slot)
        return;
    const qint64 selectedEntry = [this] {
        const int row = m_offerView->currentItem() ? m_offerView->indexOfTopLevelItem(m_offerView->currentItem()) : -1;
        return row >= 0 && row < m_offers.size() ? m_offers.at(row).entry.id : qint64(0);
    }();
    const bool hadOffers = !m_offers.isEmpty();
    m_offers.clear();
    m_offerView->clear();
    m_bookOffer->setEnabled(false);
    auto offers = waitlist().offersFor(*m_slot);
    if (!offers) {
        m_offerFeedback->showError(offers.error());
        return;
    }
    m_offers = std::move(offers).value();
    QTreeWidgetItem *selected = nullptr;
    for (const WaitlistRepository::Offer &offer : std::as_const(m_offers)) {
        const Room *room = offer.proposal.roomId && m_setup ? m_setup->room(*offer.proposal.roomId) : nullptr;
        auto *item = new QTreeWidgetItem(m_offerView);
        item->setText(OfferPatientColumn, patientName(offer.entry.patientId));
        item->setText(OfferTimeColumn, spanText(offer.proposal.startsAt, offer.proposal.endsAt));
        item->setText(OfferRoomColumn, room ? room->name : QString());
        item->setText(OfferWindowColumn, typeName(offer.entry.typeId) + QStringLiteral(", ") + timesText(offer.entry));
        if (!selected || offer.entry.id == selectedEntry)
            selected = item;
    }
    fitTreeColumns(m_offerView);
    m_bookOffer->setEnabled(!m_offers.isEmpty());
    if (m_offers.isEmpty()) {
        if (hadOffers && slotTaken()) {
            m_offerBox->setTitle(
                tr("Taken again: %1, %2")
                    .arg(spanText(m_slot->startsAt, m_slot->endsAt), practitionerName(m_slot->practitionerId)));
            m_offerFeedback->show(FormFeedback::Tone::Hint,
                                  tr("This time was booked again: nobody on the waitlist can take it now."));
        } else {
            m_offerFeedback->show(FormFeedback::Tone::Hint, tr("Nobody on the waitlist can take this time."));
        }
        return;
    }
    m_offerView->setCurrentItem(selected);
    m_offerFeedback->show(FormFeedback::Tone::Ok,
                          m_offers.size() == 1
                              ? tr("1 patient on the waitlist could take it.")
                              : tr("%1 patients on the waitlist could take it, best first.").arg(m_offers.size()));
}

bool WaitlistPanel::slotTaken() const
{
    const auto occupying = bookings().appointments().occupying({m_slot->startsAt, m_slot->endsAt});
    if (!occupying)
        return false;
    return std::any_of(occupying.value().cbegin(), occupying.value().cend(), [this](const Appointment &a) {
        return a.practitionerId == m_slot->practitionerId && a.startsAt < m_slot->endsAt && m_slot->startsAt < a.endsAt;
    });
}

void WaitlistPanel::bookSelectedOffer()
{
    const int row = m_offerView->currentItem() ? m_offerView->indexOfTopLevelItem(m_offerView->currentItem()) : -1;
    if (row < 0 || row >= m_offers.size())
        return;
    const WaitlistRepository::Offer offer = m_offers.at(row);
    BookingRequest request;
    request.patientId = offer.proposal.patientId;
    request.practitionerId = offer.proposal.practitionerId;
    request.typeId = offer.proposal.typeId;
    request.roomId = offer.proposal.roomId;
    request.startsAt = offer.proposal.startsAt;
    request.endsAt = offer.proposal.endsAt;
    request.prepMin = offer.proposal.prepMin;
    request.cleanupMin = offer.proposal.cleanupMin;
    request.notes = offer.entry.notes;
    auto booked = bookings().book(request);
    // Screening cautions on the offered date (missing screening among them) are booked only with a reason.
    if (!booked && error_code::is(booked.error(), ErrorCode::ScreeningCaution)) {
        const auto reason =
            m_prompter.askText(this, tr("Screening caution"),
                               tr("%1\n\nWhy should it be booked anyway? (The reason is kept in the audit log.)")
                                   .arg(booked.error().message()));
        if (!reason || reason->trimmed().isEmpty()) {
            m_offerFeedback->showError(booked.error());
            return;
        }
        request.acknowledgement = reason->trimmed();
        booked = bookings().book(request);
    }
    if (!booked) {
        m_offerFeedback->showError(booked.error());
        return;
    }
    const qint64 appointmentId = booked.value().id;
    if (const Status marked = waitlist().markBooked(offer.entry.id, appointmentId); !marked)
        m_prompter.showError(this, tr("Waitlist"), marked.error());
    m_offers.clear();
    m_offerView->clear();
    m_offerBox->hide();
    m_slot.reset();
    m_session.announceChanges();
    emit this->booked(appointmentId);
}

QString WaitlistPanel::patientName(qint64 patientId)
{
    if (const auto known = m_patientNames.constFind(patientId); known != m_patientNames.constEnd())
        return *known;
    auto patient = m_session.service<PatientRepository>().find(patientId);
    const QString name = patient ? PatientSummary::fullName(patient.value().givenName, patient.value().familyName,
                                                            patient.value().preferredName)
                                 : tr("Patient %1").arg(patientId);
    m_patientNames.insert(patientId, name);
    return name;
}

QString WaitlistPanel::typeName(qint64 typeId) const
{
    const AppointmentType *type = m_setup ? m_setup->type(typeId) : nullptr;
    return type ? type->name : tr("Type %1").arg(typeId);
}

QString WaitlistPanel::practitionerName(std::optional<qint64> practitionerId) const
{
    if (!practitionerId)
        return tr("Any");
    const Practitioner *practitioner = m_setup ? m_setup->practitioner(*practitionerId) : nullptr;
    return practitioner ? practitioner->displayName : tr("Practitioner %1").arg(*practitionerId);
}

QString WaitlistPanel::timesText(const WaitlistEntry &entry) const
{
    const QLocale locale;
    QStringList days;
    for (int day : entry.weekdays)
        days << locale.dayName(day, QLocale::ShortFormat);
    const QString times = TimeOfDayPicker::describe(entry.earliestMinute, entry.latestMinute);
    return days.isEmpty() ? times : days.join(QStringLiteral(", ")) + QStringLiteral("; ") + times;
}

QString WaitlistPanel::spanText(qint64 startsAt, qint64 endsAt) const
{
    const QDateTime start = m_time.toLocal(startsAt);
    return QLocale().toString(start.date(), QStringLiteral("ddd d MMM")) + QLatin1Char(' ')
           + m_time.spanText(startsAt, endsAt);
}

} // namespace dermdesk::ui
