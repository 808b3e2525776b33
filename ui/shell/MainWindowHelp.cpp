#include "ui/frontdesk/FrontDesk.h"
#include "ui/handouts/EducationArea.h"
#include "ui/patientfile/PatientsArea.h"
#include "ui/plans/PlansArea.h"
#include "ui/schedule/ScheduleArea.h"
#include "ui/schedule/ScheduleView.h"
#include "ui/shell/FirstDayGuide.h"
#include "ui/shell/KeyboardShortcutsDialog.h"
#include "ui/shell/MainWindow.h"

#include <QAbstractButton>
#include <QAction>
#include <QDockWidget>
#include <QMenu>
#include <QMenuBar>
#include <QSet>
#include <QShortcut>

// The Help menu's windows: the keyboard shortcuts, read from the actions, and the first-day guide.
// (The window itself is in MainWindow.cpp, its actions and menus in MainWindowActions.cpp.)

namespace dermdesk::ui {

namespace {

void collectMenu(const QMenu *menu, QList<QAction *> &into)
{
    for (QAction *action : menu->actions()) {
        if (action->menu())
            collectMenu(action->menu(), into);
        else
            into.append(action);
    }
}

// The keys inside `widget` (an area or a panel) that no menu has listed yet: its actions, and its buttons' and
// described shortcuts' keys as actions made for the list (owned by `holder`).
QList<QAction *> keysWithin(const QWidget *widget, QSet<const QAction *> &listed, QObject *holder)
{
    QList<QAction *> found;
    if (!widget)
        return found;
    for (QAction *action : widget->findChildren<QAction *>()) {
        if (action->shortcuts().isEmpty() || listed.contains(action) || action->menu())
            continue;
        listed.insert(action);
        found.append(action);
    }
    const auto standIn = [&found, holder](const QString &text, const QKeySequence &key) {
        auto *action = new QAction(text, holder);
        action->setShortcut(key);
        found.append(action);
    };
    for (const QAbstractButton *button : widget->findChildren<QAbstractButton *>()) {
        // (A button's Alt+letter from its text is shown on the button itself.)
        if (!button->shortcut().isEmpty() && button->shortcut() != QKeySequence::mnemonic(button->text()))
            standIn(button->text().isEmpty() ? button->toolTip() : button->text(), button->shortcut());
    }
    for (const QShortcut *shortcut : widget->findChildren<QShortcut *>()) {
        if (!shortcut->key().isEmpty() && !shortcut->whatsThis().isEmpty())
            standIn(shortcut->whatsThis(), shortcut->key());
    }
    return found;
}

} // namespace

void MainWindow::showKeyboardShortcuts()
{
    // Every area's keys, also of the areas not opened yet.
    for (const Area area : {Area::Schedule, Area::Patients, Area::Plans, Area::Education})
        ensureArea(area);
    QObject holder;
    QList<KeyboardShortcutsDialog::Section> sections;
    QSet<const QAction *> listed;
    for (QAction *top : menuBar()->actions()) {
        if (!top->menu())
            continue;
        KeyboardShortcutsDialog::Section section{KeyboardShortcutsDialog::plainText(top), {}};
        collectMenu(top->menu(), section.actions);
        for (const QAction *action : std::as_const(section.actions))
            listed.insert(action);
        sections.append(section);
    }
    std::unique_ptr<QMenu> legend;
    if (m_schedule) {
        legend = m_schedule->scheduleView()->keyLegend();
        sections.append({tr("On the schedule"), legend->actions()});
        sections.append({tr("Schedule area"), keysWithin(m_schedule, listed, &holder)});
    }
    if (m_frontDesk) {
        for (const QDockWidget *dock : {m_frontDesk->waitlistDock(), m_frontDesk->practitionerDayDock()}) {
            if (dock)
                sections.append({dock->windowTitle(), keysWithin(dock, listed, &holder)});
        }
    }
    sections.append({tr("Patients"), keysWithin(m_patients, listed, &holder)});
    sections.append({tr("Treatment plans"), keysWithin(m_plans, listed, &holder)});
    sections.append({tr("Education"), keysWithin(m_education, listed, &holder)});

    auto *dialog = new KeyboardShortcutsDialog(sections, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::showFirstDayGuide()
{
    FirstDayGuide::Actions actions;
    actions.book = m_bookAction;
    actions.findSlot = m_findSlotAction;
    actions.findPatient = m_findAction;
    actions.today = m_todayAction;
    actions.waitlist = m_waitlistAction;
    actions.practitionerDay = m_practitionerDayAction;
    actions.daySheet = m_daySheetAction;
    actions.card = m_cardAction;
    actions.handout = m_handoutAction;
    actions.undo = m_undoAction;
    actions.shortcuts = m_shortcutsAction;
    auto *guide = new FirstDayGuide(actions, this);
    guide->setAttribute(Qt::WA_DeleteOnClose);
    guide->open();
}

} // namespace dermdesk::ui
