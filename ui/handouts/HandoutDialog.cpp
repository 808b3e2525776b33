#include "ui/handouts/HandoutDialog.h"

#include "education/EducationTemplateRepository.h"
#include "education/HandoutComposer.h"
#include "session/ClinicSession.h"
#include "ui/handouts/HandoutPrinter.h"
#include "ui/widgets/Prompter.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QGridLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace dermdesk::ui {

namespace {

constexpr int templateIdRole = Qt::UserRole;

QListWidgetItem *checkItem(const QString &text, bool checked, QListWidget *list)
{
    auto *item = new QListWidgetItem(text, list);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
    item->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
    return item;
}

} // namespace

HandoutDialog::HandoutDialog(HandoutPrinter &printer, qint64 patientId, Prompter &prompter, QWidget *parent)
    : QDialog(parent)
    , m_printer(printer)
    , m_patientId(patientId)
    , m_prompter(prompter)
{
    setObjectName(QStringLiteral("handoutDialog"));
    setWindowTitle(tr("Print Handout"));

    m_sections = new QListWidget(this);
    m_sections->setObjectName(QStringLiteral("handoutSections"));
    auto *sectionsLabel = new QLabel(tr("&Guide sections:"), this);
    sectionsLabel->setBuddy(m_sections);

    m_plan = new QCheckBox(tr("Treatment &plan and upcoming appointments"), this);
    m_preCare = new QCheckBox(tr("Pre-&care for the next appointment"), this);
    m_aftercare = new QCheckBox(tr("&Aftercare for the expected downtime"), this);
    for (QCheckBox *box : {m_plan, m_preCare, m_aftercare})
        box->setChecked(true);
    m_documents = new QListWidget(this);
    m_documents->setObjectName(QStringLiteral("handoutDocuments"));
    m_documents->setMaximumHeight(90);
    auto *documentsLabel = new QLabel(tr("&Other documents:"), this);
    documentsLabel->setBuddy(m_documents);

    m_warnings = new QLabel(this);
    m_warnings->setObjectName(QStringLiteral("handoutWarnings"));
    m_warnings->setWordWrap(true);
    m_warnings->setStyleSheet(QStringLiteral("color: #8a1c1c;"));
    m_warnings->hide();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *previewButton = buttons->addButton(tr("Pre&view…"), QDialogButtonBox::ActionRole);
    auto *printButton = buttons->addButton(tr("&Print…"), QDialogButtonBox::ActionRole);
    m_save = buttons->addButton(tr("&Save as PDF…"), QDialogButtonBox::ActionRole);
    previewButton->setDefault(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(sectionsLabel);
    layout->addWidget(m_sections, 1);
    layout->addWidget(m_plan);
    layout->addWidget(m_preCare);
    layout->addWidget(m_aftercare);
    layout->addWidget(documentsLabel);
    layout->addWidget(m_documents);
    layout->addWidget(m_warnings);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(previewButton, &QPushButton::clicked, this, &HandoutDialog::preview);
    connect(printButton, &QPushButton::clicked, this, &HandoutDialog::print);
    connect(m_save, &QPushButton::clicked, this, &HandoutDialog::savePdf);
    resize(460, 520);
}

bool HandoutDialog::load()
{
    auto guide = Guide::load();
    if (!guide) {
        m_prompter.showError(parentWidget(), tr("Print Handout"), guide.error());
        return false;
    }
    m_guide = guide.value();
    for (qsizetype i = 0; i < m_guide.sections().size(); ++i)
        checkItem(m_guide.headingOf(int(i)), true, m_sections);
    auto templates = m_printer.session().service<EducationTemplateRepository>().all();
    if (!templates) {
        m_prompter.showError(parentWidget(), tr("Print Handout"), templates.error());
        return false;
    }
    for (const EducationTemplate &educationTemplate : templates.value()) {
        if (educationTemplate.kind == QLatin1String("pre_care") || educationTemplate.kind == QLatin1String("aftercare"))
            continue;
        checkItem(educationTemplate.title, false, m_documents)->setData(templateIdRole, educationTemplate.id);
    }
    m_documents->setVisible(m_documents->count() > 0);
    const std::optional<ComposedDocument> document = compose();
    if (!document)
        return false;
    setWindowTitle(document->title);
    return true;
}

HandoutOptions HandoutDialog::options() const
{
    HandoutOptions options;
    QList<int> sections;
    for (int row = 0; row < m_sections->count(); ++row) {
        if (m_sections->item(row)->checkState() == Qt::Checked)
            sections.append(row);
    }
    options.guideSections = sections;
    options.plan = m_plan->isChecked();
    options.preCare = m_preCare->isChecked();
    options.aftercare = m_aftercare->isChecked();
    for (int row = 0; row < m_documents->count(); ++row) {
        if (m_documents->item(row)->checkState() == Qt::Checked)
            options.extraTemplates.append(m_documents->item(row)->data(templateIdRole).toLongLong());
    }
    return options;
}

std::optional<ComposedDocument> HandoutDialog::compose()
{
    auto document = HandoutComposer(m_printer.session().database(), m_guide, m_printer.session().clock())
                        .compose(m_patientId, options());
    if (!document) {
        m_prompter.showError(this, tr("Print Handout"), document.error());
        return std::nullopt;
    }
    m_warnings->setText(document.value().warnings.join(QLatin1Char('\n')));
    m_warnings->setVisible(!document.value().warnings.isEmpty());
    return document.value();
}

void HandoutDialog::send(int output)
{
    const std::optional<ComposedDocument> document = compose();
    if (!document)
        return;
    m_printer.output(*document, HandoutPrinter::Output(output),
                     [&](const QString &how) { return m_printer.log(*document, QStringLiteral("handout"), how); });
}

void HandoutDialog::preview()
{
    send(int(HandoutPrinter::Output::Preview));
}

void HandoutDialog::print()
{
    send(int(HandoutPrinter::Output::Print));
}

void HandoutDialog::savePdf()
{
    send(int(HandoutPrinter::Output::Pdf));
}

} // namespace dermdesk::ui
