#include "ui/shell/ConnectionTest.h"

#include "common/Translation.h"

#include <QMetaObject>

namespace dermdesk::ui {

namespace {

constexpr TranslationContext tr("dermdesk::ui::ConnectionTest");

QString login(const ServerAddress &address)
{
    const QString user = address.user().isEmpty() ? tr("your user") : address.user();
    return QStringLiteral("%1@%2/%3").arg(user, address.host(), address.database());
}

} // namespace

ConnectionTest::ConnectionTest(QObject *parent)
    : QObject(parent)
{
}

ConnectionTest::~ConnectionTest()
{
    if (m_thread) {
        m_thread->wait();
        delete m_thread.data();
    }
}

bool ConnectionTest::isRunning() const
{
    return m_thread && m_thread->isRunning();
}

void ConnectionTest::start(const ServerAddress &address)
{
    if (isRunning())
        return;
    delete m_thread.data();
    QPointer<ConnectionTest> self(this);
    m_thread = QThread::create([self, address] {
        const Outcome outcome = run(address);
        const QString sentence = describe(outcome, address);
        const bool connected = outcome.canOpen();
        // The test object lives on the GUI thread; it may be gone when the attempt ends.
        if (self)
            QMetaObject::invokeMethod(self, [self, sentence, connected] {
                if (self)
                    emit self->finished(sentence, connected);
            });
    });
    m_thread->start();
}

ConnectionTest::Outcome ConnectionTest::run(const ServerAddress &address)
{
    return ClinicProbe::of(address.toUri());
}

QString ConnectionTest::describe(const Outcome &outcome, const ServerAddress &address)
{
    switch (outcome.kind) {
    case Outcome::Kind::Clinic:
        return tr("Connected to the clinic \u201c%1\u201d.").arg(outcome.clinicName);
    case Outcome::Kind::NotSetUp:
        return tr("Connected: the clinic on %1 is not set up yet; DermDesk will ask for its name and time zone "
                  "when you open it.")
            .arg(login(address));
    case Outcome::Kind::EmptyDatabase:
        return tr("Empty database: DermDesk will set it up when you open it.");
    case Outcome::Kind::Password:
        return address.hasPassword()
                   ? tr("Wrong password: the server refused the password for %1.").arg(login(address))
                   : tr("The server asks for a password for %1: type it in Password.").arg(login(address));
    case Outcome::Kind::Failed:
        break;
    }
    return outcome.error.message();
}

} // namespace dermdesk::ui
