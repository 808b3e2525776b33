#include "ui/frontdesk/BookingDialog.h"

#include "calendar/BookingService.h"
#include "calendar/ScheduleSetup.h"
#include "calendar/ScheduleSetupCache.h"
#include "common/ErrorCode.h"
#include "common/TimeFormat.h"
#include "patients/PatientRepository.h"
#include "patients/ScreeningEvaluator.h"
#include "session/ClinicSession.h"
#include "ui/frontdesk/RepeatedTimeChoice.h"
#include "ui/frontdesk/SetupChoices.h"
#include "ui/patientfile/PatientPicker.h"
#include "ui/schedule/PlanSessionMover.h"
#include "ui/widgets/DateField.h"
#include "ui/widgets/Prompter.h"
#include "ui/widgets/TimeField.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScopeGuard>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

namespace dermdesk::ui {

namespace {

const QString lastPractitionerKey = QStringLiteral("frontdesk/lastPractitionerId");

QSpinBox *minutesBox(const QString &objectName, int minimum, int maximum, const QString &accessibleName,
                     QWidget *parent)
{
    auto *box = new QSpinBox(parent);
    box->setObjectName(objectName);
    box->setRange(minimum, maximum);
    box->setSingleStep(5);
    box->setSuffix(QCoreApplication::translate("dermdesk::ui::BookingDialog", " min"));
    box->setAccessibleName(accessibleName);
    box->setAlignment(Qt::AlignRight);
    return box;
}

} // namespace

BookingDialog::BookingDialog(ClinicSession &session, Prompter &prompter, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_time(session.zone())
    , m_prompter(prompter)
{
    setObjectName(QStringLiteral("bookingDialog"));
    setWindowTitle(tr("Book an appointment"));
    buildForm();
    auto setup = session.service<ScheduleSetupCache>().get();
    if (!setup) {
        m_feedback->showError(setup.error());
        m_submit->setEnabled(false);
        return;
    }
    m_setup = std::make_unique<ScheduleSetup>(std::move(setup).value());
    setPrefill({});
    connect(&session, &ClinicSession::changed, this, &BookingDialog::followChanges);
}

BookingDialog::~BookingDialog() = default;

void BookingDialog::buildForm()
{
    m_patient = new PatientPicker(m_session, this);
    m_patient->setObjectName(QStringLiteral("patientPicker"));
    m_newPatient = new QPushButton(tr("New patient\u2026"), this);
    m_newPatient->setObjectName(QStringLiteral("newPatientButton"));
    m_newPatient->setAutoDefault(false);
    m_newPatient->setToolTip(tr("Register a patient who is not in the list yet"));
    auto *patientRow = new QHBoxLayout;
    patientRow->addWidget(m_patient, 1);
    patientRow->addWidget(m_newPatient);

    m_attendance = new QLabel(this);
    m_attendance->setObjectName(QStringLiteral("attendanceLabel"));
    QPalette warning = m_attendance->palette();
    warning.setColor(QPalette::WindowText, QColor(0x9a5b00));
    m_attendance->setPalette(warning);
    m_attendance->setVisible(false);

    m_type = new QComboBox(this);
    m_type->setObjectName(QStringLiteral("typeCombo"));
    m_practitioner = new QComboBox(this);
    m_practitioner->setObjectName(QStringLiteral("practitionerCombo"));
    m_room = new QComboBox(this);
    m_room->setObjectName(QStringLiteral("roomCombo"));

    m_date = new DateField(this);
    m_date->setObjectName(QStringLiteral("dateEdit"));
    m_date->setAccessibleName(tr("Date"));
    m_startTime = new TimeField(this);
    m_startTime->setObjectName(QStringLiteral("timeEdit"));
    m_startTime->setDisplayFormat(QStringLiteral("HH:mm"));
    m_startTime->setAccessibleName(tr("Start time"));
    m_repeated = new RepeatedTimeChoice(this);
    m_endLabel = new QLabel(this);
    m_endLabel->setObjectName(QStringLiteral("endLabel"));
    m_endLabel->setMinimumWidth(m_endLabel->fontMetrics().horizontalAdvance(tr("until 00:00 (next day)")));
    m_findSlot = new QPushButton(tr("&Find a slot\u2026"), this);
    m_findSlot->setObjectName(QStringLiteral("findSlotButton"));
    m_findSlot->setAutoDefault(false);
    m_findSlot->setToolTip(tr("List the free times for this patient, type and practitioner, and take one"));
    auto *whenRow = new QHBoxLayout;
    whenRow->addWidget(m_date);
    whenRow->addWidget(m_startTime);
    whenRow->addWidget(m_repeated);
    whenRow->addSpacing(6);
    whenRow->addWidget(m_endLabel, 1);
    whenRow->addWidget(m_findSlot);

    m_duration = minutesBox(QStringLiteral("durationSpin"), 5, 720, tr("Duration"), this);
    m_prep = minutesBox(QStringLiteral("prepSpin"), 0, 120, tr("Preparation"), this);
    m_cleanup = minutesBox(QStringLiteral("cleanupSpin"), 0, 120, tr("Clean-up"), this);
    auto *prepLabel = new QLabel(tr("Preparation:"), this);
    prepLabel->setBuddy(m_prep);
    auto *cleanupLabel = new QLabel(tr("Clean-up:"), this);
    cleanupLabel->setBuddy(m_cleanup);
    auto *minutesRow = new QHBoxLayout;
    minutesRow->addWidget(m_duration);
    minutesRow->addSpacing(12);
    minutesRow->addWidget(prepLabel);
    minutesRow->addWidget(m_prep);
    minutesRow->addSpacing(12);
    minutesRow->addWidget(cleanupLabel);
    minutesRow->addWidget(m_cleanup);
    minutesRow->addStretch(1);

    m_notes = new QPlainTextEdit(this);
    m_notes->setObjectName(QStringLiteral("notesEdit"));
    m_notes->setTabChangesFocus(true);
    m_notes->setAccessibleName(tr("Notes"));
    m_notes->setFixedHeight(m_notes->fontMetrics().lineSpacing() * 3 + 14);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
    form->setHorizontalSpacing(12);
    form->setVerticalSpacing(8);
    const auto row = [this, form](const QString &text, auto *field) {
        auto *label = new QLabel(text, this);
        form->addRow(label, field);
        return label;
    };
    QLabel *patientLabel = row(tr("&Patient:"), patientRow);
    patientLabel->setBuddy(m_patient->lineEdit());
    form->addRow(QString(), m_attendance);
    QLabel *typeLabel = row(tr("&Type:"), m_type);
    typeLabel->setBuddy(m_type);
    QLabel *practitionerLabel = row(tr("P&ractitioner:"), m_practitioner);
    practitionerLabel->setBuddy(m_practitioner);
    QLabel *roomLabel = row(tr("R&oom:"), m_room);
    roomLabel->setBuddy(m_room);
    QLabel *whenLabel = row(tr("&When:"), whenRow);
    whenLabel->setBuddy(m_date);
    QLabel *durationLabel = row(tr("&Duration:"), minutesRow);
    durationLabel->setBuddy(m_duration);
    QLabel *notesLabel = row(tr("&Notes:"), m_notes);
    notesLabel->setBuddy(m_notes);
    m_acknowledgeRow = new QWidget(this);
    m_acknowledge = new QCheckBox(tr("&Acknowledge"), m_acknowledgeRow);
    m_acknowledge->setObjectName(QStringLiteral("acknowledgeCheck"));
    m_acknowledge->setToolTip(tr("Book the treatment session although screening cautions apply"));
    m_acknowledgeReason = new QLineEdit(m_acknowledgeRow);
    m_acknowledgeReason->setObjectName(QStringLiteral("acknowledgeReasonEdit"));
    m_acknowledgeReason->setPlaceholderText(tr("Reason (kept in the audit log)"));
    m_acknowledgeReason->setAccessibleName(tr("Reason for going ahead despite the screening caution"));
    auto *acknowledgeLayout = new QHBoxLayout(m_acknowledgeRow);
    acknowledgeLayout->setContentsMargins(0, 0, 0, 0);
    acknowledgeLayout->addWidget(m_acknowledge);
    acknowledgeLayout->addWidget(m_acknowledgeReason, 1);
    m_acknowledgeRow->setVisible(false);
    form->addRow(QString(), m_acknowledgeRow);

    m_outcome = new QLabel(this);
    m_outcome->setObjectName(QStringLiteral("outcomeLabel"));
    m_outcome->setMinimumHeight(m_outcome->fontMetrics().lineSpacing() * 2);
    m_outcome->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_feedback = std::make_unique<FormFeedback>(m_outcome);
    m_feedback->addField(QStringLiteral("patient"), patientLabel);
    m_feedback->addField(QStringLiteral("type"), typeLabel);
    m_feedback->addField(QStringLiteral("practitioner"), practitionerLabel);
    m_feedback->addField(QStringLiteral("room"), roomLabel);
    m_feedback->addField(QStringLiteral("start"), whenLabel);
    m_feedback->addField(QStringLiteral("duration"), durationLabel);
    m_feedback->addField(QStringLiteral("prep"), prepLabel);
    m_feedback->addField(QStringLiteral("cleanup"), cleanupLabel);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_submit = m_buttons->addButton(tr("&Book"), QDialogButtonBox::AcceptRole);
    m_submit->setObjectName(QStringLiteral("submitButton"));
    m_submit->setDefault(true);
    m_submit->setEnabled(false);
    m_loadStored = m_buttons->addButton(tr("&Load the stored appointment"), QDialogButtonBox::ResetRole);
    m_loadStored->setObjectName(QStringLiteral("loadStoredButton"));
    m_loadStored->setAutoDefault(false);
    m_loadStored->setToolTip(tr("Show the appointment as it is stored now, and change it from there"));
    m_loadStored->setVisible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(18, 16, 18, 14);
    layout->setSpacing(12);
    layout->addLayout(form);
    layout->addWidget(m_outcome);
    layout->addWidget(m_buttons);
    setMinimumWidth(560);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &BookingDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_loadStored, &QPushButton::clicked, this, &BookingDialog::loadStored);
    connect(m_patient, &PatientPicker::patientChanged, this, &BookingDialog::patientChosen);
    connect(m_newPatient, &QPushButton::clicked, this, &BookingDialog::openNewPatient);
    connect(m_type, &QComboBox::currentIndexChanged, this, &BookingDialog::typeChosen);
    connect(m_practitioner, &QComboBox::currentIndexChanged, this, &BookingDialog::revalidate);
    connect(m_room, &QComboBox::currentIndexChanged, this, &BookingDialog::revalidate);
    connect(m_date, &DateField::dateChanged, this, &BookingDialog::revalidate);
    connect(m_startTime, &QTimeEdit::timeChanged, this, &BookingDialog::revalidate);
    connect(m_findSlot, &QPushButton::clicked, this, &BookingDialog::openFindSlot);
    connect(m_repeated, &QComboBox::currentIndexChanged, this, &BookingDialog::revalidate);
    for (QSpinBox *box : {m_duration, m_prep, m_cleanup})
        connect(box, &QSpinBox::valueChanged, this, &BookingDialog::revalidate);
    connect(m_acknowledge, &QCheckBox::toggled, this, &BookingDialog::revalidate);
    connect(m_acknowledgeReason, &QLineEdit::textEdited, m_acknowledge,
            [this](const QString &text) { m_acknowledge->setChecked(!text.trimmed().isEmpty()); });
    connect(m_acknowledgeReason, &QLineEdit::textChanged, this, &BookingDialog::revalidate);
}

void BookingDialog::setPrefill(const BookingPrefill &prefill)
{
    if (!m_setup)
        return;
    m_editing.reset();
    m_stale.clear();
    m_loadStored->setVisible(false);
    m_freed.reset();
    setWindowTitle(tr("Book an appointment"));
    m_submit->setText(tr("&Book"));
    m_loading = true;
    m_patient->setLocked(false);
    m_newPatient->setVisible(true);
    m_findSlot->setVisible(true);
    for (QWidget *field : std::initializer_list<QWidget *>{m_type, m_prep, m_cleanup})
        field->setEnabled(true);
    m_notes->setReadOnly(false);
    m_notes->clear();
    if (prefill.patient)
        m_patient->setPatient(*prefill.patient);
    else
        m_patient->clear();
    setup_choices::fillTypes(m_type, *m_setup);
    if (prefill.typeId)
        setup_choices::selectId(m_type, *prefill.typeId);
    m_loading = false;
    typeChosen();
    m_loading = true;
    const qint64 practitioner = prefill.practitionerId.value_or(QSettings().value(lastPractitionerKey).toLongLong());
    setup_choices::selectId(m_practitioner, practitioner);
    setup_choices::selectId(m_room, prefill.roomId.value_or(0));
    if (prefill.startsAt) {
        setStart(*prefill.startsAt);
    } else {
        setStart(nextOpenTime());
    }
    m_loading = false;
    patientChosen(m_patient->patientId());
    (prefill.patient ? static_cast<QWidget *>(m_type) : m_patient)->setFocus();
}

Status BookingDialog::editAppointment(qint64 appointmentId)
{
    if (!m_setup)
        return Error::notFound(QStringLiteral("clinic"), outcomeText());
    auto found = bookings().appointments().find(appointmentId);
    if (!found)
        return found.error();
    const Appointment appointment = found.value();
    PatientSummary patient;
    patient.id = appointment.patientId;
    patient.givenName = tr("Patient %1").arg(appointment.patientId);
    if (auto record = m_session.service<PatientRepository>().find(appointment.patientId)) {
        patient.givenName = record.value().givenName;
        patient.familyName = record.value().familyName;
        patient.preferredName = record.value().preferredName;
        patient.birthDate = record.value().birthDate;
        patient.phone = record.value().phone;
    }
    m_editing = appointment;
    m_stale.clear();
    m_loadStored->setVisible(false);
    m_freed.reset();
    setWindowTitle(tr("Change appointment"));
    m_submit->setText(tr("&Save"));
    m_loading = true;
    m_patient->setPatient(patient);
    m_patient->setLocked(true);
    m_newPatient->setVisible(false);
    m_findSlot->setVisible(false);
    setup_choices::fillTypes(m_type, *m_setup);
    if (!setup_choices::selectId(m_type, appointment.typeId)) {
        const AppointmentType *type = m_setup->type(appointment.typeId);
        m_type->addItem(type ? type->name : tr("Type %1").arg(appointment.typeId), appointment.typeId);
        setup_choices::selectId(m_type, appointment.typeId);
    }
    m_loading = false;
    typeChosen();
    m_loading = true;
    setup_choices::selectId(m_practitioner, appointment.practitionerId);
    setup_choices::selectId(m_room, appointment.roomId.value_or(0));
    setStart(appointment.startsAt);
    m_prep->setValue(appointment.prepMin);
    m_cleanup->setValue(appointment.cleanupMin);
    m_duration->setValue(std::max(m_duration->minimum(), appointment.visitMinutes() - appointment.prepMin));
    m_notes->setPlainText(appointment.notes);
    m_notes->setReadOnly(true);
    for (QWidget *field : std::initializer_list<QWidget *>{m_type, m_prep, m_cleanup})
        field->setEnabled(false);
    m_loading = false;
    patientChosen(appointment.patientId);
    m_startTime->setFocus();
    return {};
}

bool BookingDialog::canSubmit() const
{
    return m_passes && m_submit->isEnabled();
}

QString BookingDialog::outcomeText() const
{
    return m_outcome->text();
}

void BookingDialog::typeChosen()
{
    if (!m_setup || m_loading)
        return;
    m_loading = true;
    const qint64 typeId = setup_choices::currentId(m_type);
    const AppointmentType *type = currentType();
    setup_choices::fillPractitioners(m_practitioner, *m_setup, typeId);
    const bool needsRoom = !type || type->needsRoom;
    setup_choices::fillRooms(m_room, *m_setup, typeId,
                             needsRoom ? tr("Automatic (a free suitable room)") : tr("No room needed"));
    m_room->setEnabled(needsRoom);
    if (type && !m_editing) {
        m_duration->setValue(type->durationMin);
        m_prep->setValue(type->prepMin);
        m_cleanup->setValue(type->cleanupMin);
    }
    m_loading = false;
    revalidate();
}

void BookingDialog::patientChosen(qint64 patientId)
{
    m_attendance->setVisible(false);
    if (patientId > 0) {
        auto attendance = bookings().appointments().attendance(patientId);
        const QString warning = attendance ? FormFeedback::attendanceWarning(attendance.value()) : QString();
        m_attendance->setText(warning);
        m_attendance->setVisible(!warning.isEmpty());
    }
    revalidate();
}

Result<QList<ClinicTime::Reading>> BookingDialog::enteredReadings() const
{
    if (!m_date->date().isValid()) {
        return Error::invalidInput(QStringLiteral("start"), tr("Type the date as %1.").arg(m_date->placeholderText()));
    }
    const QTime time = m_startTime->time();
    return m_time.readings(m_date->date(), time.hour() * 60 + time.minute(), QStringLiteral("start"));
}

Result<qint64> BookingDialog::enteredStart() const
{
    const auto readings = enteredReadings();
    if (!readings)
        return readings.error();
    return *m_repeated->chosen(readings.value());
}

BookingRequest BookingDialog::bookingRequest(qint64 start) const
{
    BookingRequest request;
    request.patientId = m_patient->patientId();
    request.practitionerId = setup_choices::currentId(m_practitioner);
    request.typeId = setup_choices::currentId(m_type);
    if (const qint64 room = setup_choices::currentId(m_room); room > 0)
        request.roomId = room;
    request.startsAt = start;
    request.durationMin = m_duration->value();
    request.prepMin = m_prep->value();
    request.cleanupMin = m_cleanup->value();
    request.notes = m_notes->toPlainText().trimmed();
    if (!m_caution.isEmpty())
        request.acknowledgement = acknowledgement();
    return request;
}

RescheduleRequest BookingDialog::rescheduleRequest(qint64 start) const
{
    RescheduleRequest request;
    request.startsAt = start;
    request.endsAt = start + 60 * qint64(m_prep->value() + m_duration->value());
    request.practitionerId = setup_choices::currentId(m_practitioner);
    if (const qint64 room = setup_choices::currentId(m_room); room > 0)
        request.roomId = room;
    if (!m_caution.isEmpty())
        request.acknowledgement = acknowledgement();
    return request;
}

void BookingDialog::revalidate()
{
    if (m_loading || !m_setup)
        return;
    m_passes = false;
    m_submit->setEnabled(false);
    m_caution.clear();
    // Shown or hidden once the check is done: hiding it while its reason is being typed would take the focus.
    const auto showAcknowledgement = qScopeGuard([this] { m_acknowledgeRow->setVisible(!m_caution.isEmpty()); });
    // The appointment being edited changed elsewhere: nothing is checked or saved over it.
    if (!m_stale.isEmpty()) {
        m_feedback->show(FormFeedback::Tone::Error, m_stale);
        return;
    }
    const auto readings = enteredReadings();
    m_repeated->offer(m_time, readings ? readings.value() : QList<ClinicTime::Reading>());
    const auto start = enteredStart();
    if (!start) {
        m_endLabel->clear();
        m_feedback->showError(start.error());
        return;
    }
    const qint64 end = start.value() + 60 * qint64(m_prep->value() + m_duration->value());
    const bool nextDay = m_time.localDate(end) != m_date->date();
    const QString until = m_time.clockText(end);
    m_endLabel->setText(nextDay ? tr("until %1 (next day)").arg(until) : tr("until %1").arg(until));
    const bool past = start.value() < m_session.clock().now().toSecsSinceEpoch();

    Result<Appointment> preview = Error();
    // Screening cautions on the chosen date: shown beside the acknowledgement box, then checked again with it.
    const auto cautionsFor = [this](qint64 patientId, qint64 startsAt, const Error &refusal) {
        if (!error_code::is(refusal, ErrorCode::ScreeningCaution))
            return false;
        auto screening = m_session.service<ScreeningEvaluator>().evaluate(patientId, m_time.localDate(startsAt), true);
        m_caution =
            screening ? ScreeningEvaluator::describe(screening.value().cautionsToAcknowledge()) : refusal.message();
        return !acknowledgement().isEmpty();
    };
    if (m_editing) {
        RescheduleRequest request = rescheduleRequest(start.value());
        request.allowPast = true;
        preview = bookings().previewReschedule(m_editing->id, request);
        if (!preview && cautionsFor(m_editing->patientId, start.value(), preview.error())) {
            request.acknowledgement = acknowledgement();
            preview = bookings().previewReschedule(m_editing->id, request);
        }
    } else {
        if (m_patient->patientId() <= 0) {
            m_feedback->show(FormFeedback::Tone::Hint, tr("Choose a patient: type part of a name."));
            return;
        }
        if (setup_choices::currentId(m_type) <= 0) {
            m_feedback->show(FormFeedback::Tone::Hint, tr("Choose an appointment type."));
            return;
        }
        BookingRequest request = bookingRequest(start.value());
        request.allowPast = true;
        preview = bookings().preview(request);
        if (!preview && cautionsFor(request.patientId, request.startsAt, preview.error())) {
            request.acknowledgement = acknowledgement();
            preview = bookings().preview(request);
        }
    }
    if (!preview) {
        m_feedback->showError(preview.error());
        return;
    }
    showPreview(preview.value(), past);
    m_passes = true;
    m_submit->setEnabled(true);
}

void BookingDialog::showPreview(const Appointment &appointment, bool past)
{
    const QString span = m_time.spanText(appointment.startsAt, appointment.endsAt);
    QString text;
    if (!appointment.roomId) {
        text = tr("Free \u2014 no room needed, %1.").arg(span);
    } else {
        const Room *room = m_setup->room(*appointment.roomId);
        const QString roomName = room ? room->name : tr("room %1").arg(*appointment.roomId);
        text = setup_choices::currentId(m_room) > 0 ? tr("Free \u2014 %1 in %2.").arg(span, roomName)
                                                    : tr("Free \u2014 %2 will be used, %1.").arg(span, roomName);
    }
    if (!m_caution.isEmpty())
        text += QLatin1Char(' ') + tr("Screening caution acknowledged: %1.").arg(m_caution);
    if (past || !m_caution.isEmpty()) {
        if (past)
            text += QLatin1Char(' ') + tr("The start is in the past: you will be asked to confirm.");
        m_feedback->show(FormFeedback::Tone::Warning, text);
        return;
    }
    m_feedback->show(FormFeedback::Tone::Ok, text);
}

void BookingDialog::submit()
{
    // What is stored now, not what the last announcement said: a change made a moment ago elsewhere is not
    // saved over either.
    if (m_editing)
        checkStored();
    revalidate();
    if (!m_passes)
        return;
    const qint64 start = enteredStart().value();
    bool allowPast = false;
    if (start < m_session.clock().now().toSecsSinceEpoch()) {
        const QDateTime local = m_time.toLocal(start);
        if (!m_prompter.confirm(this, tr("Book in the past?"),
                                tr("%1 at %2 has already passed. Enter this appointment anyway?")
                                    .arg(shortDateText(local.date()), m_time.clockText(start)))) {
            return;
        }
        allowPast = true;
    }
    if (m_editing) {
        RescheduleRequest request = rescheduleRequest(start);
        request.allowPast = allowPast;
        // A treatment-plan session moved too early asks for the reason to override the plan's interval.
        auto change = PlanSessionMover(m_session, m_prompter).move(this, m_editing->id, request);
        if (!change) {
            m_feedback->showError(change.error());
            return;
        }
        m_freed = change.value().freed;
        m_editing = change.value().appointment;
        emit changed(m_editing->id);
        accept();
        return;
    }
    BookingRequest request = bookingRequest(start);
    request.allowPast = allowPast;
    auto booked = bookings().book(request);
    if (!booked) {
        m_feedback->showError(booked.error());
        m_submit->setEnabled(false);
        return;
    }
    QSettings().setValue(lastPractitionerKey, request.practitionerId);
    emit this->booked(booked.value().id);
    accept();
}

void BookingDialog::setStart(qint64 startsAt)
{
    const QDateTime local = m_time.toLocal(startsAt);
    m_date->setDate(local.date());
    m_startTime->setTime(QTime(local.time().hour(), local.time().minute()));
    const auto readings = enteredReadings();
    m_repeated->offer(m_time, readings ? readings.value() : QList<ClinicTime::Reading>(), startsAt);
}

BookingService &BookingDialog::bookings() const
{
    return m_session.service<BookingService>();
}

QString BookingDialog::acknowledgement() const
{
    return m_acknowledge->isChecked() ? m_acknowledgeReason->text().trimmed() : QString();
}

const AppointmentType *BookingDialog::currentType() const
{
    return m_setup ? m_setup->type(setup_choices::currentId(m_type)) : nullptr;
}

} // namespace dermdesk::ui
