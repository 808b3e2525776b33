#pragma once

#include <QColor>
#include <QIcon>
#include <QRectF>

#include <functional>

class QPainter;

namespace dermdesk::ui {

// Draws an icon on a 24 × 24 canvas (the painter is scaled to the requested size) in `ink`.
using IconPainter = std::function<void(QPainter &painter, const QColor &ink)>;

// An icon drawn by `painter` at whatever size is asked for. `ink` is used in Normal and Active
// mode; Selected mode draws in white, Disabled in a light grey.
[[nodiscard]] QIcon paintedIcon(IconPainter painter, const QColor &ink);

} // namespace dermdesk::ui
