#include "FakeClock.h"
#include "PlanClinic.h"
#include "treatment/TreatmentVocabulary.h"
#include "treatment/TreatmentVocabularyRepository.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace dermdesk;

Q_DECLARE_METATYPE(dermdesk::TreatmentAreaOption)

// The clinic's treatment concerns and areas: added last, renamed, reordered and made inactive, never deleted;
// bad names and depths refused naming the field with nothing written; every change audited; the plan and
// session forms (TreatmentVocabulary) offer the active ones only, in the clinic's order.
class TestTreatmentVocabularyRepository : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::TempDatabase> m_temp;
    test::FakeClock m_clock;

    TreatmentVocabularyRepository repository() { return TreatmentVocabularyRepository(m_temp->database(), m_clock); }
    qint64 count(const QString &sql) { return test::scalar(m_temp->database(), sql); }
    qint64 auditRows(const QString &entity)
    {
        return count(QStringLiteral("SELECT count(*) FROM audit_log WHERE entity = '%1'").arg(entity));
    }
    QJsonObject lastAudit()
    {
        return QJsonDocument::fromJson(
                   m_temp->scalar(QStringLiteral("SELECT details FROM audit_log ORDER BY id DESC LIMIT 1"))
                       .toByteArray())
            .object();
    }
    QStringList concernNames()
    {
        QStringList names;
        const QList<TreatmentConcern> concerns = repository().concerns().value();
        for (const TreatmentConcern &concern : concerns)
            names.append(concern.name);
        return names;
    }
    TreatmentConcern concernNamed(const QString &name)
    {
        const QList<TreatmentConcern> concerns = repository().concerns().value();
        for (const TreatmentConcern &concern : concerns) {
            if (concern.name == name)
                return concern;
        }
        return {};
    }
    TreatmentAreaOption areaNamed(const QString &name)
    {
        const QList<TreatmentAreaOption> areas = repository().areas().value();
        for (const TreatmentAreaOption &area : areas) {
            if (area.name == name)
                return area;
        }
        return {};
    }

private slots:
    void init()
    {
        m_temp = std::make_unique<test::TempDatabase>();
        QVERIFY(test::seedScheduleClinic(*m_temp));
    }

    void cleanup() { m_temp.reset(); }

    void theGuidesConcernsAndTheAreasAreSeeded()
    {
        const QList<TreatmentConcern> concerns = repository().concerns().value();
        QCOMPARE(concerns.size(), 5);
        QCOMPARE(concerns.first().name, QStringLiteral("skin texture"));
        QVERIFY(concerns.first().fromGuide);
        QVERIFY(!concernNamed(QStringLiteral("stretch marks")).fromGuide);
        const QList<TreatmentAreaOption> areas = repository().areas().value();
        QCOMPARE(areas.size(), 12);
        QCOMPARE(areas.first().name, QStringLiteral("face"));
        QCOMPARE(areas.first().defaultDepthMm, std::optional<double>(1.0));
    }

    void aNewConcernIsAddedLastAndAudited()
    {
        TreatmentConcern rosacea;
        rosacea.name = QStringLiteral("  enlarged pores ");
        const auto id = repository().saveConcern(rosacea);
        QVERIFY2(id.ok(), qPrintable(id.ok() ? QString() : id.error().message()));
        QCOMPARE(concernNames().last(), QStringLiteral("enlarged pores"));
        const TreatmentConcern stored = concernNamed(QStringLiteral("enlarged pores"));
        QCOMPARE(stored.id, id.value());
        QVERIFY(stored.active);
        QVERIFY(!stored.fromGuide);
        QVERIFY(stored.sortOrder > concernNamed(QStringLiteral("stretch marks")).sortOrder);
        QCOMPARE(auditRows(QStringLiteral("treatment_concern")), qint64(1));
        QCOMPARE(lastAudit().value(QStringLiteral("name")).toString(), QStringLiteral("enlarged pores"));
        QVERIFY(TreatmentVocabulary(m_temp->database()).concerns().value().contains(QStringLiteral("enlarged pores")));
    }

    // A rename changes what the forms offer; plans made before keep the name they were made with.
    void renamingAConcernKeepsThePlansText()
    {
        const TreatmentPlan plan =
            TreatmentPlanRepository(m_temp->database(), m_clock).create(test::microneedlingPlan()).value();
        TreatmentConcern scars = concernNamed(QStringLiteral("acne scars"));
        scars.name = QStringLiteral("acne and other scars");
        QVERIFY(repository().saveConcern(scars).ok());
        QCOMPARE(concernNamed(QStringLiteral("acne and other scars")).id, scars.id);
        QCOMPARE(concernNamed(QStringLiteral("acne and other scars")).sortOrder, scars.sortOrder);
        QVERIFY(concernNamed(QStringLiteral("acne and other scars")).fromGuide);
        QCOMPARE(m_temp->scalar(QStringLiteral("SELECT concerns FROM treatment_plan WHERE id = %1").arg(plan.id))
                     .toString(),
                 QStringLiteral("acne scars"));
        const QJsonObject details = lastAudit();
        QCOMPARE(details.value(QStringLiteral("before")).toObject().value(QStringLiteral("name")).toString(),
                 QStringLiteral("acne scars"));
        QCOMPARE(details.value(QStringLiteral("after")).toObject().value(QStringLiteral("name")).toString(),
                 QStringLiteral("acne and other scars"));
    }

    void deactivatingHidesItFromTheFormsAndKeepsTheRow()
    {
        TreatmentConcern marks = concernNamed(QStringLiteral("stretch marks"));
        marks.active = false;
        QVERIFY(repository().saveConcern(marks).ok());
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM treatment_concern")), qint64(5));
        QVERIFY(!TreatmentVocabulary(m_temp->database()).concerns().value().contains(QStringLiteral("stretch marks")));
        QCOMPARE(repository().concerns(false).value().size(), 4);
        QVERIFY(!concernNamed(QStringLiteral("stretch marks")).active);

        TreatmentAreaOption hips = areaNamed(QStringLiteral("hips"));
        hips.active = false;
        QVERIFY(repository().saveArea(hips).ok());
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM treatment_area_option")), qint64(12));
        const QList<TreatmentVocabulary::Area> offered = TreatmentVocabulary(m_temp->database()).areas().value();
        for (const TreatmentVocabulary::Area &area : offered)
            QVERIFY(area.name != QStringLiteral("hips"));
    }

    void aDuplicateNameIsRefusedWhateverItsCase()
    {
        TreatmentConcern copy;
        copy.name = QStringLiteral("Acne Scars");
        const auto refused = repository().saveConcern(copy);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().field(), QStringLiteral("name"));
        QVERIFY2(refused.error().message().contains(QStringLiteral("acne scars")),
                 qPrintable(refused.error().message()));

        // An inactive row still holds its name.
        TreatmentAreaOption hips = areaNamed(QStringLiteral("hips"));
        hips.active = false;
        QVERIFY(repository().saveArea(hips).ok());
        TreatmentAreaOption face = areaNamed(QStringLiteral("face"));
        face.name = QStringLiteral("HIPS");
        QCOMPARE(repository().saveArea(face).error().field(), QStringLiteral("name"));
        QCOMPARE(areaNamed(QStringLiteral("face")).id, face.id);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM treatment_concern")), qint64(5));
        QCOMPARE(auditRows(QStringLiteral("treatment_concern")), qint64(0));
        QCOMPARE(auditRows(QStringLiteral("treatment_area_option")), qint64(1));
    }

    void badAreasNameTheField_data()
    {
        QTest::addColumn<TreatmentAreaOption>("area");
        QTest::addColumn<QString>("field");
        TreatmentAreaOption area;
        area.name = QStringLiteral("scalp");
        area.defaultDepthMm = 3.5;
        QTest::newRow("too deep") << area << QStringLiteral("default_depth_mm");
        area.defaultDepthMm = 0.1;
        QTest::newRow("too shallow") << area << QStringLiteral("default_depth_mm");
        area.defaultDepthMm = std::nan("");
        QTest::newRow("not a number") << area << QStringLiteral("default_depth_mm");
        area.defaultDepthMm = 1.0;
        area.name = QStringLiteral("   ");
        QTest::newRow("empty name") << area << QStringLiteral("name");
        area.name = QStringLiteral("neck, chest");
        QTest::newRow("comma") << area << QStringLiteral("name");
        area.name = QString(61, QLatin1Char('x'));
        QTest::newRow("61 characters") << area << QStringLiteral("name");
    }

    void badAreasNameTheField()
    {
        QFETCH(TreatmentAreaOption, area);
        QFETCH(QString, field);
        const auto saved = repository().saveArea(area);
        QVERIFY(!saved.ok());
        QCOMPARE(saved.error().kind(), ErrorKind::InvalidInput);
        QCOMPARE(saved.error().field(), field);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM treatment_area_option")), qint64(12));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM audit_log")), qint64(0));
    }

    void anAreaWithoutADefaultDepthAndTheDepthRange()
    {
        TreatmentAreaOption scalp;
        scalp.name = QStringLiteral("scalp");
        const auto id = repository().saveArea(scalp);
        QVERIFY(id.ok());
        QVERIFY(
            m_temp
                ->scalar(
                    QStringLiteral("SELECT default_depth_mm FROM treatment_area_option WHERE id = %1").arg(id.value()))
                .isNull());
        QCOMPARE(areaNamed(QStringLiteral("scalp")).defaultDepthMm, std::nullopt);
        for (double mm : {0.25, 3.0}) {
            scalp = areaNamed(QStringLiteral("scalp"));
            scalp.defaultDepthMm = mm;
            QVERIFY(repository().saveArea(scalp).ok());
            QCOMPARE(areaNamed(QStringLiteral("scalp")).defaultDepthMm, std::optional<double>(mm));
        }
        QCOMPARE(
            lastAudit().value(QStringLiteral("after")).toObject().value(QStringLiteral("default_depth_mm")).toDouble(),
            3.0);
    }

    void reorderingMovesOnePlace()
    {
        const TreatmentConcern scars = concernNamed(QStringLiteral("acne scars"));
        QVERIFY(repository().moveConcern(scars.id, -1).ok());
        QCOMPARE(concernNames(),
                 QStringList({QStringLiteral("skin texture"), QStringLiteral("acne scars"),
                              QStringLiteral("fine lines and wrinkles"),
                              QStringLiteral("skin tone and hyperpigmentation"), QStringLiteral("stretch marks")}));
        QCOMPARE(TreatmentVocabulary(m_temp->database()).concerns().value().at(1), QStringLiteral("acne scars"));
        QCOMPARE(lastAudit().value(QStringLiteral("to")).toInt(), 2);
        // The first cannot go further up, the last further down: nothing changes, nothing is audited.
        const qint64 audited = auditRows(QStringLiteral("treatment_concern"));
        QVERIFY(repository().moveConcern(concernNamed(QStringLiteral("skin texture")).id, -1).ok());
        QVERIFY(repository().moveConcern(concernNamed(QStringLiteral("stretch marks")).id, 1).ok());
        QCOMPARE(auditRows(QStringLiteral("treatment_concern")), audited);
        QCOMPARE(concernNames().first(), QStringLiteral("skin texture"));

        const TreatmentAreaOption face = areaNamed(QStringLiteral("face"));
        QVERIFY(repository().moveArea(face.id, 1).ok());
        QCOMPARE(repository().areas().value().at(1).name, QStringLiteral("face"));
        QCOMPARE(TreatmentVocabulary(m_temp->database()).areas().value().first().name, QStringLiteral("forehead"));
    }

    void anUnknownIdIsNotFound()
    {
        TreatmentConcern ghost;
        ghost.id = 999;
        ghost.name = QStringLiteral("ghost");
        QCOMPARE(repository().saveConcern(ghost).error().kind(), ErrorKind::NotFound);
        QCOMPARE(repository().moveArea(999, 1).error().kind(), ErrorKind::NotFound);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM treatment_concern WHERE name = 'ghost'")), qint64(0));
    }
};

QTEST_MAIN(TestTreatmentVocabularyRepository)
#include "tst_treatmentvocabularyrepository.moc"
