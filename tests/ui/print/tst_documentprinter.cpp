#include "FileMode.h"
#include "PdfText.h"
#include "ui/print/DocumentPrinter.h"

#include <QDir>
#include <QGuiApplication>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using namespace dermdesk;

// HTML onto PDF pages without a display: paper by locale, landscape, readable errors, and tables
// whose header repeats on every page while no row is split between two pages.
class TestDocumentPrinter : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    // The PDF's text, one string per page, as laid out on the page.
    static QStringList pdfPages(const QString &path)
    {
        const test::PdfText read = test::PdfText::read(path, true);
        if (!read.error.isEmpty())
            qWarning("%s", qPrintable(read.error));
        return read.pages();
    }

    static QString pdfInfo(const QString &path)
    {
        QProcess process;
        process.start(QStringLiteral("pdfinfo"), {path});
        process.waitForFinished(30000);
        return QString::fromUtf8(process.readAllStandardOutput());
    }

private slots:
    void initTestCase()
    {
        test::useUsualUmask();
        QVERIFY(m_dir.isValid());
        QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty(),
                 "pdftotext (poppler-utils, installed by packaging/dev.sh) is missing");
    }

    void paperFollowsTheLocale()
    {
        QCOMPARE(DocumentPrinter::paperFor(QLocale(QLocale::English, QLocale::UnitedStates)), QPageSize::Letter);
        QCOMPARE(DocumentPrinter::paperFor(QLocale(QLocale::French, QLocale::Canada)), QPageSize::Letter);
        QCOMPARE(DocumentPrinter::paperFor(QLocale(QLocale::English, QLocale::UnitedKingdom)), QPageSize::A4);
        QCOMPARE(DocumentPrinter::paperFor(QLocale(QLocale::German, QLocale::Germany)), QPageSize::A4);
    }

    void writesTheTextWithAFooter()
    {
        const QString path = m_dir.filePath(QStringLiteral("simple.pdf"));
        PageSetup setup;
        setup.locale = QLocale(QLocale::English, QLocale::UnitedStates);
        setup.title = QStringLiteral("Aftercare");
        setup.footerText = QStringLiteral("Riverside Skin Clinic");
        const Status written =
            DocumentPrinter::writePdf(QStringLiteral("<h1>Aftercare</h1><p>Keep your hands off the treated skin.</p>"),
                                      path, setup);
        QVERIFY2(written.ok(), qPrintable(written.ok() ? QString() : written.error().message()));
        QCOMPARE(test::fileMode(path), QStringLiteral("600"));
        const QStringList pages = pdfPages(path);
        QCOMPARE(pages.size(), 1);
        QVERIFY(pages.first().contains(QLatin1String("Keep your hands off the treated skin.")));
        QVERIFY(pages.first().contains(QLatin1String("Riverside Skin Clinic")));
        QVERIFY(pages.first().contains(QLatin1String("Page 1 of 1")));
        const QString info = pdfInfo(path);
        QVERIFY2(info.contains(QLatin1String("612 x 792 pts (letter)")), qPrintable(info));
        QVERIFY2(info.contains(QRegularExpression(QStringLiteral("Title:\\s+Aftercare"))), qPrintable(info));
    }

    void landscapeTurnsThePage()
    {
        const QString path = m_dir.filePath(QStringLiteral("landscape.pdf"));
        PageSetup setup;
        setup.paper = PageSetup::Paper::A4;
        setup.landscape = true;
        QVERIFY(DocumentPrinter::writePdf(QStringLiteral("<p>Day sheet</p>"), path, setup).ok());
        const QString info = pdfInfo(path);
        QVERIFY2(info.contains(QLatin1String("841.89 x 595.276 pts")) || info.contains(QLatin1String("842 x 595 pts")),
                 qPrintable(info));
    }

    void thePdfIsTheOwnersAloneAlsoWhenItReplacesAWiderFile()
    {
        const QString path = m_dir.filePath(QStringLiteral("handout-private.pdf"));
        QFile old(path);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.close();
        QCOMPARE(test::fileMode(path), QStringLiteral("644"));
        QVERIFY(DocumentPrinter::writePdf(QStringLiteral("<p>Aftercare</p>"), path, PageSetup()).ok());
        QCOMPARE(test::fileMode(path), QStringLiteral("600"));
        QVERIFY(QFileInfo(path).size() > 0);
    }

    void anUnwritablePathIsNamed()
    {
        const QString path = m_dir.filePath(QStringLiteral("no-such-folder/handout.pdf"));
        const Status written = DocumentPrinter::writePdf(QStringLiteral("<p>x</p>"), path, PageSetup());
        QVERIFY(!written.ok());
        QCOMPARE(written.error().kind(), ErrorKind::InvalidInput);
        QCOMPARE(written.error().field(), QStringLiteral("output"));
        QVERIFY2(written.error().message().contains(QDir::toNativeSeparators(path)),
                 qPrintable(written.error().message()));
        QVERIFY(!QFile::exists(path));
    }

    void tableRowsStayWholeAndTheHeaderRepeats()
    {
        QString html = QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"4\" border=\"1\">"
                                      "<thead><tr><th>Time</th><th>Patient</th></tr></thead><tbody>");
        constexpr int rows = 200;
        for (int row = 1; row <= rows; ++row) {
            html += QStringLiteral("<tr style=\"page-break-inside: avoid\"><td>row%1</td>"
                                   "<td>first line of row%1<br/>second line of row%1<br/>third line of row%1</td>"
                                   "</tr>")
                        .arg(row, 3, 10, QLatin1Char('0'));
        }
        html += QStringLiteral("</tbody></table>");
        const QString path = m_dir.filePath(QStringLiteral("rows.pdf"));
        PageSetup setup;
        setup.landscape = true;
        QVERIFY(DocumentPrinter::writePdf(html, path, setup).ok());
        if (qEnvironmentVariableIsSet("DERMDESK_KEEP_PDF"))
            QFile::copy(path, qEnvironmentVariable("DERMDESK_KEEP_PDF") + QStringLiteral("/rows.pdf"));
        const QStringList pages = pdfPages(path);
        QVERIFY2(pages.size() > 3, qPrintable(QString::number(pages.size())));
        int seen = 0;
        static const QRegularExpression firstLine(QStringLiteral("first line of row(\\d{3})"));
        for (const QString &page : pages) {
            QVERIFY2(page.contains(QLatin1String("Patient")), "the header repeats on every page");
            auto it = firstLine.globalMatch(page);
            while (it.hasNext()) {
                const QString id = it.next().captured(1);
                QVERIFY2(page.contains(QStringLiteral("third line of row") + id),
                         qPrintable(QStringLiteral("row %1 is split").arg(id)));
                ++seen;
            }
        }
        QCOMPARE(seen, rows);
    }
};

QTEST_MAIN(TestDocumentPrinter)
#include "tst_documentprinter.moc"
