#pragma once

#include "models/alertmonitor.h"

#include <QWidget>

class QLabel;
class QSortFilterProxyModel;
class QSystemTrayIcon;
class QTableView;
class QTextBrowser;

namespace overseer::models {
class AlertTableModel;
} // namespace overseer::models

namespace overseer::ui {

/// The Alerts tab: every alert that holds now, critical first, with its severity in colour and
/// what to do about the selected one below the table. Each snapshot goes through an AlertMonitor
/// here on the GUI thread (it is pure and cheap); alerts that are new raise one desktop
/// notification per snapshot through the system tray — where there is a tray. Without one (a
/// headless session, the offscreen platform) the window is the only place they show.
class AlertsView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertsView)

public:
    explicit AlertsView(QWidget *parent = nullptr, models::AlertThresholds thresholds = {});
    ~AlertsView() override;

    models::AlertTableModel *model() const { return m_model; }
    /// Evaluates the snapshot, merges the alerts into the table and notifies about new ones.
    void applySnapshot(const models::ClusterSnapshot &snapshot);
    int count() const;
    /// "Alerts" or "Alerts (3)", with a mnemonic, for the tab.
    QString tabTitle() const;

Q_SIGNALS:
    /// After a snapshot that changed the number of alerts.
    void countChanged(int count);
    /// Alerts new in the latest snapshot (after they are in the model).
    void alertsRaised(const QList<overseer::models::Alert> &alerts);
    /// The user clicked a notification: the window should come forward with this tab.
    void showRequested();

private:
    void notify(const QList<models::Alert> &raised);
    void showCurrentDetail();

    models::AlertMonitor m_monitor;
    models::AlertTableModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_table = nullptr;
    QTextBrowser *m_detail = nullptr;
    QLabel *m_empty = nullptr;
    QSystemTrayIcon *m_tray = nullptr;
};

} // namespace overseer::ui
