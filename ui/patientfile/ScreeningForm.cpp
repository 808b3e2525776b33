#include "ui/patientfile/ScreeningForm.h"

#include "calendar/ClinicTime.h"
#include "common/TimeFormat.h"
#include "patients/ScreeningRepository.h"
#include "session/ClinicSession.h"
#include "ui/widgets/Theme.h"

#include <QComboBox>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace dermdesk::ui {

namespace {

QLabel *headingLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, QColor(theme::mutedText));
    label->setPalette(palette);
    return label;
}

} // namespace

ScreeningForm::ScreeningForm(ClinicSession &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    setObjectName(QStringLiteral("screeningForm"));
    m_grid = new QWidget(this);
    m_grid->setObjectName(QStringLiteral("screeningQuestions"));
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(m_grid);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    m_noToAll = new QPushButton(tr("No to &all"), this);
    m_noToAll->setObjectName(QStringLiteral("noToAllButton"));
    // Enter in a dialog never sets every answer: only a deliberate press (Space, Alt+A, a click) does.
    m_noToAll->setAutoDefault(false);
    m_noToAll->setToolTip(tr("Set every answer to No, then change the ones the patient answers Yes"));
    auto *noToAllHint =
        headingLabel(tr("Sets every answer to No; then change the exceptions and record. Nothing is saved until "
                        "then."),
                     this);
    noToAllHint->setWordWrap(true);
    auto *quick = new QHBoxLayout;
    quick->addWidget(m_noToAll);
    quick->addWidget(noToAllHint, 1);

    m_record = new QPushButton(tr("Re&cord answers"), this);
    m_record->setObjectName(QStringLiteral("recordAnswersButton"));
    m_record->setToolTip(tr("Save every answered question as given today"));
    m_outcome = new QLabel(this);
    m_outcome->setObjectName(QStringLiteral("screeningOutcome"));
    m_outcome->setWordWrap(true);
    m_outcome->setTextFormat(Qt::PlainText);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_record);
    buttons->addWidget(m_outcome, 1);

    auto *questionnaire = new QGroupBox(tr("Questionnaire"), this);
    auto *questionLayout = new QVBoxLayout(questionnaire);
    questionLayout->setContentsMargins(10, 10, 10, 10);
    questionLayout->addLayout(quick);
    questionLayout->addWidget(scroll, 1);
    questionLayout->addLayout(buttons);

    m_history = new QTreeWidget(this);
    m_history->setObjectName(QStringLiteral("screeningHistory"));
    m_history->setAccessibleName(tr("Screening answers given before"));
    m_history->setHeaderLabels({tr("Answered on"), tr("Question"), tr("Answer")});
    m_history->setRootIsDecorated(false);
    m_history->setAlternatingRowColors(true);
    m_history->setUniformRowHeights(true);
    m_history->setWordWrap(false);
    // The question gives way (elided, full text in its tooltip) so the day and the answer always show.
    m_history->header()->setStretchLastSection(false);
    m_history->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_history->header()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_history->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    auto *history = new QGroupBox(tr("Answer history"), this);
    m_historyBox = history;
    auto *historyLayout = new QVBoxLayout(history);
    historyLayout->setContentsMargins(10, 10, 10, 10);
    historyLayout->addWidget(m_history);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 8, 4, 4);
    layout->setSpacing(16);
    // The questionnaire is what the desk works in: the history takes what is left.
    layout->addWidget(questionnaire, 5);
    layout->addWidget(history, 2);

    connect(m_noToAll, &QPushButton::clicked, this, &ScreeningForm::answerAllNo);
    connect(m_record, &QPushButton::clicked, this, &ScreeningForm::record);
}

QSize ScreeningForm::questionnaireSizeHint() const
{
    return m_grid->sizeHint();
}

void ScreeningForm::setHistoryShown(bool shown)
{
    m_historyBox->setVisible(shown);
}

void ScreeningForm::buildRows()
{
    qDeleteAll(m_grid->findChildren<QWidget *>(QString(), Qt::FindDirectChildrenOnly));
    delete m_grid->layout();
    m_rows.clear();
    auto *grid = new QGridLayout(m_grid);
    grid->setContentsMargins(2, 2, 8, 2);
    grid->setHorizontalSpacing(10);
    grid->setVerticalSpacing(6);
    grid->addWidget(headingLabel(tr("Question"), m_grid), 0, 0);
    grid->addWidget(headingLabel(tr("Answer"), m_grid), 0, 1);
    grid->addWidget(headingLabel(tr("Date (if yes)"), m_grid), 0, 2);
    grid->addWidget(headingLabel(tr("Detail"), m_grid), 0, 3);
    grid->addWidget(headingLabel(tr("Answered on"), m_grid), 0, 4);
    int line = 1;
    QWidget *previous = m_noToAll;
    for (const ScreeningQuestion &question : std::as_const(m_questions)) {
        Row row;
        auto *text = new QLabel(question.question, m_grid);
        text->setWordWrap(true);
        text->setMinimumWidth(200);
        row.answer = new QComboBox(m_grid);
        row.answer->setObjectName(QStringLiteral("answer_%1").arg(question.code));
        row.answer->addItems({tr("\u2014"), tr("No"), tr("Yes")});
        row.answer->setAccessibleName(question.question);
        text->setBuddy(row.answer);
        row.detail = new QLineEdit(m_grid);
        row.detail->setObjectName(QStringLiteral("detail_%1").arg(question.code));
        row.detail->setPlaceholderText(tr("Detail"));
        row.detail->setMinimumWidth(row.detail->fontMetrics().horizontalAdvance(QStringLiteral("Apixaban, daily")));
        row.detail->setAccessibleName(tr("Detail: %1").arg(question.question));
        row.answeredOn = new QLabel(tr("Not answered"), m_grid);
        row.answeredOn->setObjectName(QStringLiteral("answeredOn_%1").arg(question.code));
        // A date fits on one line; "Was Yes on …" may take two.
        row.answeredOn->setMinimumWidth(row.answeredOn->fontMetrics().horizontalAdvance(QStringLiteral("00 Mmm 0000")));
        row.answeredOn->setWordWrap(true);
        grid->addWidget(text, line, 0);
        grid->addWidget(row.answer, line, 1);
        if (question.asksDate) {
            row.date = new QLineEdit(m_grid);
            row.date->setObjectName(QStringLiteral("date_%1").arg(question.code));
            row.date->setPlaceholderText(tr("YYYY-MM-DD"));
            row.date->setAccessibleName(tr("Date: %1").arg(question.question));
            row.date->setFixedWidth(row.date->fontMetrics().horizontalAdvance(QStringLiteral("0000-00-00")) + 24);
            grid->addWidget(row.date, line, 2);
        }
        grid->addWidget(row.detail, line, 3);
        grid->addWidget(row.answeredOn, line, 4);
        const qint64 id = question.id;
        connect(row.answer, &QComboBox::currentIndexChanged, this, [this, id] { answerChanged(id); });
        if (row.date)
            connect(row.date, &QLineEdit::textEdited, this, [this, id] { showAnsweredOn(id); });
        connect(row.detail, &QLineEdit::textEdited, this, [this, id] { showAnsweredOn(id); });
        for (QWidget *field : {static_cast<QWidget *>(row.answer), static_cast<QWidget *>(row.date),
                               static_cast<QWidget *>(row.detail)}) {
            if (!field)
                continue;
            if (previous)
                setTabOrder(previous, field);
            previous = field;
        }
        m_rows.insert(id, row);
        ++line;
    }
    if (previous)
        setTabOrder(previous, m_record);
    grid->setColumnStretch(0, 3);
    grid->setColumnStretch(3, 2);
    grid->setRowStretch(line, 1);
}

bool ScreeningForm::load(qint64 patientId)
{
    // Read again for the same patient (after a change), the line under the buttons keeps what it said.
    const bool again = patientId == m_patientId;
    m_patientId = patientId;
    ScreeningRepository &repository = m_session.service<ScreeningRepository>();
    auto questions = repository.questions();
    auto latest = repository.latestAnswers(patientId);
    auto history = repository.answerHistory(patientId);
    for (const Error *failure : {questions ? nullptr : &questions.error(), latest ? nullptr : &latest.error(),
                                 history ? nullptr : &history.error()}) {
        if (failure) {
            showOutcome(tr("The screening could not be read: %1").arg(failure->message()), true);
            return false;
        }
    }
    const bool sameQuestions = [&] {
        if (questions.value().size() != m_questions.size())
            return false;
        for (int i = 0; i < m_questions.size(); ++i) {
            if (questions.value().at(i).id != m_questions.at(i).id
                || questions.value().at(i).question != m_questions.at(i).question)
                return false;
        }
        return true;
    }();
    m_questions = questions.value();
    if (!sameQuestions || m_rows.isEmpty())
        buildRows();
    m_loaded = latest.value();
    for (const ScreeningQuestion &question : std::as_const(m_questions)) {
        const Row &row = m_rows[question.id];
        const auto answer = m_loaded.constFind(question.id);
        const bool answered = answer != m_loaded.cend();
        {
            const QSignalBlocker quiet(row.answer);
            row.answer->setCurrentIndex(answered ? (answer->yes ? Yes : No) : NotAnswered);
        }
        if (row.date)
            row.date->setText(answered && answer->eventDate.isValid() ? answer->eventDate.toString(Qt::ISODate)
                                                                      : QString());
        row.detail->setText(answered ? answer->detail : QString());
        answerChanged(question.id);
    }
    fillHistory(history.value());
    if (!again || latest.value().isEmpty())
        showOutcome(latest.value().isEmpty() ? tr("No screening recorded yet.") : QString(), false);
    return true;
}

void ScreeningForm::fillHistory(const QList<ScreeningAnswer> &history)
{
    m_history->clear();
    QHash<qint64, QString> texts;
    for (const ScreeningQuestion &question : std::as_const(m_questions))
        texts.insert(question.id, question.question);
    const ClinicTime time(m_session.zone());
    QList<QTreeWidgetItem *> items;
    for (const ScreeningAnswer &answer : history) {
        QString said = answer.yes ? tr("Yes") : tr("No");
        if (answer.yes && answer.eventDate.isValid())
            said = tr("Yes, %1").arg(shortDateText(answer.eventDate));
        if (!answer.detail.isEmpty())
            said += QStringLiteral(" \u2013 ") + answer.detail;
        auto *item = new QTreeWidgetItem(
            {shortDateText(time.localDate(answer.answeredAt)),
             texts.value(answer.questionId, tr("Question %1 (no longer asked)").arg(answer.questionId)), said});
        item->setToolTip(1, item->text(1));
        item->setSizeHint(2, QSize(0, m_history->fontMetrics().height() + 8));
        if (answer.yes) {
            QFont bold = m_history->font();
            bold.setBold(true);
            item->setFont(2, bold);
        }
        items.append(item);
    }
    m_history->addTopLevelItems(items);
}

void ScreeningForm::answerChanged(qint64 questionId)
{
    const Row row = m_rows.value(questionId);
    const bool yes = row.answer && row.answer->currentIndex() == Yes;
    if (row.date)
        row.date->setEnabled(yes);
    showAnsweredOn(questionId);
}

bool ScreeningForm::isUnchanged(qint64 questionId) const
{
    const Row row = m_rows.value(questionId);
    if (!row.answer)
        return true;
    const auto loaded = m_loaded.constFind(questionId);
    const int choice = row.answer->currentIndex();
    if (loaded == m_loaded.cend())
        return choice == NotAnswered;
    const QString dateText = row.date ? row.date->text().trimmed() : QString();
    return choice == (loaded->yes ? Yes : No) && row.detail->text().trimmed() == loaded->detail
           && (!row.date
               || dateText == (loaded->eventDate.isValid() ? loaded->eventDate.toString(Qt::ISODate) : QString()));
}

bool ScreeningForm::isModified() const
{
    for (auto it = m_rows.cbegin(); it != m_rows.cend(); ++it) {
        if (!isUnchanged(it.key()))
            return true;
    }
    return false;
}

void ScreeningForm::showAnsweredOn(qint64 questionId)
{
    const Row row = m_rows.value(questionId);
    if (!row.answeredOn)
        return;
    const auto loaded = m_loaded.constFind(questionId);
    const bool answered = loaded != m_loaded.cend();
    const int choice = row.answer->currentIndex();
    const bool unchanged = isUnchanged(questionId);
    const QString answeredOn =
        answered ? shortDateText(ClinicTime(m_session.zone()).localDate(loaded->answeredAt)) : QString();
    QString text;
    QString tip;
    QColor colour = palette().color(QPalette::WindowText);
    if (unchanged) {
        text = answered ? answeredOn : tr("Not answered");
        if (!answered)
            colour = QColor(theme::mutedText);
        else if (loaded->yes && loaded->eventDate.isValid())
            tip = tr("Answered Yes on %1; the date given: %2").arg(answeredOn, shortDateText(loaded->eventDate));
    } else if (answered && loaded->yes && choice != Yes) {
        text = tr("Was Yes on %1").arg(answeredOn);
        tip = tr("The patient answered Yes on %1. Check it with them before recording.").arg(answeredOn);
        colour = QColor(theme::errorText);
    } else {
        text = tr("Not saved yet");
        tip = answered ? tr("Answered on %1; changed on the form").arg(answeredOn) : QString();
        colour = QColor(theme::accent);
    }
    row.answeredOn->setText(text);
    row.answeredOn->setToolTip(tip);
    QPalette palette = row.answeredOn->palette();
    palette.setColor(QPalette::WindowText, colour);
    row.answeredOn->setPalette(palette);
}

void ScreeningForm::answerAllNo()
{
    int wereYes = 0;
    for (const ScreeningQuestion &question : std::as_const(m_questions)) {
        const Row &row = m_rows[question.id];
        const auto loaded = m_loaded.constFind(question.id);
        if (row.answer->currentIndex() == Yes || (loaded != m_loaded.cend() && loaded->yes))
            ++wereYes;
        if (row.date)
            row.date->clear();
        row.detail->clear();
        row.answer->setCurrentIndex(No);
        showAnsweredOn(question.id);
    }
    QString said;
    if (wereYes == 1)
        said = tr("Every answer is No now; the one that said Yes is marked in red: check it with the patient.");
    else if (wereYes > 1)
        said = tr("Every answer is No now; the %1 that said Yes are marked in red: check them with the patient.")
                   .arg(wereYes);
    else
        said = tr("Every answer is No now. Change the ones the patient answers Yes.");
    showOutcome(said + QLatin1Char(' ') + tr("Nothing is saved until you record the answers."), false);
    if (!m_questions.isEmpty())
        m_rows[m_questions.first().id].answer->setFocus(Qt::TabFocusReason);
}

QComboBox *ScreeningForm::answerCombo(qint64 questionId) const
{
    return m_rows.value(questionId).answer;
}

QLineEdit *ScreeningForm::dateEdit(qint64 questionId) const
{
    return m_rows.value(questionId).date;
}

QLineEdit *ScreeningForm::detailEdit(qint64 questionId) const
{
    return m_rows.value(questionId).detail;
}

QString ScreeningForm::answeredOnText(qint64 questionId) const
{
    const Row row = m_rows.value(questionId);
    return row.answeredOn ? row.answeredOn->text() : QString();
}

QString ScreeningForm::outcomeText() const
{
    return m_outcome->text();
}

void ScreeningForm::showOutcome(const QString &text, bool error)
{
    QPalette palette = m_outcome->palette();
    palette.setColor(QPalette::WindowText, error ? QColor(theme::errorText) : QColor(theme::mutedText));
    m_outcome->setPalette(palette);
    m_outcome->setText(text);
}

bool ScreeningForm::record()
{
    if (m_patientId <= 0)
        return false;
    QList<ScreeningAnswer> answers;
    for (const ScreeningQuestion &question : std::as_const(m_questions)) {
        const Row &row = m_rows[question.id];
        if (row.answer->currentIndex() == NotAnswered)
            continue;
        ScreeningAnswer answer;
        answer.questionId = question.id;
        answer.yes = row.answer->currentIndex() == Yes;
        answer.detail = row.detail->text().trimmed();
        const QString dateText = row.date ? row.date->text().trimmed() : QString();
        if (answer.yes && !dateText.isEmpty()) {
            answer.eventDate = QDate::fromString(dateText, Qt::ISODate);
            if (!answer.eventDate.isValid()) {
                showOutcome(tr("Nothing recorded. \u201c%1\u201d: enter the date as YYYY-MM-DD, or leave it empty "
                               "when the patient does not know it.")
                                .arg(question.question),
                            true);
                row.date->setFocus(Qt::OtherFocusReason);
                return false;
            }
        }
        answers.append(answer);
    }
    if (answers.isEmpty()) {
        showOutcome(tr("Nothing recorded: answer at least one question."), true);
        return false;
    }
    if (const Status saved = m_session.service<ScreeningRepository>().recordAnswers(m_patientId, answers); !saved) {
        showOutcome(tr("Nothing recorded: %1").arg(saved.error().message()), true);
        return false;
    }
    const int count = int(answers.size());
    load(m_patientId);
    showOutcome(count == 1 ? tr("1 answer recorded today.") : tr("%1 answers recorded today.").arg(count), false);
    emit recorded(m_patientId);
    return true;
}

} // namespace dermdesk::ui
