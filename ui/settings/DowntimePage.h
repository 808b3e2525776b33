#pragma once

#include "treatment/DowntimeTable.h"
#include "ui/settings/SettingsContext.h"

#include <QWidget>

class QPushButton;
class QTableWidget;

namespace dermdesk::ui {

class InlineError;

// The clinic's downtime table: for each band of deepest needle depth, the downtime a patient should expect,
// as hours and as the words printed on the aftercare ("1–3 days"). Session records and handouts read it.
// Saved as a whole (one audited transaction); a refusal names the row and nothing is written.
class DowntimePage : public QWidget
{
    Q_OBJECT

public:
    explicit DowntimePage(const SettingsContext &context, QWidget *parent = nullptr);

    // Reads the table again, dropping unsaved edits.
    void reload();
    // Writes the table; true when it was saved.
    bool save();
    [[nodiscard]] bool isDirty() const { return m_dirty; }
    [[nodiscard]] QTableWidget *table() const { return m_table; }
    [[nodiscard]] QPushButton *saveButton() const { return m_save; }
    [[nodiscard]] QString errorText() const;

signals:
    void saved();

private:
    void addRow(double maxDepthMm, int minHours, int maxHours, const QString &label);
    void setDirty(bool dirty);
    // When the stored table differs from the one last loaded (saved elsewhere meanwhile), says so and returns true.
    bool refuseIfChangedElsewhere();

    SettingsContext m_context;
    // The table as last loaded: what the rows started from.
    QList<DowntimeBand> m_loaded;
    QTableWidget *m_table = nullptr;
    InlineError *m_error = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_remove = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_revert = nullptr;
    bool m_dirty = false;
    bool m_loading = false;
};

} // namespace dermdesk::ui
