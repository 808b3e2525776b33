#pragma once

#include <QFrame>
#include <QStyle>

class QLabel;
class QPushButton;

namespace dermdesk::ui {

// A strip across the top of the main window that says what is wrong with the open clinic and what to do about it:
// an icon, a bold title, a selectable text and, when given, buttons. Hidden until a subclass shows it.
class WindowBanner : public QFrame
{
    Q_OBJECT

public:
    // How the strip looks: its background, the line along its bottom edge, its text colour (CSS colours) and icon.
    struct Look
    {
        QString background;
        QString edge;
        QString textColour;
        QStyle::StandardPixmap icon = QStyle::SP_MessageBoxWarning;
    };

    // `name` is the object name of the strip; its text label is named name + "Text".
    WindowBanner(const QString &name, const Look &look, QWidget *parent = nullptr);

    // The text shown below the title; empty while hidden.
    [[nodiscard]] QString text() const;
    [[nodiscard]] QString title() const;

protected:
    void setTitle(const QString &title);
    void setText(const QString &text);
    // A button at the strip's right end.
    QPushButton *addButton(const QString &text);

private:
    QLabel *m_title = nullptr;
    QLabel *m_text = nullptr;
};

} // namespace dermdesk::ui
