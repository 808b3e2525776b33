#pragma once

#include "calendar/ClinicTime.h"
#include "calendar/FreedSlot.h"
#include "calendar/WaitlistRepository.h"
#include "ui/widgets/FormFeedback.h"

#include <QHash>
#include <QWidget>

#include <memory>
#include <optional>

class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;

namespace dermdesk {
class BookingService;
class ClinicSession;
class ScheduleSetup;
struct ChangeSet;
} // namespace dermdesk

namespace dermdesk::ui {

class DateField;
class PatientPicker;
class Prompter;
class TimeOfDayPicker;
class WeekdayPicker;

// The waitlist, for a dock beside the schedule: the active entries (patient, type, practitioner
// preference, dates, days and times, since when), an inline form to add one (validation errors from
// WaitlistRepository name the field), removal with a reason (Prompter::askText). And the offer flow: after
// a cancel, no-show or move, offerFreedSlot() lists who could take the freed time, best first, each with
// the proposed time; Book books the proposal (BookingService::book), marks the entry booked and
// emits booked(). The panel follows the session: a change to the waitlist (here, at another desk or by
// dermdesk-cli) or to the clinic's set-up shows at once, keeping the selected entry and a half-filled add form;
// when the freed time is booked again (an undone cancellation, another desk) its offers go and the box says so.
// The session and the Prompter must outlive the panel.
class WaitlistPanel : public QWidget
{
    Q_OBJECT

public:
    WaitlistPanel(ClinicSession &session, Prompter &prompter, QWidget *parent = nullptr);
    ~WaitlistPanel() override;

    // The offers listed now (after offerFreedSlot), best first.
    [[nodiscard]] const QList<WaitlistRepository::Offer> &offers() const { return m_offers; }
    // The active entries listed, oldest request first.
    [[nodiscard]] const QList<WaitlistEntry> &entries() const { return m_entries; }

    [[nodiscard]] QTreeWidget *entryView() const { return m_entryView; }
    [[nodiscard]] QTreeWidget *offerView() const { return m_offerView; }
    [[nodiscard]] QGroupBox *addForm() const { return m_addBox; }
    [[nodiscard]] PatientPicker *patientPicker() const { return m_patient; }
    // The add form's and the offers' message lines.
    [[nodiscard]] QString addOutcomeText() const;
    [[nodiscard]] QString addErrorField() const { return m_addFeedback->errorField(); }
    [[nodiscard]] QString offerOutcomeText() const;

public slots:
    // Lists the active entries that could take `slot` (WaitlistRepository::offersFor), best first.
    void offerFreedSlot(const dermdesk::FreedSlot &slot);
    // Opens the add form (patient field focused), empty but for a window of today to four weeks on.
    void showAddForm();
    // Saves the add form as a new entry; the form stays open with the reason when it is refused.
    void addEntry();
    // Asks why, then takes the selected entry off the waitlist.
    void removeSelected();
    // Books the selected offer and marks its entry booked.
    void bookSelectedOffer();

signals:
    void booked(qint64 appointmentId);

private:
    // Reads the active entries again, keeping the selected one.
    void reload();
    void followChanges(const ChangeSet &changes);
    void loadSetup();
    // Lists the offers for m_slot again, keeping the selected one.
    void listOffers();
    // Whether an appointment with the freed slot's practitioner holds part of it now.
    [[nodiscard]] bool slotTaken() const;
    [[nodiscard]] WaitlistRepository &waitlist() const;
    [[nodiscard]] BookingService &bookings() const;
    void buildAddForm();
    void buildOffers();
    [[nodiscard]] QString patientName(qint64 patientId);
    [[nodiscard]] QString typeName(qint64 typeId) const;
    [[nodiscard]] QString practitionerName(std::optional<qint64> practitionerId) const;
    [[nodiscard]] QString timesText(const WaitlistEntry &entry) const;
    [[nodiscard]] QString spanText(qint64 startsAt, qint64 endsAt) const;
    void typeChosen();

    ClinicSession &m_session;
    ClinicTime m_time;
    Prompter &m_prompter;
    std::unique_ptr<ScheduleSetup> m_setup;
    std::unique_ptr<FormFeedback> m_addFeedback;
    std::unique_ptr<FormFeedback> m_offerFeedback;
    QList<WaitlistEntry> m_entries;
    // The freed time the offers are for.
    std::optional<FreedSlot> m_slot;
    QList<WaitlistRepository::Offer> m_offers;
    QHash<qint64, QString> m_patientNames;

    QLabel *m_summary = nullptr;
    QTreeWidget *m_entryView = nullptr;
    QPushButton *m_addButton = nullptr;
    QPushButton *m_removeButton = nullptr;

    QGroupBox *m_addBox = nullptr;
    PatientPicker *m_patient = nullptr;
    QComboBox *m_type = nullptr;
    QComboBox *m_practitioner = nullptr;
    DateField *m_earliest = nullptr;
    DateField *m_latest = nullptr;
    WeekdayPicker *m_weekdays = nullptr;
    TimeOfDayPicker *m_timeOfDay = nullptr;
    QLineEdit *m_notes = nullptr;

    QGroupBox *m_offerBox = nullptr;
    QTreeWidget *m_offerView = nullptr;
    QPushButton *m_bookOffer = nullptr;
};

} // namespace dermdesk::ui
