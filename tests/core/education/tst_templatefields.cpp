#include "education/TemplateFields.h"

#include <QtTest>

using namespace dermdesk;

// Fields in the clinic's templates: known ones filled and escaped, unknown ones shown and reported.
class TestTemplateFields : public QObject
{
    Q_OBJECT

private slots:
    void fillsKnownFieldsEscaped()
    {
        TemplateFields fields;
        fields.set(QStringLiteral("patient_name"), QStringLiteral("Zoë <Ångström>"));
        fields.set(QStringLiteral("clinic_phone"), QStringLiteral("555 0100"));
        const auto filled = fields.fill(QStringLiteral("<p>{patient_name}: call {clinic_phone}.</p>"), {});
        QCOMPARE(filled.html, QStringLiteral("<p>Zoë &lt;Ångström&gt;: call 555 0100.</p>"));
        QVERIFY(filled.warnings.isEmpty());
    }

    void aKnownFieldWithoutValueIsADash()
    {
        const auto filled = TemplateFields().fill(QStringLiteral("Next: {next_appointment}"), {});
        QCOMPARE(filled.html, QStringLiteral("Next: —"));
    }

    void anUnknownFieldIsMarkedOnceInTheWarnings()
    {
        const auto filled =
            TemplateFields().fill(QStringLiteral("{pateint_name} and {pateint_name}"), QStringLiteral("Aftercare"));
        QCOMPARE(filled.html.count(QLatin1String("[unknown field {pateint_name}]")), 2);
        QCOMPARE(filled.warnings.size(), 1);
        QVERIFY(filled.warnings.first().contains(QStringLiteral("“Aftercare”")));
    }

    void styleSheetBracesAreNotFields()
    {
        const QString html = QStringLiteral("<style>p, li { white-space: pre-wrap; }</style><p>x</p>");
        const auto filled = TemplateFields().fill(html, {});
        QCOMPARE(filled.html, html);
        QVERIFY(filled.warnings.isEmpty());
    }

    void bodyOfAWholeDocument()
    {
        QCOMPARE(TemplateFields::bodyOf(
                     QStringLiteral("<html><head></head><body style=\"x\">\n<p>a</p></body></html>")),
                 QStringLiteral("\n<p>a</p>"));
        QCOMPARE(TemplateFields::bodyOf(QStringLiteral("<p>a</p>")), QStringLiteral("<p>a</p>"));
    }

    void everyKnownFieldIsDescribed()
    {
        for (const QString &field : TemplateFields::known())
            QVERIFY2(!TemplateFields::describe(field).isEmpty(), qPrintable(field));
    }
};

QTEST_GUILESS_MAIN(TestTemplateFields)
#include "tst_templatefields.moc"
