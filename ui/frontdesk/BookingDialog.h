#pragma once

#include "calendar/Appointment.h"
#include "calendar/BookingRequest.h"
#include "calendar/ClinicTime.h"
#include "calendar/FreedSlot.h"
#include "ui/frontdesk/BookingPrefill.h"
#include "ui/widgets/FormFeedback.h"

#include <QDialog>

#include <memory>
#include <optional>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTimeEdit;

namespace dermdesk {
class BookingService;
struct AppointmentType;
class ClinicSession;
class ScheduleSetup;
struct ChangeSet;
} // namespace dermdesk

namespace dermdesk::ui {

class DateField;
class FindSlotDialog;
class NewPatientDialog;
class PatientPicker;
class Prompter;
class RepeatedTimeChoice;

// The booking form: patient (type-ahead), appointment type, practitioner (those who perform the type),
// room (Automatic picks a free suitable one), date and time in the clinic's zone (with which of the two
// hours, labelled "01:30 EDT (first)" / "01:30 EST (second)", when the clocks go back), duration, preparation and
// clean-up (from the type, adjustable), notes. Every change is checked at once with
// BookingService::preview and the outcome shown under the form, naming the field at fault; Book
// is enabled only while the check passes. A start in the past is booked only after Prompter::confirm.
// Nothing is written on a refusal. On success emits booked() (or changed() when editing) and accepts.
// When screening cautions apply to a treatment session on the entered date, the preview names them and an
// Acknowledge row (checkbox and reason) appears; Book is enabled once it is ticked with a reason, which is
// booked with the appointment (BookingRequest::acknowledgement). A screening stop stays refused by name.
//
// Editing (editAppointment) keeps the patient, type, preparation, clean-up and notes as they are
// (BookingService::reschedule changes time, length, practitioner and room only); status actions
// are the schedule's.
//
// The form follows the session while it is open, keeping everything typed: when a change (at another desk, in
// another window, by dermdesk-cli) touches the time entered, the check runs again, so a slot taken meanwhile
// shows taken, naming who has it. When the appointment being edited is moved, cancelled or marked a no-show
// elsewhere, the form says so ("This appointment was moved to Tue 1 Dec 15:00 at another desk.") and Save stays
// off: nothing is saved over it. "Load the stored appointment" fills the form from what is stored now. The
// session and the Prompter must outlive the dialog.
class BookingDialog : public QDialog
{
    Q_OBJECT

public:
    BookingDialog(ClinicSession &session, Prompter &prompter, QWidget *parent = nullptr);
    ~BookingDialog() override;

    // Starts a new booking from `prefill`. Without a practitioner the one last booked with is offered
    // (when they perform the type); without a start, their first free slot from now (nextOpenTime).
    void setPrefill(const BookingPrefill &prefill);
    // Opens an existing appointment for moving, resizing or reassigning. NotFound "appointment".
    Status editAppointment(qint64 appointmentId);

    [[nodiscard]] bool isEditing() const { return m_editing.has_value(); }
    // Whether Book (Save) would go ahead now.
    [[nodiscard]] bool canSubmit() const;
    // The line under the form: the check's outcome.
    [[nodiscard]] QString outcomeText() const;
    // The key of the field the shown refusal concerns (FormFeedback::fieldKey); empty when none.
    [[nodiscard]] QString errorField() const { return m_feedback->errorField(); }
    // After a successful edit: the time the appointment gave back, for WaitlistPanel::offerFreedSlot.
    [[nodiscard]] const std::optional<FreedSlot> &freedSlot() const { return m_freed; }

    [[nodiscard]] PatientPicker *patientPicker() const { return m_patient; }
    [[nodiscard]] QPushButton *submitButton() const { return m_submit; }
    [[nodiscard]] QPushButton *newPatientButton() const { return m_newPatient; }
    [[nodiscard]] QPushButton *findSlotButton() const { return m_findSlot; }
    [[nodiscard]] DateField *dateField() const { return m_date; }
    [[nodiscard]] QTimeEdit *timeField() const { return m_startTime; }

public slots:
    // Books (or saves the change) when the check passes; asks first when the start is in the past.
    void submit();
    // Opens the new-patient form (window-modal, deleted on close) with the name typed so far; the patient
    // it creates or picks becomes this booking's patient.
    NewPatientDialog *openNewPatient();
    // Opens Find a slot (window-modal, deleted on close) for this form's patient, type and practitioner from
    // the form's date; the slot chosen there fills this form's practitioner, room, date and time (and the
    // patient and type when they were changed there). Hidden while editing.
    FindSlotDialog *openFindSlot();

signals:
    void booked(qint64 appointmentId);
    void changed(qint64 appointmentId);

private:
    void buildForm();
    void typeChosen();
    void patientChosen(qint64 patientId);
    void revalidate();
    // Every reading of the date and time entered (two in the hour the clocks repeat).
    [[nodiscard]] Result<QList<ClinicTime::Reading>> enteredReadings() const;
    // The one chosen among them.
    [[nodiscard]] Result<qint64> enteredStart() const;
    [[nodiscard]] BookingRequest bookingRequest(qint64 start) const;
    [[nodiscard]] RescheduleRequest rescheduleRequest(qint64 start) const;
    void showPreview(const Appointment &appointment, bool past);
    void setStart(qint64 startsAt);
    // The first free slot at or after now for the type and practitioner chosen (SlotFinder, two weeks
    // ahead), else the first grid time the clinic is open (UTC Unix seconds).
    [[nodiscard]] qint64 nextOpenTime() const;
    [[nodiscard]] const AppointmentType *currentType() const;
    // The acknowledgement reason when the box is ticked; empty otherwise.
    [[nodiscard]] QString acknowledgement() const;
    // Checks again what a change touching the entered time, the patient or the edited appointment may affect.
    void followChanges(const ChangeSet &changes);
    // Compares the stored appointment with the one the form was opened on; when it was moved or voided elsewhere,
    // m_stale says how and Save stays off.
    void checkStored();
    // Fills the form from the stored appointment (after it changed elsewhere).
    void loadStored();
    // Where the form's checks and writes go.
    [[nodiscard]] BookingService &bookings() const;

    ClinicSession &m_session;
    ClinicTime m_time;
    Prompter &m_prompter;
    std::unique_ptr<ScheduleSetup> m_setup;
    std::unique_ptr<FormFeedback> m_feedback;
    // The appointment being edited, as stored when the form was filled (or last saved).
    std::optional<Appointment> m_editing;
    // How the edited appointment changed elsewhere since; empty while it did not.
    QString m_stale;
    std::optional<FreedSlot> m_freed;
    // Set while fields are filled in code, so each change does not re-run the check.
    bool m_loading = false;
    bool m_passes = false;

    PatientPicker *m_patient = nullptr;
    QPushButton *m_newPatient = nullptr;
    QLabel *m_attendance = nullptr;
    QComboBox *m_type = nullptr;
    QComboBox *m_practitioner = nullptr;
    QComboBox *m_room = nullptr;
    DateField *m_date = nullptr;
    QTimeEdit *m_startTime = nullptr;
    // Shown while the time entered happens twice (the clocks go back that night).
    RepeatedTimeChoice *m_repeated = nullptr;
    QLabel *m_endLabel = nullptr;
    QSpinBox *m_duration = nullptr;
    QSpinBox *m_prep = nullptr;
    QSpinBox *m_cleanup = nullptr;
    QPlainTextEdit *m_notes = nullptr;
    // Shown while screening cautions (m_caution, their names) apply to the entered booking.
    QWidget *m_acknowledgeRow = nullptr;
    QCheckBox *m_acknowledge = nullptr;
    QLineEdit *m_acknowledgeReason = nullptr;
    QString m_caution;
    QLabel *m_outcome = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_submit = nullptr;
    QPushButton *m_findSlot = nullptr;
    QPushButton *m_loadStored = nullptr;
};

} // namespace dermdesk::ui
