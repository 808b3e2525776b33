#include "ui/settings/ItemListPage.h"

#include "session/ClinicSession.h"
#include "ui/widgets/Icons.h"
#include "ui/widgets/Prompter.h"
#include "ui/widgets/Theme.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>

namespace dermdesk::ui {

ItemListPage::ItemListPage(const SettingsContext &context, const QString &addText, QString newHeading, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_newHeading(std::move(newHeading))
    , m_inactiveHint(tr("Inactive: kept with its history, not offered for new bookings."))
{
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("itemList"));
    m_list->setIconSize(QSize(18, 18));
    m_list->setFixedWidth(250);
    m_list->setTextElideMode(Qt::ElideRight);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_add = new QPushButton(addText, this);
    m_add->setObjectName(QStringLiteral("addButton"));

    m_heading = new QLabel(this);
    m_heading->setObjectName(QStringLiteral("editorHeading"));
    QFont headingFont = m_heading->font();
    headingFont.setBold(true);
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.15);
    m_heading->setFont(headingFont);

    m_error = new InlineError(this);
    m_save = new QPushButton(tr("&Save"), this);
    m_save->setObjectName(QStringLiteral("saveButton"));
    m_save->setShortcut(QKeySequence::Save);
    m_save->setToolTip(tr("Save this item now (%1)").arg(QKeySequence(QKeySequence::Save).toString()));
    m_revert = new QPushButton(tr("&Revert"), this);
    m_revert->setObjectName(QStringLiteral("revertButton"));

    m_left = new QVBoxLayout;
    m_left->addWidget(m_list, 1);
    m_left->addWidget(m_add);

    m_editorLayout = new QVBoxLayout;
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_revert);
    buttons->addWidget(m_save);

    auto *right = new QVBoxLayout;
    right->addWidget(m_heading);
    right->addLayout(m_editorLayout);
    right->addWidget(m_error);
    right->addStretch();
    right->addLayout(buttons);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(m_left);
    layout->addSpacing(8);
    layout->addLayout(right, 1);

    connect(m_list, &QListWidget::currentRowChanged, this, &ItemListPage::currentRowChanged);
    connect(m_add, &QPushButton::clicked, this, &ItemListPage::addNew);
    connect(m_save, &QPushButton::clicked, this, &ItemListPage::save);
    connect(m_revert, &QPushButton::clicked, this, &ItemListPage::revert);
    // What was saved on another page, in another window or by dermdesk-cli shows at once; an item with unsaved edits
    // keeps them.
    connect(&m_context.session, &ClinicSession::changed, this, [this](const ChangeSet &changes) {
        if (!changes.touchesSetup())
            return;
        if (!m_dirty)
            reload(m_editingId);
        else
            refuseIfChangedElsewhere();
    });
    setDirty(false);
}

void ItemListPage::setEditor(QWidget *editor)
{
    // As tall as its rows, the free space goes below the error message.
    editor->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    m_editorLayout->addWidget(editor);
}

void ItemListPage::enableReordering()
{
    m_up = new QPushButton(tr("Move &Up"), this);
    m_up->setObjectName(QStringLiteral("moveUpButton"));
    m_up->setToolTip(tr("Earlier in the lists the forms offer"));
    m_down = new QPushButton(tr("Move Do&wn"), this);
    m_down->setObjectName(QStringLiteral("moveDownButton"));
    m_down->setToolTip(tr("Later in the lists the forms offer"));
    auto *moves = new QHBoxLayout;
    moves->addWidget(m_up);
    moves->addWidget(m_down);
    m_left->insertLayout(1, moves);
    connect(m_up, &QPushButton::clicked, this, [this] { move(-1); });
    connect(m_down, &QPushButton::clicked, this, [this] { move(1); });
    updateMoveButtons();
}

Status ItemListPage::moveItem(qint64, int)
{
    return {};
}

bool ItemListPage::changedElsewhere(qint64) const
{
    return false;
}

bool ItemListPage::refuseIfChangedElsewhere()
{
    if (m_editingId == 0 || !changedElsewhere(m_editingId))
        return false;
    m_error->showError(QString(), Error::rule(QStringLiteral("settings.changed_elsewhere"),
                                              tr("%1 was saved in another window (or by dermdesk-cli) while you were "
                                                 "editing it. Revert to see what was saved there, then make your "
                                                 "changes again.")
                                                  .arg(m_heading->text())));
    return true;
}

bool ItemListPage::move(int delta)
{
    const qint64 id = currentId();
    if (id == 0 || !m_up || !confirmDiscard())
        return false;
    if (const Status moved = moveItem(id, delta); !moved) {
        showError(moved.error());
        return false;
    }
    reload(id);
    emit saved();
    return true;
}

void ItemListPage::updateMoveButtons()
{
    if (!m_up)
        return;
    m_up->setEnabled(m_row > 0);
    m_down->setEnabled(m_row >= 0 && m_row + 1 < m_entries.size());
}

void ItemListPage::reload(qint64 selectId)
{
    auto entries = loadEntries();
    if (!entries) {
        showError(entries.error());
        return;
    }
    m_entries = entries.value();
    int row = m_entries.isEmpty() ? -1 : 0;
    m_loading = true;
    m_list->clear();
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        const Entry &entry = m_entries.at(i);
        QColor colour(entry.colour);
        if (!entry.active)
            colour = QColor::fromHsv(colour.hsvHue(), colour.hsvSaturation() / 5, 200);
        auto *item = new QListWidgetItem(entry.active ? entry.text : tr("%1 (inactive)").arg(entry.text), m_list);
        if (!entry.colour.isEmpty())
            item->setIcon(icons::swatch(colour));
        item->setData(Qt::UserRole, entry.id);
        item->setToolTip(entry.text);
        item->setSizeHint(QSize(0, qMax(m_list->iconSize().height(), m_list->fontMetrics().height()) + 8));
        if (!entry.active) {
            item->setForeground(QColor(theme::mutedText));
            item->setToolTip(m_inactiveHint);
        }
        if (entry.id == selectId)
            row = int(i);
    }
    m_list->setCurrentRow(row);
    m_loading = false;
    m_row = row;
    showCurrent();
}

qint64 ItemListPage::currentId() const
{
    return m_row >= 0 && m_row < m_entries.size() ? m_entries.at(m_row).id : 0;
}

void ItemListPage::currentRowChanged(int row)
{
    if (m_loading || row == m_row)
        return;
    if (!confirmDiscard()) {
        const QSignalBlocker blocker(m_list);
        m_list->setCurrentRow(m_row);
        return;
    }
    m_row = row;
    showCurrent();
}

void ItemListPage::showCurrent()
{
    m_editingId = currentId();
    m_loading = true;
    showItem(m_editingId);
    m_loading = false;
    m_heading->setText(m_editingId != 0 ? m_list->item(m_row)->text() : m_newHeading);
    m_error->clearError();
    setDirty(false);
    updateMoveButtons();
}

void ItemListPage::addNew()
{
    if (!confirmDiscard())
        return;
    {
        const QSignalBlocker blocker(m_list);
        m_list->setCurrentRow(-1);
    }
    m_row = -1;
    showCurrent();
    setDirty(true);
    if (QWidget *first = fieldWidget(QString()))
        first->setFocus();
}

bool ItemListPage::select(const QString &name)
{
    for (int row = 0; row < m_list->count(); ++row) {
        if (m_list->item(row)->text().startsWith(name)) {
            m_list->setCurrentRow(row);
            return m_row == row;
        }
    }
    return false;
}

bool ItemListPage::save()
{
    if (refuseIfChangedElsewhere())
        return false;
    const auto id = saveItem(m_editingId);
    if (!id) {
        showError(id.error());
        return false;
    }
    setDirty(false);
    reload(id.value());
    emit saved();
    return true;
}

void ItemListPage::revert()
{
    setDirty(false);
    reload(m_editingId);
}

bool ItemListPage::confirmDiscard()
{
    if (!m_dirty)
        return true;
    const bool drop = m_context.prompter.confirm(this, tr("Unsaved Changes"),
                                                 tr("Drop the unsaved changes to %1?").arg(m_heading->text()));
    if (drop)
        setDirty(false);
    return drop;
}

void ItemListPage::markDirty()
{
    if (!m_loading)
        setDirty(true);
}

void ItemListPage::setDirty(bool dirty)
{
    m_dirty = dirty;
    m_save->setEnabled(dirty);
    m_revert->setEnabled(dirty);
}

void ItemListPage::showError(const Error &error)
{
    m_error->showError(fieldLabel(error.field()), error);
    if (QWidget *widget = fieldWidget(error.field()))
        widget->setFocus();
}

QString ItemListPage::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

} // namespace dermdesk::ui
