#pragma once

#include "ui/settings/SettingsContext.h"

#include <QDialog>

class QListWidget;
class QStackedWidget;

namespace dermdesk::ui {

class AppointmentTypesPage;
class BlockoutsPage;
class DowntimePage;
class PlanDefaultsPage;
class TreatmentAreasPage;
class TreatmentConcernsPage;
class ScreeningRulesPage;
class ClinicPage;
class PractitionersPage;
class RoomsPage;

// The clinic's set-up in one window: the clinic itself, practitioners, rooms, appointment types, closures &
// blockouts, screening rules, the downtime table, treatment-plan defaults, treatment concerns and treatment
// areas, one page each. Each item is saved on its own (Save, Ctrl+S) in one audited
// transaction through the clinic session, as soon as it is right; every view (the schedule, the other pages, other
// windows) follows the session's change signal and shows it at once. Pages without unsaved edits show what was saved
// elsewhere too; Close asks before dropping unsaved edits. Refusals are shown in red under the editor, naming the
// field. Practitioners, rooms and types are never deleted, only made inactive; a blockout may be removed.
// `session` and `prompter` must outlive the dialog.
class ClinicSettingsDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Page {
        Clinic,
        Practitioners,
        Rooms,
        AppointmentTypes,
        Blockouts,
        ScreeningRules,
        Downtime,
        PlanDefaults,
        TreatmentConcerns,
        TreatmentAreas
    };

    ClinicSettingsDialog(ClinicSession &session, Prompter &prompter, QWidget *parent = nullptr);

    void showPage(Page page);
    [[nodiscard]] Page currentPage() const;

    [[nodiscard]] ClinicPage *clinicPage() const { return m_clinic; }
    [[nodiscard]] PractitionersPage *practitionersPage() const { return m_practitioners; }
    [[nodiscard]] RoomsPage *roomsPage() const { return m_rooms; }
    [[nodiscard]] AppointmentTypesPage *appointmentTypesPage() const { return m_types; }
    [[nodiscard]] BlockoutsPage *blockoutsPage() const { return m_blockouts; }
    [[nodiscard]] ScreeningRulesPage *screeningRulesPage() const { return m_screeningRules; }
    [[nodiscard]] DowntimePage *downtimePage() const { return m_downtime; }
    [[nodiscard]] PlanDefaultsPage *planDefaultsPage() const { return m_planDefaults; }
    [[nodiscard]] TreatmentConcernsPage *treatmentConcernsPage() const { return m_concerns; }
    [[nodiscard]] TreatmentAreasPage *treatmentAreasPage() const { return m_areas; }

    // Closes unless a page has unsaved edits the person wants to keep.
    void reject() override;

private:
    SettingsContext m_context;
    QListWidget *m_pageList = nullptr;
    QStackedWidget *m_stack = nullptr;
    ClinicPage *m_clinic = nullptr;
    PractitionersPage *m_practitioners = nullptr;
    RoomsPage *m_rooms = nullptr;
    AppointmentTypesPage *m_types = nullptr;
    BlockoutsPage *m_blockouts = nullptr;
    ScreeningRulesPage *m_screeningRules = nullptr;
    DowntimePage *m_downtime = nullptr;
    PlanDefaultsPage *m_planDefaults = nullptr;
    TreatmentConcernsPage *m_concerns = nullptr;
    TreatmentAreasPage *m_areas = nullptr;
};

} // namespace dermdesk::ui
