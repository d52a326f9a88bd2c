#pragma once

#include <QStyledItemDelegate>

namespace overseer::ui {

/// Paints a worker's health word with its colour and a small status dot (State column).
class HealthDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

/// Paints the cell's FractionRole (0–1) as a bar behind its text (jobs x/max, load).
class BarDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    BarDelegate(int fractionRole, QObject *parent);
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    int m_role;
};

/// Paints cells red when the row's flag role is true (overdue locks).
class AlarmDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    AlarmDelegate(int flagRole, QObject *parent);
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    int m_role;
};

/// The colour of a worker health (domain::WorkerHealth as int) in the current palette.
QColor healthColor(int health);

} // namespace overseer::ui
