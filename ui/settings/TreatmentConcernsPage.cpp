#include "ui/settings/TreatmentConcernsPage.h"

#include "session/ClinicSession.h"
#include "treatment/TreatmentVocabularyRepository.h"
#include "ui/widgets/Theme.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>

namespace dermdesk::ui {

TreatmentConcernsPage::TreatmentConcernsPage(const SettingsContext &context, QWidget *parent)
    : ItemListPage(context, tr("&Add Concern"), tr("New concern"), parent)
{
    setObjectName(QStringLiteral("treatmentConcernsPage"));
    auto *editor = new QWidget(this);
    m_name = new QLineEdit(editor);
    m_name->setObjectName(QStringLiteral("concernName"));
    m_name->setPlaceholderText(tr("e.g. enlarged pores"));
    m_name->setMaxLength(TreatmentVocabularyRepository::maxNameLength);
    m_origin = new QLabel(editor);
    m_origin->setObjectName(QStringLiteral("concernOrigin"));
    m_origin->setWordWrap(true);
    QPalette muted = m_origin->palette();
    muted.setColor(QPalette::WindowText, QColor(theme::mutedText));
    m_origin->setPalette(muted);
    m_active = new QCheckBox(tr("&Offered in new plans (untick to retire it; plans keep its name)"), editor);
    m_active->setObjectName(QStringLiteral("concernActive"));

    auto *form = new QFormLayout(editor);
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(QString(), m_origin);
    form->addRow(QString(), m_active);
    setEditor(editor);
    enableReordering();
    setInactiveHint(tr("Inactive: not offered for new plans; plans made with it keep its name."));

    connect(m_name, &QLineEdit::textEdited, this, &TreatmentConcernsPage::markDirty);
    connect(m_active, &QCheckBox::toggled, this, &TreatmentConcernsPage::markDirty);
    reload();
}

Result<QList<ItemListPage::Entry>> TreatmentConcernsPage::loadEntries()
{
    auto concerns = m_context.session.service<TreatmentVocabularyRepository>().concerns();
    if (!concerns)
        return concerns.error();
    m_concerns = concerns.value();
    QList<Entry> entries;
    for (const TreatmentConcern &concern : std::as_const(m_concerns))
        entries.append({concern.id, concern.name, QString(), concern.active});
    return entries;
}

void TreatmentConcernsPage::showItem(qint64 id)
{
    TreatmentConcern shown;
    for (const TreatmentConcern &concern : std::as_const(m_concerns)) {
        if (concern.id == id)
            shown = concern;
    }
    m_name->setText(shown.name);
    m_active->setChecked(shown.active);
    if (id == 0)
        m_origin->setText(tr("Added last to the plan editor's list; move it with Move Up."));
    else if (shown.fromGuide)
        m_origin->setText(tr("One of the guide's concerns. Renaming it changes the list, not plans already made."));
    else
        m_origin->setText(tr("Added by the clinic. Renaming it changes the list, not plans already made."));
}

Result<qint64> TreatmentConcernsPage::saveItem(qint64 id)
{
    TreatmentConcern concern;
    for (const TreatmentConcern &existing : std::as_const(m_concerns)) {
        if (existing.id == id)
            concern = existing;
    }
    concern.id = id;
    concern.name = m_name->text().trimmed();
    concern.active = m_active->isChecked();
    return m_context.session.service<TreatmentVocabularyRepository>().saveConcern(concern);
}

Status TreatmentConcernsPage::moveItem(qint64 id, int delta)
{
    return m_context.session.service<TreatmentVocabularyRepository>().moveConcern(id, delta);
}

QString TreatmentConcernsPage::fieldLabel(const QString &field) const
{
    return field == QLatin1String("name") ? tr("Name") : field;
}

QWidget *TreatmentConcernsPage::fieldWidget(const QString &) const
{
    return m_name;
}

} // namespace dermdesk::ui
