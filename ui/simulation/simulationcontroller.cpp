#include "simulationcontroller.h"

#include "simulationrunner.h"

#include <QThread>

namespace overseer::ui {

using namespace simulation;

SimulationController::SimulationController(QObject *parent)
    : QObject(parent)
    , m_thread(new QThread(this))
    , m_threadContext(new QObject)
    , m_clock(SimulationOptions{}.epochMs)
{
    qRegisterMetaType<SimulationProgress>();
    qRegisterMetaType<SimulationSummary>();
    qRegisterMetaType<InjectedFault>();
    qRegisterMetaType<FaultSpec>();
    qRegisterMetaType<storage::DatabaseUrl>();
    qRegisterMetaType<std::optional<double>>();
    m_thread->setObjectName(u"simulation"_qs);
    m_threadContext->moveToThread(m_thread);
    m_thread->start();
}

SimulationController::~SimulationController()
{
    endRun();
    // Queued behind every request and shutdown still on their way: the thread ends after them.
    QMetaObject::invokeMethod(m_threadContext, [] { QThread::currentThread()->quit(); });
    m_thread->wait();
    delete m_threadContext;
}

template<typename Call>
void SimulationController::send(Call call)
{
    if (m_runner)
        QMetaObject::invokeMethod(m_runner, [runner = m_runner, call] { call(*runner); });
}

void SimulationController::load(Scenario scenario, SimulationOptions options, bool autoplay)
{
    endRun();
    m_scenario = scenario;
    m_options = options;
    m_playWhenStarted = autoplay;
    const quint64 generation = ++m_generation;
    m_runner = new SimulationRunner(std::move(scenario), std::move(options), &m_clock);
    m_runner->moveToThread(m_thread);

    // Each answer is dropped when it comes from a runner that has been replaced since.
    const auto current = [this, generation] { return generation == m_generation; };
    connect(m_runner, &SimulationRunner::started, this,
            [this, current](const storage::DatabaseUrl &url, qint64 startMs) {
                if (!current())
                    return;
                m_url = url;
                m_startedAt = startMs;
                m_now = startMs;
                m_faults.clear();
                m_summary.reset();
                m_progress = {};
                Q_EMIT started(url);
                if (m_playWhenStarted) {
                    m_playWhenStarted = false;
                    play();
                }
            });
    connect(m_runner, &SimulationRunner::startFailed, this, [this, current](const QString &reason) {
        if (current())
            Q_EMIT startFailed(reason);
    });
    connect(m_runner, &SimulationRunner::progressed, this,
            [this, current](const SimulationProgress &progress, qint64 virtualNow, double pace) {
                if (!current())
                    return;
                m_progress = progress;
                m_now = virtualNow;
                m_pace = pace;
                Q_EMIT progressed();
            });
    connect(m_runner, &SimulationRunner::playingChanged, this, [this, current](bool playing) {
        if (!current() || m_playing == playing)
            return;
        m_playing = playing;
        Q_EMIT playingChanged(playing);
    });
    connect(m_runner, &SimulationRunner::faultInjected, this,
            [this, current](qint64 at, qint64 elapsedMs, const QString &description) {
                if (!current())
                    return;
                m_faults.append({at, elapsedMs, description});
                Q_EMIT faultInjected(m_faults.constLast());
            });
    connect(m_runner, &SimulationRunner::faultRefused, this,
            [this, current](const QString &fault, const QString &reason) {
                if (current())
                    Q_EMIT faultRefused(fault, reason);
            });
    connect(m_runner, &SimulationRunner::finished, this, [this, current](const SimulationSummary &summary) {
        if (!current())
            return;
        m_summary = summary;
        Q_EMIT finished(summary);
    });
    connect(m_runner, &SimulationRunner::failed, this, [this, current](const QString &reason) {
        if (current())
            Q_EMIT failed(reason);
    });

    const std::optional<double> speed = m_speed;
    send([speed](SimulationRunner &runner) {
        runner.setSpeed(speed);
        runner.start();
    });
}

void SimulationController::stop()
{
    endRun();
}

void SimulationController::endRun()
{
    if (!m_runner)
        return;
    ++m_generation;
    // Shut down and deleted on its own thread, where its connection was opened; queued after any
    // request still on its way, and before anything a next runner is asked.
    QMetaObject::invokeMethod(m_runner, [runner = m_runner] {
        runner->shutdown();
        delete runner;
    });
    m_runner = nullptr;
    m_url.reset();
    m_summary.reset();
    m_faults.clear();
    m_progress = {};
    m_pace = 0;
    if (m_playing) {
        m_playing = false;
        Q_EMIT playingChanged(false);
    }
}

void SimulationController::play()
{
    send([](SimulationRunner &runner) { runner.play(); });
}

void SimulationController::pause()
{
    send([](SimulationRunner &runner) { runner.pause(); });
}

void SimulationController::setSpeed(std::optional<double> speed)
{
    if (speed && !(*speed > 0))
        return;
    if (m_speed != speed) {
        m_speed = speed;
        Q_EMIT speedChanged(speed);
    }
    send([speed](SimulationRunner &runner) { runner.setSpeed(speed); });
}

void SimulationController::reset()
{
    m_playWhenStarted = false;
    send([](SimulationRunner &runner) { runner.reset(); });
}

void SimulationController::injectFault(const FaultSpec &fault)
{
    send([fault](SimulationRunner &runner) { runner.injectFault(fault); });
}

} // namespace overseer::ui
