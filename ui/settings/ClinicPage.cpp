#include "ClinicPage.h"

#include "TimeZoneBox.h"
#include "WeeklyHoursEditor.h"
#include "clinic/ClinicRepository.h"
#include "common/Prompter.h"
#include "common/Theme.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>

namespace dermdesk::ui {

ClinicPage::ClinicPage(const SettingsContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
{
    setObjectName(QStringLiteral("clinicPage"));
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("clinicName"));
    m_address = new QLineEdit(this);
    m_address->setObjectName(QStringLiteral("clinicAddress"));
    m_phone = new QLineEdit(this);
    m_phone->setObjectName(QStringLiteral("clinicPhone"));
    m_email = new QLineEdit(this);
    m_email->setObjectName(QStringLiteral("clinicEmail"));
    m_timeZone = new TimeZoneBox(this);
    m_timeZone->setObjectName(QStringLiteral("timeZone"));
    m_zoneHint = new QLabel(this);
    m_zoneHint->setObjectName(QStringLiteral("timeZoneHint"));
    QPalette muted = m_zoneHint->palette();
    muted.setColor(QPalette::WindowText, QColor(theme::mutedText));
    m_zoneHint->setPalette(muted);
    m_slot = new QComboBox(this);
    m_slot->setObjectName(QStringLiteral("slotMinutes"));
    for (int minutes : {5, 10, 15})
        m_slot->addItem(tr("%1 minutes").arg(minutes), minutes);
    m_sessions = new QSpinBox(this);
    m_sessions->setObjectName(QStringLiteral("defaultSessions"));
    m_sessions->setRange(1, 20);
    m_sessions->setSuffix(tr(" sessions"));
    m_screeningDays = new QSpinBox(this);
    m_screeningDays->setObjectName(QStringLiteral("screeningDays"));
    m_screeningDays->setRange(1, 3650);
    m_screeningDays->setSuffix(tr(" days"));
    m_hours = new WeeklyHoursEditor(WeeklyHoursEditor::Breaks::Hidden, this);
    m_hours->setObjectName(QStringLiteral("openingHours"));
    m_error = new InlineError(this);
    m_save = new QPushButton(tr("&Save"), this);
    m_save->setObjectName(QStringLiteral("saveButton"));
    m_save->setShortcut(QKeySequence::Save);
    m_revert = new QPushButton(tr("&Revert"), this);
    m_revert->setObjectName(QStringLiteral("revertButton"));

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("Clinic &name:"), m_name);
    form->addRow(tr("&Address:"), m_address);
    form->addRow(tr("&Phone:"), m_phone);
    form->addRow(tr("&Email:"), m_email);
    form->addRow(tr("&Time zone:"), m_timeZone);
    form->addRow(QString(), m_zoneHint);
    form->addRow(tr("Schedule &grid:"), m_slot);
    form->addRow(tr("A course &has:"), m_sessions);
    form->addRow(tr("Screening &valid for:"), m_screeningDays);
    form->addRow(tr("&Opening hours:"), m_hours);
    for (QWidget *narrow : {static_cast<QWidget *>(m_timeZone), static_cast<QWidget *>(m_slot),
                            static_cast<QWidget *>(m_sessions), static_cast<QWidget *>(m_screeningDays)}) {
        narrow->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    }
    // Contact lines wide enough for an address, not the whole window.
    auto *formBox = new QWidget(this);
    formBox->setLayout(form);
    formBox->setMaximumWidth(680);
    form->setContentsMargins(0, 0, 0, 0);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_revert);
    buttons->addWidget(m_save);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(formBox);
    layout->addWidget(m_error);
    layout->addStretch();
    layout->addLayout(buttons);

    for (QLineEdit *edit : {m_name, m_address, m_phone, m_email})
        connect(edit, &QLineEdit::textEdited, this, &ClinicPage::markDirty);
    connect(m_timeZone, &QComboBox::currentTextChanged, this, &ClinicPage::markDirty);
    connect(m_timeZone, &QComboBox::currentTextChanged, this, &ClinicPage::updateZoneHint);
    connect(m_slot, &QComboBox::currentIndexChanged, this, &ClinicPage::markDirty);
    connect(m_sessions, &QSpinBox::valueChanged, this, &ClinicPage::markDirty);
    connect(m_screeningDays, &QSpinBox::valueChanged, this, &ClinicPage::markDirty);
    connect(m_hours, &WeeklyHoursEditor::changed, this, &ClinicPage::markDirty);
    connect(m_save, &QPushButton::clicked, this, &ClinicPage::save);
    connect(m_revert, &QPushButton::clicked, this, &ClinicPage::reload);
    reload();
}

void ClinicPage::reload()
{
    const auto settings = ClinicRepository(m_context.database, m_context.clock).settings();
    m_loading = true;
    if (!settings) {
        showError(settings.error());
    } else {
        m_loaded = settings.value().value_or(ClinicSettings());
        m_error->clearError();
    }
    m_name->setText(m_loaded.name);
    m_address->setText(m_loaded.address);
    m_phone->setText(m_loaded.phone);
    m_email->setText(m_loaded.email);
    m_timeZone->setZoneId(m_loaded.timeZone);
    int slot = m_slot->findData(m_loaded.slotMinutes);
    if (slot < 0) {
        // 20 and 30 are stored by older set-ups; keep showing them.
        m_slot->addItem(tr("%1 minutes").arg(m_loaded.slotMinutes), m_loaded.slotMinutes);
        slot = m_slot->count() - 1;
    }
    m_slot->setCurrentIndex(slot);
    m_sessions->setValue(m_loaded.defaultSessions);
    m_screeningDays->setValue(m_loaded.screeningMaxAgeDays);
    m_hours->setDays(WorkingDay::fromSpans(m_loaded.openingHours));
    m_loading = false;
    updateZoneHint();
    setDirty(false);
}

bool ClinicPage::save()
{
    ClinicSettings settings = m_loaded;
    settings.name = m_name->text().trimmed();
    settings.address = m_address->text().trimmed();
    settings.phone = m_phone->text().trimmed();
    settings.email = m_email->text().trimmed();
    settings.timeZone = m_timeZone->zoneId();
    settings.slotMinutes = m_slot->currentData().toInt();
    settings.defaultSessions = m_sessions->value();
    settings.screeningMaxAgeDays = m_screeningDays->value();
    const auto hours = WorkingDay::toSpans(m_hours->days(), QStringLiteral("opening_hours"));
    if (!hours) {
        showError(hours.error());
        return false;
    }
    settings.openingHours = hours.value();
    if (const Status valid = ClinicRepository::validate(settings); !valid) {
        showError(valid.error());
        return false;
    }
    if (!m_loaded.timeZone.isEmpty() && settings.timeZone != m_loaded.timeZone
        && !m_context.prompter.confirm(this, tr("Change the Time Zone?"),
                                       tr("Appointments keep their moment in time: one booked for 10:00 in %1 will "
                                          "show at a different hour in %2. Change the clinic's time zone?")
                                           .arg(QString::fromUtf8(m_loaded.timeZone),
                                                QString::fromUtf8(settings.timeZone)))) {
        return false;
    }
    if (const Status saved = ClinicRepository(m_context.database, m_context.clock).saveSettings(settings); !saved) {
        showError(saved.error());
        return false;
    }
    reload();
    emit saved();
    return true;
}

bool ClinicPage::confirmDiscard()
{
    if (!m_dirty)
        return true;
    const bool drop = m_context.prompter.confirm(this, tr("Unsaved Changes"),
                                                 tr("Drop the unsaved changes to the clinic's settings?"));
    if (drop)
        reload();
    return drop;
}

void ClinicPage::markDirty()
{
    if (!m_loading)
        setDirty(true);
}

void ClinicPage::setDirty(bool dirty)
{
    m_dirty = dirty;
    m_save->setEnabled(dirty);
    m_revert->setEnabled(dirty);
}

void ClinicPage::updateZoneHint()
{
    m_zoneHint->setText(m_timeZone->hint(m_context.clock.now()));
}

QString ClinicPage::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void ClinicPage::showError(const Error &error)
{
    static const QList<std::pair<QLatin1String, const char *>> labels = {
        {QLatin1String("name"), QT_TR_NOOP("Clinic name")},
        {QLatin1String("email"), QT_TR_NOOP("Email")},
        {QLatin1String("time_zone"), QT_TR_NOOP("Time zone")},
        {QLatin1String("slot_minutes"), QT_TR_NOOP("Schedule grid")},
        {QLatin1String("default_sessions"), QT_TR_NOOP("Course")},
        {QLatin1String("screening_max_age_days"), QT_TR_NOOP("Screening")},
        {QLatin1String("opening_hours"), QT_TR_NOOP("Opening hours")},
    };
    QString label = error.field();
    for (const auto &[field, text] : labels) {
        if (error.field() == field)
            label = tr(text);
    }
    m_error->showError(label, error);
    const QHash<QString, QWidget *> widgets = {{QStringLiteral("name"), m_name},
                                               {QStringLiteral("email"), m_email},
                                               {QStringLiteral("time_zone"), m_timeZone},
                                               {QStringLiteral("slot_minutes"), m_slot},
                                               {QStringLiteral("opening_hours"), m_hours}};
    if (QWidget *widget = widgets.value(error.field()))
        widget->setFocus();
}

} // namespace dermdesk::ui
