#include "ui/settings/AppointmentTypesPage.h"

#include "clinic/ClinicRepository.h"
#include "session/ClinicSession.h"
#include "ui/settings/ColourPicker.h"
#include "ui/widgets/Theme.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>

#include <tuple>

namespace dermdesk::ui {

AppointmentTypesPage::AppointmentTypesPage(const SettingsContext &context, QWidget *parent)
    : ItemListPage(context, tr("&Add Appointment Type"), tr("New appointment type"), parent)
{
    setObjectName(QStringLiteral("appointmentTypesPage"));
    auto *editor = new QWidget(this);
    m_name = new QLineEdit(editor);
    m_name->setObjectName(QStringLiteral("typeName"));
    m_name->setPlaceholderText(tr("e.g. Microneedling – face"));
    // Ranges wider than the rules so that the repository's refusal, naming the field, is what the person sees.
    m_duration = minutesBox(600);
    m_duration->setObjectName(QStringLiteral("typeDuration"));
    m_prep = minutesBox(240);
    m_prep->setObjectName(QStringLiteral("typePrep"));
    m_prep->setToolTip(tr("Before the treatment, e.g. numbing cream; the visit starts with it."));
    m_cleanup = minutesBox(240);
    m_cleanup->setObjectName(QStringLiteral("typeCleanup"));
    m_cleanup->setToolTip(tr("After the visit: practitioner and room stay busy."));
    m_summary = new QLabel(editor);
    m_summary->setObjectName(QStringLiteral("typeSummary"));
    QPalette muted = m_summary->palette();
    muted.setColor(QPalette::WindowText, QColor(theme::mutedText));
    m_summary->setPalette(muted);
    m_colour = new ColourPicker(editor);
    m_treatment = new QCheckBox(tr("&Treatment session (screening rules apply when booking)"), editor);
    m_treatment->setObjectName(QStringLiteral("typeTreatment"));
    m_needsRoom = new QCheckBox(tr("Needs a r&oom"), editor);
    m_needsRoom->setObjectName(QStringLiteral("typeNeedsRoom"));
    m_active = new QCheckBox(tr("O&ffered for new bookings (untick to retire it; history is kept)"), editor);
    m_active->setObjectName(QStringLiteral("typeActive"));

    auto *form = new QFormLayout(editor);
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Duration:"), m_duration);
    form->addRow(tr("&Preparation:"), m_prep);
    form->addRow(tr("C&lean-up:"), m_cleanup);
    form->addRow(QString(), m_summary);
    form->addRow(tr("&Colour:"), m_colour);
    form->addRow(QString(), m_treatment);
    form->addRow(QString(), m_needsRoom);
    form->addRow(QString(), m_active);
    setEditor(editor);

    connect(m_name, &QLineEdit::textEdited, this, &AppointmentTypesPage::markDirty);
    for (QSpinBox *box : {m_duration, m_prep, m_cleanup}) {
        connect(box, &QSpinBox::valueChanged, this, &AppointmentTypesPage::markDirty);
        connect(box, &QSpinBox::valueChanged, this, &AppointmentTypesPage::updateSummary);
    }
    connect(m_colour, &ColourPicker::colourChanged, this, &AppointmentTypesPage::markDirty);
    for (QCheckBox *box : {m_treatment, m_needsRoom, m_active})
        connect(box, &QCheckBox::toggled, this, &AppointmentTypesPage::markDirty);
    reload();
}

QSpinBox *AppointmentTypesPage::minutesBox(int maximum)
{
    auto *box = new QSpinBox(this);
    box->setRange(0, maximum);
    box->setSingleStep(5);
    box->setSuffix(tr(" min"));
    box->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    box->setMinimumWidth(box->fontMetrics().horizontalAdvance(QStringLiteral("0000 min")) + 40);
    return box;
}

void AppointmentTypesPage::updateSummary()
{
    const int visit = m_prep->value() + m_duration->value();
    m_summary->setText(m_cleanup->value() > 0 ? tr("A visit lasts %1 min; practitioner and room are busy for %2 min.")
                                                    .arg(visit)
                                                    .arg(visit + m_cleanup->value())
                                              : tr("A visit lasts %1 min.").arg(visit));
}

Result<QList<ItemListPage::Entry>> AppointmentTypesPage::loadEntries()
{
    auto types = m_context.session.service<ClinicRepository>().appointmentTypes(true);
    if (!types)
        return types.error();
    m_types = types.value();
    QList<Entry> entries;
    for (const AppointmentType &type : std::as_const(m_types)) {
        entries.append({type.id, type.name, type.colour, type.active});
    }
    return entries;
}

void AppointmentTypesPage::showItem(qint64 id)
{
    AppointmentType shown;
    for (const AppointmentType &type : std::as_const(m_types)) {
        if (type.id == id)
            shown = type;
    }
    m_name->setText(shown.name);
    m_duration->setValue(shown.durationMin);
    m_prep->setValue(shown.prepMin);
    m_cleanup->setValue(shown.cleanupMin);
    m_colour->setColour(shown.colour);
    m_treatment->setChecked(shown.isTreatment);
    m_needsRoom->setChecked(shown.needsRoom);
    m_active->setChecked(shown.active);
    updateSummary();
}

Result<qint64> AppointmentTypesPage::saveItem(qint64 id)
{
    AppointmentType type;
    type.sortOrder = int(m_types.size());
    for (const AppointmentType &existing : std::as_const(m_types)) {
        if (existing.id == id)
            type = existing;
    }
    type.name = m_name->text().trimmed();
    type.durationMin = m_duration->value();
    type.prepMin = m_prep->value();
    type.cleanupMin = m_cleanup->value();
    type.colour = m_colour->colour();
    type.isTreatment = m_treatment->isChecked();
    type.needsRoom = m_needsRoom->isChecked();
    type.active = m_active->isChecked();
    return m_context.session.service<ClinicRepository>().saveAppointmentType(type);
}

bool AppointmentTypesPage::changedElsewhere(qint64 id) const
{
    return differs(m_context.session.service<ClinicRepository>().appointmentTypes(true), m_types, id,
                   [](const AppointmentType &a, const AppointmentType &b) {
                       return std::tie(a.name, a.durationMin, a.prepMin, a.cleanupMin, a.colour, a.isTreatment,
                                       a.needsRoom, a.active, a.sortOrder)
                              == std::tie(b.name, b.durationMin, b.prepMin, b.cleanupMin, b.colour, b.isTreatment,
                                          b.needsRoom, b.active, b.sortOrder);
                   });
}

QString AppointmentTypesPage::fieldLabel(const QString &field) const
{
    if (field == QLatin1String("name"))
        return tr("Name");
    if (field == QLatin1String("duration_min"))
        return tr("Duration");
    if (field == QLatin1String("prep_min"))
        return tr("Preparation");
    if (field == QLatin1String("cleanup_min"))
        return tr("Clean-up");
    if (field == QLatin1String("colour"))
        return tr("Colour");
    return field;
}

QWidget *AppointmentTypesPage::fieldWidget(const QString &field) const
{
    if (field == QLatin1String("duration_min"))
        return m_duration;
    if (field == QLatin1String("prep_min"))
        return m_prep;
    if (field == QLatin1String("cleanup_min"))
        return m_cleanup;
    if (field == QLatin1String("colour"))
        return m_colour->codeEdit();
    return m_name;
}

} // namespace dermdesk::ui
