#include "ui/settings/BlockoutsPage.h"

#include "calendar/BlockoutRepository.h"
#include "calendar/ClinicTime.h"
#include "clinic/ClinicRepository.h"
#include "common/TimeFormat.h"
#include "session/ClinicSession.h"
#include "ui/widgets/DateField.h"
#include "ui/widgets/Prompter.h"
#include "ui/widgets/Theme.h"
#include "ui/widgets/TimeField.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTimeEdit>
#include <QTreeWidget>

namespace dermdesk::ui {

namespace {

enum Column {
    WhenColumn,
    RepeatColumn,
    ScopeColumn,
    ReasonColumn,
    ColumnCount
};

int minuteOf(const QTime &time)
{
    return time.hour() * 60 + time.minute();
}

QString dayAndDate(const QDate &date)
{
    return BlockoutsPage::tr("%1 %2").arg(QLocale().dayName(date.dayOfWeek(), QLocale::ShortFormat),
                                          shortDateText(date));
}

} // namespace

BlockoutsPage::BlockoutsPage(const SettingsContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_zone(QTimeZone::utc())
{
    setObjectName(QStringLiteral("blockoutsPage"));
    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("blockoutList"));
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAlternatingRowColors(true);
    m_list->setColumnCount(ColumnCount);
    m_list->setHeaderLabels({tr("When"), tr("Repeats"), tr("Applies to"), tr("Reason")});
    m_list->header()->setStretchLastSection(true);
    m_showPast = new QCheckBox(tr("Show &past ones"), this);
    m_showPast->setObjectName(QStringLiteral("showPast"));
    m_remove = new QPushButton(tr("Re&move…"), this);
    m_remove->setObjectName(QStringLiteral("removeButton"));
    m_remove->setEnabled(false);

    auto *listButtons = new QHBoxLayout;
    listButtons->addWidget(m_showPast);
    listButtons->addStretch();
    listButtons->addWidget(m_remove);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_list, 1);
    layout->addLayout(listButtons);
    layout->addSpacing(6);
    layout->addWidget(createForm());

    connect(m_showPast, &QCheckBox::toggled, this, &BlockoutsPage::reload);
    connect(m_remove, &QPushButton::clicked, this, &BlockoutsPage::removeSelected);
    connect(m_list, &QTreeWidget::currentItemChanged, this,
            [this](QTreeWidgetItem *current) { m_remove->setEnabled(current != nullptr); });
    reload();
}

QWidget *BlockoutsPage::createForm()
{
    auto *box = new QGroupBox(tr("New closure or blockout"), this);
    m_scope = new QComboBox(box);
    m_scope->setObjectName(QStringLiteral("blockoutScope"));
    m_fromDate = new DateField(box);
    m_fromDate->setObjectName(QStringLiteral("blockoutFromDate"));
    m_fromTime = new TimeField(QTime(12, 0), box);
    m_fromTime->setObjectName(QStringLiteral("blockoutFromTime"));
    m_toDate = new DateField(box);
    m_toDate->setObjectName(QStringLiteral("blockoutToDate"));
    m_toTime = new TimeField(QTime(13, 0), box);
    m_toTime->setObjectName(QStringLiteral("blockoutToTime"));
    for (QTimeEdit *edit : {m_fromTime, m_toTime})
        edit->setDisplayFormat(QStringLiteral("HH:mm"));
    m_repeat = new QComboBox(box);
    m_repeat->setObjectName(QStringLiteral("blockoutRepeat"));
    m_repeat->addItem(tr("Once"), false);
    m_repeat->addItem(tr("Every week"), true);
    m_until = new QCheckBox(tr("&until"), box);
    m_until->setObjectName(QStringLiteral("blockoutUntil"));
    m_untilDate = new DateField(box);
    m_untilDate->setObjectName(QStringLiteral("blockoutUntilDate"));
    m_fromDate->setAccessibleName(tr("From date"));
    m_toDate->setAccessibleName(tr("To date"));
    m_untilDate->setAccessibleName(tr("Until date"));
    m_reason = new QComboBox(box);
    m_reason->setObjectName(QStringLiteral("blockoutReason"));
    m_reason->setEditable(true);
    m_reason->setInsertPolicy(QComboBox::NoInsert);
    m_reason->addItems({tr("Lunch"), tr("Holiday"), tr("Training"), tr("Clinic closed"), tr("Maintenance")});
    m_reason->setCurrentIndex(-1);
    m_reason->lineEdit()->setPlaceholderText(tr("Lunch, holiday, training, …"));
    m_add = new QPushButton(tr("A&dd"), box);
    m_add->setObjectName(QStringLiteral("addBlockoutButton"));
    m_error = new InlineError(box);

    auto *from = new QHBoxLayout;
    from->addWidget(m_fromDate);
    from->addWidget(m_fromTime);
    from->addStretch();
    auto *to = new QHBoxLayout;
    to->addWidget(m_toDate);
    to->addWidget(m_toTime);
    to->addStretch();
    auto *repeat = new QHBoxLayout;
    repeat->addWidget(m_repeat);
    repeat->addWidget(m_until);
    repeat->addWidget(m_untilDate);
    repeat->addStretch();
    auto *reason = new QHBoxLayout;
    m_reason->setMinimumWidth(m_reason->fontMetrics().horizontalAdvance(QLatin1Char('M')) * 24);
    reason->addWidget(m_reason);
    reason->addWidget(m_add);
    reason->addStretch();

    auto *form = new QFormLayout(box);
    // Rows made of several widgets: the label's mnemonic goes to the first of them.
    const auto addRow = [box, form](const QString &text, QWidget *buddy, QLayout *fields) {
        auto *label = new QLabel(text, box);
        label->setBuddy(buddy);
        form->addRow(label, fields);
    };
    form->addRow(tr("&Applies to:"), m_scope);
    addRow(tr("&From:"), m_fromDate, from);
    addRow(tr("&To:"), m_toDate, to);
    addRow(tr("&Repeats:"), m_repeat, repeat);
    addRow(tr("R&eason:"), m_reason, reason);
    form->addRow(m_error);
    m_scope->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    m_scope->setSizeAdjustPolicy(QComboBox::AdjustToContents);

    connect(m_repeat, &QComboBox::currentIndexChanged, this, &BlockoutsPage::updateFormEnabled);
    connect(m_until, &QCheckBox::toggled, this, &BlockoutsPage::updateFormEnabled);
    connect(m_fromDate, &DateField::dateChanged, this, [this](QDate date) {
        if (date.isValid() && (!m_toDate->date().isValid() || m_toDate->date() < date))
            m_toDate->setDate(date);
    });
    connect(m_add, &QPushButton::clicked, this, &BlockoutsPage::add);
    // Blockouts, practitioners, rooms and the zone saved here or elsewhere show at once; the form keeps what was typed.
    connect(&m_context.session, &ClinicSession::changed, this, [this](const ChangeSet &changes) {
        if (changes.touchesSetup() || changes.blockouts)
            reload();
    });
    connect(m_reason->lineEdit(), &QLineEdit::returnPressed, this, &BlockoutsPage::add);
    updateFormEnabled();
    return box;
}

void BlockoutsPage::updateFormEnabled()
{
    const bool weekly = m_repeat->currentData().toBool();
    m_until->setEnabled(weekly);
    m_untilDate->setEnabled(weekly && m_until->isChecked());
}

void BlockoutsPage::reload()
{
    const ClinicRepository &clinic = m_context.session.service<ClinicRepository>();
    m_zone = clinic.timeZone();
    const ClinicTime time(m_zone);
    const qint64 now = m_context.session.clock().now().toSecsSinceEpoch();
    const auto practitioners = clinic.practitioners(true);
    const auto rooms = clinic.rooms(true);
    const auto blockouts = m_context.session.service<BlockoutRepository>().all(now, time, m_showPast->isChecked());
    const Status loaded = !practitioners ? Status(practitioners.error())
                          : !rooms       ? Status(rooms.error())
                          : !blockouts   ? Status(blockouts.error())
                                         : Status();
    if (!loaded) {
        showError(loaded.error());
        return;
    }

    const QString previousScope = m_scope->currentText();
    m_scope->clear();
    m_scope->addItem(tr("Whole clinic"));
    m_practitionerNames.clear();
    m_roomNames.clear();
    for (const Practitioner &p : practitioners.value()) {
        m_practitionerNames.insert(p.id, p.displayName);
        if (p.active)
            m_scope->addItem(p.displayName, QVariantList{QStringLiteral("practitioner"), p.id});
    }
    for (const Room &room : rooms.value()) {
        m_roomNames.insert(room.id, room.name);
        if (room.active)
            m_scope->addItem(tr("Room: %1").arg(room.name), QVariantList{QStringLiteral("room"), room.id});
    }
    m_scope->setCurrentIndex(qMax(0, m_scope->findText(previousScope)));
    if (!m_formDated) {
        m_formDated = true;
        const QDate today = time.localDate(now);
        m_fromDate->setDate(today);
        m_toDate->setDate(today);
        m_untilDate->setDate(today.addMonths(3));
    }

    m_list->clear();
    for (const Blockout &b : blockouts.value()) {
        auto *item = new QTreeWidgetItem(m_list, {whenText(b), repeatText(b), scopeText(b), b.reason});
        item->setData(WhenColumn, Qt::UserRole, b.id);
        item->setToolTip(ReasonColumn, b.reason);
        const bool over = b.weekly ? b.repeatUntil.isValid() && b.repeatUntil < time.localDate(now) : b.endsAt <= now;
        if (over) {
            for (int column = 0; column < ColumnCount; ++column)
                item->setForeground(column, QColor(theme::mutedText));
        }
    }
    for (int column = 0; column < ReasonColumn; ++column)
        m_list->resizeColumnToContents(column);
    m_remove->setEnabled(m_list->currentItem() != nullptr);
}

QString BlockoutsPage::scopeText(const Blockout &blockout) const
{
    if (blockout.practitionerId)
        return m_practitionerNames.value(*blockout.practitionerId, tr("Practitioner %1").arg(*blockout.practitionerId));
    if (blockout.roomId)
        return tr("Room: %1").arg(m_roomNames.value(*blockout.roomId, QString::number(*blockout.roomId)));
    return tr("Whole clinic");
}

QString BlockoutsPage::whenText(const Blockout &blockout) const
{
    const ClinicTime time(m_zone);
    const QDateTime from = time.toLocal(blockout.startsAt);
    const QDateTime to = time.toLocal(blockout.endsAt);
    const QString span = clockSpanText(from.time(), to.time());
    if (blockout.weekly && from.date() == to.date())
        return tr("Every %1, %2").arg(QLocale().dayName(from.date().dayOfWeek()), span);
    if (from.date() == to.date())
        return tr("%1, %2").arg(dayAndDate(from.date()), span);
    // A whole-day closure ends at midnight: show its last day rather than 00:00 the day after.
    if (from.time() == QTime(0, 0) && to.time() == QTime(0, 0)) {
        const QDate last = to.date().addDays(-1);
        return last == from.date() ? tr("%1, all day").arg(dayAndDate(from.date()))
                                   : tr("%1 – %2, all day").arg(dayAndDate(from.date()), dayAndDate(last));
    }
    return tr("%1 %2 – %3 %4")
        .arg(dayAndDate(from.date()), clockTimeText(from.time()), dayAndDate(to.date()), clockTimeText(to.time()));
}

QString BlockoutsPage::repeatText(const Blockout &blockout) const
{
    if (!blockout.weekly)
        return tr("Once");
    const QDate first = ClinicTime(m_zone).localDate(blockout.startsAt);
    return blockout.repeatUntil.isValid()
               ? tr("Weekly, %1 to %2").arg(shortDateText(first), shortDateText(blockout.repeatUntil))
               : tr("Weekly from %1").arg(shortDateText(first));
}

bool BlockoutsPage::setScope(const QString &text)
{
    const int index = m_scope->findText(text);
    if (index >= 0)
        m_scope->setCurrentIndex(index);
    return index >= 0;
}

bool BlockoutsPage::add()
{
    const ClinicTime time(m_zone);
    Blockout blockout;
    const QVariantList scope = m_scope->currentData().toList();
    if (scope.size() == 2 && scope.at(0).toString() == QLatin1String("practitioner")) {
        blockout.practitionerId = scope.at(1).toLongLong();
    } else if (scope.size() == 2) {
        blockout.roomId = scope.at(1).toLongLong();
    }
    const auto dateMissing = [this](DateField *field, const QString &name) {
        return Error::invalidInput(name, tr("Type the date as %1.").arg(field->placeholderText()));
    };
    if (!m_fromDate->date().isValid()) {
        showError(dateMissing(m_fromDate, QStringLiteral("start_date")));
        return false;
    }
    if (!m_toDate->date().isValid()) {
        showError(dateMissing(m_toDate, QStringLiteral("end_date")));
        return false;
    }
    const bool weekly = m_repeat->currentData().toBool();
    if (weekly && m_until->isChecked() && !m_untilDate->date().isValid()) {
        showError(dateMissing(m_untilDate, QStringLiteral("repeat_until")));
        return false;
    }
    const auto from = time.toUtc(m_fromDate->date(), minuteOf(m_fromTime->time()), QStringLiteral("start"));
    if (!from) {
        showError(from.error());
        return false;
    }
    const auto to = time.toUtc(m_toDate->date(), minuteOf(m_toTime->time()), QStringLiteral("end"));
    if (!to) {
        showError(to.error());
        return false;
    }
    blockout.startsAt = from.value();
    blockout.endsAt = to.value();
    blockout.weekly = weekly;
    if (blockout.weekly && m_until->isChecked())
        blockout.repeatUntil = m_untilDate->date();
    blockout.reason = m_reason->currentText().trimmed();
    const auto added = m_context.session.service<BlockoutRepository>().add(blockout);
    if (!added) {
        showError(added.error());
        return false;
    }
    m_error->clearError();
    reload();
    for (int row = 0; row < m_list->topLevelItemCount(); ++row) {
        if (m_list->topLevelItem(row)->data(WhenColumn, Qt::UserRole).toLongLong() == added.value())
            m_list->setCurrentItem(m_list->topLevelItem(row));
    }
    emit saved();
    return true;
}

bool BlockoutsPage::removeSelected()
{
    QTreeWidgetItem *item = m_list->currentItem();
    if (!item)
        return false;
    const QString what =
        tr("%1 (%2, %3)").arg(item->text(ReasonColumn), item->text(WhenColumn), item->text(ScopeColumn));
    if (!m_context.prompter.confirm(this, tr("Remove Blockout"),
                                    tr("Remove %1? The time becomes bookable again.").arg(what))) {
        return false;
    }
    const Status removed =
        m_context.session.service<BlockoutRepository>().remove(item->data(WhenColumn, Qt::UserRole).toLongLong());
    if (!removed) {
        showError(removed.error());
        return false;
    }
    m_error->clearError();
    reload();
    emit saved();
    return true;
}

QString BlockoutsPage::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void BlockoutsPage::showError(const Error &error)
{
    const QHash<QString, std::pair<QString, QWidget *>> fields = {
        {QStringLiteral("reason"), {tr("Reason"), m_reason}},
        {QStringLiteral("start"), {tr("From"), m_fromTime}},
        {QStringLiteral("start_date"), {tr("From"), m_fromDate}},
        {QStringLiteral("end_date"), {tr("To"), m_toDate}},
        {QStringLiteral("end"), {tr("To"), m_toTime}},
        {QStringLiteral("scope"), {tr("Applies to"), m_scope}},
        {QStringLiteral("practitioner"), {tr("Applies to"), m_scope}},
        {QStringLiteral("room"), {tr("Applies to"), m_scope}},
        {QStringLiteral("repeat_until"), {tr("Until"), m_untilDate}},
    };
    const auto found = fields.constFind(error.field());
    m_error->showError(found != fields.constEnd() ? found->first : error.field(), error);
    if (found != fields.constEnd())
        found->second->setFocus();
}

} // namespace dermdesk::ui
