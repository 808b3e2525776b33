#pragma once

#include "common/Result.h"

#include <QUndoCommand>

#include <functional>

namespace dermdesk::ui {

// One undoable schedule change (a move, a resize, a status change) that has ALREADY been stored when
// the command is pushed: the first redo() does nothing; later undo()/redo() run the given operations.
// A failed operation (someone else changed the appointment meanwhile) reports its Error through
// `failed` and makes the command obsolete, so the stack drops it.
class ScheduleCommand : public QUndoCommand
{
public:
    using Operation = std::function<Status()>;
    using Failure = std::function<void(const Error &)>;

    ScheduleCommand(const QString &text, Operation undo, Operation redo, Failure failed);

    void undo() override;
    void redo() override;

private:
    void run(const Operation &operation);

    Operation m_undo;
    Operation m_redo;
    Failure m_failed;
    bool m_stored = true;
};

} // namespace dermdesk::ui
