#pragma once

#include "common/Error.h"
#include "ui/settings/SettingsContext.h"

#include <QList>
#include <QWidget>
#include <QLatin1String>

class QPushButton;
class QVBoxLayout;

namespace dermdesk {
struct ChangeSet;
} // namespace dermdesk

namespace dermdesk::ui {

class InlineError;

// A settings page that edits one thing as a whole (the clinic, the treatment-plan defaults): the subclass's
// fields in contentLayout(), the red refusal under them, and Revert / Save (Ctrl+S) at the bottom, enabled while
// there are unsaved edits. It follows the clinic session: when the set-up changes (here, in another window or by
// dermdesk-cli) a page without unsaved edits shows the stored values at once; a page with unsaved edits keeps them
// and, when what it edits was saved elsewhere meanwhile, says so and refuses to save over it until Revert.
class SettingsFormPage : public QWidget
{
    Q_OBJECT

public:
    // Reads the stored values again, dropping unsaved edits.
    virtual void reload() = 0;
    // Writes the page; true when it was saved (and saved() was emitted).
    virtual bool save() = 0;

    [[nodiscard]] bool isDirty() const { return m_dirty; }
    [[nodiscard]] QPushButton *saveButton() const { return m_save; }
    // The refusal shown, empty when none is.
    [[nodiscard]] QString errorText() const;

signals:
    void saved();

protected:
    // A field an Error may name (Error::field()): the label its message is prefixed with and the widget to focus.
    struct Field
    {
        QLatin1String name;
        QString label;
        QWidget *widget = nullptr;
    };

    SettingsFormPage(const SettingsContext &context, QWidget *parent);

    // Whether the stored values this page edits differ from those it last loaded: someone saved them meanwhile
    // (another page of this dialog saving other fields of the same settings does not count).
    [[nodiscard]] virtual bool changedElsewhere() const = 0;
    // When changedElsewhere(), shows why the page's edits are not saved and returns true; save() asks it first.
    bool refuseIfChangedElsewhere();

    // Where the subclass puts its fields, above the refusal and the buttons.
    [[nodiscard]] QVBoxLayout *contentLayout() const { return m_content; }
    // Connect the fields' change signals here; ignored while m_loading.
    void markDirty();
    void setDirty(bool dirty);
    // Shows `error` prefixed with the label of the field it names among `fields` (else the field's own name) and
    // focuses that field's widget.
    void showFieldError(const Error &error, const QList<Field> &fields);
    void clearError();

    SettingsContext m_context;
    // True while reload() fills the fields, so their change signals do not mark the page dirty.
    bool m_loading = false;

private:
    void followChanges(const ChangeSet &changes);

    QVBoxLayout *m_content = nullptr;
    InlineError *m_error = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_revert = nullptr;
    bool m_dirty = false;
};

} // namespace dermdesk::ui
