#pragma once

#include "common/Result.h"
#include "ui/settings/InlineError.h"
#include "ui/settings/SettingsContext.h"

#include <QList>
#include <QWidget>

#include <algorithm>
#include <optional>

class QLabel;
class QListWidget;
class QPushButton;
class QVBoxLayout;

namespace dermdesk::ui {

// A settings page for one kind of thing the clinic keeps (practitioners, rooms, appointment types, screening
// rules, treatment concerns and areas): a list on the left, inactive ones greyed and marked, and an editor on the
// right that saves one item at a time. Save writes the item in one audited transaction through the repository; a
// refusal is shown in red under the editor, naming the field, and nothing is written. Nothing is ever deleted:
// "Active" is unticked instead. Leaving an item with unsaved edits asks (through the Prompter) whether to drop
// them. A page whose order matters enables Move Up / Move Down under the list. The page follows the clinic
// session: a change to the set-up (here or elsewhere) is shown at once unless the editor has unsaved edits; then,
// when the item in the editor was saved elsewhere meanwhile (changedElsewhere), the page says so and refuses to save
// over it until Revert.
class ItemListPage : public QWidget
{
    Q_OBJECT

public:
    // `addText` labels the Add button ("Add Practitioner"), `newHeading` heads the editor of a new item.
    ItemListPage(const SettingsContext &context, const QString &addText, QString newHeading, QWidget *parent = nullptr);

    // Reads the items again and shows the one with `selectId` (the first when 0 or gone).
    void reload(qint64 selectId = 0);
    [[nodiscard]] bool isDirty() const { return m_dirty; }
    // The item in the editor; 0 for a new one.
    [[nodiscard]] qint64 editingId() const { return m_editingId; }
    // True when there are no unsaved edits or the person agrees to drop them.
    bool confirmDiscard();
    // Saves the item in the editor; true when it was written.
    bool save();
    // Starts a new item in the editor (after confirmDiscard).
    void addNew();
    // Selects the item whose list text starts with `name`; false when there is none.
    bool select(const QString &name);
    // Moves the selected item one place up (`delta` -1) or down (+1), after confirmDiscard; true when it moved.
    // Only on pages that enableReordering().
    bool move(int delta);

    [[nodiscard]] QListWidget *list() const { return m_list; }
    [[nodiscard]] QPushButton *saveButton() const { return m_save; }
    [[nodiscard]] QPushButton *revertButton() const { return m_revert; }
    // Null unless the page enableReordering().
    [[nodiscard]] QPushButton *moveUpButton() const { return m_up; }
    [[nodiscard]] QPushButton *moveDownButton() const { return m_down; }
    [[nodiscard]] QString errorText() const;

signals:
    // After an item was saved.
    void saved();

protected:
    struct Entry
    {
        qint64 id = 0;
        QString text;
        QString colour;
        bool active = true;
    };

    // The items to list, in order (read fresh from the repository).
    [[nodiscard]] virtual Result<QList<Entry>> loadEntries() = 0;
    // Fills the editor with item `id`, or with a new item's defaults when `id` is 0.
    virtual void showItem(qint64 id) = 0;
    // Writes the editor's item; returns its id.
    virtual Result<qint64> saveItem(qint64 id) = 0;
    // The label of the editor field an Error names ("display_name" -> "Name") and the widget to focus; an
    // empty field asks for the first editor field.
    [[nodiscard]] virtual QString fieldLabel(const QString &field) const = 0;
    [[nodiscard]] virtual QWidget *fieldWidget(const QString &field) const = 0;

    // Puts the subclass's editor in place; call once from the subclass constructor.
    void setEditor(QWidget *editor);
    // The tooltip of an inactive item in the list (the default speaks of bookings).
    void setInactiveHint(const QString &hint) { m_inactiveHint = hint; }
    // Shows Move Up and Move Down under the list, which call moveItem(); call once from the subclass constructor.
    void enableReordering();
    // Moves stored item `id` one place (`delta` -1 up, +1 down) in the order loadEntries() lists.
    virtual Status moveItem(qint64 id, int delta);
    // Whether stored item `id` differs from the one loadEntries() last read (someone saved it meanwhile); the default
    // never says so.
    [[nodiscard]] virtual bool changedElsewhere(qint64 id) const;
    // For changedElsewhere(): whether item `id` in `stored` (read now) differs from the one in `loaded`, compared with
    // `same`. A failed read counts as no difference.
    template<class T, class Same>
    [[nodiscard]] static bool differs(const Result<QList<T>> &stored, const QList<T> &loaded, qint64 id, Same same)
    {
        if (!stored)
            return false;
        const auto find = [id](const QList<T> &items) -> std::optional<T> {
            const auto found = std::find_if(items.begin(), items.end(), [id](const T &item) { return item.id == id; });
            return found == items.end() ? std::nullopt : std::optional<T>(*found);
        };
        const std::optional<T> now = find(stored.value());
        const std::optional<T> then = find(loaded);
        return now.has_value() != then.has_value() || (now && !same(*now, *then));
    }
    // Connect the editor's change signals here.
    void markDirty();
    void showError(const Error &error);

    SettingsContext m_context;

private:
    // When the item in the editor changedElsewhere(), shows why its edits are not saved and returns true.
    bool refuseIfChangedElsewhere();
    void currentRowChanged(int row);
    void revert();
    void showCurrent();
    void setDirty(bool dirty);
    void updateMoveButtons();
    [[nodiscard]] qint64 currentId() const;

    QListWidget *m_list = nullptr;
    QLabel *m_heading = nullptr;
    QVBoxLayout *m_editorLayout = nullptr;
    InlineError *m_error = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_revert = nullptr;
    QPushButton *m_up = nullptr;
    QPushButton *m_down = nullptr;
    QVBoxLayout *m_left = nullptr;
    QString m_newHeading;
    QString m_inactiveHint;
    QList<Entry> m_entries;
    // The item in the editor: 0 for a new one.
    qint64 m_editingId = 0;
    int m_row = -1;
    bool m_dirty = false;
    bool m_loading = false;
};

} // namespace dermdesk::ui
