#pragma once

namespace dermdesk {
class ClinicSession;
} // namespace dermdesk

namespace dermdesk::ui {

class Prompter;

// What every settings page works with: the open clinic (its repositories, clock and change signal) and the
// prompter. Nothing is owned: both outlive the dialog.
struct SettingsContext
{
    ClinicSession &session;
    Prompter &prompter;
};

} // namespace dermdesk::ui
