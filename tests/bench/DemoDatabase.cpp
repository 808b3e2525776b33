#include "DemoDatabase.h"

#include <QSqlQuery>

namespace dermdesk::bench {

double msSince(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

DemoDatabase openDemo(const QString &path)
{
    DemoDatabase demo;
    Database::Options options;
    options.createIfMissing = false;
    auto opened = Database::open(path, options);
    if (!opened) {
        demo.failure = opened.error().message();
        return demo;
    }
    demo.database = std::move(opened).value();
    QSqlQuery query(demo.database->connection());
    if (!query.exec(QStringLiteral("SELECT max(created_at) FROM appointment")) || !query.next()
        || query.value(0).isNull()) {
        demo.failure = QStringLiteral("the database has no appointments");
        return demo;
    }
    demo.clock = std::make_unique<FixedClock>(query.value(0).toLongLong());
    return demo;
}

} // namespace dermdesk::bench
