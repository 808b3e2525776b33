#pragma once

#include "patients/ScreeningOutcome.h"

#include <QColor>
#include <QRectF>
#include <QString>

class QPainter;

namespace dermdesk::ui::screening_marker {

// The smallest size a marker is drawn at, in device-independent pixels (legible at 100 %).
inline constexpr int minimumSize = 16;

// The colour that stands for `level` (red for a stop); invalid for Clear.
[[nodiscard]] QColor colour(ScreeningLevel level);
// A short name for `level` ("Screening stop", "Not screened", ...); empty for Clear.
[[nodiscard]] QString label(ScreeningLevel level);
// Paints the marker of `level` in the square `box`: a red octagon with a bar (stop), an amber triangle with "!"
// (caution), a violet disc with "?" (not screened), a teal clock (out of date). Nothing for Clear.
void paint(QPainter &painter, const QRectF &box, ScreeningLevel level);

} // namespace dermdesk::ui::screening_marker
