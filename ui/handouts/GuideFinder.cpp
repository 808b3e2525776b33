#include "ui/handouts/GuideFinder.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QTextDocument>
#include <QTextEdit>
#include <QToolButton>

namespace dermdesk::ui {

namespace {

QTextEdit::ExtraSelection highlight(const QTextCursor &cursor, const QColor &colour)
{
    QTextEdit::ExtraSelection selection;
    selection.cursor = cursor;
    selection.format.setBackground(colour);
    selection.format.setForeground(Qt::black);
    return selection;
}

} // namespace

GuideFinder::GuideFinder(QTextEdit *view, QWidget *parent)
    : QWidget(parent)
    , m_view(view)
{
    setObjectName(QStringLiteral("guideFinder"));
    auto *label = new QLabel(tr("F&ind:"), this);
    m_field = new QLineEdit(this);
    m_field->setObjectName(QStringLiteral("guideFindField"));
    m_field->setClearButtonEnabled(true);
    m_field->setPlaceholderText(tr("Words in the guide"));
    label->setBuddy(m_field);
    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("guideFindCount"));
    m_count->setMinimumWidth(m_count->fontMetrics().horizontalAdvance(tr("No matches")) + 8);

    auto *previous = new QToolButton(this);
    previous->setArrowType(Qt::UpArrow);
    previous->setToolTip(tr("Previous match (Shift+Enter)"));
    auto *next = new QToolButton(this);
    next->setArrowType(Qt::DownArrow);
    next->setToolTip(tr("Next match (Enter)"));
    auto *done = new QToolButton(this);
    done->setText(tr("Done"));
    done->setToolTip(tr("Close the find bar (Escape)"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addWidget(label);
    layout->addWidget(m_field, 1);
    layout->addWidget(m_count);
    layout->addWidget(previous);
    layout->addWidget(next);
    layout->addWidget(done);

    m_field->installEventFilter(this);
    connect(m_field, &QLineEdit::textChanged, this, &GuideFinder::search);
    connect(previous, &QToolButton::clicked, this, &GuideFinder::findPrevious);
    connect(next, &QToolButton::clicked, this, &GuideFinder::findNext);
    connect(done, &QToolButton::clicked, this, &GuideFinder::close);
    hide();
}

void GuideFinder::open()
{
    show();
    m_field->setFocus(Qt::ShortcutFocusReason);
    m_field->selectAll();
    search();
}

void GuideFinder::close()
{
    hide();
    m_matches.clear();
    m_current = -1;
    m_view->setExtraSelections({});
    m_view->setFocus(Qt::OtherFocusReason);
}

void GuideFinder::findNext()
{
    if (m_matches.isEmpty())
        return;
    m_current = (m_current + 1) % int(m_matches.size());
    showCurrent();
}

void GuideFinder::findPrevious()
{
    if (m_matches.isEmpty())
        return;
    m_current = (m_current - 1 + int(m_matches.size())) % int(m_matches.size());
    showCurrent();
}

bool GuideFinder::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_field && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            if (key->modifiers() & Qt::ShiftModifier)
                findPrevious();
            else
                findNext();
            return true;
        }
        if (key->key() == Qt::Key_Escape) {
            close();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void GuideFinder::search()
{
    m_matches.clear();
    m_current = -1;
    const QString text = m_field->text().trimmed();
    if (!text.isEmpty()) {
        QTextCursor cursor(m_view->document());
        while (true) {
            cursor = m_view->document()->find(text, cursor);
            if (cursor.isNull())
                break;
            m_matches.append(cursor);
        }
    }
    if (m_matches.isEmpty()) {
        m_view->setExtraSelections({});
        m_count->setText(text.isEmpty() ? QString() : tr("No matches"));
        return;
    }
    m_current = 0;
    showCurrent();
}

void GuideFinder::showCurrent()
{
    QList<QTextEdit::ExtraSelection> selections;
    for (qsizetype i = 0; i < m_matches.size(); ++i)
        selections.append(
            highlight(m_matches.at(i), i == m_current ? QColor(0xff, 0x9f, 0x43) : QColor(0xff, 0xe5, 0x8f)));
    m_view->setExtraSelections(selections);
    QTextCursor visible = m_matches.at(m_current);
    visible.clearSelection();
    m_view->setTextCursor(visible);
    m_view->ensureCursorVisible();
    m_count->setText(tr("%1 of %2").arg(m_current + 1).arg(m_matches.size()));
}

} // namespace dermdesk::ui
