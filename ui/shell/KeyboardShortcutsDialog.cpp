#include "ui/shell/KeyboardShortcutsDialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace dermdesk::ui {

KeyboardShortcutsDialog::KeyboardShortcutsDialog(const QList<Section> &sections, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("keyboardShortcutsDialog"));
    setWindowTitle(tr("Keyboard Shortcuts"));

    auto *intro = new QLabel(tr("Every key below works in DermDesk now. The schedule's single keys act on the "
                                "appointment selected on the schedule."),
                             this);
    intro->setWordWrap(true);

    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("shortcutList"));
    m_list->setAccessibleName(tr("Keyboard shortcuts"));
    m_list->setColumnCount(2);
    m_list->setHeaderLabels({tr("Keys"), tr("What they do")});
    m_list->setRootIsDecorated(false);
    m_list->setSelectionMode(QAbstractItemView::NoSelection);
    m_list->setFocusPolicy(Qt::StrongFocus);
    QFont bold = m_list->font();
    bold.setBold(true);
    for (const Section &section : sections) {
        QList<QTreeWidgetItem *> items;
        for (const QAction *action : section.actions) {
            if (!action || action->shortcuts().isEmpty() || action->isSeparator())
                continue;
            QStringList keys;
            for (const QKeySequence &key : action->shortcuts())
                keys.append(key.toString(QKeySequence::NativeText));
            auto *item = new QTreeWidgetItem({keys.join(QStringLiteral(", ")), plainText(action)});
            item->setToolTip(1, action->toolTip());
            items.append(item);
        }
        if (items.isEmpty())
            continue;
        auto *heading = new QTreeWidgetItem(m_list, {section.title});
        heading->setFirstColumnSpanned(true);
        heading->setFont(0, bold);
        m_list->addTopLevelItems(items);
    }
    m_list->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_list->header()->setStretchLastSection(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_list, 1);
    layout->addWidget(buttons);
    resize(660, 640);
}

QStringList KeyboardShortcutsDialog::rows() const
{
    QStringList rows;
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *item = m_list->topLevelItem(i);
        rows.append(item->isFirstColumnSpanned() ? item->text(0) : item->text(0) + QLatin1Char('\t') + item->text(1));
    }
    return rows;
}

QString KeyboardShortcutsDialog::plainText(const QAction *action)
{
    QString text = action->text();
    // "&&" is a literal ampersand; a single "&" marks the mnemonic.
    text.replace(QLatin1String("&&"), QStringLiteral("\x01"));
    text.remove(QLatin1Char('&'));
    text.replace(QChar(0x01), QLatin1Char('&'));
    if (text.endsWith(QChar(0x2026)))
        text.chop(1);
    if (text.endsWith(QLatin1String("...")))
        text.chop(3);
    return text.trimmed();
}

} // namespace dermdesk::ui
