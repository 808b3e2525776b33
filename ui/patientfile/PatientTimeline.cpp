#include "ui/patientfile/PatientTimeline.h"

#include "calendar/AppointmentStatus.h"
#include "calendar/ClinicTime.h"
#include "common/TimeFormat.h"
#include "session/ClinicSession.h"
#include "ui/schedule/StatusStyle.h"
#include "ui/widgets/Theme.h"

#include <QHeaderView>
#include <QLabel>
#include <QScrollBar>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace dermdesk::ui {

namespace {

constexpr int AppointmentIdRole = Qt::UserRole + 1;
constexpr int StartsAtRole = Qt::UserRole + 2;
constexpr int UpcomingRole = Qt::UserRole + 3;

} // namespace

PatientTimeline::PatientTimeline(const ClinicSession &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    setObjectName(QStringLiteral("patientTimeline"));
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("timelineSummary"));
    m_summary->setTextFormat(Qt::PlainText);

    m_view = new QTreeWidget(this);
    m_view->setObjectName(QStringLiteral("timelineView"));
    m_view->setAccessibleName(tr("Appointments of the patient"));
    m_view->setColumnCount(ColumnCount);
    m_view->setHeaderLabels({tr("When"), tr("Type"), tr("Practitioner"), tr("Room"), tr("Status")});
    m_view->setRootIsDecorated(false);
    m_view->setItemsExpandable(false);
    m_view->setAlternatingRowColors(true);
    m_view->setUniformRowHeights(true);
    m_view->setIconSize(QSize(16, 16));
    m_view->setAllColumnsShowFocus(true);
    m_view->header()->setStretchLastSection(true);
    m_view->header()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 8, 4, 4);
    layout->setSpacing(8);
    layout->addWidget(m_summary);
    layout->addWidget(m_view, 1);

    connect(m_view, &QTreeWidget::itemActivated, this, &PatientTimeline::activate);
}

QTreeWidgetItem *PatientTimeline::addGroup(const QString &title, const QList<PatientVisit> &visits)
{
    auto *group = new QTreeWidgetItem(m_view, {title});
    group->setFlags(Qt::ItemIsEnabled);
    QFont bold = m_view->font();
    bold.setBold(true);
    group->setFont(WhenColumn, bold);
    group->setForeground(WhenColumn, QColor(theme::mutedText));
    const ClinicTime time(m_session.zone());
    const qint64 now = m_session.clock().now().toSecsSinceEpoch();
    for (const PatientVisit &visit : visits) {
        const QDateTime start = time.toLocal(visit.startsAt);
        const QDateTime end = time.toLocal(visit.endsAt);
        const QString when = tr("%1 %2  %3")
                                 .arg(QLocale().dayName(start.date().dayOfWeek(), QLocale::ShortFormat),
                                      shortDateText(start.date()), clockSpanText(start.time(), end.time()));
        const std::optional<AppointmentStatus> status = appointment_status::fromStorage(visit.status);
        QString statusText = status ? appointment_status::label(*status) : visit.status;
        if (visit.lateCancel)
            statusText = tr("%1 (late)").arg(statusText);
        auto *item = new QTreeWidgetItem(group, {when, visit.typeName, visit.practitionerName,
                                                 visit.roomName.isEmpty() ? tr("\u2013") : visit.roomName, statusText});
        item->setData(WhenColumn, AppointmentIdRole, visit.appointmentId);
        item->setData(WhenColumn, StartsAtRole, visit.startsAt);
        item->setData(WhenColumn, UpcomingRole, visit.startsAt >= now);
        if (status) {
            item->setIcon(StatusColumn, status_style::icon(*status));
            if (status_style::isVoid(*status)) {
                for (int column = 0; column < ColumnCount; ++column)
                    item->setForeground(column, QColor(theme::mutedText));
            }
        }
        item->setSizeHint(WhenColumn, QSize(0, m_view->fontMetrics().height() + 10));
        if (visit.startsAt >= now)
            item->setToolTip(WhenColumn, tr("Enter or double-click: show it on the schedule"));
    }
    group->setSizeHint(WhenColumn, QSize(0, m_view->fontMetrics().height() + 10));
    group->setFirstColumnSpanned(true);
    group->setExpanded(true);
    return group;
}

void PatientTimeline::setVisits(const QList<PatientVisit> &visits)
{
    // Shown again after a change: the same appointment stays current and the list where it was scrolled.
    const QTreeWidgetItem *current = m_view->currentItem();
    const qint64 currentId = current ? current->data(WhenColumn, AppointmentIdRole).toLongLong() : 0;
    const int scrolled = m_view->verticalScrollBar()->value();
    m_view->clear();
    const qint64 now = m_session.clock().now().toSecsSinceEpoch();
    QList<PatientVisit> upcoming;
    QList<PatientVisit> past;
    m_noShows = 0;
    m_lateCancels = 0;
    for (const PatientVisit &visit : visits) {
        (visit.startsAt >= now ? upcoming : past).append(visit);
        if (visit.status == QLatin1String("no_show"))
            ++m_noShows;
        if (visit.lateCancel)
            ++m_lateCancels;
    }
    std::sort(upcoming.begin(), upcoming.end(),
              [](const PatientVisit &a, const PatientVisit &b) { return a.startsAt < b.startsAt; });
    std::sort(past.begin(), past.end(),
              [](const PatientVisit &a, const PatientVisit &b) { return a.startsAt > b.startsAt; });
    addGroup(upcoming.isEmpty() ? tr("Upcoming: none booked") : tr("Upcoming (%1)").arg(upcoming.size()), upcoming);
    addGroup(past.isEmpty() ? tr("Past: none yet") : tr("Past (%1)").arg(past.size()), past);
    // Rows carry a height-only size hint, so the widths are measured here rather than by the view.
    const QFontMetrics metrics(m_view->font());
    for (int column = 0; column < StatusColumn; ++column) {
        int width = metrics.horizontalAdvance(m_view->headerItem()->text(column));
        for (int group = 0; group < m_view->topLevelItemCount(); ++group) {
            const QTreeWidgetItem *parent = m_view->topLevelItem(group);
            for (int row = 0; row < parent->childCount(); ++row)
                width = qMax(width, metrics.horizontalAdvance(parent->child(row)->text(column)));
        }
        m_view->setColumnWidth(column, width + (column == WhenColumn ? m_view->indentation() : 0) + 28);
    }

    QStringList parts;
    parts << (visits.size() == 1 ? tr("1 appointment") : tr("%1 appointments").arg(visits.size()));
    parts << (m_noShows == 1 ? tr("1 no-show") : tr("%1 no-shows").arg(m_noShows));
    parts << (m_lateCancels == 1 ? tr("1 late cancel") : tr("%1 late cancels").arg(m_lateCancels));
    m_summary->setText(parts.join(QStringLiteral("  \u00b7  ")));
    QPalette palette = m_summary->palette();
    palette.setColor(QPalette::WindowText,
                     m_noShows + m_lateCancels > 0 ? QColor(0x9a5b00) : palette.color(QPalette::WindowText));
    m_summary->setPalette(m_noShows + m_lateCancels > 0 ? palette : QPalette());
    if (QTreeWidgetItem *first = m_view->topLevelItem(0); first && first->childCount() > 0)
        m_view->setCurrentItem(first->child(0));
    if (QTreeWidgetItem *again = currentId > 0 ? itemOf(currentId) : nullptr) {
        m_view->setCurrentItem(again);
        m_view->verticalScrollBar()->setValue(scrolled);
    }
}

void PatientTimeline::setFailure(const QString &message)
{
    m_view->clear();
    m_noShows = m_lateCancels = 0;
    m_summary->setText(tr("The appointments could not be read: %1").arg(message));
}

QString PatientTimeline::summaryText() const
{
    return m_summary->text();
}

QTreeWidgetItem *PatientTimeline::itemOf(qint64 appointmentId) const
{
    for (int group = 0; group < m_view->topLevelItemCount(); ++group) {
        QTreeWidgetItem *parent = m_view->topLevelItem(group);
        for (int row = 0; row < parent->childCount(); ++row) {
            if (parent->child(row)->data(WhenColumn, AppointmentIdRole).toLongLong() == appointmentId)
                return parent->child(row);
        }
    }
    return nullptr;
}

void PatientTimeline::activate(QTreeWidgetItem *item)
{
    if (!item || !item->data(WhenColumn, UpcomingRole).toBool())
        return;
    emit openAppointmentRequested(item->data(WhenColumn, AppointmentIdRole).toLongLong(),
                                  item->data(WhenColumn, StartsAtRole).toLongLong());
}

} // namespace dermdesk::ui
