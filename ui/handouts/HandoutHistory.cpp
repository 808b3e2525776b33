#include "ui/handouts/HandoutHistory.h"

#include "calendar/ClinicTime.h"
#include "common/TimeFormat.h"
#include "education/HandoutLogRepository.h"
#include "session/ClinicSession.h"
#include "storage/ChangeSet.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace dermdesk::ui {

HandoutHistory::HandoutHistory(ClinicSession &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    setObjectName(QStringLiteral("handoutHistory"));
    connect(&session, &ClinicSession::changed, this, &HandoutHistory::follow);
    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("handoutList"));
    m_list->setRootIsDecorated(false);
    m_list->setHeaderLabels({tr("Printed"), tr("Document"), tr("Contents"), tr("By"), tr("As")});
    m_list->header()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_list->setAccessibleName(tr("Handouts printed"));
    m_empty = new QLabel(tr("No handouts printed for this patient yet."), this);
    m_empty->setObjectName(QStringLiteral("handoutHistoryEmpty"));
    auto *print = new QPushButton(tr("Print &Handout…"), this);
    print->setObjectName(QStringLiteral("printHandoutButton"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(print);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(buttons);
    layout->addWidget(m_empty);
    layout->addWidget(m_list, 1);
    connect(print, &QPushButton::clicked, this, [this]() {
        if (m_patientId > 0)
            emit printRequested(m_patientId);
    });
}

HandoutHistory *HandoutHistory::attach(QWidget *section, ClinicSession &session, std::function<qint64()> patient)
{
    auto *history = new HandoutHistory(session, section);
    history->m_patientSource = std::move(patient);
    if (auto *empty = section->findChild<QWidget *>(QStringLiteral("handoutsEmptyLabel")))
        empty->hide();
    if (auto *box = qobject_cast<QBoxLayout *>(section->layout()))
        box->addWidget(history, 1);
    return history;
}

void HandoutHistory::follow(const ChangeSet &changes)
{
    if (m_patientId > 0 && (changes.touchesPatient(m_patientId) || changes.touchesSetup()))
        showPatient(m_patientId);
}

void HandoutHistory::refresh()
{
    if (m_patientSource)
        showPatient(m_patientSource());
}

void HandoutHistory::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refresh();
}

void HandoutHistory::showPatient(qint64 patientId)
{
    m_patientId = patientId;
    m_list->clear();
    auto records = m_session.service<HandoutLogRepository>().forPatient(patientId);
    const QList<HandoutRecord> found = records ? records.value() : QList<HandoutRecord>();
    const ClinicTime time(m_session.zone());
    for (const HandoutRecord &record : found) {
        QStringList contents = record.guideSections;
        for (const TemplateUse &use : record.templates)
            contents.append(tr("%1 (version %2)").arg(use.title).arg(use.version));
        const QDateTime local = time.toLocal(record.printedAt);
        auto *item = new QTreeWidgetItem(m_list);
        item->setText(0, shortDateText(local.date()) + QLatin1Char(' ') + clockTimeText(local.time()));
        item->setText(1, record.document == QLatin1String("appointment_card") ? tr("Appointment card") : tr("Handout"));
        item->setText(2, contents.join(QStringLiteral(", ")));
        item->setToolTip(2, contents.join(QLatin1Char('\n')));
        item->setText(3, record.printedBy);
        item->setText(4, record.output == QLatin1String("pdf") ? tr("PDF") : tr("Printed"));
    }
    m_empty->setText(records ? tr("No handouts printed for this patient yet.") : records.error().message());
    m_empty->setVisible(found.isEmpty());
    m_list->setVisible(!found.isEmpty());
}

} // namespace dermdesk::ui
