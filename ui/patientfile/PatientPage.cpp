#include "ui/patientfile/PatientPage.h"

#include "agenda/AgendaRepository.h"
#include "calendar/ClinicTime.h"
#include "common/TimeFormat.h"
#include "patients/PatientRepository.h"
#include "patients/PatientSummary.h"
#include "patients/ScreeningEvaluator.h"
#include "session/ClinicSession.h"
#include "storage/ChangeSet.h"
#include "treatment/TreatmentPlanRepository.h"
#include "ui/patientfile/PatientExports.h"
#include "ui/patientfile/PatientRecordForm.h"
#include "ui/patientfile/PatientTimeline.h"
#include "ui/patientfile/ScreeningBadge.h"
#include "ui/patientfile/ScreeningForm.h"
#include "ui/widgets/AreaWidgets.h"
#include "ui/widgets/Prompter.h"
#include "ui/widgets/Theme.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QTabWidget>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace dermdesk::ui {

namespace {

int ageOn(const QDate &birth, const QDate &today)
{
    int age = today.year() - birth.year();
    if (today.month() < birth.month() || (today.month() == birth.month() && today.day() < birth.day()))
        --age;
    return age;
}

QLabel *emptyStateLabel(const QString &objectName, const QString &text, QWidget *parent)
{
    QLabel *label = makeMutedLabel(objectName, parent);
    label->setText(text);
    label->setWordWrap(true);
    label->setAlignment(Qt::AlignCenter);
    return label;
}

} // namespace

PatientPage::PatientPage(ClinicSession &session, Prompter &prompter, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_prompter(prompter)
{
    setObjectName(QStringLiteral("patientPage"));
    connect(&m_session, &ClinicSession::changed, this, &PatientPage::follow);
    buildHeader();
    buildTabs();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->setSpacing(12);
    layout->addWidget(m_header);
    layout->addWidget(m_tabs, 1);
}

PatientPage::~PatientPage() = default;

void PatientPage::buildHeader()
{
    m_header = new QFrame(this);
    m_header->setObjectName(QStringLiteral("patientHeader"));
    m_header->setStyleSheet(
        QStringLiteral("#patientHeader { background: #f4f7f9; border: 1px solid #d8e0e6; border-radius: 6px; }"));
    m_back = new QPushButton(tr("\u2190 Results"), m_header);
    m_back->setObjectName(QStringLiteral("backButton"));
    m_back->setToolTip(tr("Back to the search results (Esc)"));
    m_back->setAutoDefault(false);
    m_book = new QPushButton(tr("Book\u2026"), m_header);
    m_book->setObjectName(QStringLiteral("bookButton"));
    m_book->setToolTip(tr("Book an appointment for this patient (Ctrl+B)"));
    m_book->setAutoDefault(false);
    m_exports = std::make_unique<PatientExports>(m_session, m_prompter, this);
    m_export = new QToolButton(m_header);
    m_export->setObjectName(QStringLiteral("exportButton"));
    m_export->setText(tr("Export"));
    m_export->setToolTip(tr("Everything the clinic holds about this patient, for an access request"));
    m_export->setPopupMode(QToolButton::InstantPopup);
    auto *exportMenu = new QMenu(m_export);
    exportMenu->addAction(tr("Print Record\u2026"), this,
                          [this] { m_exports->printRecord(m_patient.id, HandoutPrinter::Output::Preview); });
    exportMenu->addAction(tr("Save Record as PDF\u2026"), this,
                          [this] { m_exports->printRecord(m_patient.id, HandoutPrinter::Output::Pdf); });
    exportMenu->addAction(tr("Save Record as JSON\u2026"), this, [this] { m_exports->saveRecordJson(m_patient.id); });
    m_export->setMenu(exportMenu);
    m_title = makeTitleLabel(QString(), m_header);
    m_title->setObjectName(QStringLiteral("patientTitle"));
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_archived = new QLabel(tr("Archived"), m_header);
    m_archived->setObjectName(QStringLiteral("archivedTag"));
    m_archived->setStyleSheet(
        QStringLiteral("#archivedTag { color: #5b4a2f; background: #efe4cf; border-radius: 9px; padding: 2px 10px; }"));
    m_archived->hide();
    m_details = makeMutedLabel(QStringLiteral("patientDetails"), m_header);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_badge = new ScreeningBadge(m_header);

    auto *top = new QHBoxLayout;
    top->setSpacing(12);
    top->addWidget(m_back, 0, Qt::AlignVCenter);
    top->addSpacing(4);
    top->addWidget(m_title, 0, Qt::AlignVCenter);
    top->addWidget(m_archived, 0, Qt::AlignVCenter);
    top->addStretch(1);
    top->addWidget(m_export, 0, Qt::AlignVCenter);
    top->addWidget(m_book, 0, Qt::AlignVCenter);
    auto *layout = new QVBoxLayout(m_header);
    layout->setContentsMargins(14, 10, 14, 12);
    layout->setSpacing(6);
    layout->addLayout(top);
    layout->addWidget(m_details);
    layout->addWidget(m_badge);

    // Esc reaches the action through keyPressEvent, so a child that uses Esc itself (a cell being edited, an
    // open list) keeps it; the action is not added to a widget, its text and key are what Help ▸ Keyboard
    // Shortcuts lists.
    m_backAction = new QAction(tr("Back to the search results"), this);
    m_backAction->setObjectName(QStringLiteral("backToResultsAction"));
    m_backAction->setShortcut(QKeySequence(Qt::Key_Escape));
    connect(m_backAction, &QAction::triggered, this, [this] {
        if (confirmLeave())
            emit backRequested();
    });
    connect(m_back, &QPushButton::clicked, m_backAction, &QAction::trigger);
    connect(m_book, &QPushButton::clicked, this, [this] {
        if (m_patient.id > 0 && !m_patient.archived)
            emit bookRequested(m_patient.id);
    });
}

void PatientPage::buildTabs()
{
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("patientTabs"));
    m_tabs->setDocumentMode(true);

    m_record = new PatientRecordForm(m_session, m_prompter, m_tabs);
    m_timeline = new PatientTimeline(m_session, m_tabs);
    m_screening = new ScreeningForm(m_session, m_tabs);

    auto *plans = new QWidget(m_tabs);
    m_plans = new QTreeWidget(plans);
    m_plans->setObjectName(QStringLiteral("patientPlanView"));
    m_plans->setAccessibleName(tr("Treatment plans of the patient"));
    m_plans->setHeaderLabels({tr("Concerns"), tr("Areas"), tr("Type"), tr("Status"), tr("Sessions"), tr("Next session"),
                              tr("Consent"), tr("Lead")});
    m_plans->setRootIsDecorated(false);
    m_plans->setAlternatingRowColors(true);
    m_plans->setUniformRowHeights(true);
    m_plans->header()->setStretchLastSection(true);
    m_plansEmpty = emptyStateLabel(QStringLiteral("plansEmptyLabel"), tr("No treatment plans yet."), plans);
    m_newPlan = new QPushButton(tr("New &Plan\u2026"), plans);
    m_newPlan->setObjectName(QStringLiteral("newPlanButton"));
    m_newPlan->setToolTip(tr("Start a course of treatment for this patient"));
    m_newPlan->setAutoDefault(false);
    connect(m_newPlan, &QPushButton::clicked, this, [this] {
        if (m_patient.id > 0 && !m_patient.archived)
            emit newPlanRequested(m_patient.id);
    });
    auto *plansButtons = new QHBoxLayout;
    plansButtons->addStretch(1);
    plansButtons->addWidget(m_newPlan);
    auto *plansLayout = new QVBoxLayout(plans);
    plansLayout->setContentsMargins(4, 8, 4, 4);
    plansLayout->addWidget(m_plans, 1);
    plansLayout->addWidget(m_plansEmpty, 1);
    plansLayout->addLayout(plansButtons);

    m_handouts = new QWidget(m_tabs);
    m_handouts->setObjectName(QStringLiteral("handoutsSection"));
    auto *handoutsLayout = new QVBoxLayout(m_handouts);
    handoutsLayout->setContentsMargins(4, 8, 4, 4);
    handoutsLayout->addWidget(emptyStateLabel(QStringLiteral("handoutsEmptyLabel"),
                                              tr("No handouts printed for this patient yet."), m_handouts),
                              1);

    m_tabs->addTab(m_record, tr("&Record"));
    m_tabs->addTab(m_timeline, tr("A&ppointments"));
    m_tabs->addTab(m_screening, tr("Screening &questions"));
    m_tabs->addTab(plans, tr("&Treatment plans"));
    m_tabs->addTab(m_handouts, tr("Hand&outs printed"));

    connect(m_record, &PatientRecordForm::saved, this, &PatientPage::recordSaved);
    connect(m_record, &PatientRecordForm::modifiedChanged, this,
            [this](bool modified) { m_tabs->setTabText(RecordTab, modified ? tr("&Record \u2022") : tr("&Record")); });
    connect(m_timeline, &PatientTimeline::openAppointmentRequested, this, &PatientPage::openAppointmentRequested);
    connect(m_screening, &ScreeningForm::recorded, this, &PatientPage::updateScreeningStatus);
}

bool PatientPage::load(qint64 patientId)
{
    auto found = m_session.service<PatientRepository>().find(patientId);
    if (!found) {
        m_patient = {};
        m_title->setText(tr("Patient not found"));
        m_details->setText(found.error().message());
        m_badge->setUnknown(QString());
        m_record->setPatient({});
        m_book->setEnabled(false);
        return false;
    }
    m_patient = found.value();
    m_record->setPatient(m_patient);
    showHeader();
    loadVisits();
    m_screening->load(patientId);
    updateScreeningStatus();
    loadPlans();
    return true;
}

void PatientPage::loadVisits()
{
    auto visits = m_session.service<AgendaRepository>().patientVisits(m_patient.id);
    if (visits)
        m_timeline->setVisits(visits.value());
    else
        m_timeline->setFailure(visits.error().message());
}

void PatientPage::follow(const ChangeSet &changes)
{
    if (m_patient.id <= 0)
        return;
    bool planShown = false;
    for (int row = 0; row < m_plans->topLevelItemCount() && !planShown; ++row)
        planShown = changes.touchesPlan(m_plans->topLevelItem(row)->data(0, Qt::UserRole).toLongLong());
    const bool patient = changes.touchesPatient(m_patient.id);
    if (!patient && !planShown && !changes.touchesSetup())
        return;
    if (patient || changes.touchesSetup()) {
        auto found = m_session.service<PatientRepository>().find(m_patient.id);
        if (!found) {
            m_details->setText(found.error().message());
            return;
        }
        // The header shows what is stored; the record form keeps unsaved edits and says when they are stale.
        m_patient = found.value();
        showHeader();
        m_record->storedChanged(m_patient);
        loadVisits();
        if (!m_screening->isModified())
            m_screening->load(m_patient.id);
        updateScreeningStatus();
    }
    loadPlans();
}

void PatientPage::reload()
{
    if (m_patient.id <= 0)
        return;
    const int tab = m_tabs->currentIndex();
    load(m_patient.id);
    m_tabs->setCurrentIndex(tab);
}

void PatientPage::showHeader()
{
    const Patient &p = m_patient;
    m_title->setText(PatientSummary::fullName(p.givenName, p.familyName, p.preferredName));
    m_archived->setVisible(p.archived);
    m_book->setEnabled(!p.archived);
    QStringList parts;
    if (p.birthDate.isValid()) {
        const QDate today = ClinicTime(m_session.zone()).localDate(m_session.clock().now().toSecsSinceEpoch());
        parts << tr("%1 years, born %2").arg(ageOn(p.birthDate, today)).arg(shortDateText(p.birthDate));
    } else {
        parts << tr("Birth date not recorded");
    }
    if (!p.phone.isEmpty())
        parts << tr("Mobile %1").arg(p.phone);
    if (!p.phoneHome.isEmpty())
        parts << tr("Home %1").arg(p.phoneHome);
    if (!p.email.isEmpty())
        parts << p.email;
    if (p.phone.isEmpty() && p.phoneHome.isEmpty() && p.email.isEmpty())
        parts << tr("No phone or e-mail recorded");
    m_details->setText(parts.join(QStringLiteral("   \u00b7   ")));
}

void PatientPage::updateScreeningStatus()
{
    if (m_patient.id <= 0)
        return;
    const QDate today = ClinicTime(m_session.zone()).localDate(m_session.clock().now().toSecsSinceEpoch());
    auto outcome = m_session.service<ScreeningEvaluator>().evaluate(m_patient.id, today, true);
    if (outcome)
        m_badge->setOutcome(outcome.value());
    else
        m_badge->setUnknown(outcome.error().message());
}

void PatientPage::loadPlans()
{
    m_plans->clear();
    auto plans = m_session.service<TreatmentPlanRepository>().plansOfPatient(m_patient.id);
    if (!plans) {
        m_plansEmpty->setText(tr("The treatment plans could not be read: %1").arg(plans.error().message()));
        m_plans->hide();
        m_plansEmpty->show();
        return;
    }
    const ClinicTime time(m_session.zone());
    for (const PlanSummary &plan : plans.value()) {
        const QString next = plan.nextSessionAt
                                 ? tr("%1 %2").arg(shortDateText(time.localDate(*plan.nextSessionAt)),
                                                   clockTimeText(time.toLocal(*plan.nextSessionAt).time()))
                                 : tr("\u2013");
        const QString consent = plan.consentDate.isValid()
                                    ? tr("%1, signed %2").arg(plan.consentFormVersion, shortDateText(plan.consentDate))
                                    : tr("Not recorded");
        auto *item = new QTreeWidgetItem(m_plans, {plan.concerns, plan.areas, plan.typeName,
                                                   PlanSummary::statusDisplayName(plan.status),
                                                   tr("%1 of %2").arg(plan.sessionsDone).arg(plan.sessionsPlanned),
                                                   next, consent, plan.practitionerName});
        item->setData(0, Qt::UserRole, plan.id);
        item->setSizeHint(m_plans->columnCount() - 1, QSize(0, m_plans->fontMetrics().height() + 10));
    }
    for (int column = 0; column < m_plans->columnCount() - 1; ++column) {
        m_plans->resizeColumnToContents(column);
        m_plans->setColumnWidth(column, m_plans->columnWidth(column) + 20);
    }
    m_plans->setVisible(!plans.value().isEmpty());
    m_plansEmpty->setText(tr("No treatment plans yet."));
    m_plansEmpty->setVisible(plans.value().isEmpty());
}

void PatientPage::recordSaved(const Patient &patient)
{
    m_patient = patient;
    showHeader();
    emit patientChanged(patient.id);
}

bool PatientPage::confirmLeave()
{
    if (!m_record->isModified())
        return true;
    const QString name = PatientSummary::fullName(m_patient.givenName, m_patient.familyName, m_patient.preferredName);
    if (!m_prompter
             .confirm(this, tr("Unsaved changes"),
                      tr("The record of %1 has changes that are not saved. Leave without saving them?").arg(name)))
        return false;
    m_record->revert();
    return true;
}

QString PatientPage::titleText() const
{
    return m_title->text();
}

QString PatientPage::detailsText() const
{
    return m_details->text();
}

void PatientPage::keyPressEvent(QKeyEvent *event)
{
    if (QKeySequence(event->keyCombination()) == m_backAction->shortcut()) {
        m_backAction->trigger();
        event->accept();
        return;
    }
    QWidget::keyPressEvent(event);
}

} // namespace dermdesk::ui
