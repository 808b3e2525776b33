#include "ClinicCopy.h"

#include "Database.h"
#include "StorageEngine.h"
#include "Transaction.h"
#include "common/Translation.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSet>
#include <QSqlQuery>

#include <algorithm>
#include <optional>
#include <tuple>

namespace dermdesk {

namespace {

constexpr TranslationContext tr("dermdesk::ClinicCopy");

// How often a table's progress is reported while it is copied, in rows.
constexpr qint64 progressEvery = 5000;
// Parameters of one multi-row INSERT at most (SQLite and PostgreSQL both take far more).
constexpr int parametersPerInsert = 900;
constexpr int rowsPerInsert = 200;

const QString idColumn = QStringLiteral("id");

// A table or column name from the schema, quoted for SQL on every engine.
QString sqlName(const QString &name)
{
    return QLatin1Char('"') + name + QLatin1Char('"');
}

QString sqlNames(const QStringList &names)
{
    QStringList quoted;
    for (const QString &name : names)
        quoted.append(sqlName(name));
    return quoted.join(QStringLiteral(", "));
}

// One value as checksum() writes it: the same on every engine for the same stored value.
QString canonical(const QVariant &value)
{
    if (value.isNull())
        return QStringLiteral("\\N");
    switch (value.metaType().id()) {
    case QMetaType::Bool:
        return value.toBool() ? QStringLiteral("1") : QStringLiteral("0");
    case QMetaType::Short:
    case QMetaType::Int:
    case QMetaType::Long:
    case QMetaType::LongLong:
        return QString::number(value.toLongLong());
    case QMetaType::UShort:
    case QMetaType::UInt:
    case QMetaType::ULong:
    case QMetaType::ULongLong:
        return QString::number(value.toULongLong());
    case QMetaType::Float:
    case QMetaType::Double:
        return QString::number(value.toDouble(), 'g', 17);
    case QMetaType::QByteArray:
        return QStringLiteral("\\x") + QString::fromLatin1(value.toByteArray().toHex());
    default:
        break;
    }
    QString text = value.toString();
    text.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    text.replace(QLatin1Char('\t'), QStringLiteral("\\t"));
    text.replace(QLatin1Char('\n'), QStringLiteral("\\n"));
    return text;
}

Error cancelledCopy()
{
    return Error::storage(QStringLiteral("cancelled"), tr("The copy was cancelled; nothing was kept."));
}

Result<qint64> countRows(const StorageEngine &engine, const QSqlDatabase &connection, const QString &table)
{
    QSqlQuery query(connection);
    if (!query.exec(QStringLiteral("SELECT count(*) FROM %1").arg(sqlName(table))) || !query.next())
        return engine.error(query.lastError(), tr("Counting the rows of %1").arg(table));
    return query.value(0).toLongLong();
}

// Ends the source's snapshot however the copy ends.
class SnapshotGuard
{
public:
    explicit SnapshotGuard(const StorageEngine &engine)
        : m_engine(engine)
    {
    }
    ~SnapshotGuard()
    {
        if (m_begun)
            m_engine.rollback();
    }
    SnapshotGuard(const SnapshotGuard &) = delete;
    SnapshotGuard &operator=(const SnapshotGuard &) = delete;
    Status begin()
    {
        Status begun = m_engine.beginSnapshot();
        m_begun = begun.ok();
        return begun;
    }

private:
    const StorageEngine &m_engine;
    bool m_begun = false;
};

// What the copy needs to know about the clinic's tables, read from the source.
struct Layout
{
    // Every table, filled in this order (each after the tables it refers to).
    QStringList order;
    QHash<QString, QStringList> columns;
    // Text index -> the columns its source view fills (StorageEngine::rebuildTextIndex).
    QHash<QString, QStringList> textIndexes;
    // Table -> its column referring to its own rows, if any.
    QHash<QString, QString> selfReferences;
};

Result<Layout> readLayout(const StorageEngine &engine)
{
    const auto tables = engine.tables();
    if (!tables)
        return tables.error();
    Layout layout;
    QHash<QString, QSet<QString>> dependsOn;
    for (const QString &table : tables.value()) {
        const auto columns = engine.columns(table);
        if (!columns)
            return columns.error();
        layout.columns.insert(table, columns.value());
        const auto sourceView = engine.columns(table + QStringLiteral("_source"));
        if (!sourceView)
            return sourceView.error();
        if (!sourceView.value().isEmpty()) {
            QStringList filled = sourceView.value();
            filled.removeAll(idColumn);
            layout.textIndexes.insert(table, filled);
        }
        const auto references = engine.references(table);
        if (!references)
            return references.error();
        QSet<QString> &needs = dependsOn[table];
        for (const StorageEngine::Reference &reference : references.value()) {
            if (reference.table == table)
                layout.selfReferences.insert(table, reference.column);
            else
                needs.insert(reference.table);
        }
    }
    // Tables in name order, each as soon as every table it refers to is placed.
    QStringList remaining = tables.value();
    while (!remaining.isEmpty()) {
        const auto ready = std::find_if(remaining.cbegin(), remaining.cend(), [&](const QString &table) {
            const QSet<QString> &needs = dependsOn.value(table);
            return std::all_of(needs.cbegin(), needs.cend(),
                               [&](const QString &other) { return layout.order.contains(other); });
        });
        if (ready == remaining.cend())
            return Error::storage(QStringLiteral("copy_order"),
                                  tr("The tables %1 refer to each other in a circle; the clinic cannot be copied.")
                                      .arg(remaining.join(QStringLiteral(", "))));
        layout.order.append(*ready);
        remaining.removeAt(ready - remaining.cbegin());
    }
    return layout;
}

// The tables a new clinic is created with rows in (the migrations' defaults): a target may hold rows there only.
Result<QSet<QString>> tablesOfNewClinic()
{
    auto fresh = Database::open(Database::memoryPath());
    if (!fresh)
        return fresh.error();
    const StorageEngine &engine = fresh.value()->engine();
    const auto tables = engine.tables();
    if (!tables)
        return tables.error();
    QSet<QString> filled;
    for (const QString &table : tables.value()) {
        const auto rows = countRows(engine, fresh.value()->connection(), table);
        if (!rows)
            return rows.error();
        if (rows.value() > 0)
            filled.insert(table);
    }
    return filled;
}

// Inserts rows into one table of the target, many per statement, with their ids.
class RowWriter
{
public:
    RowWriter(const Database &target, const QString &table, const QStringList &columns)
        : m_target(target)
        , m_table(table)
        , m_columns(columns)
        , m_bulk(target.engine().bulkRows() > 0)
        , m_batchRows(m_bulk ? target.engine().bulkRows()
                             : std::max(1, std::min(rowsPerInsert,
                                                    parametersPerInsert / int(std::max<qsizetype>(1, columns.size())))))
        , m_batch(target.connection())
    {
        if (!m_bulk)
            m_batch.prepare(statement(m_batchRows));
        m_pending.reserve(m_batchRows * columns.size());
    }

    Status add(const QSqlQuery &row, int skipped)
    {
        for (int i = 0; i < m_columns.size(); ++i)
            m_pending.append(i == skipped ? QVariant() : row.value(i));
        if (m_pending.size() == m_batchRows * m_columns.size())
            return flush();
        return {};
    }

    Status flush()
    {
        if (m_pending.isEmpty())
            return {};
        if (m_bulk) {
            const Status inserted = m_target.engine().insertRows(m_table, m_columns, m_pending);
            m_pending.clear();
            return inserted;
        }
        const int rows = int(m_pending.size() / m_columns.size());
        if (rows != m_batchRows) {
            m_partial.emplace(m_target.connection());
            m_partial->prepare(statement(rows));
        }
        QSqlQuery &query = rows == m_batchRows ? m_batch : *m_partial;
        for (int i = 0; i < m_pending.size(); ++i)
            query.bindValue(i, m_pending.at(i));
        m_pending.clear();
        if (!query.exec())
            return m_target.engine().error(query.lastError(), tr("Copying the rows of %1").arg(m_table));
        return {};
    }

private:
    QString statement(int rows) const
    {
        QStringList marks(m_columns.size(), QStringLiteral("?"));
        const QString row = QLatin1Char('(') + marks.join(QStringLiteral(", ")) + QLatin1Char(')');
        QStringList values(rows, row);
        return QStringLiteral("INSERT INTO %1 (%2) VALUES %3")
            .arg(sqlName(m_table), sqlNames(m_columns), values.join(QStringLiteral(", ")));
    }

    const Database &m_target;
    QString m_table;
    QStringList m_columns;
    // The engine takes whole rows in one value (StorageEngine::insertRows).
    bool m_bulk;
    int m_batchRows;
    QSqlQuery m_batch;
    std::optional<QSqlQuery> m_partial;
    QVariantList m_pending;
};

} // namespace

ClinicCopy::ClinicCopy(const StorageEngine &engine, QSqlDatabase source)
    : m_engine(engine)
    , m_source(std::move(source))
{
}

ClinicCopy::ClinicCopy(const Database &source)
    : ClinicCopy(source.engine(), source.connection())
{
}

Result<std::pair<qint64, QString>> ClinicCopy::checksum(const StorageEngine &engine, QSqlDatabase connection,
                                                        const QString &table, const QStringList &columns)
{
    const bool keyed = columns.contains(idColumn);
    QSqlQuery query(connection);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT %1 FROM %2%3")
                        .arg(sqlNames(columns), sqlName(table),
                             keyed ? QStringLiteral(" ORDER BY %1").arg(sqlName(idColumn)) : QString())))
        return engine.error(query.lastError(), tr("Reading the rows of %1").arg(table));
    QCryptographicHash hash(QCryptographicHash::Sha256);
    QStringList unkeyed;
    qint64 rows = 0;
    while (query.next()) {
        QString line;
        for (int i = 0; i < columns.size(); ++i) {
            if (i > 0)
                line += QLatin1Char('\t');
            line += canonical(query.value(i));
        }
        line += QLatin1Char('\n');
        if (keyed)
            hash.addData(line.toUtf8());
        else
            unkeyed.append(line);
        ++rows;
    }
    if (query.lastError().isValid())
        return engine.error(query.lastError(), tr("Reading the rows of %1").arg(table));
    std::sort(unkeyed.begin(), unkeyed.end());
    for (const QString &line : std::as_const(unkeyed))
        hash.addData(line.toUtf8());
    return std::pair<qint64, QString>(rows, QString::fromLatin1(hash.result().toHex()));
}

Result<QList<ClinicCopy::Table>> ClinicCopy::into(const Database &target) const
{
    const StorageEngine &to = target.engine();
    const auto sourceStamp = m_engine.schemaStamp();
    if (!sourceStamp)
        return sourceStamp.error();
    const auto targetStamp = to.schemaStamp();
    if (!targetStamp)
        return targetStamp.error();
    if (sourceStamp.value().version != targetStamp.value().version)
        return Error::storage(QStringLiteral("schema_differs"),
                              tr("The clinic has schema version %1 and the target %2; open the clinic with this "
                                 "DermDesk first so both are the same.")
                                  .arg(sourceStamp.value().version)
                                  .arg(targetStamp.value().version));
    const auto layout = readLayout(m_engine);
    if (!layout)
        return layout.error();
    const Layout &plan = layout.value();
    const auto targetTables = to.tables();
    if (!targetTables)
        return targetTables.error();
    for (const QString &table : plan.order) {
        if (!targetTables.value().contains(table))
            return Error::storage(QStringLiteral("schema_differs"), tr("The target has no table %1.").arg(table));
        const auto columns = to.columns(table);
        if (!columns)
            return columns.error();
        QStringList mine = plan.columns.value(table);
        QStringList theirs = columns.value();
        mine.sort();
        theirs.sort();
        if (!plan.textIndexes.contains(table) && mine != theirs)
            return Error::storage(QStringLiteral("schema_differs"),
                                  tr("The table %1 has the columns %2 in the clinic but %3 in the target.")
                                      .arg(table, mine.join(QStringLiteral(", ")), theirs.join(QStringLiteral(", "))));
    }

    SnapshotGuard snapshot(m_engine);
    if (Status begun = snapshot.begin(); !begun)
        return begun.error();
    // Statements prepared on the target outlive the transaction: a server frees them only outside a failed one.
    std::optional<RowWriter> writer;
    std::optional<QSqlQuery> link;
    Transaction transaction(target);
    if (Status begun = transaction.begin(); !begun)
        return begun.error();
    // A target may hold what a new clinic is created with, nothing more; asked under the target's write lock, so a
    // desk that set the clinic up meanwhile is seen and its rows are never replaced.
    const auto defaults = tablesOfNewClinic();
    if (!defaults)
        return defaults.error();
    QStringList holding;
    QStringList toEmpty;
    for (const QString &table : plan.order) {
        const auto rows = countRows(to, target.connection(), table);
        if (!rows)
            return rows.error();
        if (rows.value() == 0)
            continue;
        if (defaults.value().contains(table))
            toEmpty.prepend(table);
        else
            holding.append(table);
    }
    if (!holding.isEmpty())
        return Error::storage(QStringLiteral("target_not_empty"),
                              tr("%1 already holds a clinic (rows in %2); a clinic is copied only into a new file or "
                                 "an empty database. Nothing was written.")
                                  .arg(target.path(), holding.size() > 4 ? holding.mid(0, 4).join(QStringLiteral(", "))
                                                                               + QStringLiteral(", …")
                                                                         : holding.join(QStringLiteral(", "))));

    // Emptied referring tables first: toEmpty is in the reverse of the filling order.
    for (const QString &table : std::as_const(toEmpty)) {
        if (Status emptied = to.removeAllRows(table); !emptied)
            return emptied.error();
    }

    const auto stopped = [this] { return m_cancelled && m_cancelled(); };
    QList<Table> report;
    for (const QString &table : plan.order) {
        if (plan.textIndexes.contains(table))
            continue;
        if (stopped())
            return cancelledCopy();
        const QStringList columns = plan.columns.value(table);
        const auto rows = countRows(m_engine, m_source, table);
        if (!rows)
            return rows.error();
        if (m_progress)
            m_progress(table, 0, rows.value());
        const QString self = plan.selfReferences.value(table);
        const int selfColumn = self.isEmpty() ? -1 : int(columns.indexOf(self));
        const int idIndex = int(columns.indexOf(idColumn));
        if (selfColumn >= 0 && idIndex < 0)
            return Error::storage(QStringLiteral("copy_order"),
                                  tr("The table %1 refers to its own rows without an id.").arg(table));
        QSqlQuery read(m_source);
        read.setForwardOnly(true);
        if (!read.exec(QStringLiteral("SELECT %1 FROM %2%3")
                           .arg(sqlNames(columns), sqlName(table),
                                idIndex >= 0 ? QStringLiteral(" ORDER BY %1").arg(sqlName(idColumn)) : QString())))
            return m_engine.error(read.lastError(), tr("Reading the rows of %1").arg(table));
        if (Status held = to.filling(table, true); !held)
            return held.error();
        writer.emplace(target, table, columns);
        QList<std::pair<QVariant, QVariant>> selfLinks;
        qint64 copied = 0;
        while (read.next()) {
            if (selfColumn >= 0 && !read.value(selfColumn).isNull())
                selfLinks.append({read.value(idIndex), read.value(selfColumn)});
            if (Status added = writer->add(read, selfColumn); !added)
                return added.error();
            if (++copied % progressEvery != 0)
                continue;
            if (stopped())
                return cancelledCopy();
            if (copied < rows.value() && m_progress)
                m_progress(table, copied, rows.value());
        }
        if (read.lastError().isValid())
            return m_engine.error(read.lastError(), tr("Reading the rows of %1").arg(table));
        if (Status flushed = writer->flush(); !flushed)
            return flushed.error();
        if (!selfLinks.isEmpty()) {
            link.emplace(target.connection());
            link->prepare(QStringLiteral("UPDATE %1 SET %2 = ? WHERE %3 = ?")
                              .arg(sqlName(table), sqlName(self), sqlName(idColumn)));
            for (const auto &[id, value] : std::as_const(selfLinks)) {
                link->addBindValue(value);
                link->addBindValue(id);
                if (!link->exec())
                    return to.error(link->lastError(), tr("Copying the rows of %1").arg(table));
            }
        }
        if (Status released = to.filling(table, false); !released)
            return released.error();
        if (idIndex >= 0) {
            if (Status moved = to.afterExplicitIds(table); !moved)
                return moved.error();
        }
        if (m_progress)
            m_progress(table, copied, rows.value());
    }

    for (auto index = plan.textIndexes.cbegin(); index != plan.textIndexes.cend(); ++index) {
        if (Status rebuilt = to.rebuildTextIndex(index.key(), index.key() + QStringLiteral("_source"), index.value());
            !rebuilt)
            return rebuilt.error();
    }

    // The proof, before anything is kept: every table counted and checksummed on both sides.
    QStringList differing;
    for (const QString &table : std::as_const(plan.columns).keys()) {
        if (stopped())
            return cancelledCopy();
        Table entry;
        entry.name = table;
        if (plan.textIndexes.contains(table)) {
            entry.rebuilt = true;
            const auto before = countRows(m_engine, m_source, table);
            const auto after = countRows(to, target.connection(), table);
            if (!before)
                return before.error();
            if (!after)
                return after.error();
            entry.sourceRows = before.value();
            entry.targetRows = after.value();
        } else {
            const QStringList columns = plan.columns.value(table);
            const auto before = checksum(m_engine, m_source, table, columns);
            if (!before)
                return before.error();
            const auto after = checksum(to, target.connection(), table, columns);
            if (!after)
                return after.error();
            std::tie(entry.sourceRows, entry.sourceChecksum) = before.value();
            std::tie(entry.targetRows, entry.targetChecksum) = after.value();
        }
        if (!entry.matches())
            differing.append(table);
        report.append(entry);
    }
    if (!differing.isEmpty())
        return Error::storage(QStringLiteral("copy_mismatch"),
                              tr("The copy of %1 differs from the clinic (row count or checksum); nothing was kept.")
                                  .arg(differing.join(QStringLiteral(", "))));
    if (Status committed = transaction.commit(); !committed)
        return committed.error();
    std::sort(report.begin(), report.end(), [](const Table &a, const Table &b) { return a.name < b.name; });
    return report;
}

Result<QList<ClinicCopy::Table>> ClinicCopy::intoNewFile(const QString &file) const
{
    const QString path = QFileInfo(file).absoluteFilePath();
    const bool existed = QFileInfo::exists(path);
    if (existed && QFileInfo(path).size() > 0)
        return Error::storage(QStringLiteral("target_not_empty"),
                              tr("%1 already exists; a clinic is copied only into a new file. Nothing was written.")
                                  .arg(QDir::toNativeSeparators(path)));
    const auto removeFiles = [&path, existed]() {
        for (const QString &suffix : {QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal")})
            QFile::remove(path + suffix);
        if (existed)
            QFile::resize(path, 0);
        else
            QFile::remove(path);
    };
    Result<QList<Table>> copied = Error::storage(QStringLiteral("copy"), QString());
    {
        Database::Options options;
        options.createIfMissing = true;
        auto target = Database::open(path, options);
        if (!target) {
            removeFiles();
            return target.error();
        }
        copied = into(*target.value());
    }
    if (!copied)
        removeFiles();
    return copied;
}

} // namespace dermdesk
