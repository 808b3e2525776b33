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
};

QTEST_GUILESS_MAIN(TestCliPatientRecord)
#include "tst_cli_patientrecord.moc"
