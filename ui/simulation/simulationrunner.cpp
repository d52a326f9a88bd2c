#include "simulationrunner.h"

#include "domain/invalidvalue.h"
#include "logging/log.h"
#include "storage/storageerror.h"

#include <QThread>
#include <QTimer>

#include <cmath>

namespace overseer::ui {

using namespace simulation;

namespace {

/// A stall longer than this (a slow disk, a debugger) is not made up for in one jump.
constexpr qint64 longestTickMs = 1000;

} // namespace

SimulationRunner::SimulationRunner(Scenario scenario, SimulationOptions options, VirtualClock *mirror)
    : m_engine(new SimulationEngine(std::move(scenario), std::move(options), this))
    , m_mirror(mirror)
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    m_timer->setTimerType(Qt::PreciseTimer);
    connect(m_timer, &QTimer::timeout, this, &SimulationRunner::tick);
    connect(m_engine, &SimulationEngine::faultInjected, this, [this](qint64 atMs, const QString &description) {
        Q_EMIT faultInjected(startOfRun() + atMs, atMs, description);
    });
    connect(m_engine, &SimulationEngine::finished, this, [this](const SimulationSummary &summary) {
        if (m_finishedReported)
            return;
        m_finishedReported = true;
        Q_EMIT finished(summary);
    });
}

SimulationRunner::~SimulationRunner() = default;

qint64 SimulationRunner::startOfRun() const
{
    return m_engine->clock().now() - m_engine->elapsedMs();
}

void SimulationRunner::start()
{
    Q_ASSERT(QThread::currentThread() == thread());
    try {
        const domain::Outcome<> outcome = m_engine->start();
        if (!outcome) {
            Q_EMIT startFailed(outcome.reason());
            return;
        }
    } catch (const storage::StorageError &error) {
        Q_EMIT startFailed(error.message());
        return;
    } catch (const domain::InvalidValue &error) {
        Q_EMIT startFailed(QString::fromUtf8(error.what()));
        return;
    }
    m_mirror->set(m_engine->clock().now());
    Q_EMIT started(m_engine->databaseUrl(), startOfRun());
    publish(0);
}

void SimulationRunner::play()
{
    Q_ASSERT(QThread::currentThread() == thread());
    if (m_playing || !m_engine->isStarted() || m_engine->isFinished())
        return;
    setPlaying(true);
    m_sinceTick.start();
    m_carryMs = 0;
    arm(m_speed ? tickMs : 0);
}

void SimulationRunner::pause()
{
    Q_ASSERT(QThread::currentThread() == thread());
    if (!m_playing)
        return;
    m_timer->stop();
    setPlaying(false);
    publish(0);
}

void SimulationRunner::setSpeed(std::optional<double> speed)
{
    Q_ASSERT(QThread::currentThread() == thread());
    m_speed = speed;
    m_carryMs = 0;
    if (m_playing) {
        m_sinceTick.restart();
        arm(m_speed ? tickMs : 0);
    }
}

void SimulationRunner::reset()
{
    Q_ASSERT(QThread::currentThread() == thread());
    m_timer->stop();
    setPlaying(false);
    m_finishedReported = false;
    try {
        m_engine->reset();
        if (!m_engine->isStarted()) {
            // reset() starts the new run itself; a refusal only start() can put in words.
            start();
            return;
        }
    } catch (const storage::StorageError &error) {
        Q_EMIT startFailed(error.message());
        return;
    }
    m_mirror->set(m_engine->clock().now());
    Q_EMIT started(m_engine->databaseUrl(), startOfRun());
    publish(0);
}

void SimulationRunner::injectFault(const FaultSpec &fault)
{
    Q_ASSERT(QThread::currentThread() == thread());
    try {
        const domain::Outcome<> outcome = m_engine->injectFault(fault);
        if (!outcome)
            Q_EMIT faultRefused(fault.describe(), outcome.reason());
    } catch (const storage::StorageError &error) {
        Q_EMIT faultRefused(fault.describe(), error.message());
    }
    m_mirror->set(m_engine->clock().now());
    publish(0);
}

void SimulationRunner::shutdown()
{
    Q_ASSERT(QThread::currentThread() == thread());
    m_timer->stop();
    m_playing = false;
    m_engine->shutdown();
}

void SimulationRunner::tick()
{
    Q_ASSERT(QThread::currentThread() == thread());
    if (!m_playing)
        return;
    const qint64 wallMs = std::min(m_sinceTick.restart(), longestTickMs);
    const qint64 before = m_engine->clock().now();
    QElapsedTimer work;
    work.start();
    try {
        if (m_speed) {
            m_carryMs += *m_speed * static_cast<double>(wallMs);
            const auto step = static_cast<qint64>(std::floor(m_carryMs));
            m_carryMs -= static_cast<double>(step);
            m_engine->advanceBy(step);
            m_mirror->set(m_engine->clock().now());
        } else {
            do {
                m_engine->advanceBy(maxStepMs);
                m_mirror->set(m_engine->clock().now());
            } while (!m_engine->isFinished() && work.elapsed() < maxBudgetMs);
        }
    } catch (const storage::StorageError &error) {
        logging::get("simulation")->warn("the simulation stopped: {}", error.message());
        setPlaying(false);
        Q_EMIT failed(error.message());
        publish(0);
        return;
    }
    const qint64 advanced = m_engine->clock().now() - before;
    publish(wallMs > 0 ? static_cast<double>(advanced) / static_cast<double>(wallMs) : 0.0);
    if (m_engine->isFinished()) {
        setPlaying(false);
        return;
    }
    // Paced: the next tick a tick after this one began. Max: a short breath for queued requests.
    arm(m_speed ? std::max<int>(10, tickMs - static_cast<int>(work.elapsed())) : tickMs - maxBudgetMs);
}

void SimulationRunner::arm(int milliseconds)
{
    m_timer->start(milliseconds);
}

void SimulationRunner::publish(double pace)
{
    Q_EMIT progressed(m_engine->progress(), m_engine->clock().now(), m_playing ? pace : 0.0);
}

void SimulationRunner::setPlaying(bool playing)
{
    if (m_playing == playing)
        return;
    m_playing = playing;
    Q_EMIT playingChanged(playing);
}

} // namespace overseer::ui
