#include "mainwindow.h"

#include "alertsview.h"
#include "auditview.h"
#include "chartspanel.h"
#include "connectiondialog.h"
#include "consoleactions.h"
#include "domain/workerhealth.h"
#include "jobsview.h"
#include "models/audittablemodel.h"
#include "models/clusterpoller.h"
#include "models/labels.h"
#include "models/locktablemodel.h"
#include "models/queuetablemodel.h"
#include "models/snapshotderived.h"
#include "models/workerfilterproxy.h"
#include "models/workertablemodel.h"
#include "summarybar.h"
#include "tabledelegates.h"
#include "theme.h"
#include "workerchartspanel.h"

#include <QAction>
#include <QActionGroup>
#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTextBrowser>
#include <QThread>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

namespace overseer::ui {

using namespace domain;
using namespace models;

namespace {

QTableView *makeTable(QAbstractItemModel *model, QWidget *parent, int sortRole, int sortColumn)
{
    auto *proxy = qobject_cast<QSortFilterProxyModel *>(model);
    if (!proxy) {
        proxy = new QSortFilterProxyModel(parent);
        proxy->setSourceModel(model);
        proxy->setSortRole(sortRole);
        proxy->setDynamicSortFilter(true);
    }
    auto *table = new QTableView(parent);
    table->setModel(proxy);
    table->setSortingEnabled(true);
    table->sortByColumn(sortColumn, Qt::AscendingOrder);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setAlternatingRowColors(true);
    table->verticalHeader()->hide();
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 8);
    table->horizontalHeader()->setStretchLastSection(true);
    table->setWordWrap(false);
    return table;
}

} // namespace

MainWindow::MainWindow(Options options, QWidget *parent)
    : QMainWindow(parent)
    , m_options(std::move(options))
    , m_pollerThread(new QThread(this))
    , m_poller(new ClusterPoller(m_options.database, m_options.policy, m_options.clock))
    , m_workers(new WorkerTableModel(this))
    , m_workerProxy(new WorkerFilterProxy(this))
    , m_queues(new QueueTableModel(this))
    , m_locks(new LockTableModel(this))
    , m_audit(new AuditTableModel(this))
{
    qRegisterMetaType<ClusterSnapshot>();
    setWindowTitle(m_options.simulation.isEmpty() ? tr("Overseer — %1").arg(m_options.database.toDisplayString())
                                                  : tr("Overseer — Simulation: %1").arg(m_options.simulation));
    resize(1400, 860);
    m_workerProxy->setSourceModel(m_workers);
    m_actions = new ConsoleActions(m_options.database, m_options.readOnly, this, m_options.policy, m_options.clock);

    buildViews();
    buildActions();

    // The poller lives on its own thread with its own connection; results arrive as queued signals.
    m_poller->moveToThread(m_pollerThread);
    m_pollerThread->setObjectName(u"poller"_qs);
    connect(m_pollerThread, &QThread::finished, m_poller, &QObject::deleteLater);
    connect(m_poller, &ClusterPoller::snapshotReady, this, &MainWindow::applySnapshot);
    connect(m_poller, &ClusterPoller::databaseLost, this, &MainWindow::onDatabaseLost);
    connect(m_poller, &ClusterPoller::databaseRestored, this, &MainWindow::onDatabaseRestored);
    connect(m_poller, &ClusterPoller::pollFailed, this, [this](const QString &reason) {
        // Reachable but unreadable (schema too old or new, a SQL error): say so where it is seen.
        m_banner->setText(tr("Cannot read the cluster: %1").arg(reason));
        m_banner->show();
        m_statusRefresh->setText(tr("Last poll failed"));
    });
    // After an action, the affected rows are read again at once rather than at the next poll.
    connect(m_poller, &ClusterPoller::snapshotReady, m_actions, &ConsoleActions::applySnapshot);
    connect(m_actions, &ConsoleActions::refreshWanted, this, [this, jobs = findChild<JobsView *>()] {
        QMetaObject::invokeMethod(m_poller, &ClusterPoller::pollNow);
        if (jobs)
            jobs->refreshNow();
    });
    connect(m_actions, &ConsoleActions::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, 20'000); });
    connect(m_actions, &ConsoleActions::accessChanged, this, [this] { updateStatus(); });
    connect(m_poller, &ClusterPoller::databaseRestored, m_actions, &ConsoleActions::recheckAccess);
    m_pollerThread->start();
    QMetaObject::invokeMethod(
        m_poller, [poller = m_poller, ms = m_options.pollIntervalMs, thresholds = m_options.alertThresholds] {
            poller->setIntervalMs(ms);
            // The alerts are evaluated on the poller's thread, with the thresholds the Alerts tab shows.
            poller->setAlertThresholds(thresholds);
            poller->start();
        });

    auto *countdown = new QTimer(this);
    connect(countdown, &QTimer::timeout, this, &MainWindow::tickCountdowns);
    countdown->start(1000);
    updateStatus();
}

MainWindow::~MainWindow()
{
    QMetaObject::invokeMethod(m_poller, &ClusterPoller::stop, Qt::BlockingQueuedConnection);
    m_pollerThread->quit();
    m_pollerThread->wait();
}

void MainWindow::buildViews()
{
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(6, 6, 6, 6);

    m_banner = new QLabel(central);
    m_banner->setObjectName(u"databaseBanner"_qs);
    m_banner->setWordWrap(true);
    m_banner->setStyleSheet(u"QLabel { background: #b3261e; color: white; padding: 8px; font-weight: bold; }"_qs);
    m_banner->hide();
    layout->addWidget(m_banner);

    m_summary = new SummaryBar(central);
    layout->addWidget(m_summary);

    m_tabs = new QTabWidget(central);
    // Before the Workers tab, which shows the selected workers' charts.
    m_charts = new ChartsPanel(m_tabs);
    m_tabs->addTab(buildWorkersTab(), tr("&Workers"));

    QTableView *queues = makeTable(m_queues, m_tabs, QueueTableModel::SortRole, QueueTableModel::Name);
    m_actions->attachQueues(queues);
    m_tabs->addTab(queues, tr("&Queues"));

    // The Jobs tab reads its pages on its own thread; each snapshot refreshes the rows in view.
    auto *jobs = new JobsView(m_options.database, m_tabs);
    m_actions->attachJobs(jobs);
    m_tabs->addTab(jobs, tr("&Jobs"));
    connect(m_poller, &ClusterPoller::snapshotReady, jobs, &JobsView::applySnapshot);

    QTableView *locks = makeTable(m_locks, m_tabs, LockTableModel::SortRole, LockTableModel::Key);
    m_actions->attachLocks(locks);
    locks->setItemDelegateForColumn(LockTableModel::ExpiresIn, new AlarmDelegate(LockTableModel::OverdueRole, locks));
    m_tabs->addTab(locks, tr("&Locks"));

    m_auditView = new AuditView(m_audit, m_actions->service(), m_tabs);
    m_tabs->addTab(m_auditView, tr("&Audit"));

    // History: the recorded samples first (read on the poller's thread), then every snapshot.
    qRegisterMetaType<ClusterHistorySeed>();
    qRegisterMetaType<WorkerHistorySeed>();
    m_tabs->addTab(m_charts, tr("&Charts"));
    connect(m_poller, &ClusterPoller::historyReady, m_charts, &ChartsPanel::applySeed);
    connect(m_poller, &ClusterPoller::workerHistoryReady, m_charts, &ChartsPanel::applyWorkerSeed);
    connect(m_poller, &ClusterPoller::snapshotReady, m_charts, &ChartsPanel::applySnapshot);
    connect(m_charts, &ChartsPanel::workerHistoryWanted, this, [this](const QList<WorkerId> &workers) {
        QMetaObject::invokeMethod(m_poller, [poller = m_poller, workers] { poller->requestWorkerHistory(workers); });
    });

    m_alertsView = new AlertsView(m_tabs, m_options.alertThresholds);
    m_tabs->addTab(m_alertsView, m_alertsView->tabTitle());
    connect(m_alertsView, &AlertsView::countChanged, this,
            [this] { m_tabs->setTabText(m_tabs->indexOf(m_alertsView), m_alertsView->tabTitle()); });
    connect(m_alertsView, &AlertsView::showRequested, this, [this] {
        m_tabs->setCurrentWidget(m_alertsView);
        showNormal();
        raise();
        activateWindow();
    });

    layout->addWidget(m_tabs, 1);
    setCentralWidget(central);

    m_statusDatabase = new QLabel(this);
    m_statusRefresh = new QLabel(this);
    m_statusInterval = new QLabel(this);
    statusBar()->addWidget(m_statusDatabase, 1);
    statusBar()->addPermanentWidget(m_statusRefresh);
    statusBar()->addPermanentWidget(m_statusInterval);
}

QWidget *MainWindow::buildWorkersTab()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 4, 0, 0);

    auto *filters = new QHBoxLayout;
    m_workerText = new QLineEdit(page);
    m_workerText->setPlaceholderText(tr("Filter by host, id, queue or capability  (Ctrl+F)"));
    m_workerText->setClearButtonEnabled(true);
    m_workerQueue = new QComboBox(page);
    m_workerCapability = new QComboBox(page);
    m_workerHealth = new QComboBox(page);
    m_workerQueue->addItem(tr("All queues"), QString());
    m_workerCapability->addItem(tr("All capabilities"), QString());
    m_workerHealth->addItem(tr("Any state"), -1);
    for (const WorkerHealth health : allWorkerHealths())
        m_workerHealth->addItem(models::healthLabel(health), static_cast<int>(health));
    m_workerQueue->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_workerCapability->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    filters->addWidget(m_workerText, 1);
    filters->addWidget(m_workerQueue);
    filters->addWidget(m_workerCapability);
    filters->addWidget(m_workerHealth);
    layout->addLayout(filters);

    connect(m_workerText, &QLineEdit::textChanged, m_workerProxy, &WorkerFilterProxy::setText);
    connect(m_workerQueue, &QComboBox::currentIndexChanged, this,
            [this] { m_workerProxy->setQueue(m_workerQueue->currentData().toString()); });
    connect(m_workerCapability, &QComboBox::currentIndexChanged, this,
            [this] { m_workerProxy->setCapability(m_workerCapability->currentData().toString()); });
    connect(m_workerHealth, &QComboBox::currentIndexChanged, this, [this] {
        const int health = m_workerHealth->currentData().toInt();
        m_workerProxy->setHealth(health < 0 ? std::nullopt : std::optional<int>(health));
    });

    auto *splitter = new QSplitter(Qt::Vertical, page);
    m_workerTable = makeTable(m_workerProxy, splitter, WorkerTableModel::SortRole, WorkerTableModel::Host);
    m_actions->attachWorkers(m_workerTable);
    m_workerTable->setItemDelegateForColumn(WorkerTableModel::State, new HealthDelegate(m_workerTable));
    m_workerTable->setItemDelegateForColumn(WorkerTableModel::Jobs,
                                            new BarDelegate(WorkerTableModel::FractionRole, m_workerTable));
    m_workerTable->setItemDelegateForColumn(WorkerTableModel::Load,
                                            new BarDelegate(WorkerTableModel::FractionRole, m_workerTable));
    m_workerTable->horizontalHeader()->resizeSection(WorkerTableModel::Host, 200);
    m_workerTable->horizontalHeader()->resizeSection(WorkerTableModel::Queues, 200);
    m_workerTable->horizontalHeader()->resizeSection(WorkerTableModel::Capabilities, 240);
    auto *detail = new QSplitter(Qt::Horizontal, splitter);
    m_workerDetail = new QTextBrowser(detail);
    m_workerDetail->setPlaceholderText(tr("Select a worker to see its details."));
    detail->addWidget(m_workerDetail);
    detail->addWidget(m_charts->createWorkerCharts(detail));
    detail->setStretchFactor(0, 1);
    detail->setStretchFactor(1, 2);
    detail->setSizes({400, 1000});
    splitter->addWidget(m_workerTable);
    splitter->addWidget(detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    layout->addWidget(splitter, 1);
    connect(m_workerTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MainWindow::showSelectedWorker);
    connect(m_workerTable->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MainWindow::chartSelectedWorkers);
    return page;
}

void MainWindow::buildActions()
{
    auto *file = menuBar()->addMenu(tr("&File"));
    auto *connectTo = file->addAction(tr("&Connect to…"));
    connectTo->setShortcut(QKeySequence::Open);
    connect(connectTo, &QAction::triggered, this, &MainWindow::chooseDatabase);
    file->addSeparator();
    auto *quit = file->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    auto *view = menuBar()->addMenu(tr("&View"));
    auto *refresh = view->addAction(tr("&Refresh now"));
    refresh->setShortcut(QKeySequence::Refresh);
    connect(refresh, &QAction::triggered, this,
            [this] { QMetaObject::invokeMethod(m_poller, &ClusterPoller::pollNow); });
    m_pauseAction = view->addAction(tr("&Pause live updates"));
    m_pauseAction->setCheckable(true);
    m_pauseAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
    connect(m_pauseAction, &QAction::toggled, this, [this](bool paused) {
        m_paused = paused;
        QMetaObject::invokeMethod(m_poller, [poller = m_poller, paused] { poller->setPaused(paused); });
        updateStatus();
    });
    auto *interval = view->addMenu(tr("Poll &interval"));
    for (const int ms : {500, 1000, 2000, 5000, 10000}) {
        auto *action = interval->addAction(ms < 1000 ? tr("%1 ms").arg(ms) : tr("%1 s").arg(ms / 1000));
        connect(action, &QAction::triggered, this, [this, ms] {
            m_options.pollIntervalMs = ms;
            QMetaObject::invokeMethod(m_poller, [poller = m_poller, ms] { poller->setIntervalMs(ms); });
            updateStatus();
        });
    }
    auto *themes = view->addMenu(tr("&Theme"));
    auto *themeGroup = new QActionGroup(themes);
    for (const Theme theme : {Theme::System, Theme::Light, Theme::Dark}) {
        auto *action = themes->addAction(theme == Theme::System  ? tr("Follow the &system")
                                         : theme == Theme::Light ? tr("&Light")
                                                                 : tr("&Dark"));
        action->setCheckable(true);
        action->setChecked(savedTheme() == theme);
        themeGroup->addAction(action);
        connect(action, &QAction::triggered, this, [theme] {
            applyTheme(theme);
            saveTheme(theme);
        });
    }
    view->addSeparator();
    // Ctrl+1 … Ctrl+9 select the tabs in order, whatever tabs there are.
    for (int i = 0; i < 9; ++i) {
        auto *go = new QAction(this);
        go->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + i)));
        connect(go, &QAction::triggered, this, [this, i] {
            if (i < m_tabs->count())
                m_tabs->setCurrentIndex(i);
        });
        addAction(go);
    }
    auto *find = view->addAction(tr("&Filter workers"));
    find->setShortcut(QKeySequence::Find);
    connect(find, &QAction::triggered, this, [this] {
        m_tabs->setCurrentIndex(0);
        m_workerText->setFocus();
        m_workerText->selectAll();
    });
}

void MainWindow::applySnapshot(const ClusterSnapshot &snapshot)
{
    m_last = snapshot;
    m_sinceSnapshot.start();
    if (!m_lost)
        m_banner->hide();
    ++m_snapshots;
    // Everything derived from the snapshot (queue and lock rows, filter choices, alerts) was computed
    // on the poller's thread: this thread only merges it into the models.
    const std::shared_ptr<const SnapshotDerived> derived = derivedOf(snapshot);
    m_workers->merge(snapshot.workers, snapshot.policy, snapshot.takenAt);
    m_queues->merge(derived->queueRows, snapshot.takenAt);
    m_locks->merge(derived->lockRows, snapshot.takenAt);
    m_auditView->applySnapshot(snapshot);
    m_summary->show(snapshot);
    m_alertsView->applySnapshot(snapshot);

    // Filter choices follow the cluster: every queue and capability some worker has.
    const auto refill = [](QComboBox *box, const QStringList &values) {
        if (box->count() == values.size() + 1) {
            bool same = true;
            for (int i = 1; i < box->count() && same; ++i)
                same = box->itemData(i).toString() == values.at(i - 1);
            if (same)
                return;
        }
        const QString selected = box->currentData().toString();
        const QSignalBlocker block(box);
        while (box->count() > 1)
            box->removeItem(1);
        for (const QString &value : values)
            box->addItem(value, value);
        box->setCurrentIndex(std::max(0, box->findData(selected)));
    };
    refill(m_workerQueue, derived->workerQueues);
    refill(m_workerCapability, derived->workerCapabilities);

    showSelectedWorker();
    updateStatus();
    Q_EMIT snapshotShown();
}

void MainWindow::showSelectedWorker()
{
    const QModelIndex current = m_workerTable->selectionModel()->currentIndex();
    if (!current.isValid()) {
        m_workerDetail->clear();
        return;
    }
    const QModelIndex source = m_workerProxy->mapToSource(current);
    const storage::WorkerRecord *record = m_workers->recordAt(source.row());
    if (!record)
        return;
    const Worker &w = record->worker;
    const WorkerHealth health = classifyHealth(w, m_last.policy, m_last.takenAt);
    QStringList queues;
    for (const QueueName &q : w.queues())
        queues << q.toString().toHtmlEscaped();
    QStringList capabilities;
    for (const Capability &c : w.capabilities())
        capabilities << c.toString().toHtmlEscaped();
    QString html = u"<h3>%1 <small>pid %2</small></h3>"_qs.arg(w.hostname().toHtmlEscaped()).arg(w.processId());
    html += u"<p style='color:%1'><b>%2</b> — %3</p>"_qs.arg(
        healthColor(static_cast<int>(health)).name(), models::healthLabel(health),
        healthExplanation(w, health, m_last.policy, m_last.takenAt).toHtmlEscaped());
    html += u"<table cellspacing=4>"_qs;
    const auto row = [&html](const QString &label, const QString &value) {
        html += u"<tr><td><b>"_qs + label + u"</b></td><td>"_qs + value + u"</td></tr>"_qs;
    };
    row(tr("Id"), w.id().toString());
    row(tr("Queues"), queues.join(u", "_qs));
    row(tr("Capabilities"), capabilities.isEmpty() ? tr("none") : capabilities.join(u", "_qs));
    row(tr("Jobs"), tr("%1 of %2 assigned by the database; the worker reports %3")
                        .arg(record->assignedJobs)
                        .arg(w.maxJobs())
                        .arg(w.currentJobs()));
    row(tr("CPU / memory"), w.cpu().toString() + u" / "_qs + w.memory().toString() +
                                (w.memoryLimit() ? tr(" of %1 allowed").arg(w.memoryLimit()->toString()) : QString()));
    row(tr("Registered"), QDateTime::fromMSecsSinceEpoch(w.registeredAt()).toString(Qt::ISODate));
    row(tr("Last heartbeat"), ageText(w.heartbeatAge(m_last.takenAt)));
    html += u"</table>"_qs;
    m_workerDetail->setHtml(html);
}

void MainWindow::chooseDatabase()
{
    ConnectionDialog dialog(m_options.database.toDisplayString(), this);
    if (dialog.exec() != QDialog::Accepted || !dialog.chosenUrl())
        return;
    // A new window for the new database: its own poller, models and state, nothing carried over.
    Options options = m_options;
    options.database = *dialog.chosenUrl();
    // A real cluster: its own clock and policy, not a simulation's.
    options.clock = nullptr;
    options.simulation.clear();
    options.policy = {};
    auto *next = new MainWindow(options);
    next->setAttribute(Qt::WA_DeleteOnClose);
    next->setGeometry(geometry());
    next->show();
    setAttribute(Qt::WA_DeleteOnClose);
    close();
}

void MainWindow::chartSelectedWorkers()
{
    QList<WorkerId> workers;
    QStringList labels;
    for (const QModelIndex &row : m_workerTable->selectionModel()->selectedRows()) {
        if (const storage::WorkerRecord *record = m_workers->recordAt(m_workerProxy->mapToSource(row).row())) {
            workers.append(record->worker.id());
            labels.append(tr("%1 (pid %2)").arg(record->worker.hostname()).arg(record->worker.processId()));
        }
    }
    m_charts->setSelectedWorkers(workers, labels);
}

void MainWindow::onDatabaseLost(const QString &reason)
{
    m_lost = true;
    m_banner->setText(
        tr("Database unreachable — the figures below are from %1 and are not live. "
           "Reconnecting automatically… (%2)")
            .arg(m_snapshots > 0
                     ? QDateTime::currentDateTime().addMSecs(-m_sinceSnapshot.elapsed()).toString(u"HH:mm:ss"_qs)
                     : tr("never"),
                 reason));
    m_banner->show();
    m_summary->setStale(true);
    m_tabs->setEnabled(false);
    updateStatus();
}

void MainWindow::onDatabaseRestored()
{
    m_lost = false;
    m_banner->hide();
    m_summary->setStale(false);
    m_tabs->setEnabled(true);
    updateStatus();
}

void MainWindow::tickCountdowns()
{
    if (m_snapshots > 0 && !m_lost)
        m_locks->setNow(m_options.clock ? m_options.clock->now() : m_last.takenAt + m_sinceSnapshot.elapsed());
    updateStatus();
}

void MainWindow::updateStatus()
{
    const bool readOnly = m_options.readOnly || (m_actions->isAccessKnown() && m_actions->isReadOnly());
    m_statusDatabase->setText(
        tr("Database: %1%2")
            .arg(m_options.database.toDisplayString(), readOnly ? u" — "_qs + m_actions->readOnlyReason() : QString()));
    m_statusDatabase->setToolTip(readOnly ? m_actions->readOnlyReason() : QString());
    if (!m_options.simulation.isEmpty())
        m_statusDatabase->setText(tr("Simulation: %1 — virtual time, database %2")
                                      .arg(m_options.simulation, m_options.database.toDisplayString()));
    if (m_lost)
        m_statusRefresh->setText(tr("Disconnected"));
    else if (m_snapshots == 0)
        m_statusRefresh->setText(tr("Connecting…"));
    else
        m_statusRefresh->setText(
            tr("Last refresh %1 s ago (%2 ms)").arg(m_sinceSnapshot.elapsed() / 1000).arg(m_last.pollMs));
    m_statusInterval->setText(m_paused ? tr("Live updates paused (Ctrl+P)")
                                       : tr("Every %1 s").arg(m_options.pollIntervalMs / 1000.0));
}

} // namespace overseer::ui
