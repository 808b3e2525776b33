#include "ui/handouts/HandoutPrinter.h"

#include "common/Translation.h"
#include "education/AppointmentCardComposer.h"
#include "education/DaySheetComposer.h"
#include "education/HandoutLogRepository.h"
#include "session/ClinicSession.h"
#include "ui/handouts/HandoutDialog.h"
#include "ui/print/DocumentPrinter.h"
#include "ui/widgets/Prompter.h"
#include "ui/widgets/SaveLocation.h"

#include <QCoreApplication>
#include <QDir>
#include <QMainWindow>
#include <QPrintDialog>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QRegularExpression>
#include <QStatusBar>

namespace dermdesk::ui {

namespace {

constexpr TranslationContext tr("dermdesk::ui::HandoutPrinter");

QString fileNameFor(const QString &title)
{
    QString name = title;
    name.replace(QRegularExpression(QStringLiteral("[\\\\/:*?\"<>|,]+")), QStringLiteral(" "));
    return name.simplified() + QStringLiteral(".pdf");
}

} // namespace

HandoutPrinter::HandoutPrinter(const ClinicSession &session, Prompter &prompter, QWidget *parent)
    : m_session(session)
    , m_prompter(prompter)
    , m_parent(parent)
{
    m_chooseFile = [](QWidget *owner, const QString &suggestedName) {
        return SaveLocation::ask(owner, tr("Save as PDF"), suggestedName, tr("PDF documents (*.pdf)"));
    };
}

PageSetup HandoutPrinter::pageSetup(const ComposedDocument &document) const
{
    return PageSetup::forClinic(m_session, document);
}

Status HandoutPrinter::log(const ComposedDocument &document, const QString &kind, const QString &how,
                           qint64 appointmentId) const
{
    HandoutRecord record;
    record.patientId = document.patientId;
    record.document = kind;
    record.appointmentId = appointmentId;
    record.output = how;
    record.guideSections = document.guideSections;
    record.guideDate = document.guideDate;
    record.templates = document.templates;
    auto logged = m_session.service<HandoutLogRepository>().record(record);
    if (!logged)
        return logged.error();
    return {};
}

bool HandoutPrinter::output(const ComposedDocument &document, Output output,
                            const std::function<Status(const QString &how)> &log)
{
    const PageSetup setup = pageSetup(document);
    bool done = false;
    QString how = QStringLiteral("print");
    QString path;
    if (output == Output::Pdf) {
        path = m_chooseFile(m_parent, fileNameFor(document.title));
        if (path.isEmpty())
            return false;
        if (Status written = DocumentPrinter::writePdf(document.html, path, setup); !written) {
            m_prompter.showError(m_parent, tr("Save as PDF"), written.error());
            return false;
        }
        done = true;
        how = QStringLiteral("pdf");
    } else {
        QPrinter printer(QPrinter::HighResolution);
        printer.setPageLayout(DocumentPrinter::pageLayout(setup));
        printer.setDocName(document.title);
        if (output == Output::Preview) {
            QPrintPreviewDialog preview(&printer, m_parent);
            preview.setWindowTitle(document.title);
            QObject::connect(&preview, &QPrintPreviewDialog::paintRequested, &preview, [&](QPrinter *target) {
                if (Result<int> painted = DocumentPrinter::paint(document.html, *target, setup); !painted)
                    m_prompter.showError(m_parent, tr("Print"), painted.error());
            });
            done = preview.exec() == QDialog::Accepted;
        } else {
            QPrintDialog dialog(&printer, m_parent);
            if (dialog.exec() == QDialog::Accepted) {
                if (Result<int> painted = DocumentPrinter::paint(document.html, printer, setup); !painted) {
                    m_prompter.showError(m_parent, tr("Print"), painted.error());
                    return false;
                }
                done = true;
            }
        }
    }
    if (done && log) {
        if (Status logged = log(how); !logged)
            m_prompter.showError(m_parent, tr("Logging the printed document"), logged.error());
    }
    if (done) {
        confirm(path.isEmpty() ? tr("Printed %1").arg(document.title)
                               : tr("Saved %1 as %2").arg(document.title, QDir::toNativeSeparators(path)));
    }
    return done;
}

void HandoutPrinter::confirm(const QString &text) const
{
    if (auto *window = m_parent ? qobject_cast<QMainWindow *>(m_parent->window()) : nullptr)
        window->statusBar()->showMessage(text, 15000);
}

void HandoutPrinter::printHandout(qint64 patientId)
{
    HandoutDialog dialog(*this, patientId, m_prompter, m_parent);
    if (dialog.load())
        dialog.exec();
}

void HandoutPrinter::printAppointmentCard(qint64 appointmentId)
{
    auto card = AppointmentCardComposer(m_session.database(), m_session.clock()).compose(appointmentId);
    if (!card) {
        m_prompter.showError(m_parent, tr("Appointment card"), card.error());
        return;
    }
    output(card.value(), Output::Preview, [&](const QString &how) {
        return log(card.value(), QStringLiteral("appointment_card"), how, appointmentId);
    });
}

void HandoutPrinter::printDaySheet(const QDate &date, std::optional<qint64> practitionerId)
{
    auto sheet = DaySheetComposer(m_session.database(), m_session.clock()).compose(date, practitionerId);
    if (!sheet) {
        m_prompter.showError(m_parent, tr("Day sheet"), sheet.error());
        return;
    }
    output(sheet.value(), Output::Preview);
}

} // namespace dermdesk::ui
