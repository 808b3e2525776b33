#pragma once

#include "treatment/CourseProposal.h"
#include "treatment/TreatmentPlan.h"

#include <QDialog>
#include <QList>

#include <optional>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace dermdesk {
class ClinicSession;
class ScheduleSetup;
} // namespace dermdesk

namespace dermdesk::ui {

// "Book course": the series planner's proposal for a plan's remaining sessions, for review. Any session's
// date or time can be changed in its row (the later sessions are planned again after it); then one click
// books them all in one transaction. In Shift mode it shows the booked sessions "shift the rest" would move
// and moves them together. Refusals appear in the dialog (nothing is booked); it closes once booked.
// The session must outlive the dialog.
class CourseDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Mode {
        Book,
        Shift,
    };

    enum Column {
        SessionColumn,
        DateColumn,
        TimeColumn,
        PractitionerColumn,
        RoomColumn,
        WindowColumn,
        NoteColumn,
        ColumnCount
    };

    CourseDialog(ClinicSession &session, qint64 planId, Mode mode = Mode::Book, QWidget *parent = nullptr);
    ~CourseDialog() override;

    [[nodiscard]] QTableWidget *sessionTable() const { return m_table; }
    [[nodiscard]] QPushButton *bookButton() const { return m_book; }
    [[nodiscard]] QLabel *messageLabel() const { return m_message; }
    [[nodiscard]] QLineEdit *overrideReasonEdit() const { return m_override; }
    [[nodiscard]] QLineEdit *acknowledgementEdit() const { return m_acknowledge; }
    [[nodiscard]] const std::optional<CourseProposal> &proposal() const { return m_proposal; }

    // Moves proposed session `sequence` to local `day` (at `minute`, or the first free time that day) and
    // plans the later ones again; a refusal is shown and the proposal stays as it was.
    void changeSession(int sequence, const QDate &day, std::optional<int> minute = std::nullopt);
    // Books (or moves) every session shown; on success the dialog is accepted.
    void bookAll();

private:
    void propose();
    void showProposal();
    void showMessage(const QString &text, bool error);

    ClinicSession &m_session;
    Mode m_mode;
    std::optional<TreatmentPlan> m_plan;
    std::optional<CourseProposal> m_proposal;
    std::unique_ptr<ScheduleSetup> m_setup;
    QLabel *m_header = nullptr;
    QTableWidget *m_table = nullptr;
    QLabel *m_message = nullptr;
    QLineEdit *m_override = nullptr;
    QLabel *m_overrideLabel = nullptr;
    QLineEdit *m_acknowledge = nullptr;
    QLabel *m_acknowledgeLabel = nullptr;
    QPushButton *m_book = nullptr;
};

} // namespace dermdesk::ui
