#include "choicelistmodel.h"

namespace overseer::models {

ChoiceListModel::ChoiceListModel(QString allLabel, QObject *parent)
    : QAbstractListModel(parent)
    , m_allLabel(std::move(allLabel))
{}

void ChoiceListModel::setChoices(QList<std::pair<QString, QString>> choices)
{
    beginResetModel();
    m_choices = std::move(choices);
    endResetModel();
}

int ChoiceListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_choices.size() + 1);
}

QVariant ChoiceListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() > m_choices.size())
        return {};
    const int row = index.row();
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
    case Qt::ToolTipRole:
        return row == 0 ? m_allLabel : m_choices.at(row - 1).first;
    case Qt::UserRole:
        return row == 0 ? QString() : m_choices.at(row - 1).second;
    default:
        return {};
    }
}

} // namespace overseer::models
