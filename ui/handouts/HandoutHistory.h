#pragma once

#include <QWidget>

#include <functional>

class QLabel;
class QTreeWidget;

namespace dermdesk {
class ClinicSession;
struct ChangeSet;
} // namespace dermdesk

namespace dermdesk::ui {

// The handouts and cards printed for one patient, newest first: when, what (guide sections and the
// template versions it held), by whom and how (printed or saved as PDF). Reads HandoutLogRepository, again
// whenever the session announces a change to the patient shown (a handout printed here or at another desk).
class HandoutHistory : public QWidget
{
    Q_OBJECT

public:
    // The session must outlive the widget.
    explicit HandoutHistory(ClinicSession &session, QWidget *parent = nullptr);

    [[nodiscard]] QTreeWidget *list() const { return m_list; }

    // Puts a history into `section` (a widget with a box layout, e.g. PatientPage::handoutsSection()),
    // hiding its child "handoutsEmptyLabel"; the history shows `patient()`'s documents whenever it is shown.
    static HandoutHistory *attach(QWidget *section, ClinicSession &session, std::function<qint64()> patient);

public slots:
    // Shows `patientId`'s printed documents (again, e.g. after printing one).
    void showPatient(qint64 patientId);
    // Shows the documents of the patient the source names (see attach()).
    void refresh();

signals:
    // "Print Handout…" was clicked for the patient shown.
    void printRequested(qint64 patientId);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void follow(const dermdesk::ChangeSet &changes);

    ClinicSession &m_session;
    QTreeWidget *m_list = nullptr;
    QLabel *m_empty = nullptr;
    std::function<qint64()> m_patientSource;
    qint64 m_patientId = 0;
};

} // namespace dermdesk::ui
