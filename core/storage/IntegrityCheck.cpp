#include "IntegrityCheck.h"

#include <QFile>

#include <sqlite3.h>

namespace dermdesk {

namespace {

constexpr int busyTimeoutMs = 5000;

} // namespace

IntegrityCheck::IntegrityCheck(const QString &path, QObject *parent)
    : QObject(parent)
{
    m_thread = std::thread([this, path] { work(path); });
}

IntegrityCheck::~IntegrityCheck()
{
    {
        const std::lock_guard lock(m_mutex);
        m_cancelled = true;
        if (m_connection)
            sqlite3_interrupt(m_connection);
    }
    m_thread.join();
}

bool IntegrityCheck::isFinished() const
{
    const std::lock_guard lock(m_mutex);
    return m_finished;
}

std::optional<QString> IntegrityCheck::wait()
{
    std::unique_lock lock(m_mutex);
    m_done.wait(lock, [this] { return m_finished; });
    return m_problem;
}

Result<std::optional<QString>> IntegrityCheck::run(sqlite3 *connection)
{
    sqlite3_stmt *statement = nullptr;
    int code = sqlite3_prepare_v2(connection, "PRAGMA quick_check(1)", -1, &statement, nullptr);
    std::optional<QString> problem;
    if (code == SQLITE_OK) {
        code = sqlite3_step(statement);
        if (code == SQLITE_ROW) {
            const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(statement, 0));
            const QString verdict = QString::fromUtf8(text ? text : "");
            if (verdict != QLatin1String("ok"))
                problem = verdict.simplified().remove(QStringLiteral("*** in database main *** "));
            code = SQLITE_OK;
        }
    }
    const int primary = code & 0xff;
    const QString message = QString::fromUtf8(sqlite3_errmsg(connection));
    sqlite3_finalize(statement);
    if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB)
        return std::optional<QString>(message);
    if (primary != SQLITE_OK && primary != SQLITE_DONE)
        return Error::storage(QStringLiteral("check_failed"),
                              tr("The clinic database could not be checked: %1.").arg(message));
    return problem;
}

Result<std::optional<QString>> IntegrityCheck::runOnFile(const QString &path)
{
    sqlite3 *connection = nullptr;
    const int opened = openReadOnly(path, &connection);
    Result<std::optional<QString>> verdict = std::optional<QString>();
    if (opened == SQLITE_OK)
        verdict = run(connection);
    else if ((opened & 0xff) == SQLITE_CORRUPT || (opened & 0xff) == SQLITE_NOTADB)
        verdict = std::optional<QString>(QString::fromUtf8(sqlite3_errmsg(connection)));
    else
        verdict =
            Error::storage(QStringLiteral("check_failed"), tr("The clinic database could not be checked: %1.")
                                                               .arg(QString::fromUtf8(sqlite3_errmsg(connection))));
    sqlite3_close(connection);
    return verdict;
}

int IntegrityCheck::openReadOnly(const QString &path, sqlite3 **connection)
{
    const int opened = sqlite3_open_v2(QFile::encodeName(path).constData(), connection,
                                       SQLITE_OPEN_READONLY | SQLITE_OPEN_FULLMUTEX, nullptr);
    if (opened == SQLITE_OK)
        sqlite3_busy_timeout(*connection, busyTimeoutMs);
    return opened;
}

void IntegrityCheck::work(const QString &path)
{
    sqlite3 *connection = nullptr;
    const int opened = openReadOnly(path, &connection);
    std::optional<QString> problem;
    if (opened == SQLITE_OK) {
        bool cancelled = false;
        {
            const std::lock_guard lock(m_mutex);
            m_connection = connection;
            cancelled = m_cancelled;
        }
        if (!cancelled) {
            // A check that cannot finish for another reason than damage (interrupted, locked) holds nothing back.
            if (const auto verdict = run(connection))
                problem = verdict.value();
        }
    } else if ((opened & 0xff) == SQLITE_CORRUPT || (opened & 0xff) == SQLITE_NOTADB) {
        problem = QString::fromUtf8(sqlite3_errmsg(connection));
    }
    {
        const std::lock_guard lock(m_mutex);
        m_connection = nullptr;
        m_problem = problem;
        m_finished = true;
    }
    sqlite3_close(connection);
    m_done.notify_all();
    QMetaObject::invokeMethod(this, &IntegrityCheck::finished, Qt::QueuedConnection);
}

} // namespace dermdesk
