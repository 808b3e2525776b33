#pragma once

namespace dermdesk {
class Clock;
class Database;
} // namespace dermdesk

namespace dermdesk::ui {

class Prompter;

// What every settings page works with. Nothing is owned: the database, clock and prompter outlive the dialog.
struct SettingsContext
{
    Database &database;
    const Clock &clock;
    Prompter &prompter;
};

} // namespace dermdesk::ui
