#include "PdfText.h"
#include "ScheduleClinic.h"
#include "patients/ScreeningRepository.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>

using namespace dermdesk;

// dermdesk-cli book --acknowledge, patient export and patient list-csv, run as a script would: exit codes
// (0 done, 2 invalid input, 3 refused by a rule, 4 not found) and messages on stderr naming the field or rule.
class TestCliPatientRecord : public QObject
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
    QTemporaryDir m_dir;
    // A Tuesday 8 to 14 days ahead.
    const QDate m_tuesday = QDate::currentDate().addDays(9 - QDate::currentDate().dayOfWeek() + 7);

    static QString program() { return QStringLiteral(DERMDESK_CLI_PATH); }

    Run cli(QStringList arguments)
    {
        arguments.prepend(m_temp->path());
        arguments.prepend(QStringLiteral("--database"));
        QProcess process;
        process.start(program(), arguments);
        if (!process.waitForFinished(30000))
            return {};
        return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
    }

    Run bookSession(const QStringList &more = {})
    {
        QStringList arguments{QStringLiteral("book"),
                              QStringLiteral("--patient"),
                              QStringLiteral("4"),
                              QStringLiteral("--practitioner"),
                              QStringLiteral("1"),
                              QStringLiteral("--type"),
                              QStringLiteral("1"),
                              QStringLiteral("--start"),
                              m_tuesday.toString(Qt::ISODate) + QStringLiteral("T09:00")};
        return cli(arguments + more);
    }

    static QByteArray fileBytes(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

private slots:
    void init()
    {
        m_temp = std::make_unique<test::TempDatabase>();
        QVERIFY(test::seedScheduleClinic(*m_temp));
        ScreeningAnswer anticoagulants;
        anticoagulants.questionId = 4; // a caution rule
        anticoagulants.yes = true;
        QVERIFY(ScreeningRepository(m_temp->database()).recordAnswers(4, {anticoagulants}));
        m_temp->close();
        QVERIFY2(QFile::exists(program()), qPrintable(program()));
    }

    void cleanup() { m_temp.reset(); }

    void bookNeedsAnAcknowledgementWhenACautionApplies()
    {
        const Run refused = bookSession();
        QCOMPARE(refused.exitCode, 3);
        QVERIFY2(refused.err.contains(QLatin1String("Anticoagulants or bleeding disorder")), qPrintable(refused.err));
        QVERIFY(refused.out.isEmpty());

        const Run blank = bookSession({QStringLiteral("--acknowledge"), QStringLiteral(" ")});
        QCOMPARE(blank.exitCode, 2);
        QVERIFY2(blank.err.contains(QLatin1String("acknowledge")), qPrintable(blank.err));

        const Run booked = bookSession({QStringLiteral("--acknowledge"), QStringLiteral("INR checked")});
        QCOMPARE(booked.exitCode, 0);
        QVERIFY(booked.out.trimmed().toLongLong() > 0);
        auto database = m_temp->reopen();
        QVERIFY(database);
        QSqlQuery query(database.value()->connection());
        QVERIFY(query.exec(QStringLiteral("SELECT details FROM audit_log WHERE action = 'screening.acknowledged'")));
        QVERIFY(query.next());
        QVERIFY(query.value(0).toString().contains(QLatin1String("INR checked")));
    }

    void exportJsonHoldsTheWholeRecord()
    {
        QVERIFY(bookSession({QStringLiteral("--acknowledge"), QStringLiteral("INR checked")}).exitCode == 0);
        const QString path = m_dir.filePath(QStringLiteral("wei.json"));
        const Run run = cli({QStringLiteral("--json"), QStringLiteral("patient"), QStringLiteral("export"),
                             QStringLiteral("4"), QStringLiteral("-o"), path});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(run.out.toUtf8()).object().value(QStringLiteral("output")).toString(), path);
        const QJsonObject record = QJsonDocument::fromJson(fileBytes(path)).object();
        QCOMPARE(record.value(QStringLiteral("patient")).toObject().value(QStringLiteral("family_name")).toString(),
                 QStringLiteral("Wang"));
        const QJsonArray screening = record.value(QStringLiteral("screening")).toArray();
        QCOMPARE(screening.size(), 1);
        QCOMPARE(screening.first().toObject().value(QStringLiteral("question_code")).toString(),
                 QStringLiteral("anticoagulants"));
        QVERIFY(screening.first().toObject().value(QStringLiteral("answered_at")).toInteger() > 0);
        const QJsonArray appointments = record.value(QStringLiteral("appointments")).toArray();
        QCOMPARE(appointments.size(), 1);
        const QJsonObject appointment = appointments.first().toObject();
        QCOMPARE(appointment.value(QStringLiteral("type_name")).toString(), QStringLiteral("Microneedling face"));
        QCOMPARE(appointment.value(QStringLiteral("history")).toArray().size(), 1);
        QStringList actions;
        for (const QJsonValue &entry : record.value(QStringLiteral("audit")).toArray())
            actions << entry.toObject().value(QStringLiteral("action")).toString();
        QVERIFY2(actions.contains(QStringLiteral("screening.acknowledged")), qPrintable(actions.join(u',')));
        QVERIFY(record.value(QStringLiteral("treatment_plans")).isArray());
    }

    void exportPdfNamesThePatient()
    {
        const QString path = m_dir.filePath(QStringLiteral("joanna.pdf"));
        const Run run = cli({QStringLiteral("patient"), QStringLiteral("export"), QStringLiteral("1"),
                             QStringLiteral("--output"), path});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(fileBytes(path).startsWith("%PDF"));
        const test::PdfText read = test::PdfText::read(path);
        QVERIFY2(read.error.isEmpty(), qPrintable(read.error));
        const QString text = read.text;
        QVERIFY2(text.contains(QLatin1String("Joanna Smith")), qPrintable(text.left(400)));
        QVERIFY(text.contains(QLatin1String("Screening answers")));
    }

    void exportRefusals_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("named");
        const QString out = QStringLiteral("/tmp/never-written.pdf");
        QTest::newRow("unknown patient") << QStringList{QStringLiteral("export"), QStringLiteral("99"),
                                                        QStringLiteral("-o"), out}
                                         << 4 << QStringLiteral("99");
        QTest::newRow("no id") << QStringList{QStringLiteral("export"), QStringLiteral("-o"), out} << 2
                               << QStringLiteral("ID");
        QTest::newRow("no output") << QStringList{QStringLiteral("export"), QStringLiteral("1")} << 2
                                   << QStringLiteral("output");
        QTest::newRow("unwritable") << QStringList{QStringLiteral("list-csv"), QStringLiteral("-o"),
                                                   QStringLiteral("/nonexistent-dir/x.csv")}
                                    << 2 << QStringLiteral("nonexistent-dir");
    }

    void exportRefusals()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, named);
        const Run run = cli(QStringList{QStringLiteral("patient")} + arguments);
        QCOMPARE(run.exitCode, exitCode);
        QVERIFY2(run.err.contains(named), qPrintable(run.err));
        QVERIFY(!QFile::exists(QStringLiteral("/tmp/never-written.pdf")));
    }

    void listCsvReadsBackInASpreadsheet()
    {
        const QString path = m_dir.filePath(QStringLiteral("patients.csv"));
        const Run run = cli({QStringLiteral("patient"), QStringLiteral("list-csv"), QStringLiteral("-o"), path});
        QCOMPARE(run.exitCode, 0);
        const QByteArray bytes = fileBytes(path);
        QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
        const QStringList lines = QString::fromUtf8(bytes.mid(3)).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 5); // header and four patients
        QVERIFY(lines.first().startsWith(QLatin1String("id,given_name,family_name,")));
        QVERIFY(lines.at(1).startsWith(QLatin1String("3,Ada,Archived,"))); // by family name: Archived, Müller, ...
        QVERIFY(lines.at(2).startsWith(QStringLiteral("2,J\u00fcrgen,M\u00fcller,")));
    }
};

QTEST_GUILESS_MAIN(TestCliPatientRecord)
#include "tst_cli_patientrecord.moc"
