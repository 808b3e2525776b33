#include "DeskWindow.h"
#include "FrontDeskFixture.h"
#include "PdfText.h"
#include "ui/frontdesk/FrontDesk.h"
#include "ui/frontdesk/PractitionerDayAgenda.h"
#include "ui/schedule/ScheduleArea.h"
#include "ui/schedule/ScheduleView.h"
#include "ui/shell/MainWindow.h"

#include <QDockWidget>
#include <QMenu>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidget>

using namespace dermdesk;
using ui::MainWindow;

// The practitioner's day sheet from the desk: in her panel Ctrl+P (or its Print button) prints her day only,
// with her name in the heading; everyone's sheet is one choice away (the panel's menu, Ctrl+P elsewhere).
class TestPractitionerDaySheet : public QObject
{
    Q_OBJECT

private:
    test::FrontDeskFixture m_fixture;
    std::unique_ptr<MainWindow> m_window;
    QString m_previewTitle;

    [[nodiscard]] ui::FrontDesk *desk() const { return m_window->frontDesk(); }

    void press(int key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
    {
        test::pressKey(m_window.get(), key, modifiers);
    }

    // When the next print preview opens, prints what it shows to `path` as a PDF and closes it.
    void printNextPreviewTo(const QString &path)
    {
        auto *timer = new QTimer(this);
        timer->setInterval(20);
        connect(timer, &QTimer::timeout, this, [this, timer, path] {
            auto *preview = qobject_cast<QPrintPreviewDialog *>(QApplication::activeModalWidget());
            if (!preview)
                return;
            timer->stop();
            timer->deleteLater();
            m_previewTitle = preview->windowTitle();
            QPrinter *printer = preview->printer();
            printer->setOutputFormat(QPrinter::PdfFormat);
            printer->setOutputFileName(path);
            emit preview->paintRequested(printer);
            preview->reject();
        });
        timer->start();
    }

    [[nodiscard]] QString pdfWords(const QString &path) const
    {
        const test::PdfText read = test::PdfText::read(path);
        if (!read.error.isEmpty())
            qWarning("%s", qPrintable(read.error));
        return read.words();
    }

    [[nodiscard]] ui::PractitionerDayAgenda *openPanelOn(qint64 practitionerId)
    {
        press(Qt::Key_D, Qt::ControlModifier | Qt::ShiftModifier);
        if (!QTest::qWaitFor(
                [this] { return desk()->practitionerDay() && desk()->practitionerDayDock()->isVisible(); }))
            return nullptr;
        ui::PractitionerDayAgenda *panel = desk()->practitionerDay();
        panel->showDay(practitionerId, panel->date());
        panel->view()->setFocus();
        return QTest::qWaitFor([panel] { return panel->hasFocusWithin(); }) ? panel : nullptr;
    }

private slots:
    void initTestCase() { test::FrontDeskFixture::initTestCase("tst_ui_practitionerdaysheet"); }

    void init()
    {
        QVERIFY(m_fixture.init());
        // Today (Thursday 26 November 2026): Wei Wang sees Nurse Ana, Joanna Smith sees Dr. Connie Hiers.
        const QDate today(2026, 11, 26);
        QVERIFY(m_fixture.book(4, 2, 2, test::newYorkAt(today, 11)) > 0);
        QVERIFY(m_fixture.book(1, 1, 2, test::newYorkAt(today, 10)) > 0);
        m_window = test::openDeskWindow(m_fixture);
        QVERIFY(m_window);
    }

    void cleanup()
    {
        m_window.reset();
        m_fixture.close();
    }

    void ctrlPInHerPanelPrintsHerDayOnly()
    {
        ui::PractitionerDayAgenda *panel = openPanelOn(2);
        QVERIFY(panel);
        QCOMPARE(panel->entries().size(), 1);
        const QString pdf = QDir(m_fixture.temp->folder()).filePath(QStringLiteral("ana.pdf"));
        printNextPreviewTo(pdf);
        press(Qt::Key_P, Qt::ControlModifier);
        QTRY_VERIFY(QFile::exists(pdf));
        QCOMPARE(m_previewTitle, QStringLiteral("Day sheet Thursday, 26 November 2026, Nurse Ana"));
        const QString text = pdfWords(pdf);
        QVERIFY2(text.contains(QStringLiteral("Day sheet Thursday, 26 November 2026 · Nurse Ana · 1 appointment")),
                 qPrintable(text));
        QVERIFY(text.contains(QLatin1String("Wei Wang")));
        QVERIFY2(!text.contains(QLatin1String("Joanna Smith")), qPrintable(text));
        QVERIFY(!text.contains(QLatin1String("All practitioners")));
        // On the clinic's paper: Letter in New York, landscape.
        QCOMPARE(test::PdfText::pageSize(pdf), QSizeF(792, 612));
    }

    void herPrintButtonPrintsHersAndItsMenuEveryones()
    {
        ui::PractitionerDayAgenda *panel = openPanelOn(2);
        QVERIFY(panel);
        QToolButton *print = panel->printButton();
        QVERIFY(print->isVisible());
        if (qEnvironmentVariableIsSet("DERMDESK_SCREENSHOT_DIR")) {
            m_window->resize(1600, 1000);
            QCoreApplication::processEvents();
            test::saveScreenshot(m_window.get(), QStringLiteral("practitioner-day-print"));
        }
        const QString hers = QDir(m_fixture.temp->folder()).filePath(QStringLiteral("button.pdf"));
        printNextPreviewTo(hers);
        QTest::mouseClick(print, Qt::LeftButton, {}, QPoint(6, print->height() / 2));
        QTRY_VERIFY(QFile::exists(hers));
        QVERIFY(pdfWords(hers).contains(QStringLiteral("Nurse Ana · 1 appointment")));

        QAction *everyone = print->menu()->findChild<QAction *>(QStringLiteral("printAllDaySheet"));
        QVERIFY(everyone);
        QAction *herEntry = print->menu()->findChild<QAction *>(QStringLiteral("printPractitionerDaySheet"));
        QVERIFY(herEntry && herEntry->text().startsWith(QLatin1String("Day Sheet for Nurse Ana")));
        const QString all = QDir(m_fixture.temp->folder()).filePath(QStringLiteral("all.pdf"));
        printNextPreviewTo(all);
        everyone->trigger();
        QTRY_VERIFY(QFile::exists(all));
        const QString text = pdfWords(all);
        QVERIFY2(text.contains(QStringLiteral("All practitioners · 2 appointments")), qPrintable(text));
        QVERIFY(text.contains(QLatin1String("Wei Wang")));
        QVERIFY(text.contains(QLatin1String("Joanna Smith")));
    }

    void ctrlPOnTheSchedulePrintsEveryone()
    {
        ui::PractitionerDayAgenda *panel = openPanelOn(2);
        QVERIFY(panel);
        m_window->scheduleArea()->setFocus();
        m_window->scheduleArea()->scheduleView()->setFocus();
        QTRY_VERIFY(!panel->hasFocusWithin());
        // Clinic Settings chose A4 meanwhile.
        QVERIFY(test::runAll(m_fixture.database(), {QStringLiteral("UPDATE clinic_settings SET paper_size = 'a4'")}));
        const QString pdf = QDir(m_fixture.temp->folder()).filePath(QStringLiteral("schedule.pdf"));
        printNextPreviewTo(pdf);
        press(Qt::Key_P, Qt::ControlModifier);
        QTRY_VERIFY(QFile::exists(pdf));
        QVERIFY(pdfWords(pdf).contains(QStringLiteral("All practitioners · 2 appointments")));
        const QSizeF a4 = test::PdfText::pageSize(pdf);
        QVERIFY2(qAbs(a4.width() - 841.89) < 1 && qAbs(a4.height() - 595.28) < 1,
                 qPrintable(QStringLiteral("%1 x %2").arg(a4.width()).arg(a4.height())));
    }
};

QTEST_MAIN(TestPractitionerDaySheet)
#include "tst_ui_practitionerdaysheet.moc"
