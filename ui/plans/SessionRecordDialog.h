#pragma once

#include "treatment/DowntimeTable.h"
#include "treatment/SessionRecord.h"

#include <QDialog>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;

namespace dermdesk {
class ClinicSession;
}

namespace dermdesk::ui {

// The practitioner's record of a plan session, opened from its appointment: areas treated with the needle
// depth of each (0.25–3.0 mm), device and cartridge lot, numbing, products, the skin's immediate reaction,
// notes and who treated. The previous session's depths and reaction are shown on top, and the expected
// downtime follows the deepest depth through the clinic's table as it is typed. Refusals (a cancelled
// appointment, a depth out of range) appear in the dialog and nothing is saved; it closes once saved.
// The session must outlive the dialog.
class SessionRecordDialog : public QDialog
{
    Q_OBJECT

public:
    enum AreaColumn {
        AreaNameColumn,
        DepthColumn,
    };

    SessionRecordDialog(ClinicSession &session, qint64 appointmentId, QWidget *parent = nullptr);

    // False when the appointment is no plan session (the dialog then only says so).
    [[nodiscard]] bool isPlanSession() const { return m_record.has_value(); }
    [[nodiscard]] QTableWidget *areaTable() const { return m_areas; }
    [[nodiscard]] QLabel *previousLabel() const { return m_previous; }
    [[nodiscard]] QLabel *downtimeLabel() const { return m_downtime; }
    [[nodiscard]] QLabel *messageLabel() const { return m_message; }
    [[nodiscard]] QLineEdit *deviceEdit() const { return m_device; }
    [[nodiscard]] QLineEdit *lotEdit() const { return m_lot; }
    [[nodiscard]] QComboBox *reactionBox() const { return m_reaction; }
    [[nodiscard]] QPushButton *saveButton() const { return m_save; }

    // Adds an area row (name, depth in mm).
    void addArea(const QString &name, double depthMm);
    // The record as the form holds it now.
    [[nodiscard]] SessionRecord currentRecord() const;
    // Saves; accepts the dialog on success.
    void save();

private:
    void updateDowntime();

    ClinicSession &m_session;
    std::optional<SessionRecord> m_record;
    DowntimeTable m_downtimeTable;
    QStringList m_areaNames;
    QLabel *m_title = nullptr;
    QLabel *m_previous = nullptr;
    QTableWidget *m_areas = nullptr;
    QLabel *m_downtime = nullptr;
    QLineEdit *m_device = nullptr;
    QLineEdit *m_lot = nullptr;
    QLineEdit *m_numbing = nullptr;
    QLineEdit *m_products = nullptr;
    QComboBox *m_reaction = nullptr;
    QComboBox *m_practitioner = nullptr;
    QPlainTextEdit *m_notes = nullptr;
    QLabel *m_message = nullptr;
    QPushButton *m_save = nullptr;
};

} // namespace dermdesk::ui
