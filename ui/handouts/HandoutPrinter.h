#pragma once

#include "common/Clock.h"
#include "common/Result.h"
#include "education/ComposedDocument.h"

#include <QDate>
#include <QString>

#include <functional>
#include <optional>

class QWidget;

namespace dermdesk {
class ClinicSession;
class Database;
struct PageSetup;
} // namespace dermdesk

namespace dermdesk::ui {

class Prompter;

// Prints the patient documents from the desk: the handout (after choosing what it holds), an
// appointment card and a day sheet, each through a print preview, a printer or a PDF file. Every handout
// and card that is printed or saved is logged (HandoutLogRepository). Errors go through the Prompter.
// The session and the Prompter must outlive the printer; `parent` owns the dialogs.
class HandoutPrinter
{
public:
    HandoutPrinter(const ClinicSession &session, Prompter &prompter, QWidget *parent);

    // Opens the handout dialog for the patient (guide sections, plan, pre-care, aftercare, other documents;
    // Preview, Print, Save as PDF).
    void printHandout(qint64 patientId);
    // Composes the appointment's card (a card per booked session of a course) and shows the print preview.
    void printAppointmentCard(qint64 appointmentId);
    // Composes the day sheet of local `date` (one practitioner's or all) and shows the print preview.
    void printDaySheet(const QDate &date, std::optional<qint64> practitionerId = std::nullopt);

    enum class Output {
        Preview, // QPrintPreviewDialog; printing from it counts as printed
        Print,   // QPrintDialog, then the printer
        Pdf      // a file the file chooser names
    };
    // Sends `document` to `output`; when it was printed or saved, runs `log` with "print" or "pdf", and says
    // so in the status bar of `parent`'s main window ("Printed …", "Saved … as /path/file.pdf").
    // Returns false when the person cancelled or an error was shown.
    bool output(const ComposedDocument &document, Output output,
                const std::function<Status(const QString &how)> &log = {});

    // Where "Save as PDF" writes: asked with a file dialog opened at SaveLocation's proposal; tests set their own
    // (empty = cancelled).
    using FileChooser = std::function<QString(QWidget *parent, const QString &suggestedName)>;
    void setFileChooser(FileChooser chooser) { m_chooseFile = std::move(chooser); }

    // The clinic's paper (Clinic Settings), the document's orientation and title.
    [[nodiscard]] PageSetup pageSetup(const ComposedDocument &document) const;
    // Logs a printed handout or card of `document` (kind "handout" or "appointment_card").
    [[nodiscard]] Status log(const ComposedDocument &document, const QString &kind, const QString &how,
                             qint64 appointmentId = 0) const;

    [[nodiscard]] const ClinicSession &session() const { return m_session; }
    [[nodiscard]] QWidget *parent() const { return m_parent; }

private:
    void confirm(const QString &text) const;

    const ClinicSession &m_session;
    Prompter &m_prompter;
    QWidget *m_parent = nullptr;
    FileChooser m_chooseFile;
};

} // namespace dermdesk::ui
