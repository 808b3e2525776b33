#pragma once

#include "patients/PatientVisit.h"

#include <QWidget>

class QLabel;
class QTreeWidget;
class QTreeWidgetItem;

namespace dermdesk {
class ClinicSession;
} // namespace dermdesk

namespace dermdesk::ui {

// A patient's appointments: "Upcoming" (soonest first) and "Past" (latest first), each row with the date
// and time in the clinic's zone, type, practitioner, room and status (colour and icon), above a line that
// counts them with the no-shows and late cancels. Enter or a double-click on an upcoming appointment asks
// for it on the schedule.
class PatientTimeline : public QWidget
{
    Q_OBJECT

public:
    enum Column {
        WhenColumn,
        TypeColumn,
        PractitionerColumn,
        RoomColumn,
        StatusColumn,
        ColumnCount
    };

    // Times are shown in the clinic's zone; "now" (which visits are upcoming) comes from the session's clock. The
    // session must outlive the widget.
    explicit PatientTimeline(const ClinicSession &session, QWidget *parent = nullptr);

    // Shows `visits` (in any order).
    void setVisits(const QList<PatientVisit> &visits);
    // Shows that the appointments could not be read.
    void setFailure(const QString &message);

    [[nodiscard]] QTreeWidget *view() const { return m_view; }
    // "12 appointments: 3 upcoming, 9 past · 1 no-show · 2 late cancels".
    [[nodiscard]] QString summaryText() const;
    [[nodiscard]] int noShows() const { return m_noShows; }
    [[nodiscard]] int lateCancels() const { return m_lateCancels; }
    // The row of appointment `appointmentId`; null when not shown.
    [[nodiscard]] QTreeWidgetItem *itemOf(qint64 appointmentId) const;

signals:
    // An upcoming appointment was opened: show it on the schedule.
    void openAppointmentRequested(qint64 appointmentId, qint64 startsAtUtc);

private:
    void activate(QTreeWidgetItem *item);
    QTreeWidgetItem *addGroup(const QString &title, const QList<PatientVisit> &visits);

    const ClinicSession &m_session;
    QLabel *m_summary = nullptr;
    QTreeWidget *m_view = nullptr;
    int m_noShows = 0;
    int m_lateCancels = 0;
};

} // namespace dermdesk::ui
