#include "EducationClinic.h"
#include "FakeClock.h"
#include "PdfText.h"
#include "clinic/ClinicRepository.h"
#include "education/AppointmentCardComposer.h"
#include "education/DaySheetComposer.h"
#include "education/HandoutComposer.h"
#include "ui/print/DocumentPrinter.h"
#include "ui/print/PageSetup.h"

#include <QRegularExpression>
#include <QtTest>

using namespace dermdesk;

namespace {

// The clinic's settings as stored (the defaults when none can be read), for the paper of its printouts.
ClinicSettings storedClinic(const Database &database)
{
    const auto settings = ClinicRepository(database).settings();
    return settings && settings.value() ? *settings.value() : ClinicSettings();
}

} // namespace

// The clinic's printouts as they come out on paper: the paper Clinic Settings chose, or the one usual in the
// clinic's country (its time zone's), or the desk's when the zone names no country; day sheet columns that
// never cut a word on either paper; the clinic's phone number on one line.
class TestPrintedPages : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::TempDatabase> m_temp;
    test::FakeClock m_clock{test::educationNow()};
    const QLocale m_locale{QLocale::English, QLocale::UnitedKingdom};

    bool setClinic(const QString &zone, const QString &paperCode)
    {
        QSqlQuery query(m_temp->database().connection());
        query.prepare(QStringLiteral("UPDATE clinic_settings SET time_zone = ?, paper_size = ?"));
        query.addBindValue(zone);
        query.addBindValue(paperCode);
        if (!query.exec()) {
            qWarning("%s", qPrintable(query.lastError().text()));
            return false;
        }
        return true;
    }

    // Writes `document` as the desk and dermdesk-cli do; the PDF's path, empty on failure.
    QString write(const Result<ComposedDocument> &document, const QString &name, const QLocale &desk = QLocale::c())
    {
        if (!document) {
            qWarning("%s", qPrintable(document.error().message()));
            return {};
        }
        const QString path = QDir(m_temp->folder()).filePath(name);
        const Status written =
            DocumentPrinter::writePdf(document.value().html, path,
                                      PageSetup::forClinic(storedClinic(m_temp->database()), document.value(), desk));
        if (!written) {
            qWarning("%s", qPrintable(written.error().message()));
            return {};
        }
        // To look at the pages (pdftoppm -png): DERMDESK_SCREENSHOT_DIR=folder.
        if (const QString keep = qEnvironmentVariable("DERMDESK_SCREENSHOT_DIR"); !keep.isEmpty()) {
            QFile::remove(QDir(keep).filePath(name));
            QFile::copy(path, QDir(keep).filePath(name));
        }
        return path;
    }

    // "letter", "a4" or what pdfinfo said, from the page's size in points whichever way up.
    static QString paperOf(const QString &path)
    {
        const QSizeF size = test::PdfText::pageSize(path);
        const qreal shorter = std::min(size.width(), size.height());
        const qreal longer = std::max(size.width(), size.height());
        if (qAbs(shorter - 612) < 1 && qAbs(longer - 792) < 1)
            return QStringLiteral("letter");
        if (qAbs(shorter - 595.3) < 1 && qAbs(longer - 841.9) < 1)
            return QStringLiteral("a4");
        return QStringLiteral("%1 x %2").arg(size.width()).arg(size.height());
    }

private slots:
    void init()
    {
        QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("pdfinfo")).isEmpty(),
                 "pdfinfo (poppler-utils, installed by packaging/dev.sh) is missing");
        m_temp = std::make_unique<test::TempDatabase>();
        QVERIFY(m_temp->isValid());
        QVERIFY(test::seedEducationClinic(*m_temp));
    }

    void cleanup() { m_temp.reset(); }

    void paperFollowsTheSettingOrTheClinicsCountry_data()
    {
        QTest::addColumn<QString>("zone");
        QTest::addColumn<QString>("setting");
        QTest::addColumn<QLocale>("desk");
        QTest::addColumn<QString>("paper");
        const QLocale c = QLocale::c();
        QTest::newRow("New York") << "America/New_York"
                                  << "" << c << "letter";
        QTest::newRow("Toronto") << "America/Toronto"
                                 << "" << c << "letter";
        QTest::newRow("Mexico City") << "America/Mexico_City"
                                     << "" << c << "letter";
        QTest::newRow("Manila") << "Asia/Manila"
                                << "" << c << "letter";
        QTest::newRow("Santiago") << "America/Santiago"
                                  << "" << c << "letter";
        QTest::newRow("Bogota") << "America/Bogota"
                                << "" << c << "letter";
        QTest::newRow("Berlin") << "Europe/Berlin"
                                << "" << QLocale(QLocale::English, QLocale::UnitedStates) << "a4";
        QTest::newRow("London") << "Europe/London"
                                << "" << c << "a4";
        QTest::newRow("Sydney") << "Australia/Sydney"
                                << "" << c << "a4";
        QTest::newRow("UTC, a US desk") << "UTC"
                                        << "" << QLocale(QLocale::English, QLocale::UnitedStates) << "letter";
        QTest::newRow("UTC, a German desk") << "UTC"
                                            << "" << QLocale(QLocale::German, QLocale::Germany) << "a4";
        QTest::newRow("Berlin chose Letter") << "Europe/Berlin"
                                             << "letter" << c << "letter";
        QTest::newRow("New York chose A4") << "America/New_York"
                                           << "a4" << c << "a4";
    }

    void paperFollowsTheSettingOrTheClinicsCountry()
    {
        QFETCH(QString, zone);
        QFETCH(QString, setting);
        QFETCH(QLocale, desk);
        QFETCH(QString, paper);
        QVERIFY(setClinic(zone, setting));
        const QString sheet = write(DaySheetComposer(m_temp->database(), m_clock, m_locale).compose(QDate(2026, 3, 16)),
                                    QStringLiteral("day.pdf"), desk);
        QVERIFY(!sheet.isEmpty());
        QCOMPARE(paperOf(sheet), paper);
        // Landscape on either paper.
        const QSizeF size = test::PdfText::pageSize(sheet);
        QVERIFY(size.width() > size.height());
        const QString card = write(AppointmentCardComposer(m_temp->database(), m_clock, m_locale).compose(2),
                                   QStringLiteral("card.pdf"), desk);
        QVERIFY(!card.isEmpty());
        QCOMPARE(paperOf(card), paper);
    }

    void dayColumnsNeverCutAWord_data()
    {
        QTest::addColumn<QString>("setting");
        QTest::newRow("Letter") << "letter";
        QTest::newRow("A4") << "a4";
    }

    void dayColumnsNeverCutAWord()
    {
        QFETCH(QString, setting);
        QVERIFY(setClinic(QStringLiteral("America/New_York"), setting));
        // A full day as the demo clinic has them: every status, long room and type names, long notes.
        QVERIFY(test::runAll(
            m_temp->database(),
            {QStringLiteral("UPDATE room SET name = 'Treatment room 1' WHERE id = 1"),
             QStringLiteral("UPDATE room SET name = 'Body treatment suite' WHERE id = 2"),
             QStringLiteral("UPDATE appointment_type SET name = 'Microneedling – face & neck' WHERE id = 1"),
             QStringLiteral(
                 "UPDATE appointment_type SET name = 'Microneedling – body / stretch marks' WHERE id = 3")}));
        const auto at = [](int hour, int minute = 0) { return test::newYorkAt(QDate(2026, 3, 16), hour, minute); };
        QSqlQuery query(m_temp->database().connection());
        QVERIFY(query.exec(QStringLiteral(
            "UPDATE appointment SET status = 'confirmed', notes = 'Sensitive skin on the left cheek; numbing cream "
            "thirty minutes before. Prefers the window room. Asked about a course of three sessions for the neck and "
            "the backs of the hands, and about the price of a package; her sister may come along to the next one.' "
            "WHERE id = 2")));
        QVERIFY(query.exec(QStringLiteral("UPDATE appointment SET status = 'in_treatment' WHERE id = 5")));
        QVERIFY(query.exec(
            QStringLiteral("INSERT INTO appointment (id, patient_id, practitioner_id, room_id, type_id, starts_at, "
                           "ends_at, status, notes, created_at, updated_at) VALUES "
                           "(7, 4, 2, 2, 3, %1, %2, 'no_show', 'Called twice, no answer', 0, 0), "
                           "(8, 4, 1, 1, 2, %3, %4, 'arrived', '', 0, 0), "
                           "(9, 1, 2, 1, 1, %5, %6, 'completed', 'Follow-up photos taken', 0, 0)")
                .arg(at(14))
                .arg(at(15))
                .arg(at(15))
                .arg(at(15, 30))
                .arg(at(16))
                .arg(at(17))));
        const QString sheet = write(DaySheetComposer(m_temp->database(), m_clock, m_locale).compose(QDate(2026, 3, 16)),
                                    QStringLiteral("day-%1.pdf").arg(setting));
        QVERIFY(!sheet.isEmpty());
        QCOMPARE(paperOf(sheet), setting);
        const test::PdfText read = test::PdfText::read(sheet, true);
        QVERIFY2(read.error.isEmpty(), qPrintable(read.error));
        // Each of these words is printed whole somewhere in the columns, never as two pieces on two lines.
        const QStringList words{
            QStringLiteral("Time"),         QStringLiteral("Patient"),   QStringLiteral("Practitioner"),
            QStringLiteral("Appointment"),  QStringLiteral("Room"),      QStringLiteral("Status"),
            QStringLiteral("Screening"),    QStringLiteral("Notes"),     QStringLiteral("Confirmed"),
            QStringLiteral("treatment"),    QStringLiteral("No-show"),   QStringLiteral("Checked"),
            QStringLiteral("Completed"),    QStringLiteral("Cancelled"), QStringLiteral("Microneedling"),
            QStringLiteral("Consultation"), QStringLiteral("Connie"),    QStringLiteral("Joanna"),
            QStringLiteral("stretch"),      QStringLiteral("Treatment"), QStringLiteral("suite"),
            QStringLiteral("Müller"),       QStringLiteral("Follow-up"), QStringLiteral("Sensitive"),
            QStringLiteral("cheek;"),       QStringLiteral("numbing"),   QStringLiteral("thirty"),
        };
        for (const QString &word : words) {
            const QRegularExpression whole(QStringLiteral("(^|\\s)%1(\\s|$)").arg(QRegularExpression::escape(word)));
            QVERIFY2(whole.match(read.text).hasMatch(), qPrintable(word + QStringLiteral(" is cut in:\n") + read.text));
        }
        // The times and the statuses of two words stay on one line.
        for (const QString &line :
             {QStringLiteral("10:00 – 11:00"), QStringLiteral("11:30 – 12:00"), QStringLiteral("In treatment"),
              QStringLiteral("Checked in"), QStringLiteral("room 1")})
            QVERIFY2(read.text.contains(line), qPrintable(line + QStringLiteral(" is cut in:\n") + read.text));
    }

    void thePhoneNumberStaysOnOneLine()
    {
        // An address long enough to bring the phone number to the end of the letterhead's line.
        QSqlQuery query(m_temp->database().connection());
        QVERIFY(
            query.exec(QStringLiteral("UPDATE clinic_settings SET address = '12 River Street, Suite 400, "
                                      "Springfield Heights Medical Center, Springfield', phone = '+1 555-010-0100'")));
        const QString handout =
            write(HandoutComposer(m_temp->database(), Guide::load().value(), m_clock, m_locale).compose(1),
                  QStringLiteral("handout.pdf"));
        QVERIFY(!handout.isEmpty());
        const test::PdfText read = test::PdfText::read(handout, true);
        QVERIFY2(read.error.isEmpty(), qPrintable(read.error));
        // In the letterhead and in the contact block that closes the handout.
        QVERIFY2(read.text.count(QLatin1String("+1 555-010-0100")) >= 2, qPrintable(read.text));
        QVERIFY(!read.text.contains(QLatin1String("Contact us")));
    }
};

QTEST_MAIN(TestPrintedPages)
#include "tst_printedpages.moc"
