#include "ui/settings/TreatmentAreasPage.h"

#include "session/ClinicSession.h"
#include "treatment/TreatmentPlan.h"
#include "treatment/TreatmentVocabularyRepository.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>

namespace dermdesk::ui {

namespace {
// What the depth box shows for an area without a suggested depth, when the person ticks the box.
constexpr double fallbackDepthMm = 0.5;
} // namespace

TreatmentAreasPage::TreatmentAreasPage(const SettingsContext &context, QWidget *parent)
    : ItemListPage(context, tr("&Add Area"), tr("New treatment area"), parent)
{
    setObjectName(QStringLiteral("treatmentAreasPage"));
    auto *editor = new QWidget(this);
    m_name = new QLineEdit(editor);
    m_name->setObjectName(QStringLiteral("areaName"));
    m_name->setPlaceholderText(tr("e.g. scalp"));
    m_name->setMaxLength(TreatmentVocabularyRepository::maxNameLength);
    m_hasDepth = new QCheckBox(tr("Suggest"), editor);
    m_hasDepth->setObjectName(QStringLiteral("areaHasDepth"));
    m_depth = new QDoubleSpinBox(editor);
    m_depth->setObjectName(QStringLiteral("areaDepth"));
    m_depth->setRange(TreatmentPlan::minDepthMm, TreatmentPlan::maxDepthMm);
    m_depth->setSingleStep(0.25);
    m_depth->setDecimals(2);
    m_depth->setSuffix(tr(" mm"));
    auto *depthNote = new QLabel(tr("for a new plan (%1 to %2)")
                                     .arg(TreatmentPlan::depthText(TreatmentPlan::minDepthMm),
                                          TreatmentPlan::depthText(TreatmentPlan::maxDepthMm)),
                                 editor);
    auto *depth = new QHBoxLayout;
    depth->addWidget(m_hasDepth);
    depth->addWidget(m_depth);
    depth->addWidget(depthNote, 1);
    m_active =
        new QCheckBox(tr("&Offered in plans and session records (untick to retire it; records keep its name)"), editor);
    m_active->setObjectName(QStringLiteral("areaActive"));

    auto *form = new QFormLayout(editor);
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("&Name:"), m_name);
    auto *depthLabel = new QLabel(tr("Needle &depth:"), editor);
    depthLabel->setBuddy(m_hasDepth);
    form->addRow(depthLabel, depth);
    form->addRow(QString(), m_active);
    setEditor(editor);
    enableReordering();
    setInactiveHint(tr("Inactive: not offered any more; plans and session records keep its name."));

    connect(m_name, &QLineEdit::textEdited, this, &TreatmentAreasPage::markDirty);
    connect(m_hasDepth, &QCheckBox::toggled, this, [this](bool on) {
        m_depth->setEnabled(on);
        markDirty();
    });
    connect(m_depth, &QDoubleSpinBox::valueChanged, this, &TreatmentAreasPage::markDirty);
    connect(m_active, &QCheckBox::toggled, this, &TreatmentAreasPage::markDirty);
    reload();
}

Result<QList<ItemListPage::Entry>> TreatmentAreasPage::loadEntries()
{
    auto areas = m_context.session.service<TreatmentVocabularyRepository>().areas();
    if (!areas)
        return areas.error();
    m_areas = areas.value();
    QList<Entry> entries;
    for (const TreatmentAreaOption &area : std::as_const(m_areas)) {
        const QString text = area.defaultDepthMm
                                 ? tr("%1 (%2)").arg(area.name, TreatmentPlan::depthText(*area.defaultDepthMm))
                                 : area.name;
        entries.append({area.id, text, QString(), area.active});
    }
    return entries;
}

void TreatmentAreasPage::showItem(qint64 id)
{
    TreatmentAreaOption shown;
    for (const TreatmentAreaOption &area : std::as_const(m_areas)) {
        if (area.id == id)
            shown = area;
    }
    m_name->setText(shown.name);
    m_hasDepth->setChecked(shown.defaultDepthMm.has_value());
    m_depth->setValue(shown.defaultDepthMm.value_or(fallbackDepthMm));
    m_depth->setEnabled(shown.defaultDepthMm.has_value());
    m_active->setChecked(shown.active);
}

Result<qint64> TreatmentAreasPage::saveItem(qint64 id)
{
    TreatmentAreaOption area;
    for (const TreatmentAreaOption &existing : std::as_const(m_areas)) {
        if (existing.id == id)
            area = existing;
    }
    area.id = id;
    area.name = m_name->text().trimmed();
    area.defaultDepthMm = m_hasDepth->isChecked() ? std::optional<double>(m_depth->value()) : std::nullopt;
    area.active = m_active->isChecked();
    return m_context.session.service<TreatmentVocabularyRepository>().saveArea(area);
}

Status TreatmentAreasPage::moveItem(qint64 id, int delta)
{
    return m_context.session.service<TreatmentVocabularyRepository>().moveArea(id, delta);
}

QString TreatmentAreasPage::fieldLabel(const QString &field) const
{
    if (field == QLatin1String("name"))
        return tr("Name");
    if (field == QLatin1String("default_depth_mm"))
        return tr("Needle depth");
    return field;
}

QWidget *TreatmentAreasPage::fieldWidget(const QString &field) const
{
    return field == QLatin1String("default_depth_mm") ? static_cast<QWidget *>(m_depth) : m_name;
}

} // namespace dermdesk::ui
