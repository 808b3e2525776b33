#include "FakeClock.h"
#include "ScheduleRows.h"
#include "patients/PatientCsvImporter.h"
#include "patients/PatientFieldRules.h"
#include "patients/PatientRepository.h"

#include <QtTest>

using namespace dermdesk;

// The one check every way into a patient record goes through: each text field's bound and the text rules
// (control characters, direction overrides, invalid UTF-8, invisible-only text), each refusal naming the
// field and the rule, and nothing stored when a record is refused, whether saved or imported.
class TestPatientFieldRules : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::TempDatabase> m_temp;
    test::FakeClock m_clock;
    const QDate m_today = QDate(2026, 11, 26);

    static Patient valid()
    {
        Patient p;
        p.givenName = QStringLiteral("Ana");
        p.familyName = QStringLiteral("Ruiz");
        p.birthDate = QDate(1990, 5, 1);
        return p;
    }

    // valid() with the text field stored as `key` set to `text`.
    static Patient validWith(const QString &key, const QString &text)
    {
        Patient patient = valid();
        for (const PatientFieldRules::TextField &field : PatientFieldRules::textFields()) {
            if (field.key == key)
                patient.*field.member = text;
        }
        return patient;
    }

    static bool multiLine(const QString &key)
    {
        for (const PatientFieldRules::TextField &field : PatientFieldRules::textFields()) {
            if (field.key == key)
                return field.lines == TextRules::Lines::Many;
        }
        return false;
    }

    int patients() { return m_temp->scalar(QStringLiteral("SELECT count(*) FROM patient")).toInt(); }

private slots:
    // One clinic for every case: nothing a case tries to store may be stored.
    void initTestCase()
    {
        m_temp = test::minimalClinic();
        QVERIFY(m_temp);
    }

    void boundsAreStated()
    {
        QHash<QString, int> bounds;
        for (const PatientFieldRules::TextField &field : PatientFieldRules::textFields())
            bounds.insert(field.key, field.maxLength);
        QCOMPARE(bounds.value(QStringLiteral("given_name")), 100);
        QCOMPARE(bounds.value(QStringLiteral("family_name")), 100);
        QCOMPARE(bounds.value(QStringLiteral("preferred_name")), 100);
        QCOMPARE(bounds.value(QStringLiteral("email")), 254);
        QCOMPARE(bounds.value(QStringLiteral("phone")), 40);
        QCOMPARE(bounds.value(QStringLiteral("phone_home")), 40);
        QCOMPARE(bounds.value(QStringLiteral("notes")), 10000);
        QCOMPARE(bounds.size(), 11);
    }

    void eachFieldRefusesEachBadText_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("rule");

        // Text that passes the field's own shape rules once the bad part is taken out, so the text rule is
        // what refuses it.
        const auto decent = [](const QString &key) {
            if (key.startsWith(QLatin1String("phone")))
                return QStringLiteral("555 1234");
            if (key == QLatin1String("email"))
                return QStringLiteral("ana@example.com");
            return QStringLiteral("Ana");
        };
        for (const PatientFieldRules::TextField &field : PatientFieldRules::textFields()) {
            const QString key = field.key;
            const QString ok = decent(key);
            const auto row = [&](const char *what, const QString &text, const QString &rule) {
                QTest::newRow(qPrintable(key + QLatin1Char(' ') + QLatin1String(what))) << key << text << rule;
            };
            QString tooLong = ok;
            while (tooLong.size() <= field.maxLength)
                tooLong += key == QLatin1String("email") ? QStringLiteral("a") : QStringLiteral("5");
            if (key == QLatin1String("email"))
                tooLong = QString(field.maxLength, QLatin1Char('a')) + QStringLiteral("@example.com");
            row("too long", tooLong, QStringLiteral("at most %1 characters").arg(field.maxLength));
            row("NUL", ok.left(2) + QChar(0) + ok.mid(2), QStringLiteral("U+0000"));
            row("escape", ok + QStringLiteral("\x1b[2J"), QStringLiteral("U+001B"));
            row("C1 control", ok + QChar(0x9b), QStringLiteral("U+009B"));
            row("DEL", ok + QChar(0x7f), QStringLiteral("U+007F"));
            row("lone carriage return", ok + QStringLiteral("\rX"), QStringLiteral("U+000D"));
            row("right-to-left override", QChar(0x202e) + ok, QStringLiteral("direction override"));
            row("left-to-right embedding", ok + QChar(0x202a), QStringLiteral("U+202A"));
            row("first strong isolate", ok + QChar(0x2068), QStringLiteral("U+2068"));
            row("pop directional isolate", ok + QChar(0x2069), QStringLiteral("U+2069"));
            row("replacement character", ok + QChar(0xfffd), QStringLiteral("not valid UTF-8"));
            row("lone surrogate", ok + QChar(0xd800), QStringLiteral("not valid text"));
            row("zero-width space only", QString(QChar(0x200b)), QStringLiteral("only invisible"));
            row("invisible mix", QString(QChar(0xfeff)) + QChar(0x2060) + QChar(0x00ad) + QChar(0x200d),
                QStringLiteral("only invisible"));
            if (!multiLine(key)) {
                row("tab", ok + QStringLiteral("\tX"), QStringLiteral("U+0009"));
                row("line feed", ok + QStringLiteral("\nX"), QStringLiteral("one line"));
                row("line separator", ok + QChar(0x2028), QStringLiteral("one line"));
            }
        }
    }

    void eachFieldRefusesEachBadText()
    {
        QFETCH(QString, key);
        QFETCH(QString, text);
        QFETCH(QString, rule);
        const Patient patient = validWith(key, text);
        const Status checked = PatientFieldRules::check(patient, m_today);
        QVERIFY(!checked.ok());
        QCOMPARE(checked.error().kind(), ErrorKind::InvalidInput);
        QCOMPARE(checked.error().field(), key);
        QVERIFY2(checked.error().message().startsWith(key + QStringLiteral(": ")),
                 qPrintable(checked.error().message()));
        QVERIFY2(checked.error().message().contains(rule), qPrintable(checked.error().message()));
        // The repository refuses it the same way and stores nothing.
        const auto added = PatientRepository(m_temp->database(), m_clock).add(patient);
        QVERIFY(!added.ok());
        QCOMPARE(added.error().message(), checked.error().message());
        QCOMPARE(patients(), 2);
    }

    void realTextPasses_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("text");
        QTest::newRow("accents") << QStringLiteral("family_name") << QStringLiteral("Ångström-Müller");
        QTest::newRow("apostrophe") << QStringLiteral("family_name") << QStringLiteral("O'Brien");
        QTest::newRow("CJK") << QStringLiteral("given_name") << QStringLiteral("美咲");
        QTest::newRow("Arabic with a direction mark")
            << QStringLiteral("given_name") << QStringLiteral("فاطمة") + QChar(0x200f);
        QTest::newRow("Malayalam with a joiner")
            << QStringLiteral("given_name") << QStringLiteral("ലക്ഷ്മി") + QChar(0x200d);
        QTest::newRow("emoji outside the BMP") << QStringLiteral("preferred_name") << QStringLiteral("Ana 🌸");
        QTest::newRow("exactly 100 characters") << QStringLiteral("given_name") << QString(100, QLatin1Char('a'));
        QTest::newRow("100 characters outside the BMP")
            << QStringLiteral("given_name") << QString(QStringLiteral("𝒜")).repeated(100);
        QTest::newRow("notes on several lines")
            << QStringLiteral("notes") << QStringLiteral("Line one\n\tindented\r\nWindows line\nlast");
        QTest::newRow("address on lines") << QStringLiteral("address") << QStringLiteral("1 Main St\nSpringfield");
        QTest::newRow("phone") << QStringLiteral("phone") << QStringLiteral("+1 (555) 123-4567");
    }

    void realTextPasses()
    {
        QFETCH(QString, key);
        QFETCH(QString, text);
        const Patient patient = validWith(key, text);
        const Status checked = PatientFieldRules::check(patient, m_today);
        QVERIFY2(checked.ok(), checked.ok() ? "" : qPrintable(checked.error().message()));
    }

    void nulIsNeverStored()
    {
        Patient patient = valid();
        patient.givenName = QStringLiteral("Ana") + QChar(0) + QStringLiteral("hidden");
        PatientRepository repository(m_temp->database(), m_clock);
        const auto added = repository.add(patient);
        QVERIFY(!added.ok());
        QCOMPARE(added.error().field(), QStringLiteral("given_name"));
        QCOMPARE(patients(), 2);

        auto joanna = repository.find(1);
        QVERIFY(joanna.ok());
        Patient edited = joanna.value();
        edited.notes = QStringLiteral("fine") + QChar(0) + QStringLiteral("after NUL");
        const Status updated = repository.update(edited);
        QVERIFY(!updated.ok());
        QCOMPARE(updated.error().field(), QStringLiteral("notes"));
        QCOMPARE(m_temp->scalar(QStringLiteral("SELECT notes FROM patient WHERE id = 1")).toString(), QString());
    }

    void theImporterAppliesTheSameRules()
    {
        QByteArray csv = "given_name,family_name,birth_date,phone,email,notes\n";
        csv += "Ana,Ruiz,1990-05-01,,,\n"; // line 2: fine
        csv += "\xE2\x80\xAE"
               "anA,Ruiz,1991-05-01,,,\n";                              // line 3: U+202E
        csv += "Bea,\xE2\x80\x8B,1992-05-01,,,\n";                      // line 4: zero-width only
        csv += "Cy,Ito,1993-05-01,,\"c\x1b@example.com\",\n";           // line 5: ESC in e-mail
        csv += "Di,Lee,1994-05-01,\"" + QByteArray(41, '5') + "\",,\n"; // line 6: phone too long
        csv += "Ed,Orr,1995-05-01,,,\"two\nlines\tfine\"\n";            // line 7: fine
        csv += "Flo,Ng,1996-05-01,,,\"bell\x07\"\n";                    // line 9: BEL in notes
        auto report = PatientCsvImporter(m_temp->database(), m_clock).import(csv, PatientCsvImporter::Mode::DryRun);
        QVERIFY(report.ok());
        QCOMPARE(report.value().valid, 2);
        QHash<int, QString> fields;
        for (const PatientCsvImporter::RowError &error : report.value().errors) {
            fields.insert(error.line, error.field);
            // "column 2 (\"family_name\"): family_name: ..."
            QVERIFY2(error.message.startsWith(QStringLiteral("column "))
                         && error.message.contains(QStringLiteral("): ") + error.field + QStringLiteral(": ")),
                     qPrintable(error.message));
        }
        QCOMPARE(fields.value(3), QStringLiteral("given_name"));
        QCOMPARE(fields.value(4), QStringLiteral("family_name"));
        QCOMPARE(fields.value(5), QStringLiteral("email"));
        QCOMPARE(fields.value(6), QStringLiteral("phone"));
        QCOMPARE(fields.value(9), QStringLiteral("notes"));
        QCOMPARE(fields.size(), 5);
        QCOMPARE(patients(), 2);
    }
};

QTEST_GUILESS_MAIN(TestPatientFieldRules)
#include "tst_patientfieldrules.moc"
