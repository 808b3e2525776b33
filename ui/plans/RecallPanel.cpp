#include "ui/plans/RecallPanel.h"

#include "calendar/ClinicTime.h"
#include "clinic/ClinicRepository.h"
#include "education/ComposedDocument.h"
#include "session/ClinicSession.h"
#include "storage/ChangeSet.h"
#include "treatment/RecallListModel.h"
#include "ui/print/DocumentPrinter.h"
#include "ui/widgets/AreaWidgets.h"
#include "ui/widgets/DateField.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalBlocker>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QTableView>
#include <QVBoxLayout>

namespace dermdesk::ui {

RecallPanel::RecallPanel(ClinicSession &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    setObjectName(QStringLiteral("recallPanel"));
    m_model = new RecallListModel(session.database(), session.zone(), this);
    connect(&session, &ClinicSession::changed, this, &RecallPanel::follow);
    m_sorted = new QSortFilterProxyModel(this);
    m_sorted->setSourceModel(m_model);
    m_sorted->setSortRole(RecallListModel::SortRole);
    m_view =
        makeListTable(m_sorted, RecallListModel::PatientColumn, QStringLiteral("recallView"), tr("Recall list"), this);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(RecallListModel::DueColumn, Qt::AscendingOrder);

    m_date = new DateField(ClinicTime(session.zone()).localDate(session.clock().now().toSecsSinceEpoch()), this);
    m_date->setObjectName(QStringLiteral("recallDate"));
    m_horizon = new QSpinBox(this);
    m_horizon->setObjectName(QStringLiteral("recallHorizon"));
    m_horizon->setRange(0, 90);
    m_horizon->setSuffix(tr(" days"));
    followHorizonSetting();
    m_summary = makeMutedLabel(QStringLiteral("recallSummary"), this);
    m_summary->setMinimumWidth(m_summary->fontMetrics().horizontalAdvance(tr("000 to call, 000 overdue")) + 8);
    m_book = new QPushButton(tr("&Book Course…"), this);
    m_book->setObjectName(QStringLiteral("recallBook"));
    auto *printButton = new QPushButton(tr("&Print…"), this);
    connect(m_date, &DateField::dateChanged, this, &RecallPanel::reload);
    connect(m_horizon, &QSpinBox::valueChanged, this, &RecallPanel::reload);
    connect(printButton, &QPushButton::clicked, this, &RecallPanel::print);
    connect(m_book, &QPushButton::clicked, this, [this] {
        if (const qint64 plan = selectedPlan())
            emit bookRequested(plan);
    });
    connect(m_view, &QTableView::doubleClicked, this, [this] {
        if (const qint64 plan = selectedPlan())
            emit bookRequested(plan);
    });

    auto *dateLabel = new QLabel(tr("Due on &date:"), this);
    dateLabel->setBuddy(m_date);
    auto *horizonLabel = new QLabel(tr("or opening &within"), this);
    horizonLabel->setBuddy(m_horizon);
    auto *controls = new QHBoxLayout;
    controls->addWidget(dateLabel);
    controls->addWidget(m_date);
    controls->addWidget(horizonLabel);
    controls->addWidget(m_horizon);
    controls->addStretch();
    controls->addWidget(m_summary);
    controls->addWidget(printButton);
    controls->addWidget(m_book);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(controls);
    layout->addWidget(m_view, 1);
}

void RecallPanel::showEvent(QShowEvent *event)
{
    reload();
    QWidget::showEvent(event);
}

void RecallPanel::follow(const ChangeSet &changes)
{
    // Hidden, it is read again when shown.
    if (!isVisible())
        return;
    if (changes.touchesSetup() || !changes.plans.isEmpty() || !changes.appointments.isEmpty()
        || !changes.patients.isEmpty())
        reload();
}

void RecallPanel::followHorizonSetting()
{
    auto settings = m_session.service<ClinicRepository>().settings();
    const int setting =
        settings && settings.value() ? settings.value()->recallHorizonDays : ClinicSettings().recallHorizonDays;
    if (!settings || setting == m_horizonSetting)
        return;
    m_horizonSetting = setting;
    const QSignalBlocker quiet(m_horizon);
    m_horizon->setValue(m_horizonSetting);
}

void RecallPanel::reload()
{
    followHorizonSetting();
    // A date being typed (no date yet) keeps the list of the last one.
    if (!m_date->date().isValid())
        return;
    const qint64 selected = selectedPlan();
    const int scrolled = m_view->verticalScrollBar()->value();
    const Status loaded = m_model->load(m_date->date(), m_horizon->value());
    if (!loaded) {
        m_summary->setText(tr("The recall list could not be read: %1").arg(loaded.error().message()));
        return;
    }
    fitColumns(m_view, RecallListModel::PatientColumn);
    int overdue = 0;
    for (const RecallEntry &entry : m_model->entries())
        overdue += entry.isOverdue() ? 1 : 0;
    m_summary->setText(tr("%n to call", nullptr, m_model->rowCount()) + tr(", %n overdue", nullptr, overdue));
    m_book->setEnabled(m_model->rowCount() > 0);
    for (int row = 0; selected != 0 && row < m_sorted->rowCount(); ++row) {
        if (m_sorted->index(row, 0).data(RecallListModel::PlanIdRole).toLongLong() == selected) {
            m_view->setCurrentIndex(m_sorted->index(row, 0));
            m_view->verticalScrollBar()->setValue(scrolled);
            break;
        }
    }
    if (m_model->rowCount() > 0 && !m_view->currentIndex().isValid())
        m_view->setCurrentIndex(m_sorted->index(0, 0));
}

qint64 RecallPanel::selectedPlan() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? current.data(RecallListModel::PlanIdRole).toLongLong() : 0;
}

QString RecallPanel::html() const
{
    QString rows;
    for (int row = 0; row < m_sorted->rowCount(); ++row) {
        rows += QStringLiteral("<tr>");
        for (int column = 0; column < RecallListModel::ColumnCount; ++column) {
            const QModelIndex index = m_sorted->index(row, column);
            const bool overdue = index.data(RecallListModel::OverdueRole).toBool();
            rows += QStringLiteral("<td%1>%2</td>")
                        .arg(overdue && column == RecallListModel::DueColumn ? QStringLiteral(" class=\"overdue\"")
                                                                             : QString(),
                             index.data().toString().toHtmlEscaped());
        }
        rows += QStringLiteral("<td class=\"note\"></td></tr>");
    }
    QString header;
    for (int column = 0; column < RecallListModel::ColumnCount; ++column)
        header +=
            QStringLiteral("<th>%1</th>").arg(m_model->headerData(column, Qt::Horizontal).toString().toHtmlEscaped());
    header += QStringLiteral("<th>%1</th>").arg(tr("Called / outcome"));
    return QStringLiteral("<html><head><style>"
                          "body { font-family: sans-serif; font-size: 10pt; } h1 { font-size: 15pt; margin: 0; }"
                          "p { color: #555; } table { border-collapse: collapse; width: 100%; }"
                          "th { text-align: left; border-bottom: 1.5px solid #333; padding: 4px 6px; }"
                          "td { border-bottom: 0.5px solid #bbb; padding: 5px 6px; }"
                          ".overdue { color: #a32d2d; font-weight: bold; } .note { width: 22%; }"
                          "</style></head><body><h1>%1</h1><p>%2</p>"
                          "<table cellspacing=\"0\"><thead><tr>%3</tr></thead><tbody>%4</tbody></table></body></html>")
        .arg(tr("Recall list"),
             tr("Due on %1 or opening within %n day(s) · %2", nullptr, m_horizon->value())
                 .arg(QLocale().toString(m_date->date(), QLocale::LongFormat), m_summary->text().toHtmlEscaped()),
             header, rows);
}

void RecallPanel::print()
{
    ComposedDocument document;
    document.title = tr("Recall list");
    document.html = html();
    // On the clinic's paper, laid out like every other printout.
    const PageSetup setup = PageSetup::forClinic(m_session, document);
    QPrinter printer(QPrinter::HighResolution);
    printer.setPageLayout(DocumentPrinter::pageLayout(setup));
    printer.setDocName(document.title);
    QPrintPreviewDialog preview(&printer, this);
    preview.setWindowTitle(tr("Print Recall List"));
    connect(&preview, &QPrintPreviewDialog::paintRequested, this,
            [&document, &setup](QPrinter *target) { (void)DocumentPrinter::paint(document.html, *target, setup); });
    preview.exec();
}

} // namespace dermdesk::ui
