// ScheduleView's mouse: selecting, double-click to book or open, and dragging a block to move or resize it,
// with the live check of where it would land. (Painting, keys and scrolling are in ScheduleView.cpp.)
#include "ui/schedule/ScheduleView.h"

#include "agenda/ScheduleModel.h"
#include "calendar/BookingService.h"
#include "session/ClinicSession.h"

#include <QApplication>
#include <QMouseEvent>

namespace dermdesk::ui {

void ScheduleView::mousePressEvent(QMouseEvent *event)
{
    setFocus(Qt::MouseFocusReason);
    const ScheduleGeometry::Hit hit = hitAt(event->position().toPoint());
    if (event->button() != Qt::LeftButton && event->button() != Qt::RightButton)
        return;
    if (hit.kind == ScheduleGeometry::Hit::Kind::Slot) {
        selectSlot(hit.column, hit.minute);
    } else if (hit.kind == ScheduleGeometry::Hit::Kind::Appointment
               || hit.kind == ScheduleGeometry::Hit::Kind::ResizeHandle) {
        selectAppointment(hit.appointmentId);
        if (event->button() == Qt::LeftButton && !m_blocks.at(hit.block).isVoid) {
            m_drag = Drag::Pending;
            m_dragRow = hit.block;
            m_pressPoint = event->position().toPoint();
            m_grabMinutes = (event->position().y() - m_geometry->minuteToY(m_blocks.at(hit.block).startMin))
                            / m_geometry->minuteHeight();
            m_dragTarget = m_blocks.at(hit.block);
            m_dragTarget.lane = 0;
            m_dragTarget.laneCount = 1;
            // Remember which kind of drag a movement would start.
            m_dragAllowed = hit.kind == ScheduleGeometry::Hit::Kind::Appointment;
        }
    }
}

void ScheduleView::mouseMoveEvent(QMouseEvent *event)
{
    const QPoint point = event->position().toPoint();
    if (m_drag == Drag::None) {
        const auto hit = hitAt(point);
        viewport()->setCursor(hit.kind == ScheduleGeometry::Hit::Kind::ResizeHandle ? Qt::SizeVerCursor
                                                                                    : Qt::ArrowCursor);
        return;
    }
    if (m_drag == Drag::Pending) {
        if ((point - m_pressPoint).manhattanLength() < QApplication::startDragDistance())
            return;
        m_drag = m_dragAllowed ? Drag::Move : Drag::Resize;
    }
    updateDragTarget(point);
}

void ScheduleView::updateDragTarget(const QPoint &point)
{
    const ScheduleGeometry &g = *m_geometry;
    const ScheduleGeometry::Block &original = m_blocks.at(m_dragRow);
    const int slot = g.slotMinutes();
    ScheduleGeometry::Block target = m_dragTarget;
    if (m_drag == Drag::Move) {
        const int column = g.columnAt(point.x());
        target.column = column >= 0 ? column : target.column;
        const double startMinute = (point.y() - g.top()) / g.minuteHeight() - m_grabMinutes;
        const int snapped = int(std::lround(startMinute / slot)) * slot;
        const int length = original.endMin - original.startMin;
        target.startMin = std::clamp(snapped, 0, ScheduleGeometry::minutesPerDay - length);
        target.endMin = target.startMin + length;
    } else {
        const double endMinute = (point.y() - g.top()) / g.minuteHeight();
        const int snapped = int(std::lround(endMinute / slot)) * slot;
        target.endMin = std::clamp(snapped, original.startMin + slot, ScheduleGeometry::minutesPerDay);
    }
    if (target.column == m_dragTarget.column && target.startMin == m_dragTarget.startMin
        && target.endMin == m_dragTarget.endMin && !m_dragText.isEmpty()) {
        return;
    }
    m_dragTarget = target;
    QString problem;
    const auto request = dragRequest(&problem);
    const QString times = QStringLiteral("%1:%2")
                              .arg(target.startMin / 60, 2, 10, QLatin1Char('0'))
                              .arg(target.startMin % 60, 2, 10, QLatin1Char('0'));
    if (!request) {
        m_dragAllowed = false;
        m_dragText = problem;
    } else {
        RescheduleRequest preview = *request;
        preview.allowPast = true;
        const auto checked = m_session.service<BookingService>().previewReschedule(original.id, preview);
        m_dragAllowed = checked.ok();
        m_dragText = checked ? tr("%1 \u2013 drop to move").arg(times) : checked.error().message();
    }
    setToolTip(m_dragText);
    viewport()->update();
}

std::optional<RescheduleRequest> ScheduleView::dragRequest(QString *problem) const
{
    const ScheduleGeometry::Block &original = m_blocks.at(m_dragRow);
    const AgendaEntry &entry = m_model.entry(int(m_dragRow));
    const ScheduleColumn &column = m_model.scheduleColumns().at(m_dragTarget.column);
    RescheduleRequest request;
    // In the hour the clocks repeat, the appointment stays in the reading (first or second) it is in.
    const auto start = m_drag == Drag::Move ? m_geometry->placedStart(column.day, m_dragTarget.startMin, entry.startsAt)
                                            : Result<qint64>(entry.startsAt);
    const auto end = m_geometry->placedEnd(column.day, m_dragTarget.endMin, start ? start.value() : entry.startsAt);
    if (!start || !end) {
        *problem = (!start ? start.error() : end.error()).message();
        return std::nullopt;
    }
    if (m_drag == Drag::Move) {
        request.startsAt = start.value();
        // The same wall-clock length, also across a daylight-saving change.
        request.endsAt = end.value();
        if (column.practitionerId && column.practitionerId != entry.practitionerId)
            request.practitionerId = column.practitionerId;
        if (column.roomId && column.roomId != entry.roomId)
            request.roomId = column.roomId;
    } else {
        request.endsAt = end.value();
    }
    if (m_dragTarget.column == original.column && m_dragTarget.startMin == original.startMin
        && m_dragTarget.endMin == original.endMin) {
        *problem = QString();
        return std::nullopt;
    }
    return request;
}

void ScheduleView::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || (m_drag != Drag::Move && m_drag != Drag::Resize)) {
        endDrag();
        return;
    }
    QString problem;
    const qint64 id = m_blocks.at(m_dragRow).id;
    const auto request = dragRequest(&problem);
    endDrag();
    // The block snaps back; the model shows the new place once the area has stored it and reloaded.
    if (request)
        emit rescheduleRequested(id, *request);
    else if (!problem.isEmpty())
        emit refused(problem);
}

void ScheduleView::endDrag()
{
    const bool wasDragging = m_drag != Drag::None;
    m_drag = Drag::None;
    m_dragRow = -1;
    m_dragText.clear();
    m_dragAllowed = true;
    if (wasDragging) {
        setToolTip(QString());
        viewport()->update();
    }
}

void ScheduleView::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return;
    const ScheduleGeometry::Hit hit = hitAt(event->position().toPoint());
    endDrag();
    if (hit.kind == ScheduleGeometry::Hit::Kind::Slot) {
        selectSlot(hit.column, hit.minute);
        requestBooking(hit.column, hit.minute);
    } else if (hit.appointmentId) {
        selectAppointment(hit.appointmentId);
        emit editRequested(hit.appointmentId);
    }
}

} // namespace dermdesk::ui
