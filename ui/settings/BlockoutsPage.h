#pragma once

#include "calendar/Blockout.h"
#include "ui/settings/InlineError.h"
#include "ui/settings/SettingsContext.h"

#include <QHash>
#include <QTimeZone>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QPushButton;
class QTimeEdit;
class QTreeWidget;

namespace dermdesk::ui {

class DateField;

// Closures and blockouts: the list of those not over yet (past ones on demand) with when, how they repeat,
// whom they apply to (whole clinic, one practitioner, one room) and why; a form that adds one (one-off or
// weekly, times in the clinic's zone); and Remove, after a confirmation. A blockout is not clinical data,
// so removing deletes it (audited by BlockoutRepository).
class BlockoutsPage : public QWidget
{
    Q_OBJECT

public:
    explicit BlockoutsPage(const SettingsContext &context, QWidget *parent = nullptr);

    // Reads the blockouts, practitioners and rooms again.
    void reload();
    // Adds the blockout described by the form; true when it was stored.
    bool add();
    // Removes the selected blockout after asking; true when it was removed.
    bool removeSelected();
    // Chooses whom a new blockout applies to by the text shown ("Whole clinic", a practitioner's name, a room).
    bool setScope(const QString &text);

    [[nodiscard]] QTreeWidget *list() const { return m_list; }
    [[nodiscard]] QCheckBox *showPastBox() const { return m_showPast; }
    [[nodiscard]] QComboBox *scopeBox() const { return m_scope; }
    [[nodiscard]] DateField *fromDateEdit() const { return m_fromDate; }
    [[nodiscard]] QTimeEdit *fromTimeEdit() const { return m_fromTime; }
    [[nodiscard]] DateField *toDateEdit() const { return m_toDate; }
    [[nodiscard]] QTimeEdit *toTimeEdit() const { return m_toTime; }
    [[nodiscard]] QComboBox *repeatBox() const { return m_repeat; }
    [[nodiscard]] QCheckBox *untilBox() const { return m_until; }
    [[nodiscard]] DateField *untilDateEdit() const { return m_untilDate; }
    [[nodiscard]] QComboBox *reasonBox() const { return m_reason; }
    [[nodiscard]] QPushButton *addButton() const { return m_add; }
    [[nodiscard]] QPushButton *removeButton() const { return m_remove; }
    [[nodiscard]] QString errorText() const;

signals:
    // After a blockout was added or removed.
    void saved();

private:
    QWidget *createForm();
    void updateFormEnabled();
    [[nodiscard]] QString scopeText(const Blockout &blockout) const;
    [[nodiscard]] QString whenText(const Blockout &blockout) const;
    [[nodiscard]] QString repeatText(const Blockout &blockout) const;
    void showError(const Error &error);

    SettingsContext m_context;
    // The clinic's zone: every time on this page is its wall clock.
    QTimeZone m_zone;
    QHash<qint64, QString> m_practitionerNames;
    QHash<qint64, QString> m_roomNames;
    QTreeWidget *m_list = nullptr;
    QCheckBox *m_showPast = nullptr;
    QPushButton *m_remove = nullptr;
    QComboBox *m_scope = nullptr;
    DateField *m_fromDate = nullptr;
    QTimeEdit *m_fromTime = nullptr;
    DateField *m_toDate = nullptr;
    QTimeEdit *m_toTime = nullptr;
    QComboBox *m_repeat = nullptr;
    QCheckBox *m_until = nullptr;
    DateField *m_untilDate = nullptr;
    QComboBox *m_reason = nullptr;
    QPushButton *m_add = nullptr;
    InlineError *m_error = nullptr;
    // The dates start at today once, on the first reload; later reloads keep what was typed.
    bool m_formDated = false;
};

} // namespace dermdesk::ui
