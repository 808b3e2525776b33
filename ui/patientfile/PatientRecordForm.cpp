#include "ui/patientfile/PatientRecordForm.h"

#include "calendar/ClinicTime.h"
#include "common/Error.h"
#include "patients/PatientFieldRules.h"
#include "patients/PatientRepository.h"
#include "patients/PatientSummary.h"
#include "session/ClinicSession.h"
#include "ui/widgets/DateField.h"
#include "ui/widgets/Prompter.h"
#include "ui/widgets/Theme.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QShortcut>
#include <QVBoxLayout>

namespace dermdesk::ui {

namespace {

QPlainTextEdit *makeTextBox(QWidget *parent, const char *name, int lines)
{
    auto *edit = new QPlainTextEdit(parent);
    edit->setObjectName(QLatin1String(name));
    edit->setTabChangesFocus(true);
    edit->setFixedHeight(edit->fontMetrics().lineSpacing() * lines + 14);
    return edit;
}

// "email: must look like …" → "must look like …": the form names the field itself.
QString withoutFieldPrefix(const QString &message, const QString &field)
{
    const QString prefix = field + QStringLiteral(": ");
    return message.startsWith(prefix) ? message.mid(prefix.size()) : message;
}

QString labelName(const QLabel *label)
{
    QString name = label->text();
    name.remove(QLatin1Char('&'));
    if (name.endsWith(QLatin1Char(':')))
        name.chop(1);
    return name;
}

} // namespace

PatientRecordForm::PatientRecordForm(ClinicSession &session, Prompter &prompter, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_prompter(prompter)
{
    setObjectName(QStringLiteral("patientRecordForm"));
    buildFields();
    buildLayout();
    updateButtons();
}

QStringList PatientRecordForm::knownAllergies()
{
    return {tr("Lidocaine"), tr("Topical anaesthetics (benzocaine, tetracaine)"), tr("Metals (nickel)"), tr("Latex"),
            tr("Chlorhexidine")};
}

void PatientRecordForm::buildFields()
{
    const auto line = [this](const char *name, const QString &placeholder = {}) {
        auto *edit = new QLineEdit(this);
        edit->setObjectName(QLatin1String(name));
        edit->setPlaceholderText(placeholder);
        connect(edit, &QLineEdit::textChanged, this, &PatientRecordForm::edited);
        return edit;
    };
    m_given = line("givenNameEdit");
    m_family = line("familyNameEdit");
    m_preferred = line("preferredNameEdit", tr("What the patient likes to be called"));
    m_birthDate = new DateField(this);
    m_birthDate->setObjectName(QStringLiteral("birthDateEdit"));
    connect(m_birthDate, &QLineEdit::textChanged, this, &PatientRecordForm::edited);
    m_phone = line("phoneEdit");
    m_phoneHome = line("phoneHomeEdit");
    m_email = line("emailEdit", tr("name@example.com"));
    m_emergency = line("emergencyContactEdit", tr("Name, relation and phone"));
    m_otherAllergies = line("otherAllergiesEdit", tr("Other allergies, separated by ;"));
    m_address = makeTextBox(this, "addressEdit", 3);
    m_medications = makeTextBox(this, "medicationsEdit", 3);
    m_notes = makeTextBox(this, "notesEdit", 4);
    for (QPlainTextEdit *box : {m_address, m_medications, m_notes})
        connect(box, &QPlainTextEdit::textChanged, this, &PatientRecordForm::edited);

    m_channel = new QComboBox(this);
    m_channel->setObjectName(QStringLiteral("channelCombo"));
    const QStringList channelNames = {tr("Phone call"), tr("Text message (SMS)"), tr("E-mail"), tr("Post")};
    const QStringList codes = Patient::preferredChannels();
    for (int i = 0; i < codes.size(); ++i)
        m_channel->addItem(channelNames.value(i, codes.at(i)), codes.at(i));
    m_consent = new QCheckBox(tr("Agrees to appointment reminders"), this);
    m_consent->setObjectName(QStringLiteral("consentCheck"));

    m_fitzpatrick = new QComboBox(this);
    m_fitzpatrick->setObjectName(QStringLiteral("fitzpatrickCombo"));
    m_fitzpatrick->addItem(tr("Not recorded"), 0);
    const QStringList types = {tr("I \u2013 always burns, never tans"),
                               tr("II \u2013 usually burns, tans minimally"),
                               tr("III \u2013 sometimes burns, tans uniformly"),
                               tr("IV \u2013 burns minimally, always tans well"),
                               tr("V \u2013 very rarely burns, tans very easily"),
                               tr("VI \u2013 never burns")};
    for (int i = 0; i < types.size(); ++i)
        m_fitzpatrick->addItem(types.at(i), i + 1);
    for (QComboBox *combo : {m_channel, m_fitzpatrick})
        connect(combo, &QComboBox::currentIndexChanged, this, &PatientRecordForm::edited);
    connect(m_consent, &QCheckBox::toggled, this, &PatientRecordForm::edited);

    for (const QString &allergy : knownAllergies()) {
        auto *box = new QCheckBox(allergy, this);
        box->setObjectName(QStringLiteral("allergyCheck%1").arg(m_knownAllergies.size()));
        connect(box, &QCheckBox::toggled, this, &PatientRecordForm::edited);
        m_knownAllergies.append(box);
    }

    m_save = new QPushButton(tr("&Save"), this);
    m_save->setObjectName(QStringLiteral("saveButton"));
    m_save->setToolTip(tr("Save the record (Ctrl+S)"));
    m_revert = new QPushButton(tr("Re&vert"), this);
    m_revert->setObjectName(QStringLiteral("revertButton"));
    m_revert->setToolTip(tr("Put back what is stored"));
    m_archive = new QPushButton(this);
    m_archive->setObjectName(QStringLiteral("archiveButton"));
    m_outcome = new QLabel(this);
    m_outcome->setObjectName(QStringLiteral("recordOutcome"));
    m_outcome->setWordWrap(true);
    m_outcome->setTextFormat(Qt::PlainText);

    connect(m_save, &QPushButton::clicked, this, &PatientRecordForm::save);
    connect(m_revert, &QPushButton::clicked, this, &PatientRecordForm::revert);
    connect(m_archive, &QPushButton::clicked, this, &PatientRecordForm::toggleArchived);
    auto *saveShortcut = new QShortcut(QKeySequence::Save, this);
    saveShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    // What Help ▸ Keyboard Shortcuts lists for the key.
    saveShortcut->setWhatsThis(tr("Save the patient's record"));
    connect(saveShortcut, &QShortcut::activated, this, &PatientRecordForm::save);
}

QLabel *PatientRecordForm::messageFor(const QString &key)
{
    auto *message = new QLabel(this);
    message->setObjectName(key + QStringLiteral("Message"));
    message->setWordWrap(true);
    message->setTextFormat(Qt::PlainText);
    QPalette palette = message->palette();
    palette.setColor(QPalette::WindowText, QColor(theme::errorText));
    message->setPalette(palette);
    message->hide();
    m_messages.insert(key, message);
    return message;
}

void PatientRecordForm::buildLayout()
{
    const auto form = [](QGroupBox *box) {
        auto *layout = new QFormLayout(box);
        layout->setLabelAlignment(Qt::AlignRight | Qt::AlignTop);
        layout->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
        layout->setHorizontalSpacing(12);
        layout->setVerticalSpacing(8);
        layout->setContentsMargins(14, 12, 14, 12);
        return layout;
    };
    const auto row = [this](QFormLayout *layout, const QString &text, QWidget *field, const QString &key) {
        auto *label = new QLabel(text, this);
        label->setBuddy(field);
        // As tall as a line edit, text centred: the label lines up with one-line fields and with the
        // first line of taller ones.
        label->setMinimumHeight(m_given->sizeHint().height());
        label->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        auto *column = new QVBoxLayout;
        column->setSpacing(2);
        column->addWidget(field);
        if (!key.isEmpty()) {
            column->addWidget(messageFor(key));
            m_labels.insert(key, label);
        }
        layout->addRow(label, column);
    };

    auto *person = new QGroupBox(tr("Person"), this);
    QFormLayout *personForm = form(person);
    row(personForm, tr("&Given name:"), m_given, QStringLiteral("given_name"));
    row(personForm, tr("&Family name:"), m_family, QStringLiteral("family_name"));
    row(personForm, tr("Preferred na&me:"), m_preferred, QStringLiteral("preferred_name"));
    row(personForm, tr("&Birth date:"), m_birthDate, QStringLiteral("birth_date"));
    row(personForm, tr("Fit&zpatrick type:"), m_fitzpatrick, QStringLiteral("fitzpatrick"));

    auto *contact = new QGroupBox(tr("Contact"), this);
    QFormLayout *contactForm = form(contact);
    row(contactForm, tr("Mobi&le phone:"), m_phone, QStringLiteral("phone"));
    row(contactForm, tr("&Home phone:"), m_phoneHome, QStringLiteral("phone_home"));
    row(contactForm, tr("&E-mail:"), m_email, QStringLiteral("email"));
    row(contactForm, tr("A&ddress:"), m_address, QStringLiteral("address"));
    row(contactForm, tr("Emergenc&y contact:"), m_emergency, QStringLiteral("emergency_contact"));
    row(contactForm, tr("&Contact by:"), m_channel, QStringLiteral("preferred_channel"));
    contactForm->addRow(QString(), m_consent);

    auto *medical = new QGroupBox(tr("Medical"), this);
    QFormLayout *medicalForm = form(medical);
    auto *allergyBox = new QWidget(this);
    auto *allergyLayout = new QVBoxLayout(allergyBox);
    allergyLayout->setContentsMargins(0, 4, 0, 0);
    allergyLayout->setSpacing(4);
    for (QCheckBox *box : std::as_const(m_knownAllergies))
        allergyLayout->addWidget(box);
    allergyLayout->addWidget(m_otherAllergies);
    row(medicalForm, tr("&Allergies:"), allergyBox, QStringLiteral("allergies"));
    m_labels.value(QStringLiteral("allergies"))->setBuddy(m_knownAllergies.value(0));
    row(medicalForm, tr("Med&ications:"), m_medications, QStringLiteral("medications"));
    row(medicalForm, tr("&Notes:"), m_notes, QStringLiteral("notes"));

    auto *left = new QVBoxLayout;
    left->setSpacing(12);
    left->addWidget(person);
    left->addWidget(contact);
    left->addStretch(1);
    auto *right = new QVBoxLayout;
    right->setSpacing(12);
    right->addWidget(medical);
    right->addStretch(1);
    auto *columns = new QHBoxLayout;
    columns->setSpacing(16);
    columns->addLayout(left, 1);
    columns->addLayout(right, 1);

    auto *buttons = new QHBoxLayout;
    buttons->setSpacing(8);
    buttons->addWidget(m_save);
    buttons->addWidget(m_revert);
    buttons->addWidget(m_outcome, 1);
    buttons->addWidget(m_archive);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 8, 4, 4);
    layout->setSpacing(12);
    layout->addLayout(columns);
    layout->addLayout(buttons);
    layout->addStretch(1);

    // One label column down the left side: Person and Contact line up.
    int labelWidth = 0;
    for (QFormLayout *left : {personForm, contactForm}) {
        for (int row = 0; row < left->rowCount(); ++row) {
            if (QLayoutItem *item = left->itemAt(row, QFormLayout::LabelRole); item && item->widget())
                labelWidth = qMax(labelWidth, item->widget()->sizeHint().width());
        }
    }
    for (QFormLayout *left : {personForm, contactForm}) {
        for (int row = 0; row < left->rowCount(); ++row) {
            if (QLayoutItem *item = left->itemAt(row, QFormLayout::LabelRole); item && item->widget())
                item->widget()->setMinimumWidth(labelWidth);
        }
    }

    setTabOrder(m_given, m_family);
    setTabOrder(m_family, m_preferred);
    setTabOrder(m_preferred, m_birthDate);
    setTabOrder(m_birthDate, m_fitzpatrick);
    setTabOrder(m_fitzpatrick, m_phone);
}

void PatientRecordForm::setPatient(const Patient &patient)
{
    m_conflict.reset();
    m_patient = patient;
    m_loading = true;
    m_given->setText(patient.givenName);
    m_family->setText(patient.familyName);
    m_preferred->setText(patient.preferredName);
    m_birthDate->setDate(patient.birthDate);
    m_phone->setText(patient.phone);
    m_phoneHome->setText(patient.phoneHome);
    m_email->setText(patient.email);
    m_address->setPlainText(patient.address);
    m_emergency->setText(patient.emergencyContact);
    m_channel->setCurrentIndex(qMax(0, m_channel->findData(patient.preferredChannel)));
    m_consent->setChecked(patient.reminderConsent);
    m_fitzpatrick->setCurrentIndex(qMax(0, m_fitzpatrick->findData(patient.fitzpatrick.value_or(0))));
    QStringList other;
    for (QCheckBox *box : std::as_const(m_knownAllergies))
        box->setChecked(false);
    for (const QString &entry : patient.allergies.split(QRegularExpression(QStringLiteral("[;\\n]")))) {
        const QString item = entry.trimmed();
        if (item.isEmpty())
            continue;
        const auto known = std::find_if(m_knownAllergies.cbegin(), m_knownAllergies.cend(), [&item](QCheckBox *box) {
            return box->text().compare(item, Qt::CaseInsensitive) == 0;
        });
        if (known != m_knownAllergies.cend())
            (*known)->setChecked(true);
        else
            other << item;
    }
    m_otherAllergies->setText(other.join(QStringLiteral("; ")));
    m_medications->setPlainText(patient.medications);
    m_notes->setPlainText(patient.notes);
    m_loading = false;
    m_stored = snapshot();
    clearMessages();
    m_outcome->clear();
    m_modified = true;
    edited();
}

Patient PatientRecordForm::entered() const
{
    Patient patient = m_patient;
    patient.givenName = m_given->text().simplified();
    patient.familyName = m_family->text().simplified();
    patient.preferredName = m_preferred->text().simplified();
    patient.birthDate = m_birthDate->date();
    patient.phone = m_phone->text().trimmed();
    patient.phoneHome = m_phoneHome->text().trimmed();
    patient.email = m_email->text().trimmed();
    patient.address = m_address->toPlainText().trimmed();
    patient.emergencyContact = m_emergency->text().trimmed();
    patient.preferredChannel = m_channel->currentData().toString();
    patient.reminderConsent = m_consent->isChecked();
    const int type = m_fitzpatrick->currentData().toInt();
    patient.fitzpatrick = type > 0 ? std::optional<int>(type) : std::nullopt;
    QStringList allergies;
    for (QCheckBox *box : m_knownAllergies) {
        if (box->isChecked())
            allergies << box->text();
    }
    const QString other = m_otherAllergies->text().trimmed();
    if (!other.isEmpty())
        allergies << other;
    patient.allergies = allergies.join(QStringLiteral("; "));
    patient.medications = m_medications->toPlainText().trimmed();
    patient.notes = m_notes->toPlainText().trimmed();
    return patient;
}

QStringList PatientRecordForm::snapshot() const
{
    const Patient patient = entered();
    // The date read, so "3/4/1988" rewritten as "03/04/1988" is no change; unreadable text as typed.
    QStringList values = {m_birthDate->date().isValid() ? m_birthDate->date().toString(Qt::ISODate)
                                                        : m_birthDate->text().trimmed()};
    QJsonObject json = patient.toJson();
    json.remove(QStringLiteral("archived"));
    for (auto it = json.begin(); it != json.end(); ++it)
        values << it.key() + QLatin1Char('=') + it.value().toVariant().toString();
    return values;
}

void PatientRecordForm::edited()
{
    if (m_loading)
        return;
    const bool modified = snapshot() != m_stored;
    if (modified != m_modified) {
        m_modified = modified;
        emit modifiedChanged(modified);
    }
    updateButtons();
}

void PatientRecordForm::updateButtons()
{
    m_save->setEnabled(m_patient.id > 0 && m_modified && !m_conflict);
    m_revert->setEnabled(m_patient.id > 0 && m_modified);
    m_archive->setEnabled(m_patient.id > 0);
    m_archive->setText(m_patient.archived ? tr("Restore patient\u2026") : tr("Archive patient\u2026"));
    m_archive->setToolTip(m_patient.archived ? tr("Bring the record back into searches and booking")
                                             : tr("Hide the record from searches and booking; nothing is deleted"));
}

void PatientRecordForm::clearMessages()
{
    for (auto it = m_messages.cbegin(); it != m_messages.cend(); ++it) {
        it.value()->clear();
        it.value()->hide();
    }
    for (QLabel *label : std::as_const(m_labels))
        label->setPalette(QPalette());
}

void PatientRecordForm::showFieldError(const Error &error)
{
    clearMessages();
    const QString key = error.field();
    QLabel *label = m_labels.value(key);
    QLabel *message = m_messages.value(key);
    const QString rule = withoutFieldPrefix(error.message(), key);
    const QString text = label ? tr("%1: %2").arg(labelName(label), rule) : error.message();
    if (label && message) {
        QPalette palette = label->palette();
        palette.setColor(QPalette::WindowText, QColor(theme::errorText));
        label->setPalette(palette);
        message->setText(text);
        message->show();
        if (QWidget *buddy = label->buddy())
            buddy->setFocus(Qt::OtherFocusReason);
    }
    showOutcome(tr("Not saved. %1").arg(text), true);
}

void PatientRecordForm::showOutcome(const QString &text, bool error)
{
    QPalette palette = m_outcome->palette();
    palette.setColor(QPalette::WindowText, error ? QColor(theme::errorText) : QColor(theme::mutedText));
    m_outcome->setPalette(palette);
    m_outcome->setText(text);
}

QString PatientRecordForm::fieldMessage(const QString &key) const
{
    const QLabel *message = m_messages.value(key);
    return message ? message->text() : QString();
}

QString PatientRecordForm::outcomeText() const
{
    return m_outcome->text();
}

void PatientRecordForm::storedChanged(const Patient &stored)
{
    if (stored.id != m_patient.id)
        return;
    const Patient &base = m_conflict ? *m_conflict : m_patient;
    if (stored.toJson() == base.toJson())
        return;
    if (!m_modified) {
        setPatient(stored);
        return;
    }
    m_conflict = stored;
    updateButtons();
    showOutcome(tr("This record was changed at another desk or window while you were editing it. Your changes are "
                   "kept but cannot be saved over it: Revert shows the record as saved now."),
                true);
}

bool PatientRecordForm::save()
{
    if (m_patient.id <= 0)
        return false;
    if (m_conflict) {
        showOutcome(tr("Not saved. The record was changed at another desk or window while you were editing it: "
                       "Revert shows it as saved now, then make your changes again."),
                    true);
        return false;
    }
    const Patient patient = entered();
    if (!m_birthDate->text().trimmed().isEmpty() && !patient.birthDate.isValid()) {
        showFieldError(Error::invalidInput(QStringLiteral("birth_date"),
                                           tr("type the date as %1").arg(m_birthDate->placeholderText())));
        return false;
    }
    const QDate today = ClinicTime(m_session.zone()).localDate(m_session.clock().now().toSecsSinceEpoch());
    if (const Status valid = PatientFieldRules::check(patient, today); !valid) {
        showFieldError(valid.error());
        return false;
    }
    PatientRepository &repository = m_session.service<PatientRepository>();
    if (const Status updated = repository.update(patient); !updated) {
        showFieldError(updated.error());
        return false;
    }
    auto stored = repository.find(patient.id);
    if (!stored) {
        showOutcome(stored.error().message(), true);
        return false;
    }
    setPatient(stored.value());
    showOutcome(tr("Saved."), false);
    emit saved(m_patient);
    return true;
}

void PatientRecordForm::revert()
{
    setPatient(m_conflict ? *m_conflict : m_patient);
    showOutcome(tr("Changes undone; the record is as stored."), false);
}

void PatientRecordForm::toggleArchived()
{
    if (m_patient.id <= 0)
        return;
    const QString name = PatientSummary::fullName(m_patient.givenName, m_patient.familyName, m_patient.preferredName);
    const bool archive = !m_patient.archived;
    const bool yes =
        archive ? m_prompter.confirm(this, tr("Archive patient"),
                                     tr("Archive %1? The record, appointments and history are kept, but the patient "
                                        "no longer appears in searches or booking. You can restore the record later.")
                                         .arg(name))
                : m_prompter.confirm(this, tr("Restore patient"), tr("Restore %1 to searches and booking?").arg(name));
    if (!yes)
        return;
    PatientRepository &repository = m_session.service<PatientRepository>();
    if (const Status changed = repository.setArchived(m_patient.id, archive); !changed) {
        m_prompter.showError(this, archive ? tr("Patient not archived") : tr("Patient not restored"), changed.error());
        return;
    }
    // Unsaved edits stay in the fields; only the archived flag is taken from storage.
    m_patient.archived = archive;
    updateButtons();
    showOutcome(archive ? tr("%1 is archived.").arg(name) : tr("%1 is restored.").arg(name), false);
    emit saved(m_patient);
}

} // namespace dermdesk::ui
