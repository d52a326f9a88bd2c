#pragma once

#include "domain/clock.h"
#include "models/alertmonitor.h"
#include "models/clustersnapshot.h"
#include "storage/databaseurl.h"

#include <QElapsedTimer>
#include <QMainWindow>

class QLabel;
class QTabWidget;
class QTableView;
class QTextBrowser;
class QThread;
class QLineEdit;
class QComboBox;
class QAction;

namespace overseer::models {
class AuditTableModel;
class ClusterPoller;
class LockTableModel;
class QueueTableModel;
class WorkerFilterProxy;
class WorkerTableModel;
} // namespace overseer::models

namespace overseer::ui {

class AlertsView;
class AuditView;
class ChartsPanel;
class ConsoleActions;
class SummaryBar;

/// The console's main window: the cluster summary, views for workers, queues, locks and the audit
/// trail, and a status bar with the database, the last refresh and the poll interval. A poller on
/// its own thread (with its own connection) feeds it snapshots; nothing here touches the database.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    struct Options
    {
        storage::DatabaseUrl database;
        bool readOnly = false;
        int pollIntervalMs = 1000;
        /// When the Alerts tab calls a backlog growing, a lock overdue (models/alertmonitor.h).
        models::AlertThresholds alertThresholds;
        /// When a worker is stale, dead or over its CPU (a simulation brings its scenario's).
        domain::HealthPolicy policy;
        /// Simulation mode: the run's virtual clock, which ages and health are judged by (null: the
        /// database's clock), and the scenario's name for the title and status bar.
        const domain::Clock *clock = nullptr;
        QString simulation;
    };

    explicit MainWindow(Options options, QWidget *parent = nullptr);
    ~MainWindow() override;

    /// True once the first snapshot has been shown (screenshots wait for it).
    bool hasData() const { return m_snapshots > 0; }
    /// For panels docked beside the views (simulation): the Workers view and the Charts tab.
    QTableView *workerView() const { return m_workerTable; }
    ChartsPanel *charts() const { return m_charts; }

Q_SIGNALS:
    void snapshotShown();

private:
    void buildViews();
    void buildActions();
    QWidget *buildWorkersTab();
    void applySnapshot(const overseer::models::ClusterSnapshot &snapshot);
    void onDatabaseLost(const QString &reason);
    void chooseDatabase();
    void onDatabaseRestored();
    void updateStatus();
    void showSelectedWorker();
    void chartSelectedWorkers();
    void tickCountdowns();

    Options m_options;
    QThread *m_pollerThread;
    models::ClusterPoller *m_poller;
    models::WorkerTableModel *m_workers;
    models::WorkerFilterProxy *m_workerProxy;
    models::QueueTableModel *m_queues;
    models::LockTableModel *m_locks;
    models::AuditTableModel *m_audit;

    QLabel *m_banner = nullptr;
    SummaryBar *m_summary = nullptr;
    AlertsView *m_alertsView = nullptr;
    ChartsPanel *m_charts = nullptr;
    QTabWidget *m_tabs = nullptr;
    QTableView *m_workerTable = nullptr;
    QTextBrowser *m_workerDetail = nullptr;
    QLineEdit *m_workerText = nullptr;
    QComboBox *m_workerQueue = nullptr;
    QComboBox *m_workerCapability = nullptr;
    QComboBox *m_workerHealth = nullptr;
    QLabel *m_statusDatabase = nullptr;
    QLabel *m_statusRefresh = nullptr;
    QLabel *m_statusInterval = nullptr;
    QAction *m_pauseAction = nullptr;
    /// Operator actions (command thread, shortcuts, context menus, dialogs) and the Audit tab's filters.
    ConsoleActions *m_actions = nullptr;
    AuditView *m_auditView = nullptr;

    models::ClusterSnapshot m_last;
    QElapsedTimer m_sinceSnapshot;
    int m_snapshots = 0;
    bool m_lost = false;
    bool m_paused = false;
};

} // namespace overseer::ui
