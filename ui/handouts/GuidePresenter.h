#pragma once

#include <QWidget>

class QTextBrowser;

namespace dermdesk::ui {

// "Show the patient": the guide full screen in large type, for reading it together at the desk.
// Page Up/Down and the arrow keys scroll, Ctrl++ and Ctrl+- change the size, Escape closes.
// A top-level window that deletes itself when closed.
class GuidePresenter : public QWidget
{
    Q_OBJECT

public:
    // `html` is the guide (Guide::toHtml); `heading` the section heading to start at (empty: the top).
    GuidePresenter(const QString &html, const QString &heading, QWidget *parent = nullptr);

    [[nodiscard]] QTextBrowser *browser() const { return m_browser; }
    // Point size of the text.
    [[nodiscard]] qreal textSize() const;

public slots:
    void enlarge();
    void shrink();

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void setTextSize(qreal points);
    // Scrolls the starting section's heading to the top.
    void scrollToHeading();

    QTextBrowser *m_browser = nullptr;
    QString m_heading;
    bool m_scrolledByHand = false;
};

} // namespace dermdesk::ui
