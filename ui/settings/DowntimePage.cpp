#include "ui/settings/DowntimePage.h"

#include "session/ClinicSession.h"
#include "treatment/DowntimeRepository.h"
#include "ui/settings/InlineError.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QShortcut>
#include <QTableWidget>
#include <QVBoxLayout>

namespace dermdesk::ui {

namespace {

enum Column {
    DepthColumn,
    MinHoursColumn,
    MaxHoursColumn,
    LabelColumn
};

} // namespace

DowntimePage::DowntimePage(const SettingsContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
{
    setObjectName(QStringLiteral("downtimePage"));
    auto *intro = new QLabel(tr("The downtime a patient should expect after a session, by its deepest needle depth. "
                                "A session falls in the first band whose depth reaches its deepest needle; the "
                                "aftercare handout prints the words in the last column."),
                             this);
    intro->setWordWrap(true);
    m_table = new QTableWidget(0, 4, this);
    m_table->setObjectName(QStringLiteral("downtimeTable"));
    m_table->setHorizontalHeaderLabels(
        {tr("Deepest needle up to (mm)"), tr("Downtime from (hours)"), tr("to (hours)"), tr("Shown as")});
    for (int column : {DepthColumn, MinHoursColumn, MaxHoursColumn})
        m_table->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(LabelColumn, QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_error = new InlineError(this);
    m_add = new QPushButton(tr("&Add Band"), this);
    m_remove = new QPushButton(tr("Re&move Band"), this);
    m_revert = new QPushButton(tr("&Revert"), this);
    m_save = new QPushButton(tr("&Save"), this);
    m_save->setObjectName(QStringLiteral("downtimeSave"));
    for (QPushButton *button : {m_add, m_remove, m_revert, m_save})
        button->setAutoDefault(false);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    buttons->addWidget(m_revert);
    buttons->addWidget(m_save);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(intro);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_error);
    layout->addLayout(buttons);

    connect(m_table, &QTableWidget::itemChanged, this, [this] {
        if (!m_loading)
            setDirty(true);
    });
    connect(m_add, &QPushButton::clicked, this, [this] {
        addRow(3.0, 0, 0, QString());
        setDirty(true);
        m_table->setCurrentCell(m_table->rowCount() - 1, LabelColumn);
        m_table->editItem(m_table->item(m_table->rowCount() - 1, LabelColumn));
    });
    connect(m_remove, &QPushButton::clicked, this, [this] {
        if (m_table->currentRow() >= 0) {
            m_table->removeRow(m_table->currentRow());
            setDirty(true);
        }
    });
    connect(m_revert, &QPushButton::clicked, this, &DowntimePage::reload);
    connect(m_save, &QPushButton::clicked, this, &DowntimePage::save);
    auto *saveShortcut = new QShortcut(QKeySequence::Save, this);
    saveShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(saveShortcut, &QShortcut::activated, this, &DowntimePage::save);
    // A table saved elsewhere shows at once, unless this one has unsaved edits.
    connect(&m_context.session, &ClinicSession::changed, this, [this](const ChangeSet &changes) {
        if (!changes.touchesSetup())
            return;
        if (!m_dirty)
            reload();
        else
            refuseIfChangedElsewhere();
    });
    reload();
}

void DowntimePage::addRow(double maxDepthMm, int minHours, int maxHours, const QString &label)
{
    const bool loading = m_loading;
    m_loading = true;
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    const auto number = [](const QVariant &value) {
        auto *item = new QTableWidgetItem;
        item->setData(Qt::EditRole, value);
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        return item;
    };
    m_table->setItem(row, DepthColumn, number(maxDepthMm));
    m_table->setItem(row, MinHoursColumn, number(minHours));
    m_table->setItem(row, MaxHoursColumn, number(maxHours));
    m_table->setItem(row, LabelColumn, new QTableWidgetItem(label));
    m_loading = loading;
}

void DowntimePage::reload()
{
    m_loading = true;
    m_table->setRowCount(0);
    m_error->clearError();
    m_loaded.clear();
    if (auto table = m_context.session.service<DowntimeRepository>().load()) {
        m_loaded = table.value().bands();
        for (const DowntimeBand &band : table.value().bands())
            addRow(band.maxDepthMm, band.minHours, band.maxHours, band.label);
    } else {
        m_error->showError(tr("Downtime"), table.error());
    }
    m_loading = false;
    setDirty(false);
}

bool DowntimePage::refuseIfChangedElsewhere()
{
    const auto stored = m_context.session.service<DowntimeRepository>().load();
    if (!stored || stored.value().bands() == m_loaded)
        return false;
    m_error
        ->showError(tr("Downtime"),
                    Error::rule(QStringLiteral("settings.changed_elsewhere"),
                                tr("The table was saved in another window (or by dermdesk-cli) while you were "
                                   "editing it. Revert to see what was saved there, then make your changes again.")));
    return true;
}

bool DowntimePage::save()
{
    if (refuseIfChangedElsewhere())
        return false;
    QList<DowntimeBand> bands;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        DowntimeBand band;
        band.maxDepthMm = m_table->item(row, DepthColumn)->data(Qt::EditRole).toDouble();
        band.minHours = m_table->item(row, MinHoursColumn)->data(Qt::EditRole).toInt();
        band.maxHours = m_table->item(row, MaxHoursColumn)->data(Qt::EditRole).toInt();
        band.label = m_table->item(row, LabelColumn)->text().trimmed();
        bands.append(band);
    }
    if (Status saved = m_context.session.service<DowntimeRepository>().save(DowntimeTable(bands)); !saved) {
        m_error->showError(tr("Downtime"), saved.error());
        return false;
    }
    reload();
    emit saved();
    return true;
}

QString DowntimePage::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void DowntimePage::setDirty(bool dirty)
{
    m_dirty = dirty;
    m_save->setEnabled(dirty);
    m_revert->setEnabled(dirty);
}

} // namespace dermdesk::ui
