#include "FakeClock.h"
#include "TempDatabase.h"
#include "education/EducationTemplateRepository.h"

#include <QSqlQuery>
#include <QtTest>

using namespace dermdesk;

// The clinic's own education documents: shipped defaults marked as not yet reviewed, versions kept on
// every change, aftercare chosen by the expected downtime.
class TestEducationTemplateRepository : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::TempDatabase> m_temp;
    test::FakeClock m_clock;

private slots:
    void init()
    {
        m_temp = std::make_unique<test::TempDatabase>();
        QVERIFY(m_temp->isValid());
    }

    void cleanup() { m_temp.reset(); }

    void theDefaultsAreTheClinicsToReview()
    {
        auto all = EducationTemplateRepository(m_temp->database(), m_clock).all();
        QVERIFY(all.ok());
        QStringList codes;
        for (const EducationTemplate &t : all.value()) {
            codes.append(t.code);
            QVERIFY2(t.defaultText, qPrintable(t.code));
            QCOMPARE(t.version, 1);
            QVERIFY(!t.bodyHtml.isEmpty());
        }
        QCOMPARE(codes, (QStringList{QStringLiteral("pre_care"), QStringLiteral("aftercare_light"),
                                     QStringLiteral("aftercare_standard"), QStringLiteral("aftercare_extended"),
                                     QStringLiteral("faq")}));
    }

    void aftercareByDowntime_data()
    {
        QTest::addColumn<int>("hours");
        QTest::addColumn<QString>("code");
        QTest::newRow("a few hours") << 24 << QStringLiteral("aftercare_light");
        QTest::newRow("1-3 days") << 72 << QStringLiteral("aftercare_standard");
        QTest::newRow("2-4 days") << 96 << QStringLiteral("aftercare_standard");
        QTest::newRow("3-5 days") << 120 << QStringLiteral("aftercare_extended");
        QTest::newRow("unknown") << -1 << QStringLiteral("aftercare_standard");
    }

    void aftercareByDowntime()
    {
        QFETCH(int, hours);
        QFETCH(QString, code);
        auto found = EducationTemplateRepository(m_temp->database(), m_clock)
                         .aftercareFor(hours < 0 ? std::nullopt : std::optional<int>(hours));
        QVERIFY(found.ok() && found.value().has_value());
        QCOMPARE(found.value()->code, code);
    }

    void savingAChangeRaisesTheVersionAndKeepsTheOldText()
    {
        EducationTemplateRepository repository(m_temp->database(), m_clock);
        auto preCare = repository.find(1);
        QVERIFY(preCare.ok());
        const QString original = preCare.value().bodyHtml;
        EducationTemplate edited = preCare.value();
        edited.bodyHtml = QStringLiteral("<p>Our own words.</p>");
        QVERIFY(repository.save(edited).ok());
        auto saved = repository.find(1);
        QVERIFY(saved.ok());
        QCOMPARE(saved.value().version, 2);
        QVERIFY(!saved.value().defaultText);
        QCOMPARE(saved.value().bodyHtml, QStringLiteral("<p>Our own words.</p>"));
        QCOMPARE(m_temp
                     ->scalar(QStringLiteral("SELECT body_html FROM education_template_version "
                                             "WHERE template_id = 1 AND version = 1"))
                     .toString(),
                 original);
        QCOMPARE(m_temp->scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE entity = 'education_template'"))
                     .toInt(),
                 1);
        // Only the order changed: same version.
        EducationTemplate moved = saved.value();
        moved.sortOrder = 99;
        QVERIFY(repository.save(moved).ok());
        QCOMPARE(repository.find(1).value().version, 2);
    }

    void aNewDocument()
    {
        EducationTemplateRepository repository(m_temp->database(), m_clock);
        EducationTemplate faq;
        faq.code = QStringLiteral("peel_faq");
        faq.kind = QStringLiteral("faq");
        faq.title = QStringLiteral("Peels");
        faq.bodyHtml = QStringLiteral("<p>About peels.</p>");
        auto id = repository.save(faq);
        QVERIFY(id.ok());
        QCOMPARE(repository.find(id.value()).value().version, 1);
        QCOMPARE(m_temp
                     ->scalar(QStringLiteral("SELECT count(*) FROM education_template_version WHERE template_id = %1")
                                  .arg(id.value()))
                     .toInt(),
                 1);
    }

    void badInputNamesTheField_data()
    {
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<int>("from");
        QTest::addColumn<QString>("field");
        QTest::newRow("no title") << QString() << QStringLiteral("faq") << -1 << QStringLiteral("title");
        QTest::newRow("bad kind") << QStringLiteral("X") << QStringLiteral("leaflet") << -1 << QStringLiteral("kind");
        QTest::newRow("downtime on a FAQ")
            << QStringLiteral("X") << QStringLiteral("faq") << 0 << QStringLiteral("downtime");
    }

    void badInputNamesTheField()
    {
        QFETCH(QString, title);
        QFETCH(QString, kind);
        QFETCH(int, from);
        QFETCH(QString, field);
        EducationTemplate t;
        t.code = QStringLiteral("x");
        t.title = title;
        t.kind = kind;
        if (from >= 0) {
            t.downtimeFromHours = from;
            t.downtimeToHours = from + 10;
        }
        auto saved = EducationTemplateRepository(m_temp->database(), m_clock).save(t);
        QVERIFY(!saved.ok());
        QCOMPARE(saved.error().field(), field);
    }
};

QTEST_GUILESS_MAIN(TestEducationTemplateRepository)
#include "tst_educationtemplaterepository.moc"
