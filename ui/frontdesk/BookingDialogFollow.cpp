#include "ui/frontdesk/BookingDialog.h"

#include "calendar/BookingService.h"
#include "calendar/ScheduleSetup.h"
#include "calendar/ScheduleSetupCache.h"
#include "session/ClinicSession.h"
#include "storage/ChangeSet.h"
#include "ui/patientfile/PatientPicker.h"
#include "ui/widgets/DateField.h"

#include <QLocale>
#include <QPushButton>
#include <QSpinBox>

// The booking form following the session: what other desks and programs commit while it is open.
namespace dermdesk::ui {

void BookingDialog::followChanges(const ChangeSet &changes)
{
    if (!m_setup || !isVisible())
        return;
    bool touched = changes.touchesSetup();
    if (touched) {
        if (auto setup = m_session.service<ScheduleSetupCache>().get())
            m_setup = std::make_unique<ScheduleSetup>(std::move(setup).value());
    }
    if (m_editing && changes.touchesAppointment(m_editing->id)) {
        checkStored();
        touched = true;
    }
    if (const qint64 patient = m_editing ? m_editing->patientId : m_patient->patientId(); patient > 0)
        touched = touched || changes.touchesPatient(patient);
    if (const auto start = enteredStart()) {
        // Busy until the clean-up is done, as the booking rules count it.
        const qint64 end = start.value() + 60 * qint64(m_prep->value() + m_duration->value() + m_cleanup->value());
        touched = touched || changes.touchesSchedule(start.value(), end);
    }
    if (touched)
        revalidate();
}

void BookingDialog::checkStored()
{
    if (!m_editing || !m_stale.isEmpty())
        return;
    const auto found = bookings().appointments().find(m_editing->id);
    if (!found)
        return;
    const Appointment &now = found.value();
    if (now.status == AppointmentStatus::Cancelled || now.status == AppointmentStatus::NoShow) {
        m_stale = now.status == AppointmentStatus::Cancelled
                      ? tr("This appointment was cancelled at another desk. Nothing here was saved; close the form.")
                      : tr("This appointment was marked a no-show at another desk. Nothing here was saved; close the "
                           "form.");
        m_loadStored->setVisible(false);
    } else if (now.startsAt != m_editing->startsAt || now.endsAt != m_editing->endsAt
               || now.practitionerId != m_editing->practitionerId || now.roomId != m_editing->roomId) {
        QString where = QLocale().toString(m_time.toLocal(now.startsAt), QStringLiteral("ddd d MMM HH:mm"));
        if (now.practitionerId != m_editing->practitionerId) {
            const Practitioner *practitioner = m_setup ? m_setup->practitioner(now.practitionerId) : nullptr;
            if (practitioner)
                where = tr("%1 with %2").arg(where, practitioner->displayName);
        }
        m_stale = tr("This appointment was moved to %1 at another desk. Load the stored appointment to change it "
                     "from there, or close the form.")
                      .arg(where);
        m_loadStored->setVisible(true);
    } else {
        // Another change (a confirmation, a check-in) leaves what the form changes as it was.
        m_editing = now;
        return;
    }
    m_passes = false;
    m_submit->setEnabled(false);
}

void BookingDialog::loadStored()
{
    if (!m_editing)
        return;
    const qint64 id = m_editing->id;
    if (const Status loaded = editAppointment(id); !loaded)
        m_feedback->showError(loaded.error());
}

} // namespace dermdesk::ui
