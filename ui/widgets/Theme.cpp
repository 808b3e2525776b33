#include "ui/widgets/Theme.h"

#include "ui/widgets/PaintedIcon.h"

#include <QApplication>
#include <QPainter>
#include <QPalette>
#include <QProxyStyle>
#include <QStyleFactory>

namespace dermdesk::ui {

namespace {

// Fusion, with the toolbar and menu bar extension buttons and the line edit's clear button drawn
// in code: Fusion would read them from PNG files, which loads every image-format plugin.
class DeskStyle final : public QProxyStyle
{
public:
    explicit DeskStyle(QStyle *base)
        : QProxyStyle(base)
    {
    }

    [[nodiscard]] QIcon standardIcon(StandardPixmap icon, const QStyleOption *option,
                                     const QWidget *widget) const override
    {
        const QColor ink(0x44, 0x54, 0x6a);
        const QPen pen(ink, 2, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
        switch (icon) {
        case SP_ToolBarHorizontalExtensionButton:
            return paintedIcon(
                [pen](QPainter &p, const QColor &) {
                    p.setPen(pen);
                    p.drawPolyline(QList<QPointF>{{7, 7}, {12, 12}, {7, 17}});
                    p.drawPolyline(QList<QPointF>{{13, 7}, {18, 12}, {13, 17}});
                },
                ink);
        case SP_ToolBarVerticalExtensionButton:
            return paintedIcon(
                [pen](QPainter &p, const QColor &) {
                    p.setPen(pen);
                    p.drawPolyline(QList<QPointF>{{7, 7}, {12, 12}, {17, 7}});
                    p.drawPolyline(QList<QPointF>{{7, 13}, {12, 18}, {17, 13}});
                },
                ink);
        case SP_LineEditClearButton:
            return paintedIcon(
                [](QPainter &p, const QColor &) {
                    p.setPen(Qt::NoPen);
                    p.setBrush(QColor(0x9a, 0xa2, 0xab));
                    p.drawEllipse(QPointF(12, 12), 8, 8);
                    p.setPen(QPen(Qt::white, 2, Qt::SolidLine, Qt::RoundCap));
                    p.drawLine(QPointF(9, 9), QPointF(15, 15));
                    p.drawLine(QPointF(15, 9), QPointF(9, 15));
                },
                ink);
        default:
            return QProxyStyle::standardIcon(icon, option, widget);
        }
    }
};

} // namespace

void applyTheme(QApplication &application)
{
    if (QStyle *fusion = QStyleFactory::create(QStringLiteral("Fusion")))
        QApplication::setStyle(new DeskStyle(fusion));

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
