#pragma once

#include <QTimeEdit>

namespace dermdesk::ui {

// A time of day typed as digits ("1430" or "14:30"): like QTimeEdit, except that Tab and Shift+Tab move
// to the next or previous field of the form instead of between the hour and the minutes (the cursor, the
// arrow keys and the separator still move between them).
class TimeField : public QTimeEdit
{
public:
    using QTimeEdit::QTimeEdit;

protected:
    bool focusNextPrevChild(bool next) override { return QAbstractSpinBox::focusNextPrevChild(next); }
};

} // namespace dermdesk::ui
