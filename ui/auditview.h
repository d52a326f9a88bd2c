#pragma once

#include "models/clustersnapshot.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;
class QTimer;

namespace overseer::models {
class AuditTableModel;
class CommandService;
} // namespace overseer::models

namespace overseer::ui {

/// The Audit tab: every operator action with who, when, what and why, and a filter bar — actor and
/// target text (parts of them, any case), the action, and a time window. Without a filter it shows
/// the newest entries of each snapshot; with one, the matching entries are read on the command
/// thread (CommandService::listAudit), again with each snapshot while the tab is shown.
class AuditView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuditView)

public:
    /// Entries read for one filter, at most.
    static constexpr int filteredLimit = 500;

    AuditView(models::AuditTableModel *model, models::CommandService *service, QWidget *parent = nullptr);
    ~AuditView() override;

    QTableView *table() const { return m_table; }
    QLineEdit *actorEdit() const { return m_actor; }
    QComboBox *actionBox() const { return m_action; }
    QLineEdit *targetEdit() const { return m_target; }
    QComboBox *windowBox() const { return m_window; }
    bool isFiltered() const;

public Q_SLOTS:
    void applySnapshot(const overseer::models::ClusterSnapshot &snapshot);
    /// Reads the list again for the filters as they are now.
    void applyFilters();

Q_SIGNALS:
    /// Every filtered answer shown (tests wait for it).
    void filteredListShown();

private:
    void request();
    void updateCount(const QString &problem = {});

    models::AuditTableModel *m_model;
    models::CommandService *m_service;
    QLineEdit *m_actor = nullptr;
    QComboBox *m_action = nullptr;
    QLineEdit *m_target = nullptr;
    QComboBox *m_window = nullptr;
    QLabel *m_count = nullptr;
    QTableView *m_table = nullptr;
    QTimer *m_typing = nullptr;
    models::ClusterSnapshot m_last;
    quint64 m_request = 0;
    bool m_again = false;
};

} // namespace overseer::ui
