#pragma once

#include "common/Clock.h"
#include "common/Result.h"

class QWidget;

namespace dermdesk::ui {

// Generates the demo clinic file on a worker thread while the GUI stays responsive; a progress
// dialog appears when generating takes longer than a second.
class DemoClinicBuilder
{
public:
    explicit DemoClinicBuilder(const Clock &clock = Clock::system());

    // Creates `path` (which must not exist) with the default demo clinic (DemoOptions{}). Returns
    // when the file is complete; on failure no file is left behind.
    Status build(const QString &path, QWidget *parent) const;

private:
    const Clock &m_clock;
};

} // namespace dermdesk::ui
