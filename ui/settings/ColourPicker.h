#pragma once

#include <QWidget>

class QAction;
class QButtonGroup;
class QLineEdit;

namespace dermdesk::ui {

// Picks a "#rrggbb" colour without a modal dialog: a row of calm swatches and the code itself, which may
// be typed. The code is passed on as typed; the repository refuses a malformed one naming the field.
class ColourPicker : public QWidget
{
    Q_OBJECT

public:
    explicit ColourPicker(QWidget *parent = nullptr);

    [[nodiscard]] QString colour() const;
    void setColour(const QString &colour);
    [[nodiscard]] QLineEdit *codeEdit() const { return m_code; }

signals:
    void colourChanged(const QString &colour);

private:
    void showSelection();

    QButtonGroup *m_swatches = nullptr;
    QLineEdit *m_code = nullptr;
    // The typed colour, shown inside the code field (also for colours not among the swatches).
    QAction *m_preview = nullptr;
};

} // namespace dermdesk::ui
