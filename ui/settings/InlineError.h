#pragma once

#include "common/Error.h"

#include <QLabel>

namespace dermdesk::ui {

// A red message under an editor saying why the last save was refused: "Working hours: Monday: a break must
// lie inside the working hours ...". Hidden while there is nothing to say.
class InlineError : public QLabel
{
    Q_OBJECT

public:
    explicit InlineError(QWidget *parent = nullptr);

    // Shows `error`, prefixed with the label of the field it names (`fieldLabel`, may be empty).
    void showError(const QString &fieldLabel, const Error &error);
    void clearError();
};

} // namespace dermdesk::ui
