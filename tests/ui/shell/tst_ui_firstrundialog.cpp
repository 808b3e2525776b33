#include "TempDatabase.h"
#include "clinic/ClinicRepository.h"
#include "ui/shell/FirstRunDialog.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPushButton>
#include <QTimeZone>
#include <QtTest>

using namespace dermdesk;
using ui::FirstRunDialog;

// The first-run prompt: a name and a time zone, refused with the field named until both are right.
class TestFirstRunDialog : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<FirstRunDialog> m_dialog;

    void clickCreate()
    {
        auto *buttons = m_dialog->findChild<QDialogButtonBox *>();
        QVERIFY(buttons);
        QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
    }

    void typeZone(const QString &zone)
    {
        QLineEdit *edit = m_dialog->timeZoneBox()->lineEdit();
        edit->selectAll();
        QTest::keyClicks(edit, zone);
        if (QWidget *popup = m_dialog->timeZoneBox()->completer()->popup(); popup->isVisible())
            popup->hide();
    }

private slots:
    void init()
    {
        m_dialog = std::make_unique<FirstRunDialog>(QStringLiteral("/tmp/clinic.dermdesk"));
        m_dialog->show();
        QVERIFY(QTest::qWaitForWindowActive(m_dialog.get()));
    }

    void cleanup() { m_dialog.reset(); }

    void startsWithTheNameFocusedAndTheSystemZone()
    {
        QTRY_COMPARE(QApplication::focusWidget(), m_dialog->nameEdit());
        QCOMPARE(m_dialog->timeZoneBox()->currentText().toUtf8(), FirstRunDialog::defaultTimeZoneId());
        QVERIFY(ClinicRepository::validate(m_dialog->settings()).error().field() == QLatin1String("name"));
    }

    void refusesAMissingNameNamingTheField()
    {
        clickCreate();
        QVERIFY(m_dialog->isVisible());
        QCOMPARE(m_dialog->result(), int(QDialog::Rejected));
        QVERIFY2(m_dialog->errorText().startsWith(QLatin1String("Clinic name:")), qPrintable(m_dialog->errorText()));
        QCOMPARE(QApplication::focusWidget(), m_dialog->nameEdit());
    }

    void refusesAnUnknownTimeZoneNamingTheField()
    {
        QTest::keyClicks(m_dialog->nameEdit(), QStringLiteral("Riverside Skin"));
        typeZone(QStringLiteral("Mars/Olympus_Mons"));
        clickCreate();
        QVERIFY(m_dialog->isVisible());
        QVERIFY2(m_dialog->errorText().startsWith(QLatin1String("Time zone:")), qPrintable(m_dialog->errorText()));
        QVERIFY(m_dialog->errorText().contains(QLatin1String("Mars/Olympus_Mons")));
        QVERIFY(m_dialog->timeZoneBox()->isAncestorOf(QApplication::focusWidget())
                || QApplication::focusWidget() == m_dialog->timeZoneBox());
    }

    void acceptsAndSavesNameAndTimeZone()
    {
        QTest::keyClicks(m_dialog->nameEdit(), QStringLiteral("Riverside Skin"));
        typeZone(QStringLiteral("America/New_York"));
        QTest::keyClick(m_dialog->nameEdit(), Qt::Key_Return);
        QTRY_VERIFY(!m_dialog->isVisible());
        QCOMPARE(m_dialog->result(), int(QDialog::Accepted));
        QVERIFY(m_dialog->errorText().isEmpty());

        const ClinicSettings settings = m_dialog->settings();
        QCOMPARE(settings.name, QStringLiteral("Riverside Skin"));
        QCOMPARE(settings.timeZone, QByteArray("America/New_York"));
        QCOMPARE(settings.openingHours.size(), 5);

        test::TempDatabase temp;
        QVERIFY(temp.isValid());
        ClinicRepository repository(temp.database());
        const Status saved0 = repository.saveSettings(settings);
        QVERIFY2(saved0.ok(), qPrintable(saved0.ok() ? QString() : saved0.error().message()));
        const auto saved = repository.settings();
        QVERIFY(saved.ok() && saved.value().has_value());
        QCOMPARE(saved.value()->name, QStringLiteral("Riverside Skin"));
        QCOMPARE(saved.value()->timeZone, QByteArray("America/New_York"));
    }

    void defaultZoneIsThisComputersZoneInAnAcceptedSpelling()
    {
        const QByteArray system = QTimeZone::systemTimeZoneId();
        const QByteArray chosen = FirstRunDialog::defaultTimeZoneId();
        QVERIFY(QTimeZone(chosen).isValid());
        ClinicSettings settings;
        settings.name = QStringLiteral("Riverside Skin");
        settings.timeZone = chosen;
        QVERIFY(ClinicRepository::validate(settings).ok());
        QCOMPARE(QTimeZone(chosen).offsetFromUtc(QDateTime::currentDateTimeUtc()),
                 QTimeZone(system).offsetFromUtc(QDateTime::currentDateTimeUtc()));
    }

    void timeZonesAreSearchableByAnyPart()
    {
        QCompleter *completer = m_dialog->timeZoneBox()->completer();
        completer->setCompletionPrefix(QStringLiteral("new_y"));
        QStringList matches;
        for (int row = 0; row < completer->completionCount(); ++row) {
            completer->setCurrentRow(row);
            matches.append(completer->currentCompletion());
        }
        QVERIFY2(matches.contains(QStringLiteral("America/New_York")), qPrintable(matches.join(QLatin1Char(' '))));
    }
};

QTEST_MAIN(TestFirstRunDialog)
#include "tst_ui_firstrundialog.moc"
