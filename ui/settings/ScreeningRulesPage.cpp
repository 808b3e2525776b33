#include "ui/settings/ScreeningRulesPage.h"

#include "patients/ScreeningRepository.h"
#include "session/ClinicSession.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>

namespace dermdesk::ui {

namespace {
constexpr int defaultLookbackDays = 14;
} // namespace

ScreeningRulesPage::ScreeningRulesPage(const SettingsContext &context, QWidget *parent)
    : ItemListPage(context, tr("&Add Rule"), tr("New screening rule"), parent)
{
    setObjectName(QStringLiteral("screeningRulesPage"));
    auto *editor = new QWidget(this);
    m_name = new QLineEdit(editor);
    m_name->setObjectName(QStringLiteral("ruleName"));
    m_name->setPlaceholderText(tr("e.g. Isotretinoin within 180 days"));
    m_question = new QComboBox(editor);
    m_question->setObjectName(QStringLiteral("ruleQuestion"));
    m_kind = new QComboBox(editor);
    m_kind->setObjectName(QStringLiteral("ruleKind"));
    m_kind->addItem(tr("Stop: a treatment session cannot be booked"), int(ContraindicationRule::Kind::Stop));
    m_kind->addItem(tr("Caution: booking needs an acknowledgement with a reason"),
                    int(ContraindicationRule::Kind::Caution));
    m_hasLookback = new QCheckBox(tr("Only within"), editor);
    m_hasLookback->setObjectName(QStringLiteral("ruleHasLookback"));
    m_lookbackDays = new QSpinBox(editor);
    m_lookbackDays->setObjectName(QStringLiteral("ruleLookbackDays"));
    m_lookbackDays->setRange(1, 3650);
    m_lookbackDays->setSuffix(tr(" days"));
    auto *lookbackNote = new QLabel(tr("of the date the patient gave (last dose, procedure), counted to the "
                                       "appointment's date"),
                                    editor);
    lookbackNote->setWordWrap(true);
    auto *lookback = new QHBoxLayout;
    lookback->addWidget(m_hasLookback);
    lookback->addWidget(m_lookbackDays);
    lookback->addWidget(lookbackNote, 1);
    m_active = new QCheckBox(tr("In &use (untick to stop applying it; history is kept)"), editor);
    m_active->setObjectName(QStringLiteral("ruleActive"));

    auto *form = new QFormLayout(editor);
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("When the answer to:"), m_question);
    form->addRow(tr("is yes:"), m_kind);
    form->addRow(tr("Look-back:"), lookback);
    form->addRow(QString(), m_active);
    setEditor(editor);

    connect(m_name, &QLineEdit::textEdited, this, &ScreeningRulesPage::markDirty);
    connect(m_question, &QComboBox::activated, this, &ScreeningRulesPage::markDirty);
    connect(m_kind, &QComboBox::activated, this, &ScreeningRulesPage::markDirty);
    connect(m_hasLookback, &QCheckBox::toggled, this, [this](bool on) {
        m_lookbackDays->setEnabled(on);
        markDirty();
    });
    connect(m_lookbackDays, &QSpinBox::valueChanged, this, &ScreeningRulesPage::markDirty);
    connect(m_active, &QCheckBox::toggled, this, &ScreeningRulesPage::markDirty);
    reload();
}

QString ScreeningRulesPage::entryText(const ContraindicationRule &rule)
{
    return rule.kind == ContraindicationRule::Kind::Stop ? tr("%1 (stop)").arg(rule.name)
                                                         : tr("%1 (caution)").arg(rule.name);
}

Result<QList<ItemListPage::Entry>> ScreeningRulesPage::loadEntries()
{
    const ScreeningRepository &repository = m_context.session.service<ScreeningRepository>();
    auto questions = repository.questions();
    if (!questions)
        return questions.error();
    m_questions = questions.value();
    m_question->clear();
    for (const ScreeningQuestion &question : std::as_const(m_questions))
        m_question->addItem(question.question, question.id);
    auto rules = repository.rules();
    if (!rules)
        return rules.error();
    m_rules = rules.value();
    QList<Entry> entries;
    for (const ContraindicationRule &rule : std::as_const(m_rules))
        entries.append({rule.id, entryText(rule), QString(), rule.active});
    return entries;
}

void ScreeningRulesPage::showItem(qint64 id)
{
    ContraindicationRule shown;
    for (const ContraindicationRule &rule : std::as_const(m_rules)) {
        if (rule.id == id)
            shown = rule;
    }
    m_name->setText(shown.name);
    m_question->setCurrentIndex(qMax(0, m_question->findData(shown.questionId)));
    m_kind->setCurrentIndex(m_kind->findData(int(shown.kind)));
    m_hasLookback->setChecked(shown.lookbackDays.has_value());
    m_lookbackDays->setValue(shown.lookbackDays.value_or(defaultLookbackDays));
    m_lookbackDays->setEnabled(shown.lookbackDays.has_value());
    m_active->setChecked(shown.active);
}

Result<qint64> ScreeningRulesPage::saveItem(qint64 id)
{
    ContraindicationRule rule;
    rule.id = id;
    rule.name = m_name->text().trimmed();
    rule.questionId = m_question->currentData().toLongLong();
    rule.kind = ContraindicationRule::Kind(m_kind->currentData().toInt());
    if (m_hasLookback->isChecked())
        rule.lookbackDays = m_lookbackDays->value();
    rule.active = m_active->isChecked();
    return m_context.session.service<ScreeningRepository>().saveRule(rule);
}

QString ScreeningRulesPage::fieldLabel(const QString &field) const
{
    if (field == QLatin1String("name"))
        return tr("Name");
    if (field == QLatin1String("question_id"))
        return tr("Question");
    if (field == QLatin1String("lookback_days"))
        return tr("Look-back");
    return field;
}

QWidget *ScreeningRulesPage::fieldWidget(const QString &field) const
{
    if (field == QLatin1String("question_id"))
        return m_question;
    if (field == QLatin1String("lookback_days"))
        return m_lookbackDays;
    return m_name;
}

} // namespace dermdesk::ui
