#pragma once

#include "patients/ContraindicationRule.h"
#include "patients/ScreeningQuestion.h"
#include "ui/settings/ItemListPage.h"

class QCheckBox;
class QComboBox;
class QLineEdit;
class QSpinBox;

namespace dermdesk::ui {

// The clinic's contraindication rules: for a "yes" to a screening question, whether a treatment session is
// stopped or needs an acknowledged caution, and for how many days after the answer's date it applies.
// Rules are data the clinic edits here; a rule no longer wanted is made inactive, never deleted.
class ScreeningRulesPage : public ItemListPage
{
    Q_OBJECT

public:
    explicit ScreeningRulesPage(const SettingsContext &context, QWidget *parent = nullptr);

    [[nodiscard]] QLineEdit *nameEdit() const { return m_name; }
    [[nodiscard]] QComboBox *questionBox() const { return m_question; }
    [[nodiscard]] QComboBox *kindBox() const { return m_kind; }
    [[nodiscard]] QCheckBox *lookbackBox() const { return m_hasLookback; }
    [[nodiscard]] QSpinBox *lookbackDays() const { return m_lookbackDays; }
    [[nodiscard]] QCheckBox *activeBox() const { return m_active; }

protected:
    Result<QList<Entry>> loadEntries() override;
    void showItem(qint64 id) override;
    Result<qint64> saveItem(qint64 id) override;
    [[nodiscard]] QString fieldLabel(const QString &field) const override;
    [[nodiscard]] QWidget *fieldWidget(const QString &field) const override;

private:
    [[nodiscard]] static QString entryText(const ContraindicationRule &rule);

    QList<ContraindicationRule> m_rules;
    QList<ScreeningQuestion> m_questions;
    QLineEdit *m_name = nullptr;
    QComboBox *m_question = nullptr;
    QComboBox *m_kind = nullptr;
    QCheckBox *m_hasLookback = nullptr;
    QSpinBox *m_lookbackDays = nullptr;
    QCheckBox *m_active = nullptr;
};

} // namespace dermdesk::ui
