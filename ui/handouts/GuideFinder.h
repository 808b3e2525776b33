#pragma once

#include <QList>
#include <QTextCursor>
#include <QWidget>

class QLabel;
class QLineEdit;
class QTextEdit;
class QToolButton;

namespace dermdesk::ui {

// The find bar under a text view: every match highlighted, the current one more strongly and scrolled
// into view; Enter goes to the next match, Shift+Enter to the previous one, Escape closes the bar.
class GuideFinder : public QWidget
{
    Q_OBJECT

public:
    // `view` is not owned; it must outlive the finder (usually its sibling).
    GuideFinder(QTextEdit *view, QWidget *parent = nullptr);

    [[nodiscard]] QLineEdit *field() const { return m_field; }
    // Matches of the current text, in document order.
    [[nodiscard]] int matchCount() const { return int(m_matches.size()); }
    // The current match's index, -1 when there is none.
    [[nodiscard]] int currentMatch() const { return m_current; }

public slots:
    // Shows the bar with its text selected for typing over.
    void open();
    void close();
    void findNext();
    void findPrevious();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void search();
    void showCurrent();

    QTextEdit *m_view = nullptr;
    QLineEdit *m_field = nullptr;
    QLabel *m_count = nullptr;
    QList<QTextCursor> m_matches;
    int m_current = -1;
};

} // namespace dermdesk::ui
