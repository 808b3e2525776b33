#include "ui/shell/WindowBanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace dermdesk::ui {

WindowBanner::WindowBanner(const QString &name, const Look &look, QWidget *parent)
    : QFrame(parent)
{
    setObjectName(name);
    setStyleSheet(QStringLiteral("QFrame#%1 { background: %2; border-bottom: 2px solid %3; }"
                                 "QFrame#%1 QLabel { color: %4; background: transparent; }")
                      .arg(name, look.background, look.edge, look.textColour));
    auto *icon = new QLabel(this);
    const int size = style()->pixelMetric(QStyle::PM_LargeIconSize);
    icon->setPixmap(style()->standardIcon(look.icon).pixmap(size, size));
    icon->setAlignment(Qt::AlignTop);
    m_title = new QLabel(this);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_title->setWordWrap(true);
    m_text = new QLabel(this);
    m_text->setObjectName(name + QStringLiteral("Text"));
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *texts = new QVBoxLayout;
    texts->setSpacing(2);
    texts->addWidget(m_title);
    texts->addWidget(m_text);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(14, 8, 14, 8);
    layout->addWidget(icon);
    layout->addLayout(texts, 1);
    hide();
}

QString WindowBanner::text() const
{
    return isHidden() ? QString() : m_text->text();
}

QString WindowBanner::title() const
{
    return isHidden() ? QString() : m_title->text();
}

void WindowBanner::setTitle(const QString &title)
{
    m_title->setText(title);
}

void WindowBanner::setText(const QString &text)
{
    m_text->setText(text);
}

QPushButton *WindowBanner::addButton(const QString &text)
{
    auto *button = new QPushButton(text, this);
    static_cast<QHBoxLayout *>(layout())->addWidget(button, 0, Qt::AlignVCenter);
    return button;
}

} // namespace dermdesk::ui
