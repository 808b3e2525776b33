#pragma once

#include "clinic/ClinicSettings.h"
#include "ui/settings/SettingsFormPage.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace dermdesk::ui {

class TimeZoneBox;
class WeeklyHoursEditor;

// The clinic as a whole: name, address, phone, email, time zone, schedule grid, how long screening stays
// valid, the paper of its printouts (Automatic names the paper it resolves to), and opening hours per weekday (closed,
// or open from–to). Save writes them in one audited transaction (the treatment-plan defaults, edited on their own page,
// are kept as stored); a refusal is shown in red naming the field. Changing the time zone asks first, because every
// stored appointment keeps its instant and so shows at a different local time.
class ClinicPage : public SettingsFormPage
{
    Q_OBJECT

public:
    explicit ClinicPage(const SettingsContext &context, QWidget *parent = nullptr);

    void reload() override;
    bool save() override;
    [[nodiscard]] bool changedElsewhere() const override;
    // True when there are no unsaved edits or the person agrees to drop them.
    bool confirmDiscard();

    [[nodiscard]] QLineEdit *nameEdit() const { return m_name; }
    [[nodiscard]] QLineEdit *emailEdit() const { return m_email; }
    [[nodiscard]] TimeZoneBox *timeZoneBox() const { return m_timeZone; }
    [[nodiscard]] QComboBox *slotBox() const { return m_slot; }
    // Caution or stop for treatment sessions without valid screening (ClinicSettings::unscreenedPolicy).
    [[nodiscard]] QComboBox *unscreenedBox() const { return m_unscreened; }
    [[nodiscard]] WeeklyHoursEditor *openingHoursEditor() const { return m_hours; }
    [[nodiscard]] QComboBox *paperBox() const { return m_paper; }

private:
    void updateZoneHint();
    void updateAutomaticPaper();
    void showError(const Error &error);

    // The settings as last loaded: what the fields started from.
    ClinicSettings m_loaded;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_address = nullptr;
    QLineEdit *m_phone = nullptr;
    QLineEdit *m_email = nullptr;
    TimeZoneBox *m_timeZone = nullptr;
    QLabel *m_zoneHint = nullptr;
    QComboBox *m_slot = nullptr;
    QSpinBox *m_screeningDays = nullptr;
    QComboBox *m_paper = nullptr;
    QComboBox *m_unscreened = nullptr;
    WeeklyHoursEditor *m_hours = nullptr;
};

} // namespace dermdesk::ui
