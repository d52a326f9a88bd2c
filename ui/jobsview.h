#pragma once

#include "models/clustersnapshot.h"
#include "models/jobpageloader.h"
#include "storage/databaseurl.h"

#include <QElapsedTimer>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTextBrowser;
class QThread;
class QTimer;

namespace overseer::models {
class ChoiceListModel;
class JobTableModel;
} // namespace overseer::models

namespace overseer::ui {

/// The Jobs tab: filters (queue, state, worker, type, job id, order), the jobs of that query in
/// pages fetched as the table scrolls, how many there are, and the selected job in full (payload,
/// last error, result, timestamps). Pages come from a JobPageLoader on a thread this view owns,
/// with its own connection; nothing here touches the database. Each snapshot refreshes the rows in
/// view, and only while the tab is shown.
class JobsView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobsView)

public:
    explicit JobsView(const storage::DatabaseUrl &database, QWidget *parent = nullptr);
    ~JobsView() override;

    models::JobTableModel *model() const { return m_model; }
    /// The table (the console's actions attach their shortcuts and context menu to it).
    QTableView *table() const { return m_table; }
    /// The selected jobs as last loaded, in the table's order.
    QList<domain::Job> selectedJobs() const;

public Q_SLOTS:
    void applySnapshot(const overseer::models::ClusterSnapshot &snapshot);
    /// Reads the rows in view and the count again now (an action changed them).
    void refreshNow();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void applyFilters();
    void updateVisibleRows();
    void updateCount();
    bool countedBySnapshot() const;
    void showSelectedJob();
    void refill(QComboBox *box, const QList<std::pair<QString, QString>> &items);
    void refillWorkers(const QList<std::pair<QString, QString>> &workers);

    QThread *m_loaderThread;
    models::JobPageLoader *m_loader;
    models::JobTableModel *m_model;

    QComboBox *m_queue = nullptr;
    QComboBox *m_state = nullptr;
    QComboBox *m_worker = nullptr;
    QLineEdit *m_type = nullptr;
    QLineEdit *m_id = nullptr;
    QComboBox *m_order = nullptr;
    QLabel *m_count = nullptr;
    QPushButton *m_newer = nullptr;
    QTableView *m_table = nullptr;
    QTextBrowser *m_detail = nullptr;
    QTimer *m_typing = nullptr;

    models::ChoiceListModel *m_workerChoices = nullptr;
    QStringList m_queueNames;
    std::optional<size_t> m_workersKey;

    models::ClusterSnapshot m_last;
    QString m_filterProblem;
    QString m_loadProblem;
    QElapsedTimer m_sinceCount;
};

} // namespace overseer::ui
