#include "simulationpanel.h"

#include "chartmarkers.h"
#include "chartspanel.h"
#include "models/workertablemodel.h"
#include "simulationcontroller.h"
#include "timechart.h"
#include "workerchartspanel.h"

#include <QComboBox>
#include <QDateTime>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QStringBuilder>
#include <QStyle>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace overseer::ui {

using namespace simulation;

namespace {

const QString hostPrefix = u"sim/"_qs;
const QColor failColour(0xc6, 0x28, 0x28);
const QColor passColour(0x2e, 0x7d, 0x32);

QLabel *figure(QWidget *parent, const QString &name)
{
    auto *label = new QLabel(u"0"_qs, parent);
    label->setObjectName(name);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont bold = label->font();
    bold.setBold(true);
    label->setFont(bold);
    return label;
}

void setFaultButton(QPushButton *button, bool enabled, const QString &why)
{
    button->setEnabled(enabled);
    // A disabled button says why it cannot be pressed.
    button->setToolTip(enabled ? button->property("hint").toString() : why);
}

QPushButton *faultButton(QWidget *parent, const QString &name, const QString &text, const QString &hint)
{
    auto *button = new QPushButton(text, parent);
    button->setObjectName(name);
    button->setProperty("hint", hint);
    button->setToolTip(hint);
    return button;
}

} // namespace

QString elapsedText(qint64 milliseconds)
{
    const qint64 seconds = std::max<qint64>(0, milliseconds) / 1000;
    const auto two = [](qint64 n) { return QString::number(n).rightJustified(2, u'0'); };
    if (seconds >= 3600)
        return QString::number(seconds / 3600) % u':' % two(seconds / 60 % 60) % u':' % two(seconds % 60);
    return two(seconds / 60) % u':' % two(seconds % 60);
}

SimulationPanel::SimulationPanel(SimulationController *controller, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
{
    setObjectName(u"simulationPanel"_qs);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    buildScenarioBox();
    buildRunBox();
    buildFaultBox();
    buildResultBox();
    layout->addStretch(1);

    connect(m_controller, &SimulationController::progressed, this, &SimulationPanel::showProgress);
    connect(m_controller, &SimulationController::playingChanged, this, &SimulationPanel::showPlaying);
    connect(m_controller, &SimulationController::speedChanged, this, &SimulationPanel::showSpeed);
    connect(m_controller, &SimulationController::faultInjected, this, &SimulationPanel::addFault);
    connect(m_controller, &SimulationController::faultRefused, this, &SimulationPanel::showRefusal);
    connect(m_controller, &SimulationController::finished, this, &SimulationPanel::showSummary);
    connect(m_controller, &SimulationController::startFailed, this, &SimulationPanel::showProblem);
    connect(m_controller, &SimulationController::failed, this,
            [this](const QString &reason) { showProblem(tr("The simulation stopped: %1").arg(reason)); });

    // What happened before this panel was made (a panel of a new window joins a run in progress).
    // Long names and descriptions must not widen the dock: combos show what fits, tooltips the rest.
    for (QComboBox *box : {m_scenario, m_worker, m_capability, m_stream, m_lockKey}) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(6);
    }
    fillChoices();
    showSpeed(m_controller->speed());
    showPlaying(m_controller->isPlaying());
    for (const InjectedFault &fault : m_controller->faults())
        addFault(fault);
    showProgress();
    if (m_controller->summary())
        showSummary(*m_controller->summary());
}

SimulationPanel::~SimulationPanel() = default;

void SimulationPanel::buildScenarioBox()
{
    auto *box = new QGroupBox(tr("Scenario"), this);
    auto *layout = new QVBoxLayout(box);
    auto *row = new QHBoxLayout;
    m_scenario = new QComboBox(box);
    m_scenario->setObjectName(u"scenarioPicker"_qs);
    m_scenario->setToolTip(tr("A built-in scenario; choosing one starts a new run of it"));
    for (const QString &name : Scenario::builtInNames()) {
        QString description;
        try {
            description = Scenario::builtIn(name).description;
        } catch (const ScenarioError &error) {
            description = error.message();
        }
        m_scenario->addItem(name, name);
        m_scenario->setItemData(m_scenario->count() - 1, description, Qt::ToolTipRole);
    }
    auto *open = new QToolButton(box);
    open->setObjectName(u"openScenarioFile"_qs);
    open->setText(tr("Open scenario file…"));
    open->setToolTip(tr("Run a scenario from a JSON file (docs/simulation.md describes the format)"));
    row->addWidget(m_scenario, 1);
    row->addWidget(open);
    layout->addLayout(row);
    m_description = new QLabel(box);
    m_description->setObjectName(u"scenarioDescription"_qs);
    m_description->setWordWrap(true);
    m_description->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_description);
    m_problem = new QLabel(box);
    m_problem->setObjectName(u"scenarioProblem"_qs);
    m_problem->setWordWrap(true);
    m_problem->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problem->setStyleSheet(u"QLabel { color: white; background: #b3261e; padding: 4px; }"_qs);
    m_problem->hide();
    layout->addWidget(m_problem);
    this->layout()->addWidget(box);

    connect(m_scenario, &QComboBox::activated, this, &SimulationPanel::chooseBuiltIn);
    connect(open, &QToolButton::clicked, this, &SimulationPanel::chooseFile);
}

void SimulationPanel::buildRunBox()
{
    auto *box = new QGroupBox(tr("Run"), this);
    auto *layout = new QVBoxLayout(box);
    auto *controls = new QHBoxLayout;
    m_play = new QToolButton(box);
    m_play->setObjectName(u"playButton"_qs);
    m_play->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_play->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Space));
    m_speed = new QComboBox(box);
    m_speed->setObjectName(u"speedPicker"_qs);
    m_speed->setToolTip(tr("Virtual seconds per second; \"max\" runs as fast as the database allows"));
    for (const double speed : {1.0, 5.0, 10.0, 60.0})
        m_speed->addItem(tr("%1×").arg(speed), speed);
    m_speed->addItem(tr("max"), 0.0);
    m_reset = new QToolButton(box);
    m_reset->setObjectName(u"resetButton"_qs);
    m_reset->setText(tr("Reset"));
    m_reset->setIcon(style()->standardIcon(QStyle::SP_MediaSkipBackward));
    m_reset->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_reset->setToolTip(tr("Start this scenario again from the beginning, on a fresh database"));
    controls->addWidget(m_play);
    controls->addWidget(new QLabel(tr("Speed"), box));
    controls->addWidget(m_speed);
    controls->addStretch(1);
    controls->addWidget(m_reset);
    layout->addLayout(controls);

    m_clock = new QLabel(box);
    m_clock->setObjectName(u"virtualClock"_qs);
    QFont big = m_clock->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    m_clock->setFont(big);
    m_phase = new QLabel(box);
    m_phase->setObjectName(u"runPhase"_qs);
    m_phase->setWordWrap(true);
    m_progress = new QProgressBar(box);
    m_progress->setObjectName(u"runProgress"_qs);
    m_progress->setTextVisible(false);
    m_progress->setMaximumHeight(8);
    layout->addWidget(m_clock);
    layout->addWidget(m_phase);
    layout->addWidget(m_progress);

    auto *figures = new QGridLayout;
    m_enqueued = figure(box, u"figureEnqueued"_qs);
    m_succeeded = figure(box, u"figureSucceeded"_qs);
    m_failed = figure(box, u"figureFailed"_qs);
    m_running = figure(box, u"figureRunning"_qs);
    m_workersAlive = figure(box, u"figureWorkersAlive"_qs);
    m_violations = figure(box, u"figureViolations"_qs);
    const QList<std::pair<QString, QLabel *>> cells = {
        {tr("Enqueued"), m_enqueued}, {tr("Succeeded"), m_succeeded},        {tr("Failed"), m_failed},
        {tr("Running"), m_running},   {tr("Workers alive"), m_workersAlive}, {tr("Violations"), m_violations},
    };
    for (int i = 0; i < cells.size(); ++i) {
        figures->addWidget(new QLabel(cells.at(i).first, box), i / 2, (i % 2) * 2);
        figures->addWidget(cells.at(i).second, i / 2, (i % 2) * 2 + 1);
    }
    m_violations->setToolTip(tr("Capability, capacity and lock violations: a job on a worker without a required "
                                "capability, a worker past its maximum, two holders of one lock. Always 0 when "
                                "the core is right."));
    figures->setColumnStretch(1, 1);
    figures->setColumnStretch(3, 1);
    layout->addLayout(figures);
    this->layout()->addWidget(box);

    connect(m_play, &QToolButton::clicked, this, [this] {
        if (m_controller->isPlaying())
            m_controller->pause();
        else
            m_controller->play();
    });
    connect(m_speed, &QComboBox::activated, this, [this] {
        const double speed = m_speed->currentData().toDouble();
        m_controller->setSpeed(speed > 0 ? std::optional<double>(speed) : std::nullopt);
    });
    connect(m_reset, &QToolButton::clicked, m_controller, &SimulationController::reset);
}

void SimulationPanel::buildFaultBox()
{
    auto *box = new QGroupBox(tr("Faults"), this);
    auto *layout = new QVBoxLayout(box);
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_worker = new QComboBox(box);
    m_worker->setObjectName(u"faultWorker"_qs);
    m_worker->setToolTip(tr("The worker the worker faults hit; selecting a worker in the Workers view chooses it"));
    m_lasting = new QComboBox(box);
    m_lasting->setObjectName(u"faultLasting"_qs);
    m_lasting->setToolTip(tr("How long a fault lasts: a crashed worker comes back, heartbeats resume, CPU and memory "
                             "return to normal"));
    m_lasting->addItem(tr("for good"), 0);
    m_lasting->addItem(tr("30 s"), 30'000);
    m_lasting->addItem(tr("1 min"), 60'000);
    m_lasting->addItem(tr("5 min"), 300'000);
    form->addRow(tr("Worker"), m_worker);
    form->addRow(tr("Lasting"), m_lasting);
    layout->addLayout(form);

    auto *workerButtons = new QGridLayout;
    m_crash = faultButton(box, u"crashButton"_qs, tr("Crash"),
                          tr("The worker dies: no more heartbeats, its jobs never finish; the reaper must "
                             "recover them"));
    m_stopHeartbeats = faultButton(box, u"stopHeartbeatsButton"_qs, tr("Stop heartbeats"),
                                   tr("The worker goes on running its jobs but stops reporting"));
    m_cpuSpike = faultButton(box, u"cpuSpikeButton"_qs, tr("CPU spike"),
                             tr("The worker reports 99 % CPU: unhealthy, no new jobs"));
    m_memory = faultButton(box, u"memoryButton"_qs, tr("Memory over limit"),
                           tr("The worker reports more memory than its declared limit: unhealthy"));
    workerButtons->addWidget(m_crash, 0, 0);
    workerButtons->addWidget(m_stopHeartbeats, 0, 1);
    workerButtons->addWidget(m_cpuSpike, 1, 0);
    workerButtons->addWidget(m_memory, 1, 1);
    layout->addLayout(workerButtons);

    auto *outage = new QHBoxLayout;
    m_capability = new QComboBox(box);
    m_capability->setObjectName(u"faultCapability"_qs);
    m_outage = faultButton(box, u"regionOutageButton"_qs, tr("Region outage"),
                           tr("Every worker with this capability crashes at once"));
    outage->addWidget(m_capability, 1);
    outage->addWidget(m_outage);
    auto *burst = new QHBoxLayout;
    m_stream = new QComboBox(box);
    m_stream->setObjectName(u"faultStream"_qs);
    m_burstCount = new QSpinBox(box);
    m_burstCount->setObjectName(u"faultBurstCount"_qs);
    m_burstCount->setRange(1, 100'000);
    m_burstCount->setValue(200);
    m_burstCount->setToolTip(tr("How many jobs arrive at once"));
    m_burst =
        faultButton(box, u"jobBurstButton"_qs, tr("Job burst"), tr("This many jobs of the stream arrive at once"));
    burst->addWidget(m_burstCount, 1);
    burst->addWidget(m_burst);
    auto *lock = new QHBoxLayout;
    m_lockKey = new QComboBox(box);
    m_lockKey->setObjectName(u"faultLockKey"_qs);
    m_stuckLock = faultButton(box, u"stuckLockButton"_qs, tr("Stuck lock"),
                              tr("A holder takes this lock and dies: its lease must expire and another holder "
                                 "take over with a higher fencing token"));
    lock->addWidget(m_lockKey, 1);
    lock->addWidget(m_stuckLock);
    auto *more = new QFormLayout;
    more->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    // A narrow dock (beside the Charts tab) puts the fields under their labels rather than clip them.
    more->setRowWrapPolicy(QFormLayout::WrapLongRows);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    more->addRow(tr("Capability"), outage);
    more->addRow(tr("Stream"), m_stream);
    more->addRow(tr("Jobs"), burst);
    more->addRow(tr("Lock"), lock);
    layout->addLayout(more);

    m_faultStatus = new QLabel(box);
    m_faultStatus->setObjectName(u"faultStatus"_qs);
    m_faultStatus->setWordWrap(true);
    m_faultStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_faultStatus);
    auto *timelineTitle = new QLabel(tr("Timeline (also marked on the charts)"), box);
    timelineTitle->setWordWrap(true);
    layout->addWidget(timelineTitle);
    m_timeline = new QListWidget(box);
    m_timeline->setObjectName(u"faultTimeline"_qs);
    m_timeline->setMinimumHeight(70);
    m_timeline->setMaximumHeight(130);
    m_timeline->setWordWrap(true);
    layout->addWidget(m_timeline);
    this->layout()->addWidget(box);

    const auto lasting = [this] { return lastingMs(); };
    const auto workerFault = [this, lasting](FaultSpec::Kind kind) {
        FaultSpec fault;
        fault.kind = kind;
        fault.worker = m_worker->currentData().toString();
        fault.durationMs = lasting();
        inject(fault);
    };
    connect(m_crash, &QPushButton::clicked, this, [workerFault] { workerFault(FaultSpec::Kind::Crash); });
    connect(m_stopHeartbeats, &QPushButton::clicked, this,
            [workerFault] { workerFault(FaultSpec::Kind::StopHeartbeats); });
    connect(m_cpuSpike, &QPushButton::clicked, this, [workerFault] { workerFault(FaultSpec::Kind::CpuSpike); });
    connect(m_memory, &QPushButton::clicked, this, [workerFault] { workerFault(FaultSpec::Kind::MemoryOverLimit); });
    connect(m_outage, &QPushButton::clicked, this, [this, lasting] {
        FaultSpec fault;
        fault.kind = FaultSpec::Kind::RegionOutage;
        fault.capability = domain::Capability::fromString(m_capability->currentData().toString());
        fault.durationMs = lasting();
        inject(fault);
    });
    connect(m_burst, &QPushButton::clicked, this, [this] {
        FaultSpec fault;
        fault.kind = FaultSpec::Kind::JobBurst;
        fault.stream = m_stream->currentData().toString();
        fault.count = m_burstCount->value();
        inject(fault);
    });
    connect(m_stuckLock, &QPushButton::clicked, this, [this] {
        FaultSpec fault;
        fault.kind = FaultSpec::Kind::StuckLock;
        fault.key = domain::LockKey::fromString(m_lockKey->currentData().toString());
        inject(fault);
    });
    connect(m_worker, &QComboBox::currentIndexChanged, this, &SimulationPanel::updateFaultButtons);
    connect(m_capability, &QComboBox::currentIndexChanged, this, &SimulationPanel::updateFaultButtons);
    connect(m_stream, &QComboBox::currentIndexChanged, this, &SimulationPanel::updateFaultButtons);
    connect(m_lockKey, &QComboBox::currentIndexChanged, this, &SimulationPanel::updateFaultButtons);
}

void SimulationPanel::buildResultBox()
{
    m_resultBox = new QGroupBox(tr("Expectations"), this);
    m_resultBox->setObjectName(u"resultBox"_qs);
    auto *layout = new QVBoxLayout(m_resultBox);
    m_verdict = new QLabel(m_resultBox);
    m_verdict->setObjectName(u"verdict"_qs);
    m_verdict->setWordWrap(true);
    QFont bold = m_verdict->font();
    bold.setBold(true);
    m_verdict->setFont(bold);
    m_expectations = new QListWidget(m_resultBox);
    m_expectations->setObjectName(u"expectations"_qs);
    m_expectations->setWordWrap(true);
    m_expectations->setMinimumHeight(120);
    layout->addWidget(m_verdict);
    layout->addWidget(m_expectations);
    m_resultBox->hide();
    this->layout()->addWidget(m_resultBox);
}

void SimulationPanel::fillChoices()
{
    const Scenario &scenario = m_controller->scenario();
    const QSignalBlocker blockScenario(m_scenario);
    int index = m_scenario->findData(scenario.name);
    const bool builtIn = index >= 0 && scenario.origin.startsWith(u':');
    if (!builtIn && !scenario.name.isEmpty()) {
        // A scenario from a file: shown as itself, after the built-ins.
        const QString label = tr("%1 (from %2)").arg(scenario.name, QFileInfo(scenario.origin).fileName());
        index = m_scenario->findText(label);
        if (index < 0) {
            m_scenario->addItem(label, QString());
            index = m_scenario->count() - 1;
            m_scenario->setItemData(index, scenario.origin, Qt::ToolTipRole);
        }
    }
    m_scenario->setCurrentIndex(std::max(0, index));
    m_description->setText(scenario.description.isEmpty() ? tr("No description.") : scenario.description);

    const auto refill = [](QComboBox *box, const QList<std::pair<QString, QString>> &items) {
        const QString selected = box->currentData().toString();
        const QSignalBlocker block(box);
        box->clear();
        for (const auto &[text, value] : items)
            box->addItem(text, value);
        box->setCurrentIndex(std::max(0, box->findData(selected)));
    };
    QList<std::pair<QString, QString>> workers;
    QStringList capabilities;
    for (const WorkerSpec &worker : scenario.workers) {
        workers.append({worker.name, worker.name});
        for (const domain::Capability &capability : worker.capabilities) {
            if (!capabilities.contains(capability.toString()))
                capabilities.append(capability.toString());
        }
    }
    capabilities.sort();
    QList<std::pair<QString, QString>> capabilityItems;
    for (const QString &capability : std::as_const(capabilities))
        capabilityItems.append({capability, capability});
    QList<std::pair<QString, QString>> streams;
    QList<std::pair<QString, QString>> keys;
    for (const StreamSpec &stream : scenario.streams) {
        streams.append({tr("%1 (queue %2)").arg(stream.name, stream.queue.toString()), stream.name});
        if (stream.lock) {
            for (const domain::LockKey &key : stream.lock->keys()) {
                const std::pair<QString, QString> item{key.toString(), key.toString()};
                if (!keys.contains(item))
                    keys.append(item);
            }
        }
    }
    refill(m_worker, workers);
    refill(m_capability, capabilityItems);
    refill(m_stream, streams);
    refill(m_lockKey, keys);
    updateFaultButtons();
}

void SimulationPanel::chooseBuiltIn(int index)
{
    const QString name = m_scenario->itemData(index).toString();
    if (name.isEmpty())
        return; // the scenario from a file that runs now
    try {
        m_problem->hide();
        Q_EMIT scenarioChosen(Scenario::builtIn(name));
    } catch (const ScenarioError &error) {
        showProblem(error.message());
    }
}

void SimulationPanel::chooseFile()
{
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Open a scenario"), QString(), tr("Scenarios (*.json);;All files (*)"));
    if (!path.isEmpty())
        openScenarioFile(path);
}

void SimulationPanel::openScenarioFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        showProblem(tr("Cannot open %1: %2").arg(QFileInfo(path).fileName(), file.errorString()));
        return;
    }
    try {
        const Scenario scenario = Scenario::parse(file.readAll(), path);
        m_problem->hide();
        Q_EMIT scenarioChosen(scenario);
    } catch (const ScenarioError &error) {
        const QString where = error.path().isEmpty() ? QString() : error.path() + u": "_qs;
        showProblem(tr("%1 cannot run — %2%3").arg(QFileInfo(path).fileName(), where, error.reason()));
    }
}

void SimulationPanel::showProblem(const QString &text)
{
    m_problem->setText(text);
    m_problem->setVisible(!text.isEmpty());
}

void SimulationPanel::showProgress()
{
    const SimulationProgress &progress = m_controller->progress();
    const qint64 duration = progress.durationMs > 0 ? progress.durationMs : m_controller->scenario().durationMs;
    m_clock->setText(tr("%1 of %2").arg(elapsedText(progress.elapsedMs), elapsedText(duration)));
    m_clock->setToolTip(
        tr("Virtual time: %1 UTC")
            .arg(QDateTime::fromMSecsSinceEpoch(m_controller->now(), Qt::UTC).toString(u"yyyy-MM-dd HH:mm:ss"_qs)));
    QString phase;
    switch (progress.phase) {
    case SimulationProgress::Phase::Ready:
        phase = m_controller->isStarted() ? tr("Ready: press Play") : tr("Starting…");
        break;
    case SimulationProgress::Phase::Running:
        phase = m_controller->isPlaying() ? tr("Running") : tr("Paused");
        break;
    case SimulationProgress::Phase::Draining:
        phase = m_controller->isPlaying() ? tr("Streams stopped: finishing the work in flight")
                                          : tr("Paused while finishing the work in flight");
        break;
    case SimulationProgress::Phase::Finished:
        phase = tr("Finished");
        break;
    }
    if (m_controller->isPlaying() && m_controller->pace() > 0)
        phase += tr(" — %1× real time").arg(m_controller->pace(), 0, 'f', m_controller->pace() < 10 ? 1 : 0);
    m_phase->setText(phase);
    m_progress->setRange(0, 1000);
    m_progress->setValue(duration > 0 ? static_cast<int>(std::min<qint64>(1000, progress.elapsedMs * 1000 / duration))
                                      : 0);
    m_enqueued->setText(QString::number(progress.enqueued));
    m_succeeded->setText(QString::number(progress.succeeded));
    m_failed->setText(progress.dead > 0 ? tr("%1 (%2 dead)").arg(progress.failed).arg(progress.dead)
                                        : QString::number(progress.failed));
    m_running->setText(QString::number(progress.running));
    m_workersAlive->setText(tr("%1 of %2").arg(progress.workersAlive).arg(progress.workersTotal));
    m_violations->setText(QString::number(progress.violations));
    m_violations->setStyleSheet(progress.violations > 0 ? u"color: #c62828;"_qs : QString());
    m_play->setEnabled(m_controller->isStarted() && progress.phase != SimulationProgress::Phase::Finished);
    m_reset->setEnabled(m_controller->isStarted());
    updateFaultButtons();
}

void SimulationPanel::showPlaying(bool playing)
{
    m_play->setText(playing ? tr("Pause") : tr("Play"));
    m_play->setIcon(style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    m_play->setToolTip(playing ? tr("Stop virtual time (Ctrl+Space)") : tr("Let virtual time run (Ctrl+Space)"));
    showProgress();
}

void SimulationPanel::showSpeed(std::optional<double> speed)
{
    const double value = speed.value_or(0.0);
    int index = m_speed->findData(value);
    if (index < 0) {
        m_speed->insertItem(m_speed->count() - 1, tr("%1×").arg(value), value);
        index = m_speed->findData(value);
    }
    m_speed->setCurrentIndex(index);
}

void SimulationPanel::addFault(const InjectedFault &fault)
{
    auto *item = new QListWidgetItem(elapsedText(fault.elapsedMs) + u"  "_qs + fault.description, m_timeline);
    item->setToolTip(
        tr("Virtual time %1 UTC").arg(QDateTime::fromMSecsSinceEpoch(fault.at, Qt::UTC).toString(u"HH:mm:ss"_qs)));
    m_timeline->scrollToBottom();
    m_faultStatus->setStyleSheet(QString());
    m_faultStatus->setText(tr("At %1: %2").arg(elapsedText(fault.elapsedMs), fault.description));
    for (ChartMarkers *markers : std::as_const(m_markers))
        markers->add({fault.at, fault.description});
}

void SimulationPanel::showRefusal(const QString &fault, const QString &reason)
{
    m_faultStatus->setStyleSheet(u"color: #c62828;"_qs);
    m_faultStatus->setText(tr("Refused — %1: %2").arg(fault, reason));
}

void SimulationPanel::showSummary(const SimulationSummary &summary)
{
    int passed = 0;
    m_expectations->clear();
    for (const ExpectationResult &result : summary.expectations) {
        passed += result.passed ? 1 : 0;
        auto *item = new QListWidgetItem(
            (result.passed ? u"✔ "_qs : u"✘ "_qs) % result.description % u" — "_qs % result.actual, m_expectations);
        item->setForeground(result.passed ? passColour : failColour);
        item->setToolTip(result.name);
        item->setData(Qt::UserRole, result.passed);
    }
    const int total = static_cast<int>(summary.expectations.size());
    m_verdict->setText(total == 0
                           ? tr("The run finished; the scenario states no expectations.")
                           : tr("%1 of %2 expectations passed — %3 jobs enqueued, %4 succeeded, %5 dead, %6 lost")
                                 .arg(passed)
                                 .arg(total)
                                 .arg(summary.enqueued)
                                 .arg(summary.succeeded)
                                 .arg(summary.dead)
                                 .arg(summary.lost));
    m_verdict->setStyleSheet(passed == total ? u"color: #2e7d32;"_qs : u"color: #c62828;"_qs);
    m_resultBox->show();
    showProgress();
}

void SimulationPanel::updateFaultButtons()
{
    const Scenario &scenario = m_controller->scenario();
    const bool finished =
        m_controller->summary().has_value() || m_controller->progress().phase == SimulationProgress::Phase::Finished;
    const bool live = m_controller->isStarted() && !finished;
    const QString notLive = finished ? tr("The run has finished: reset it first") : tr("The run has not started");
    const WorkerSpec *worker = scenario.worker(m_worker->currentData().toString());
    const QString workerWhy = live ? tr("Choose a worker") : notLive;
    setFaultButton(m_crash, live && worker, workerWhy);
    setFaultButton(m_stopHeartbeats, live && worker, workerWhy);
    setFaultButton(m_cpuSpike, live && worker, workerWhy);
    setFaultButton(m_memory, live && worker && worker->memoryLimit,
                   !live    ? notLive
                   : worker ? tr("%1 declares no memory limit").arg(worker->name)
                            : workerWhy);
    setFaultButton(m_outage, live && m_capability->count() > 0,
                   live ? tr("No worker of this scenario has a capability") : notLive);
    setFaultButton(m_burst, live && m_stream->count() > 0, live ? tr("This scenario has no job stream") : notLive);
    setFaultButton(m_stuckLock, live && m_lockKey->count() > 0,
                   live ? tr("No stream of this scenario takes locks") : notLive);
    m_lockKey->setEnabled(m_lockKey->count() > 0);
}

void SimulationPanel::inject(FaultSpec fault)
{
    m_faultStatus->setStyleSheet(QString());
    m_faultStatus->setText(tr("Injecting: %1…").arg(fault.describe()));
    m_controller->injectFault(fault);
}

qint64 SimulationPanel::lastingMs() const
{
    return m_lasting->currentData().toLongLong();
}

QString SimulationPanel::targetWorker() const
{
    return m_worker->currentData().toString();
}

void SimulationPanel::setTargetWorker(const QString &name)
{
    const int index = m_worker->findData(name);
    if (index >= 0)
        m_worker->setCurrentIndex(index);
}

void SimulationPanel::attachWorkerView(QTableView *view)
{
    connect(view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
        const QString host = current.siblingAtColumn(models::WorkerTableModel::Host).data().toString();
        if (host.startsWith(hostPrefix))
            setTargetWorker(host.mid(hostPrefix.size()));
    });
}

void SimulationPanel::attachCharts(ChartsPanel *charts)
{
    for (TimeChart *chart :
         {charts->loadChart(), charts->throughputChart(), charts->queueChart(), charts->workersChart()})
        mark(chart);
}

void SimulationPanel::attachWorkerCharts(WorkerChartsPanel *charts)
{
    for (TimeChart *chart : {charts->cpuChart(), charts->memoryChart(), charts->loadChart()})
        mark(chart);
}

void SimulationPanel::mark(TimeChart *chart)
{
    auto *markers = new ChartMarkers(chart);
    for (const InjectedFault &fault : m_controller->faults())
        markers->add({fault.at, fault.description});
    m_markers.append(markers);
}

} // namespace overseer::ui
