#include "ui/settings/ClinicSettingsDialog.h"

#include "ui/settings/AppointmentTypesPage.h"
#include "ui/settings/BlockoutsPage.h"
#include "ui/settings/ClinicPage.h"
#include "ui/settings/DowntimePage.h"
#include "ui/settings/PlanDefaultsPage.h"
#include "ui/settings/PractitionersPage.h"
#include "ui/settings/RoomsPage.h"
#include "ui/settings/ScreeningRulesPage.h"
#include "ui/settings/TreatmentAreasPage.h"
#include "ui/settings/TreatmentConcernsPage.h"
#include "ui/widgets/Prompter.h"
#include "ui/widgets/Theme.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QStackedWidget>

namespace dermdesk::ui {

ClinicSettingsDialog::ClinicSettingsDialog(ClinicSession &session, Prompter &prompter, QWidget *parent)
    : QDialog(parent)
    , m_context{session, prompter}
{
    setObjectName(QStringLiteral("clinicSettingsDialog"));
    setWindowTitle(tr("Clinic Settings"));

    m_clinic = new ClinicPage(m_context, this);
    m_practitioners = new PractitionersPage(m_context, this);
    m_rooms = new RoomsPage(m_context, this);
    m_types = new AppointmentTypesPage(m_context, this);
    m_blockouts = new BlockoutsPage(m_context, this);
    m_screeningRules = new ScreeningRulesPage(m_context, this);
    m_downtime = new DowntimePage(m_context, this);
    m_planDefaults = new PlanDefaultsPage(m_context, this);
    m_concerns = new TreatmentConcernsPage(m_context, this);
    m_areas = new TreatmentAreasPage(m_context, this);

    m_pageList = new QListWidget(this);
    m_pageList->setObjectName(QStringLiteral("pageList"));
    m_stack = new QStackedWidget(this);
    const QList<std::pair<QString, QWidget *>> pages = {
        {tr("Clinic"), m_clinic},
        {tr("Practitioners"), m_practitioners},
        {tr("Rooms"), m_rooms},
        {tr("Appointment types"), m_types},
        {tr("Closures & blockouts"), m_blockouts},
        {tr("Screening rules"), m_screeningRules},
        {tr("Downtime"), m_downtime},
        {tr("Treatment plans"), m_planDefaults},
        {tr("Treatment concerns"), m_concerns},
        {tr("Treatment areas"), m_areas},
    };
    int widest = 0;
    for (const auto &[title, page] : pages) {
        auto *item = new QListWidgetItem(title, m_pageList);
        item->setSizeHint(QSize(0, m_pageList->fontMetrics().height() + 14));
        widest = qMax(widest, m_pageList->fontMetrics().horizontalAdvance(title));
        m_stack->addWidget(page);
    }
    m_pageList->setFixedWidth(widest + 40);
    QPalette sidebar = m_pageList->palette();
    sidebar.setColor(QPalette::Base, QColor(theme::sidebar));
    m_pageList->setPalette(sidebar);
    m_pageList->setFrameShape(QFrame::NoFrame);

    auto *hint =
        new QLabel(tr("Each item is saved on its own with Save (Ctrl+S); the schedule uses it at once."), this);
    QPalette muted = hint->palette();
    muted.setColor(QPalette::WindowText, QColor(theme::mutedText));
    hint->setPalette(muted);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(hint, 1);
    bottom->addWidget(buttons);

    auto *body = new QHBoxLayout;
    body->setSpacing(14);
    body->addWidget(m_pageList);
    body->addWidget(m_stack, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(body, 1);
    layout->addLayout(bottom);

    connect(m_pageList, &QListWidget::currentRowChanged, m_stack, &QStackedWidget::setCurrentIndex);
    connect(buttons, &QDialogButtonBox::rejected, this, &ClinicSettingsDialog::reject);
    m_pageList->setCurrentRow(0);
    resize(980, 700);
}

void ClinicSettingsDialog::showPage(Page page)
{
    m_pageList->setCurrentRow(int(page));
}

ClinicSettingsDialog::Page ClinicSettingsDialog::currentPage() const
{
    return Page(m_stack->currentIndex());
}

void ClinicSettingsDialog::reject()
{
    if (m_clinic->isDirty()) {
        showPage(Page::Clinic);
        if (!m_clinic->confirmDiscard())
            return;
    }
    if (m_downtime->isDirty()) {
        showPage(Page::Downtime);
        if (!m_context.prompter.confirm(this, tr("Downtime"),
                                        tr("The downtime table has changes that are not saved. Drop them?")))
            return;
    }
    if (m_planDefaults->isDirty()) {
        showPage(Page::PlanDefaults);
        if (!m_context.prompter.confirm(this, tr("Treatment plans"),
                                        tr("The treatment-plan defaults have changes that are not saved. Drop them?")))
            return;
    }
    const QList<std::pair<Page, ItemListPage *>> lists = {
        {Page::Practitioners, m_practitioners}, {Page::Rooms, m_rooms},
        {Page::AppointmentTypes, m_types},      {Page::ScreeningRules, m_screeningRules},
        {Page::TreatmentConcerns, m_concerns},  {Page::TreatmentAreas, m_areas},
    };
    for (const auto &[page, list] : lists) {
        if (!list->isDirty())
            continue;
        showPage(page);
        if (!list->confirmDiscard())
            return;
    }
    QDialog::reject();
}

} // namespace dermdesk::ui
