#pragma once

#include <QWidget>

#include <memory>

class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTableView;
class QTimer;

namespace dermdesk {
class ClinicSession;
class PatientListModel;
struct ChangeSet;
} // namespace dermdesk

namespace dermdesk::ui {

class NewPatientDialog;
class PatientExports;
class PatientMergeDialog;
class PatientPage;
class Prompter;

// The patients area: a search box over one page of matching patients, and the page of one patient.
// Searching starts a moment after typing stops; Return searches at once and moves to the results (when
// nothing matches, it opens the new-patient form with what was typed, like "New Patient…"); Enter
// or a double-click on a result opens its page; Esc or "Results" on the page comes back. Ctrl+B (on a
// selected result or an open page) asks to book for that patient.
// The results follow the session's changes to patients, made here or elsewhere. The session and the Prompter must
// outlive the area.
class PatientsArea : public QWidget
{
    Q_OBJECT

public:
    PatientsArea(ClinicSession &session, Prompter &prompter, QWidget *parent = nullptr);
    ~PatientsArea() override;

    [[nodiscard]] QLineEdit *searchEdit() const { return m_search; }
    [[nodiscard]] QTableView *resultView() const { return m_view; }
    [[nodiscard]] PatientListModel *model() const { return m_model; }
    [[nodiscard]] PatientPage *patientPage() const { return m_page; }
    [[nodiscard]] QPushButton *mergeButton() const { return m_merge; }
    [[nodiscard]] QPushButton *exportListButton() const { return m_exportList; }
    [[nodiscard]] QPushButton *newPatientButton() const { return m_newPatient; }
    // The patient-list export behind "Export List…".
    [[nodiscard]] PatientExports &exports() const { return *m_exports; }
    // Whether a patient's page is showing (rather than the results).
    [[nodiscard]] bool isPageShown() const;
    // The patient Ctrl+B books for: the open page's, or the selected result's; 0 when none.
    [[nodiscard]] qint64 currentPatientId() const;

public slots:
    // Shows the results with the search box focused and its text selected, ready to type over.
    void focusSearch();
    // Searches for the box's text now.
    void searchNow();
    // Opens the patient's page, and selects them in the results for when the person goes back
    // (e.g. "Open patient" on the schedule).
    void showPatient(qint64 patientId);
    // Back to the results, with the patient whose page was open selected.
    void showResults();
    // Asks to book for currentPatientId(), when there is one.
    void bookForCurrent();
    // With two results selected: the merge dialog, the newer record merging into the older (Swap turns it round).
    PatientMergeDialog *mergeSelected();
    // Writes every patient to a CSV file the person names.
    void exportList();
    // The new-patient form (window-modal, deleted on close), filled from the search text
    // (NewPatientDialog::setNameText); the patient it creates or picks has their page opened.
    NewPatientDialog *newPatient();

signals:
    // Book an appointment for this patient (Ctrl+B, or "Book…" on the page).
    void bookRequested(qint64 patientId);
    // Start a treatment plan for this patient ("New Plan…" on the page).
    void newPlanRequested(qint64 patientId);
    // Show this appointment on the schedule (opened on a patient's timeline).
    void openAppointmentRequested(qint64 appointmentId, qint64 startsAtUtc);

protected:
    // Down or Page Down in the search box moves to the results, like Return.
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void moveToResults();
    // Searches again when `changes` touch patients, keeping the selection and the scroll position.
    void follow(const dermdesk::ChangeSet &changes);
    void updateSummary();
    void updateActions();
    void openRow(int row);
    // Selects the patient's row when the results list them.
    bool selectPatientRow(qint64 patientId);

    ClinicSession &m_session;
    Prompter &m_prompter;
    std::unique_ptr<PatientExports> m_exports;
    PatientListModel *m_model = nullptr;
    QStackedWidget *m_stack = nullptr;
    QWidget *m_results = nullptr;
    QLineEdit *m_search = nullptr;
    QTableView *m_view = nullptr;
    QLabel *m_summary = nullptr;
    QPushButton *m_merge = nullptr;
    QPushButton *m_exportList = nullptr;
    QPushButton *m_newPatient = nullptr;
    QTimer *m_debounce = nullptr;
    PatientPage *m_page = nullptr;
};

} // namespace dermdesk::ui
