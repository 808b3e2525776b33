#pragma once

#include <QDialog>
#include <QList>

class QAction;
class QTreeWidget;

namespace dermdesk::ui {

// Help ▸ Keyboard Shortcuts: the keys of the actions it is given, read from the QActions themselves (their text
// and shortcuts as they are now), one section per group, so the list can never drift from what the keys do.
class KeyboardShortcutsDialog : public QDialog
{
    Q_OBJECT

public:
    struct Section
    {
        QString title;
        QList<QAction *> actions;
    };

    explicit KeyboardShortcutsDialog(const QList<Section> &sections, QWidget *parent = nullptr);

    [[nodiscard]] QTreeWidget *list() const { return m_list; }
    // Every "keys — what they do" row, in order, as plain text ("Ctrl+Shift+W\tWaitlist").
    [[nodiscard]] QStringList rows() const;

    // What an action is called without its mnemonic and trailing ellipsis ("&Book Appointment…" → "Book
    // Appointment").
    [[nodiscard]] static QString plainText(const QAction *action);

private:
    QTreeWidget *m_list = nullptr;
};

} // namespace dermdesk::ui
