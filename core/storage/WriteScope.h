#pragma once

#include <QList>
#include <QString>

#include <algorithm>
#include <utility>

namespace dermdesk {

// What a write transaction changes, so that desks writing different rows of a clinic on a server need not wait for
// each other. A scope either is the whole clinic (the default: the writer takes turns with every other writer, as
// on a clinic file always) or names rows by table and id: the patient, the practitioners, the rooms and the
// appointments a booking touches. Two writers naming rows take turns only when they name a row in common; a writer
// of the whole clinic takes turns with all of them.
//
// The writer's promise: what it checks before writing depends only on the rows it names (and rows that belong to
// them, such as a named patient's screening answers) and on what only whole-clinic writers change (settings, hours,
// blockouts, rooms). A writer that cannot say so uses the whole clinic. An engine that has one writer at a time
// anyway (SQLite) ignores the rows.
class WriteScope
{
public:
    // The whole clinic.
    WriteScope() = default;

    // Adds row `id` of `table`; ids of 0 or less (no row) are left out.
    WriteScope &add(const QString &table, qint64 id)
    {
        if (id > 0)
            m_rows.append({table, id});
        return *this;
    }

    [[nodiscard]] bool isWholeClinic() const { return m_rows.isEmpty(); }

    // The rows named, each once, in one order every writer shares (so two writers never wait for each other in a
    // circle).
    [[nodiscard]] QList<std::pair<QString, qint64>> rows() const
    {
        QList<std::pair<QString, qint64>> sorted = m_rows;
        std::sort(sorted.begin(), sorted.end());
        sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
        return sorted;
    }

private:
    QList<std::pair<QString, qint64>> m_rows;
};

} // namespace dermdesk
