#pragma once

#include "treatment/TreatmentAreaOption.h"
#include "ui/settings/ItemListPage.h"

class QCheckBox;
class QDoubleSpinBox;
class QLineEdit;

namespace dermdesk::ui {

// The treatment areas plans and session records name, each with the needle depth a new plan suggests for it
// (0.25–3.0 mm, or none), in the order the forms list them. Add, rename, move up or down, or untick "Offered"
// to retire one: nothing is deleted, because plans and session records keep the names they were made with.
class TreatmentAreasPage : public ItemListPage
{
    Q_OBJECT

public:
    explicit TreatmentAreasPage(const SettingsContext &context, QWidget *parent = nullptr);

    [[nodiscard]] QLineEdit *nameEdit() const { return m_name; }
    [[nodiscard]] QCheckBox *depthBox() const { return m_hasDepth; }
    [[nodiscard]] QDoubleSpinBox *depthSpin() const { return m_depth; }
    [[nodiscard]] QCheckBox *activeBox() const { return m_active; }

protected:
    Result<QList<Entry>> loadEntries() override;
    void showItem(qint64 id) override;
    Result<qint64> saveItem(qint64 id) override;
    Status moveItem(qint64 id, int delta) override;
    [[nodiscard]] QString fieldLabel(const QString &field) const override;
    [[nodiscard]] QWidget *fieldWidget(const QString &field) const override;

private:
    QList<TreatmentAreaOption> m_areas;
    QLineEdit *m_name = nullptr;
    QCheckBox *m_hasDepth = nullptr;
    QDoubleSpinBox *m_depth = nullptr;
    QCheckBox *m_active = nullptr;
};

} // namespace dermdesk::ui
