#include "EducationClinic.h"
#include "PdfText.h"
#include "education/Guide.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>

using namespace dermdesk;

// dermdesk-cli handout | card | day-sheet: the same documents the desk prints, written as PDFs without a
// display, read back with pdftotext. Exit codes: 2 bad input or unwritable output, 4 unknown id.
class TestCliEducation : public QObject
{
    Q_OBJECT

private:
    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };

    std::unique_ptr<test::TempDatabase> m_temp;
    // The local date of session 2 of Joanna's plan, the next one after the real "now".
    QDate m_nextSession;

    static QString program() { return QStringLiteral(DERMDESK_CLI_PATH); }

    Run cli(QStringList arguments)
    {
        arguments << QStringLiteral("--database") << m_temp->path();
        QProcess process;
        process.start(program(), arguments);
        if (!process.waitForFinished(60000))
            return {};
        return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
    }

    // The PDF's words as a reader sees them (one space between words, ligatures unfolded).
    static QString pdfText(const QString &path)
    {
        const test::PdfText read = test::PdfText::read(path);
        if (!read.error.isEmpty())
            qWarning("%s", qPrintable(read.error));
        return read.words();
    }

    [[nodiscard]] QString output(const QString &name) const { return m_temp->folder() + QLatin1Char('/') + name; }

private slots:
    void initTestCase()
    {
        QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty(),
                 "pdftotext (poppler-utils, installed by packaging/dev.sh) is missing");
    }

    void init()
    {
        m_temp = std::make_unique<test::TempDatabase>();
        QVERIFY(test::seedEducationClinic(*m_temp));
        // The command line runs on the real clock: move every appointment by whole weeks (keeping the weekday)
        // so the fixture's "now" falls in the last week: session 1 is past, sessions 2 to 4 are still to come.
        const qint64 week = 7 * 86400;
        const qint64 shift =
            (QDateTime::currentSecsSinceEpoch() - test::educationNow().toSecsSinceEpoch()) / week * week;
        QVERIFY(test::runAll(
            m_temp->database(),
            {QStringLiteral("UPDATE appointment SET starts_at = starts_at + %1, ends_at = ends_at + %1").arg(shift),
             QStringLiteral("UPDATE treatment_session SET performed_at = performed_at + %1").arg(shift)}));
        const qint64 session2 =
            m_temp->scalar(QStringLiteral("SELECT starts_at FROM appointment WHERE id = 2")).toLongLong();
        m_nextSession = ClinicTime(QTimeZone("America/New_York")).localDate(session2);
        m_temp->close();
        QVERIFY2(QFile::exists(program()), qPrintable(program()));
    }

    void cleanup() { m_temp.reset(); }

    void handoutHoldsTheNameTheGuideAndTheNextSession()
    {
        const QString pdf = output(QStringLiteral("handout.pdf"));
        const Run run = cli({QStringLiteral("handout"), QStringLiteral("--patient"), QStringLiteral("1"),
                             QStringLiteral("-o"), pdf, QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject report = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(report.value(QStringLiteral("output")).toString(), pdf);
        QVERIFY(report.value(QStringLiteral("id")).toInteger() > 0);
        const QString text = pdfText(pdf);
        QVERIFY2(text.contains(QLatin1String("Joanna Smith")), qPrintable(text));
        auto guide = Guide::load(QStringLiteral(DERMDESK_SOURCE_DIR "/resources/guide/microneedling-guide.txt"));
        QVERIFY(guide.ok());
        for (const GuideSection &section : guide.value().sections()) {
            if (!section.heading.isEmpty())
                QVERIFY2(text.contains(section.heading), qPrintable(section.heading));
        }
        const QString next = QLocale().toString(m_nextSession, QLocale::LongFormat);
        QVERIFY2(text.contains(next), qPrintable(next + QStringLiteral(" in ") + text));
        QVERIFY(text.contains(QLatin1String("Improved Skin Texture:")));
        QVERIFY(text.contains(QLatin1String("Before your treatment")));
        QVERIFY2(text.contains(QStringLiteral("Expected downtime: 1–3 days")), qPrintable(text));
        // Logged as printed.
        auto reopened = m_temp->reopen();
        QVERIFY(reopened.ok());
        QSqlQuery query(reopened.value()->connection());
        QVERIFY(query.exec(QStringLiteral("SELECT count(*), max(output) FROM handout_log WHERE patient_id = 1")));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toInt(), 1);
        QCOMPARE(query.value(1).toString(), QStringLiteral("pdf"));
    }

    void handoutWithChosenSections()
    {
        const QString pdf = output(QStringLiteral("benefits.pdf"));
        const Run run = cli({QStringLiteral("handout"), QStringLiteral("--patient"), QStringLiteral("1"),
                             QStringLiteral("-o"), pdf, QStringLiteral("--sections"), QStringLiteral("benefits")});
        QCOMPARE(run.exitCode, 0);
        const QString text = pdfText(pdf);
        QVERIFY(text.contains(QLatin1String("Benefits of Microneedling")));
        QVERIFY(!text.contains(QLatin1String("Understanding Microneedling")));
    }

    void cardAndDaySheet()
    {
        const QString card = output(QStringLiteral("card.pdf"));
        QCOMPARE(cli({QStringLiteral("card"), QStringLiteral("--appointment"), QStringLiteral("2"),
                      QStringLiteral("-o"), card})
                     .exitCode,
                 0);
        const QString cardText = pdfText(card);
        QVERIFY(cardText.contains(QLatin1String("session 2 of 4")));
        QVERIFY(cardText.contains(QLatin1String("session 4 of 4")));
        QVERIFY(cardText.contains(QLocale().toString(m_nextSession, QLocale::LongFormat)));

        const QString sheet = output(QStringLiteral("day.pdf"));
        QCOMPARE(cli({QStringLiteral("day-sheet"), QStringLiteral("--date"), m_nextSession.toString(Qt::ISODate),
                      QStringLiteral("-o"), sheet})
                     .exitCode,
                 0);
        const QString sheetText = pdfText(sheet);
        QVERIFY(sheetText.contains(QLatin1String("Joanna Smith")));
        QVERIFY(sheetText.contains(QLatin1String("Wei Wang")));
        QVERIFY(sheetText.contains(QLatin1String("Called in sick")));
    }

    void everyPdfIsOnTheClinicsPaper()
    {
        // The clinic is in New York: Letter, whatever the desk's locale (C here).
        const auto pageSizes = [this](const QString &tag) {
            QList<QSizeF> sizes;
            const QList<QStringList>
                commands{{QStringLiteral("day-sheet"), QStringLiteral("--date"), m_nextSession.toString(Qt::ISODate),
                          QStringLiteral("--practitioner"), QStringLiteral("1")},
                         {QStringLiteral("card"), QStringLiteral("--appointment"), QStringLiteral("2")},
                         {QStringLiteral("handout"), QStringLiteral("--patient"), QStringLiteral("1")},
                         {QStringLiteral("patient"), QStringLiteral("export"), QStringLiteral("1")}};
            for (const QStringList &command : commands) {
                const QString pdf = output(QStringLiteral("%1-%2.pdf").arg(command.first(), tag));
                const Run run = cli(command + QStringList{QStringLiteral("-o"), pdf});
                if (run.exitCode != 0)
                    qWarning("%s: %s", qPrintable(command.join(QLatin1Char(' '))), qPrintable(run.err));
                sizes.append(test::PdfText::pageSize(pdf));
            }
            return sizes;
        };
        const QSizeF letterLandscape(792, 612), letter(612, 792);
        QCOMPARE(pageSizes(QStringLiteral("automatic")), (QList<QSizeF>{letterLandscape, letter, letter, letter}));

        // Clinic Settings chose A4.
        auto reopened = m_temp->reopen();
        QVERIFY(reopened.ok());
        QVERIFY(test::runAll(*reopened.value(), {QStringLiteral("UPDATE clinic_settings SET paper_size = 'a4'")}));
        reopened.value().reset();
        const QList<QSizeF> a4 = pageSizes(QStringLiteral("a4"));
        QCOMPARE(a4.size(), 4);
        QVERIFY2(qAbs(a4.at(0).width() - 841.89) < 1 && qAbs(a4.at(0).height() - 595.28) < 1,
                 qPrintable(QStringLiteral("%1 x %2").arg(a4.at(0).width()).arg(a4.at(0).height())));
        for (int i = 1; i < 4; ++i)
            QVERIFY(qAbs(a4.at(i).width() - 595.28) < 1 && qAbs(a4.at(i).height() - 841.89) < 1);
    }

    void badInputAndUnknownIds_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("named");
        const QString out = QStringLiteral("x.pdf");
        QTest::newRow("unknown patient") << QStringList{QStringLiteral("handout"), QStringLiteral("--patient"),
                                                        QStringLiteral("99"), QStringLiteral("-o"), out}
                                         << 4 << QStringLiteral("99");
        QTest::newRow("unknown appointment") << QStringList{QStringLiteral("card"), QStringLiteral("--appointment"),
                                                            QStringLiteral("99"), QStringLiteral("-o"), out}
                                             << 4 << QStringLiteral("99");
        QTest::newRow("unknown practitioner") << QStringList{QStringLiteral("day-sheet"),
                                                             QStringLiteral("--date"),
                                                             QStringLiteral("2026-03-16"),
                                                             QStringLiteral("--practitioner"),
                                                             QStringLiteral("9"),
                                                             QStringLiteral("-o"),
                                                             out}
                                              << 4 << QStringLiteral("practitioner");
        QTest::newRow("bad date") << QStringList{QStringLiteral("day-sheet"), QStringLiteral("--date"),
                                                 QStringLiteral("2026-02-30"), QStringLiteral("-o"), out}
                                  << 2 << QStringLiteral("--date");
        QTest::newRow("no output") << QStringList{QStringLiteral("handout"), QStringLiteral("--patient"),
                                                  QStringLiteral("1")}
                                   << 2 << QStringLiteral("--output");
        QTest::newRow("unknown section") << QStringList{QStringLiteral("handout"),
                                                        QStringLiteral("--patient"),
                                                        QStringLiteral("1"),
                                                        QStringLiteral("--sections"),
                                                        QStringLiteral("prices"),
                                                        QStringLiteral("-o"),
                                                        out}
                                         << 2 << QStringLiteral("prices");
        QTest::newRow("unwritable output")
            << QStringList{QStringLiteral("handout"), QStringLiteral("--patient"), QStringLiteral("1"),
                           QStringLiteral("-o"), QStringLiteral("/nonexistent-folder/handout.pdf")}
            << 2 << QStringLiteral("/nonexistent-folder/handout.pdf");
    }

    void badInputAndUnknownIds()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, named);
        const Run run = cli(arguments);
        QCOMPARE(run.exitCode, exitCode);
        QVERIFY2(run.err.contains(named), qPrintable(run.err));
    }
};

QTEST_GUILESS_MAIN(TestCliEducation)
#include "tst_cli_education.moc"
