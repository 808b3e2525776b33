#pragma once

#include "clinic/Practitioner.h"
#include "ui/settings/ItemListPage.h"

class QCheckBox;
class QLineEdit;

namespace dermdesk::ui {

class ColourPicker;
class TypeChecklist;
class WeeklyHoursEditor;

// Practitioners: name, title, schedule colour, weekly working hours with a break per day, the appointment
// types they perform, active. Hours with a break outside the working hours are refused naming the weekday.
class PractitionersPage : public ItemListPage
{
    Q_OBJECT

public:
    explicit PractitionersPage(const SettingsContext &context, QWidget *parent = nullptr);

    [[nodiscard]] QLineEdit *nameEdit() const { return m_name; }
    [[nodiscard]] QLineEdit *titleEdit() const { return m_title; }
    [[nodiscard]] ColourPicker *colourPicker() const { return m_colour; }
    [[nodiscard]] WeeklyHoursEditor *hoursEditor() const { return m_hours; }
    [[nodiscard]] TypeChecklist *typeChecklist() const { return m_types; }
    [[nodiscard]] QCheckBox *activeBox() const { return m_active; }

protected:
    Result<QList<Entry>> loadEntries() override;
    void showItem(qint64 id) override;
    Result<qint64> saveItem(qint64 id) override;
    [[nodiscard]] QString fieldLabel(const QString &field) const override;
    [[nodiscard]] QWidget *fieldWidget(const QString &field) const override;
    [[nodiscard]] bool changedElsewhere(qint64 id) const override;

private:
    QList<Practitioner> m_practitioners;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_title = nullptr;
    ColourPicker *m_colour = nullptr;
    WeeklyHoursEditor *m_hours = nullptr;
    TypeChecklist *m_types = nullptr;
    QCheckBox *m_active = nullptr;
};

} // namespace dermdesk::ui
