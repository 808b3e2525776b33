#pragma once

#include "calendar/CancelReason.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace dermdesk::ui {

// Asks why an appointment is cancelled: a category (patient request, illness, clinic, other) and a
// detail, which "Other" requires. OK stays disabled until the answer is complete, and the hint under the
// detail says why.
class CancelReasonDialog : public QDialog
{
    Q_OBJECT

public:
    explicit CancelReasonDialog(const QString &appointmentText, QWidget *parent = nullptr);

    [[nodiscard]] CancelReason reason() const;
    [[nodiscard]] QComboBox *categoryBox() const { return m_category; }
    [[nodiscard]] QLineEdit *detailEdit() const { return m_detail; }

private:
    void updateState();

    QComboBox *m_category = nullptr;
    QLineEdit *m_detail = nullptr;
    QLabel *m_hint = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace dermdesk::ui
