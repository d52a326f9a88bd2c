#include "tabledelegates.h"

#include "domain/workerhealth.h"
#include "models/workertablemodel.h"

#include <QApplication>
#include <QPainter>

namespace overseer::ui {

using domain::WorkerHealth;

QColor healthColor(int health)
{
    switch (static_cast<WorkerHealth>(health)) {
    case WorkerHealth::Healthy:
        return QColor(0x2e, 0x9d, 0x4f);
    case WorkerHealth::Draining:
        return QColor(0x3a, 0x7b, 0xd5);
    case WorkerHealth::Stale:
        return QColor(0xe0, 0x8a, 0x00);
    case WorkerHealth::CpuCritical:
    case WorkerHealth::MemoryOverLimit:
        return QColor(0xd9, 0x3b, 0x3b);
    case WorkerHealth::Inactive:
        return QColor(0x88, 0x88, 0x88);
    }
    return QApplication::palette().color(QPalette::Text);
}

void HealthDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = opt.text;
    opt.text.clear();
    QApplication::style()->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);

    const QColor color = healthColor(index.data(models::WorkerTableModel::HealthRole).toInt());
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const int d = opt.rect.height() / 3;
    const QRect dot(opt.rect.left() + 6, opt.rect.center().y() - d / 2, d, d);
    painter->setPen(Qt::NoPen);
    painter->setBrush(color);
    painter->drawEllipse(dot);
    painter->setPen(opt.state & QStyle::State_Selected ? opt.palette.color(QPalette::HighlightedText) : color);
    painter->drawText(opt.rect.adjusted(dot.right() + 6 - opt.rect.left(), 0, 0, 0), Qt::AlignVCenter | Qt::AlignLeft,
                      text);
    painter->restore();
}

BarDelegate::BarDelegate(int fractionRole, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_role(fractionRole)
{}

void BarDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QVariant fraction = index.data(m_role);
    if (fraction.isValid()) {
        const double f = std::clamp(fraction.toDouble(), 0.0, 1.0);
        QColor color = f >= 0.95   ? QColor(0xd9, 0x3b, 0x3b)
                       : f >= 0.75 ? QColor(0xe0, 0x8a, 0x00)
                                   : QColor(0x2e, 0x9d, 0x4f);
        color.setAlpha(70);
        const QRect bar = option.rect.adjusted(2, 3, -2, -3);
        painter->fillRect(QRect(bar.left(), bar.top(), static_cast<int>(bar.width() * f), bar.height()), color);
    }
    QStyledItemDelegate::paint(painter, option, index);
}

AlarmDelegate::AlarmDelegate(int flagRole, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_role(flagRole)
{}

void AlarmDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (index.data(m_role).toBool()) {
        option->palette.setColor(QPalette::Text, QColor(0xd9, 0x3b, 0x3b));
        option->font.setBold(true);
    }
}

} // namespace overseer::ui
