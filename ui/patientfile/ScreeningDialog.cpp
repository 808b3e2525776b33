#include "ui/patientfile/ScreeningDialog.h"

#include "session/ClinicSession.h"
#include "ui/patientfile/ScreeningForm.h"

#include <QDialogButtonBox>
#include <QGuiApplication>
#include <QLabel>
#include <QPushButton>
#include <QScreen>
#include <QVBoxLayout>

#include <algorithm>

namespace dermdesk::ui {

ScreeningDialog::ScreeningDialog(ClinicSession &session, qint64 patientId, const QString &patientName, QWidget *parent)
    : QDialog(parent)
    , m_patientId(patientId)
{
    setObjectName(QStringLiteral("screeningDialog"));
    setWindowTitle(tr("Screening \u2013 %1").arg(patientName));

    auto *intro = new QLabel(tr("%1 is registered. Go through the medical screening with them now, or skip it: a "
                                "treatment session asks for it later.")
                                 .arg(patientName),
                             this);
    intro->setObjectName(QStringLiteral("screeningIntro"));
    intro->setWordWrap(true);
    intro->setTextFormat(Qt::PlainText);

    m_form = new ScreeningForm(session, this);
    m_form->setHistoryShown(false);
    m_form->load(patientId);

    auto *buttons = new QDialogButtonBox(this);
    m_skip = buttons->addButton(tr("&Skip for now"), QDialogButtonBox::RejectRole);
    m_skip->setObjectName(QStringLiteral("skipScreeningButton"));
    m_skip->setAutoDefault(false);
    m_skip->setToolTip(tr("Close without recording; the screening stays to be done"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 14, 16, 12);
    layout->setSpacing(8);
    layout->addWidget(intro);
    layout->addWidget(m_form, 1);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_form, &ScreeningForm::recorded, this, [this](qint64 id) {
        emit recorded(id);
        accept();
    });
    m_form->noToAllButton()->setFocus(Qt::OtherFocusReason);
}

ScreeningDialog *ScreeningDialog::offer(ClinicSession &session, qint64 patientId, const QString &patientName,
                                        QWidget *parent)
{
    auto *dialog = new ScreeningDialog(session, patientId, patientName, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // Every question at once where the screen allows (about 1,000 × 720 px), never past the screen.
    const QRect screen = (parent ? parent->screen() : QGuiApplication::primaryScreen())->availableGeometry();
    const QSize questions = dialog->form()->questionnaireSizeHint();
    dialog->resize(std::min(std::max(questions.width() + 80, 1000), screen.width() - 40),
                   std::min(questions.height() + 200, screen.height() - 60));
    dialog->open();
    return dialog;
}

} // namespace dermdesk::ui
