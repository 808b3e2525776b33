#include "ui/schedule/ScheduleView.h"

#include "agenda/ScheduleModel.h"
#include "session/ClinicSession.h"
#include "ui/schedule/ScheduleRenderer.h"
#include "ui/schedule/StatusStyle.h"

#include <QApplication>
#include <QContextMenuEvent>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMenu>
#include <QPainter>
#include <QScrollBar>
#include <QToolTip>

#include <cmath>

namespace dermdesk::ui {

namespace {

constexpr int axisWidth = 60;
constexpr double minuteHeight = 1.6;

int headerHeightFor(const ScheduleModel &model)
{
    return model.view().mode == ScheduleModel::Mode::CompactWeek ? 52 : 40;
}

} // namespace

ScheduleView::ScheduleView(ScheduleModel &model, ClinicSession &session, QWidget *parent)
    : QAbstractScrollArea(parent)
    , m_model(model)
    , m_session(session)
    , m_clock(session.clock())
{
    setObjectName(QStringLiteral("scheduleView"));
    setFocusPolicy(Qt::StrongFocus);
    setFrameShape(QFrame::NoFrame);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    viewport()->setMouseTracking(true);
    viewport()->setAttribute(Qt::WA_OpaquePaintEvent);
    setAccessibleName(tr("Schedule"));
    connect(&m_model, &ScheduleModel::modelReset, this, &ScheduleView::rebuild);
    m_nowTimer.setInterval(30 * 1000);
    connect(&m_nowTimer, &QTimer::timeout, viewport(), qOverload<>(&QWidget::update));
    m_nowTimer.start();
    rebuild();
}

ScheduleView::~ScheduleView() = default;

int ScheduleView::minimumColumnWidth() const
{
    return m_model.view().mode == ScheduleModel::Mode::CompactWeek ? 26 : 120;
}

void ScheduleView::rebuild()
{
    endDrag();
    const auto &setup = m_model.setup();
    if (!setup) {
        m_geometry.reset();
        m_blocks.clear();
    } else {
        if (!m_geometry || m_geometry->slotMinutes() != setup->slotMinutes()
            || m_geometry->time().zone() != setup->time().zone())
            m_geometry.emplace(setup->time(), setup->slotMinutes());
        m_geometry->setSlotHeight(minuteHeight * setup->slotMinutes());
        m_blocks.clear();
        m_blocks.reserve(m_model.rowCount());
        const QList<ScheduleColumn> &columns = m_model.scheduleColumns();
        for (int row = 0; row < m_model.rowCount(); ++row) {
            const AgendaEntry &e = m_model.entry(row);
            ScheduleGeometry::Block block;
            block.id = e.id;
            block.column = m_model.columnOf(row);
            const QDate day = columns.at(block.column).day;
            block.startMin = m_geometry->minuteOn(e.startsAt, day);
            block.endMin = m_geometry->endMinuteOn(e.startsAt, e.endsAt, day);
            block.isVoid = status_style::isVoid(e.status);
            m_blocks.append(block);
        }
        ScheduleGeometry::layout(m_blocks);
    }
    // Keep the selection when it is still there.
    if (m_selectedId && m_model.rowOf(m_selectedId) < 0)
        m_selectedId = 0;
    if (m_slot.column >= m_model.scheduleColumns().size())
        m_slot = {};
    updateGeometryAndScrollBars();
    if (!m_scrolledToOpening && m_geometry) {
        scrollToOpening();
        m_scrolledToOpening = true;
    }
    viewport()->update();
}

void ScheduleView::updateGeometryAndScrollBars()
{
    if (!m_geometry)
        return;
    const int header = headerHeightFor(m_model);
    const int count = int(m_model.scheduleColumns().size());
    const int available = std::max(0, viewport()->width() - axisWidth);
    const int width = std::max(available, count * minimumColumnWidth());
    horizontalScrollBar()->setRange(0, width - available);
    horizontalScrollBar()->setPageStep(available);
    horizontalScrollBar()->setSingleStep(std::max(20, minimumColumnWidth()));
    const int bodyHeight = std::max(0, viewport()->height() - header);
    verticalScrollBar()->setRange(0, std::max(0, int(std::ceil(m_geometry->dayHeight())) - bodyHeight));
    verticalScrollBar()->setPageStep(bodyHeight);
    verticalScrollBar()->setSingleStep(int(m_geometry->slotHeight()));
    m_geometry->setTop(header - verticalScrollBar()->value());
    m_geometry->setColumns(count, axisWidth - horizontalScrollBar()->value(), width);
}

void ScheduleView::scrollToMinute(int minute)
{
    if (!m_geometry)
        return;
    verticalScrollBar()->setValue(int(minute * m_geometry->minuteHeight()));
    updateGeometryAndScrollBars();
    viewport()->update();
}

void ScheduleView::scrollToOpening()
{
    // The clinic's earliest opening on the days shown; on days it is closed, its earliest opening in the week.
    const auto &setup = m_model.setup();
    const auto earliestOpening = [&setup](const QList<int> &weekdays) {
        std::optional<int> earliest;
        for (const int weekday : weekdays) {
            for (const WeeklyHours &hours : setup->openingHours(weekday))
                earliest = std::min(earliest.value_or(hours.startMin), hours.startMin);
        }
        return earliest;
    };
    std::optional<int> opening;
    if (setup) {
        QList<int> shown;
        for (const ScheduleColumn &column : m_model.scheduleColumns()) {
            if (!shown.contains(column.day.dayOfWeek()))
                shown.append(column.day.dayOfWeek());
        }
        opening = earliestOpening(shown);
        if (!opening)
            opening = earliestOpening({1, 2, 3, 4, 5, 6, 7});
    }
    scrollToMinute(std::max(0, opening.value_or(8 * 60) - 30));
}

void ScheduleView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateGeometryAndScrollBars();
}

void ScheduleView::scrollContentsBy(int, int)
{
    updateGeometryAndScrollBars();
    viewport()->update();
}

void ScheduleView::paintEvent(QPaintEvent *)
{
    QPainter painter(viewport());
    if (!m_geometry) {
        painter.fillRect(viewport()->rect(), palette().base());
        return;
    }
    ScheduleRenderer::Scene scene;
    scene.model = &m_model;
    scene.geometry = &*m_geometry;
    scene.blocks = &m_blocks;
    scene.viewport = viewport()->rect();
    scene.headerHeight = headerHeightFor(m_model);
    scene.axisWidth = axisWidth;
    scene.groupedByDay = m_model.view().mode == ScheduleModel::Mode::CompactWeek;
    scene.nowUtc = m_clock.now().toSecsSinceEpoch();
    scene.selectedAppointment = m_selectedId;
    scene.selectedColumn = m_slot.column;
    scene.selectedMinute = m_slot.minute;
    scene.hasFocus = hasFocus();
    scene.font = font();
    if (m_drag == Drag::Move || m_drag == Drag::Resize) {
        scene.draggedBlock = m_dragRow;
        scene.dragTarget = m_dragTarget;
        scene.dragAllowed = m_dragAllowed;
        scene.dragText = m_dragText;
    }
    ScheduleRenderer::paint(painter, scene);
}

ScheduleGeometry::Hit ScheduleView::hitAt(const QPoint &point) const
{
    if (!m_geometry || point.y() < headerHeightFor(m_model) || point.x() < axisWidth)
        return {};
    return m_geometry->hitTest(point, m_blocks);
}

QRect ScheduleView::appointmentRect(qint64 appointmentId) const
{
    const int row = m_model.rowOf(appointmentId);
    if (!m_geometry || row < 0)
        return {};
    return m_geometry->blockRect(m_blocks.at(row)).toAlignedRect().intersected(viewport()->rect());
}

QRect ScheduleView::slotRect(int column, int minute) const
{
    if (!m_geometry)
        return {};
    return m_geometry->slotRect(column, minute).toAlignedRect().intersected(viewport()->rect());
}

int ScheduleView::columnOf(qint64 practitionerId, qint64 roomId) const
{
    const QList<ScheduleColumn> &columns = m_model.scheduleColumns();
    for (int c = 0; c < columns.size(); ++c) {
        if (roomId ? columns.at(c).roomId == roomId : columns.at(c).practitionerId == practitionerId)
            return c;
    }
    return -1;
}

void ScheduleView::selectAppointment(qint64 appointmentId)
{
    if (m_model.rowOf(appointmentId) < 0)
        return;
    m_selectedId = appointmentId;
    m_slot = {};
    ensureSelectionVisible();
    viewport()->update();
    emit selectionChanged();
}

void ScheduleView::selectSlot(int column, int minute)
{
    if (!m_geometry || column < 0 || column >= m_model.scheduleColumns().size())
        return;
    const int slot = m_geometry->slotMinutes();
    m_slot = {column, std::clamp(minute - minute % slot, 0, ScheduleGeometry::minutesPerDay - slot)};
    m_selectedId = 0;
    ensureSelectionVisible();
    viewport()->update();
    emit selectionChanged();
}

int ScheduleView::liveRowAt(int column, int minute) const
{
    for (qsizetype i = 0; i < m_blocks.size(); ++i) {
        const ScheduleGeometry::Block &b = m_blocks.at(i);
        if (!b.isVoid && b.column == column && b.startMin <= minute && minute < b.endMin)
            return int(i);
    }
    return -1;
}

void ScheduleView::selectSlotOrAppointmentAt(int column, int minute)
{
    const int row = liveRowAt(column, minute);
    if (row >= 0)
        selectAppointment(m_blocks.at(row).id);
    else
        selectSlot(column, minute);
}

void ScheduleView::moveSelection(int columnStep, int minuteStep)
{
    if (!m_geometry || m_model.scheduleColumns().isEmpty())
        return;
    const int count = int(m_model.scheduleColumns().size());
    const int slot = m_geometry->slotMinutes();
    int column = m_slot.column;
    int minute = m_slot.minute;
    const int row = m_model.rowOf(m_selectedId);
    if (row >= 0) {
        const ScheduleGeometry::Block &b = m_blocks.at(row);
        column = b.column;
        minute = minuteStep > 0 ? b.endMin - slot : b.startMin;
    } else if (column < 0) {
        column = 0;
        minute = m_geometry->yToMinute(headerHeightFor(m_model) + 1);
        selectSlotOrAppointmentAt(column, minute);
        return;
    }
    column = std::clamp(column + columnStep, 0, count - 1);
    minute = std::clamp(minute + minuteStep * slot, 0, ScheduleGeometry::minutesPerDay - slot);
    selectSlotOrAppointmentAt(column, minute);
}

void ScheduleView::ensureSelectionVisible()
{
    if (!m_geometry)
        return;
    QRectF target;
    const int row = m_model.rowOf(m_selectedId);
    if (row >= 0)
        target = m_geometry->blockRect(m_blocks.at(row));
    else if (m_slot.column >= 0)
        target = m_geometry->slotRect(m_slot.column, m_slot.minute);
    else
        return;
    const int header = headerHeightFor(m_model);
    const int bodyHeight = viewport()->height() - header;
    if (target.top() < header)
        verticalScrollBar()->setValue(verticalScrollBar()->value() - int(header - target.top()) - 4);
    else if (target.top() + std::min(target.height(), double(bodyHeight) / 2) > viewport()->height())
        verticalScrollBar()->setValue(
            verticalScrollBar()->value()
            + int(target.top() + std::min(target.height(), bodyHeight / 2.0) - viewport()->height()) + 4);
    if (target.left() < axisWidth)
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - int(axisWidth - target.left()));
    else if (target.right() > viewport()->width())
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() + int(target.right() - viewport()->width()));
    updateGeometryAndScrollBars();
}

void ScheduleView::requestBooking(int column, int minute)
{
    if (!m_geometry || column < 0 || column >= m_model.scheduleColumns().size())
        return;
    const ScheduleColumn &c = m_model.scheduleColumns().at(column);
    const auto start = m_geometry->time().toUtc(c.day, minute);
    if (start)
        emit bookRequested(c.practitionerId, c.roomId, start.value());
}

bool ScheduleView::requestBookingAtSelection()
{
    if (m_slot.column < 0)
        return false;
    requestBooking(m_slot.column, m_slot.minute);
    return true;
}

void ScheduleView::activateSelection()
{
    if (m_selectedId)
        emit editRequested(m_selectedId);
    else if (m_slot.column >= 0)
        requestBooking(m_slot.column, m_slot.minute);
}

void ScheduleView::keyPressEvent(QKeyEvent *event)
{
    const Qt::KeyboardModifiers modifiers = event->modifiers() & ~Qt::KeypadModifier;
    if (event->matches(QKeySequence::New)) {
        if (m_selectedId) {
            const ScheduleGeometry::Block &b = m_blocks.at(m_model.rowOf(m_selectedId));
            requestBooking(b.column, b.endMin);
        } else if (m_slot.column >= 0) {
            requestBooking(m_slot.column, m_slot.minute);
        }
        return;
    }
    if (modifiers != Qt::NoModifier && modifiers != Qt::ShiftModifier) {
        QAbstractScrollArea::keyPressEvent(event);
        return;
    }
    switch (event->key()) {
    case Qt::Key_Up:
        moveSelection(0, -1);
        return;
    case Qt::Key_Down:
        moveSelection(0, 1);
        return;
    case Qt::Key_Left:
        moveSelection(-1, 0);
        return;
    case Qt::Key_Right:
        moveSelection(1, 0);
        return;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        activateSelection();
        return;
    case Qt::Key_Delete:
        if (m_selectedId)
            emit cancelRequested(m_selectedId);
        return;
    case Qt::Key_C:
    case Qt::Key_I:
    case Qt::Key_S:
    case Qt::Key_M:
    case Qt::Key_N:
    case Qt::Key_R:
    case Qt::Key_P:
        actOnSelection(event->key());
        return;
    case Qt::Key_T:
        emit todayRequested();
        return;
    case Qt::Key_PageUp:
        emit pageRequested(-1);
        return;
    case Qt::Key_PageDown:
        emit pageRequested(1);
        return;
    case Qt::Key_Escape:
        if (m_drag != Drag::None) {
            endDrag();
            return;
        }
        break;
    default:
        break;
    }
    QAbstractScrollArea::keyPressEvent(event);
}

void ScheduleView::focusInEvent(QFocusEvent *event)
{
    QAbstractScrollArea::focusInEvent(event);
    viewport()->update();
}

void ScheduleView::focusOutEvent(QFocusEvent *event)
{
    QAbstractScrollArea::focusOutEvent(event);
    viewport()->update();
}

bool ScheduleView::event(QEvent *event)
{
    // Ctrl+N books here, before the main window's "New clinic database" shortcut sees it.
    if (event->type() == QEvent::ShortcutOverride && static_cast<QKeyEvent *>(event)->matches(QKeySequence::New)) {
        event->accept();
        return true;
    }
    return QAbstractScrollArea::event(event);
}

bool ScheduleView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip && m_drag == Drag::None) {
        auto *help = static_cast<QHelpEvent *>(event);
        const auto hit = hitAt(help->pos());
        const int row = m_model.rowOf(hit.appointmentId);
        if (row >= 0) {
            const AgendaEntry &e = m_model.entry(row);
            const QString time = m_geometry->time().spanText(e.startsAt, e.endsAt);
            QString text =
                tr("%1\n%2, %3\n%4").arg(e.patientName, time, e.typeName, appointment_status::label(e.status));
            if (!e.screeningSummary.isEmpty())
                text += QLatin1Char('\n') + e.screeningSummary;
            QToolTip::showText(help->globalPos(), text, viewport());
        } else {
            QToolTip::hideText();
        }
        return true;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

} // namespace dermdesk::ui
