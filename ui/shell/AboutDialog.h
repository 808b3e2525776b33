#pragma once

#include <QDialog>

namespace dermdesk::ui {

// What DermDesk is and which version is running.
class AboutDialog : public QDialog
{
    Q_OBJECT

public:
    explicit AboutDialog(QWidget *parent = nullptr);
};

} // namespace dermdesk::ui
