#pragma once

#include "clinic/AppointmentType.h"
#include "ui/settings/ItemListPage.h"

class QCheckBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace dermdesk::ui {

class ColourPicker;

// Appointment types: name, duration, preparation before (numbing), clean-up after, colour, treatment
// session or not, whether it needs a room, active. A summary line shows how long the visit blocks the room.
class AppointmentTypesPage : public ItemListPage
{
    Q_OBJECT

public:
    explicit AppointmentTypesPage(const SettingsContext &context, QWidget *parent = nullptr);

    [[nodiscard]] QLineEdit *nameEdit() const { return m_name; }
    [[nodiscard]] QSpinBox *durationBox() const { return m_duration; }
    [[nodiscard]] QSpinBox *prepBox() const { return m_prep; }
    [[nodiscard]] QSpinBox *cleanupBox() const { return m_cleanup; }
    [[nodiscard]] QCheckBox *treatmentBox() const { return m_treatment; }
    [[nodiscard]] QCheckBox *activeBox() const { return m_active; }

protected:
    Result<QList<Entry>> loadEntries() override;
    void showItem(qint64 id) override;
    Result<qint64> saveItem(qint64 id) override;
    [[nodiscard]] QString fieldLabel(const QString &field) const override;
    [[nodiscard]] QWidget *fieldWidget(const QString &field) const override;
    [[nodiscard]] bool changedElsewhere(qint64 id) const override;

private:
    QSpinBox *minutesBox(int maximum);
    void updateSummary();

    QList<AppointmentType> m_types;
    QLineEdit *m_name = nullptr;
    QSpinBox *m_duration = nullptr;
    QSpinBox *m_prep = nullptr;
    QSpinBox *m_cleanup = nullptr;
    QLabel *m_summary = nullptr;
    ColourPicker *m_colour = nullptr;
    QCheckBox *m_treatment = nullptr;
    QCheckBox *m_needsRoom = nullptr;
    QCheckBox *m_active = nullptr;
};

} // namespace dermdesk::ui
