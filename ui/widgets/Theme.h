#pragma once

class QApplication;

namespace dermdesk::ui {

// The calm look the front desk works in all day: Fusion with a soft grey-blue palette and a teal
// highlight. The style draws the few standard icons the main window needs itself, so start-up loads
// no image plugins. Call once after constructing the QApplication.
void applyTheme(QApplication &application);

// Colours the widgets share.
namespace theme {
inline constexpr unsigned accent = 0x3a7c8c;
inline constexpr unsigned sidebar = 0xe8edf1;
inline constexpr unsigned mutedText = 0x66727f;
inline constexpr unsigned errorText = 0xa23b3b;
} // namespace theme

} // namespace dermdesk::ui
