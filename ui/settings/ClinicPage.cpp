#include "ui/settings/ClinicPage.h"

#include "clinic/ClinicPaper.h"
#include "clinic/ClinicRepository.h"
#include "session/ClinicSession.h"
#include "ui/settings/TimeZoneBox.h"
#include "ui/settings/WeeklyHoursEditor.h"
#include "ui/widgets/Prompter.h"
#include "ui/widgets/Theme.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

namespace dermdesk::ui {

ClinicPage::ClinicPage(const SettingsContext &context, QWidget *parent)
    : SettingsFormPage(context, parent)
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
    m_screeningDays = new QSpinBox(this);
    m_screeningDays->setObjectName(QStringLiteral("screeningDays"));
    m_screeningDays->setRange(1, 3650);
    m_screeningDays->setSuffix(tr(" days"));
    m_paper = new QComboBox(this);
    m_paper->setObjectName(QStringLiteral("paperSize"));
    m_paper->setAccessibleName(tr("Paper size"));
    m_paper->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_paper->setToolTip(tr("The paper of every printout and PDF: handouts, appointment cards, day sheets and "
                           "patient records"));
    m_paper->addItem(QString(), int(ClinicSettings::PaperSize::Automatic));
    m_paper->addItem(tr("Letter (8.5 × 11 in)"), int(ClinicSettings::PaperSize::Letter));
    m_paper->addItem(tr("A4 (210 × 297 mm)"), int(ClinicSettings::PaperSize::A4));
    m_unscreened = new QComboBox(this);
    m_unscreened->setObjectName(QStringLiteral("unscreenedPolicy"));
    m_unscreened->addItem(tr("Caution: book a treatment with an acknowledged reason"),
                          int(ClinicSettings::UnscreenedPolicy::Caution));
    m_unscreened->addItem(tr("Stop: no treatment until the patient is screened"),
                          int(ClinicSettings::UnscreenedPolicy::Stop));
    m_unscreened->setToolTip(tr("What booking a treatment session needs when the patient's screening is missing or "
                                "out of date. Consultations and patch tests need no screening."));
    m_hours = new WeeklyHoursEditor(WeeklyHoursEditor::Breaks::Hidden, this);
    m_hours->setObjectName(QStringLiteral("openingHours"));

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("Clinic &name:"), m_name);
    form->addRow(tr("&Address:"), m_address);
    form->addRow(tr("&Phone:"), m_phone);
    form->addRow(tr("&Email:"), m_email);
    form->addRow(tr("&Time zone:"), m_timeZone);
    form->addRow(QString(), m_zoneHint);
    form->addRow(tr("Schedule &grid:"), m_slot);
    form->addRow(tr("Screening &valid for:"), m_screeningDays);
    form->addRow(tr("&Missing or old screening:"), m_unscreened);
    form->addRow(tr("Paper s&ize:"), m_paper);
    form->addRow(tr("&Opening hours:"), m_hours);
    for (QWidget *narrow :
         {static_cast<QWidget *>(m_timeZone), static_cast<QWidget *>(m_slot), static_cast<QWidget *>(m_screeningDays),
          static_cast<QWidget *>(m_unscreened), static_cast<QWidget *>(m_paper)}) {
        narrow->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    }
    // Contact lines wide enough for an address, not the whole window.
    auto *formBox = new QWidget(this);
    formBox->setLayout(form);
    formBox->setMaximumWidth(680);
    form->setContentsMargins(0, 0, 0, 0);

    contentLayout()->addWidget(formBox);

    for (QLineEdit *edit : {m_name, m_address, m_phone, m_email})
        connect(edit, &QLineEdit::textEdited, this, &ClinicPage::markDirty);
    connect(m_timeZone, &QComboBox::currentTextChanged, this, &ClinicPage::markDirty);
    connect(m_timeZone, &QComboBox::currentTextChanged, this, &ClinicPage::updateZoneHint);
    connect(m_timeZone, &QComboBox::currentTextChanged, this, &ClinicPage::updateAutomaticPaper);
    connect(m_paper, &QComboBox::currentIndexChanged, this, &ClinicPage::markDirty);
    connect(m_slot, &QComboBox::currentIndexChanged, this, &ClinicPage::markDirty);
    connect(m_screeningDays, &QSpinBox::valueChanged, this, &ClinicPage::markDirty);
    connect(m_unscreened, &QComboBox::currentIndexChanged, this, &ClinicPage::markDirty);
    connect(m_hours, &WeeklyHoursEditor::changed, this, &ClinicPage::markDirty);
    reload();
}

void ClinicPage::reload()
{
    const auto settings = m_context.session.service<ClinicRepository>().settings();
    m_loading = true;
    if (!settings) {
        showError(settings.error());
    } else {
        m_loaded = settings.value().value_or(ClinicSettings());
        clearError();
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
    m_screeningDays->setValue(m_loaded.screeningMaxAgeDays);
    m_paper->setCurrentIndex(std::max(0, m_paper->findData(int(m_loaded.paperSize))));
    m_unscreened->setCurrentIndex(m_unscreened->findData(int(m_loaded.unscreenedPolicy)));
    m_hours->setDays(WorkingDay::fromSpans(m_loaded.openingHours));
    m_loading = false;
    updateZoneHint();
    updateAutomaticPaper();
    setDirty(false);
}

bool ClinicPage::changedElsewhere() const
{
    const auto settings = m_context.session.service<ClinicRepository>().settings();
    if (!settings)
        return false;
    const ClinicSettings stored = settings.value().value_or(ClinicSettings());
    return stored.name != m_loaded.name || stored.address != m_loaded.address || stored.phone != m_loaded.phone
           || stored.email != m_loaded.email || stored.timeZone != m_loaded.timeZone
           || stored.slotMinutes != m_loaded.slotMinutes || stored.screeningMaxAgeDays != m_loaded.screeningMaxAgeDays
           || stored.paperSize != m_loaded.paperSize || stored.unscreenedPolicy != m_loaded.unscreenedPolicy
           || stored.openingHours != m_loaded.openingHours;
}

bool ClinicPage::save()
{
    if (refuseIfChangedElsewhere())
        return false;
    // The stored settings, not m_loaded: the Treatment plans page may have saved its defaults meanwhile.
    ClinicSettings settings = m_loaded;
    if (const auto stored = m_context.session.service<ClinicRepository>().settings(); stored && stored.value())
        settings = *stored.value();
    settings.name = m_name->text().trimmed();
    settings.address = m_address->text().trimmed();
    settings.phone = m_phone->text().trimmed();
    settings.email = m_email->text().trimmed();
    settings.timeZone = m_timeZone->zoneId();
    settings.slotMinutes = m_slot->currentData().toInt();
    settings.screeningMaxAgeDays = m_screeningDays->value();
    settings.paperSize = ClinicSettings::PaperSize(m_paper->currentData().toInt());
    settings.unscreenedPolicy = ClinicSettings::UnscreenedPolicy(m_unscreened->currentData().toInt());
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
    if (const Status saved = m_context.session.service<ClinicRepository>().saveSettings(settings); !saved) {
        showError(saved.error());
        return false;
    }
    reload();
    emit saved();
    return true;
}

bool ClinicPage::confirmDiscard()
{
    if (!isDirty())
        return true;
    const bool drop = m_context.prompter.confirm(this, tr("Unsaved Changes"),
                                                 tr("Drop the unsaved changes to the clinic's settings?"));
    if (drop)
        reload();
    return drop;
}

void ClinicPage::updateZoneHint()
{
    m_zoneHint->setText(m_timeZone->hint(m_context.session.clock().now()));
}

void ClinicPage::updateAutomaticPaper()
{
    // Automatic names the paper it stands for, which follows the time zone chosen above.
    const QByteArray zone = m_timeZone->zoneId();
    const ClinicSettings::PaperSize paper = ClinicPaper::resolve(ClinicSettings::PaperSize::Automatic, zone);
    const QLocale::Territory country = ClinicPaper::territoryOfZone(zone);
    m_paper->setItemText(0, country != QLocale::AnyTerritory
                                ? tr("Automatic (%1, usual in %2)")
                                      .arg(ClinicPaper::name(paper), QLocale::territoryToString(country))
                                : tr("Automatic (%1, from this computer's region)").arg(ClinicPaper::name(paper)));
}

void ClinicPage::showError(const Error &error)
{
    showFieldError(error, {{QLatin1String("name"), tr("Clinic name"), m_name},
                           {QLatin1String("email"), tr("Email"), m_email},
                           {QLatin1String("time_zone"), tr("Time zone"), m_timeZone},
                           {QLatin1String("slot_minutes"), tr("Schedule grid"), m_slot},
                           {QLatin1String("screening_max_age_days"), tr("Screening"), m_screeningDays},
                           {QLatin1String("opening_hours"), tr("Opening hours"), m_hours}});
}

} // namespace dermdesk::ui
