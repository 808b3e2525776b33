#include "ScheduleClinic.h"
#include "patients/CsvFormulaGuard.h"
#include "patients/CsvReader.h"
#include "patients/CsvWriter.h"
#include "patients/PatientListExport.h"

#include <QBuffer>
#include <QtTest>

using namespace dermdesk;

// The patient list as CSV that CsvReader reads back exactly, with formula-like cells guarded.
class TestPatientListExport : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::TempDatabase> m_temp;

private slots:
    void init()
    {
        m_temp = std::make_unique<test::TempDatabase>();
        QVERIFY(m_temp->isValid());
        QVERIFY(test::seedScheduleClinic(*m_temp));
    }

    void cleanup() { m_temp.reset(); }

    void csvFieldsRoundTrip_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("plain") << QStringLiteral("Smith");
        QTest::newRow("comma") << QStringLiteral("Anne, Marie");
        QTest::newRow("quotes") << QStringLiteral("The \"Doc\"");
        QTest::newRow("line break") << QStringLiteral("12 Main St\nApt 4");
        QTest::newRow("accents and CJK") << QStringLiteral("J\u00fcrgen \u738b");
        QTest::newRow("leading space") << QStringLiteral(" padded ");
        QTest::newRow("looks like SQL") << QStringLiteral("Robert'); DROP TABLE patient;--");
    }

    void csvFieldsRoundTrip()
    {
        QFETCH(QString, text);
        const QByteArray bytes = CsvWriter::byteOrderMark() + CsvWriter::row({QStringLiteral("a"), text})
                                 + CsvWriter::row({text, QString()});
        auto records = CsvReader::parse(bytes);
        QVERIFY(records);
        QCOMPARE(records.value().size(), 2);
        QCOMPARE(records.value().at(0).fields, (QStringList{QStringLiteral("a"), text}));
        QCOMPARE(records.value().at(1).fields, (QStringList{text, QString()}));
    }

    void formulaCellsAreGuardedAndComeBack_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("guarded");
        QTest::newRow("=") << QStringLiteral("=HYPERLINK(\"http://example.com\",\"x\")") << true;
        QTest::newRow("+") << QStringLiteral("+1 555 0100") << true;
        QTest::newRow("-") << QStringLiteral("-5 mm") << true;
        QTest::newRow("@") << QStringLiteral("@SUM(A1:A9)") << true;
        QTest::newRow("tab") << QStringLiteral("\tindented") << true;
        QTest::newRow("carriage return") << QStringLiteral("\r\nsecond line") << true;
        QTest::newRow("already guarded") << QStringLiteral("'=1+2") << true;
        QTest::newRow("apostrophes") << QStringLiteral("''@x") << true;
        QTest::newRow("apostrophe name") << QStringLiteral("O'Brien") << false;
        QTest::newRow("leading apostrophe") << QStringLiteral("'tis") << false;
        QTest::newRow("inner equals") << QStringLiteral("a=b") << false;
    }

    void formulaCellsAreGuardedAndComeBack()
    {
        QFETCH(QString, text);
        QFETCH(bool, guarded);
        const QByteArray row = CsvWriter::row({text, QStringLiteral("end")});
        // What a spreadsheet sees as the cell's first character (after an opening quote).
        const char first = row.startsWith('"') ? row.at(1) : row.at(0);
        QCOMPARE(first == '\'', guarded || text.startsWith(QLatin1Char('\'')));
        QCOMPARE(CsvFormulaGuard::guard(text).size(), text.size() + (guarded ? 1 : 0));
        auto records = CsvReader::parse(row);
        QVERIFY(records);
        QCOMPARE(CsvFormulaGuard::unguard(records.value().first().fields.first()), text);
    }

    void patientListHasEveryPatient()
    {
        QBuffer buffer;
        QVERIFY(buffer.open(QIODevice::WriteOnly));
        auto written = PatientListExport(m_temp->database()).writeCsv(buffer);
        QVERIFY(written);
        QCOMPARE(written.value(), qint64(4));
        auto records = CsvReader::parse(buffer.data());
        QVERIFY(records);
        QCOMPARE(records.value().size(), 5);
        QCOMPARE(records.value().at(2).fields.at(2), QStringLiteral("M\u00fcller"));
    }

    // A value the record leaves unknown (no skin type) is an empty cell, never a 0 a reader would take for a value.
    void unknownValuesAreEmptyCells()
    {
        QVERIFY(test::runAll(m_temp->database(), {QStringLiteral("UPDATE patient SET fitzpatrick = 3 WHERE id = 1")}));
        QBuffer buffer;
        QVERIFY(buffer.open(QIODevice::WriteOnly));
        QVERIFY(PatientListExport(m_temp->database()).writeCsv(buffer));
        const auto records = CsvReader::parse(buffer.data());
        QVERIFY(records);
        const qsizetype skinType = records.value().at(0).fields.indexOf(QStringLiteral("fitzpatrick"));
        QVERIFY(skinType > 0);
        QStringList skinTypes;
        for (qsizetype row = 1; row < records.value().size(); ++row)
            skinTypes.append(records.value().at(row).fields.at(skinType));
        // Archived, Müller, Smith, Wang.
        QCOMPARE(skinTypes, (QStringList{QString(), QString(), QStringLiteral("3"), QString()}));
    }
};

QTEST_GUILESS_MAIN(TestPatientListExport)
#include "tst_patientlistexport.moc"
