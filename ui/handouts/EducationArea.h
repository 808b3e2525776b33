#pragma once

#include <QWidget>

class QListWidget;
class QTextBrowser;
class QToolButton;

namespace dermdesk::ui {

class GuideFinder;
class GuidePresenter;

// The education area: the clinic's microneedling guide with its table of contents, find in the text
// (Ctrl+F, every match highlighted), zoom (Ctrl++ / Ctrl+- / Ctrl+0), a large-print mode (Ctrl+L) and
// "show the patient" (F11): the guide full screen in big type for reading it together at the desk.
class EducationArea : public QWidget
{
    Q_OBJECT

public:
    explicit EducationArea(QWidget *parent = nullptr);

    [[nodiscard]] QListWidget *sectionList() const { return m_sections; }
    [[nodiscard]] QTextBrowser *browser() const { return m_browser; }
    [[nodiscard]] GuideFinder *finder() const { return m_finder; }
    [[nodiscard]] bool isLargePrint() const;
    // The zoom factor on top of the reading size (1 = normal).
    [[nodiscard]] qreal zoom() const { return m_zoom; }
    // The full-screen window while it is open, else null.
    [[nodiscard]] GuidePresenter *presenter() const;

public slots:
    void setLargePrint(bool on);
    // Scrolls the guide to section `index` (as in Guide::sections()).
    void showSection(int index);
    void find();
    void zoomIn();
    void zoomOut();
    void resetZoom();
    // Opens the guide full screen in big type at the current section.
    void showThePatient();

protected:
    bool event(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void applyTextSize();

    QListWidget *m_sections = nullptr;
    QTextBrowser *m_browser = nullptr;
    GuideFinder *m_finder = nullptr;
    QToolButton *m_largePrint = nullptr;
    QString m_html;
    qreal m_normalPointSize = 0;
    qreal m_zoom = 1.0;
    QWidget *m_presenter = nullptr;
};

} // namespace dermdesk::ui
