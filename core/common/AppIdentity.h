#pragma once

namespace dermdesk {

// Sets the organisation and application names every DermDesk program shares, so the desktop
// program and the command-line companion agree on QSettings and on the default database folder
// (QStandardPaths::AppDataLocation, e.g. ~/.local/share/DermDesk/DermDesk).
// Call once, before the first use of QSettings or QStandardPaths.
void setApplicationIdentity();

// The version every DermDesk program reports.
[[nodiscard]] const char *version();

} // namespace dermdesk
