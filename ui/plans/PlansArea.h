#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QTabWidget;
class QTableView;
class QTableWidget;

namespace dermdesk {
class ClinicSession;
class PlanListModel;
struct ChangeSet;
} // namespace dermdesk

namespace dermdesk::ui {

class Prompter;
class RecallPanel;

// The treatment-plans area. "Plans": the open (proposed and active) plans, the next session first, with the
// selected plan's sessions (n of N, date, window, flagged when outside it) and its progress; New, Edit, Book
// Course, Shift the Rest, Record Session and Stop act on the selection. "Recall": the phone list of plans
// whose next session is due and not booked. The plans are read the first time the area is shown, then follow the
// session's changes (a session booked, moved or cancelled anywhere shows at once), keeping the selected plan, the
// selected session and the scroll positions.
// The session and the Prompter must outlive the area.
class PlansArea : public QWidget
{
    Q_OBJECT

public:
    PlansArea(ClinicSession &session, Prompter &prompter, QWidget *parent = nullptr);

    [[nodiscard]] QTableView *planView() const { return m_view; }
    [[nodiscard]] PlanListModel *model() const { return m_model; }
    [[nodiscard]] QTableWidget *sessionTable() const { return m_sessions; }
    [[nodiscard]] RecallPanel *recallPanel() const { return m_recall; }
    [[nodiscard]] QTabWidget *tabs() const { return m_tabs; }
    [[nodiscard]] qint64 selectedPlan() const;

public slots:
    void reload();
    // Opens the plan editor for a new plan of `patientId` (0: the person enters it).
    void newPlan(qint64 patientId = 0);
    void editPlan();
    // "Book course" for a plan: review, change dates, book all at once.
    void bookCourse(qint64 planId);
    void shiftRest();
    void recordSession();
    void stopPlan();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void showSessions();
    void follow(const dermdesk::ChangeSet &changes);
    void selectPlan(qint64 planId);

    ClinicSession &m_session;
    Prompter &m_prompter;
    QTabWidget *m_tabs = nullptr;
    PlanListModel *m_model = nullptr;
    QTableView *m_view = nullptr;
    QTableWidget *m_sessions = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_progress = nullptr;
    QPushButton *m_book = nullptr;
    QPushButton *m_shift = nullptr;
    QPushButton *m_record = nullptr;
    RecallPanel *m_recall = nullptr;
    // The plan whose sessions the table shows.
    qint64 m_shownPlan = 0;
};

} // namespace dermdesk::ui
