#include "ui/handouts/EducationTemplatesDialog.h"

#include "education/EducationTemplateRepository.h"
#include "education/TemplateFields.h"
#include "session/ClinicSession.h"
#include "ui/widgets/Prompter.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QTextCursor>
#include <QTextEdit>
#include <QTextList>
#include <QToolButton>
#include <QVBoxLayout>

namespace dermdesk::ui {

namespace {

QToolButton *formatButton(const QString &text, const QString &toolTip, const QKeySequence &keys, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setText(text);
    button->setToolTip(toolTip);
    button->setShortcut(keys);
    button->setAutoRaise(true);
    return button;
}

QString kindLabel(const QString &kind)
{
    if (kind == QLatin1String("pre_care"))
        return QObject::tr("Pre-care");
    if (kind == QLatin1String("aftercare"))
        return QObject::tr("Aftercare");
    if (kind == QLatin1String("faq"))
        return QObject::tr("FAQ");
    return QObject::tr("Other");
}

} // namespace

EducationTemplatesDialog::EducationTemplatesDialog(ClinicSession &session, Prompter &prompter, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_prompter(prompter)
{
    setObjectName(QStringLiteral("educationTemplatesDialog"));
    setWindowTitle(tr("Education Documents"));

    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("templateList"));
    m_list->setMinimumWidth(220);
    auto *add = new QPushButton(tr("&New Document"), this);

    m_title = new QLineEdit(this);
    m_title->setObjectName(QStringLiteral("templateTitle"));
    m_text = new QTextEdit(this);
    m_text->setObjectName(QStringLiteral("templateText"));
    m_text->setAcceptRichText(true);
    m_fields = new QComboBox(this);
    m_fields->setObjectName(QStringLiteral("templateFields"));
    m_fields->addItem(tr("Insert field…"));
    for (const QString &field : TemplateFields::known())
        m_fields->addItem(QStringLiteral("{%1}  %2").arg(field, TemplateFields::describe(field)), field);
    m_active = new QCheckBox(tr("&In use"), this);
    m_fromHours = new QSpinBox(this);
    m_toHours = new QSpinBox(this);
    for (QSpinBox *box : {m_fromHours, m_toHours}) {
        box->setRange(0, 720);
        box->setSuffix(tr(" h"));
    }
    m_downtime = new QWidget(this);
    auto *downtimeLayout = new QHBoxLayout(m_downtime);
    downtimeLayout->setContentsMargins(0, 0, 0, 0);
    downtimeLayout->addWidget(new QLabel(tr("Printed after a session whose expected downtime is from"), m_downtime));
    downtimeLayout->addWidget(m_fromHours);
    downtimeLayout->addWidget(new QLabel(tr("to"), m_downtime));
    downtimeLayout->addWidget(m_toHours);
    downtimeLayout->addStretch(1);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("templateStatus"));
    m_status->setWordWrap(true);

    auto *tools = new QHBoxLayout;
    auto *bold = formatButton(tr("B"), tr("Bold (Ctrl+B)"), QKeySequence::Bold, this);
    bold->setCheckable(true);
    QFont boldFont = bold->font();
    boldFont.setBold(true);
    bold->setFont(boldFont);
    auto *italic = formatButton(tr("I"), tr("Italic (Ctrl+I)"), QKeySequence::Italic, this);
    italic->setCheckable(true);
    auto *heading = formatButton(tr("Heading"), tr("Make the paragraph a heading (Ctrl+H)"),
                                 QKeySequence(Qt::CTRL | Qt::Key_H), this);
    auto *list = formatButton(tr("• List"), tr("Bulleted list (Ctrl+Shift+L)"),
                              QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L), this);
    for (QWidget *tool : std::initializer_list<QWidget *>{bold, italic, heading, list})
        tools->addWidget(tool);
    tools->addStretch(1);
    tools->addWidget(m_fields);

    auto *form = new QFormLayout;
    auto *titleLabel = new QLabel(tr("&Title:"), this);
    titleLabel->setBuddy(m_title);
    form->addRow(titleLabel, m_title);

    auto *editor = new QVBoxLayout;
    editor->addLayout(form);
    editor->addLayout(tools);
    editor->addWidget(m_text, 1);
    editor->addWidget(m_downtime);
    editor->addWidget(m_active);
    editor->addWidget(m_status);

    auto *side = new QVBoxLayout;
    side->addWidget(m_list, 1);
    side->addWidget(add);

    auto *columns = new QHBoxLayout;
    columns->addLayout(side);
    columns->addLayout(editor, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_save = buttons->addButton(QDialogButtonBox::Save);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    layout->addWidget(buttons);

    connect(m_list, &QListWidget::currentRowChanged, this, &EducationTemplatesDialog::showDocument);
    connect(add, &QPushButton::clicked, this, &EducationTemplatesDialog::addDocument);
    connect(m_save, &QPushButton::clicked, this, &EducationTemplatesDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, [this]() {
        if (!isModified() || save())
            reject();
    });
    connect(m_fields, &QComboBox::activated, this, &EducationTemplatesDialog::insertField);
    connect(bold, &QToolButton::toggled, this, &EducationTemplatesDialog::setBold);
    connect(italic, &QToolButton::toggled, this, &EducationTemplatesDialog::setItalic);
    connect(heading, &QToolButton::clicked, this, &EducationTemplatesDialog::setHeading);
    connect(list, &QToolButton::clicked, this, &EducationTemplatesDialog::toggleList);
    connect(m_text, &QTextEdit::currentCharFormatChanged, this, [bold, italic](const QTextCharFormat &format) {
        const QSignalBlocker blockBold(bold);
        const QSignalBlocker blockItalic(italic);
        bold->setChecked(format.fontWeight() >= QFont::Bold);
        italic->setChecked(format.fontItalic());
    });
    resize(900, 620);
    reload(0);
}

void EducationTemplatesDialog::reload(qint64 selectId)
{
    auto templates = m_session.service<EducationTemplateRepository>().all(true);
    if (!templates) {
        m_prompter.showError(this, windowTitle(), templates.error());
        return;
    }
    m_templates = templates.value();
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    int select = 0;
    for (qsizetype i = 0; i < m_templates.size(); ++i) {
        const EducationTemplate &t = m_templates.at(i);
        auto *item = new QListWidgetItem(QStringLiteral("%1\n%2").arg(t.title, kindLabel(t.kind)), m_list);
        if (!t.active)
            item->setForeground(palette().color(QPalette::Disabled, QPalette::Text));
        if (t.id == selectId)
            select = int(i);
    }
    m_row = -1;
    m_list->setCurrentRow(select);
    showDocument(select);
}

void EducationTemplatesDialog::showDocument(int row)
{
    if (row == m_row)
        return;
    if (m_row >= 0 && isModified()) {
        const qint64 wanted = row >= 0 && row < m_templates.size() ? m_templates.at(row).id : 0;
        if (save())
            reload(wanted);
        return;
    }
    m_row = row;
    if (row < 0 || row >= m_templates.size())
        return;
    const EducationTemplate &t = m_templates.at(row);
    m_title->setText(t.title);
    m_text->setHtml(t.bodyHtml);
    m_text->document()->setModified(false);
    m_active->setChecked(t.active);
    const bool aftercare = t.kind == QLatin1String("aftercare");
    m_downtime->setVisible(aftercare);
    m_fromHours->setValue(t.downtimeFromHours.value_or(0));
    m_toHours->setValue(t.downtimeToHours.value_or(0));
    QString status = tr("%1 · version %2").arg(kindLabel(t.kind)).arg(t.version);
    if (t.defaultText)
        status += QStringLiteral(" · ")
                  + tr("<b>Default text shipped with DermDesk: the clinic's to review and edit "
                       "before handing it to patients.</b>");
    else if (!t.updatedBy.isEmpty())
        status +=
            QStringLiteral(" · ")
            + tr("saved by %1 on %2")
                  .arg(t.updatedBy.toHtmlEscaped(),
                       QLocale().toString(QDateTime::fromSecsSinceEpoch(t.updatedAt).date(), QLocale::ShortFormat));
    m_status->setText(status);
}

bool EducationTemplatesDialog::isModified() const
{
    if (m_row < 0 || m_row >= m_templates.size())
        return false;
    const EducationTemplate &t = m_templates.at(m_row);
    return m_text->document()->isModified() || m_title->text() != t.title || m_active->isChecked() != t.active
           || (t.kind == QLatin1String("aftercare")
               && (m_fromHours->value() != t.downtimeFromHours.value_or(0)
                   || m_toHours->value() != t.downtimeToHours.value_or(0)));
}

EducationTemplate EducationTemplatesDialog::edited() const
{
    EducationTemplate t = m_templates.at(m_row);
    t.title = m_title->text();
    if (m_text->document()->isModified())
        t.bodyHtml = m_text->toHtml();
    t.active = m_active->isChecked();
    if (t.kind == QLatin1String("aftercare")) {
        t.downtimeFromHours = m_fromHours->value();
        t.downtimeToHours = m_toHours->value();
    }
    return t;
}

bool EducationTemplatesDialog::save()
{
    if (m_row < 0 || m_row >= m_templates.size())
        return true;
    auto saved = m_session.service<EducationTemplateRepository>().save(edited());
    if (!saved) {
        m_prompter.showError(this, tr("Saving the document"), saved.error());
        return false;
    }
    m_row = -1;
    reload(saved.value());
    return true;
}

void EducationTemplatesDialog::addDocument()
{
    if (isModified() && !save())
        return;
    const std::optional<QString> title = m_prompter.askText(this, tr("New Document"), tr("Title of the document:"));
    if (!title || title->trimmed().isEmpty())
        return;
    EducationTemplate t;
    t.title = title->trimmed();
    t.kind = QStringLiteral("other");
    t.code = QStringLiteral("clinic_%1").arg(m_session.clock().now().toSecsSinceEpoch());
    t.sortOrder = 100;
    auto saved = m_session.service<EducationTemplateRepository>().save(t);
    if (!saved) {
        m_prompter.showError(this, tr("New Document"), saved.error());
        return;
    }
    reload(saved.value());
    m_text->setFocus();
}

void EducationTemplatesDialog::insertField(int index)
{
    if (index <= 0)
        return;
    m_text->insertPlainText(QStringLiteral("{%1}").arg(m_fields->itemData(index).toString()));
    m_fields->setCurrentIndex(0);
    m_text->setFocus();
}

void EducationTemplatesDialog::setBold(bool on)
{
    m_text->setFontWeight(on ? QFont::Bold : QFont::Normal);
}

void EducationTemplatesDialog::setItalic(bool on)
{
    m_text->setFontItalic(on);
}

void EducationTemplatesDialog::setHeading()
{
    QTextCursor cursor = m_text->textCursor();
    QTextBlockFormat block = cursor.blockFormat();
    block.setHeadingLevel(block.headingLevel() == 3 ? 0 : 3);
    cursor.mergeBlockFormat(block);
    QTextCharFormat characters;
    characters.setFontWeight(block.headingLevel() == 3 ? QFont::Bold : QFont::Normal);
    cursor.select(QTextCursor::BlockUnderCursor);
    cursor.mergeCharFormat(characters);
}

void EducationTemplatesDialog::toggleList()
{
    QTextCursor cursor = m_text->textCursor();
    if (QTextList *list = cursor.currentList()) {
        QTextBlockFormat block = cursor.blockFormat();
        list->remove(cursor.block());
        block.setIndent(0);
        cursor.setBlockFormat(block);
        return;
    }
    cursor.createList(QTextListFormat::ListDisc);
}

} // namespace dermdesk::ui
