#include "ui/shell/PasswordKeychain.h"

#include "common/Translation.h"

#include <QEventLoop>
#include <QTimer>

#include <qt6keychain/keychain.h>

#include <memory>

namespace dermdesk::ui {

namespace {

constexpr TranslationContext tr("dermdesk::ui::PasswordKeychain");

const QString service = QStringLiteral("DermDesk");

struct Outcome
{
    bool finished = false;
    QKeychain::Error error = QKeychain::OtherError;
    QString errorText;
};

// Starts `job` and waits for it in a local event loop, at most PasswordKeychain::timeoutMs.
Outcome runJob(QKeychain::Job &job)
{
    Outcome outcome;
    QEventLoop loop;
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
    QObject::connect(&job, &QKeychain::Job::finished, &loop, [&outcome, &loop](QKeychain::Job *finished) {
        outcome.finished = true;
        outcome.error = finished->error();
        outcome.errorText = finished->errorString();
        loop.quit();
    });
    job.setAutoDelete(false);
    // Never the plain-text QSettings fallback: a password is kept in a keychain or not at all.
    job.setInsecureFallback(false);
    job.start();
    timeout.start(PasswordKeychain::timeoutMs);
    if (!outcome.finished)
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    return outcome;
}

struct Probe
{
    bool asked = false;
    bool available = false;
    QString reason;
};

Probe &probe()
{
    static Probe result;
    if (result.asked)
        return result;
    result.asked = true;
    // Reading a key nobody writes: "not found" means a keychain answered.
    QKeychain::ReadPasswordJob job(service);
    job.setKey(QStringLiteral("dermdesk-keychain-probe"));
    const Outcome outcome = runJob(job);
    result.available =
        outcome.finished && (outcome.error == QKeychain::NoError || outcome.error == QKeychain::EntryNotFound);
    if (!outcome.finished) {
        result.reason = tr("The system keychain did not answer, so the password cannot be remembered: type it each "
                           "time, or keep it in ~/.pgpass.");
    } else if (!result.available) {
        result.reason = tr("No system keychain is running on this desktop (%1), so the password cannot be "
                           "remembered: type it each time, or keep it in ~/.pgpass.")
                            .arg(outcome.errorText);
    }
    return result;
}

} // namespace

bool PasswordKeychain::available()
{
    return probe().available;
}

QString PasswordKeychain::unavailableReason()
{
    return probe().reason;
}

std::optional<QString> PasswordKeychain::read(const QString &address)
{
    if (!available())
        return std::nullopt;
    QKeychain::ReadPasswordJob job(service);
    job.setKey(address);
    if (const Outcome outcome = runJob(job); !outcome.finished || outcome.error != QKeychain::NoError)
        return std::nullopt;
    const QString password = job.textData();
    return password.isEmpty() ? std::nullopt : std::optional<QString>(password);
}

bool PasswordKeychain::write(const QString &address, const QString &password)
{
    if (!available() || password.isEmpty())
        return false;
    QKeychain::WritePasswordJob job(service);
    job.setKey(address);
    job.setTextData(password);
    const Outcome outcome = runJob(job);
    return outcome.finished && outcome.error == QKeychain::NoError;
}

void PasswordKeychain::forget(const QString &address)
{
    if (!available())
        return;
    QKeychain::DeletePasswordJob job(service);
    job.setKey(address);
    (void)runJob(job);
}

} // namespace dermdesk::ui
