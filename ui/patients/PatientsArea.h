#pragma once

#include "common/Clock.h"

#include <QTimeZone>
#include <QWidget>

class QLabel;
class QLineEdit;
class QTableView;
class QTimer;

namespace dermdesk {
class Database;
class PatientListModel;
} // namespace dermdesk

namespace dermdesk::ui {

// The patients area: a search box over one page of matching patients. Searching starts a
// moment after typing stops; Return searches at once and moves to the results.
// The Database must outlive the area.
class PatientsArea : public QWidget
{
    Q_OBJECT

public:
    PatientsArea(const Database &database, const QTimeZone &zone, const Clock &clock, QWidget *parent = nullptr);

    [[nodiscard]] QLineEdit *searchEdit() const { return m_search; }
    [[nodiscard]] QTableView *resultView() const { return m_view; }
    [[nodiscard]] PatientListModel *model() const { return m_model; }

public slots:
    // Focuses the search box with its text selected, ready to type over.
    void focusSearch();
    // Searches for the box's text now.
    void searchNow();
    // Finds the patient by name and selects them in the results (e.g. "Open patient" on the schedule).
    void showPatient(qint64 patientId);

private:
    void updateSummary();

    const Database &m_database;
    const Clock &m_clock;
    PatientListModel *m_model = nullptr;
    QLineEdit *m_search = nullptr;
    QTableView *m_view = nullptr;
    QLabel *m_summary = nullptr;
    QTimer *m_debounce = nullptr;
};

} // namespace dermdesk::ui
