#include "PatientsArea.h"

#include "patients/PatientRepository.h"

#include "common/AreaWidgets.h"
#include "common/Icons.h"
#include "patients/PatientListModel.h"

#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace dermdesk::ui {

PatientsArea::PatientsArea(const Database &database, const QTimeZone &zone, const Clock &clock, QWidget *parent)
    : QWidget(parent)
    , m_database(database)
    , m_clock(clock)
{
    setObjectName(QStringLiteral("patientsArea"));
    m_model = new PatientListModel(database, zone, clock, this);

    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("patientSearch"));
    m_search->setPlaceholderText(tr("Find a patient by name (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_search->addAction(icons::find(), QLineEdit::LeadingPosition);
    m_search->setAccessibleName(tr("Patient search"));
    QFont searchFont = m_search->font();
    searchFont.setPointSizeF(searchFont.pointSizeF() * 1.15);
    m_search->setFont(searchFont);
    m_search->setMinimumHeight(m_search->fontMetrics().height() + 14);

    m_summary = makeMutedLabel(QStringLiteral("patientSummary"), this);
    m_view =
        makeListTable(m_model, PatientListModel::NameColumn, QStringLiteral("patientView"), tr("Patients found"), this);

    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(150);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->setSpacing(10);
    layout->addWidget(m_search);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_summary);

    connect(m_search, &QLineEdit::textEdited, m_debounce, qOverload<>(&QTimer::start));
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (text.isEmpty())
            m_debounce->start();
    });
    connect(m_debounce, &QTimer::timeout, this, &PatientsArea::searchNow);
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        searchNow();
        if (m_model->rowCount() > 0) {
            m_view->setFocus();
            m_view->selectRow(0);
        }
    });
    connect(m_model, &PatientListModel::searched, this, &PatientsArea::updateSummary);

    searchNow();
}

void PatientsArea::focusSearch()
{
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

void PatientsArea::showPatient(qint64 patientId)
{
    const auto patient = PatientRepository(m_database, m_clock).find(patientId);
    if (!patient) {
        m_summary->setText(patient.error().message());
        return;
    }
    m_search->setText(patient.value().givenName + QLatin1Char(' ') + patient.value().familyName);
    searchNow();
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->patient(row).id == patientId) {
            m_view->selectRow(row);
            m_view->setFocus(Qt::OtherFocusReason);
            return;
        }
    }
}

void PatientsArea::updateSummary()
{
    const int rows = m_model->rowCount();
    const QString text = m_model->searchText();
    if (rows == 0 && !text.isEmpty())
        m_summary->setText(tr("No patient's name begins with “%1”.").arg(text));
    else if (rows == 0)
        m_summary->setText(tr("No patients yet."));
    else if (m_model->hasMore())
        m_summary->setText(text.isEmpty()
                               ? tr("Showing the first %1 patients by name; type a name to find others.").arg(rows)
                               : tr("Showing the first %1 matches; type more of the name to narrow them.").arg(rows));
    else
        m_summary->setText(rows == 1 ? tr("1 patient found.") : tr("%1 patients found.").arg(rows));
}

} // namespace dermdesk::ui
