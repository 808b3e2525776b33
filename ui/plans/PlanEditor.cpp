#include "ui/plans/PlanEditor.h"

#include "calendar/ScheduleSetupCache.h"
#include "clinic/ClinicRepository.h"
#include "patients/PatientRepository.h"
#include "session/ClinicSession.h"
#include "storage/ChangeSet.h"
#include "treatment/TreatmentPlanRepository.h"
#include "treatment/TreatmentVocabulary.h"
#include "ui/patientfile/PatientPicker.h"
#include "ui/widgets/DateField.h"
#include "ui/widgets/TimeField.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QTimeEdit>
#include <QVBoxLayout>

namespace dermdesk::ui {

PlanEditor::PlanEditor(ClinicSession &session, qint64 patientId, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
{
    setWindowTitle(tr("New Treatment Plan"));
    build();
    TreatmentPlan plan;
    plan.patientId = patientId;
    if (auto setup = m_session.service<ScheduleSetupCache>().get()) {
        const ClinicSettings &clinic = setup.value().settings();
        plan.plannedSessions = clinic.defaultSessions;
        plan.intervalMinWeeks = clinic.defaultIntervalMinWeeks;
        plan.intervalMaxWeeks = clinic.defaultIntervalMaxWeeks;
        plan.consentFormVersion = clinic.consentFormVersion;
    }
    plan.typeId = m_type->itemData(0).toLongLong();
    load(plan);
}

PlanEditor::PlanEditor(ClinicSession &session, const TreatmentPlan &plan, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
{
    setWindowTitle(tr("Edit Treatment Plan"));
    build();
    load(plan);
    m_patient->setLocked(true);
}

void PlanEditor::build()
{
    setObjectName(QStringLiteral("planEditor"));
    // A consent recorded for the plan elsewhere shows in its row; the fields being edited stay as typed.
    connect(&m_session, &ClinicSession::changed, this, [this](const ChangeSet &changes) {
        if (m_plan.id <= 0 || !changes.touchesPlan(m_plan.id))
            return;
        if (auto stored = m_session.service<TreatmentPlanRepository>().find(m_plan.id)) {
            m_plan.consentFormVersion = stored.value().consentFormVersion;
            m_plan.consentDate = stored.value().consentDate;
            m_plan.consentRecordedBy = stored.value().consentRecordedBy;
            showConsent();
        }
    });
    m_patient = new PatientPicker(m_session, this);
    m_patient->setObjectName(QStringLiteral("planPatient"));
    m_type = new QComboBox(this);
    m_practitioner = new QComboBox(this);
    m_practitioner->addItem(tr("Any practitioner"), 0);
    if (auto setup = m_session.service<ScheduleSetupCache>().get()) {
        for (const Practitioner &p : setup.value().practitioners()) {
            if (p.active)
                m_practitioner->addItem(p.displayName, p.id);
        }
    }
    if (auto types = m_session.service<ClinicRepository>().appointmentTypes()) {
        for (const AppointmentType &type : types.value()) {
            if (type.isTreatment)
                m_type->addItem(type.name, type.id);
        }
    }
    m_sessions = new QSpinBox(this);
    m_sessions->setObjectName(QStringLiteral("plannedSessions"));
    m_sessions->setRange(0, TreatmentPlan::maxSessions);
    m_minWeeks = new QSpinBox(this);
    m_minWeeks->setObjectName(QStringLiteral("minWeeks"));
    m_maxWeeks = new QSpinBox(this);
    m_maxWeeks->setObjectName(QStringLiteral("maxWeeks"));
    for (QSpinBox *weeks : {m_minWeeks, m_maxWeeks}) {
        weeks->setRange(0, TreatmentPlan::maxIntervalWeeks);
        weeks->setSuffix(tr(" weeks"));
    }
    auto *interval = new QHBoxLayout;
    interval->addWidget(m_minWeeks);
    interval->addWidget(new QLabel(tr("to"), this));
    interval->addWidget(m_maxWeeks);
    interval->addStretch();

    m_concerns = new QListWidget(this);
    m_concerns->setObjectName(QStringLiteral("planConcerns"));
    m_concerns->setMaximumHeight(110);
    if (auto concerns = m_session.service<TreatmentVocabulary>().concerns()) {
        for (const QString &concern : concerns.value()) {
            auto *item = new QListWidgetItem(concern, m_concerns);
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
            item->setCheckState(Qt::Unchecked);
        }
    }
    m_areas = new QTableWidget(0, 2, this);
    m_areas->setObjectName(QStringLiteral("planAreas"));
    m_areas->setHorizontalHeaderLabels({tr("Area"), tr("Planned depth")});
    m_areas->verticalHeader()->hide();
    m_areas->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_areas->setMaximumHeight(170);
    if (auto areas = m_session.service<TreatmentVocabulary>().areas()) {
        for (const TreatmentVocabulary::Area &area : areas.value())
            addAreaRow(area.name, area.defaultDepthMm.value_or(0.5));
    }
    auto *weekdays = new QHBoxLayout;
    const QLocale locale;
    for (int day = 1; day <= 7; ++day) {
        auto *box = new QCheckBox(locale.dayName(day, QLocale::ShortFormat), this);
        m_weekdays.append(box);
        weekdays->addWidget(box);
    }
    weekdays->addStretch();
    m_anyTime = new QCheckBox(tr("Any time"), this);
    m_from = new TimeField(QTime(9, 0), this);
    m_to = new TimeField(QTime(17, 0), this);
    for (QTimeEdit *edit : {m_from, m_to})
        edit->setDisplayFormat(QStringLiteral("HH:mm"));
    connect(m_anyTime, &QCheckBox::toggled, m_from, &QWidget::setDisabled);
    connect(m_anyTime, &QCheckBox::toggled, m_to, &QWidget::setDisabled);
    auto *times = new QHBoxLayout;
    times->addWidget(m_anyTime);
    times->addWidget(m_from);
    times->addWidget(new QLabel(tr("to"), this));
    times->addWidget(m_to);
    times->addStretch();
    m_goals = new QPlainTextEdit(this);
    m_goals->setMaximumHeight(50);
    m_notes = new QPlainTextEdit(this);
    m_notes->setMaximumHeight(50);

    auto *form = new QFormLayout;
    form->addRow(tr("&Patient:"), m_patient);
    form->addRow(tr("Session &type:"), m_type);
    form->addRow(tr("&Lead practitioner:"), m_practitioner);
    form->addRow(tr("Planned &sessions:"), m_sessions);
    // A row holding a layout gets a label without a buddy, which would show its '&': give each one its first box.
    const auto addLayoutRow = [form, this](const QString &text, QLayout *row, QWidget *buddy) {
        auto *label = new QLabel(text, this);
        label->setBuddy(buddy);
        form->addRow(label, row);
    };
    addLayoutRow(tr("&Interval:"), interval, m_minWeeks);
    form->addRow(tr("&Concerns:"), m_concerns);
    form->addRow(tr("&Areas:"), m_areas);
    addLayoutRow(tr("Preferred &days:"), weekdays, m_weekdays.first());
    addLayoutRow(tr("Preferred ti&mes:"), times, m_anyTime);
    form->addRow(tr("&Goals:"), m_goals);
    form->addRow(tr("&Notes:"), m_notes);
    form->addRow(tr("Consent:"), buildConsent());

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("planMessage"));
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #a32d2d;"));
    m_message->hide();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_save = buttons->addButton(tr("Sa&ve Plan"), QDialogButtonBox::AcceptRole);
    m_save->setObjectName(QStringLiteral("savePlan"));
    m_save->setDefault(true);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_save, &QPushButton::clicked, this, &PlanEditor::save);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
}

void PlanEditor::addAreaRow(const QString &area, double depthMm)
{
    const int row = m_areas->rowCount();
    m_areas->insertRow(row);
    auto *name = new QTableWidgetItem(area);
    name->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
    name->setCheckState(Qt::Unchecked);
    m_areas->setItem(row, 0, name);
    auto *depth = new QDoubleSpinBox(m_areas);
    depth->setRange(0.0, 5.0);
    depth->setSingleStep(0.25);
    depth->setSuffix(tr(" mm"));
    depth->setValue(depthMm);
    m_areas->setCellWidget(row, 1, depth);
}

void PlanEditor::load(const TreatmentPlan &plan)
{
    m_plan = plan;
    m_patient->clear();
    if (plan.patientId > 0) {
        PatientSummary patient;
        patient.id = plan.patientId;
        patient.givenName = tr("Patient %1").arg(plan.patientId);
        if (auto found = m_session.service<PatientRepository>().find(plan.patientId)) {
            const Patient &record = found.value();
            patient.givenName = record.givenName;
            patient.familyName = record.familyName;
            patient.preferredName = record.preferredName;
            patient.birthDate = record.birthDate;
            patient.phone = record.phone;
        }
        m_patient->setPatient(patient);
    }
    m_type->setCurrentIndex(std::max(0, m_type->findData(plan.typeId)));
    m_practitioner->setCurrentIndex(std::max(0, m_practitioner->findData(plan.leadPractitionerId.value_or(0))));
    m_sessions->setValue(plan.plannedSessions);
    m_minWeeks->setValue(plan.intervalMinWeeks);
    m_maxWeeks->setValue(plan.intervalMaxWeeks);
    // A concern or area retired or renamed in Clinic Settings since the plan was made stays on the plan: it is
    // listed (ticked) so saving the plan does not drop it.
    for (const QString &concern : plan.concerns) {
        if (m_concerns->findItems(concern, Qt::MatchFixedString).isEmpty()) {
            auto *item = new QListWidgetItem(concern, m_concerns);
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        }
    }
    for (int row = 0; row < m_concerns->count(); ++row) {
        QListWidgetItem *item = m_concerns->item(row);
        item->setCheckState(plan.concerns.contains(item->text(), Qt::CaseInsensitive) ? Qt::Checked : Qt::Unchecked);
    }
    for (const PlanArea &area : plan.areas) {
        if (m_areas->findItems(area.area, Qt::MatchFixedString).isEmpty())
            addAreaRow(area.area, area.plannedDepthMm.value_or(0.5));
        const auto found = m_areas->findItems(area.area, Qt::MatchFixedString);
        found.first()->setCheckState(Qt::Checked);
        if (auto *depth = qobject_cast<QDoubleSpinBox *>(m_areas->cellWidget(found.first()->row(), 1));
            depth && area.plannedDepthMm)
            depth->setValue(*area.plannedDepthMm);
    }
    for (int day = 0; day < 7; ++day)
        m_weekdays.at(day)->setChecked(plan.preferredWeekdays & (1 << day));
    m_anyTime->setChecked(!plan.preferredStartMin);
    if (plan.preferredStartMin) {
        m_from->setTime(QTime(0, 0).addSecs(60 * *plan.preferredStartMin));
        m_to->setTime(QTime(0, 0).addSecs(60 * std::min(*plan.preferredEndMin, 24 * 60 - 1)));
    }
    m_goals->setPlainText(plan.goals);
    m_notes->setPlainText(plan.notes);
    showConsent();
}

QWidget *PlanEditor::buildConsent()
{
    auto *consent = new QWidget(this);
    m_consentStatus = new QLabel(consent);
    m_consentStatus->setObjectName(QStringLiteral("consentStatus"));
    m_consentStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_recordConsent = new QPushButton(tr("Record C&onsent…"), consent);
    m_recordConsent->setObjectName(QStringLiteral("recordConsent"));
    connect(m_recordConsent, &QPushButton::clicked, this, &PlanEditor::openConsentForm);

    m_consentForm = new QFrame(consent);
    m_consentForm->setObjectName(QStringLiteral("consentForm"));
    m_consentForm->setFrameShape(QFrame::StyledPanel);
    m_consentVersion = new QLineEdit(m_consentForm);
    m_consentVersion->setObjectName(QStringLiteral("consentVersion"));
    m_consentVersion->setMaxLength(TreatmentPlanRepository::maxConsentFormVersionLength);
    m_consentVersion->setPlaceholderText(tr("e.g. MN-2026-1"));
    m_consentVersion->setMinimumWidth(m_consentVersion->fontMetrics().horizontalAdvance(QLatin1Char('M')) * 12);
    m_consentDate = new DateField(m_consentForm);
    m_consentDate->setObjectName(QStringLiteral("consentDate"));
    m_consentConfirm = new QPushButton(tr("Record"), m_consentForm);
    m_consentConfirm->setObjectName(QStringLiteral("confirmConsent"));
    auto *cancel = new QPushButton(tr("Don't Record"), m_consentForm);
    connect(m_consentConfirm, &QPushButton::clicked, this, &PlanEditor::recordConsent);
    connect(cancel, &QPushButton::clicked, this, [this] { setConsentFormOpen(false); });
    auto *versionLabel = new QLabel(tr("Fo&rm version:"), m_consentForm);
    versionLabel->setBuddy(m_consentVersion);
    auto *dateLabel = new QLabel(tr("Sign&ed on:"), m_consentForm);
    dateLabel->setBuddy(m_consentDate);
    auto *fields = new QHBoxLayout;
    fields->addWidget(versionLabel);
    fields->addWidget(m_consentVersion, 1);
    fields->addSpacing(8);
    fields->addWidget(dateLabel);
    fields->addWidget(m_consentDate);
    auto *actions = new QHBoxLayout;
    actions->addStretch();
    actions->addWidget(m_consentConfirm);
    actions->addWidget(cancel);
    auto *formLayout = new QVBoxLayout(m_consentForm);
    formLayout->setContentsMargins(8, 6, 8, 6);
    formLayout->addLayout(fields);
    formLayout->addLayout(actions);
    m_consentForm->hide();

    auto *button = new QHBoxLayout;
    button->addWidget(m_recordConsent);
    button->addStretch();
    auto *layout = new QVBoxLayout(consent);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_consentStatus);
    layout->addLayout(button);
    layout->addWidget(m_consentForm);
    return consent;
}

QString PlanEditor::consentText(const TreatmentPlan &plan)
{
    if (!plan.consentDate.isValid())
        return tr("Not recorded");
    const QString signedText =
        tr("Form %1, signed %2").arg(plan.consentFormVersion, plan.consentDate.toString(Qt::ISODate));
    return plan.consentRecordedBy.isEmpty() ? signedText
                                            : tr("%1 (recorded by %2)").arg(signedText, plan.consentRecordedBy);
}

void PlanEditor::showConsent()
{
    m_consentStatus->setText(consentText(m_plan));
    const bool stored = m_plan.id > 0;
    m_recordConsent->setEnabled(stored);
    m_recordConsent->setToolTip(stored ? tr("Record the consent form the patient signed for this plan")
                                       : tr("Save the plan first, then record its consent."));
}

void PlanEditor::openConsentForm()
{
    QString version = m_plan.consentFormVersion;
    QDate today = m_session.clock().now().toUTC().date();
    if (auto setup = m_session.service<ScheduleSetupCache>().get()) {
        if (!setup.value().settings().consentFormVersion.isEmpty())
            version = setup.value().settings().consentFormVersion;
        today = setup.value().time().localDate(m_session.clock().now().toSecsSinceEpoch());
    }
    m_consentVersion->setText(version);
    m_consentDate->setDate(today);
    setConsentFormOpen(true);
    m_consentVersion->setFocus();
    m_consentVersion->selectAll();
}

void PlanEditor::recordConsent()
{
    TreatmentPlanRepository &plans = m_session.service<TreatmentPlanRepository>();
    if (Status recorded = plans.recordConsent(m_plan.id, m_consentVersion->text(), m_consentDate->date()); !recorded) {
        m_message->setText(recorded.error().message());
        m_message->show();
        return;
    }
    if (auto stored = plans.find(m_plan.id)) {
        m_plan.consentFormVersion = stored.value().consentFormVersion;
        m_plan.consentDate = stored.value().consentDate;
        m_plan.consentRecordedBy = stored.value().consentRecordedBy;
    }
    m_message->hide();
    setConsentFormOpen(false);
    showConsent();
}

void PlanEditor::setConsentFormOpen(bool open)
{
    m_consentForm->setVisible(open);
    m_recordConsent->setVisible(!open);
    // Enter in the open form records the consent rather than saving the plan.
    m_consentConfirm->setDefault(open);
    m_save->setDefault(!open);
    if (!open)
        m_recordConsent->setFocus();
}

TreatmentPlan PlanEditor::currentPlan() const
{
    TreatmentPlan plan = m_plan;
    plan.patientId = m_patient->patientId();
    plan.typeId = m_type->currentData().toLongLong();
    const qint64 lead = m_practitioner->currentData().toLongLong();
    plan.leadPractitionerId = lead > 0 ? std::optional<qint64>(lead) : std::nullopt;
    plan.plannedSessions = m_sessions->value();
    plan.intervalMinWeeks = m_minWeeks->value();
    plan.intervalMaxWeeks = m_maxWeeks->value();
    plan.concerns.clear();
    for (int row = 0; row < m_concerns->count(); ++row) {
        if (m_concerns->item(row)->checkState() == Qt::Checked)
            plan.concerns.append(m_concerns->item(row)->text());
    }
    plan.areas.clear();
    for (int row = 0; row < m_areas->rowCount(); ++row) {
        if (m_areas->item(row, 0)->checkState() != Qt::Checked)
            continue;
        const auto *depth = qobject_cast<QDoubleSpinBox *>(m_areas->cellWidget(row, 1));
        plan.areas.append(
            {m_areas->item(row, 0)->text(), depth ? std::optional<double>(depth->value()) : std::nullopt});
    }
    plan.preferredWeekdays = 0;
    for (int day = 0; day < 7; ++day)
        plan.preferredWeekdays |= m_weekdays.at(day)->isChecked() ? (1 << day) : 0;
    plan.preferredStartMin.reset();
    plan.preferredEndMin.reset();
    if (!m_anyTime->isChecked()) {
        plan.preferredStartMin = m_from->time().msecsSinceStartOfDay() / 60000;
        plan.preferredEndMin = m_to->time().msecsSinceStartOfDay() / 60000;
    }
    plan.goals = m_goals->toPlainText();
    plan.notes = m_notes->toPlainText();
    return plan;
}

void PlanEditor::save()
{
    TreatmentPlanRepository &plans = m_session.service<TreatmentPlanRepository>();
    TreatmentPlan plan = currentPlan();
    Status saved;
    if (plan.id == 0) {
        auto created = plans.create(plan);
        if (created)
            plan = created.value();
        else
            saved = created.error();
    } else {
        saved = plans.update(plan);
    }
    if (!saved) {
        m_message->setText(saved.error().message());
        m_message->show();
        return;
    }
    m_plan = plan;
    accept();
}

} // namespace dermdesk::ui
