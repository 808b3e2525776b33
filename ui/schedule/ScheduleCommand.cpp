#include "ui/schedule/ScheduleCommand.h"

namespace dermdesk::ui {

ScheduleCommand::ScheduleCommand(const QString &text, Operation undo, Operation redo, Failure failed)
    : QUndoCommand(text)
    , m_undo(std::move(undo))
    , m_redo(std::move(redo))
    , m_failed(std::move(failed))
{
}

void ScheduleCommand::undo()
{
    run(m_undo);
}

void ScheduleCommand::redo()
{
    if (m_stored) {
        m_stored = false;
        return;
    }
    run(m_redo);
}

void ScheduleCommand::run(const Operation &operation)
{
    const Status done = operation();
    if (!done) {
        setObsolete(true);
        m_failed(done.error());
    }
}

} // namespace dermdesk::ui
