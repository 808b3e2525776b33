#include "CliRun.h"
#include "ScheduleRows.h"

#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QtTest>

using namespace dermdesk;
using test::CliRun;

// Text that could disguise itself on a terminal, at the command line: `patient add` refuses it (exit 2,
// naming the field, nothing stored), and text already stored by another tool shows escaped in plain output
// while --json gives it back exactly.
class TestCliTextSafety : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::TempDatabase> m_temp;

    // Eve⏎Mallory (a carriage return that lets "Mallory" overwrite "Eve"), a tab in the family name, an escape
    // sequence in the phone, a right-to-left override in the e-mail, for patient 3, booked on 2030-03-04
    // 10:00 with a practitioner whose name holds an escape sequence.
    const QString m_given = QStringLiteral("Eve\rMallory");
    const QString m_family = QStringLiteral("Smi\tth");
    const QString m_phone = QStringLiteral("555\x1b[2K1234");
    const QString m_email = QChar(0x202e) + QStringLiteral("moc.elpmaxe@eve");
    const QString m_practitioner = QStringLiteral("Dr. \x1b[31mRed");
    qint64 m_appointment = 0;

    CliRun cli(const QStringList &arguments) const { return CliRun::run(m_temp->path(), arguments); }

    int patients() const
    {
        const CliRun info = cli({QStringLiteral("--json"), QStringLiteral("info")});
        return info.json().value(QStringLiteral("patients")).toInt(-1);
    }

    static QStringList addArguments(const QString &option, const QString &value)
    {
        QStringList arguments{QStringLiteral("patient"), QStringLiteral("add"), QStringLiteral("--birth-date"),
                              QStringLiteral("1990-05-01")};
        const QList<std::pair<QString, QString>> fields = {{QStringLiteral("--given"), QStringLiteral("Ana")},
                                                           {QStringLiteral("--family"), QStringLiteral("Ruiz")},
                                                           {QStringLiteral("--phone"), QStringLiteral("555 1234")},
                                                           {QStringLiteral("--email"), QStringLiteral("a@b.org")}};
        for (const auto &[name, fallback] : fields)
            arguments << name << (name == option ? value : fallback);
        return arguments;
    }

    // Nothing but escapes: no control character, no direction override, no zero-width character.
    static bool onlyVisible(const QString &text)
    {
        for (const QChar c : text) {
            if ((c.unicode() < 0x20 && c != u'\n' && c != u'\t') || c.unicode() == 0x7f || c.unicode() == 0x202e
                || c.unicode() == 0x200b)
                return false;
        }
        return true;
    }

private slots:
    void init()
    {
        m_temp = test::minimalClinic();
        QVERIFY(m_temp);
        QVERIFY(test::exec(m_temp->database(),
                           QStringLiteral("INSERT INTO patient (id, given_name, family_name, birth_date, phone, email, "
                                          "created_at, updated_at) VALUES (3, ?, ?, '1990-01-01', ?, ?, 0, 0)"),
                           {m_given, m_family, m_phone, m_email}));
        QVERIFY(test::exec(m_temp->database(), QStringLiteral("UPDATE practitioner SET display_name = ? WHERE id = 1"),
                           {m_practitioner}));
        m_appointment = test::insertAppointment(m_temp->database(), 3, test::newYork(2030, 3, 4, 10), 60);
        QVERIFY(m_appointment);
        m_temp->close();
        QVERIFY(QFile::exists(QStringLiteral(DERMDESK_CLI_PATH)));
    }

    void cleanup() { m_temp.reset(); }

    void addRefusesTextThatCouldDisguiseItself_data()
    {
        QTest::addColumn<QString>("option");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("field");
        const QList<std::pair<QString, QString>> options = {{QStringLiteral("--given"), QStringLiteral("given_name")},
                                                            {QStringLiteral("--family"), QStringLiteral("family_name")},
                                                            {QStringLiteral("--phone"), QStringLiteral("phone")},
                                                            {QStringLiteral("--email"), QStringLiteral("email")}};
        for (const auto &[option, field] : options) {
            const QString ok = field == QLatin1String("phone")   ? QStringLiteral("555 1234")
                               : field == QLatin1String("email") ? QStringLiteral("a@b.org")
                                                                 : QStringLiteral("Ana");
            const auto row = [&](const char *what, const QString &value) {
                QTest::newRow(qPrintable(option + QLatin1Char(' ') + QLatin1String(what))) << option << value << field;
            };
            row("carriage return", ok + QStringLiteral("\rX"));
            row("tab", ok.left(1) + QStringLiteral("\t") + ok.mid(1));
            row("line feed", ok + QStringLiteral("\nX"));
            row("escape", ok + QStringLiteral("\x1b[2K"));
            row("right-to-left override", QChar(0x202e) + ok);
            row("isolate", ok + QChar(0x2067));
            row("zero-width only", QString(QChar(0x200b)) + QChar(0x2060));
            row("replacement character", ok + QChar(0xfffd));
            row("too long", ok + QString(300, QLatin1Char('5')));
        }
    }

    void addRefusesTextThatCouldDisguiseItself()
    {
        QFETCH(QString, option);
        QFETCH(QString, value);
        QFETCH(QString, field);
        const CliRun run = cli(addArguments(option, value));
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(field + QStringLiteral(": ")), qPrintable(run.err));
        QVERIFY2(onlyVisible(run.err), qPrintable(run.err));
        QVERIFY(run.out.isEmpty());
        QCOMPARE(patients(), 3);
    }

    void addRefusesArgumentsThatAreNotUtf8()
    {
        // Bytes no UTF-8 text holds, passed through the shell as a script would.
        const QString script =
            QStringLiteral("exec \"$0\" --database \"$1\" patient add --given \"$(printf 'An\\377a')\" "
                           "--family Ruiz --birth-date 1990-05-01");
        QProcess process;
        process.start(QStringLiteral("/bin/sh"),
                      {QStringLiteral("-c"), script, QStringLiteral(DERMDESK_CLI_PATH), m_temp->path()});
        QVERIFY(process.waitForFinished(30000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 2);
        const QString err = QString::fromUtf8(process.readAllStandardError());
        QVERIFY2(err.contains(QLatin1String("given_name: ")) && err.contains(QLatin1String("UTF-8")), qPrintable(err));
        QCOMPARE(patients(), 3);
    }

    void reasonsAreRefusedLikeNames()
    {
        const QString id = QString::number(m_appointment);
        const CliRun cancelled =
            cli({QStringLiteral("cancel"), id, QStringLiteral("--reason"), QStringLiteral("illness: fever\x1b[2J")});
        QCOMPARE(cancelled.exitCode, 2);
        QVERIFY2(cancelled.err.contains(QLatin1String("reason: ")) && onlyVisible(cancelled.err),
                 qPrintable(cancelled.err));
        const CliRun agenda = cli({QStringLiteral("--json"), QStringLiteral("agenda"), QStringLiteral("--date"),
                                   QStringLiteral("2030-03-04")});
        const QJsonObject row = agenda.json().value(QStringLiteral("appointments")).toArray().first().toObject();
        QCOMPARE(row.value(QStringLiteral("status")).toString(), QStringLiteral("booked"));

        const CliRun booked = cli({QStringLiteral("book"), QStringLiteral("--patient"), QStringLiteral("1"),
                                   QStringLiteral("--practitioner"), QStringLiteral("1"), QStringLiteral("--type"),
                                   QStringLiteral("1"), QStringLiteral("--start"), QStringLiteral("2030-03-05T10:00"),
                                   QStringLiteral("--acknowledge"), QChar(0x202e) + QStringLiteral("checked")});
        QCOMPARE(booked.exitCode, 2);
        QVERIFY2(booked.err.contains(QLatin1String("acknowledgement: ")), qPrintable(booked.err));
    }

    void storedTextShowsEscapedInPlainOutput()
    {
        const CliRun search = cli({QStringLiteral("patient"), QStringLiteral("search"), QStringLiteral("Mallory")});
        QCOMPARE(search.exitCode, 0);
        const QStringList lines = search.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 1);
        // The five columns stay five: id, name, birth date, phone, e-mail.
        QCOMPARE(lines.first().count(QLatin1Char('\t')), 4);
        QVERIFY2(onlyVisible(search.out), qPrintable(search.out));
        QVERIFY2(lines.first().contains(QLatin1String("Smi\\tth, Eve\\rMallory")), qPrintable(search.out));
        QVERIFY2(lines.first().contains(QLatin1String("555\\e[2K1234")), qPrintable(search.out));
        QVERIFY2(lines.first().contains(QLatin1String("\\u202emoc.elpmaxe@eve")), qPrintable(search.out));

        const CliRun show = cli({QStringLiteral("patient"), QStringLiteral("show"), QStringLiteral("3")});
        QCOMPARE(show.exitCode, 0);
        QVERIFY2(onlyVisible(show.out) && !show.out.contains(QLatin1Char('\t')), qPrintable(show.out));
        QVERIFY2(show.out.contains(QLatin1String("Eve\\rMallory Smi\\tth")), qPrintable(show.out));
        QVERIFY2(show.out.contains(QLatin1String("555\\e[2K1234")), qPrintable(show.out));
        QVERIFY2(show.out.contains(QLatin1String("\\u202emoc.elpmaxe@eve")), qPrintable(show.out));

        const CliRun agenda = cli({QStringLiteral("agenda"), QStringLiteral("--date"), QStringLiteral("2030-03-04")});
        QCOMPARE(agenda.exitCode, 0);
        QVERIFY2(onlyVisible(agenda.out) && !agenda.out.contains(QLatin1Char('\t')), qPrintable(agenda.out));
        QVERIFY2(agenda.out.contains(QLatin1String("Eve\\rMallory Smi\\tth")), qPrintable(agenda.out));
        QVERIFY2(agenda.out.contains(QLatin1String("Dr. \\e[31mRed")), qPrintable(agenda.out));
    }

    void jsonGivesStoredTextBackExactly()
    {
        const CliRun search = cli(
            {QStringLiteral("--json"), QStringLiteral("patient"), QStringLiteral("search"), QStringLiteral("Mallory")});
        QCOMPARE(search.exitCode, 0);
        const QJsonObject found = search.json().value(QStringLiteral("patients")).toArray().first().toObject();
        QCOMPARE(found.value(QStringLiteral("given_name")).toString(), m_given);
        QCOMPARE(found.value(QStringLiteral("family_name")).toString(), m_family);
        QCOMPARE(found.value(QStringLiteral("phone")).toString(), m_phone);
        QCOMPARE(found.value(QStringLiteral("email")).toString(), m_email);

        const CliRun show =
            cli({QStringLiteral("--json"), QStringLiteral("patient"), QStringLiteral("show"), QStringLiteral("3")});
        QCOMPARE(show.exitCode, 0);
        QCOMPARE(show.json().value(QStringLiteral("given_name")).toString(), m_given);
        QCOMPARE(show.json().value(QStringLiteral("email")).toString(), m_email);

        const CliRun agenda = cli({QStringLiteral("--json"), QStringLiteral("agenda"), QStringLiteral("--date"),
                                   QStringLiteral("2030-03-04")});
        QCOMPARE(agenda.exitCode, 0);
        const QJsonObject row = agenda.json().value(QStringLiteral("appointments")).toArray().first().toObject();
        QCOMPARE(row.value(QStringLiteral("practitioner")).toString(), m_practitioner);
        QVERIFY(row.value(QStringLiteral("patient")).toString().contains(m_given));
    }
};

QTEST_GUILESS_MAIN(TestCliTextSafety)
#include "tst_cli_textsafety.moc"
