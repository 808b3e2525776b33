#pragma once

#include "calendar/ClinicTime.h"
#include "calendar/SlotFinder.h"
#include "ui/frontdesk/BookingPrefill.h"
#include "ui/widgets/FormFeedback.h"

#include <QDialog>

#include <memory>
#include <optional>

class QComboBox;
class QPushButton;
class QTreeWidget;

namespace dermdesk {
class ClinicSession;
class ScheduleSetup;
struct ChangeSet;
} // namespace dermdesk

namespace dermdesk::ui {

class DateField;
class PatientPicker;
class TimeOfDayPicker;
class WeekdayPicker;

// "Find a slot": appointment type, practitioner (any or one), optional patient, a date window (today to
// eight weeks on by default), preferred weekdays and time of day. The free times are listed again on every
// change (SlotFinder is fast enough), first one selected: Tab to the list, arrows, Enter (or a double
// click) chooses, which emits slotChosen() and accepts. A refusal from SlotFinder is shown naming the
// field. The list follows the session: a booking, move or cancellation anywhere in the window searched (here, at
// another desk, by dermdesk-cli) lists the free times again. The lead's code opens BookingDialog with
// chosenPrefill(). The session must outlive the dialog.
class FindSlotDialog : public QDialog
{
    Q_OBJECT

public:
    explicit FindSlotDialog(ClinicSession &session, QWidget *parent = nullptr);
    ~FindSlotDialog() override;

    // Starting points; each re-runs the search.
    void setPatient(const PatientSummary &patient);
    void setType(qint64 typeId);
    // 0: any practitioner who performs the type.
    void setPractitioner(qint64 practitionerId);
    void setWindow(QDate from, QDate to);

    // The slots listed now, in time order.
    [[nodiscard]] const QList<SlotFinder::Slot> &slotsFound() const { return m_found; }
    // The slot chosen (or selected now) as a booking form's starting point; nullopt when none is selected.
    [[nodiscard]] std::optional<BookingPrefill> chosenPrefill() const;
    [[nodiscard]] QString outcomeText() const;
    [[nodiscard]] QString errorField() const { return m_feedback->errorField(); }
    [[nodiscard]] QTreeWidget *resultView() const { return m_results; }
    [[nodiscard]] PatientPicker *patientPicker() const { return m_patient; }

    // The most slots listed.
    static constexpr int maxSlots = 20;

public slots:
    // Runs the search with what is entered now.
    void search();
    // Chooses the selected slot: emits slotChosen() and accepts. Nothing happens when none is selected.
    void chooseCurrent();

signals:
    // UTC Unix seconds; roomId and patientId are 0 when there is none.
    void slotChosen(qint64 typeId, qint64 practitionerId, qint64 roomId, qint64 startsAt, qint64 patientId);

private:
    void typeChosen();
    // Lists the free times again when `changes` touch the window searched, keeping the chosen slot while free.
    void followChanges(const ChangeSet &changes);

    ClinicSession &m_session;
    ClinicTime m_time;
    std::unique_ptr<ScheduleSetup> m_setup;
    std::unique_ptr<FormFeedback> m_feedback;
    QList<SlotFinder::Slot> m_found;
    bool m_loading = false;

    QComboBox *m_type = nullptr;
    QComboBox *m_practitioner = nullptr;
    PatientPicker *m_patient = nullptr;
    DateField *m_from = nullptr;
    DateField *m_to = nullptr;
    WeekdayPicker *m_weekdays = nullptr;
    TimeOfDayPicker *m_timeOfDay = nullptr;
    QTreeWidget *m_results = nullptr;
    QPushButton *m_choose = nullptr;
};

} // namespace dermdesk::ui
