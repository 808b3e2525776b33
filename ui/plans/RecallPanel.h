#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QSpinBox;
class QTableView;

namespace dermdesk {
class ClinicSession;
class RecallListModel;
struct ChangeSet;
} // namespace dermdesk

namespace dermdesk::ui {

class DateField;

// The recall list: patients whose next session is due (or soon due) and not booked, most urgent first,
// sortable by any column, printable (print preview of a QTextDocument), and "Book…" to book the course of
// the selected plan in one click (bookRequested). Read again each time it is shown, and while shown whenever the
// session announces a change to plans, appointments, patients or the set-up (the selected plan stays selected). The
// look-ahead box starts at the clinic's recall horizon setting, re-read on every reload: when Clinic Settings changed
// it, the box follows; otherwise a value the person chose stays. The session must outlive the panel.
class RecallPanel : public QWidget
{
    Q_OBJECT

public:
    explicit RecallPanel(ClinicSession &session, QWidget *parent = nullptr);

    [[nodiscard]] QTableView *view() const { return m_view; }
    [[nodiscard]] RecallListModel *model() const { return m_model; }
    [[nodiscard]] QPushButton *bookButton() const { return m_book; }
    // The printable page: the list as an HTML table.
    [[nodiscard]] QString html() const;

public slots:
    void reload();
    void print();

signals:
    void bookRequested(qint64 planId);

protected:
    void showEvent(QShowEvent *event) override;

private:
    [[nodiscard]] qint64 selectedPlan() const;
    void follow(const dermdesk::ChangeSet &changes);
    // Puts the clinic's recall horizon in the look-ahead box when the setting differs from the one last read.
    void followHorizonSetting();

    ClinicSession &m_session;
    // The clinic's recall horizon as last read; -1 before the first read.
    int m_horizonSetting = -1;
    RecallListModel *m_model = nullptr;
    QSortFilterProxyModel *m_sorted = nullptr;
    QTableView *m_view = nullptr;
    DateField *m_date = nullptr;
    QSpinBox *m_horizon = nullptr;
    QLabel *m_summary = nullptr;
    QPushButton *m_book = nullptr;
};

} // namespace dermdesk::ui
