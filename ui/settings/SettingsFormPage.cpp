#include "ui/settings/SettingsFormPage.h"

#include "session/ClinicSession.h"
#include "ui/settings/InlineError.h"

#include <QHBoxLayout>
#include <QPushButton>
#include <QVBoxLayout>

namespace dermdesk::ui {

SettingsFormPage::SettingsFormPage(const SettingsContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
{
    m_error = new InlineError(this);
    m_save = new QPushButton(tr("&Save"), this);
    m_save->setObjectName(QStringLiteral("saveButton"));
    m_save->setShortcut(QKeySequence::Save);
    m_revert = new QPushButton(tr("&Revert"), this);
    m_revert->setObjectName(QStringLiteral("revertButton"));

    m_content = new QVBoxLayout;
    m_content->setContentsMargins(0, 0, 0, 0);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_revert);
    buttons->addWidget(m_save);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(m_content);
    layout->addWidget(m_error);
    layout->addStretch();
    layout->addLayout(buttons);

    connect(m_save, &QPushButton::clicked, this, [this] { save(); });
    connect(m_revert, &QPushButton::clicked, this, [this] { reload(); });
    connect(&m_context.session, &ClinicSession::changed, this, &SettingsFormPage::followChanges);
    setDirty(false);
}

void SettingsFormPage::followChanges(const ChangeSet &changes)
{
    if (!changes.touchesSetup())
        return;
    if (!isDirty())
        reload();
    else
        refuseIfChangedElsewhere();
}

bool SettingsFormPage::refuseIfChangedElsewhere()
{
    if (!changedElsewhere())
        return false;
    m_error->showError(QString(), Error::rule(QStringLiteral("settings.changed_elsewhere"),
                                              tr("These settings were saved in another window (or by dermdesk-cli) "
                                                 "while you were editing them. Revert to see what was saved there, "
                                                 "then make your changes again.")));
    return true;
}

void SettingsFormPage::markDirty()
{
    if (!m_loading)
        setDirty(true);
}

void SettingsFormPage::setDirty(bool dirty)
{
    m_dirty = dirty;
    m_save->setEnabled(dirty);
    m_revert->setEnabled(dirty);
}

QString SettingsFormPage::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void SettingsFormPage::showFieldError(const Error &error, const QList<Field> &fields)
{
    for (const Field &field : fields) {
        if (error.field() == field.name) {
            m_error->showError(field.label, error);
            if (field.widget)
                field.widget->setFocus();
            return;
        }
    }
    m_error->showError(error.field(), error);
}

void SettingsFormPage::clearError()
{
    m_error->clearError();
}

} // namespace dermdesk::ui
