#pragma once

#include "calendar/AppointmentStatus.h"
#include "calendar/BookingRequest.h"
#include "common/Clock.h"
#include "ui/schedule/ScheduleGeometry.h"

#include <QAbstractScrollArea>
#include <QPointer>
#include <QTimer>

#include <memory>
#include <optional>

class QMenu;

namespace dermdesk {
class ClinicSession;
class ScheduleModel;
} // namespace dermdesk

namespace dermdesk::ui {

// The schedule itself: ONE custom-painted scroll area over a ScheduleModel (columns of practitioners,
// rooms or days; wall-clock time down). It shows and selects; it never writes. What the person asks
// for leaves as signals: ScheduleArea performs moves, status changes and cancels, and the lead's
// booking dialog answers bookRequested/editRequested.
//
// Mouse: click selects a slot or an appointment; double-click books the slot or opens the appointment;
// dragging a block moves it (across columns too), dragging its bottom edge changes its length, with live
// feedback from the session's booking checks (previewReschedule); the drop emits rescheduleRequested and the block
// snaps back until the model reloads. Keyboard: arrows move the selection between slots and appointments,
// Enter opens, Del cancels, Ctrl+N books, T today, Page Up/Down previous/next page, Menu key for the
// appointment's actions. Times are UTC Unix seconds; "now" comes from the session's clock. The model and the
// session must outlive the view.
class ScheduleView : public QAbstractScrollArea
{
    Q_OBJECT

public:
    ScheduleView(ScheduleModel &model, ClinicSession &session, QWidget *parent = nullptr);
    ~ScheduleView() override;

    [[nodiscard]] ScheduleModel &model() const { return m_model; }
    // Null until the model has loaded a clinic set-up.
    [[nodiscard]] const ScheduleGeometry *geometry() const { return m_geometry ? &*m_geometry : nullptr; }

    // The selected appointment's id, 0 when a slot (or nothing) is selected.
    [[nodiscard]] qint64 selectedAppointment() const { return m_selectedId; }
    struct Slot
    {
        int column = -1;
        // Wall-clock minutes of the column's day.
        int minute = 0;
    };
    // The selected empty slot; column -1 when an appointment (or nothing) is selected.
    [[nodiscard]] Slot selectedSlot() const { return m_slot; }
    void selectAppointment(qint64 appointmentId);
    void selectSlot(int column, int minute);
    // Emits bookRequested for the selected empty slot; false when no slot is selected.
    bool requestBookingAtSelection();

    // Where things are, in viewport coordinates (for tests and tooltips); empty when not shown.
    [[nodiscard]] QRect appointmentRect(qint64 appointmentId) const;
    [[nodiscard]] QRect slotRect(int column, int minute) const;
    // The first column of `practitionerId` (or of room `roomId` when given), or -1.
    [[nodiscard]] int columnOf(qint64 practitionerId, qint64 roomId = 0) const;

    // Scrolls so `minute` is near the top.
    void scrollToMinute(int minute);
    // Scrolls to the earliest opening time of the shown columns.
    void scrollToOpening();

    // The actions on one appointment (Confirm ... Open patient), only legal ones enabled; the caller owns
    // the menu. Null when the appointment is not shown.
    // With id 0, the same actions for no appointment (for listing their keys).
    [[nodiscard]] std::unique_ptr<QMenu> makeContextMenu(qint64 appointmentId);
    // Every key the view answers to, as actions (never triggered): the selection and paging keys and the
    // context menu's actions. The caller owns the menu.
    [[nodiscard]] std::unique_ptr<QMenu> keyLegend();

signals:
    // Book at a slot: the column's practitioner (0 in a room column), its room (0 = none), the start.
    void bookRequested(qint64 practitionerId, qint64 roomId, qint64 startsAtUtc);
    void editRequested(qint64 appointmentId);
    void openPatientRequested(qint64 patientId);
    // A drop: move or resize as `request` says (allowPast false: the area asks first).
    void rescheduleRequested(qint64 appointmentId, const dermdesk::RescheduleRequest &request);
    void statusChangeRequested(qint64 appointmentId, dermdesk::AppointmentStatus to);
    void cancelRequested(qint64 appointmentId);
    // A key or a drop that cannot act, and why ("Select an appointment first ..."), for the status bar.
    void refused(const QString &why);
    void todayRequested();
    // -1: previous day or week; +1: next.
    void pageRequested(int direction);
    void selectionChanged();

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    bool event(QEvent *event) override;

private:
    enum class Drag {
        None,
        Pending,
        Move,
        Resize,
    };

    void rebuild();
    void updateGeometryAndScrollBars();
    [[nodiscard]] int minimumColumnWidth() const;
    [[nodiscard]] ScheduleGeometry::Hit hitAt(const QPoint &point) const;
    // The live block covering (column, minute), as a row, or -1.
    [[nodiscard]] int liveRowAt(int column, int minute) const;
    void moveSelection(int columnStep, int minuteStep);
    void selectSlotOrAppointmentAt(int column, int minute);
    void activateSelection();
    // The selected appointment's action for a single key (C, I, S, M, N, R, P): status steps always go to
    // statusChangeRequested (the area explains a step that does not apply), the others run when enabled.
    void actOnSelection(int key);
    void requestBooking(int column, int minute);
    void ensureSelectionVisible();
    void updateDragTarget(const QPoint &point);
    [[nodiscard]] std::optional<RescheduleRequest> dragRequest(QString *problem) const;
    void endDrag();

    ScheduleModel &m_model;
    ClinicSession &m_session;
    const Clock &m_clock;
    std::optional<ScheduleGeometry> m_geometry;
    QList<ScheduleGeometry::Block> m_blocks;
    qint64 m_selectedId = 0;
    Slot m_slot;
    bool m_scrolledToOpening = false;

    Drag m_drag = Drag::None;
    QPoint m_pressPoint;
    qsizetype m_dragRow = -1;
    double m_grabMinutes = 0;
    ScheduleGeometry::Block m_dragTarget;
    bool m_dragAllowed = true;
    QString m_dragText;

    QTimer m_nowTimer;
};

} // namespace dermdesk::ui
