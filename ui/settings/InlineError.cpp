#include "ui/settings/InlineError.h"

#include "ui/widgets/Theme.h"

namespace dermdesk::ui {

InlineError::InlineError(QWidget *parent)
    : QLabel(parent)
{
    setObjectName(QStringLiteral("inlineError"));
    setWordWrap(true);
    setTextFormat(Qt::PlainText);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette palette = this->palette();
    palette.setColor(QPalette::WindowText, QColor(theme::errorText));
    setPalette(palette);
    hide();
}

void InlineError::showError(const QString &fieldLabel, const Error &error)
{
    setText(fieldLabel.isEmpty() ? error.message() : tr("%1: %2").arg(fieldLabel, error.message()));
    show();
}

void InlineError::clearError()
{
    clear();
    hide();
}

} // namespace dermdesk::ui
