#include "ui/plans/SessionRecordDialog.h"

#include "calendar/ScheduleSetupCache.h"
#include "session/ClinicSession.h"
#include "treatment/DowntimeRepository.h"
#include "treatment/TreatmentPlanRepository.h"
#include "treatment/TreatmentSessionRepository.h"
#include "treatment/TreatmentVocabulary.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace dermdesk::ui {

SessionRecordDialog::SessionRecordDialog(ClinicSession &session, qint64 appointmentId, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
{
    setObjectName(QStringLiteral("sessionRecordDialog"));
    setWindowTitle(tr("Record Session"));
    m_title = new QLabel(this);
    m_title->setStyleSheet(QStringLiteral("font-weight: bold;"));
    m_previous = new QLabel(this);
    m_previous->setObjectName(QStringLiteral("previousSession"));
    m_previous->setWordWrap(true);
    m_previous->setStyleSheet(QStringLiteral("background: #f3f1ea; padding: 6px; border-radius: 4px;"));

    m_areas = new QTableWidget(0, 2, this);
    m_areas->setObjectName(QStringLiteral("sessionAreas"));
    m_areas->setHorizontalHeaderLabels({tr("Area"), tr("Needle depth")});
    m_areas->verticalHeader()->hide();
    m_areas->horizontalHeader()->setSectionResizeMode(AreaNameColumn, QHeaderView::Stretch);
    m_areas->setMinimumHeight(130);
    auto *addButton = new QPushButton(tr("&Add Area"), this);
    auto *removeButton = new QPushButton(tr("Remo&ve Area"), this);
    connect(addButton, &QPushButton::clicked, this, [this] { addArea(QString(), 0.5); });
    connect(removeButton, &QPushButton::clicked, this, [this] {
        if (m_areas->currentRow() >= 0)
            m_areas->removeRow(m_areas->currentRow());
        updateDowntime();
    });
    m_downtime = new QLabel(this);
    m_downtime->setObjectName(QStringLiteral("expectedDowntime"));

    m_device = new QLineEdit(this);
    m_lot = new QLineEdit(this);
    m_numbing = new QLineEdit(this);
    m_products = new QLineEdit(this);
    m_reaction = new QComboBox(this);
    for (SkinReaction reaction : SessionRecord::reactions())
        m_reaction->addItem(SessionRecord::reactionLabel(reaction), int(reaction));
    m_practitioner = new QComboBox(this);
    m_notes = new QPlainTextEdit(this);
    m_notes->setMaximumHeight(70);
    auto *form = new QFormLayout;
    form->addRow(tr("&Device:"), m_device);
    form->addRow(tr("Cartridge &lot:"), m_lot);
    form->addRow(tr("N&umbing:"), m_numbing);
    form->addRow(tr("&Products applied:"), m_products);
    form->addRow(tr("Skin &reaction:"), m_reaction);
    form->addRow(tr("Prac&titioner:"), m_practitioner);
    form->addRow(tr("&Notes:"), m_notes);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("recordMessage"));
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #a32d2d;"));
    m_message->hide();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_save = buttons->addButton(tr("&Save Record"), QDialogButtonBox::AcceptRole);
    m_save->setObjectName(QStringLiteral("saveRecord"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_save, &QPushButton::clicked, this, &SessionRecordDialog::save);

    auto *areaButtons = new QHBoxLayout;
    areaButtons->addWidget(addButton);
    areaButtons->addWidget(removeButton);
    areaButtons->addStretch();
    areaButtons->addWidget(m_downtime);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_previous);
    layout->addWidget(m_areas);
    layout->addLayout(areaButtons);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    resize(560, 620);

    TreatmentSessionRepository &sessions = m_session.service<TreatmentSessionRepository>();
    auto record = sessions.forAppointment(appointmentId);
    auto setup = m_session.service<ScheduleSetupCache>().get();
    if (!record || !setup || !record.value()) {
        m_message->setText(!record  ? record.error().message()
                           : !setup ? setup.error().message()
                                    : tr("This appointment is not a session of a treatment plan."));
        m_message->show();
        m_save->setEnabled(false);
        return;
    }
    m_record = *record.value();
    for (const Practitioner &p : setup.value().practitioners()) {
        if (p.active || m_record->practitionerId == p.id)
            m_practitioner->addItem(p.displayName, p.id);
    }
    if (auto downtime = m_session.service<DowntimeRepository>().load())
        m_downtimeTable = downtime.value();
    if (auto vocabulary = m_session.service<TreatmentVocabulary>().areas()) {
        for (const TreatmentVocabulary::Area &area : vocabulary.value())
            m_areaNames.append(area.name);
    }
    m_title->setText(tr("Session %1 of %2").arg(m_record->sequence).arg(m_record->plannedSessions));

    auto previous = sessions.previousRecord(m_record->planId, m_record->sequence);
    if (previous && previous.value()) {
        const SessionRecord &p = *previous.value();
        m_previous->setText(tr("Previous session (%1): %2. Reaction: %3.%4")
                                .arg(p.sequence)
                                .arg(p.areasText(), SessionRecord::reactionLabel(p.reaction).toLower(),
                                     p.notes.isEmpty() ? QString() : tr(" Notes: %1").arg(p.notes)));
    } else {
        m_previous->setText(tr("No earlier session is recorded for this plan."));
    }

    // Saved values, or the plan's planned areas and depths for a first record.
    const SessionRecord &r = *m_record;
    if (!r.areas.isEmpty()) {
        for (const SessionArea &area : r.areas)
            addArea(area.area, area.depthMm);
    } else if (auto plan = m_session.service<TreatmentPlanRepository>().find(r.planId)) {
        for (const PlanArea &area : plan.value().areas)
            addArea(area.area, area.plannedDepthMm.value_or(0.5));
    }
    m_device->setText(r.device);
    m_lot->setText(r.cartridgeLot);
    m_numbing->setText(r.numbing);
    m_products->setText(r.products);
    m_notes->setPlainText(r.notes);
    if (r.reaction != SkinReaction::Unrecorded)
        m_reaction->setCurrentIndex(m_reaction->findData(int(r.reaction)));
    if (r.practitionerId)
        m_practitioner->setCurrentIndex(std::max(0, m_practitioner->findData(*r.practitionerId)));
    updateDowntime();
}

void SessionRecordDialog::addArea(const QString &name, double depthMm)
{
    const int row = m_areas->rowCount();
    m_areas->insertRow(row);
    auto *area = new QComboBox(m_areas);
    area->setEditable(true);
    area->addItems(m_areaNames);
    area->setCurrentText(name);
    m_areas->setCellWidget(row, AreaNameColumn, area);
    auto *depth = new QDoubleSpinBox(m_areas);
    // Wider than the allowed range, so an out-of-range depth is refused by name instead of clamped silently.
    depth->setRange(0.0, 5.0);
    depth->setSingleStep(0.25);
    depth->setDecimals(2);
    depth->setSuffix(tr(" mm"));
    depth->setValue(depthMm);
    m_areas->setCellWidget(row, DepthColumn, depth);
    connect(depth, &QDoubleSpinBox::valueChanged, this, &SessionRecordDialog::updateDowntime);
    updateDowntime();
}

SessionRecord SessionRecordDialog::currentRecord() const
{
    SessionRecord record = m_record.value_or(SessionRecord{});
    record.areas.clear();
    for (int row = 0; row < m_areas->rowCount(); ++row) {
        const auto *area = qobject_cast<QComboBox *>(m_areas->cellWidget(row, AreaNameColumn));
        const auto *depth = qobject_cast<QDoubleSpinBox *>(m_areas->cellWidget(row, DepthColumn));
        if (area && depth && !area->currentText().trimmed().isEmpty())
            record.areas.append({area->currentText().trimmed(), depth->value()});
    }
    record.device = m_device->text();
    record.cartridgeLot = m_lot->text();
    record.numbing = m_numbing->text();
    record.products = m_products->text();
    record.reaction = SkinReaction(m_reaction->currentData().toInt());
    record.notes = m_notes->toPlainText();
    if (m_practitioner->currentIndex() >= 0)
        record.practitionerId = m_practitioner->currentData().toLongLong();
    return record;
}

void SessionRecordDialog::updateDowntime()
{
    const double deepest = currentRecord().deepestDepthMm();
    const QString label = m_downtimeTable.labelFor(deepest);
    m_downtime->setText(label.isEmpty() ? QString()
                                        : tr("Expected downtime: <b>%1</b> (deepest %2)")
                                              .arg(label.toHtmlEscaped(), TreatmentPlan::depthText(deepest)));
}

void SessionRecordDialog::save()
{
    if (!m_record)
        return;
    if (Status saved = m_session.service<TreatmentSessionRepository>().record(currentRecord()); !saved) {
        m_message->setText(saved.error().message());
        m_message->show();
        return;
    }
    accept();
}

} // namespace dermdesk::ui
