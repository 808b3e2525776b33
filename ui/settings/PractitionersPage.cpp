#include "ui/settings/PractitionersPage.h"

#include "clinic/ClinicRepository.h"
#include "session/ClinicSession.h"
#include "ui/settings/ColourPicker.h"
#include "ui/settings/TypeChecklist.h"
#include "ui/settings/WeeklyHoursEditor.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QLineEdit>

#include <tuple>

namespace dermdesk::ui {

PractitionersPage::PractitionersPage(const SettingsContext &context, QWidget *parent)
    : ItemListPage(context, tr("&Add Practitioner"), tr("New practitioner"), parent)
{
    setObjectName(QStringLiteral("practitionersPage"));
    auto *editor = new QWidget(this);
    m_name = new QLineEdit(editor);
    m_name->setObjectName(QStringLiteral("practitionerName"));
    m_name->setPlaceholderText(tr("e.g. Dr. Connie Hiers"));
    m_title = new QLineEdit(editor);
    m_title->setObjectName(QStringLiteral("practitionerTitle"));
    m_title->setPlaceholderText(tr("e.g. Dermatologist, Aesthetic nurse"));
    m_colour = new ColourPicker(editor);
    m_hours = new WeeklyHoursEditor(WeeklyHoursEditor::Breaks::Shown, editor);
    m_hours->setObjectName(QStringLiteral("practitionerHours"));
    m_types = new TypeChecklist(editor);
    m_active = new QCheckBox(tr("Takes &bookings (untick when the practitioner leaves; history is kept)"), editor);
    m_active->setObjectName(QStringLiteral("practitionerActive"));

    auto *form = new QFormLayout(editor);
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Title:"), m_title);
    form->addRow(tr("&Colour:"), m_colour);
    form->addRow(tr("Working &hours:"), m_hours);
    form->addRow(tr("&Performs:"), m_types);
    form->addRow(QString(), m_active);
    setEditor(editor);

    connect(m_name, &QLineEdit::textEdited, this, &PractitionersPage::markDirty);
    connect(m_title, &QLineEdit::textEdited, this, &PractitionersPage::markDirty);
    connect(m_colour, &ColourPicker::colourChanged, this, &PractitionersPage::markDirty);
    connect(m_hours, &WeeklyHoursEditor::changed, this, &PractitionersPage::markDirty);
    connect(m_types, &TypeChecklist::checkedChanged, this, &PractitionersPage::markDirty);
    connect(m_active, &QCheckBox::toggled, this, &PractitionersPage::markDirty);
    reload();
}

Result<QList<ItemListPage::Entry>> PractitionersPage::loadEntries()
{
    const ClinicRepository &repository = m_context.session.service<ClinicRepository>();
    auto types = repository.appointmentTypes(true);
    if (!types)
        return types.error();
    m_types->setTypes(types.value());
    auto practitioners = repository.practitioners(true);
    if (!practitioners)
        return practitioners.error();
    m_practitioners = practitioners.value();
    QList<Entry> entries;
    for (const Practitioner &p : std::as_const(m_practitioners)) {
        entries.append({p.id, p.displayName, p.colour, p.active});
    }
    return entries;
}

void PractitionersPage::showItem(qint64 id)
{
    Practitioner shown;
    shown.sortOrder = int(m_practitioners.size());
    for (const Practitioner &p : std::as_const(m_practitioners)) {
        if (p.id == id)
            shown = p;
    }
    m_name->setText(shown.displayName);
    m_title->setText(shown.title);
    m_colour->setColour(shown.colour);
    m_hours->setDays(WorkingDay::fromSpans(shown.hours));
    m_types->setCheckedIds(shown.typeIds);
    m_active->setChecked(shown.active);
}

Result<qint64> PractitionersPage::saveItem(qint64 id)
{
    Practitioner practitioner;
    practitioner.sortOrder = int(m_practitioners.size());
    for (const Practitioner &p : std::as_const(m_practitioners)) {
        if (p.id == id)
            practitioner = p;
    }
    practitioner.displayName = m_name->text().trimmed();
    practitioner.title = m_title->text().trimmed();
    practitioner.colour = m_colour->colour();
    practitioner.typeIds = m_types->checkedIds();
    practitioner.active = m_active->isChecked();
    const auto hours = WorkingDay::toSpans(m_hours->days(), QStringLiteral("hours"));
    if (!hours)
        return hours.error();
    practitioner.hours = hours.value();
    return m_context.session.service<ClinicRepository>().savePractitioner(practitioner);
}

bool PractitionersPage::changedElsewhere(qint64 id) const
{
    return differs(m_context.session.service<ClinicRepository>().practitioners(true), m_practitioners, id,
                   [](const Practitioner &a, const Practitioner &b) {
                       return std::tie(a.displayName, a.title, a.colour, a.active, a.sortOrder, a.hours, a.typeIds)
                              == std::tie(b.displayName, b.title, b.colour, b.active, b.sortOrder, b.hours, b.typeIds);
                   });
}

QString PractitionersPage::fieldLabel(const QString &field) const
{
    if (field == QLatin1String("display_name"))
        return tr("Name");
    if (field == QLatin1String("colour"))
        return tr("Colour");
    if (field == QLatin1String("hours"))
        return tr("Working hours");
    if (field == QLatin1String("types"))
        return tr("Performs");
    return field;
}

QWidget *PractitionersPage::fieldWidget(const QString &field) const
{
    if (field == QLatin1String("colour"))
        return m_colour->codeEdit();
    if (field == QLatin1String("hours"))
        return m_hours;
    if (field == QLatin1String("types"))
        return m_types;
    return m_name;
}

} // namespace dermdesk::ui
