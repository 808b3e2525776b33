#include "FakeClock.h"
#include "ScheduleRows.h"
#include "patients/CsvReader.h"
#include "patients/PatientCsvImporter.h"
#include "patients/PatientFieldRules.h"
#include "patients/PatientRepository.h"

#include <QSqlQuery>
#include <QtTest>

#include <algorithm>

using namespace dermdesk;

// Importing patients from another system's CSV: the reader's quoting rules and bounds, column mapping, per-row
// errors with line numbers, dry runs, all rows or none (or the valid ones, when asked), and nothing when the
// file is unreadable.
class TestPatientCsvImporter : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::TempDatabase> m_temp;
    test::FakeClock m_clock;

    int patients() { return m_temp->scalar(QStringLiteral("SELECT count(*) FROM patient")).toInt(); }

    PatientCsvImporter::Report imported(const QByteArray &csv,
                                        PatientCsvImporter::Mode mode = PatientCsvImporter::Mode::AllOrNothing)
    {
        auto report = PatientCsvImporter(m_temp->database(), m_clock).import(csv, mode);
        if (!report.ok()) {
            qWarning("%s", qPrintable(report.error().message()));
            return {};
        }
        return report.value();
    }

private slots:
    void init()
    {
        // Patients 1 Joanna Smith (1988-04-02) and 2 Jürgen Müller (1975-12-30).
        m_temp = test::minimalClinic();
        QVERIFY(m_temp);
    }

    void readerFollowsTheQuotingRules()
    {
        const QByteArray csv = "\xEF\xBB\xBF"
                               "a,b,c\r\n"
                               "\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n"
                               "\n"
                               "1,,3";
        const auto records = CsvReader::parse(csv);
        QVERIFY(records.ok());
        QCOMPARE(records.value().size(), 3);
        QCOMPARE(records.value().at(0).fields,
                 (QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}));
        QCOMPARE(records.value().at(1).fields,
                 (QStringList{QStringLiteral("x, y"), QStringLiteral("say \"hi\""), QStringLiteral("two\nlines")}));
        QCOMPARE(records.value().at(1).line, 2);
        QCOMPARE(records.value().at(2).line, 5);
        QCOMPARE(records.value().at(2).fields, (QStringList{QStringLiteral("1"), QString(), QStringLiteral("3")}));
    }

    void unreadableFilesAreRefusedWhole_data()
    {
        QTest::addColumn<QByteArray>("csv");
        QTest::addColumn<QString>("says");
        QTest::newRow("unclosed quote") << QByteArray("First name,Last name\nAna,\"Lima\nBo,Berg\n") << "line 2";
        // The stray quote on line 2 pairs with the first one of line 4: not three shifted rows.
        QTest::newRow("quote closed by a later row")
            << QByteArray("First name,Last name\nAna,\"Lima\nBo,Berg\nCy,\"Young\"\nDee,Ray\n") << "opened on line 2";
        QTest::newRow("latin-1") << QByteArray("First name,Last name\nAna,Lima\r\nJos\xE9,Lima\n") << "Line 3";
        QTest::newRow("overlong UTF-8") << QByteArray("First name,Last name\rAna,\xC0\xAF\r") << "Line 2";
        QTest::newRow("NUL") << QByteArray("First name,Last name\nAna,Li\0ma\n", 31) << "NUL";
        QTest::newRow("cell over 100,000 characters")
            << (QByteArray("First name,Last name,Notes\nAna,Lima,\"") + QByteArray(100001, 'x') + "\"\n")
            << "Line 2, column 3";
        QTest::newRow("too many columns")
            << (QByteArray("First name,Last name\nAna,Lima") + QByteArray(1000, ',') + "\n") << "Line 2";
        QTest::newRow("empty") << QByteArray("") << "header";
        QTest::newRow("no name columns") << QByteArray("colour,size\nred,2\n") << "mapping";
    }

    void unreadableFilesAreRefusedWhole()
    {
        QFETCH(QByteArray, csv);
        QFETCH(QString, says);
        const auto report =
            PatientCsvImporter(m_temp->database(), m_clock).import(csv, PatientCsvImporter::Mode::SkipInvalid);
        QVERIFY(!report.ok());
        QCOMPARE(report.error().kind(), ErrorKind::InvalidInput);
        QVERIFY2(report.error().message().contains(says), qPrintable(report.error().message()));
        QCOMPARE(patients(), 2);
    }

    void badRowsAreReportedByLineAndNothingOrTheRestSaved()
    {
        const QByteArray csv = "First name,Surname,DOB,Mobile,E-mail,Notes\n"
                               "Ana,Lima,1990-01-01,555 123 4567,ana@example.com,\"likes mornings, not Mondays\"\n"
                               "Bo,Berg,1990-02-30,,,\n"
                               ",Nameless,1990-01-01,,,\n"
                               "Cy,Young,2999-01-01,,,\n"
                               "Joanna,SMITH,1988-04-02,,,\n"
                               "Ana,Lima,1990-01-01,,,\n"
                               "Dee,Ray,1970-07-07\n"
                               "\"Робер'); DROP TABLE patient;--\",王,1980-05-05,,,\"two\nlines\"\n";
        const PatientCsvImporter::Report dry = imported(csv, PatientCsvImporter::Mode::DryRun);
        QCOMPARE(dry.rows, 8);
        QCOMPARE(dry.valid, 2);
        QVERIFY(dry.ids.isEmpty());
        QCOMPARE(patients(), 2);
        QList<int> lines;
        QStringList fields;
        for (const PatientCsvImporter::RowError &error : dry.errors) {
            lines.append(error.line);
            fields.append(error.field);
        }
        QCOMPARE(lines, (QList<int>{3, 4, 5, 6, 7, 8}));
        QCOMPARE(fields,
                 (QStringList{QStringLiteral("birth_date"), QStringLiteral("given_name"), QStringLiteral("birth_date"),
                              QStringLiteral("duplicate"), QStringLiteral("duplicate"), QStringLiteral("row")}));
        QVERIFY(dry.errors.at(4).message.contains(QStringLiteral("line 2")));

        // All or nothing: with bad rows, nothing is saved.
        const PatientCsvImporter::Report none = imported(csv);
        QCOMPARE(none.valid, 2);
        QCOMPARE(none.errors.size(), 6);
        QVERIFY(none.ids.isEmpty());
        QCOMPARE(patients(), 2);

        const PatientCsvImporter::Report real = imported(csv, PatientCsvImporter::Mode::SkipInvalid);
        QCOMPARE(real.errors.size(), 6);
        QCOMPARE(real.ids.size(), 2);
        QCOMPARE(patients(), 4);
        const Patient ana = PatientRepository(m_temp->database(), m_clock).find(real.ids.first()).value();
        QCOMPARE(ana.notes, QStringLiteral("likes mornings, not Mondays"));
        QCOMPARE(ana.phone, QStringLiteral("555 123 4567"));
        const Patient robert = PatientRepository(m_temp->database(), m_clock).find(real.ids.last()).value();
        QCOMPARE(robert.givenName, QStringLiteral("Робер'); DROP TABLE patient;--"));
        QCOMPARE(robert.familyName, QStringLiteral("王"));
        QCOMPARE(robert.notes, QStringLiteral("two\nlines"));
        QCOMPARE(m_temp->scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'import'")).toInt(), 2);
        // Searchable at once.
        QCOMPARE(PatientRepository(m_temp->database(), m_clock).search(QStringLiteral("lima"), 5).value().size(), 1);
    }

    void explicitMappingWins()
    {
        QHash<QString, int> mapping{{QStringLiteral("family_name"), 0}, {QStringLiteral("given_name"), 1}};
        const auto report = PatientCsvImporter(m_temp->database(), m_clock)
                                .import("col1,col2\nLima,Ana\n", PatientCsvImporter::Mode::AllOrNothing, mapping);
        QVERIFY(report.ok());
        QCOMPARE(report.value().ids.size(), 1);
        const Patient p = PatientRepository(m_temp->database(), m_clock).find(report.value().ids.first()).value();
        QCOMPARE(p.givenName, QStringLiteral("Ana"));
        QCOMPARE(p.familyName, QStringLiteral("Lima"));
    }

    void oldMacLineEndsAreRead()
    {
        const auto records = CsvReader::parse("a,b\r\"Bo\rBob\",Berg\r\rCy,Young");
        QVERIFY(records.ok());
        QCOMPARE(records.value().size(), 3);
        QCOMPARE(records.value().at(1).fields,
                 (QStringList{QStringLiteral("Bo\rBob"), QStringLiteral("Berg")})); // a quoted line break is kept
        QCOMPARE(records.value().at(2).line, 5);

        const PatientCsvImporter::Report report =
            imported("First name,Surname,DOB\rAna,Lima,1990-01-01\rBo,Berg,1991-02-03\rCy,Young,1970-01-01\r");
        QCOMPARE(report.rows, 3);
        QCOMPARE(report.errors.size(), 0);
        QCOMPARE(report.ids.size(), 3);
        QCOMPARE(patients(), 5);
    }

    void fieldProblemsNameLineAndColumn_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("cell");
        QTest::addColumn<QString>("says");
        const auto bound = [](const QString &field) {
            for (const PatientFieldRules::TextField &rule : PatientFieldRules::textFields()) {
                if (rule.key == field)
                    return rule.maxLength;
            }
            return 0;
        };
        for (const auto &[field, column] :
             {std::pair{QStringLiteral("given_name"), 1}, std::pair{QStringLiteral("email"), 4},
              std::pair{QStringLiteral("address"), 5}}) {
            QTest::newRow(qPrintable(field))
                << field << column << QString(bound(field) + 1, QChar(0x00E9)) << QString::number(bound(field));
        }
        QTest::newRow("birth date") << QStringLiteral("birth_date") << 3 << QStringLiteral("1990-02-30")
                                    << QStringLiteral("YYYY-MM-DD");
    }

    void fieldProblemsNameLineAndColumn()
    {
        QFETCH(QString, field);
        QFETCH(int, column);
        QFETCH(QString, cell);
        QFETCH(QString, says);
        QStringList cells{QStringLiteral("Ana"), QStringLiteral("Lima"), QStringLiteral("1990-01-01"), QString(),
                          QString()};
        cells[column - 1] = cell;
        const QByteArray csv = "First name,Surname,DOB,Email,Address\nBo,Berg,1991-01-01,,\n"
                               + cells.join(QLatin1Char(',')).toUtf8() + "\n";
        const PatientCsvImporter::Report report = imported(csv, PatientCsvImporter::Mode::DryRun);
        QCOMPARE(report.valid, 1);
        QCOMPARE(report.errors.size(), 1);
        QCOMPARE(report.errors.first().line, 3);
        QCOMPARE(report.errors.first().field, field);
        const QString &message = report.errors.first().message;
        QVERIFY2(message.startsWith(QStringLiteral("column %1 (").arg(column)) && message.contains(says),
                 qPrintable(message));
    }

    void formulaGuardsAreTakenOff()
    {
        const QByteArray csv = "First name,Surname,Notes\n"
                               "'+Ana,'=Lima,\"'=HYPERLINK(\"\"http://example.com\"\",\"\"x\"\")\"\n"
                               "'Bo,Berg,''-5 mm\n"
                               "Cy,Young,'\n";
        const PatientCsvImporter::Report report = imported(csv);
        QCOMPARE(report.ids.size(), 3);
        PatientRepository repository(m_temp->database(), m_clock);
        const Patient ana = repository.find(report.ids.at(0)).value();
        QCOMPARE(ana.givenName, QStringLiteral("+Ana"));
        QCOMPARE(ana.familyName, QStringLiteral("=Lima"));
        QCOMPARE(ana.notes, QStringLiteral("=HYPERLINK(\"http://example.com\",\"x\")"));
        const Patient bo = repository.find(report.ids.at(1)).value();
        QCOMPARE(bo.givenName, QStringLiteral("'Bo")); // an apostrophe before anything else stays
        QCOMPARE(bo.notes, QStringLiteral("'-5 mm"));
        QCOMPARE(repository.find(report.ids.at(2)).value().notes, QStringLiteral("'"));
    }

    void rowsWithAClinicPatientsNumberAreFoundAmongHundreds()
    {
        PatientRepository repository(m_temp->database(), m_clock);
        Patient london;
        london.givenName = QStringLiteral("Lena");
        london.familyName = QStringLiteral("Park");
        london.phone = QStringLiteral("+44 20 7946 0001");
        Patient berlin;
        berlin.givenName = QStringLiteral("Bernd");
        berlin.familyName = QStringLiteral("Stolz");
        berlin.phoneHome = QStringLiteral("030 1234567");
        const qint64 londonId = repository.add(london).value();
        const qint64 berlinId = repository.add(berlin).value();

        // 600 rows; four of them carry those numbers, written other ways, at the edges of the lookup's batches.
        QByteArray csv = "given,family,phone\n";
        for (int i = 0; i < 600; ++i) {
            QString phone = QStringLiteral("+1 555 %1").arg(3000000 + i);
            if (i == 0)
                phone = QStringLiteral("020 7946 0001");
            else if (i == 255)
                phone = QStringLiteral("030 1234567");
            else if (i == 256)
                phone = QStringLiteral("+44 (20) 7946-0001");
            else if (i == 599)
                phone = QStringLiteral("(030) 123-4567");
            csv += QStringLiteral("Row%1,Person%1,%2\n").arg(i).arg(phone).toUtf8();
        }
        const PatientCsvImporter::Report report = imported(csv, PatientCsvImporter::Mode::SkipInvalid);
        QList<int> lines;
        QStringList messages;
        for (const PatientCsvImporter::RowError &error : report.errors) {
            lines.append(error.line);
            messages.append(error.message);
        }
        // Line numbers count the header as line 1.
        QCOMPARE(lines, (QList<int>{2, 257, 258, 601}));
        QVERIFY(messages.at(0).contains(QStringLiteral("patient %1").arg(londonId)));
        QVERIFY(messages.at(1).contains(QStringLiteral("patient %1").arg(berlinId)));
        QVERIFY(messages.at(2).contains(QStringLiteral("patient %1").arg(londonId)));
        QVERIFY(messages.at(3).contains(QStringLiteral("patient %1").arg(berlinId)));
        QCOMPARE(report.ids.size(), 596);

        // One audit row per imported patient, in the file's order.
        QSqlQuery audit(m_temp->database().connection());
        QVERIFY(audit.exec(QStringLiteral("SELECT entity_id FROM audit_log WHERE action = 'import' ORDER BY id")));
        QList<qint64> audited;
        while (audit.next())
            audited.append(audit.value(0).toLongLong());
        QCOMPARE(audited, report.ids);
        QVERIFY(std::is_sorted(report.ids.cbegin(), report.ids.cend()));
        QCOMPARE(repository.find(report.ids.last()).value().givenName, QStringLiteral("Row598"));
    }

    void thousandsOfRowsInOneGo()
    {
        QByteArray csv = "given,family,birth date,phone\n";
        for (int i = 0; i < 2000; ++i)
            csv += QStringLiteral("Given%1,Family%1,19%2-0%3-1%4,+1 555 %5\n")
                       .arg(i)
                       .arg(50 + i % 50)
                       .arg(1 + i % 9)
                       .arg(i % 10)
                       .arg(1000000 + i)
                       .toUtf8();
        QElapsedTimer timer;
        timer.start();
        const PatientCsvImporter::Report report = imported(csv);
        qInfo("import of 2,000 rows: %lld ms", timer.elapsed());
        QCOMPARE(report.errors.size(), 0);
        QCOMPARE(report.ids.size(), 2000);
        QCOMPARE(patients(), 2002);
    }
};

QTEST_GUILESS_MAIN(TestPatientCsvImporter)
#include "tst_patientcsvimporter.moc"
