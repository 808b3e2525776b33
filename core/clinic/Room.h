#pragma once

#include <QList>
#include <QString>

namespace dermdesk {

struct Room
{
    qint64 id = 0;
    QString name;
    bool active = true;
    int sortOrder = 0;
    // The appointment types this room can host.
    QList<qint64> typeIds;
};

} // namespace dermdesk
