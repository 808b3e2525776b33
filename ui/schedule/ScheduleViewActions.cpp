#include "ui/schedule/ScheduleView.h"

#include "agenda/ScheduleModel.h"
#include "ui/schedule/StatusStyle.h"

#include <QContextMenuEvent>
#include <QMenu>

// The schedule view's actions on one appointment: the context menu, the single keys that take them, and the
// legend of every key the view answers to. (Painting, selection and dragging are in ScheduleView.cpp.)

namespace dermdesk::ui {

namespace {

// One status step of an appointment's context menu, with the key that takes it while the appointment is
// selected.
struct StatusStep
{
    AppointmentStatus status;
    QString text;
    QString objectName;
    Qt::Key key;
};

} // namespace

void ScheduleView::actOnSelection(int key)
{
    if (!m_selectedId) {
        emit refused(tr("Select an appointment first: %1 acts on the selected appointment")
                         .arg(QKeySequence(key).toString(QKeySequence::NativeText)));
        return;
    }
    auto menu = makeContextMenu(m_selectedId);
    if (!menu)
        return;
    for (QAction *action : menu->actions()) {
        if (action->shortcut() != QKeySequence(key))
            continue;
        // A status step that does not apply still goes to the area, which says why in the status bar.
        const QVariant status = action->property("status");
        if (status.isValid())
            emit statusChangeRequested(m_selectedId, AppointmentStatus(status.toInt()));
        else if (action->isEnabled())
            action->trigger();
        else
            emit refused(
                tr("A %1 appointment cannot be rescheduled")
                    .arg(appointment_status::label(m_model.entry(m_model.rowOf(m_selectedId)).status).toLower()));
        return;
    }
}

std::unique_ptr<QMenu> ScheduleView::makeContextMenu(qint64 appointmentId)
{
    const int row = m_model.rowOf(appointmentId);
    if (row < 0 && appointmentId != 0)
        return nullptr;
    const AgendaEntry entry = row >= 0 ? m_model.entry(row) : AgendaEntry{};
    auto menu = std::make_unique<QMenu>(this);
    menu->setObjectName(QStringLiteral("appointmentMenu"));
    const StatusStep steps[] = {
        {AppointmentStatus::Confirmed, tr("&Confirm"), QStringLiteral("confirmAction"), Qt::Key_C},
        {AppointmentStatus::Arrived, tr("Check &in"), QStringLiteral("checkInAction"), Qt::Key_I},
        {AppointmentStatus::InTreatment, tr("&Start treatment"), QStringLiteral("startAction"), Qt::Key_S},
        {AppointmentStatus::Completed, tr("Co&mplete"), QStringLiteral("completeAction"), Qt::Key_M},
        {AppointmentStatus::NoShow, tr("&No-show"), QStringLiteral("noShowAction"), Qt::Key_N},
    };
    for (const auto &step : steps) {
        QAction *action = menu->addAction(status_style::icon(step.status), step.text);
        action->setObjectName(step.objectName);
        action->setShortcut(QKeySequence(step.key));
        action->setProperty("status", int(step.status));
        action->setEnabled(appointment_status::canChange(entry.status, step.status));
        const AppointmentStatus to = step.status;
        connect(action, &QAction::triggered, this,
                [this, appointmentId, to] { emit statusChangeRequested(appointmentId, to); });
    }
    QAction *cancel = menu->addAction(status_style::icon(AppointmentStatus::Cancelled), tr("Ca&ncel\u2026"));
    cancel->setObjectName(QStringLiteral("cancelAction"));
    cancel->setShortcut(QKeySequence::Delete);
    cancel->setEnabled(appointment_status::canChange(entry.status, AppointmentStatus::Cancelled));
    connect(cancel, &QAction::triggered, this, [this, appointmentId] { emit cancelRequested(appointmentId); });
    menu->addSeparator();
    QAction *reschedule = menu->addAction(tr("&Reschedule\u2026"));
    reschedule->setObjectName(QStringLiteral("rescheduleAction"));
    reschedule->setShortcut(QKeySequence(Qt::Key_R));
    reschedule->setEnabled(!appointment_status::isFinal(entry.status));
    connect(reschedule, &QAction::triggered, this, [this, appointmentId] { emit editRequested(appointmentId); });
    QAction *patient = menu->addAction(tr("Open &patient"));
    patient->setObjectName(QStringLiteral("openPatientAction"));
    patient->setShortcut(QKeySequence(Qt::Key_P));
    const qint64 patientId = entry.patientId;
    connect(patient, &QAction::triggered, this, [this, patientId] { emit openPatientRequested(patientId); });
    return menu;
}

std::unique_ptr<QMenu> ScheduleView::keyLegend()
{
    auto menu = std::make_unique<QMenu>(this);
    const auto add = [&menu](const QString &text, const QList<QKeySequence> &keys) {
        QAction *action = menu->addAction(text);
        action->setShortcuts(keys);
        action->setEnabled(false);
    };
    // The keys keyPressEvent() handles itself (T, Page Up/Down and Ctrl+N are the window's actions too).
    add(tr("Move the selection between slots and appointments"),
        {QKeySequence(Qt::Key_Up), QKeySequence(Qt::Key_Down), QKeySequence(Qt::Key_Left),
         QKeySequence(Qt::Key_Right)});
    add(tr("Open the selected appointment, or book the selected slot"), {QKeySequence(Qt::Key_Enter)});
    add(tr("Let go of a drag"), {QKeySequence(Qt::Key_Escape)});
    // The selected appointment's actions, as its context menu has them.
    if (auto actions = makeContextMenu(0)) {
        for (QAction *action : actions->actions()) {
            if (!action->isSeparator())
                menu->addAction(action);
        }
        actions.release()->setParent(menu.get());
    }
    return menu;
}

void ScheduleView::contextMenuEvent(QContextMenuEvent *event)
{
    qint64 id = m_selectedId;
    QPoint at = event->pos();
    if (event->reason() == QContextMenuEvent::Mouse) {
        const auto hit = hitAt(viewport()->mapFrom(this, event->pos()));
        id = hit.appointmentId;
        if (id)
            selectAppointment(id);
        at = viewport()->mapTo(this, viewport()->mapFrom(this, event->pos()));
    } else if (id) {
        at = viewport()->mapTo(this, appointmentRect(id).center());
    }
    if (!id)
        return;
    if (auto menu = makeContextMenu(id))
        menu->exec(mapToGlobal(at));
}

} // namespace dermdesk::ui
