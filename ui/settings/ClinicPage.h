#pragma once

#include "InlineError.h"
#include "SettingsContext.h"
#include "clinic/ClinicSettings.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace dermdesk::ui {

class TimeZoneBox;
class WeeklyHoursEditor;

// The clinic as a whole: name, address, phone, email, time zone, schedule grid, course and screening
// defaults, and opening hours per weekday (closed, or open from–to). Save writes it all in one audited
// transaction; a refusal is shown in red naming the field. Changing the time zone asks first, because every
// stored appointment keeps its instant and so shows at a different local time.
class ClinicPage : public QWidget
{
    Q_OBJECT

public:
    explicit ClinicPage(const SettingsContext &context, QWidget *parent = nullptr);

    // Reads the settings again (dropping unsaved edits).
    void reload();
    bool save();
    [[nodiscard]] bool isDirty() const { return m_dirty; }
    bool confirmDiscard();

    [[nodiscard]] QLineEdit *nameEdit() const { return m_name; }
    [[nodiscard]] QLineEdit *emailEdit() const { return m_email; }
    [[nodiscard]] TimeZoneBox *timeZoneBox() const { return m_timeZone; }
    [[nodiscard]] QComboBox *slotBox() const { return m_slot; }
    [[nodiscard]] WeeklyHoursEditor *openingHoursEditor() const { return m_hours; }
    [[nodiscard]] QPushButton *saveButton() const { return m_save; }
    [[nodiscard]] QString errorText() const;

signals:
    void saved();

private:
    void markDirty();
    void setDirty(bool dirty);
    void updateZoneHint();
    void showError(const Error &error);

    SettingsContext m_context;
    ClinicSettings m_loaded;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_address = nullptr;
    QLineEdit *m_phone = nullptr;
    QLineEdit *m_email = nullptr;
    TimeZoneBox *m_timeZone = nullptr;
    QLabel *m_zoneHint = nullptr;
    QComboBox *m_slot = nullptr;
    QSpinBox *m_sessions = nullptr;
    QSpinBox *m_screeningDays = nullptr;
    WeeklyHoursEditor *m_hours = nullptr;
    InlineError *m_error = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_revert = nullptr;
    bool m_dirty = false;
    bool m_loading = false;
};

} // namespace dermdesk::ui
