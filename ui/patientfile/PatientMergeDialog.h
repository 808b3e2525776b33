#pragma once

#include "common/Result.h"
#include "records/PatientMerge.h"

#include <QDialog>

#include <optional>

class QLabel;
class QPushButton;
class QTableWidget;

namespace dermdesk {
class ClinicSession;
} // namespace dermdesk

namespace dermdesk::ui {

class Prompter;

// Merging two records of the same person: both records side by side (fields that differ in bold), what will
// move from the merged record to the survivor (appointments, plans, waitlist entries, screening answers,
// handouts), and a refusal (same record, already merged, overlapping appointments) shown in place with Merge
// disabled. Swap exchanges which record survives. Merge asks Prompter::confirm, then runs PatientMerger::merge
// (one transaction, audited), emits merged() and accepts. The session and the Prompter must outlive the dialog.
class PatientMergeDialog : public QDialog
{
    Q_OBJECT

public:
    PatientMergeDialog(ClinicSession &session, Prompter &prompter, QWidget *parent = nullptr);

    // Shows merging `mergedId` into `survivorId`. NotFound "patient" when either does not exist (nothing shown).
    Status setPatients(qint64 mergedId, qint64 survivorId);

    // Opens the dialog window-modal over `parent` (deleted when closed) for the patient page's "Merge into…"
    // action; connect to merged() to show the survivor afterwards.
    static PatientMergeDialog *open(ClinicSession &session, Prompter &prompter, qint64 mergedId, qint64 survivorId,
                                    QWidget *parent);

    [[nodiscard]] QPushButton *mergeButton() const { return m_merge; }
    [[nodiscard]] QString movesText() const;

public slots:
    void swap();
    void mergeNow();

signals:
    void merged(qint64 survivorId, qint64 mergedId);

private:
    void showPreview();

    ClinicSession &m_session;
    Prompter &m_prompter;
    qint64 m_mergedId = 0;
    qint64 m_survivorId = 0;
    std::optional<PatientMerge> m_preview;

    QTableWidget *m_table = nullptr;
    QLabel *m_moves = nullptr;
    QPushButton *m_swap = nullptr;
    QPushButton *m_merge = nullptr;
};

} // namespace dermdesk::ui
