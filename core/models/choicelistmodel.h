#pragma once

#include <QAbstractListModel>
#include <QList>
#include <QString>

#include <utility>

namespace overseer::models {

/// The rows of a filter combo box with many choices (the Jobs view's 10,000 workers): a first row
/// meaning "no filter" (value empty), then (label, value) pairs. Replacing the choices is one reset
/// rather than thousands of item insertions, and the combo box reads labels only for rows it shows.
/// Qt::UserRole is the value, as QComboBox::currentData() expects.
class ChoiceListModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChoiceListModel)

public:
    explicit ChoiceListModel(QString allLabel, QObject *parent = nullptr);

    /// The choices after the first row; the list is shared, not copied.
    void setChoices(QList<std::pair<QString, QString>> choices);
    const QList<std::pair<QString, QString>> &choices() const { return m_choices; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    QString m_allLabel;
    QList<std::pair<QString, QString>> m_choices;
};

} // namespace overseer::models
