#include "PatientImportDialog.h"

#include "common/Prompter.h"
#include "patients/CsvReader.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressDialog>
#include <QPushButton>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace dermdesk::ui {

namespace {

constexpr int previewRows = 5;

QString fieldLabel(const QString &field)
{
    QString label = field;
    label.replace(QLatin1Char('_'), QLatin1Char(' '));
    label[0] = label.at(0).toUpper();
    return label + QLatin1Char(':');
}

} // namespace

PatientImportDialog::PatientImportDialog(const Database &database, const Clock &clock, Prompter &prompter,
                                         QWidget *parent)
    : QDialog(parent)
    , m_database(database)
    , m_clock(clock)
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
    right->addWidget(new QLabel(tr("Rows that will not be imported:"), this));
    right->addWidget(m_errors, 1);
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
    QFile file(path);
    if (file.size() > CsvReader::maxBytes || !file.open(QIODevice::ReadOnly)) {
        const Error error =
            Error::invalidInput(QStringLiteral("file"),
                                file.size() > CsvReader::maxBytes
                                    ? tr("%1 is larger than %2 MB.").arg(path).arg(CsvReader::maxBytes >> 20)
                                    : tr("%1 cannot be read: %2").arg(path, file.errorString()));
        showProblem(error.message());
        return error;
    }
    const QByteArray bytes = file.readAll();
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
        for (int column = 0; column < record.fields.size() && column < header.size(); ++column)
            m_preview->setItem(row, column, new QTableWidgetItem(record.fields.at(column)));
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
    m_summary->setText(tr("The columns changed: run the dry run again."));
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

Result<PatientCsvImporter::Report> PatientImportDialog::runImport(bool dryRun)
{
    QProgressDialog progress(dryRun ? tr("Checking the rows\u2026") : tr("Importing the patients\u2026"), QString(), 0,
                             1, this);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(1000); // shown only when it takes over a second
    progress.setAutoClose(false);
    auto report =
        PatientCsvImporter(m_database, m_clock).import(m_bytes, dryRun, mapping(), [&progress](int done, int total) {
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
    auto report = runImport(true);
    if (!report) {
        showProblem(report.error().message());
        m_import->setEnabled(false);
        return;
    }
    showErrors(report.value());
    m_checked = true;
    m_summary->setStyleSheet(QString());
    m_summary->setText(tr("%1 row(s) read: %2 can be imported, %3 have problems (listed above, not imported).")
                           .arg(report.value().rows)
                           .arg(report.value().valid)
                           .arg(report.value().errors.size()));
    m_import->setEnabled(report.value().valid > 0);
}

void PatientImportDialog::importNow()
{
    if (!m_checked || m_bytes.isEmpty())
        return;
    if (!m_prompter.confirm(this, tr("Import patients?"),
                            tr("Import the valid rows of %1? Rows with problems are skipped.").arg(m_path->text())))
        return;
    auto report = runImport(false);
    if (!report) {
        showProblem(report.error().message());
        return;
    }
    showErrors(report.value());
    m_checked = false;
    m_import->setEnabled(false);
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
