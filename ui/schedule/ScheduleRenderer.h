#pragma once

#include "ui/schedule/ScheduleGeometry.h"

#include <QDate>
#include <QFont>
#include <QList>
#include <QRect>
#include <QString>

class QPainter;

namespace dermdesk {
class ScheduleModel;
}

namespace dermdesk::ui {

// Paints the schedule view: grid and time axis, closed hours, hatched blockouts, appointment blocks
// (status colour and icon, prep band, a treatment's screening state as a coloured edge and a marker, faded when
// void), the current-time line, the selection, the block being dragged and the column headers. Stateless;
// ScheduleView owns the state.
class ScheduleRenderer
{
public:
    struct Scene
    {
        const ScheduleModel *model = nullptr;
        const ScheduleGeometry *geometry = nullptr;
        // One per model row, laid out.
        const QList<ScheduleGeometry::Block> *blocks = nullptr;
        QRect viewport;
        int headerHeight = 0;
        int axisWidth = 0;
        // Days split into one column per resource: two header rows (day, then resource).
        bool groupedByDay = false;
        qint64 nowUtc = 0;
        qint64 selectedAppointment = 0;
        // The selected empty slot; column -1 when none.
        int selectedColumn = -1;
        int selectedMinute = 0;
        // The block being dragged (index into blocks, -1 when none) at its proposed place.
        qsizetype draggedBlock = -1;
        ScheduleGeometry::Block dragTarget;
        bool dragAllowed = true;
        QString dragText;
        bool hasFocus = false;
        // The text font; smaller and bold variants derive from it.
        QFont font;
    };

    static void paint(QPainter &painter, const Scene &scene);
};

} // namespace dermdesk::ui
