#include "ui/patientfile/NewPatientDialog.h"

#include "calendar/ClinicTime.h"
#include "common/TimeFormat.h"
#include "patients/PatientFieldRules.h"
#include "patients/PatientRepository.h"
#include "patients/TextFolding.h"
#include "session/ClinicSession.h"
#include "ui/patientfile/ScreeningDialog.h"
#include "ui/widgets/DateField.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace dermdesk::ui {

namespace {

// What a possible duplicate has in common with what was entered (PatientRepository::possibleDuplicates
// matches the same name and birth date, or the same phone digits).
QString matchedText(const Patient &entered, const PatientSummary &found)
{
    const bool sameName = TextFolding::fold(entered.givenName) == TextFolding::fold(found.givenName)
                          && TextFolding::fold(entered.familyName) == TextFolding::fold(found.familyName);
    const bool sameBirth = entered.birthDate.isValid() && entered.birthDate == found.birthDate;
    const QString digits = TextFolding::digits(entered.phone);
    const bool samePhone = digits.size() >= 6 && digits == TextFolding::digits(found.phone);
    QStringList same;
    if (samePhone || !(sameName && sameBirth))
        same << NewPatientDialog::tr("phone");
    if (sameName)
        same << NewPatientDialog::tr("name");
    if (sameBirth)
        same << NewPatientDialog::tr("birth date");
    if (same.size() == 1)
        return NewPatientDialog::tr("same %1").arg(same.first());
    const QString last = same.takeLast();
    return NewPatientDialog::tr("same %1 and %2").arg(same.join(QStringLiteral(", ")), last);
}

} // namespace

NewPatientDialog::NewPatientDialog(ClinicSession &session, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
{
    setObjectName(QStringLiteral("newPatientDialog"));
    setWindowTitle(tr("New patient"));

    const auto field = [this](const char *name, const QString &placeholder) {
        auto *edit = new QLineEdit(this);
        edit->setObjectName(QLatin1String(name));
        edit->setPlaceholderText(placeholder);
        connect(edit, &QLineEdit::textEdited, this, &NewPatientDialog::fieldsEdited);
        return edit;
    };
    m_given = field("givenNameEdit", QString());
    m_family = field("familyNameEdit", QString());
    m_birthDate = new DateField(this);
    m_birthDate->setObjectName(QStringLiteral("birthDateEdit"));
    connect(m_birthDate, &QLineEdit::textEdited, this, &NewPatientDialog::fieldsEdited);
    m_phone = field("phoneEdit", tr("Mobile"));
    m_email = field("emailEdit", tr("Optional"));

    auto *form = new QFormLayout;
    form->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
    form->setHorizontalSpacing(12);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    const auto row = [this, form](const QString &text, QLineEdit *edit) {
        auto *label = new QLabel(text, this);
        label->setBuddy(edit);
        form->addRow(label, edit);
        return label;
    };
    QLabel *givenLabel = row(tr("&Given name:"), m_given);
    QLabel *familyLabel = row(tr("&Family name:"), m_family);
    QLabel *birthLabel = row(tr("&Birth date:"), m_birthDate);
    QLabel *phoneLabel = row(tr("&Mobile phone:"), m_phone);
    QLabel *emailLabel = row(tr("&E-mail:"), m_email);

    auto *outcome = new QLabel(this);
    outcome->setObjectName(QStringLiteral("newPatientOutcome"));
    outcome->setMinimumHeight(outcome->fontMetrics().lineSpacing() * 2);
    m_feedback = std::make_unique<FormFeedback>(outcome);
    m_feedback->addField(QStringLiteral("given_name"), givenLabel);
    m_feedback->addField(QStringLiteral("family_name"), familyLabel);
    m_feedback->addField(QStringLiteral("birth_date"), birthLabel);
    m_feedback->addField(QStringLiteral("phone"), phoneLabel);
    m_feedback->addField(QStringLiteral("email"), emailLabel);

    m_duplicates = new QListWidget(this);
    m_duplicates->setObjectName(QStringLiteral("duplicateList"));
    m_duplicates->setAccessibleName(tr("Patients who may be the same person"));
    // Each candidate on as many lines as it takes, never cut off at the side.
    m_duplicates->setWordWrap(true);
    m_duplicates->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_duplicates->setMaximumHeight(m_duplicates->fontMetrics().lineSpacing() * 6 + 14);
    m_duplicates->hide();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_useDuplicate = buttons->addButton(tr("Use selected patient"), QDialogButtonBox::ActionRole);
    m_useDuplicate->setObjectName(QStringLiteral("useDuplicateButton"));
    m_useDuplicate->setAutoDefault(false);
    m_useDuplicate->setEnabled(false);
    m_useDuplicate->hide();
    m_create = buttons->addButton(tr("&Create"), QDialogButtonBox::AcceptRole);
    m_create->setObjectName(QStringLiteral("createButton"));
    m_create->setDefault(true);
    // Only Create answers Enter, whichever button has the focus.
    for (QAbstractButton *button : buttons->buttons()) {
        if (auto *push = qobject_cast<QPushButton *>(button); push && push != m_create)
            push->setAutoDefault(false);
    }

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(18, 16, 18, 14);
    layout->setSpacing(10);
    layout->addLayout(form);
    layout->addWidget(outcome);
    layout->addWidget(m_duplicates);
    layout->addWidget(buttons);
    setMinimumWidth(480);

    connect(buttons, &QDialogButtonBox::accepted, this, &NewPatientDialog::create);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_useDuplicate, &QPushButton::clicked, this, &NewPatientDialog::useSelectedDuplicate);
    connect(m_duplicates, &QListWidget::itemDoubleClicked, this, &NewPatientDialog::useSelectedDuplicate);
    connect(m_duplicates, &QListWidget::currentRowChanged, m_useDuplicate,
            [this](int row) { m_useDuplicate->setEnabled(row >= 0); });
}

NewPatientDialog::~NewPatientDialog() = default;

void NewPatientDialog::setNameText(const QString &text)
{
    QStringList names;
    QStringList phone;
    QString email;
    QDate birth;
    static const QRegularExpression phonePart(QStringLiteral("^[+(]?[0-9][0-9()./-]*$"));
    for (const QString &word : text.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (const QDate date = parseDateText(word); date.isValid() && !birth.isValid())
            birth = date;
        else if (word.contains(QLatin1Char('@')) && email.isEmpty())
            email = word;
        else if (phonePart.match(word).hasMatch())
            phone << word;
        else
            names << word;
    }
    // "Marlowe, Quentin" names the family first; otherwise the last word is the family name, and a single
    // word (what a desk usually searches by) is taken as one.
    QString given;
    QString family;
    const QString joined = names.join(QLatin1Char(' '));
    if (const qsizetype comma = joined.indexOf(QLatin1Char(',')); comma >= 0) {
        family = joined.left(comma).trimmed();
        given = joined.mid(comma + 1).trimmed();
    } else if (!names.isEmpty()) {
        family = names.takeLast();
        given = names.join(QLatin1Char(' '));
    }
    m_given->setText(given);
    m_family->setText(family);
    m_birthDate->setDate(birth);
    m_phone->setText(phone.join(QLatin1Char(' ')));
    m_email->setText(email);
    fieldsEdited();
    // The first field still to fill takes the typing.
    for (QLineEdit *edit : {m_given, m_family, static_cast<QLineEdit *>(m_birthDate), m_phone}) {
        if (edit->text().isEmpty()) {
            edit->setFocus();
            return;
        }
    }
    m_email->setFocus();
}

QString NewPatientDialog::outcomeText() const
{
    return findChild<QLabel *>(QStringLiteral("newPatientOutcome"))->text();
}

Patient NewPatientDialog::entered() const
{
    Patient patient;
    patient.givenName = m_given->text().simplified();
    patient.familyName = m_family->text().simplified();
    patient.birthDate = m_birthDate->date();
    patient.phone = m_phone->text().trimmed();
    patient.email = m_email->text().trimmed();
    return patient;
}

void NewPatientDialog::fieldsEdited()
{
    m_duplicatesSeen = false;
    m_found.clear();
    m_duplicates->clear();
    m_duplicates->hide();
    m_useDuplicate->hide();
    m_create->setText(tr("&Create"));
    m_feedback->show(FormFeedback::Tone::Hint, QString());
}

void NewPatientDialog::create()
{
    const Patient patient = entered();
    if (!m_birthDate->text().trimmed().isEmpty() && !patient.birthDate.isValid()) {
        m_feedback->showError(
            Error::invalidInput(QStringLiteral("birth_date"),
                                tr("Type the birth date as %1.").arg(m_birthDate->placeholderText())));
        return;
    }
    const QDate today = ClinicTime(m_session.zone()).localDate(m_session.clock().now().toSecsSinceEpoch());
    if (const Status valid = PatientFieldRules::check(patient, today); !valid) {
        m_feedback->showError(valid.error());
        return;
    }
    if (!m_duplicatesSeen) {
        auto duplicates = m_session.service<PatientRepository>().possibleDuplicates(patient);
        if (!duplicates) {
            m_feedback->showError(duplicates.error());
            return;
        }
        m_found = std::move(duplicates).value();
        if (!m_found.isEmpty()) {
            m_duplicatesSeen = true;
            for (const PatientSummary &found : std::as_const(m_found)) {
                QStringList parts{found.displayName().trimmed()};
                if (found.birthDate.isValid())
                    parts << tr("born %1").arg(shortDateText(found.birthDate));
                if (!found.phone.isEmpty())
                    parts << found.phone;
                if (found.archived)
                    parts << tr("archived");
                auto *item =
                    new QListWidgetItem(tr("%1 \u2014 %2")
                                            .arg(parts.join(QStringLiteral(" \u00b7 ")), matchedText(patient, found)),
                                        m_duplicates);
                item->setToolTip(tr("Click \u201cUse selected patient\u201d (or double-click) to book for this "
                                    "patient instead"));
            }
            m_duplicates->setCurrentRow(0);
            m_duplicates->show();
            m_useDuplicate->show();
            m_create->setText(tr("&Create new patient"));
            m_feedback->show(FormFeedback::Tone::Warning,
                             tr("This may be a patient who is registered already: to use one, select it and click "
                                "\u201cUse selected patient\u201d. Enter creates a new patient."));
            // Enter goes on creating; taking an existing record is a deliberate choice.
            m_create->setFocus();
            adjustSize();
            return;
        }
    }
    auto added = m_session.service<PatientRepository>().add(patient);
    if (!added) {
        m_feedback->showError(added.error());
        return;
    }
    m_patient = {};
    m_patient.id = added.value();
    m_patient.givenName = patient.givenName;
    m_patient.familyName = patient.familyName;
    m_patient.birthDate = patient.birthDate;
    m_patient.phone = patient.phone;
    m_patient.email = patient.email;
    emit patientReady(m_patient.id);
    accept();
    emit screeningOffered(
        ScreeningDialog::offer(m_session, m_patient.id, m_patient.displayName().trimmed(), parentWidget()));
}

void NewPatientDialog::useSelectedDuplicate()
{
    const int row = m_duplicates->currentRow();
    if (row < 0 || row >= m_found.size())
        return;
    if (m_found.at(row).archived) {
        m_feedback->show(FormFeedback::Tone::Error,
                         tr("That record is archived; restore it in Patients before booking for it."));
        return;
    }
    m_patient = m_found.at(row);
    emit patientReady(m_patient.id);
    accept();
}

} // namespace dermdesk::ui
