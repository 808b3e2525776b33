#include "CliRun.h"
#include "TempDatabase.h"
#include "patients/PatientRepository.h"

#include <QJsonArray>
#include <QProcess>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QtTest>

using namespace dermdesk;
using test::CliRun;

// The patient list as CSV opened by a reader that is not DermDesk's (Python's csv module, as a spreadsheet's
// import reads it): a text that a spreadsheet would run as a formula arrives with a leading apostrophe, and
// importing that CSV into another clinic gives back every text exactly.
class TestCliCsvFormula : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    // Texts a spreadsheet would run as formulas, by the patient field that holds them.
    static QList<std::pair<QString, QString>> formulas()
    {
        return {{QStringLiteral("given_name"), QStringLiteral("=HYPERLINK(\"https://example.com/x\",\"Ana\")")},
                {QStringLiteral("family_name"), QStringLiteral("+Lima")},
                {QStringLiteral("phone"), QStringLiteral("+1 555 0100")},
                {QStringLiteral("address"), QStringLiteral("-5 Main St\n2nd floor")},
                {QStringLiteral("allergies"), QStringLiteral("\tlatex")},
                {QStringLiteral("medications"), QStringLiteral("\r\nnone since May")},
                {QStringLiteral("notes"), QStringLiteral("'=already guarded by hand")}};
    }

    static bool seedClinic(Database &database)
    {
        QSqlQuery query(database.connection());
        return query.exec(QStringLiteral("INSERT INTO clinic_settings (id, name, time_zone, created_at) VALUES "
                                         "(1, 'Test Clinic', 'America/New_York', 0)"));
    }

    // The cells of `path` as Python's csv module reads them, or an empty array (with a warning).
    static QJsonArray pythonCells(const QString &path)
    {
        const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"));
        if (python.isEmpty()) {
            qWarning("python3 is not installed (packaging/dev.sh installs it)");
            return {};
        }
        QProcess process;
        process.start(python, {QStringLiteral(DERMDESK_SOURCE_DIR "/tests/app/cli/csv_cells.py"), path});
        if (!process.waitForFinished(30000) || process.exitCode() != 0) {
            qWarning("csv_cells.py: %s", process.readAllStandardError().constData());
            return {};
        }
        return QJsonDocument::fromJson(process.readAllStandardOutput()).array();
    }

    // Every column but the id (the new clinic numbers its patients itself).
    static QJsonArray withoutIds(QJsonArray rows)
    {
        for (auto row = rows.begin(); row != rows.end(); ++row) {
            QJsonArray cells = row->toArray();
            cells.removeFirst();
            *row = cells;
        }
        return rows;
    }

private slots:
    void formulaCellsAreGuardedAndRoundTrip()
    {
        test::TempDatabase source;
        QVERIFY(source.isValid() && seedClinic(source.database()));
        Patient tricky;
        tricky.givenName = formulas().at(0).second;
        tricky.familyName = formulas().at(1).second;
        tricky.phone = formulas().at(2).second;
        tricky.email = QStringLiteral("ana@example.com");
        tricky.address = formulas().at(3).second;
        tricky.allergies = formulas().at(4).second;
        tricky.medications = formulas().at(5).second;
        tricky.notes = formulas().at(6).second;
        tricky.birthDate = QDate(1990, 1, 1);
        Patient plain;
        plain.givenName = QStringLiteral("Zoë");
        plain.familyName = QStringLiteral("O'Brien");
        plain.notes = QStringLiteral("a=b, \"quoted\"");
        PatientRepository repository(source.database());
        QVERIFY(repository.add(tricky));
        QVERIFY(repository.add(plain));
        source.close();

        const QString first = m_dir.filePath(QStringLiteral("first.csv"));
        const CliRun exported = CliRun::run(source.path(), {QStringLiteral("patient"), QStringLiteral("list-csv"),
                                                            QStringLiteral("-o"), first});
        QCOMPARE(exported.exitCode, 0);
        const QJsonArray rows = pythonCells(first);
        QCOMPARE(rows.size(), 3);
        const QJsonArray header = rows.at(0).toArray();

        // No cell starts as a formula; each formula text is there behind one apostrophe.
        for (const QJsonValue &row : rows) {
            for (const QJsonValue &cell : row.toArray()) {
                const QString text = cell.toString();
                QVERIFY2(text.isEmpty() || !QStringLiteral("=+-@\t\r").contains(text.at(0)), qPrintable(text));
            }
        }
        const QJsonArray trickyRow = rows.at(1).toArray(); // "+Lima" sorts before "O'Brien"
        for (const auto &[field, text] : formulas()) {
            const qsizetype column = header.toVariantList().indexOf(field);
            QVERIFY2(column > 0, qPrintable(field));
            QCOMPARE(trickyRow.at(column).toString(), QLatin1Char('\'') + text);
        }
        QCOMPARE(rows.at(2).toArray().at(header.toVariantList().indexOf(QStringLiteral("family_name"))).toString(),
                 QStringLiteral("O'Brien"));

        // Imported into another clinic and exported again: the same cells.
        test::TempDatabase target;
        QVERIFY(target.isValid() && seedClinic(target.database()));
        target.close();
        const CliRun imported = CliRun::run(target.path(), {QStringLiteral("import-patients"), first});
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
        const QString second = m_dir.filePath(QStringLiteral("second.csv"));
        QCOMPARE(CliRun::run(target.path(),
                             {QStringLiteral("patient"), QStringLiteral("list-csv"), QStringLiteral("-o"), second})
                     .exitCode,
                 0);
        QCOMPARE(withoutIds(pythonCells(second)), withoutIds(rows));
    }
};

QTEST_GUILESS_MAIN(TestCliCsvFormula)
#include "tst_cli_csvformula.moc"
