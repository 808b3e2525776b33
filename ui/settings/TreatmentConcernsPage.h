#pragma once

#include "treatment/TreatmentConcern.h"
#include "ui/settings/ItemListPage.h"

class QCheckBox;
class QLabel;
class QLineEdit;

namespace dermdesk::ui {

// The concerns a treatment plan may treat: the guide's and the clinic's own, in the order the plan editor lists
// them. Add, rename, move up or down, or untick "Offered" to retire one: nothing is deleted, because plans keep
// the names they were made with (a rename does not change them).
class TreatmentConcernsPage : public ItemListPage
{
    Q_OBJECT

public:
    explicit TreatmentConcernsPage(const SettingsContext &context, QWidget *parent = nullptr);

    [[nodiscard]] QLineEdit *nameEdit() const { return m_name; }
    [[nodiscard]] QCheckBox *activeBox() const { return m_active; }

protected:
    Result<QList<Entry>> loadEntries() override;
    void showItem(qint64 id) override;
    Result<qint64> saveItem(qint64 id) override;
    Status moveItem(qint64 id, int delta) override;
    [[nodiscard]] QString fieldLabel(const QString &field) const override;
    [[nodiscard]] QWidget *fieldWidget(const QString &field) const override;

private:
    QList<TreatmentConcern> m_concerns;
    QLineEdit *m_name = nullptr;
    QLabel *m_origin = nullptr;
    QCheckBox *m_active = nullptr;
};

} // namespace dermdesk::ui
