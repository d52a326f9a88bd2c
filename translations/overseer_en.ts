<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Age</name>
    <message>
        <source>%1 s ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 d ago</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AlertMonitor</name>
    <message>
        <source>%1 (pid %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 and %n more</numerusform>
            <numerusform>%1 and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> It holds %n job(s) that are not progressing.</source>
        <translation>
            <numerusform> It holds %n job that is not progressing.</numerusform>
            <numerusform> It holds %n jobs that are not progressing.</numerusform>
        </translation>
    </message>
    <message>
        <source>Worker %1 has been silent for %2 and is still marked live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its last heartbeat is %1 old, past the %2 after which a worker is declared dead and its jobs are recovered — yet nothing has reaped it.%3 Check that a dispatcher is running, or release the worker&apos;s jobs by hand.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worker %1 is stale: no heartbeat for %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workers are stale after %1 without a heartbeat and get no new jobs; after %2 they are declared dead and their jobs recovered.%3 Check that the agent on %4 is running and can reach the database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worker %1 is at %2 CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At or above %1 CPU a worker counts as unhealthy and gets no new jobs. Look for a runaway job on %2, or start it with fewer max jobs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worker %1 uses %2 of memory, over its %3 limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A worker over its memory limit counts as unhealthy and gets no new jobs until it is back under it. Look for a job leaking memory on %1, or start the worker with a higher limit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock %1 is overdue by %2 (held by %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its lease ran out %1 ago and its holder has neither renewed nor released it: the holder may be stuck. The next acquire takes the lock over with a higher fencing token; force-release it from the Locks view if the holder is gone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No dispatcher is leading meanwhile, so no jobs are dispatched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Queue %1 has %n waiting job(s) and no healthy worker to take them</source>
        <translation>
            <numerusform>Queue %1 has %n waiting job and no healthy worker to take it</numerusform>
            <numerusform>Queue %1 has %n waiting jobs and no healthy worker to take them</numerusform>
        </translation>
    </message>
    <message>
        <source>No live worker serves %1. Start one with --queues %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Of the workers serving %1, %2. Bring one back, or start another with --queues %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not serve %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 jobs need %2: no healthy worker has it (%3 waiting)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 jobs need %2: no healthy worker has them all (%3 waiting)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The healthy workers of %1 (%2) lack it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The healthy workers of %1 (%2) lack at least one of them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workers that have it: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workers that have them all: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a worker with --queues %1 --capabilities %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a worker with --queues %1 --capabilities %2, or make one of those eligible for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stale worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unhealthy worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>backlog growing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lock overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>queue without worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>capability without worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>critical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue %1 is backing up: %2 → %3 waiting in %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Its waiting jobs rose by %1 (%2 a minute) without falling once: jobs arrive faster than %n healthy worker(s) finish them. Add workers serving %3, or raise their max jobs.</source>
        <translation>
            <numerusform>Its waiting jobs rose by %1 (%2 a minute) without falling once: jobs arrive faster than %n healthy worker finishes them. Add workers serving %3, or raise their max jobs.</numerusform>
            <numerusform>Its waiting jobs rose by %1 (%2 a minute) without falling once: jobs arrive faster than %n healthy workers finish them. Add workers serving %3, or raise their max jobs.</numerusform>
        </translation>
    </message>
    <message>
        <source>The queue is paused (by %1): nothing is dispatched from it until it is resumed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an operator</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Countdown</name>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>overdue %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Health</name>
    <message>
        <source>healthy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>draining</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cpu-critical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>memory-over-limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>inactive</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JobState</name>
    <message>
        <source>pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>assigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>succeeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Connected: schema version %1, ready.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected, but the database has no Overseer schema: run overseerctl migrate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected, but the schema is version %1 and this console needs %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot connect: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>overseer::models::AlertTableModel</name>
    <message>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to do</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>overseer::models::AuditTableModel</name>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>overseer::models::CommandService</name>
    <message>
        <source>read-only: started with --read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read-only until the database answers: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the database did not answer; nothing was changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — the action may not have been applied; check the view once the database is back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no worker with id %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is draining: %2 went back to pending for other workers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, %1 still running there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; no job is left on it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Released %1 of %2: pending again for other workers (it held %3, now %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>job %1 does not exist (any more)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an override of the eligibility rules needs a written reason; nothing was moved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(override with a reason to move it anyway)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moved %1 (%2) to %3%4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, overriding the eligibility rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No job was retried</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retried %1 (%2): pending again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No job was cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled %1 (%2): they will not run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue %1 paused: its %2 waiting are not dispatched until it is resumed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue %1 resumed: its %2 waiting are dispatched again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>force-releasing a lock needs a written reason; the lock is untouched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock %1 released; it was held by %2 under token %3. The next holder gets a higher token</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>overseer::models::JobPageLoader</name>
    <message>
        <source>the job list is closed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>overseer::models::JobTableModel</name>
    <message>
        <source>Worker %1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worker %1 (no longer registered)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Available from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>retry %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>overseer::models::LockTableModel</name>
    <message>
        <source>The lease ran out %1 ago and nobody has taken the lock over. The holder may be stuck; the next acquire takes it (with a higher token).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fencing token: strictly increasing for this key, never reused. Writes carrying a lower token than one already seen must be refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acquired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>overseer::models::QueueTableModel</name>
    <message numerus="yes">
        <source>No healthy worker serves this queue: its %n job(s) cannot run.</source>
        <translation>
            <numerusform>No healthy worker serves this queue: its %n job cannot run.</numerusform>
            <numerusform>No healthy worker serves this queue: its %n jobs cannot run.</numerusform>
        </translation>
    </message>
    <message>
        <source>Paused by %1; its jobs are not dispatched until it is resumed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Oldest wait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Healthy workers</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>overseer::models::WorkerTableModel</name>
    <message numerus="yes">
        <source>%n job(s) assigned by the database, of at most %1</source>
        <translation>
            <numerusform>%n job assigned by the database, of at most %1</numerusform>
            <numerusform>%n jobs assigned by the database, of at most %1</numerusform>
        </translation>
    </message>
    <message>
        <source>; the worker itself reports %1 (shown, not trusted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load = max(jobs / max jobs, CPU); a job goes to the eligible worker with the lowest load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last heartbeat at the database&apos;s time; stale after %1, dead after %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capabilities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Heartbeat</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>overseer::ui::ActionDialog</name>
    <message>
        <source>as &lt;b&gt;%1&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name written to the audit log ($OVERSEER_OPERATOR, or your login and host)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why (optional; goes to the audit log)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason (required):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a reason first: it goes to the audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>overseer::ui::AlertsView</name>
    <message>
        <source>No alerts: every live worker is healthy, no lock is overdue, no backlog is growing and every waiting job has a worker that can take it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an alert to see what to do about it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Overseer: %n alert(s)</source>
        <translation>
            <numerusform>Overseer: %n alert</numerusform>
            <numerusform>Overseer: %n alerts</numerusform>
        </translation>
    </message>
    <message>
        <source>Overseer: no alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ale&amp;rts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ale&amp;rts (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>… and %n more in the Alerts tab</source>
        <translation>
            <numerusform>… and %n more in the Alerts tab</numerusform>
            <numerusform>… and %n more in the Alerts tab</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new alert(s)</source>
        <translation>
            <numerusform>%n new alert</numerusform>
            <numerusform>%n new alerts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>overseer::ui::AuditView</name>
    <message>
        <source>Actor contains…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target contains… (worker:, job:42, lock:, queue:)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 15 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 matching entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 matching entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the newest entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the newest %1 entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (the newest %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · not refreshed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>overseer::ui::ChartsPanel</name>
    <message>
        <source>Cluster load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Throughput (jobs per minute)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue depth (waiting jobs)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>5 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>24 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the last %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no data in this window yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average worker load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job slots in use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Healthy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unhealthy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the %1 deepest of %2 queues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded history since %1, then live every poll.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No recorded history in the database yet: the charts show what this window has seen. A running &quot;overseerctl dispatch&quot; records history for every console.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>overseer::ui::ConnectionDialog</name>
    <message>
        <source>Remember in libpq&apos;s password file (~/.pgpass)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to a database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile name (to save it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PostgreSQL only; leave empty to use ~/.pgpass or PGPASSWORD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Database URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pass&amp;word</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A password only applies to PostgreSQL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>overseer::ui::ConsoleActions</name>
    <message>
        <source>checking whether this database can be written…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Drain worker…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;lease its jobs…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reassign jobs…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;try jobs…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel jobs…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pause queue…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Force-release lock…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a worker first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is inactive: release its jobs instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is already drained: it holds no job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds no job: there is nothing to release</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select one or more jobs first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only pending, failed or assigned jobs can be moved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only failed, dead or cancelled jobs can be retried</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished jobs cannot be cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resume queue…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a queue first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a held lock first</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Retry %n job(s)</source>
        <translation>
            <numerusform>Retry %n job</numerusform>
            <numerusform>Retry %n jobs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Retry %n job(s) (ids %1)? They go back to pending and run again; a job out of attempts gets one more.</source>
        <translation>
            <numerusform>Retry %n job (id %1)? It goes back to pending and runs again; a job out of attempts gets one more.</numerusform>
            <numerusform>Retry %n jobs (ids %1)? They go back to pending and run again; a job out of attempts gets one more.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Retry %n job(s)</source>
        <translation>
            <numerusform>&amp;Retry %n job</numerusform>
            <numerusform>&amp;Retry %n jobs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancel %n job(s)</source>
        <translation>
            <numerusform>Cancel %n job</numerusform>
            <numerusform>Cancel %n jobs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancel %n job(s) (ids %1)? They will not run.</source>
        <translation>
            <numerusform>Cancel %n job (id %1)? It will not run.</numerusform>
            <numerusform>Cancel %n jobs (ids %1)? They will not run.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Cancel %n job(s)</source>
        <translation>
            <numerusform>&amp;Cancel %n job</numerusform>
            <numerusform>&amp;Cancel %n jobs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n job(s)</source>
        <translation>
            <numerusform>%n job</numerusform>
            <numerusform>%n jobs</numerusform>
        </translation>
    </message>
    <message>
        <source>Resume queue %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume queue %1? Its %2 waiting are dispatched again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resume %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause queue %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause queue %1? Its %2 waiting are not dispatched until it is resumed; jobs already assigned or running carry on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pause %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep them</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>overseer::ui::DrainWorkerDialog</name>
    <message>
        <source>%1 (pid %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drain worker %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Drain %1&lt;/b&gt;: it takes no new jobs, and its queued (assigned) jobs go back to pending for other workers. It holds %2 of %3 jobs now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Let running jobs finish on it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Release running jobs &amp;now (they start again on other workers)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goes to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receives</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jobs after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where its jobs would go:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load on the workers that receive them:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Drain %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computing the preview…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The preview could not be computed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the progress now: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computing preview…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It has no queued job to hand over.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) go back to pending: </source>
        <translation>
            <numerusform>%n job goes back to pending: </numerusform>
            <numerusform>%n jobs go back to pending: </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n would go to other workers</source>
        <translation>
            <numerusform>%n would go to another worker</numerusform>
            <numerusform>%n would go to other workers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n would have nowhere to go and wait</source>
        <translation>
            <numerusform>, %n would have nowhere to go and wait</numerusform>
            <numerusform>, %n would have nowhere to go and wait</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n running job(s) stay until they finish.</source>
        <translation>
            <numerusform>%n running job stays until it finishes.</numerusform>
            <numerusform>%n running jobs stay until they finish.</numerusform>
        </translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nowhere: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1/%2 (now %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is drained: no job is left on it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n running job(s) left on %1…</source>
        <translation>
            <numerusform>%n running job left on %1…</numerusform>
            <numerusform>%n running jobs left on %1…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>overseer::ui::ForceReleaseLockDialog</name>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Force-release lock %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Force-release %1&lt;/b&gt;: the lock is freed whoever holds it. Its holder is not told; the next holder gets a higher fencing token, so writes fenced by the old token are refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the lock…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why the lock is broken, e.g. &quot;worker-7 hung, ticket OPS-7&quot; (required; audited)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Force-release</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody holds %1 now: there is nothing to release.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody holds the lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (worker on %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the lock now: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Holder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fencing token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Held for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (since %2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>overseer::ui::JobsView</name>
    <message>
        <source>
… (%1 more characters)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All queues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All workers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type (exact)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Newest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Oldest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Newer jobs arrived — show newest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a job to see its payload, last error, result and timestamps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1+ jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>counting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · not refreshed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>attempt %1 of %2, queue %3, priority %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fencing token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>overseer::ui::MainWindow</name>
    <message>
        <source>Overseer — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the cluster: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last poll failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Workers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Queues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Locks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Audit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Charts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by host, id, queue or capability  (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All queues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All capabilities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a worker to see its details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Connect to…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pause live updates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Poll &amp;interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the &amp;system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Filter workers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capabilities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 assigned by the database; the worker reports %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU / memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> of %1 allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last heartbeat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (pid %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database unreachable — the figures below are from %1 and are not live. Reconnecting automatically… (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database: %1%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last refresh %1 s ago (%2 ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live updates paused (Ctrl+P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overseer — Simulation: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simulation: %1 — virtual time, database %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>overseer::ui::ReassignJobsDialog</name>
    <message numerus="yes">
        <source>Reassign %n job(s)</source>
        <translation>
            <numerusform>Reassign %n job</numerusform>
            <numerusform>Reassign %n jobs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;Move %n job(s)&lt;/b&gt; (ids %1) to the worker chosen below. The best eligible worker is chosen for you.</source>
        <translation>
            <numerusform>&lt;b&gt;Move %n job&lt;/b&gt; (id %1) to the worker chosen below. The best eligible worker is chosen for you.</numerusform>
            <numerusform>&lt;b&gt;Move %n jobs&lt;/b&gt; (ids %1) to the worker chosen below. The best eligible worker is chosen for you.</numerusform>
        </translation>
    </message>
    <message>
        <source>Worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free slots</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computing the candidates…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Override the eligibility rules for this worker (needs a reason; audited)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reassign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The candidates could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (pid %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>best</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>eligible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None of these jobs can be moved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None of these jobs can be moved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a worker.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No worker is eligible for these jobs. Choose one and override the rules with a reason, or wait for a worker.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a worker first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reassign to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why (optional; goes to the audit log)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is the best eligible worker (score %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is eligible (score %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not eligible: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why the rules are overridden (required; audited)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot take them: %2. This is never overridden.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot take them: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>overseer::ui::ReleaseWorkerDialog</name>
    <message>
        <source>Release the jobs of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>inactive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>draining</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Release every job of %1 (pid %2, %3)&lt;/b&gt;: its assigned and running jobs go back to pending now, with the attempt given back, and other workers take them. A worker that is still active is left draining so that they do not come straight back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counting its jobs…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Release jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>It holds %n job(s) now: </source>
        <translation>
            <numerusform>It holds %n job now: </numerusform>
            <numerusform>It holds %n jobs now: </numerusform>
        </translation>
    </message>
    <message>
        <source>%1 assigned, %2 running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>&amp;Release %n job(s)</source>
        <translation>
            <numerusform>&amp;Release %n job</numerusform>
            <numerusform>&amp;Release %n jobs</numerusform>
        </translation>
    </message>
    <message>
        <source>It holds no job: there is nothing to release</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot count its jobs now: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>overseer::ui::SimulationPanel</name>
    <message>
        <source>The simulation stopped: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A built-in scenario; choosing one starts a new run of it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open scenario file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run a scenario from a JSON file (docs/simulation.md describes the format)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Virtual seconds per second; &quot;max&quot; runs as fast as the database allows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1×</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>max</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start this scenario again from the beginning, on a fresh database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enqueued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workers alive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Violations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capability, capacity and lock violations: a job on a worker without a required capability, a worker past its maximum, two holders of one lock. Always 0 when the core is right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Faults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The worker the worker faults hit; selecting a worker in the Workers view chooses it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long a fault lasts: a crashed worker comes back, heartbeats resume, CPU and memory return to normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>for good</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>30 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>5 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lasting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Crash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The worker dies: no more heartbeats, its jobs never finish; the reaper must recover them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop heartbeats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The worker goes on running its jobs but stops reporting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU spike</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The worker reports 99 % CPU: unhealthy, no new jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory over limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The worker reports more memory than its declared limit: unhealthy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region outage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every worker with this capability crashes at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many jobs arrive at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job burst</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This many jobs of the stream arrive at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stuck lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A holder takes this lock and dies: its lease must expire and another holder take over with a higher fencing token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline (also marked on the charts)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expectations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (from %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No description.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (queue %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scenarios (*.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot run — %2%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Virtual time: %1 UTC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready: press Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Streams stopped: finishing the work in flight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused while finishing the work in flight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — %1× real time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 dead)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop virtual time (Ctrl+Space)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Let virtual time run (Ctrl+Space)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Virtual time %1 UTC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused — %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The run finished; the scenario states no expectations.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 expectations passed — %3 jobs enqueued, %4 succeeded, %5 dead, %6 lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The run has finished: reset it first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The run has not started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 declares no memory limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No worker of this scenario has a capability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This scenario has no job stream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No stream of this scenario takes locks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Injecting: %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>overseer::ui::SimulationSession</name>
    <message>
        <source>Simulation</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>overseer::ui::SummaryBar</name>
    <message>
        <source>Workers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Throughput</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dispatcher leader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;/min succeeded · %2/min dead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; held · &lt;span style=&apos;color:#d93b3b&apos;&gt;%2 overdue&lt;/span&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; held</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (token %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#e08a00&apos;&gt;none — no dispatcher is running&lt;/span&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>overseer::ui::WorkerChartsPanel</name>
    <message>
        <source>CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory (MB)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select one or more workers to chart their CPU, memory and load.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History of the selected workers (select several to compare them)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 5 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
