#include "ui/patientfile/PatientPicker.h"

#include "common/TimeFormat.h"
#include "patients/PatientRepository.h"
#include "session/ClinicSession.h"
#include "ui/widgets/Icons.h"
#include "ui/widgets/Theme.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLineEdit>
#include <QScreen>
#include <QTreeWidget>

namespace dermdesk::ui {

namespace {

enum ResultColumn {
    NameColumn,
    BirthColumn,
    PhoneColumn,
    ResultColumnCount
};

} // namespace

PatientPicker::PatientPicker(ClinicSession &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    m_edit = new QLineEdit(this);
    m_edit->setObjectName(QStringLiteral("patientPickerEdit"));
    m_edit->setPlaceholderText(tr("Type a patient's name"));
    m_edit->setClearButtonEnabled(true);
    m_edit->addAction(icons::find(), QLineEdit::LeadingPosition);
    m_edit->setAccessibleName(tr("Patient"));
    m_edit->installEventFilter(this);
    setFocusProxy(m_edit);

    // A frameless window that never takes focus, so typing goes on in the field while it is open.
    m_results = new QTreeWidget(this);
    m_results->setObjectName(QStringLiteral("patientPickerResults"));
    m_results->setWindowFlags(Qt::ToolTip | Qt::FramelessWindowHint | Qt::WindowDoesNotAcceptFocus);
    m_results->setAttribute(Qt::WA_ShowWithoutActivating);
    m_results->setFocusPolicy(Qt::NoFocus);
    m_results->setColumnCount(ResultColumnCount);
    m_results->setHeaderHidden(true);
    m_results->setRootIsDecorated(false);
    m_results->setUniformRowHeights(true);
    m_results->setAllColumnsShowFocus(true);
    m_results->setAccessibleName(tr("Matching patients"));
    m_results->setStyleSheet(QStringLiteral("QTreeWidget::item { padding: 4px 6px; }"));
    m_results->header()->setStretchLastSection(false);
    m_results->header()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    m_results->header()->setSectionResizeMode(BirthColumn, QHeaderView::ResizeToContents);
    m_results->header()->setSectionResizeMode(PhoneColumn, QHeaderView::ResizeToContents);
    m_results->hide();

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_edit);

    connect(m_edit, &QLineEdit::textEdited, this, [this](const QString &text) {
        if (m_patient)
            choose(std::nullopt);
        search(text);
    });
    connect(m_edit, &QLineEdit::textChanged, this, [this](const QString &text) {
        // The clear button empties the field without an edit signal.
        if (text.isEmpty() && m_patient)
            choose(std::nullopt);
        if (text.isEmpty())
            m_results->hide();
    });
    connect(m_results, &QTreeWidget::itemPressed, this,
            [this](QTreeWidgetItem *item) { chooseRow(m_results->indexOfTopLevelItem(item)); });
}

PatientPicker::~PatientPicker() = default;

void PatientPicker::setPatient(const PatientSummary &patient)
{
    choose(patient);
}

void PatientPicker::clear()
{
    choose(std::nullopt);
    m_edit->clear();
}

void PatientPicker::setLocked(bool locked)
{
    m_edit->setReadOnly(locked);
    m_edit->setClearButtonEnabled(!locked);
    if (locked)
        m_results->hide();
}

bool PatientPicker::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_edit)
        return QWidget::eventFilter(watched, event);
    if (event->type() == QEvent::FocusOut) {
        m_results->hide();
        return false;
    }
    if (event->type() != QEvent::KeyPress || m_edit->isReadOnly())
        return false;
    auto *key = static_cast<QKeyEvent *>(event);
    const bool open = m_results->isVisible();
    switch (key->key()) {
    case Qt::Key_Down:
        if (!open) {
            search(m_edit->text());
            return true;
        }
        moveCurrent(1);
        return true;
    case Qt::Key_Up:
        if (open)
            moveCurrent(-1);
        return open;
    case Qt::Key_PageDown:
    case Qt::Key_PageUp:
        if (open)
            moveCurrent(key->key() == Qt::Key_PageDown ? maxResults : -maxResults);
        return open;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (open && m_results->currentItem()) {
            chooseRow(m_results->indexOfTopLevelItem(m_results->currentItem()));
            return true;
        }
        return false;
    case Qt::Key_Escape:
        if (open) {
            m_results->hide();
            return true;
        }
        return false;
    default:
        return false;
    }
}

void PatientPicker::hideEvent(QHideEvent *event)
{
    m_results->hide();
    QWidget::hideEvent(event);
}

void PatientPicker::search(const QString &text)
{
    m_found.clear();
    m_results->clear();
    if (text.trimmed().isEmpty()) {
        m_results->hide();
        return;
    }
    auto found = m_session.service<PatientRepository>().search(text, maxResults);
    if (!found) {
        auto *item = new QTreeWidgetItem(m_results, {found.error().message()});
        item->setFlags(Qt::NoItemFlags);
        showResults();
        return;
    }
    m_found = std::move(found).value();
    for (const PatientSummary &patient : std::as_const(m_found)) {
        auto *item = new QTreeWidgetItem(m_results);
        item->setText(NameColumn, patient.displayName());
        item->setText(BirthColumn, patient.birthDate.isValid() ? tr("born %1").arg(shortDateText(patient.birthDate))
                                                               : tr("no birth date"));
        item->setText(PhoneColumn, patient.phone);
        item->setForeground(BirthColumn, QColor(theme::mutedText));
        item->setForeground(PhoneColumn, QColor(theme::mutedText));
    }
    if (m_found.isEmpty()) {
        auto *item = new QTreeWidgetItem(m_results, {tr("No patient matches \u201c%1\u201d").arg(text.trimmed())});
        item->setFlags(Qt::NoItemFlags);
        item->setForeground(NameColumn, QColor(theme::mutedText));
    } else {
        m_results->setCurrentItem(m_results->topLevelItem(0));
    }
    showResults();
}

void PatientPicker::showResults()
{
    const int rows = std::max(1, m_results->topLevelItemCount());
    const int rowHeight = m_results->sizeHintForRow(0) > 0 ? m_results->sizeHintForRow(0) : fontMetrics().height() + 6;
    const int width = std::max(m_edit->width(), 420);
    m_results->resize(width, rows * rowHeight + 2 * m_results->frameWidth() + 2);
    QPoint below = m_edit->mapToGlobal(QPoint(0, m_edit->height()));
    if (const QScreen *screen = m_edit->screen()) {
        const QRect available = screen->availableGeometry();
        below.setX(std::clamp(below.x(), available.left(), std::max(available.left(), available.right() - width)));
    }
    m_results->move(below);
    m_results->show();
}

void PatientPicker::moveCurrent(int step)
{
    if (m_found.isEmpty())
        return;
    const int current = m_results->currentItem() ? m_results->indexOfTopLevelItem(m_results->currentItem()) : -1;
    const int next = std::clamp(current + step, 0, int(m_found.size()) - 1);
    m_results->setCurrentItem(m_results->topLevelItem(next));
}

void PatientPicker::chooseRow(int row)
{
    if (row < 0 || row >= m_found.size())
        return;
    choose(m_found.at(row));
}

void PatientPicker::choose(std::optional<PatientSummary> patient)
{
    const qint64 before = patientId();
    m_patient = std::move(patient);
    m_results->hide();
    if (m_patient) {
        m_edit->setText(m_patient->displayName().trimmed());
        m_edit->setToolTip(m_patient->birthDate.isValid() ? tr("Born %1").arg(shortDateText(m_patient->birthDate))
                                                          : QString());
    } else {
        m_edit->setToolTip(QString());
    }
    if (patientId() != before)
        emit patientChanged(patientId());
}

} // namespace dermdesk::ui
