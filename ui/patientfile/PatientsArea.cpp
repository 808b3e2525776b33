#include "ui/patientfile/PatientsArea.h"

#include "calendar/AppointmentRepository.h"
#include "patients/PatientListModel.h"
#include "patients/PatientRepository.h"
#include "session/ClinicSession.h"
#include "storage/ChangeSet.h"
#include "ui/patientfile/NewPatientDialog.h"
#include "ui/patientfile/PatientExports.h"
#include "ui/patientfile/PatientMergeDialog.h"
#include "ui/patientfile/PatientPage.h"
#include "ui/widgets/AreaWidgets.h"
#include "ui/widgets/Icons.h"

#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QShortcut>
#include <QStackedWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace dermdesk::ui {

PatientsArea::PatientsArea(ClinicSession &session, Prompter &prompter, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_prompter(prompter)
{
    setObjectName(QStringLiteral("patientsArea"));
    m_model = new PatientListModel(session.database(), session.service<AppointmentRepository>(), session.zone(),
                                   session.clock(), this);
    m_stack = new QStackedWidget(this);
    m_results = new QWidget(m_stack);

    m_search = new QLineEdit(m_results);
    m_search->setObjectName(QStringLiteral("patientSearch"));
    m_search->setPlaceholderText(tr("Find a patient by name, phone, birth date or e-mail (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_search->addAction(icons::find(), QLineEdit::LeadingPosition);
    m_search->setAccessibleName(tr("Patient search"));
    QFont searchFont = m_search->font();
    searchFont.setPointSizeF(searchFont.pointSizeF() * 1.15);
    m_search->setFont(searchFont);
    m_search->setMinimumHeight(m_search->fontMetrics().height() + 14);

    m_summary = makeMutedLabel(QStringLiteral("patientSummary"), m_results);
    m_view = makeListTable(m_model, PatientListModel::NameColumn, QStringLiteral("patientView"), tr("Patients found"),
                           m_results);
    m_view->setToolTip(tr("Enter or double-click opens the patient; Ctrl+B books for them; select two records of "
                          "the same person to merge them"));
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_exports = std::make_unique<PatientExports>(session, prompter, this);
    m_merge = new QPushButton(tr("&Merge Selected\u2026"), m_results);
    m_merge->setObjectName(QStringLiteral("mergeButton"));
    m_merge->setToolTip(tr("Two records of the same person: move everything to one and archive the other"));
    m_merge->setAutoDefault(false);
    m_newPatient = new QPushButton(tr("&New Patient\u2026"), m_results);
    m_newPatient->setObjectName(QStringLiteral("newPatientButton"));
    m_newPatient->setToolTip(tr("Register a patient who is not found, with what the search holds (Enter when "
                                "nobody matches)"));
    m_newPatient->setAutoDefault(false);
    m_exportList = new QPushButton(tr("E&xport List\u2026"), m_results);
    m_exportList->setObjectName(QStringLiteral("exportListButton"));
    m_exportList->setToolTip(tr("Every patient as a CSV file for a spreadsheet"));
    m_exportList->setAutoDefault(false);

    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(150);

    auto *resultsLayout = new QVBoxLayout(m_results);
    resultsLayout->setContentsMargins(16, 12, 16, 12);
    resultsLayout->setSpacing(10);
    resultsLayout->addWidget(m_search);
    resultsLayout->addWidget(m_view, 1);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_summary, 1);
    bottom->addWidget(m_newPatient);
    bottom->addWidget(m_merge);
    bottom->addWidget(m_exportList);
    resultsLayout->addLayout(bottom);

    m_page = new PatientPage(session, prompter, m_stack);
    m_stack->addWidget(m_results);
    m_stack->addWidget(m_page);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);

    connect(m_search, &QLineEdit::textEdited, m_debounce, qOverload<>(&QTimer::start));
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (text.isEmpty())
            m_debounce->start();
    });
    connect(m_debounce, &QTimer::timeout, this, &PatientsArea::searchNow);
    connect(m_search, &QLineEdit::returnPressed, this, &PatientsArea::moveToResults);
    m_search->installEventFilter(this);
    connect(m_model, &PatientListModel::searched, this, &PatientsArea::updateSummary);
    connect(m_view, &QTableView::activated, this, [this](const QModelIndex &index) { openRow(index.row()); });

    connect(m_page, &PatientPage::backRequested, this, &PatientsArea::showResults);
    connect(m_page, &PatientPage::bookRequested, this, &PatientsArea::bookRequested);
    connect(m_page, &PatientPage::newPlanRequested, this, &PatientsArea::newPlanRequested);
    connect(m_page, &PatientPage::openAppointmentRequested, this, &PatientsArea::openAppointmentRequested);
    connect(&session, &ClinicSession::changed, this, &PatientsArea::follow);

    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &PatientsArea::updateActions);
    connect(m_model, &PatientListModel::modelReset, this, &PatientsArea::updateActions);
    connect(m_merge, &QPushButton::clicked, this, &PatientsArea::mergeSelected);
    connect(m_exportList, &QPushButton::clicked, this, &PatientsArea::exportList);
    connect(m_newPatient, &QPushButton::clicked, this, &PatientsArea::newPatient);

    auto *book = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_B), this);
    book->setContext(Qt::WidgetWithChildrenShortcut);
    // What Help ▸ Keyboard Shortcuts lists for the key.
    book->setWhatsThis(tr("Book for the selected patient"));
    connect(book, &QShortcut::activated, this, &PatientsArea::bookForCurrent);

    searchNow();
}

PatientsArea::~PatientsArea() = default;

void PatientsArea::follow(const ChangeSet &changes)
{
    if (!changes.everything && changes.patients.isEmpty())
        return;
    // The results show names, phones, birth dates and the archived flag: search again for the same text, keeping
    // the selected patients, the current one and the scroll position.
    QList<qint64> selected;
    for (const QModelIndex &row : m_view->selectionModel()->selectedRows())
        selected.append(m_model->patient(row.row()).id);
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    const qint64 currentId = current.isValid() ? m_model->patient(current.row()).id : 0;
    const int scrolled = m_view->verticalScrollBar()->value();
    if (const Status found = m_model->search(m_model->searchText()); !found) {
        m_summary->setText(tr("The search failed: %1").arg(found.error().message()));
        return;
    }
    QItemSelection selection;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const qint64 id = m_model->patient(row).id;
        if (id == currentId)
            m_view->selectionModel()->setCurrentIndex(m_model->index(row, 0), QItemSelectionModel::NoUpdate);
        if (selected.contains(id))
            selection.select(m_model->index(row, 0), m_model->index(row, m_model->columnCount() - 1));
    }
    m_view->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
    m_view->verticalScrollBar()->setValue(scrolled);
}

void PatientsArea::updateActions()
{
    m_merge->setEnabled(m_view->selectionModel()->selectedRows().size() == 2);
}

PatientMergeDialog *PatientsArea::mergeSelected()
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.size() != 2)
        return nullptr;
    const qint64 first = m_model->patient(rows.at(0).row()).id;
    const qint64 second = m_model->patient(rows.at(1).row()).id;
    auto *dialog = PatientMergeDialog::open(m_session, m_prompter, qMax(first, second), qMin(first, second), this);
    if (dialog) {
        connect(dialog, &PatientMergeDialog::merged, this, [this](qint64 survivorId) {
            searchNow();
            selectPatientRow(survivorId);
        });
    }
    return dialog;
}

void PatientsArea::exportList()
{
    if (const std::optional<qint64> rows = m_exports->saveList())
        m_summary->setText(tr("%n patient(s) exported.", nullptr, int(*rows)));
}

void PatientsArea::moveToResults()
{
    searchNow();
    if (m_model->rowCount() > 0) {
        m_view->setFocus();
        m_view->selectRow(0);
    } else if (!m_model->searchText().isEmpty()) {
        newPatient();
    }
}

NewPatientDialog *PatientsArea::newPatient()
{
    auto *dialog = new NewPatientDialog(m_session, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    dialog->setNameText(m_search->text());
    connect(dialog, &NewPatientDialog::patientReady, this, [this](qint64 patientId) {
        // Where picking them from the results leads: their page, where Ctrl+B books.
        m_search->clear();
        searchNow();
        showPatient(patientId);
    });
    dialog->open();
    return dialog;
}

bool PatientsArea::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_search && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Down || key->key() == Qt::Key_PageDown) && key->modifiers() == Qt::NoModifier) {
            moveToResults();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

bool PatientsArea::isPageShown() const
{
    return m_stack->currentWidget() == m_page;
}

qint64 PatientsArea::currentPatientId() const
{
    if (isPageShown())
        return m_page->patient().archived ? 0 : m_page->patientId();
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    if (!current.isValid() || !m_view->selectionModel()->isRowSelected(current.row(), {}))
        return 0;
    const PatientSummary &patient = m_model->patient(current.row());
    return patient.archived ? 0 : patient.id;
}

void PatientsArea::bookForCurrent()
{
    if (const qint64 id = currentPatientId(); id > 0)
        emit bookRequested(id);
}

void PatientsArea::focusSearch()
{
    if (isPageShown() && !m_page->confirmLeave())
        return;
    m_stack->setCurrentWidget(m_results);
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void PatientsArea::searchNow()
{
    m_debounce->stop();
    const QString text = m_search->text().trimmed();
    if (m_model->searchText() == text && m_model->rowCount() > 0)
        return;
    if (const Status found = m_model->search(text); !found)
        m_summary->setText(tr("The search failed: %1").arg(found.error().message()));
}

void PatientsArea::openRow(int row)
{
    if (row < 0 || row >= m_model->rowCount())
        return;
    showPatient(m_model->patient(row).id);
}

void PatientsArea::showPatient(qint64 patientId)
{
    if (isPageShown() && m_page->patientId() != patientId && !m_page->confirmLeave())
        return;
    if (!selectPatientRow(patientId)) {
        if (const auto patient = m_session.service<PatientRepository>().find(patientId); patient) {
            m_search->setText(patient.value().givenName + QLatin1Char(' ') + patient.value().familyName);
            searchNow();
            selectPatientRow(patientId);
        }
    }
    m_page->load(patientId);
    m_page->tabs()->setCurrentIndex(PatientPage::RecordTab);
    m_stack->setCurrentWidget(m_page);
    m_page->tabs()->tabBar()->setFocus(Qt::OtherFocusReason);
}

void PatientsArea::showResults()
{
    m_stack->setCurrentWidget(m_results);
    selectPatientRow(m_page->patientId());
    if (m_model->rowCount() > 0)
        m_view->setFocus(Qt::OtherFocusReason);
    else
        m_search->setFocus(Qt::OtherFocusReason);
}

bool PatientsArea::selectPatientRow(qint64 patientId)
{
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->patient(row).id == patientId) {
            m_view->selectRow(row);
            m_view->scrollTo(m_model->index(row, 0));
            return true;
        }
    }
    return false;
}

void PatientsArea::updateSummary()
{
    const int rows = m_model->rowCount();
    const QString text = m_model->searchText();
    if (rows == 0 && !text.isEmpty())
        m_summary->setText(tr("No patient matches \u201c%1\u201d. Enter registers a new patient with it.").arg(text));
    else if (rows == 0)
        m_summary->setText(tr("No patients yet."));
    else if (m_model->hasMore())
        m_summary->setText(text.isEmpty()
                               ? tr("Showing the first %1 patients by name; type a name to find others.").arg(rows)
                               : tr("Showing the first %1 matches; type more of the name to narrow them.").arg(rows));
    else
        m_summary->setText(rows == 1 ? tr("1 patient found. Enter opens them; Ctrl+B books for them.")
                                     : tr("%1 patients found.").arg(rows));
}

} // namespace dermdesk::ui
