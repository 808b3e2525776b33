#include "PlansArea.h"

#include "common/AreaWidgets.h"
#include "treatment/PlanListModel.h"

#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

namespace dermdesk::ui {

PlansArea::PlansArea(const Database &database, const QTimeZone &zone, const Clock &clock, QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("plansArea"));
    m_model = new PlanListModel(database, zone, clock, this);

    m_title = makeTitleLabel(tr("Open treatment plans"), this);
    m_summary = makeMutedLabel(QStringLiteral("planSummary"), this);
    m_view = makeListTable(m_model, PlanListModel::ConcernsColumn, QStringLiteral("planView"),
                           tr("Open treatment plans"), this);

    auto *header = new QHBoxLayout;
    header->addWidget(m_title);
    header->addStretch();
    header->addWidget(m_summary);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->setSpacing(10);
    layout->addLayout(header);
    layout->addWidget(m_view, 1);
}

void PlansArea::reload()
{
    const Status loaded = m_model->load();
    if (!loaded) {
        m_summary->setText(tr("The plans could not be read: %1").arg(loaded.error().message()));
        return;
    }
    int proposed = 0;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->plan(row).status == PlanSummary::Status::Proposed)
            ++proposed;
    }
    const int open = m_model->rowCount();
    const QString plans = open == 1 ? tr("1 open plan") : tr("%1 open plans").arg(open);
    m_summary->setText(tr("%1, %2 of them proposed").arg(plans).arg(proposed));
}

void PlansArea::showEvent(QShowEvent *event)
{
    if (!m_model->isLoaded())
        reload();
    QWidget::showEvent(event);
}

} // namespace dermdesk::ui
