#pragma once

#include "common/Clock.h"

#include <QTimeZone>
#include <QWidget>

class QLabel;
class QTableView;

namespace dermdesk {
class Database;
class PlanListModel;
} // namespace dermdesk

namespace dermdesk::ui {

// The treatment-plans area: the open (proposed and active) plans, the next session first.
// The plans are read the first time the area is shown, not before.
// The Database must outlive the area.
class PlansArea : public QWidget
{
    Q_OBJECT

public:
    PlansArea(const Database &database, const QTimeZone &zone, const Clock &clock, QWidget *parent = nullptr);

    [[nodiscard]] QTableView *planView() const { return m_view; }
    [[nodiscard]] PlanListModel *model() const { return m_model; }

public slots:
    void reload();

protected:
    void showEvent(QShowEvent *event) override;

private:
    PlanListModel *m_model = nullptr;
    QTableView *m_view = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_summary = nullptr;
};

} // namespace dermdesk::ui
