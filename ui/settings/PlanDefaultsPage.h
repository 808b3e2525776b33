#pragma once

#include "clinic/ClinicSettings.h"
#include "ui/settings/SettingsFormPage.h"

class QLineEdit;
class QSpinBox;

namespace dermdesk::ui {

// The clinic's treatment-plan defaults: the number of sessions and the interval window (weeks) a new plan starts
// with, how many days ahead the recall list looks, and the consent form version new consents are recorded
// against. Saved with the clinic's settings (ClinicRepository::saveSettings, one audited transaction), reading
// the other settings fresh so an edit on the Clinic page is not undone; a refusal names the field, nothing saved.
class PlanDefaultsPage : public SettingsFormPage
{
    Q_OBJECT

public:
    explicit PlanDefaultsPage(const SettingsContext &context, QWidget *parent = nullptr);

    void reload() override;
    bool save() override;
    [[nodiscard]] bool changedElsewhere() const override;

    [[nodiscard]] QSpinBox *sessionsBox() const { return m_sessions; }
    [[nodiscard]] QSpinBox *minWeeksBox() const { return m_minWeeks; }
    [[nodiscard]] QSpinBox *maxWeeksBox() const { return m_maxWeeks; }
    [[nodiscard]] QSpinBox *recallDaysBox() const { return m_recallDays; }
    [[nodiscard]] QLineEdit *consentEdit() const { return m_consent; }

private:
    void showError(const Error &error);

    // The settings as last loaded: what the fields started from.
    ClinicSettings m_loaded;
    QSpinBox *m_sessions = nullptr;
    QSpinBox *m_minWeeks = nullptr;
    QSpinBox *m_maxWeeks = nullptr;
    QSpinBox *m_recallDays = nullptr;
    QLineEdit *m_consent = nullptr;
};

} // namespace dermdesk::ui
