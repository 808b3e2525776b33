#pragma once

#include <QWidget>

class QListWidget;
class QTextBrowser;
class QToolButton;

namespace dermdesk::ui {

// The education area: the clinic's microneedling guide with a list of its sections and a
// large-print mode for reading it together with a patient at the desk.
class EducationArea : public QWidget
{
    Q_OBJECT

public:
    explicit EducationArea(QWidget *parent = nullptr);

    [[nodiscard]] QListWidget *sectionList() const { return m_sections; }
    [[nodiscard]] QTextBrowser *browser() const { return m_browser; }
    [[nodiscard]] bool isLargePrint() const;

public slots:
    void setLargePrint(bool on);
    // Scrolls the guide to section `index` (as in Guide::sections()).
    void showSection(int index);

private:
    QListWidget *m_sections = nullptr;
    QTextBrowser *m_browser = nullptr;
    QToolButton *m_largePrint = nullptr;
    qreal m_normalPointSize = 0;
};

} // namespace dermdesk::ui
