#pragma once

#include "clinic/Room.h"
#include "ui/settings/ItemListPage.h"

class QCheckBox;
class QLineEdit;

namespace dermdesk::ui {

class TypeChecklist;

// Rooms: name, the appointment types they can host, active.
class RoomsPage : public ItemListPage
{
    Q_OBJECT

public:
    explicit RoomsPage(const SettingsContext &context, QWidget *parent = nullptr);

    [[nodiscard]] QLineEdit *nameEdit() const { return m_name; }
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
    QList<Room> m_rooms;
    QLineEdit *m_name = nullptr;
    TypeChecklist *m_types = nullptr;
    QCheckBox *m_active = nullptr;
};

} // namespace dermdesk::ui
