// The baseline for startup_to_schedule_ms: an empty Qt main window that reports its first paint
// exactly as `dermdesk --startup-probe` does, so the two are measured the same way.
#include <QApplication>
#include <QElapsedTimer>
#include <QMainWindow>
#include <QPaintEvent>
#include <QTimer>

#include <cstdio>

namespace {

class ProbedWindow : public QMainWindow
{
public:
    explicit ProbedWindow(const QElapsedTimer &sinceStart)
        : m_sinceStart(sinceStart)
    {
    }

protected:
    void paintEvent(QPaintEvent *event) override
    {
        QMainWindow::paintEvent(event);
        if (m_reported)
            return;
        m_reported = true;
        const qint64 ms = m_sinceStart.elapsed();
        QTimer::singleShot(0, this, [ms] {
            std::printf("{\"first_paint_ms\": %lld}\n", static_cast<long long>(ms));
            std::fflush(stdout);
            QCoreApplication::quit();
        });
    }

private:
    const QElapsedTimer &m_sinceStart;
    bool m_reported = false;
};

} // namespace

int main(int argc, char *argv[])
{
    QElapsedTimer sinceStart;
    sinceStart.start();
    QApplication app(argc, argv);
    ProbedWindow window(sinceStart);
    window.resize(1200, 800);
    window.show();
    return QApplication::exec();
}
