#include "ui/frontdesk/BookingDialog.h"

#include "calendar/ScheduleSetup.h"
#include "calendar/SlotFinder.h"
#include "session/ClinicSession.h"
#include "ui/frontdesk/FindSlotDialog.h"
#include "ui/frontdesk/SetupChoices.h"
#include "ui/patientfile/NewPatientDialog.h"
#include "ui/patientfile/PatientPicker.h"
#include "ui/patientfile/ScreeningDialog.h"
#include "ui/widgets/DateField.h"

#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>

// The booking form's ways of filling itself: the new-patient form, Find a slot, and the first open time.
namespace dermdesk::ui {

NewPatientDialog *BookingDialog::openNewPatient()
{
    auto *dialog = new NewPatientDialog(m_session, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (m_patient->patientId() == 0)
        dialog->setNameText(m_patient->lineEdit()->text());
    connect(dialog, &NewPatientDialog::patientReady, this, [this, dialog] {
        m_patient->setPatient(dialog->patient());
        m_type->setFocus();
    });
    // Answers recorded in the screening step change what a treatment session needs.
    connect(dialog, &NewPatientDialog::screeningOffered, this, [this](ScreeningDialog *screening) {
        connect(screening, &ScreeningDialog::recorded, this, &BookingDialog::revalidate);
    });
    dialog->open();
    return dialog;
}

qint64 BookingDialog::nextOpenTime() const
{
    const qint64 now = m_session.clock().now().toSecsSinceEpoch();
    // The first free slot of the type chosen with the practitioner chosen, over the next two weeks.
    SlotFinder::Query query;
    query.typeId = setup_choices::currentId(m_type);
    if (const qint64 practitioner = setup_choices::currentId(m_practitioner); practitioner > 0)
        query.practitionerId = practitioner;
    query.from = m_time.localDate(now);
    query.to = query.from.addDays(14);
    query.count = 1;
    if (query.typeId > 0) {
        if (const auto found = m_session.service<SlotFinder>().find(query); found && !found.value().isEmpty())
            return found.value().first().startsAt;
    }
    const int grid = std::max(1, m_setup->slotMinutes());
    const QDate today = m_time.localDate(now);
    // Else the first grid time at or after now within the clinic's opening hours, looking a week ahead.
    for (int days = 0; days < 8; ++days) {
        const QDate day = today.addDays(days);
        const int from = days == 0 ? (m_time.localMinute(now) + grid - 1) / grid * grid : 0;
        for (const WeeklyHours &hours : m_setup->openingHours(day.dayOfWeek())) {
            const int minute = std::max(from, (hours.startMin + grid - 1) / grid * grid);
            if (minute + grid > hours.endMin)
                continue;
            if (const auto start = m_time.toUtc(day, minute))
                return start.value();
        }
    }
    return now;
}

FindSlotDialog *BookingDialog::openFindSlot()
{
    if (!m_setup)
        return nullptr;
    auto *dialog = new FindSlotDialog(m_session, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    if (m_patient->patient())
        dialog->setPatient(*m_patient->patient());
    if (const qint64 type = setup_choices::currentId(m_type); type > 0)
        dialog->setType(type);
    dialog->setPractitioner(setup_choices::currentId(m_practitioner));
    const QDate today = m_time.localDate(m_session.clock().now().toSecsSinceEpoch());
    const QDate from = std::max(today, m_date->date().isValid() ? m_date->date() : today);
    dialog->setWindow(from, from.addDays(8 * 7));
    connect(dialog, &FindSlotDialog::slotChosen, this, [this, dialog] {
        const std::optional<BookingPrefill> chosen = dialog->chosenPrefill();
        if (!chosen)
            return;
        m_loading = true;
        if (chosen->patient && chosen->patient->id != m_patient->patientId())
            m_patient->setPatient(*chosen->patient);
        if (chosen->typeId && *chosen->typeId != setup_choices::currentId(m_type)) {
            setup_choices::selectId(m_type, *chosen->typeId);
            m_loading = false;
            typeChosen();
            m_loading = true;
        }
        setup_choices::selectId(m_practitioner, chosen->practitionerId.value_or(0));
        setup_choices::selectId(m_room, chosen->roomId.value_or(0));
        setStart(chosen->startsAt.value_or(nextOpenTime()));
        m_loading = false;
        patientChosen(m_patient->patientId());
        (m_submit->isEnabled() ? static_cast<QWidget *>(m_submit) : m_patient->lineEdit())->setFocus();
    });
    dialog->open();
    return dialog;
}

} // namespace dermdesk::ui
