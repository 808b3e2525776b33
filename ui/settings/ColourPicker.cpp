#include "ui/settings/ColourPicker.h"

#include "ui/widgets/Icons.h"

#include <QAction>
#include <QButtonGroup>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QRegularExpressionValidator>
#include <QToolButton>

namespace dermdesk::ui {

namespace {

// Calm, distinguishable tints for schedule columns and appointment types.
constexpr const char *swatchColours[] = {"#4f7cac", "#7fa7c9", "#5b9a8b", "#8fb8a8", "#9c7fb3",
                                         "#c48fa8", "#d19a66", "#c9b458", "#a3a86b", "#7d8a96"};

} // namespace

ColourPicker::ColourPicker(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    m_swatches = new QButtonGroup(this);
    m_swatches->setExclusive(false);
    for (const char *code : swatchColours) {
        const QString colour = QString::fromLatin1(code);
        auto *button = new QToolButton(this);
        button->setIcon(icons::swatch(QColor(colour)));
        button->setIconSize(QSize(20, 20));
        button->setCheckable(true);
        button->setAutoRaise(true);
        button->setToolTip(colour);
        button->setProperty("colour", colour);
        button->setFocusPolicy(Qt::TabFocus);
        m_swatches->addButton(button);
        layout->addWidget(button);
        connect(button, &QToolButton::clicked, this, [this, colour] {
            m_code->setText(colour);
            emit colourChanged(colour);
        });
    }
    m_code = new QLineEdit(this);
    m_code->setObjectName(QStringLiteral("colourCode"));
    m_code->setMaxLength(7);
    m_code->setFixedWidth(m_code->fontMetrics().horizontalAdvance(QStringLiteral("#MMMMMM")) + 40);
    m_code->setAccessibleName(tr("Colour code"));
    m_code->setToolTip(tr("The colour as #rrggbb"));
    m_preview = m_code->addAction(QIcon(), QLineEdit::LeadingPosition);
    layout->addSpacing(6);
    layout->addWidget(m_code);
    layout->addStretch();
    connect(m_code, &QLineEdit::textChanged, this, &ColourPicker::showSelection);
    connect(m_code, &QLineEdit::textEdited, this, &ColourPicker::colourChanged);
}

QString ColourPicker::colour() const
{
    return m_code->text().trimmed().toLower();
}

void ColourPicker::setColour(const QString &colour)
{
    m_code->setText(colour);
}

void ColourPicker::showSelection()
{
    const QString current = colour();
    const QColor shown(current);
    m_preview->setIcon(current.size() == 7 && shown.isValid() ? icons::swatch(shown) : QIcon());
    for (QAbstractButton *button : m_swatches->buttons())
        button->setChecked(button->property("colour").toString() == current);
}

} // namespace dermdesk::ui
