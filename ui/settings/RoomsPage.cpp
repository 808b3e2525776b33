#include "ui/settings/RoomsPage.h"

#include "clinic/ClinicRepository.h"
#include "session/ClinicSession.h"
#include "ui/settings/TypeChecklist.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QLineEdit>

#include <tuple>

namespace dermdesk::ui {

RoomsPage::RoomsPage(const SettingsContext &context, QWidget *parent)
    : ItemListPage(context, tr("&Add Room"), tr("New room"), parent)
{
    setObjectName(QStringLiteral("roomsPage"));
    auto *editor = new QWidget(this);
    m_name = new QLineEdit(editor);
    m_name->setObjectName(QStringLiteral("roomName"));
    m_name->setPlaceholderText(tr("e.g. Treatment room 1"));
    m_types = new TypeChecklist(editor);
    m_active = new QCheckBox(tr("In &use (untick to stop booking it; history is kept)"), editor);
    m_active->setObjectName(QStringLiteral("roomActive"));

    auto *form = new QFormLayout(editor);
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Hosts:"), m_types);
    form->addRow(QString(), m_active);
    setEditor(editor);

    connect(m_name, &QLineEdit::textEdited, this, &RoomsPage::markDirty);
    connect(m_types, &TypeChecklist::checkedChanged, this, &RoomsPage::markDirty);
    connect(m_active, &QCheckBox::toggled, this, &RoomsPage::markDirty);
    reload();
}

Result<QList<ItemListPage::Entry>> RoomsPage::loadEntries()
{
    const ClinicRepository &repository = m_context.session.service<ClinicRepository>();
    auto types = repository.appointmentTypes(true);
    if (!types)
        return types.error();
    m_types->setTypes(types.value());
    auto rooms = repository.rooms(true);
    if (!rooms)
        return rooms.error();
    m_rooms = rooms.value();
    QList<Entry> entries;
    for (const Room &room : std::as_const(m_rooms))
        entries.append({room.id, room.name, QString(), room.active});
    return entries;
}

void RoomsPage::showItem(qint64 id)
{
    Room shown;
    for (const Room &room : std::as_const(m_rooms)) {
        if (room.id == id)
            shown = room;
    }
    m_name->setText(shown.name);
    m_types->setCheckedIds(shown.typeIds);
    m_active->setChecked(shown.active);
}

Result<qint64> RoomsPage::saveItem(qint64 id)
{
    Room room;
    room.sortOrder = int(m_rooms.size());
    for (const Room &existing : std::as_const(m_rooms)) {
        if (existing.id == id)
            room = existing;
    }
    room.name = m_name->text().trimmed();
    room.typeIds = m_types->checkedIds();
    room.active = m_active->isChecked();
    return m_context.session.service<ClinicRepository>().saveRoom(room);
}

bool RoomsPage::changedElsewhere(qint64 id) const
{
    return differs(m_context.session.service<ClinicRepository>().rooms(true), m_rooms, id,
                   [](const Room &a, const Room &b) {
                       return std::tie(a.name, a.active, a.sortOrder, a.typeIds)
                              == std::tie(b.name, b.active, b.sortOrder, b.typeIds);
                   });
}

QString RoomsPage::fieldLabel(const QString &field) const
{
    if (field == QLatin1String("name"))
        return tr("Name");
    if (field == QLatin1String("types"))
        return tr("Hosts");
    return field;
}

QWidget *RoomsPage::fieldWidget(const QString &field) const
{
    return field == QLatin1String("types") ? static_cast<QWidget *>(m_types) : m_name;
}

} // namespace dermdesk::ui
