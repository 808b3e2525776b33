#pragma once

#include "patients/ScreeningAnswer.h"
#include "patients/ScreeningQuestion.h"

#include <QHash>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;

namespace dermdesk {
class ClinicSession;
} // namespace dermdesk

namespace dermdesk::ui {

// The medical screening questionnaire of one patient: every active question with the patient's current
// answer (— / No / Yes), the date a "yes" refers to where the question asks one (last dose, last
// procedure; may be left empty when unknown), a detail, and the day the answer was given ("Not saved yet"
// once changed on the form, "Was Yes on …" when a "yes" was changed). "No to all" sets every answer to No
// (clearing dates and details) so the person only changes the exceptions; nothing is saved until "Record
// answers", which saves every answered question as given today (the questionnaire was gone through with the
// patient) through ScreeningRepository (audited); a malformed date saves nothing and names the question.
// Beside it, every answer ever given, newest first (hidden with setHistoryShown(false)).
// The session must outlive the form.
class ScreeningForm : public QWidget
{
    Q_OBJECT

public:
    explicit ScreeningForm(ClinicSession &session, QWidget *parent = nullptr);

    // Reads the questions, the patient's latest answers and their history. Returns false (with the reason
    // shown) when they could not be read.
    bool load(qint64 patientId);
    [[nodiscard]] qint64 patientId() const { return m_patientId; }
    // Whether an answer on the form differs from the patient's stored one (not recorded yet).
    [[nodiscard]] bool isModified() const;

    // The questions shown, in form order.
    [[nodiscard]] const QList<ScreeningQuestion> &questions() const { return m_questions; }
    // The answer chooser of question `questionId` (items: "—", "No", "Yes"); null when not shown.
    [[nodiscard]] QComboBox *answerCombo(qint64 questionId) const;
    // The date field of question `questionId`; null when the question asks for no date.
    [[nodiscard]] QLineEdit *dateEdit(qint64 questionId) const;
    [[nodiscard]] QLineEdit *detailEdit(qint64 questionId) const;
    // "12 Mar 2026" or "Not answered".
    [[nodiscard]] QString answeredOnText(qint64 questionId) const;
    [[nodiscard]] QTreeWidget *historyView() const { return m_history; }
    [[nodiscard]] QString outcomeText() const;
    [[nodiscard]] QPushButton *noToAllButton() const { return m_noToAll; }
    [[nodiscard]] QPushButton *recordButton() const { return m_record; }
    // Shows or hides the answer history beside the questionnaire (a new patient has none).
    void setHistoryShown(bool shown);
    // The size the questions take without scrolling.
    [[nodiscard]] QSize questionnaireSizeHint() const;

    // Indexes of answerCombo().
    enum AnswerChoice {
        NotAnswered,
        No,
        Yes
    };

public slots:
    // Records every answered question as given now; returns whether they were saved.
    bool record();
    // Sets every answer to No and clears the dates and details; nothing is saved. Focuses the first answer.
    void answerAllNo();

signals:
    // Answers were recorded: the screening status may have changed.
    void recorded(qint64 patientId);

private:
    struct Row
    {
        QComboBox *answer = nullptr;
        QLineEdit *date = nullptr;
        QLineEdit *detail = nullptr;
        QLabel *answeredOn = nullptr;
    };

    void buildRows();
    void fillHistory(const QList<ScreeningAnswer> &history);
    void showOutcome(const QString &text, bool error);
    void answerChanged(qint64 questionId);
    void showAnsweredOn(qint64 questionId);
    [[nodiscard]] bool isUnchanged(qint64 questionId) const;

    ClinicSession &m_session;
    qint64 m_patientId = 0;
    QList<ScreeningQuestion> m_questions;
    QHash<qint64, Row> m_rows;
    // The patient's latest answers as loaded, by question id.
    QHash<qint64, ScreeningAnswer> m_loaded;
    QWidget *m_grid = nullptr;
    QTreeWidget *m_history = nullptr;
    QWidget *m_historyBox = nullptr;
    QPushButton *m_noToAll = nullptr;
    QPushButton *m_record = nullptr;
    QLabel *m_outcome = nullptr;
};

} // namespace dermdesk::ui
