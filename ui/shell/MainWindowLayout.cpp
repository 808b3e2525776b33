#include "ui/shell/ConnectionBanner.h"
#include "ui/shell/DamageBanner.h"
#include "ui/shell/MainWindow.h"
#include "ui/widgets/Theme.h"

#include <QAction>
#include <QDockWidget>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QScrollArea>
#include <QStackedWidget>
#include <QStatusBar>

// The main window's layout: the navigation sidebar beside the stacked areas, the status bar, and how the sidebar
// makes room on a narrow screen. (The window is in MainWindow.cpp, its actions in MainWindowActions.cpp.)

namespace dermdesk::ui {

void MainWindow::createCentralWidget()
{
    m_navigation = new QListWidget(this);
    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setAccessibleName(tr("Areas"));
    m_navigation->setIconSize(QSize(22, 22));
    m_navigation->setFrameShape(QFrame::NoFrame);
    m_navigation->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_navigation->setStyleSheet(
        QStringLiteral("QListWidget#navigation { background: #%1; padding: 10px 8px; outline: 0; }"
                       "QListWidget#navigation::item { padding: 9px 10px; margin: 1px 0; border-radius: 6px; "
                       "color: #26313d; }"
                       "QListWidget#navigation::item:hover:!selected { background: #dde4ea; }"
                       "QListWidget#navigation::item:selected { background: #%2; color: white; }")
            .arg(theme::sidebar, 6, 16, QLatin1Char('0'))
            .arg(theme::accent, 6, 16, QLatin1Char('0')));
    const std::array<QString, areaCount> labels = {tr("Schedule"), tr("Patients"), tr("Treatment plans"),
                                                   tr("Education")};
    for (int i = 0; i < areaCount; ++i) {
        auto *item = new QListWidgetItem(m_areaActions.at(i)->icon(), labels.at(i), m_navigation);
        item->setToolTip(
            tr("%1 (%2)").arg(labels.at(i), m_areaActions.at(i)->shortcut().toString(QKeySequence::NativeText)));
    }
    QFont navigationFont = m_navigation->font();
    navigationFont.setPointSizeF(navigationFont.pointSizeF() * 1.08);
    m_navigation->setFont(navigationFont);
    fitNavigation(false);

    m_stack = new QStackedWidget(this);
    m_stack->setObjectName(QStringLiteral("areaStack"));
    for (int i = 0; i < areaCount; ++i) {
        // Each area in a scroll area of its own: an area that needs more room than the window has scrolls instead
        // of growing the window past the screen (the stack would otherwise ask for the largest area's minimum).
        auto *scroll = new QScrollArea(m_stack);
        scroll->setObjectName(QStringLiteral("areaScroll%1").arg(i));
        scroll->setFrameShape(QFrame::NoFrame);
        scroll->setWidgetResizable(true);
        scroll->setFocusPolicy(Qt::NoFocus);
        auto *page = new QWidget;
        auto *layout = new QVBoxLayout(page);
        layout->setContentsMargins(0, 0, 0, 0);
        scroll->setWidget(page);
        m_pages.at(i) = page;
        m_stack->addWidget(scroll);
    }

    m_damageBanner = new DamageBanner(this);
    connect(m_damageBanner, &DamageBanner::damageFound, this, &MainWindow::readClinicSettings);
    m_connectionBanner = new ConnectionBanner(this);
    auto *central = new QWidget(this);
    auto *column = new QVBoxLayout(central);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(0);
    column->addWidget(m_damageBanner);
    column->addWidget(m_connectionBanner);
    auto *layout = new QHBoxLayout;
    layout->setSpacing(0);
    layout->addWidget(m_navigation);
    layout->addWidget(m_stack, 1);
    column->addLayout(layout, 1);
    setCentralWidget(central);

    connect(m_navigation, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0)
            showArea(Area(row), false);
    });
}

void MainWindow::createStatusBar()
{
    m_clinicLabel = new QLabel(this);
    m_clinicLabel->setObjectName(QStringLiteral("clinicNameLabel"));
    QFont bold = m_clinicLabel->font();
    bold.setBold(true);
    m_clinicLabel->setFont(bold);
    m_pathLabel = new QLabel(this);
    m_pathLabel->setObjectName(QStringLiteral("databasePathLabel"));
    m_pathLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // A long path must not make the window wider than the person wants it.
    m_pathLabel->setMinimumWidth(1);
    statusBar()->addPermanentWidget(m_clinicLabel);
    statusBar()->addPermanentWidget(m_pathLabel);
}

void MainWindow::resizeEvent(QResizeEvent *event)
{
    QMainWindow::resizeEvent(event);
    fitNavigation(false);
}

void MainWindow::fitNavigation(bool panelOpening)
{
    // With a side panel open on a narrow screen the sidebar shows its icons only (the names stay as tooltips), so
    // the schedule and the panel keep their room.
    bool panelOpen = panelOpening;
    for (const QDockWidget *dock : findChildren<QDockWidget *>(Qt::FindDirectChildrenOnly))
        panelOpen = panelOpen || (dock->isVisible() && !dock->isFloating());
    const bool compact = panelOpen && width() < 1440;
    const std::array<QString, areaCount> labels = {tr("Schedule"), tr("Patients"), tr("Treatment plans"),
                                                   tr("Education")};
    for (int i = 0; i < areaCount && i < m_navigation->count(); ++i)
        m_navigation->item(i)->setText(compact ? QString() : labels.at(i));
    const int full = m_navigation->fontMetrics().horizontalAdvance(tr("Treatment plans")) + 90;
    m_navigation->setFixedWidth(compact ? m_navigation->iconSize().width() + 44 : full);
}

} // namespace dermdesk::ui
