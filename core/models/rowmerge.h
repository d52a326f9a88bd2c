#pragma once

#include <QAbstractItemModel>
#include <QList>

#include <algorithm>

namespace overseer::models {

/// Merges a new snapshot of rows into the rows a table model shows, without a reset (STYLE.md,
/// after hotspot's ProcessModel::mergeProcesses): rows that disappeared are removed, new rows
/// inserted, and rows whose content changed get dataChanged — one full-range signal when more than
/// half of them changed, which is cheaper for views than many small ones. Both lists are sorted by
/// key. Selection, sorting and scroll position in views survive every merge.
///
/// Model must expose beginInsertRows/endInsertRows/... to this function (call it from a member).
template<typename Row, typename KeyOf, typename Insert, typename Remove, typename Changed>
void mergeSortedRows(QList<Row> &rows, QList<Row> incoming, KeyOf keyOf, Insert beginEndInsert, Remove beginEndRemove,
                     Changed changed)
{
    qsizetype i = 0;
    qsizetype j = 0;
    QList<std::pair<qsizetype, qsizetype>> changedRanges; // [first, last]
    qsizetype changedCount = 0;
    while (i < rows.size() || j < incoming.size()) {
        if (j >= incoming.size() || (i < rows.size() && keyOf(rows.at(i)) < keyOf(incoming.at(j)))) {
            // rows[i..] not in incoming: remove a run at once.
            qsizetype last = i;
            while (last + 1 < rows.size() && (j >= incoming.size() || keyOf(rows.at(last + 1)) < keyOf(incoming.at(j))))
                ++last;
            beginEndRemove(i, last, [&] { rows.remove(i, last - i + 1); });
            continue;
        }
        if (i >= rows.size() || keyOf(incoming.at(j)) < keyOf(rows.at(i))) {
            // incoming[j..] not in rows: insert a run at position i.
            qsizetype last = j;
            while (last + 1 < incoming.size() && (i >= rows.size() || keyOf(incoming.at(last + 1)) < keyOf(rows.at(i))))
                ++last;
            const qsizetype count = last - j + 1;
            beginEndInsert(i, i + count - 1, [&] {
                rows.insert(i, count, incoming.at(j));
                for (qsizetype k = 1; k < count; ++k)
                    rows[i + k] = incoming.at(j + k);
            });
            i += count;
            j += count;
            continue;
        }
        if (!(rows.at(i) == incoming.at(j))) {
            // Copied, not moved: incoming usually shares its data with the snapshot, and taking a
            // non-const element would copy all of it (10,000 workers) before the first move.
            rows[i] = incoming.at(j);
            ++changedCount;
            if (!changedRanges.isEmpty() && changedRanges.last().second == i - 1)
                changedRanges.last().second = i;
            else
                changedRanges.append({i, i});
        }
        ++i;
        ++j;
    }
    if (changedCount == 0)
        return;
    if (changedCount * 2 > rows.size()) {
        changed(0, rows.size() - 1);
        return;
    }
    for (const auto &[first, last] : changedRanges)
        changed(first, last);
}

} // namespace overseer::models
