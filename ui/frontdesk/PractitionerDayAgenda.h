#pragma once

#include "agenda/AgendaEntry.h"
#include "calendar/ClinicTime.h"

#include <QDate>
#include <QHash>
#include <QWidget>

#include <functional>

class QAction;
class QComboBox;
class QLabel;
class QToolButton;
class QTreeWidget;

namespace dermdesk {
class ClinicSession;
struct ChangeSet;
} // namespace dermdesk

namespace dermdesk::ui {

class DateField;

// One practitioner's day, for reviewing it: pick the practitioner and the date, and read the
// appointments in order (time, patient, type, room, status by colour and icon), each with the patient's
// alerts (no-shows and late cancels; screening stops and the cautions a booking must acknowledge, judged on
// the day shown; more through setAlertSource) and the appointment notes. Loads only
// that practitioner's day (AgendaRepository::between). Its Print button prints her day sheet, and from its menu
// everyone's (daySheetRequested). It follows the session: a change touching the day shown or one of its patients
// (made here, at another desk or by dermdesk-cli) shows at once, keeping the selected row and the scroll position.
// The session must outlive it.
class PractitionerDayAgenda : public QWidget
{
    Q_OBJECT

public:
    enum Column {
        TimeColumn,
        PatientColumn,
        TypeColumn,
        RoomColumn,
        StatusColumn,
        AlertsColumn,
        NotesColumn
    };
    Q_ENUM(Column)

    // Extra alerts for a patient, e.g. screening cautions ("Isotretinoin within 6 months"), shown after the
    // attendance alerts. Called once per patient and load.
    using AlertSource = std::function<QStringList(qint64 patientId)>;

    explicit PractitionerDayAgenda(ClinicSession &session, QWidget *parent = nullptr);
    ~PractitionerDayAgenda() override;

    [[nodiscard]] qint64 practitionerId() const;
    [[nodiscard]] QDate date() const;
    // The appointments listed, in start order.
    [[nodiscard]] const QList<AgendaEntry> &entries() const { return m_entries; }
    [[nodiscard]] QTreeWidget *view() const { return m_view; }
    [[nodiscard]] QString summaryText() const;
    // Print (her day sheet), with a menu that also offers every practitioner's.
    [[nodiscard]] QToolButton *printButton() const { return m_print; }
    // True when the keyboard focus is in this panel (Ctrl+P then prints her day sheet).
    [[nodiscard]] bool hasFocusWithin() const;

    void setAlertSource(AlertSource source);

signals:
    // The person asked for the day sheet of `date`: `practitionerId`'s, or every practitioner's when 0.
    void daySheetRequested(qint64 practitionerId, QDate date);

public slots:
    // Shows `practitionerId`'s appointments on `date` (local, the clinic's zone).
    void showDay(qint64 practitionerId, QDate date);

private:
    // Reads the day again, keeping the selected appointment and the scroll position.
    void reload();
    void followChanges(const ChangeSet &changes);
    void fillPractitioners();
    // The alerts of each of `patientIds` on the day shown, read together for the whole day.
    [[nodiscard]] QHash<qint64, QStringList> alertsFor(const QList<qint64> &patientIds);
    QToolButton *makePrintButton();
    void namePrintChoice();

    ClinicSession &m_session;
    ClinicTime m_time;
    AlertSource m_alertSource;
    QList<AgendaEntry> m_entries;
    bool m_loading = false;

    QComboBox *m_practitioner = nullptr;
    DateField *m_date = nullptr;
    QLabel *m_summary = nullptr;
    QToolButton *m_print = nullptr;
    QTreeWidget *m_view = nullptr;
    QAction *m_printHers = nullptr;
};

} // namespace dermdesk::ui
