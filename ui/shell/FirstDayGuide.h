#pragma once

#include <QDialog>

class QAction;
class QTextBrowser;

namespace dermdesk::ui {

// Help ▸ First Day at the Desk: a short guide for a new receptionist (booking, finding a patient, checking in,
// printing). The keys it names are read from the window's actions, so the guide says what the keys do today.
class FirstDayGuide : public QDialog
{
    Q_OBJECT

public:
    // The window's actions the guide names; any may be null (its key is then left out).
    struct Actions
    {
        const QAction *book = nullptr;
        const QAction *findSlot = nullptr;
        const QAction *findPatient = nullptr;
        const QAction *today = nullptr;
        const QAction *waitlist = nullptr;
        const QAction *practitionerDay = nullptr;
        const QAction *daySheet = nullptr;
        const QAction *card = nullptr;
        const QAction *handout = nullptr;
        const QAction *undo = nullptr;
        const QAction *shortcuts = nullptr;
    };

    explicit FirstDayGuide(const Actions &actions, QWidget *parent = nullptr);

    [[nodiscard]] QTextBrowser *browser() const { return m_browser; }

private:
    QTextBrowser *m_browser = nullptr;
};

} // namespace dermdesk::ui
