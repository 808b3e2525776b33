#include "ui/settings/PlanDefaultsPage.h"

#include "clinic/ClinicRepository.h"
#include "session/ClinicSession.h"
#include "ui/widgets/Theme.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QVBoxLayout>

namespace dermdesk::ui {

PlanDefaultsPage::PlanDefaultsPage(const SettingsContext &context, QWidget *parent)
    : SettingsFormPage(context, parent)
{
    setObjectName(QStringLiteral("planDefaultsPage"));
    auto *intro = new QLabel(tr("What a new treatment plan starts with; each plan can still be changed in the plan "
                                "editor. Plans already made keep their own numbers."),
                             this);
    intro->setWordWrap(true);
    m_sessions = new QSpinBox(this);
    m_sessions->setObjectName(QStringLiteral("defaultSessions"));
    m_sessions->setRange(1, 20);
    m_sessions->setSuffix(tr(" sessions"));
    m_sessions->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    m_minWeeks = new QSpinBox(this);
    m_minWeeks->setObjectName(QStringLiteral("defaultMinWeeks"));
    m_maxWeeks = new QSpinBox(this);
    m_maxWeeks->setObjectName(QStringLiteral("defaultMaxWeeks"));
    for (QSpinBox *weeks : {m_minWeeks, m_maxWeeks}) {
        weeks->setRange(1, 52);
        weeks->setSuffix(tr(" weeks"));
    }
    auto *interval = new QHBoxLayout;
    interval->addWidget(m_minWeeks);
    interval->addWidget(new QLabel(tr("to"), this));
    interval->addWidget(m_maxWeeks);
    interval->addWidget(new QLabel(tr("after the previous session"), this));
    interval->addStretch();
    m_recallDays = new QSpinBox(this);
    m_recallDays->setObjectName(QStringLiteral("recallHorizonDays"));
    m_recallDays->setRange(0, 90);
    m_recallDays->setSuffix(tr(" days"));
    auto *recall = new QHBoxLayout;
    recall->addWidget(m_recallDays);
    recall->addWidget(new QLabel(tr("also lists plans whose next session's window opens this soon"), this));
    recall->addStretch();
    m_consent = new QLineEdit(this);
    m_consent->setObjectName(QStringLiteral("consentFormVersion"));
    m_consent->setPlaceholderText(tr("e.g. MN-2026-1"));
    m_consent->setMaxLength(40);
    m_consent->setMaximumWidth(260);
    auto *consentNote = new QLabel(tr("The consent form a new plan's consent is recorded against."), this);
    QPalette muted = consentNote->palette();
    muted.setColor(QPalette::WindowText, QColor(theme::mutedText));
    consentNote->setPalette(muted);

    auto *form = new QFormLayout;
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("&Planned sessions:"), m_sessions);
    // A row of several widgets gets no buddy from QFormLayout: label it so its mnemonic works.
    auto *intervalLabel = new QLabel(tr("&Interval:"), this);
    intervalLabel->setBuddy(m_minWeeks);
    form->addRow(intervalLabel, interval);
    auto *recallLabel = new QLabel(tr("Recall list &looks ahead:"), this);
    recallLabel->setBuddy(m_recallDays);
    form->addRow(recallLabel, recall);
    form->addRow(tr("C&onsent form version:"), m_consent);
    form->addRow(QString(), consentNote);
    contentLayout()->addWidget(intro);
    contentLayout()->addSpacing(6);
    contentLayout()->addLayout(form);

    for (QSpinBox *box : {m_sessions, m_minWeeks, m_maxWeeks, m_recallDays})
        connect(box, &QSpinBox::valueChanged, this, &PlanDefaultsPage::markDirty);
    connect(m_consent, &QLineEdit::textEdited, this, &PlanDefaultsPage::markDirty);
    reload();
}

void PlanDefaultsPage::reload()
{
    const auto settings = m_context.session.service<ClinicRepository>().settings();
    const ClinicSettings loaded = settings ? settings.value().value_or(ClinicSettings()) : ClinicSettings();
    m_loaded = loaded;
    m_loading = true;
    m_sessions->setValue(loaded.defaultSessions);
    m_minWeeks->setValue(loaded.defaultIntervalMinWeeks);
    m_maxWeeks->setValue(loaded.defaultIntervalMaxWeeks);
    m_recallDays->setValue(loaded.recallHorizonDays);
    m_consent->setText(loaded.consentFormVersion);
    m_loading = false;
    if (settings)
        clearError();
    else
        showError(settings.error());
    setDirty(false);
}

bool PlanDefaultsPage::changedElsewhere() const
{
    const auto settings = m_context.session.service<ClinicRepository>().settings();
    if (!settings)
        return false;
    const ClinicSettings stored = settings.value().value_or(ClinicSettings());
    return stored.defaultSessions != m_loaded.defaultSessions
           || stored.defaultIntervalMinWeeks != m_loaded.defaultIntervalMinWeeks
           || stored.defaultIntervalMaxWeeks != m_loaded.defaultIntervalMaxWeeks
           || stored.recallHorizonDays != m_loaded.recallHorizonDays
           || stored.consentFormVersion != m_loaded.consentFormVersion;
}

bool PlanDefaultsPage::save()
{
    if (refuseIfChangedElsewhere())
        return false;
    ClinicRepository &repository = m_context.session.service<ClinicRepository>();
    const auto current = repository.settings();
    if (!current) {
        showError(current.error());
        return false;
    }
    if (!current.value()) {
        showError(Error::invalidInput(QString(), tr("Set up the clinic on the Clinic page first: its name and time "
                                                    "zone.")));
        return false;
    }
    ClinicSettings settings = *current.value();
    settings.defaultSessions = m_sessions->value();
    settings.defaultIntervalMinWeeks = m_minWeeks->value();
    settings.defaultIntervalMaxWeeks = m_maxWeeks->value();
    settings.recallHorizonDays = m_recallDays->value();
    settings.consentFormVersion = m_consent->text().trimmed();
    // The plan defaults first, so their refusal names one of the fields on this page.
    Status written = ClinicRepository::validatePlanDefaults(settings);
    if (written)
        written = repository.saveSettings(settings);
    if (!written) {
        showError(written.error());
        return false;
    }
    reload();
    emit saved();
    return true;
}

void PlanDefaultsPage::showError(const Error &error)
{
    showFieldError(error, {{QLatin1String("default_sessions"), tr("Planned sessions"), m_sessions},
                           {QLatin1String("default_interval_min_weeks"), tr("Interval"), m_minWeeks},
                           {QLatin1String("default_interval_max_weeks"), tr("Interval"), m_maxWeeks},
                           {QLatin1String("recall_horizon_days"), tr("Recall list"), m_recallDays},
                           {QLatin1String("consent_form_version"), tr("Consent form version"), m_consent}});
}

} // namespace dermdesk::ui
