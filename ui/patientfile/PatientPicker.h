#pragma once

#include "patients/PatientSummary.h"

#include <QWidget>

#include <optional>

class QLineEdit;
class QTreeWidget;

namespace dermdesk {
class ClinicSession;
} // namespace dermdesk

namespace dermdesk::ui {

// A type-ahead patient field: as the person types, PatientRepository::search results appear in a list
// under the field (name, birth date, phone, so namesakes can be told apart); Up/Down move through it,
// Enter or a click chooses, Escape closes it. Editing the text after choosing un-chooses the patient.
// Keyboard focus always stays in the text field. The session must outlive the picker.
class PatientPicker : public QWidget
{
    Q_OBJECT

public:
    explicit PatientPicker(ClinicSession &session, QWidget *parent = nullptr);
    ~PatientPicker() override;

    // The chosen patient, or nullopt while none is.
    [[nodiscard]] const std::optional<PatientSummary> &patient() const { return m_patient; }
    // The chosen patient's id, 0 while none is.
    [[nodiscard]] qint64 patientId() const { return m_patient ? m_patient->id : 0; }

    // Chooses `patient` as if picked from the list (emits patientChanged when it differs).
    void setPatient(const PatientSummary &patient);
    // Un-chooses and empties the field.
    void clear();
    // A fixed patient (editing an existing appointment): shown, not changeable.
    void setLocked(bool locked);

    // The most results listed at once.
    static constexpr int maxResults = 8;

    [[nodiscard]] QLineEdit *lineEdit() const { return m_edit; }
    // The result list (a frameless window under the field); visible while it offers results.
    [[nodiscard]] QTreeWidget *resultList() const { return m_results; }

signals:
    // The chosen patient's id, or 0 when the choice was cleared.
    void patientChanged(qint64 patientId);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void search(const QString &text);
    void showResults();
    void moveCurrent(int step);
    void chooseRow(int row);
    void choose(std::optional<PatientSummary> patient);

    ClinicSession &m_session;
    QLineEdit *m_edit = nullptr;
    QTreeWidget *m_results = nullptr;
    QList<PatientSummary> m_found;
    std::optional<PatientSummary> m_patient;
};

} // namespace dermdesk::ui
