#include "ui/shell/FirstDayGuide.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace dermdesk::ui {

namespace {

// " (Ctrl+N)" for an action with a shortcut, "" otherwise.
QString keyOf(const QAction *action)
{
    if (!action || action->shortcut().isEmpty())
        return {};
    return QStringLiteral(" (<b>%1</b>)").arg(action->shortcut().toString(QKeySequence::NativeText).toHtmlEscaped());
}

} // namespace

FirstDayGuide::FirstDayGuide(const Actions &a, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("firstDayGuide"));
    setWindowTitle(tr("First Day at the Desk"));

    const QString html =
        tr("<h2>First day at the desk</h2>"
           "<p>The schedule opens on today, one column per practitioner. White time is open; grey, hatched time "
           "is closed or the practitioner is not working, and nothing can be booked or moved there. "
           "Go to today%1, and to the previous or next day with <b>Page Up</b> and "
           "<b>Page Down</b>.</p>"
           "<h3>Booking an appointment</h3>"
           "<p>Click an empty slot in the practitioner's column and press <b>Enter</b>, or choose Book "
           "Appointment%2. Pick the patient, the type and the time; the form says at once when a rule refuses "
           "the time, and why. To find the next free times for a type, use Find a Slot%3. A patient who "
           "cannot come now can go on the waitlist%4: when time is freed, the waitlist offers it.</p>"
           "<h3>Finding a patient</h3>"
           "<p>Find Patient%5 searches by any part of the name, the phone digits, the birth date or the "
           "e-mail. Press <b>Down</b> and <b>Enter</b> to open the patient's page.</p>"
           "<h3>When the patient arrives</h3>"
           "<p>Select the appointment on the schedule and press <b>I</b> to check the patient in. "
           "<b>C</b> confirms, <b>S</b> starts the treatment, <b>M</b> completes it and <b>N</b> marks a "
           "no-show; <b>Del</b> cancels and asks the reason. A key that does not apply says why in the status "
           "bar, and checking in an appointment of another day asks first. Every change can be taken back "
           "with Edit &#9656; Undo%6, which names what it will undo.</p>"
           "<h3>Printing</h3>"
           "<p>Print Day Sheet%7 prints the day shown; Print Appointment Card%8 prints a card for the selected "
           "appointment; Print Handout%9 prints the clinic's guide for the patient whose page is open. Each "
           "offers a preview and a PDF. A practitioner's own day is in Practitioner's Day%10; printing from "
           "there prints her day only.</p>"
           "<p>All the keys are listed in Help &#9656; Keyboard Shortcuts%11.</p>")
            .arg(keyOf(a.today), keyOf(a.book), keyOf(a.findSlot), keyOf(a.waitlist), keyOf(a.findPatient),
                 keyOf(a.undo), keyOf(a.daySheet), keyOf(a.card), keyOf(a.handout))
            .arg(keyOf(a.practitionerDay), keyOf(a.shortcuts));

    m_browser = new QTextBrowser(this);
    m_browser->setObjectName(QStringLiteral("firstDayText"));
    m_browser->setOpenLinks(false);
    m_browser->setHtml(html);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_browser, 1);
    layout->addWidget(buttons);
    resize(600, 640);
}

} // namespace dermdesk::ui
