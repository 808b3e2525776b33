#include "ui/patientfile/PatientImportDialog.h"

#include "common/BoundedFile.h"
#include "patients/CsvReader.h"
#include "session/ClinicSession.h"
#include "ui/widgets/Prompter.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressDialog>
#include <QPushButton>
#include <QRadioButton>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace dermdesk::ui {

namespace {

constexpr int previewRows = 5;
// A preview cell shows the start of a long text (a cell may hold CsvReader::maxCellChars characters).
constexpr qsizetype previewChars = 200;

QString fieldLabel(const QString &field)
{
    QString label = field;
    label.replace(QLatin1Char('_'), QLatin1Char(' '));
    label[0] = label.at(0).toUpper();
    return label + QLatin1Char(':');
}

} // namespace

PatientImportDialog::PatientImportDialog(ClinicSession &session, Prompter &prompter, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_prompter(prompter)
{
    setObjectName(QStringLiteral("patientImportDialog"));
    setWindowTitle(tr("Import patients from CSV"));

    m_path = new QLineEdit(this);
    m_path->setObjectName(QStringLiteral("pathEdit"));
    m_path->setPlaceholderText(tr("A .csv file with a header row"));
    m_path->setAccessibleName(tr("CSV file"));
    auto *browse = new QPushButton(tr("&Browse\u2026"), this);
    browse->setAutoDefault(false);
    auto *fileRow = new QHBoxLayout;
    auto *fileLabel = new QLabel(tr("&File:"), this);
    fileLabel->setBuddy(m_path);
    fileRow->addWidget(fileLabel);
    fileRow->addWidget(m_path, 1);
    fileRow->addWidget(browse);

    auto *mappingBox = new QWidget(this);
    m_mappingForm = new QFormLayout(mappingBox);
    m_mappingForm->setContentsMargins(0, 0, 0, 0);
    for (const QString &field : PatientCsvImporter::fields()) {
        auto *combo = new QComboBox(mappingBox);
        combo->setObjectName(QStringLiteral("map_") + field);
        combo->addItem(tr("(not imported)"), -1);
        m_mappingForm->addRow(fieldLabel(field), combo);
        m_mapping.insert(field, combo);
        connect(combo, &QComboBox::currentIndexChanged, this, &PatientImportDialog::mappingChanged);
    }

    m_preview = new QTableWidget(this);
    m_preview->setObjectName(QStringLiteral("previewTable"));
    m_preview->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_preview->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_errors = new QTreeWidget(this);
    m_errors->setObjectName(QStringLiteral("errorList"));
    m_errors->setHeaderLabels({tr("Line"), tr("Field"), tr("Problem")});
    m_errors->setRootIsDecorated(false);
    m_badRows = new QGroupBox(tr("Some rows have problems. What should Import do?"), this);
    m_badRows->setObjectName(QStringLiteral("badRowsChoice"));
    m_importNothing = new QRadioButton(tr("Import &nothing until every row is fixed"), m_badRows);
    m_importNothing->setObjectName(QStringLiteral("importNothingChoice"));
    m_skipBadRows = new QRadioButton(m_badRows);
    m_skipBadRows->setObjectName(QStringLiteral("skipBadRowsChoice"));
    auto *choiceLayout = new QVBoxLayout(m_badRows);
    choiceLayout->addWidget(m_importNothing);
    choiceLayout->addWidget(m_skipBadRows);
    m_badRows->hide();
    m_summary = new QLabel(tr("Choose a file."), this);
    m_summary->setObjectName(QStringLiteral("summaryLabel"));
    m_summary->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_dryRun = buttons->addButton(tr("&Check (dry run)"), QDialogButtonBox::ActionRole);
    m_dryRun->setObjectName(QStringLiteral("dryRunButton"));
    m_dryRun->setEnabled(false);
    m_import = buttons->addButton(tr("&Import"), QDialogButtonBox::ActionRole);
    m_import->setObjectName(QStringLiteral("importButton"));
    m_import->setEnabled(false);
    // Enter in the file field loads the file; it must not run a check or an import.
    for (QAbstractButton *button : buttons->buttons()) {
        if (auto *push = qobject_cast<QPushButton *>(button))
            push->setAutoDefault(false);
    }

    auto *columns = new QHBoxLayout;
    auto *left = new QVBoxLayout;
    left->addWidget(new QLabel(tr("Columns:"), this));
    left->addWidget(mappingBox);
    left->addStretch(1);
    auto *right = new QVBoxLayout;
    right->addWidget(new QLabel(tr("First rows:"), this));
    right->addWidget(m_preview, 1);
    right->addWidget(new QLabel(tr("Rows with problems:"), this));
    right->addWidget(m_errors, 1);
    right->addWidget(m_badRows);
    columns->addLayout(left);
    columns->addLayout(right, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(fileRow);
    layout->addLayout(columns, 1);
    layout->addWidget(m_summary);
    layout->addWidget(buttons);
    resize(960, 640);

    connect(browse, &QPushButton::clicked, this, &PatientImportDialog::browse);
    connect(m_path, &QLineEdit::returnPressed, this, [this] { (void)loadFile(m_path->text()); });
    connect(m_dryRun, &QPushButton::clicked, this, &PatientImportDialog::runDryRun);
    connect(m_import, &QPushButton::clicked, this, &PatientImportDialog::importNow);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_importNothing, &QRadioButton::toggled, this, &PatientImportDialog::badRowsChoiceChanged);
    connect(m_skipBadRows, &QRadioButton::toggled, this, &PatientImportDialog::badRowsChoiceChanged);
}

void PatientImportDialog::browse()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Import patients"), m_path->text(),
                                                      tr("CSV files (*.csv *.txt);;All files (*)"));
    if (path.isEmpty())
        return;
    m_path->setText(path);
    (void)loadFile(path);
}

void PatientImportDialog::showProblem(const QString &text)
{
    m_summary->setText(text);
    m_summary->setStyleSheet(QStringLiteral("color: #b00020;"));
}

Status PatientImportDialog::loadFile(const QString &path)
{
    m_bytes.clear();
    m_checked = false;
    m_import->setEnabled(false);
    m_dryRun->setEnabled(false);
    m_errors->clear();
    m_preview->clear();
    m_path->setText(path);
    resetBadRowsChoice();
    const auto read = BoundedFile::read(path, CsvReader::maxBytes);
    if (!read) {
        showProblem(read.error().message());
        return read.error();
    }
    const QByteArray &bytes = read.value();
    auto records = CsvReader::parse(bytes);
    if (!records || records.value().isEmpty()) {
        const Error error =
            records ? Error::invalidInput(QStringLiteral("file"), tr("%1 is empty.").arg(path)) : records.error();
        showProblem(error.message());
        return error;
    }
    m_bytes = bytes;
    const QStringList header = records.value().first().fields;
    const QHash<QString, int> guessed = PatientCsvImporter::guessMapping(header);
    for (auto it = m_mapping.cbegin(); it != m_mapping.cend(); ++it) {
        QComboBox *combo = it.value();
        const QSignalBlocker quiet(combo);
        while (combo->count() > 1)
            combo->removeItem(1);
        for (int column = 0; column < header.size(); ++column)
            combo->addItem(header.at(column), column);
        combo->setCurrentIndex(combo->findData(guessed.value(it.key(), -1)));
    }
    m_preview->setColumnCount(int(header.size()));
    m_preview->setHorizontalHeaderLabels(header);
    const int rows = int(std::min<qsizetype>(previewRows, records.value().size() - 1));
    m_preview->setRowCount(rows);
    QStringList lines;
    for (int row = 0; row < rows; ++row) {
        const CsvReader::Record &record = records.value().at(row + 1);
        lines.append(QString::number(record.line));
        for (int column = 0; column < record.fields.size() && column < header.size(); ++column) {
            const QString &text = record.fields.at(column);
            m_preview->setItem(row, column,
                               new QTableWidgetItem(text.size() > previewChars ? text.left(previewChars) + QChar(0x2026)
                                                                               : text));
        }
    }
    m_preview->setVerticalHeaderLabels(lines);
    m_summary->setStyleSheet(QString());
    m_summary->setText(
        tr("%n data row(s). Check the columns, then run the dry run.", nullptr, int(records.value().size() - 1)));
    m_dryRun->setEnabled(true);
    return {};
}

QHash<QString, int> PatientImportDialog::mapping() const
{
    QHash<QString, int> chosen;
    for (auto it = m_mapping.cbegin(); it != m_mapping.cend(); ++it) {
        if (const int column = it.value()->currentData().toInt(); column >= 0)
            chosen.insert(it.key(), column);
    }
    return chosen;
}

void PatientImportDialog::mappingChanged()
{
    if (!m_checked)
        return;
    m_checked = false;
    m_import->setEnabled(false);
    resetBadRowsChoice();
    m_summary->setText(tr("The columns changed: run the dry run again."));
}

void PatientImportDialog::resetBadRowsChoice()
{
    for (QRadioButton *choice : {m_importNothing, m_skipBadRows}) {
        const QSignalBlocker quiet(choice);
        choice->setAutoExclusive(false);
        choice->setChecked(false);
        choice->setAutoExclusive(true);
    }
    m_badRows->hide();
}

void PatientImportDialog::badRowsChoiceChanged()
{
    if (!m_checked || m_badRowCount == 0)
        return;
    m_import->setEnabled(m_skipBadRows->isChecked() && m_validRows > 0);
    m_summary->setStyleSheet(QString());
    if (m_skipBadRows->isChecked()) {
        m_summary->setText(
            tr("Import will save %n valid row(s) and skip the rows listed above.", nullptr, m_validRows));
    } else if (m_importNothing->isChecked()) {
        m_summary->setText(tr("Nothing will be imported: fix the rows listed above in the file, then load it again."));
    }
}

void PatientImportDialog::showErrors(const PatientCsvImporter::Report &report)
{
    m_errors->clear();
    for (const PatientCsvImporter::RowError &error : report.errors) {
        auto *item = new QTreeWidgetItem(m_errors, {QString::number(error.line), error.field, error.message});
        item->setData(0, Qt::UserRole, error.line);
    }
    m_errors->resizeColumnToContents(0);
    m_errors->resizeColumnToContents(1);
}

Result<PatientCsvImporter::Report> PatientImportDialog::runImport(PatientCsvImporter::Mode mode)
{
    const bool dryRun = mode == PatientCsvImporter::Mode::DryRun;
    QProgressDialog progress(dryRun ? tr("Checking the rows\u2026") : tr("Importing the patients\u2026"), QString(), 0,
                             1, this);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(1000); // shown only when it takes over a second
    progress.setAutoClose(false);
    auto report =
        m_session.service<PatientCsvImporter>().import(m_bytes, mode, mapping(), [&progress](int done, int total) {
            progress.setMaximum(std::max(1, total));
            progress.setValue(done); // a window-modal dialog processes events here
        });
    progress.reset();
    return report;
}

void PatientImportDialog::runDryRun()
{
    if (m_bytes.isEmpty())
        return;
    resetBadRowsChoice();
    auto report = runImport(PatientCsvImporter::Mode::DryRun);
    if (!report) {
        showProblem(report.error().message());
        m_import->setEnabled(false);
        return;
    }
    showErrors(report.value());
    m_checked = true;
    m_validRows = report.value().valid;
    m_badRowCount = int(report.value().errors.size());
    m_summary->setStyleSheet(QString());
    if (m_badRowCount == 0) {
        m_summary->setText(tr("%n row(s) read, all can be imported.", nullptr, report.value().rows));
        m_import->setEnabled(m_validRows > 0);
        return;
    }
    m_skipBadRows->setText(
        tr("Import the %1 valid row(s) and &skip the %2 listed above").arg(m_validRows).arg(m_badRowCount));
    m_skipBadRows->setEnabled(m_validRows > 0);
    m_badRows->show();
    m_summary->setText(tr("%1 row(s) read: %2 can be imported, %3 have problems (listed above). Choose what Import "
                          "should do.")
                           .arg(report.value().rows)
                           .arg(m_validRows)
                           .arg(m_badRowCount));
    m_import->setEnabled(false);
}

void PatientImportDialog::importNow()
{
    if (!m_checked || m_bytes.isEmpty())
        return;
    const bool skip = m_badRowCount > 0;
    if (skip && !m_skipBadRows->isChecked())
        return;
    const QString question = skip ? tr("Import the %1 valid rows of %2? The %3 rows with problems are skipped.")
                                        .arg(m_validRows)
                                        .arg(m_path->text())
                                        .arg(m_badRowCount)
                                  : tr("Import the %1 rows of %2?").arg(m_validRows).arg(m_path->text());
    if (!m_prompter.confirm(this, tr("Import patients?"), question))
        return;
    auto report = runImport(skip ? PatientCsvImporter::Mode::SkipInvalid : PatientCsvImporter::Mode::AllOrNothing);
    if (!report) {
        showProblem(report.error().message());
        return;
    }
    showErrors(report.value());
    m_checked = false;
    m_import->setEnabled(false);
    resetBadRowsChoice();
    if (report.value().ids.isEmpty() && !report.value().errors.isEmpty()) {
        // The clinic changed since the dry run (say, a duplicate was added at another desk).
        showProblem(tr("Nothing was imported: %n row(s) have problems now (listed above). Run the dry run again.",
                       nullptr, int(report.value().errors.size())));
        return;
    }
    m_summary->setStyleSheet(QString());
    m_summary->setText(tr("%1 patient(s) imported; %2 row(s) skipped.")
                           .arg(report.value().ids.size())
                           .arg(report.value().errors.size()));
    emit imported(report.value().ids);
}

QString PatientImportDialog::summaryText() const
{
    return m_summary->text();
}

} // namespace dermdesk::ui
