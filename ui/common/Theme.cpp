#include "Theme.h"

#include <QApplication>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>

namespace dermdesk::ui {

void applyTheme(QApplication &application)
{
    if (QStyle *fusion = QStyleFactory::create(QStringLiteral("Fusion")))
        QApplication::setStyle(fusion);

    QPalette palette = application.palette();
    const QColor window(0xf4, 0xf6, 0xf8);
    const QColor text(0x26, 0x31, 0x3d);
    palette.setColor(QPalette::Window, window);
    palette.setColor(QPalette::WindowText, text);
    palette.setColor(QPalette::Base, Qt::white);
    palette.setColor(QPalette::AlternateBase, QColor(0xf3, 0xf6, 0xf8));
    palette.setColor(QPalette::Text, text);
    palette.setColor(QPalette::Button, QColor(0xec, 0xf0, 0xf3));
    palette.setColor(QPalette::ButtonText, text);
    palette.setColor(QPalette::Highlight, QColor(theme::accent));
    palette.setColor(QPalette::HighlightedText, Qt::white);
    palette.setColor(QPalette::ToolTipBase, QColor(0xfd, 0xfd, 0xf6));
    palette.setColor(QPalette::ToolTipText, text);
    palette.setColor(QPalette::PlaceholderText, QColor(theme::mutedText));
    palette.setColor(QPalette::Link, QColor(theme::accent));
    palette.setColor(QPalette::Disabled, QPalette::Text, QColor(0x9a, 0xa2, 0xab));
    palette.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x9a, 0xa2, 0xab));
    palette.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x9a, 0xa2, 0xab));
    QApplication::setPalette(palette);
}

} // namespace dermdesk::ui
