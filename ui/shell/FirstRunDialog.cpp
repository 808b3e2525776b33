#include "ui/shell/FirstRunDialog.h"

#include "clinic/ClinicRepository.h"
#include "common/TimeFormat.h"
#include "ui/widgets/Theme.h"

#include <QComboBox>
#include <QCompleter>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QDir>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTimeZone>
#include <QVBoxLayout>

namespace dermdesk::ui {

QByteArray FirstRunDialog::defaultTimeZoneId()
{
    // The clinic settings accept every id QTimeZone can use, aliases such as Etc/UTC included.
    const QByteArray system = QTimeZone::systemTimeZoneId();
    return QTimeZone(system).isValid() ? system : QByteArrayLiteral("UTC");
}

FirstRunDialog::FirstRunDialog(const QString &databasePath, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Set Up the Clinic"));
    setObjectName(QStringLiteral("firstRunDialog"));

    auto *intro = new QLabel(tr("<p><b>Welcome to DermDesk.</b></p><p>This clinic database is new:<br/>%1</p>"
                                "<p>Tell DermDesk the clinic's name and the time zone its appointments are "
                                "kept in. Opening hours start as Monday to Friday, 9:00 to 17:00.</p>")
                                 .arg(QDir::toNativeSeparators(databasePath).toHtmlEscaped()),
                             this);
    intro->setWordWrap(true);
    intro->setTextFormat(Qt::RichText);

    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("clinicName"));
    m_name->setPlaceholderText(tr("e.g. Riverside Skin Clinic"));

    m_timeZone = new QComboBox(this);
    m_timeZone->setObjectName(QStringLiteral("timeZone"));
    m_timeZone->setEditable(true);
    m_timeZone->setInsertPolicy(QComboBox::NoInsert);
    QStringList zones;
    for (const QByteArray &id : QTimeZone::availableTimeZoneIds())
        zones.append(QString::fromUtf8(id));
    zones.sort();
    m_timeZone->addItems(zones);
    m_timeZone->setCurrentText(QString::fromUtf8(defaultTimeZoneId()));
    m_timeZone->setMaxVisibleItems(15);
    m_timeZone->completer()->setFilterMode(Qt::MatchContains);
    m_timeZone->completer()->setCaseSensitivity(Qt::CaseInsensitive);
    m_timeZone->completer()->setCompletionMode(QCompleter::PopupCompletion);
    m_timeZone->lineEdit()->setPlaceholderText(tr("Type part of a city, e.g. New_York"));

    m_zoneHint = new QLabel(this);
    m_zoneHint->setObjectName(QStringLiteral("timeZoneHint"));
    QPalette muted = m_zoneHint->palette();
    muted.setColor(QPalette::WindowText, QColor(theme::mutedText));
    m_zoneHint->setPalette(muted);

    auto *form = new QFormLayout;
    form->addRow(tr("Clinic &name:"), m_name);
    form->addRow(tr("&Time zone:"), m_timeZone);
    form->addRow(QString(), m_zoneHint);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_error->setWordWrap(true);
    QPalette errorPalette = m_error->palette();
    errorPalette.setColor(QPalette::WindowText, QColor(theme::errorText));
    m_error->setPalette(errorPalette);
    m_error->hide();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Create Clinic"));
    connect(buttons, &QDialogButtonBox::accepted, this, &FirstRunDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &FirstRunDialog::reject);
    connect(m_timeZone, &QComboBox::currentTextChanged, this, &FirstRunDialog::updateZoneHint);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addSpacing(6);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addStretch();
    layout->addWidget(buttons);
    setMinimumWidth(520);
    updateZoneHint();
    m_name->setFocus();
}

ClinicSettings FirstRunDialog::settings() const
{
    ClinicSettings settings;
    // Empty rather than null: the columns are NOT NULL.
    settings.address = settings.phone = settings.email = QStringLiteral("");
    settings.name = m_name->text().trimmed();
    settings.timeZone = m_timeZone->currentText().trimmed().toUtf8();
    for (int weekday = 1; weekday <= 5; ++weekday)
        settings.openingHours.append({weekday, 9 * 60, 17 * 60});
    return settings;
}

QString FirstRunDialog::errorText() const
{
    return m_error->text();
}

void FirstRunDialog::accept()
{
    const Status valid = ClinicRepository::validate(settings());
    if (valid) {
        m_error->clear();
        m_error->hide();
        QDialog::accept();
        return;
    }
    QWidget *field = nullptr;
    QString label;
    if (valid.error().field() == QLatin1String("name")) {
        field = m_name;
        label = tr("Clinic name");
    } else if (valid.error().field() == QLatin1String("time_zone")) {
        field = m_timeZone;
        label = tr("Time zone");
    } else {
        label = valid.error().field();
    }
    m_error->setText(tr("%1: %2").arg(label, valid.error().message()));
    m_error->show();
    if (field)
        field->setFocus();
}

void FirstRunDialog::updateZoneHint()
{
    const QByteArray id = m_timeZone->currentText().trimmed().toUtf8();
    if (id.isEmpty() || !QTimeZone(id).isValid()) {
        m_zoneHint->setText(tr("Not a known time zone yet."));
        return;
    }
    const QTimeZone zone(id);
    const QDateTime now = QDateTime::currentDateTimeUtc().toTimeZone(zone);
    m_zoneHint->setText(
        tr("It is now %1 there (%2).").arg(clockTimeText(now.time()), zone.displayName(now, QTimeZone::OffsetName)));
}

} // namespace dermdesk::ui
