#include "ui/shell/ConnectionTest.h"

#include "clinic/ClinicRepository.h"
#include "common/Translation.h"
#include "storage/Database.h"

#include <QMetaObject>

namespace dermdesk::ui {

namespace {

constexpr TranslationContext tr("dermdesk::ui::ConnectionTest");

// Whether `error` says the server asked for a password, or refused the one given.
bool isPasswordError(const Error &error)
{
    return error.code() == QLatin1String("storage.password");
}

// Whether `error` says the database holds nothing yet (a clinic that opening with createIfMissing would set up).
bool isEmptyDatabase(const Error &error)
{
    return error.code() == QLatin1String("storage.empty");
}

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
        const bool connected = outcome.kind == Outcome::Kind::Clinic || outcome.kind == Outcome::Kind::NotSetUp
                               || outcome.kind == Outcome::Kind::EmptyDatabase;
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
    Database::Options options;
    options.createIfMissing = false;
    options.migrate = false;
    options.readOnly = true;
    Outcome outcome;
    auto opened = Database::open(address.toUri(), options);
    if (!opened) {
        outcome.error = opened.error();
        if (isPasswordError(outcome.error))
            outcome.kind = Outcome::Kind::Password;
        else if (isEmptyDatabase(outcome.error))
            outcome.kind = Outcome::Kind::EmptyDatabase;
        return outcome;
    }
    const auto settings = ClinicRepository(*opened.value()).settings();
    if (!settings) {
        outcome.error = settings.error();
    } else if (settings.value()) {
        outcome.kind = Outcome::Kind::Clinic;
        outcome.clinicName = settings.value()->name;
    } else {
        outcome.kind = Outcome::Kind::NotSetUp;
    }
    return outcome;
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
