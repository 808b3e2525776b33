#pragma once

#include <QColor>
#include <QIcon>

namespace dermdesk::ui {

// The program's line icons, drawn in code so they are crisp at every size and need no icon
// theme or image plugin. Normal mode uses a calm slate; Selected mode draws in white.
namespace icons {

[[nodiscard]] QIcon application();
[[nodiscard]] QIcon schedule();
[[nodiscard]] QIcon patients();
[[nodiscard]] QIcon plans();
[[nodiscard]] QIcon education();
[[nodiscard]] QIcon today();
[[nodiscard]] QIcon previous();
[[nodiscard]] QIcon next();
[[nodiscard]] QIcon open();
[[nodiscard]] QIcon backUp();
[[nodiscard]] QIcon find();
[[nodiscard]] QIcon largePrint();

// A filled disc in `colour`: a practitioner's or appointment type's swatch.
[[nodiscard]] QIcon swatch(const QColor &colour);

} // namespace icons
} // namespace dermdesk::ui
