#include "ui/patientfile/PatientMergeDialog.h"

#include "patients/PatientRepository.h"
#include "records/PatientMerger.h"
#include "session/ClinicSession.h"
#include "ui/widgets/Prompter.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace dermdesk::ui {

namespace {

QString displayName(const Patient &patient)
{
    return QStringLiteral("%1 %2 (#%3)").arg(patient.givenName, patient.familyName).arg(patient.id);
}

QString fieldText(const QJsonValue &value)
{
    if (value.isNull() || value.isUndefined())
        return QString();
    if (value.isBool())
        return value.toBool() ? PatientMergeDialog::tr("yes") : PatientMergeDialog::tr("no");
    if (value.isDouble())
        return QString::number(value.toInteger());
    return value.toString();
}

} // namespace

PatientMergeDialog::PatientMergeDialog(ClinicSession &session, Prompter &prompter, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_prompter(prompter)
{
    setObjectName(QStringLiteral("patientMergeDialog"));
    setWindowTitle(tr("Merge patient records"));
    auto *intro = new QLabel(tr("Everything of the record on the left moves to the record on the right, which is "
                                "kept. The left record is archived with a note pointing at the right one."),
                             this);
    intro->setWordWrap(true);
    m_table = new QTableWidget(0, 2, this);
    m_table->setObjectName(QStringLiteral("mergeTable"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_moves = new QLabel(this);
    m_moves->setObjectName(QStringLiteral("movesLabel"));
    m_moves->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_swap = buttons->addButton(tr("&Swap"), QDialogButtonBox::ActionRole);
    m_swap->setObjectName(QStringLiteral("swapButton"));
    m_swap->setToolTip(tr("Keep the other record instead"));
    m_merge = buttons->addButton(tr("&Merge"), QDialogButtonBox::AcceptRole);
    m_merge->setObjectName(QStringLiteral("mergeButton"));
    m_merge->setEnabled(false);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_moves);
    layout->addWidget(buttons);
    resize(720, 600);

    connect(m_swap, &QPushButton::clicked, this, &PatientMergeDialog::swap);
    connect(buttons, &QDialogButtonBox::accepted, this, &PatientMergeDialog::mergeNow);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

PatientMergeDialog *PatientMergeDialog::open(ClinicSession &session, Prompter &prompter, qint64 mergedId,
                                             qint64 survivorId, QWidget *parent)
{
    auto *dialog = new PatientMergeDialog(session, prompter, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    if (Status s = dialog->setPatients(mergedId, survivorId); !s)
        prompter.showError(parent, tr("Merge patient records"), s.error());
    dialog->QDialog::open();
    return dialog;
}

Status PatientMergeDialog::setPatients(qint64 mergedId, qint64 survivorId)
{
    const PatientRepository &patients = m_session.service<PatientRepository>();
    for (const qint64 id : {mergedId, survivorId}) {
        if (auto found = patients.find(id); !found)
            return found.error();
    }
    m_mergedId = mergedId;
    m_survivorId = survivorId;
    showPreview();
    return {};
}

void PatientMergeDialog::swap()
{
    std::swap(m_mergedId, m_survivorId);
    showPreview();
}

void PatientMergeDialog::showPreview()
{
    const PatientRepository &patients = m_session.service<PatientRepository>();
    auto merged = patients.find(m_mergedId);
    auto survivor = patients.find(m_survivorId);
    m_table->clearContents();
    m_table->setRowCount(0);
    if (!merged || !survivor)
        return;
    m_table->setHorizontalHeaderLabels({tr("Merged and archived: %1").arg(displayName(merged.value())),
                                        tr("Kept: %1").arg(displayName(survivor.value()))});
    const QJsonObject left = merged.value().toJson();
    const QJsonObject right = survivor.value().toJson();
    QStringList labels;
    for (auto it = left.constBegin(); it != left.constEnd(); ++it) {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        QString label = it.key();
        label.replace(QLatin1Char('_'), QLatin1Char(' '));
        label[0] = label.at(0).toUpper();
        labels.append(label);
        const bool differs = QJsonValue(it.value()) != right.value(it.key());
        for (const auto &[column, value] :
             {std::pair{0, QJsonValue(it.value())}, std::pair{1, right.value(it.key())}}) {
            auto *item = new QTableWidgetItem(fieldText(value));
            QFont font = item->font();
            font.setBold(differs);
            item->setFont(font);
            m_table->setItem(row, column, item);
        }
    }
    m_table->setVerticalHeaderLabels(labels);

    auto preview = m_session.service<PatientMerger>().preview(m_mergedId, m_survivorId);
    m_preview.reset();
    if (!preview) {
        m_moves->setText(preview.error().message());
        m_moves->setStyleSheet(QStringLiteral("color: #b00020;"));
        m_merge->setEnabled(false);
        return;
    }
    m_preview = preview.value();
    m_moves->setStyleSheet(QString());
    m_moves->setText(tr("Moves to %1: %2 appointment(s), %3 treatment plan(s), %4 waitlist entry(ies), %5 screening "
                        "answer(s), %6 handout(s).")
                         .arg(displayName(survivor.value()))
                         .arg(m_preview->appointmentIds.size())
                         .arg(m_preview->planIds.size())
                         .arg(m_preview->waitlistIds.size())
                         .arg(m_preview->screeningAnswers)
                         .arg(m_preview->handouts));
    m_merge->setEnabled(true);
}

QString PatientMergeDialog::movesText() const
{
    return m_moves->text();
}

void PatientMergeDialog::mergeNow()
{
    if (!m_preview)
        return;
    if (!m_prompter.confirm(this, tr("Merge patient records?"),
                            tr("Merge %1 into %2? Everything of %1 moves to %2 and %1 is archived. This cannot be "
                               "undone from the program.")
                                .arg(displayName(m_preview->merged), displayName(m_preview->survivor)))) {
        return;
    }
    auto done = m_session.service<PatientMerger>().merge(m_mergedId, m_survivorId);
    if (!done) {
        m_moves->setText(done.error().message());
        m_moves->setStyleSheet(QStringLiteral("color: #b00020;"));
        m_merge->setEnabled(false);
        return;
    }
    emit merged(m_survivorId, m_mergedId);
    accept();
}

} // namespace dermdesk::ui
