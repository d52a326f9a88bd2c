#include "simulationengine.h"

#include "random.h"
#include "virtualclock.h"

#include "distribution/dispatcher.h"
#include "distribution/reaper.h"
#include "distribution/samplerecorder.h"
#include "domain/invalidvalue.h"
#include "domain/text.h"
#include "logging/log.h"
#include "storage/auditlog.h"
#include "storage/database.h"
#include "storage/distributedlock.h"
#include "storage/jobstore.h"
#include "storage/migrations.h"
#include "storage/samplestore.h"
#include "storage/storageerror.h"
#include "storage/workerregistry.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QStringBuilder>
#include <QTemporaryDir>
#include <QThread>
#include <QUuid>

#include <algorithm>
#include <cmath>
#include <queue>
#include <vector>

namespace overseer::simulation {

using namespace domain;
using namespace storage;

namespace {

// A job that finds its lock held tries again after 250 ms, doubling up to 4 s (as a client would).
constexpr qint64 lockRetryMs = 250;
constexpr qint64 maxLockRetryMs = 4000;
constexpr qint64 stuckLockRetryMs = 100;
constexpr qint64 maxJobDurationMs = 24LL * 3600 * 1000;
// A drain ends once nothing has been assigned or running for this long (failed jobs wait out
// their retry backoff meanwhile), or at the scenario's drain limit.
constexpr qint64 quietToEndMs = 30'000;
// A worker asks for jobs every poll interval; when no dispatch round assigned anything since its
// last empty claim it skips the query, but never more than this many polls in a row.
constexpr int maxSkippedPolls = 4;
const QString simulationActor = u"simulation"_qs;
const QString hostnamePrefix = u"sim/"_qs;

enum class EventType {
    Arrival,
    Heartbeat,
    Poll,
    JobDone,
    LockRetry,
    DispatchTick,
    ReaperTick,
    Fault,
    FaultEnd,
    StuckLockRetry,
    StreamsEnd
};

struct Event
{
    qint64 at = 0;
    quint64 sequence = 0;
    EventType type = EventType::DispatchTick;
    int index = 0;
    int incarnation = 0;
    qint64 job = 0;

    bool operator>(const Event &other) const { return at != other.at ? at > other.at : sequence > other.sequence; }
};

struct RunningJob
{
    qint64 id = 0;
    int stream = -1;
    /// The id the job was claimed under (a worker declared dead registers again with a new one).
    WorkerId claimedBy = WorkerId::generate();
    std::optional<LockKey> key;
    QString lockOwner;
    bool holdsLock = false;
    int lockAttempts = 0;
    qint64 durationMs = 0;
};

struct SimWorker
{
    const WorkerSpec *spec = nullptr;
    WorkerId id = WorkerId::generate();
    /// Bumped by a crash (and a restart): events of an earlier incarnation are dropped.
    int incarnation = 1;
    int registrations = 0;
    bool alive = true;
    bool heartbeating = true;
    std::optional<double> cpuOverride;
    bool memoryOver = false;
    QHash<qint64, RunningJob> running;
    quint64 assignmentEpochSeen = 0;
    int skippedPolls = 0;
    Random noise;
};

struct StreamState
{
    const StreamSpec *spec = nullptr;
    Random arrivals;
    Random draws;
    double nextArrivalMs = 0;
    qint64 endMs = 0;
};

struct TrackedJob
{
    int stream = -1;
    EpochMs createdAt = 0;
    std::optional<EpochMs> firstStartAt;
};

struct StartRecord
{
    int worker;
    int stream;
    qint64 atMs;
};

struct Holder
{
    int worker;
    qint64 job;
    qint64 token;
};

struct FailureTracker
{
    FailureRecord record;
    WorkerId id = WorkerId::generate();
    QSet<qint64> unresolved;
    /// Every job it was seen holding between the fault and being declared dead.
    QSet<qint64> seen;
    qint64 latestResolutionMs = 0;
    bool open = true;
};

struct StuckTracker
{
    StuckLockRecord record;
    EpochMs expiresAt = 0;
    bool open = true;
};

qint64 percentile(const std::vector<qint64> &sorted, int p)
{
    const auto n = static_cast<double>(sorted.size());
    const auto rank = static_cast<std::size_t>(std::ceil(p / 100.0 * n));
    return sorted[std::max<std::size_t>(rank, 1) - 1];
}

QString msText(qint64 ms)
{
    if (ms < 1000)
        return QString::number(ms) % u" ms"_qs;
    return QString::number(static_cast<double>(ms) / 1000.0, 'f', 1) % u" s"_qs;
}

} // namespace

// One run: the database, the core services, the synthetic workers and the event queue.
class SimulationEngine::Run final
{
public:
    Run(SimulationEngine &engine, const Scenario &scenario, const SimulationOptions &options)
        : m_engine(engine)
        , m_scenario(scenario)
        , m_options(options)
        , m_clock(options.epochMs)
        , m_jitter(Random::derived(options.seed, u"retry-jitter"_qs))
        , m_workerIds(Random::derived(options.seed, u"worker-ids"_qs))
    {
        if (m_options.database) {
            m_url = *m_options.database;
        } else {
            m_tempDir = std::make_unique<QTemporaryDir>();
            if (!m_tempDir->isValid())
                throw StorageError(u"cannot create a temporary directory for the simulation's database: "_qs %
                                   m_tempDir->errorString());
            m_url = DatabaseUrl::sqliteFile(m_tempDir->filePath(u"simulation.db"_qs));
        }
    }

    ~Run() = default;

    Outcome<> start();
    void advanceTo(EpochMs target, bool paced, double speed);
    Outcome<> inject(FaultSpec fault);
    void abandon();

    bool started() const { return m_started; }
    bool finished() const { return m_phase == SimulationProgress::Phase::Finished; }
    SimulationProgress progress() const;
    SimulationSummary summary() const;
    DatabaseUrl url() const { return *m_url; }
    const VirtualClock &clock() const { return m_clock; }
    EpochMs startedAt() const { return m_start; }
    qint64 wallMs() const { return m_wall.isValid() ? m_wall.elapsed() : 0; }

private:
    void schedule(qint64 at, EventType type, int index = 0, int incarnation = 0, qint64 job = 0);
    void process(const Event &event);
    void registerWorker(int index, bool scheduleLoops);
    void arrival(int stream);
    void enqueue(int stream, int count);
    void heartbeat(int index);
    void poll(int index);
    void startJob(int index, const Job &job);
    void tryLock(int index, qint64 job);
    void jobDone(int index, qint64 job);
    void dispatchTick();
    void reaperTick();
    bool applyFault(int faultIndex);
    void endFault(int faultIndex);
    void crash(int index, const FaultSpec &fault);
    void stuckLock(int faultIndex);
    void openFailure(int index, const FaultSpec &fault, bool needsRecovery);
    void watchFailures();
    void checkDrain(int assigned);
    void finish();
    void endHolding(int index, RunningJob &job);
    qint64 drawDuration(StreamState &stream);
    int workerIndex(const QString &name) const;
    int runningUnder(const SimWorker &worker) const;
    bool canServe(const WorkerSpec &spec, const Job &job) const;
    QList<ExpectationResult> evaluate(const SimulationSummary &summary) const;
    qint64 elapsed() const { return m_clock.now() - m_start; }

    SimulationEngine &m_engine;
    const Scenario &m_scenario;
    SimulationOptions m_options;
    VirtualClock m_clock;
    EpochMs m_start = 0;
    Random m_jitter;
    Random m_workerIds;
    std::unique_ptr<QTemporaryDir> m_tempDir;
    std::optional<DatabaseUrl> m_url;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<JobStore> m_jobs;
    std::unique_ptr<WorkerRegistry> m_registry;
    std::unique_ptr<DistributedLock> m_lock;
    std::vector<std::unique_ptr<distribution::Dispatcher>> m_dispatchers;
    std::unique_ptr<distribution::Reaper> m_reaper;
    std::unique_ptr<distribution::SampleRecorder> m_recorder;

    bool m_started = false;
    SimulationProgress::Phase m_phase = SimulationProgress::Phase::Ready;
    std::priority_queue<Event, std::vector<Event>, std::greater<>> m_events;
    quint64 m_sequence = 0;
    std::vector<SimWorker> m_workers;
    std::vector<StreamState> m_streams;
    QList<FaultSpec> m_faults;
    QHash<qint64, TrackedJob> m_tracked;
    std::vector<qint64> m_jobOrder;
    std::vector<StartRecord> m_starts;
    QHash<QString, Holder> m_holders;
    QHash<QString, qint64> m_lastToken;
    std::vector<FailureTracker> m_failures;
    std::vector<StuckTracker> m_stuck;
    quint64 m_assignmentEpoch = 0;
    qint64 m_quietSinceMs = -1;
    qint64 m_drainDeadline = 0;
    QElapsedTimer m_wall;
    qint64 m_finalWallMs = 0;

    // Figures kept as the run goes; the end of the run reads the final states from the database.
    qint64 m_succeeded = 0;
    qint64 m_failed = 0;
    qint64 m_dead = 0;
    qint64 m_staleCompletions = 0;
    qint64 m_capabilityViolations = 0;
    qint64 m_capacityViolations = 0;
    qint64 m_lockViolations = 0;
    qint64 m_lockAcquisitions = 0;
    qint64 m_lockContention = 0;
    std::optional<SimulationSummary> m_final;
};

// ---- setting up -------------------------------------------------------------------------------

Outcome<> SimulationEngine::Run::start()
{
    if (m_started)
        return Outcome<>::success();
    m_db = std::make_unique<Database>(*m_url);
    if (m_db->isSQLite() && Migrations::isEmpty(*m_db))
        Migrations::migrate(*m_db);
    Migrations::requireCurrent(*m_db);
    const QList<WorkerRecord> existing = WorkerRegistry(*m_db, m_clock, m_scenario.policy).list();
    QStringList foreign;
    for (const WorkerRecord &record : existing) {
        if (!record.worker.hostname().startsWith(hostnamePrefix))
            foreign.append(text::quoted(record.worker.hostname()));
    }
    if (!foreign.isEmpty() && !m_options.force) {
        const QString some = foreign.mid(0, 3).join(u", "_qs) % (foreign.size() > 3 ? u", …"_qs : QString());
        return Outcome<>::refused(
            RefusalKind::WrongState,
            u"the database "_qs % m_url->toDisplayString() % u" holds "_qs % QString::number(foreign.size()) %
                u" worker(s) this simulation did not create ("_qs % some %
                u"): it looks like a real cluster. The simulation registers workers, dispatches, reaps and takes "
                u"locks on virtual time; run it against this database only with --force."_qs);
    }

    // On a database that holds earlier rows, virtual time starts after all of them, so that nothing
    // written before looks younger than what this run writes.
    EpochMs latest = 0;
    for (const WorkerRecord &record : existing)
        latest = std::max(latest, record.worker.lastHeartbeat());
    for (const LockLease &lease : DistributedLock(*m_db, m_clock).list())
        latest = std::max(latest, lease.expiresAt);
    JobFilter newest;
    newest.newestFirst = true;
    newest.limit = 1;
    for (const Job &job : JobStore(*m_db, m_clock).list(newest))
        latest = std::max({latest, job.createdAt, job.availableAt, job.finishedAt.value_or(0)});
    if (const auto sampled = SampleStore(*m_db, m_clock).latestClusterAt())
        latest = std::max(latest, *sampled);
    constexpr qint64 hourMs = 3600'000;
    if (latest >= m_options.epochMs)
        m_clock.set((latest / hourMs + 2) * hourMs);
    m_start = m_clock.now();

    // Leftovers of an earlier run (a run that was interrupted): its workers stop, its jobs go back.
    for (const WorkerRecord &record : existing) {
        if (record.worker.state() == WorkerState::Inactive)
            continue;
        if (record.worker.hostname().startsWith(hostnamePrefix)) {
            Transaction transaction(*m_db);
            JobStore(*m_db, m_clock).releaseWorkerJobs(record.worker.id(), true);
            WorkerRegistry(*m_db, m_clock).markInactive(record.worker.id());
            transaction.commit();
        }
    }

    m_jobs = std::make_unique<JobStore>(*m_db, m_clock);
    m_jobs->setRandomSource([this] { return m_jitter.uniform01(); });
    m_registry = std::make_unique<WorkerRegistry>(*m_db, m_clock, m_scenario.policy);
    m_lock = std::make_unique<DistributedLock>(*m_db, m_clock);
    for (int i = 0; i < m_scenario.dispatchers; ++i) {
        distribution::DispatcherOptions options;
        options.owner = u"sim/dispatcher-"_qs % QString::number(i + 1);
        options.batchSize = m_scenario.batchSize;
        m_dispatchers.push_back(std::make_unique<distribution::Dispatcher>(*m_db, m_clock, m_scenario.policy, options));
    }
    distribution::ReaperOptions reaperOptions;
    reaperOptions.actor = u"sim/reaper"_qs;
    reaperOptions.random01 = [this] { return m_jitter.uniform01(); };
    m_reaper = std::make_unique<distribution::Reaper>(*m_db, m_clock, m_scenario.policy, reaperOptions);
    m_recorder = std::make_unique<distribution::SampleRecorder>(*m_db, m_clock, m_scenario.policy);

    AuditLog(*m_db, m_clock)
        .append(AuditContext{simulationActor, {}}, u"simulation.start"_qs, u"simulation:"_qs % m_scenario.name,
                QJsonObject{{u"seed"_qs, QString::number(m_options.seed)},
                            {u"origin"_qs, m_scenario.origin},
                            {u"duration_ms"_qs, static_cast<double>(m_scenario.durationMs)}});

    m_workers.reserve(static_cast<std::size_t>(m_scenario.workers.size()));
    for (qsizetype i = 0; i < m_scenario.workers.size(); ++i) {
        SimWorker worker;
        worker.spec = &m_scenario.workers.at(i);
        worker.noise = Random::derived(m_options.seed, u"worker:"_qs % worker.spec->name);
        m_workers.push_back(std::move(worker));
    }
    for (std::size_t i = 0; i < m_workers.size(); ++i)
        registerWorker(static_cast<int>(i), true);

    const qint64 duration = m_scenario.durationMs;
    for (qsizetype i = 0; i < m_scenario.streams.size(); ++i) {
        StreamState stream;
        stream.spec = &m_scenario.streams.at(i);
        stream.arrivals = Random::derived(m_options.seed, u"arrivals:"_qs % stream.spec->name);
        stream.draws = Random::derived(m_options.seed, u"jobs:"_qs % stream.spec->name);
        stream.endMs = std::min(duration, stream.spec->endMs.value_or(duration));
        stream.nextArrivalMs = static_cast<double>(stream.spec->startMs);
        if (stream.spec->arrival == StreamSpec::Arrival::Poisson)
            stream.nextArrivalMs += stream.arrivals.exponential(1000.0 / stream.spec->rate);
        m_streams.push_back(std::move(stream));
        if (m_streams.back().nextArrivalMs < static_cast<double>(m_streams.back().endMs))
            schedule(m_start + std::llround(m_streams.back().nextArrivalMs), EventType::Arrival, static_cast<int>(i));
    }
    for (const FaultSpec &fault : m_scenario.faults) {
        if (fault.atMs >= duration)
            continue;
        m_faults.append(fault);
        schedule(m_start + fault.atMs, EventType::Fault, static_cast<int>(m_faults.size() - 1));
    }
    schedule(m_start + m_scenario.dispatchIntervalMs / 2, EventType::DispatchTick);
    schedule(m_start + m_scenario.reaperIntervalMs, EventType::ReaperTick);
    schedule(m_start + duration, EventType::StreamsEnd);
    m_started = true;
    m_phase = SimulationProgress::Phase::Running;
    m_wall.start();
    return Outcome<>::success();
}

void SimulationEngine::Run::registerWorker(int index, bool scheduleLoops)
{
    SimWorker &worker = m_workers[static_cast<std::size_t>(index)];
    const WorkerSpec &spec = *worker.spec;
    // Ids come from the seeded generator so that ranking ties (broken by id) repeat; one already in
    // the database (an earlier run) is skipped.
    for (;;) {
        const quint64 high = m_workerIds.next();
        const quint64 low = m_workerIds.next();
        QByteArray bytes(16, '\0');
        for (int b = 0; b < 8; ++b) {
            bytes[b] = static_cast<char>((high >> (56 - 8 * b)) & 0xff);
            bytes[8 + b] = static_cast<char>((low >> (56 - 8 * b)) & 0xff);
        }
        bytes[6] = static_cast<char>((bytes[6] & 0x0f) | 0x40);
        bytes[8] = static_cast<char>((bytes[8] & 0x3f) | 0x80);
        worker.id = WorkerId::fromString(QUuid::fromRfc4122(bytes).toString(QUuid::WithoutBraces));
        if (!m_registry->get(worker.id))
            break;
    }
    ++worker.registrations;
    Worker::Data data = Worker::registerWorker(spec.hostname(), 40000 + 100 * index + worker.registrations, spec.queues,
                                               spec.maxJobs, spec.capabilities, m_clock.now(), spec.memoryLimit)
                            .data();
    data.id = worker.id;
    m_registry->registerWorker(Worker(data));
    worker.assignmentEpochSeen = 0;
    worker.skippedPolls = 0;
    if (!scheduleLoops)
        return;
    const qint64 heartbeatMs = m_scenario.policy.heartbeatInterval.milliseconds();
    const qint64 stagger = (97LL * index) % std::max<qint64>(1, heartbeatMs);
    schedule(m_clock.now() + heartbeatMs - stagger / 2, EventType::Heartbeat, index, worker.incarnation);
    schedule(m_clock.now() + 1 + (53LL * index) % std::max<qint64>(1, m_scenario.pollIntervalMs), EventType::Poll,
             index, worker.incarnation);
}

void SimulationEngine::Run::schedule(qint64 at, EventType type, int index, int incarnation, qint64 job)
{
    m_events.push(Event{at, m_sequence++, type, index, incarnation, job});
}

// ---- the event loop ---------------------------------------------------------------------------

void SimulationEngine::Run::advanceTo(EpochMs target, bool paced, double speed)
{
    Q_ASSERT(m_started);
    QElapsedTimer pace;
    pace.start();
    const EpochMs pacedFrom = m_clock.now();
    qint64 lastSecond = elapsed() / 1000;
    while (!finished() && !m_events.empty() && m_events.top().at <= target) {
        const Event event = m_events.top();
        if (paced) {
            const qint64 dueWallMs = std::llround(static_cast<double>(event.at - pacedFrom) / speed);
            const qint64 wait = dueWallMs - pace.elapsed();
            if (wait > 0) {
                QThread::msleep(static_cast<unsigned long>(std::min<qint64>(wait, 50)));
                continue;
            }
        }
        m_events.pop();
        if (event.at > m_clock.now())
            m_clock.set(event.at);
        process(event);
        if (const qint64 second = elapsed() / 1000; second != lastSecond) {
            lastSecond = second;
            Q_EMIT m_engine.progressed(progress());
        }
    }
    if (!finished() && target > m_clock.now())
        m_clock.set(target);
}

void SimulationEngine::Run::process(const Event &event)
{
    const auto live = [&](int index) {
        const SimWorker &worker = m_workers[static_cast<std::size_t>(index)];
        return worker.alive && worker.incarnation == event.incarnation;
    };
    switch (event.type) {
    case EventType::Arrival:
        arrival(event.index);
        break;
    case EventType::Heartbeat:
        if (live(event.index))
            heartbeat(event.index);
        break;
    case EventType::Poll:
        if (live(event.index))
            poll(event.index);
        break;
    case EventType::JobDone:
        if (live(event.index))
            jobDone(event.index, event.job);
        break;
    case EventType::LockRetry:
        if (live(event.index))
            tryLock(event.index, event.job);
        break;
    case EventType::DispatchTick:
        dispatchTick();
        break;
    case EventType::ReaperTick:
        reaperTick();
        break;
    case EventType::Fault:
        static_cast<void>(applyFault(event.index));
        break;
    case EventType::FaultEnd:
        endFault(event.index);
        break;
    case EventType::StuckLockRetry:
        stuckLock(event.index);
        break;
    case EventType::StreamsEnd:
        m_phase = SimulationProgress::Phase::Draining;
        m_drainDeadline = m_clock.now() + m_scenario.drainMs;
        m_quietSinceMs = -1;
        break;
    }
}

// ---- streams ----------------------------------------------------------------------------------

void SimulationEngine::Run::arrival(int index)
{
    StreamState &stream = m_streams[static_cast<std::size_t>(index)];
    const qint64 now = elapsed();
    int count = 0;
    // Every arrival that falls on this millisecond goes in with one statement.
    while (stream.nextArrivalMs < static_cast<double>(stream.endMs) && std::llround(stream.nextArrivalMs) <= now) {
        ++count;
        stream.nextArrivalMs += stream.spec->arrival == StreamSpec::Arrival::Poisson
                                    ? stream.arrivals.exponential(1000.0 / stream.spec->rate)
                                    : 1000.0 / stream.spec->rate;
    }
    if (count > 0)
        enqueue(index, count);
    if (stream.nextArrivalMs < static_cast<double>(stream.endMs))
        schedule(m_start + std::llround(stream.nextArrivalMs), EventType::Arrival, index);
}

void SimulationEngine::Run::enqueue(int index, int count)
{
    const StreamSpec &spec = *m_streams[static_cast<std::size_t>(index)].spec;
    const JobRequest request{
        .queue = spec.queue,
        .type = spec.type,
        .payload =
            QString::fromUtf8(QJsonDocument(QJsonObject{{u"simulation"_qs, m_scenario.name}, {u"stream"_qs, spec.name}})
                                  .toJson(QJsonDocument::Compact)),
        .requiredCapabilities = spec.requiredCapabilities,
        .priority = spec.priority,
        .maxAttempts = spec.maxAttempts,
        .availableAt = std::nullopt,
    };
    const QList<JobId> ids = m_jobs->enqueueMany(QList<JobRequest>(count, request));
    const EpochMs now = m_clock.now();
    for (const JobId &id : ids) {
        m_tracked.insert(id.value(), TrackedJob{index, now, std::nullopt});
        m_jobOrder.push_back(id.value());
    }
}

qint64 SimulationEngine::Run::drawDuration(StreamState &stream)
{
    const DurationModel &model = stream.spec->duration;
    double ms = static_cast<double>(model.meanMs);
    switch (model.distribution) {
    case DurationModel::Distribution::Fixed:
        break;
    case DurationModel::Distribution::Uniform:
        ms = stream.draws.uniform(static_cast<double>(model.minMs), static_cast<double>(model.maxMs));
        break;
    case DurationModel::Distribution::Exponential:
        ms = stream.draws.exponential(static_cast<double>(model.meanMs));
        break;
    case DurationModel::Distribution::Normal:
        ms = stream.draws.normal(static_cast<double>(model.meanMs), static_cast<double>(model.stddevMs));
        break;
    case DurationModel::Distribution::LogNormal: {
        const double mean = static_cast<double>(model.meanMs);
        const double sd = static_cast<double>(model.stddevMs);
        const double sigma2 = std::log(1.0 + (sd * sd) / (mean * mean));
        ms = std::exp(stream.draws.normal(std::log(mean) - sigma2 / 2.0, std::sqrt(sigma2)));
        break;
    }
    }
    return std::clamp<qint64>(std::llround(ms), 1, maxJobDurationMs);
}

// ---- synthetic workers ------------------------------------------------------------------------

void SimulationEngine::Run::heartbeat(int index)
{
    SimWorker &worker = m_workers[static_cast<std::size_t>(index)];
    const WorkerSpec &spec = *worker.spec;
    schedule(m_clock.now() + m_scenario.policy.heartbeatInterval.milliseconds(), EventType::Heartbeat, index,
             worker.incarnation);
    // The noise is drawn whether or not the heartbeat is sent, so a fault does not shift later draws.
    const double busy = static_cast<double>(worker.running.size()) / spec.maxJobs;
    const double cpuNoise = worker.noise.normal(0.0, spec.cpu.noise);
    const double memoryNoise = worker.noise.normal(0.0, spec.memory.noise);
    if (!worker.heartbeating)
        return;
    const double cpu = worker.cpuOverride
                           ? *worker.cpuOverride
                           : std::clamp(spec.cpu.idle + (spec.cpu.busy - spec.cpu.idle) * busy + cpuNoise, 0.0, 100.0);
    qint64 memory = std::llround(
        static_cast<double>(spec.memory.base.count() + spec.memory.perJob.count() * worker.running.size()) *
        std::max(0.0, 1.0 + memoryNoise));
    if (worker.memoryOver && spec.memoryLimit)
        memory = spec.memoryLimit->count() + spec.memoryLimit->count() / 4 + 1;
    const auto answer = m_registry->heartbeat(worker.id, Percentage(cpu), Bytes::fromBytes(std::max<qint64>(0, memory)),
                                              static_cast<int>(worker.running.size()));
    if (!answer) {
        // Declared dead while it was silent: like a real agent, it registers again under a new id;
        // the jobs it still runs finish under the old one (the store refuses those completions).
        registerWorker(index, false);
    }
}

void SimulationEngine::Run::poll(int index)
{
    SimWorker &worker = m_workers[static_cast<std::size_t>(index)];
    schedule(m_clock.now() + m_scenario.pollIntervalMs, EventType::Poll, index, worker.incarnation);
    const int free = worker.spec->maxJobs - runningUnder(worker);
    if (free <= 0)
        return;
    if (worker.assignmentEpochSeen == m_assignmentEpoch && worker.skippedPolls < maxSkippedPolls) {
        ++worker.skippedPolls;
        return;
    }
    worker.skippedPolls = 0;
    worker.assignmentEpochSeen = m_assignmentEpoch;
    // Claims what the database assigned it, as many as it has free slots under its current id (the
    // agent's rule); startJob counts a worker past maxJobs rather than assuming the store prevents it.
    const QList<Job> started = m_jobs->startAssigned(worker.id, free);
    for (const Job &job : started)
        startJob(index, job);
}

bool SimulationEngine::Run::canServe(const WorkerSpec &spec, const Job &job) const
{
    for (const Capability &capability : job.requiredCapabilities) {
        if (!spec.hasCapability(capability))
            return false;
    }
    return true;
}

void SimulationEngine::Run::startJob(int index, const Job &job)
{
    SimWorker &worker = m_workers[static_cast<std::size_t>(index)];
    const EpochMs now = m_clock.now();
    if (!canServe(*worker.spec, job) || !worker.spec->queues.contains(job.queue))
        ++m_capabilityViolations;
    RunningJob running;
    running.id = job.id.value();
    running.claimedBy = worker.id;
    const auto tracked = m_tracked.find(job.id.value());
    if (tracked != m_tracked.end()) {
        running.stream = tracked->stream;
        if (!tracked->firstStartAt)
            tracked->firstStartAt = job.startedAt.value_or(now);
        m_starts.push_back(StartRecord{index, tracked->stream, now - m_start});
    }
    worker.running.insert(running.id, running);
    if (runningUnder(worker) > worker.spec->maxJobs)
        ++m_capacityViolations;
    RunningJob &stored = worker.running[running.id];
    if (running.stream >= 0) {
        StreamState &stream = m_streams[static_cast<std::size_t>(running.stream)];
        stored.durationMs = drawDuration(stream);
        if (stream.spec->lock) {
            const LockUse &use = *stream.spec->lock;
            stored.key = LockKey::forResource(
                use.resource,
                use.ids.at(static_cast<qsizetype>(stream.draws.below(static_cast<quint64>(use.ids.size())))));
            stored.lockOwner = worker.spec->hostname() % u"#job-"_qs % QString::number(running.id);
            tryLock(index, running.id);
            return;
        }
    } else {
        stored.durationMs = 1000; // a job this run did not enqueue (an earlier run's, on a named database)
    }
    schedule(now + stored.durationMs, EventType::JobDone, index, worker.incarnation, running.id);
}

void SimulationEngine::Run::tryLock(int index, qint64 jobId)
{
    SimWorker &worker = m_workers[static_cast<std::size_t>(index)];
    const auto it = worker.running.find(jobId);
    if (it == worker.running.end() || !it->key)
        return;
    RunningJob &job = *it;
    const StreamSpec &spec = *m_streams[static_cast<std::size_t>(job.stream)].spec;
    const LockResult result = m_lock->acquire(*job.key, job.lockOwner, Duration::fromMilliseconds(spec.lock->ttlMs));
    if (!result.acquired()) {
        ++m_lockContention;
        const qint64 delay = std::min(maxLockRetryMs, lockRetryMs << std::min(job.lockAttempts, 8));
        ++job.lockAttempts;
        schedule(m_clock.now() + delay, EventType::LockRetry, index, worker.incarnation, jobId);
        return;
    }
    const QString key = job.key->toString();
    ++m_lockAcquisitions;
    // Two holders at once, in the workers' own view, or a token that did not go up: violations.
    if (m_holders.contains(key))
        ++m_lockViolations;
    if (result.lease->token <= m_lastToken.value(key, 0))
        ++m_lockViolations;
    m_lastToken.insert(key, result.lease->token);
    m_holders.insert(key, Holder{index, jobId, result.lease->token});
    for (StuckTracker &stuck : m_stuck) {
        if (stuck.open && stuck.record.key == key) {
            stuck.open = false;
            stuck.record.takenOverAfterMs = m_clock.now() - m_start - stuck.record.atMs;
            stuck.record.newToken = result.lease->token;
        }
    }
    job.holdsLock = true;
    schedule(m_clock.now() + job.durationMs, EventType::JobDone, index, worker.incarnation, jobId);
}

void SimulationEngine::Run::endHolding(int index, RunningJob &job)
{
    if (!job.holdsLock || !job.key)
        return;
    const QString key = job.key->toString();
    const auto holder = m_holders.constFind(key);
    if (holder != m_holders.cend() && holder->worker == index && holder->job == job.id)
        m_holders.remove(key);
    job.holdsLock = false;
}

void SimulationEngine::Run::jobDone(int index, qint64 jobId)
{
    SimWorker &worker = m_workers[static_cast<std::size_t>(index)];
    const auto it = worker.running.find(jobId);
    if (it == worker.running.end())
        return;
    RunningJob job = *it;
    worker.running.erase(it);
    if (job.holdsLock) {
        endHolding(index, job);
        m_lock->release(*job.key, job.lockOwner);
    }
    bool fails = false;
    if (job.stream >= 0) {
        StreamState &stream = m_streams[static_cast<std::size_t>(job.stream)];
        fails = stream.draws.chance(stream.spec->failureRate);
    }
    const JobId id = JobId::fromValue(jobId);
    const Outcome<Job> outcome = fails ? m_jobs->fail(id, job.claimedBy, u"simulated failure"_qs)
                                       : m_jobs->succeed(id, job.claimedBy, u"{\"simulated\": true}"_qs);
    if (!outcome) {
        ++m_staleCompletions;
        return;
    }
    if (!m_tracked.contains(jobId))
        return;
    if (fails) {
        ++m_failed;
        if (outcome->state == JobState::Dead)
            ++m_dead;
    } else {
        ++m_succeeded;
    }
}

// ---- the core's loops -------------------------------------------------------------------------

void SimulationEngine::Run::dispatchTick()
{
    schedule(m_clock.now() + m_scenario.dispatchIntervalMs, EventType::DispatchTick);
    int assigned = 0;
    for (const auto &dispatcher : m_dispatchers) {
        if (!dispatcher->ensureLeadership())
            continue;
        for (;;) {
            const distribution::DispatchRound round = dispatcher->dispatchOnce();
            assigned += round.assigned;
            if (round.assigned < m_scenario.batchSize)
                break;
        }
    }
    if (assigned > 0)
        ++m_assignmentEpoch;
    m_recorder->recordDue();
    watchFailures();
    if (m_phase == SimulationProgress::Phase::Draining)
        checkDrain(assigned);
}

void SimulationEngine::Run::reaperTick()
{
    schedule(m_clock.now() + m_scenario.reaperIntervalMs, EventType::ReaperTick);
    const distribution::ReapRound round = m_reaper->reapOnce();
    for (const WorkerId &id : round.deadWorkers) {
        for (FailureTracker &failure : m_failures) {
            if (failure.id == id && !failure.record.markedDeadAfterMs)
                failure.record.markedDeadAfterMs = m_clock.now() - m_start - failure.record.atMs;
        }
    }
}

void SimulationEngine::Run::watchFailures()
{
    const EpochMs now = m_clock.now();
    for (FailureTracker &failure : m_failures) {
        if (!failure.open)
            continue;
        const qint64 since = now - m_start - failure.record.atMs;
        if (!failure.record.detectedAfterMs) {
            const std::optional<WorkerRecord> record = m_registry->get(failure.id);
            if (!record || record->worker.healthProblem(m_scenario.policy, now) != HealthProblem::None)
                failure.record.detectedAfterMs = since;
        }
        if (!failure.record.needsRecovery) {
            failure.open = !failure.record.detectedAfterMs.has_value();
            continue;
        }
        if (!failure.record.markedDeadAfterMs) {
            // Until it is declared dead the dispatcher may still give it jobs (a silent worker looks
            // healthy until staleAfter): those need recovering too.
            JobFilter filter;
            filter.worker = failure.id;
            filter.limit = 100000;
            for (const Job &job : m_jobs->list(filter)) {
                if (holdsWorkerSlot(job.state) && !failure.seen.contains(job.id.value())) {
                    failure.seen.insert(job.id.value());
                    failure.unresolved.insert(job.id.value());
                }
            }
            failure.record.jobsAffected = static_cast<int>(failure.seen.size());
        }
        for (auto it = failure.unresolved.begin(); it != failure.unresolved.end();) {
            const std::optional<Job> job = m_jobs->get(JobId::fromValue(*it));
            bool resolved = !job;
            qint64 at = now;
            if (job) {
                if (domain::isFinished(job->state)) {
                    resolved = true;
                    at = job->finishedAt.value_or(now);
                } else if (holdsWorkerSlot(job->state) && job->workerId != failure.id) {
                    resolved = job->state == JobState::Running;
                    at = job->startedAt.value_or(now);
                } else if (job->state == JobState::Failed) {
                    resolved = true;
                }
            }
            if (resolved) {
                failure.latestResolutionMs = std::max(failure.latestResolutionMs, at - m_start - failure.record.atMs);
                it = failure.unresolved.erase(it);
            } else {
                ++it;
            }
        }
        if (failure.unresolved.isEmpty() && failure.record.markedDeadAfterMs) {
            failure.record.recoveredAfterMs =
                failure.record.jobsAffected > 0 ? failure.latestResolutionMs : *failure.record.markedDeadAfterMs;
            failure.open = !failure.record.detectedAfterMs.has_value();
        }
    }
}

int SimulationEngine::Run::workerIndex(const QString &name) const
{
    for (std::size_t i = 0; i < m_workers.size(); ++i) {
        if (m_workers[i].spec->name == name)
            return static_cast<int>(i);
    }
    return -1;
}

int SimulationEngine::Run::runningUnder(const SimWorker &worker) const
{
    int count = 0;
    for (const RunningJob &job : worker.running)
        count += job.claimedBy == worker.id ? 1 : 0;
    return count;
}

void SimulationEngine::Run::checkDrain(int assigned)
{
    const QMap<JobState, qint64> counts = m_jobs->countByState();
    const qint64 holding = counts.value(JobState::Assigned) + counts.value(JobState::Running);
    const qint64 waiting = counts.value(JobState::Pending) + counts.value(JobState::Failed);
    bool openFailures = false;
    for (const FailureTracker &failure : m_failures)
        openFailures = openFailures || (failure.open && failure.record.needsRecovery);
    const EpochMs now = m_clock.now();
    if (holding > 0 || assigned > 0 || openFailures) {
        m_quietSinceMs = -1;
    } else if (m_quietSinceMs < 0) {
        m_quietSinceMs = now;
    }
    const bool quiet = m_quietSinceMs >= 0 && (waiting == 0 || now - m_quietSinceMs >= quietToEndMs);
    if (quiet || now >= m_drainDeadline)
        finish();
}

// ---- faults -----------------------------------------------------------------------------------

void SimulationEngine::Run::openFailure(int index, const FaultSpec &fault, bool needsRecovery)
{
    const SimWorker &worker = m_workers[static_cast<std::size_t>(index)];
    FailureTracker failure;
    failure.id = worker.id;
    failure.record.fault = fault.describe();
    failure.record.worker = worker.spec->name;
    failure.record.atMs = elapsed();
    failure.record.needsRecovery = needsRecovery;
    if (needsRecovery) {
        JobFilter filter;
        filter.worker = worker.id;
        filter.limit = 100000;
        for (const Job &job : m_jobs->list(filter)) {
            if (holdsWorkerSlot(job.state))
                failure.unresolved.insert(job.id.value());
        }
        failure.seen = failure.unresolved;
        failure.record.jobsAffected = static_cast<int>(failure.unresolved.size());
    }
    m_failures.push_back(std::move(failure));
}

void SimulationEngine::Run::crash(int index, const FaultSpec &fault)
{
    SimWorker &worker = m_workers[static_cast<std::size_t>(index)];
    openFailure(index, fault, true);
    worker.alive = false;
    ++worker.incarnation;
    for (RunningJob &job : worker.running)
        endHolding(index, job); // its lease stays in the table until it expires
    worker.running.clear();
}

Outcome<> SimulationEngine::Run::inject(FaultSpec fault)
{
    if (finished())
        return Outcome<>::refused(RefusalKind::WrongState, u"the simulation has finished; reset it first"_qs);
    if (const QString problem = m_scenario.checkFault(fault); !problem.isEmpty())
        return Outcome<>::refused(RefusalKind::NotFound, problem);
    fault.atMs = elapsed();
    m_faults.append(fault);
    if (!applyFault(static_cast<int>(m_faults.size() - 1))) {
        m_faults.removeLast();
        return Outcome<>::refused(RefusalKind::WrongState,
                                  fault.describe() % u": nothing to do, the target is down or failing already"_qs);
    }
    return Outcome<>::success();
}

bool SimulationEngine::Run::applyFault(int faultIndex)
{
    const FaultSpec fault = m_faults.at(faultIndex);
    const int index = workerIndex(fault.worker);
    bool applied = true;
    switch (fault.kind) {
    case FaultSpec::Kind::Crash: {
        applied = index >= 0 && m_workers[static_cast<std::size_t>(index)].alive;
        if (applied)
            crash(index, fault);
        break;
    }
    case FaultSpec::Kind::RegionOutage: {
        applied = false;
        for (std::size_t i = 0; i < m_workers.size(); ++i) {
            if (m_workers[i].alive && m_workers[i].spec->hasCapability(*fault.capability)) {
                crash(static_cast<int>(i), fault);
                applied = true;
            }
        }
        break;
    }
    case FaultSpec::Kind::StopHeartbeats: {
        applied = index >= 0 && m_workers[static_cast<std::size_t>(index)].alive &&
                  m_workers[static_cast<std::size_t>(index)].heartbeating;
        if (applied) {
            SimWorker &worker = m_workers[static_cast<std::size_t>(index)];
            openFailure(index, fault, true);
            worker.heartbeating = false;
        }
        break;
    }
    case FaultSpec::Kind::CpuSpike: {
        applied = index >= 0 && m_workers[static_cast<std::size_t>(index)].alive;
        if (applied) {
            SimWorker &worker = m_workers[static_cast<std::size_t>(index)];
            worker.cpuOverride = fault.cpu;
            if (fault.cpu >= m_scenario.policy.cpuCritical.value())
                openFailure(index, fault, false);
        }
        break;
    }
    case FaultSpec::Kind::MemoryOverLimit: {
        applied = index >= 0 && m_workers[static_cast<std::size_t>(index)].alive;
        if (applied) {
            SimWorker &worker = m_workers[static_cast<std::size_t>(index)];
            worker.memoryOver = true;
            openFailure(index, fault, false);
        }
        break;
    }
    case FaultSpec::Kind::StuckLock:
        stuckLock(faultIndex);
        return true; // reported once the holder has the lock
    case FaultSpec::Kind::JobBurst:
        for (qsizetype i = 0; i < m_scenario.streams.size(); ++i) {
            if (m_scenario.streams.at(i).name == fault.stream)
                enqueue(static_cast<int>(i), fault.count);
        }
        break;
    }
    if (!applied)
        return false;
    if (fault.durationMs > 0 && fault.kind != FaultSpec::Kind::JobBurst)
        schedule(m_clock.now() + fault.durationMs, EventType::FaultEnd, faultIndex);
    Q_EMIT m_engine.faultInjected(elapsed(), fault.describe());
    return true;
}

void SimulationEngine::Run::endFault(int faultIndex)
{
    const FaultSpec &fault = m_faults.at(faultIndex);
    for (std::size_t i = 0; i < m_workers.size(); ++i) {
        SimWorker &worker = m_workers[i];
        const bool named = worker.spec->name == fault.worker;
        switch (fault.kind) {
        case FaultSpec::Kind::Crash:
        case FaultSpec::Kind::RegionOutage:
            if (!worker.alive && (named || (fault.capability && worker.spec->hasCapability(*fault.capability)))) {
                worker.alive = true;
                worker.heartbeating = true;
                ++worker.incarnation;
                registerWorker(static_cast<int>(i), true);
            }
            break;
        case FaultSpec::Kind::StopHeartbeats:
            if (named)
                worker.heartbeating = true;
            break;
        case FaultSpec::Kind::CpuSpike:
            if (named)
                worker.cpuOverride.reset();
            break;
        case FaultSpec::Kind::MemoryOverLimit:
            if (named)
                worker.memoryOver = false;
            break;
        case FaultSpec::Kind::StuckLock:
        case FaultSpec::Kind::JobBurst:
            break;
        }
    }
}

void SimulationEngine::Run::stuckLock(int faultIndex)
{
    const FaultSpec &fault = m_faults.at(faultIndex);
    const QString owner = u"sim/stuck-holder-"_qs % QString::number(faultIndex + 1);
    const LockResult result = m_lock->acquire(*fault.key, owner, Duration::fromMilliseconds(fault.ttlMs));
    if (!result.acquired()) {
        // Someone holds it now: the doomed holder waits its turn, like any other.
        schedule(m_clock.now() + stuckLockRetryMs, EventType::StuckLockRetry, faultIndex);
        return;
    }
    const QString key = fault.key->toString();
    ++m_lockAcquisitions;
    if (m_holders.contains(key) || result.lease->token <= m_lastToken.value(key, 0))
        ++m_lockViolations;
    m_lastToken.insert(key, result.lease->token);
    // The holder dies at once: nobody releases the lock; its lease has to run out.
    StuckTracker stuck;
    stuck.record.key = key;
    stuck.record.atMs = elapsed();
    stuck.record.token = result.lease->token;
    stuck.record.ttlMs = fault.ttlMs;
    stuck.expiresAt = result.lease->expiresAt;
    m_stuck.push_back(stuck);
    Q_EMIT m_engine.faultInjected(elapsed(), fault.describe());
}

// ---- the end ----------------------------------------------------------------------------------

void SimulationEngine::Run::finish()
{
    if (finished())
        return;
    m_finalWallMs = m_wall.elapsed();
    m_phase = SimulationProgress::Phase::Finished;

    // The final state of every job this run enqueued, read back from the database.
    SimulationSummary summary = this->summary();
    summary.finished = true;
    summary.succeeded = summary.dead = summary.cancelled = summary.waiting = summary.unassignable = 0;
    summary.inFlight = summary.lost = 0;
    QHash<qint64, Job> states;
    if (!m_jobOrder.empty()) {
        JobFilter filter;
        filter.limit = 1000;
        filter.after = m_jobOrder.front() > 1 ? std::optional(JobId::fromValue(m_jobOrder.front() - 1)) : std::nullopt;
        for (;;) {
            const QList<Job> page = m_jobs->list(filter);
            for (const Job &job : page) {
                if (m_tracked.contains(job.id.value()))
                    states.insert(job.id.value(), job);
            }
            if (page.size() < filter.limit)
                break;
            filter.after = page.constLast().id;
        }
    }
    QMap<QString, QueueFigures> queues = summary.queues;
    for (auto it = queues.begin(); it != queues.end(); ++it)
        it->succeeded = 0;
    for (const qint64 id : m_jobOrder) {
        const TrackedJob &tracked = m_tracked[id];
        const StreamSpec &spec = *m_streams[static_cast<std::size_t>(tracked.stream)].spec;
        const auto found = states.constFind(id);
        if (found == states.cend()) {
            ++summary.lost;
            continue;
        }
        const Job &job = *found;
        switch (job.state) {
        case JobState::Succeeded:
            ++summary.succeeded;
            ++queues[spec.queue.toString()].succeeded;
            break;
        case JobState::Dead:
            ++summary.dead;
            break;
        case JobState::Cancelled:
            ++summary.cancelled;
            break;
        case JobState::Pending:
        case JobState::Failed: {
            bool servable = false;
            for (const SimWorker &worker : m_workers)
                servable = servable || (worker.alive && worker.heartbeating &&
                                        worker.spec->queues.contains(job.queue) && canServe(*worker.spec, job));
            ++(servable ? summary.waiting : summary.unassignable);
            break;
        }
        case JobState::Assigned:
        case JobState::Running: {
            bool held = false;
            for (const SimWorker &worker : m_workers) {
                if (worker.alive && worker.heartbeating && job.workerId == worker.id)
                    held = job.state == JobState::Assigned || worker.running.contains(id);
            }
            ++(held ? summary.inFlight : summary.lost);
            break;
        }
        }
    }
    summary.queues = queues;
    summary.wallMs = m_finalWallMs;
    summary.expectations = evaluate(summary);
    m_final = summary;

    // The workers stop as agents do: their unfinished jobs go back, they leave the registry.
    for (const SimWorker &worker : m_workers) {
        if (!worker.alive)
            continue;
        Transaction transaction(*m_db);
        m_jobs->releaseWorkerJobs(worker.id, true);
        m_registry->markInactive(worker.id);
        transaction.commit();
    }
    for (const auto &dispatcher : m_dispatchers)
        dispatcher->resign();
    m_recorder->recordNow();
    AuditLog(*m_db, m_clock)
        .append(AuditContext{simulationActor, {}}, u"simulation.finish"_qs, u"simulation:"_qs % m_scenario.name,
                QJsonObject{{u"passed"_qs, summary.passed()},
                            {u"enqueued"_qs, static_cast<double>(summary.enqueued)},
                            {u"lost"_qs, static_cast<double>(summary.lost)}});
    Q_EMIT m_engine.progressed(progress());
    Q_EMIT m_engine.finished(*m_final);
}

void SimulationEngine::Run::abandon()
{
    if (!m_started || !m_db)
        return;
    const AuditContext context{simulationActor, u"simulation reset"_qs};
    if (!finished()) {
        for (const qint64 id : m_jobOrder) {
            const std::optional<Job> job = m_jobs->get(JobId::fromValue(id));
            if (job && !domain::isFinished(job->state))
                m_jobs->cancel(job->id, context);
        }
        for (const SimWorker &worker : m_workers) {
            if (worker.alive)
                m_registry->markInactive(worker.id);
        }
        for (const auto &dispatcher : m_dispatchers)
            dispatcher->resign();
    }
}

SimulationProgress SimulationEngine::Run::progress() const
{
    SimulationProgress progress;
    progress.phase = m_phase;
    progress.elapsedMs = m_started ? elapsed() : 0;
    progress.durationMs = m_scenario.durationMs;
    progress.enqueued = static_cast<qint64>(m_jobOrder.size());
    progress.succeeded = m_final ? m_final->succeeded : m_succeeded;
    progress.failed = m_failed;
    progress.dead = m_final ? m_final->dead : m_dead;
    progress.workersTotal = static_cast<int>(m_workers.size());
    for (const SimWorker &worker : m_workers) {
        progress.running += worker.running.size();
        progress.workersAlive += worker.alive ? 1 : 0;
    }
    progress.violations = m_capabilityViolations + m_capacityViolations + m_lockViolations;
    return progress;
}

SimulationSummary SimulationEngine::Run::summary() const
{
    if (m_final) {
        SimulationSummary final = *m_final;
        return final;
    }
    SimulationSummary summary;
    summary.scenario = m_scenario.name;
    summary.seed = m_options.seed;
    summary.engine = m_url ? toString(m_url->dialect()) : QString();
    summary.durationMs = m_scenario.durationMs;
    summary.elapsedMs = m_started ? elapsed() : 0;
    summary.enqueued = static_cast<qint64>(m_jobOrder.size());
    summary.succeeded = m_succeeded;
    summary.failed = m_failed;
    summary.dead = m_dead;
    summary.staleCompletions = m_staleCompletions;
    summary.capabilityViolations = m_capabilityViolations;
    summary.capacityViolations = m_capacityViolations;
    summary.lockViolations = m_lockViolations;
    summary.lockAcquisitions = m_lockAcquisitions;
    summary.lockContention = m_lockContention;
    for (const SimWorker &worker : m_workers)
        summary.inFlight += worker.running.size();
    summary.wallMs = wallMs();

    std::vector<qint64> waits;
    QMap<QString, std::vector<qint64>> queueWaits;
    for (const qint64 id : m_jobOrder) {
        const TrackedJob &job = m_tracked[id];
        const QString queue = m_streams[static_cast<std::size_t>(job.stream)].spec->queue.toString();
        ++summary.queues[queue].enqueued;
        if (job.firstStartAt) {
            waits.push_back(*job.firstStartAt - job.createdAt);
            queueWaits[queue].push_back(waits.back());
        }
    }
    for (const StreamState &stream : m_streams)
        summary.queues[stream.spec->queue.toString()]; // every queue appears, fed or not
    std::sort(waits.begin(), waits.end());
    summary.waitSamples = static_cast<qint64>(waits.size());
    if (!waits.empty()) {
        summary.waitP50Ms = percentile(waits, 50);
        summary.waitP95Ms = percentile(waits, 95);
        summary.waitP99Ms = percentile(waits, 99);
        summary.waitMaxMs = waits.back();
    }
    for (auto it = queueWaits.begin(); it != queueWaits.end(); ++it) {
        std::sort(it->begin(), it->end());
        summary.queues[it.key()].waitP95Ms = percentile(*it, 95);
    }
    for (const FailureTracker &failure : m_failures) {
        summary.failures.append(failure.record);
        if (failure.record.detectedAfterMs)
            summary.detectionMs = std::max(summary.detectionMs.value_or(0), *failure.record.detectedAfterMs);
        if (failure.record.recoveredAfterMs)
            summary.recoveryMs = std::max(summary.recoveryMs.value_or(0), *failure.record.recoveredAfterMs);
    }
    for (const StuckTracker &stuck : m_stuck)
        summary.stuckLocks.append(stuck.record);
    summary.expectations = evaluate(summary);
    return summary;
}

QList<ExpectationResult> SimulationEngine::Run::evaluate(const SimulationSummary &summary) const
{
    QList<ExpectationResult> results;
    const auto wait = [&](const Expectation &e) -> std::optional<qint64> {
        std::vector<qint64> waits;
        for (const qint64 id : m_jobOrder) {
            const TrackedJob &job = m_tracked[id];
            if (!job.firstStartAt)
                continue;
            if (e.queue && m_streams[static_cast<std::size_t>(job.stream)].spec->queue != *e.queue)
                continue;
            waits.push_back(*job.firstStartAt - job.createdAt);
        }
        if (waits.empty())
            return std::nullopt;
        std::sort(waits.begin(), waits.end());
        return percentile(waits, e.percentile);
    };
    for (const Expectation &e : m_scenario.expectations) {
        ExpectationResult result;
        result.name = Expectation::kindName(e.kind);
        QString words;
        switch (e.kind) {
        case Expectation::Kind::NoLostJobs:
            words = u"no job is lost"_qs;
            result.passed = summary.lost == 0;
            result.actual = QString::number(summary.lost) % u" lost"_qs;
            break;
        case Expectation::Kind::AllFinished:
            words = u"every job finishes"_qs;
            result.passed = summary.waiting + summary.inFlight == 0 && summary.lost == 0;
            result.actual = QString::number(summary.waiting) % u" waiting, "_qs % QString::number(summary.inFlight) %
                            u" in flight"_qs;
            break;
        case Expectation::Kind::NoCapabilityViolations:
            words = u"no job runs on a worker that lacks a required capability"_qs;
            result.passed = summary.capabilityViolations == 0;
            result.actual = QString::number(summary.capabilityViolations) % u" capability violations"_qs;
            break;
        case Expectation::Kind::NoCapacityViolations:
            words = u"no worker runs more than its maxJobs"_qs;
            result.passed = summary.capacityViolations == 0;
            result.actual = QString::number(summary.capacityViolations) % u" capacity violations"_qs;
            break;
        case Expectation::Kind::NoLockViolations:
            words = u"no two holders ever hold a lock at once"_qs;
            result.passed = summary.lockViolations == 0;
            result.actual = QString::number(summary.lockViolations) % u" lock violations in "_qs %
                            QString::number(summary.lockAcquisitions) % u" acquisitions"_qs;
            break;
        case Expectation::Kind::MaxWait: {
            words = u"p"_qs % QString::number(e.percentile) % u" wait"_qs %
                    (e.queue ? u" on "_qs % e.queue->toString() : QString()) % u" at most "_qs % msText(*e.max);
            const std::optional<qint64> value = wait(e);
            result.passed = value && *value <= *e.max;
            result.actual =
                value ? u"p"_qs % QString::number(e.percentile) % u" "_qs % msText(*value) : u"no job started"_qs;
            break;
        }
        case Expectation::Kind::DetectionWithin:
        case Expectation::Kind::RecoveryWithin: {
            const bool detection = e.kind == Expectation::Kind::DetectionWithin;
            words = (detection ? u"every failed worker is detected within "_qs
                               : u"every failed worker's jobs are recovered within "_qs) %
                    msText(*e.max);
            result.passed = true;
            qint64 worst = -1;
            int considered = 0;
            for (const FailureRecord &failure : summary.failures) {
                if (!detection && !failure.needsRecovery)
                    continue;
                ++considered;
                const std::optional<qint64> value = detection ? failure.detectedAfterMs : failure.recoveredAfterMs;
                if (!value || *value > *e.max)
                    result.passed = false;
                worst = std::max(worst, value.value_or(std::numeric_limits<qint64>::max() / 2));
            }
            result.actual = considered == 0 ? u"no worker failed"_qs
                            : worst >= std::numeric_limits<qint64>::max() / 2
                                ? u"not all "_qs % (detection ? u"detected"_qs : u"recovered"_qs)
                                : u"slowest "_qs % msText(worst);
            break;
        }
        case Expectation::Kind::LockTakeover: {
            words = u"every stuck lock is taken over, after its lease, with a higher token"_qs %
                    (e.max ? u" within "_qs % msText(*e.max) : QString());
            result.passed = !summary.stuckLocks.isEmpty();
            QStringList parts;
            for (const StuckLockRecord &stuck : summary.stuckLocks) {
                const bool ok = stuck.takenOverAfterMs && stuck.newToken && *stuck.newToken > stuck.token &&
                                *stuck.takenOverAfterMs >= stuck.ttlMs && (!e.max || *stuck.takenOverAfterMs <= *e.max);
                result.passed = result.passed && ok;
                parts.append(stuck.key % u": "_qs %
                             (stuck.takenOverAfterMs ? u"taken after "_qs % msText(*stuck.takenOverAfterMs) %
                                                           u", token "_qs % QString::number(stuck.token) % u" → "_qs %
                                                           QString::number(stuck.newToken.value_or(0))
                                                     : u"never taken over"_qs));
            }
            result.actual = parts.isEmpty() ? u"no lock got stuck"_qs : parts.join(u"; "_qs);
            break;
        }
        case Expectation::Kind::NeverStarted: {
            words = u"no job of stream "_qs % e.stream % u" ever starts"_qs;
            qint64 started = 0;
            for (const StartRecord &start : m_starts)
                started += m_streams[static_cast<std::size_t>(start.stream)].spec->name == e.stream ? 1 : 0;
            result.passed = started == 0;
            result.actual = QString::number(started) % u" started"_qs;
            break;
        }
        case Expectation::Kind::JobsOn: {
            const QString where = e.worker.isEmpty() ? u"workers with "_qs % e.capability->toString() : e.worker;
            words = (e.stream.isEmpty() ? u"jobs"_qs : e.stream % u" jobs"_qs) % u" started on "_qs % where %
                    (e.sinceMs > 0 ? u" after "_qs % msText(e.sinceMs) : QString()) % u": "_qs %
                    (e.min ? u"at least "_qs % QString::number(*e.min) : QString()) %
                    (e.min && e.max ? u", "_qs : QString()) %
                    (e.max ? u"at most "_qs % QString::number(*e.max) : QString());
            qint64 count = 0;
            for (const StartRecord &start : m_starts) {
                const WorkerSpec &spec = *m_workers[static_cast<std::size_t>(start.worker)].spec;
                if (start.atMs < e.sinceMs)
                    continue;
                if (!e.worker.isEmpty() ? spec.name != e.worker : !spec.hasCapability(*e.capability))
                    continue;
                if (!e.stream.isEmpty() && m_streams[static_cast<std::size_t>(start.stream)].spec->name != e.stream)
                    continue;
                ++count;
            }
            result.passed = (!e.min || count >= *e.min) && (!e.max || count <= *e.max);
            result.actual = QString::number(count) % u" started"_qs;
            break;
        }
        case Expectation::Kind::MaxDead:
            words = u"at most "_qs % QString::number(*e.max) % u" jobs dead"_qs;
            result.passed = summary.dead <= *e.max;
            result.actual = QString::number(summary.dead) % u" dead"_qs;
            break;
        case Expectation::Kind::MinSucceeded: {
            words = u"at least "_qs % QString::number(e.fraction * 100.0, 'g', 4) % u" % of the jobs succeed"_qs;
            const double share = summary.enqueued > 0 ? static_cast<double>(summary.succeeded) / summary.enqueued : 0;
            result.passed = summary.enqueued > 0 && share >= e.fraction;
            result.actual = QString::number(summary.succeeded) % u" of "_qs % QString::number(summary.enqueued) %
                            u" ("_qs % QString::number(share * 100.0, 'f', 1) % u" %)"_qs;
            break;
        }
        }
        result.description = e.description.isEmpty() ? words : e.description;
        results.append(result);
    }
    return results;
}

// ---- the engine -------------------------------------------------------------------------------

SimulationEngine::SimulationEngine(Scenario scenario, SimulationOptions options, QObject *parent)
    : QObject(parent)
    , m_scenario(std::move(scenario))
    , m_options(std::move(options))
{
    qRegisterMetaType<SimulationSummary>();
    qRegisterMetaType<SimulationProgress>();
    if (m_options.durationMs) {
        const qint64 duration = std::max<qint64>(1, *m_options.durationMs);
        m_scenario.durationMs = duration;
        QList<FaultSpec> faults;
        for (const FaultSpec &fault : std::as_const(m_scenario.faults)) {
            if (fault.atMs < duration)
                faults.append(fault);
        }
        m_scenario.faults = faults;
        for (StreamSpec &stream : m_scenario.streams) {
            if (stream.endMs && *stream.endMs > duration)
                stream.endMs = duration;
        }
    }
    m_run = std::make_unique<Run>(*this, m_scenario, m_options);
}

SimulationEngine::~SimulationEngine() = default;

Outcome<> SimulationEngine::start()
{
    Q_ASSERT(QThread::currentThread() == thread());
    return m_run->start();
}

Outcome<SimulationSummary> SimulationEngine::run()
{
    const Outcome<> started = start();
    if (!started)
        return Outcome<SimulationSummary>::refused(started.refusal(), started.reason());
    const bool paced = m_options.speed.has_value();
    while (!m_run->finished())
        m_run->advanceTo(std::numeric_limits<qint64>::max(), paced, m_options.speed.value_or(1.0));
    return Outcome<SimulationSummary>::success(m_run->summary());
}

void SimulationEngine::advanceBy(qint64 virtualMs)
{
    advanceTo(m_run->clock().now() + std::max<qint64>(0, virtualMs));
}

void SimulationEngine::advanceTo(qint64 virtualTime)
{
    Q_ASSERT(QThread::currentThread() == thread());
    if (!m_run->started()) {
        if (!m_run->start())
            return;
    }
    m_run->advanceTo(virtualTime, false, 1.0);
    Q_EMIT progressed(m_run->progress());
}

Outcome<> SimulationEngine::injectFault(const FaultSpec &fault)
{
    Q_ASSERT(QThread::currentThread() == thread());
    if (!m_run->started())
        return Outcome<>::refused(RefusalKind::WrongState, u"the simulation has not started"_qs);
    return m_run->inject(fault);
}

void SimulationEngine::reset()
{
    Q_ASSERT(QThread::currentThread() == thread());
    const bool wasStarted = m_run->started();
    if (m_options.database)
        m_run->abandon();
    m_run.reset();
    m_run = std::make_unique<Run>(*this, m_scenario, m_options);
    if (wasStarted)
        m_run->start();
    Q_EMIT progressed(m_run->progress());
}

void SimulationEngine::shutdown()
{
    m_run.reset();
    m_run = std::make_unique<Run>(*this, m_scenario, m_options);
}

bool SimulationEngine::isStarted() const
{
    return m_run->started();
}

bool SimulationEngine::isFinished() const
{
    return m_run->finished();
}

SimulationProgress SimulationEngine::progress() const
{
    return m_run->progress();
}

SimulationSummary SimulationEngine::summary() const
{
    return m_run->summary();
}

storage::DatabaseUrl SimulationEngine::databaseUrl() const
{
    return m_run->url();
}

const domain::Clock &SimulationEngine::clock() const
{
    return m_run->clock();
}

qint64 SimulationEngine::elapsedMs() const
{
    return m_run->started() ? m_run->clock().now() - m_run->startedAt() : 0;
}

} // namespace overseer::simulation
