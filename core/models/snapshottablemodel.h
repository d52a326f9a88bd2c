#pragma once

#include "rowmerge.h"

#include <QAbstractTableModel>

namespace overseer::models {

/// Base of the console's table models: rows replaced by merging each new snapshot into the
/// current rows (rowmerge.h), never by a reset.
class SnapshotTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    using QAbstractTableModel::QAbstractTableModel;

protected:
    /// Merges incoming (sorted by keyOf) into rows (sorted the same way), emitting the row
    /// insertions, removals and dataChanged signals of the difference.
    template<typename Row, typename KeyOf>
    void mergeRows(QList<Row> &rows, QList<Row> incoming, KeyOf keyOf)
    {
        mergeSortedRows(
            rows, std::move(incoming), keyOf,
            [this](qsizetype first, qsizetype last, auto apply) {
                beginInsertRows({}, static_cast<int>(first), static_cast<int>(last));
                apply();
                endInsertRows();
            },
            [this](qsizetype first, qsizetype last, auto apply) {
                beginRemoveRows({}, static_cast<int>(first), static_cast<int>(last));
                apply();
                endRemoveRows();
            },
            [this](qsizetype first, qsizetype last) {
                Q_EMIT dataChanged(index(static_cast<int>(first), 0), index(static_cast<int>(last), columnCount() - 1));
            });
    }

    /// dataChanged for one column in every row (values that move with time: ages, countdowns).
    void refreshColumn(int column)
    {
        if (rowCount() > 0)
            Q_EMIT dataChanged(index(0, column), index(rowCount() - 1, column));
    }
};

} // namespace overseer::models
