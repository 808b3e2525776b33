#include "ui/widgets/CancelReasonDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace dermdesk::ui {

CancelReasonDialog::CancelReasonDialog(const QString &appointmentText, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Cancel Appointment"));
    auto *layout = new QVBoxLayout(this);
    auto *what = new QLabel(tr("Cancel %1?").arg(appointmentText.toHtmlEscaped()), this);
    what->setWordWrap(true);
    layout->addWidget(what);

    auto *form = new QFormLayout;
    m_category = new QComboBox(this);
    for (CancelCategory category : cancel_reason::all())
        m_category->addItem(cancel_reason::label(category), int(category));
    form->addRow(tr("&Reason:"), m_category);
    m_detail = new QLineEdit(this);
    m_detail->setPlaceholderText(tr("What happened (optional unless the reason is Other)"));
    form->addRow(tr("&Detail:"), m_detail);
    layout->addLayout(form);

    m_hint = new QLabel(this);
    m_hint->setWordWrap(true);
    layout->addWidget(m_hint);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Cancel &Appointment"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("&Keep Appointment"));
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_category, &QComboBox::currentIndexChanged, this, &CancelReasonDialog::updateState);
    connect(m_detail, &QLineEdit::textChanged, this, &CancelReasonDialog::updateState);
    updateState();
}

CancelReason CancelReasonDialog::reason() const
{
    return {CancelCategory(m_category->currentData().toInt()), m_detail->text().trimmed()};
}

void CancelReasonDialog::updateState()
{
    const CancelReason current = reason();
    const bool complete = current.category != CancelCategory::Other || !current.detail.isEmpty();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(complete);
    m_hint->setText(complete ? QString() : tr("Reason \"Other\" needs a detail saying what happened."));
}

} // namespace dermdesk::ui
