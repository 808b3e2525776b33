#include "ui/settings/TimeZoneBox.h"

#include "common/TimeFormat.h"

#include <QCompleter>
#include <QDateTime>
#include <QLineEdit>
#include <QTimeZone>

namespace dermdesk::ui {

TimeZoneBox::TimeZoneBox(QWidget *parent)
    : QComboBox(parent)
{
    setEditable(true);
    setInsertPolicy(QComboBox::NoInsert);
    QStringList zones;
    for (const QByteArray &id : QTimeZone::availableTimeZoneIds())
        zones.append(QString::fromUtf8(id));
    zones.sort();
    addItems(zones);
    setMaxVisibleItems(15);
    completer()->setFilterMode(Qt::MatchContains);
    completer()->setCaseSensitivity(Qt::CaseInsensitive);
    completer()->setCompletionMode(QCompleter::PopupCompletion);
    lineEdit()->setPlaceholderText(tr("Type part of a city, e.g. New_York"));
    setMinimumContentsLength(24);
}

QByteArray TimeZoneBox::zoneId() const
{
    return currentText().trimmed().toUtf8();
}

void TimeZoneBox::setZoneId(const QByteArray &id)
{
    const int index = findText(QString::fromUtf8(id));
    if (index >= 0)
        setCurrentIndex(index);
    setCurrentText(QString::fromUtf8(id));
}

QString TimeZoneBox::hint(const QDateTime &nowUtc) const
{
    const QByteArray id = zoneId();
    const QTimeZone zone(id);
    if (id.isEmpty() || !zone.isValid())
        return tr("Not a known time zone yet.");
    const QDateTime now = nowUtc.toTimeZone(zone);
    return tr("It is now %1 there (%2).").arg(clockTimeText(now.time()), zone.displayName(now, QTimeZone::OffsetName));
}

} // namespace dermdesk::ui
