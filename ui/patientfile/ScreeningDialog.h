#pragma once

#include <QDialog>

class QPushButton;

namespace dermdesk {
class ClinicSession;
} // namespace dermdesk

namespace dermdesk::ui {

class ScreeningForm;

// The screening step offered right after a patient is registered: the patient's screening questionnaire
// (ScreeningForm, with "No to all") under a line saying who was registered. Recording the answers closes
// it (accepted); "Skip for now" or Esc closes it with nothing saved (rejected), and the screening is asked
// for later, before a treatment session. The session must outlive the dialog.
class ScreeningDialog : public QDialog
{
    Q_OBJECT

public:
    ScreeningDialog(ClinicSession &session, qint64 patientId, const QString &patientName, QWidget *parent = nullptr);

    // Opens a ScreeningDialog for a patient just registered, window-modal over `parent` (deleted when
    // closed), and returns it.
    static ScreeningDialog *offer(ClinicSession &session, qint64 patientId, const QString &patientName,
                                  QWidget *parent);

    [[nodiscard]] qint64 patientId() const { return m_patientId; }
    [[nodiscard]] ScreeningForm *form() const { return m_form; }
    [[nodiscard]] QPushButton *skipButton() const { return m_skip; }

signals:
    // The patient's answers were recorded (then the dialog closes).
    void recorded(qint64 patientId);

private:
    qint64 m_patientId;
    ScreeningForm *m_form = nullptr;
    QPushButton *m_skip = nullptr;
};

} // namespace dermdesk::ui
