<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Age</name>
    <message>
        <source>%1 s ago</source>
        <translation>vor %1 s</translation>
    </message>
    <message>
        <source>%1 min ago</source>
        <translation>vor %1 min</translation>
    </message>
    <message>
        <source>%1 h ago</source>
        <translation>vor %1 h</translation>
    </message>
    <message>
        <source>%1 d ago</source>
        <translation>vor %1 d</translation>
    </message>
</context>
<context>
    <name>AlertMonitor</name>
    <message>
        <source>%1 (pid %2)</source>
        <translation>%1 (PID %2)</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1 und %2</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 und %n weiterer</numerusform>
            <numerusform>%1 und %n weitere</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> It holds %n job(s) that are not progressing.</source>
        <translation>
            <numerusform> Er hält %n Job, der nicht vorankommt.</numerusform>
            <numerusform> Er hält %n Jobs, die nicht vorankommen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Worker %1 has been silent for %2 and is still marked live</source>
        <translation>Worker %1 ist seit %2 stumm und gilt noch als aktiv</translation>
    </message>
    <message>
        <source>Its last heartbeat is %1 old, past the %2 after which a worker is declared dead and its jobs are recovered — yet nothing has reaped it.%3 Check that a dispatcher is running, or release the worker&apos;s jobs by hand.</source>
        <translation>Sein letzter Heartbeat ist %1 alt, länger als die %2, nach denen ein Worker für tot erklärt wird und seine Jobs zurückgeholt werden – doch niemand hat ihn abgeräumt.%3 Prüfen Sie, ob ein Dispatcher läuft, oder geben Sie die Jobs des Workers von Hand frei.</translation>
    </message>
    <message>
        <source>Worker %1 is stale: no heartbeat for %2</source>
        <translation>Worker %1 ist stumm: kein Heartbeat seit %2</translation>
    </message>
    <message>
        <source>Workers are stale after %1 without a heartbeat and get no new jobs; after %2 they are declared dead and their jobs recovered.%3 Check that the agent on %4 is running and can reach the database.</source>
        <translation>Worker gelten nach %1 ohne Heartbeat als stumm und erhalten keine neuen Jobs; nach %2 werden sie für tot erklärt und ihre Jobs zurückgeholt.%3 Prüfen Sie, ob der Agent auf %4 läuft und die Datenbank erreicht.</translation>
    </message>
    <message>
        <source>Worker %1 is at %2 CPU</source>
        <translation>Worker %1 hat %2 CPU-Last</translation>
    </message>
    <message>
        <source>At or above %1 CPU a worker counts as unhealthy and gets no new jobs. Look for a runaway job on %2, or start it with fewer max jobs.</source>
        <translation>Ab %1 CPU gilt ein Worker als ungesund und erhält keine neuen Jobs. Suchen Sie auf %2 nach einem außer Kontrolle geratenen Job, oder starten Sie den Worker mit weniger maximalen Jobs.</translation>
    </message>
    <message>
        <source>Worker %1 uses %2 of memory, over its %3 limit</source>
        <translation>Worker %1 belegt %2 Speicher, über seinem Limit von %3</translation>
    </message>
    <message>
        <source>A worker over its memory limit counts as unhealthy and gets no new jobs until it is back under it. Look for a job leaking memory on %1, or start the worker with a higher limit.</source>
        <translation>Ein Worker über seinem Speicherlimit gilt als ungesund und erhält keine neuen Jobs, bis er wieder darunter liegt. Suchen Sie auf %1 nach einem Job mit Speicherleck, oder starten Sie den Worker mit einem höheren Limit.</translation>
    </message>
    <message>
        <source>Lock %1 is overdue by %2 (held by %3)</source>
        <translation>Sperre %1 ist seit %2 überfällig (gehalten von %3)</translation>
    </message>
    <message>
        <source>Its lease ran out %1 ago and its holder has neither renewed nor released it: the holder may be stuck. The next acquire takes the lock over with a higher fencing token; force-release it from the Locks view if the holder is gone.</source>
        <translation>Die Lease ist vor %1 abgelaufen, und der Halter hat sie weder verlängert noch freigegeben: Er hängt vielleicht. Der nächste Anforderer übernimmt die Sperre mit einem höheren Fencing-Token; geben Sie sie in der Ansicht „Sperren“ zwangsweise frei, wenn der Halter weg ist.</translation>
    </message>
    <message>
        <source>No dispatcher is leading meanwhile, so no jobs are dispatched.</source>
        <translation>Währenddessen führt kein Dispatcher, daher werden keine Jobs verteilt.</translation>
    </message>
    <message>
        <source>%1 is %2</source>
        <translation>%1 ist %2</translation>
    </message>
    <message numerus="yes">
        <source>Queue %1 has %n waiting job(s) and no healthy worker to take them</source>
        <translation>
            <numerusform>Warteschlange %1 hat %n wartenden Job und keinen gesunden Worker dafür</numerusform>
            <numerusform>Warteschlange %1 hat %n wartende Jobs und keinen gesunden Worker dafür</numerusform>
        </translation>
    </message>
    <message>
        <source>No live worker serves %1. Start one with --queues %1.</source>
        <translation>Kein aktiver Worker bedient %1. Starten Sie einen mit --queues %1.</translation>
    </message>
    <message>
        <source>Of the workers serving %1, %2. Bring one back, or start another with --queues %1.</source>
        <translation>Von den Workern für %1: %2. Bringen Sie einen wieder in Gang, oder starten Sie einen weiteren mit --queues %1.</translation>
    </message>
    <message>
        <source>%1 does not serve %2</source>
        <translation>%1 bedient %2 nicht</translation>
    </message>
    <message>
        <source>%1 jobs need %2: no healthy worker has it (%3 waiting)</source>
        <translation>Jobs in %1 brauchen %2: kein gesunder Worker hat sie (%3 wartend)</translation>
    </message>
    <message>
        <source>%1 jobs need %2: no healthy worker has them all (%3 waiting)</source>
        <translation>Jobs in %1 brauchen %2: kein gesunder Worker hat alle (%3 wartend)</translation>
    </message>
    <message>
        <source>The healthy workers of %1 (%2) lack it.</source>
        <translation>Den gesunden Workern von %1 (%2) fehlt sie.</translation>
    </message>
    <message>
        <source>The healthy workers of %1 (%2) lack at least one of them.</source>
        <translation>Den gesunden Workern von %1 (%2) fehlt mindestens eine davon.</translation>
    </message>
    <message>
        <source>Workers that have it: %1.</source>
        <translation>Worker, die sie haben: %1.</translation>
    </message>
    <message>
        <source>Workers that have them all: %1.</source>
        <translation>Worker, die alle haben: %1.</translation>
    </message>
    <message>
        <source>Start a worker with --queues %1 --capabilities %2.</source>
        <translation>Starten Sie einen Worker mit --queues %1 --capabilities %2.</translation>
    </message>
    <message>
        <source>Start a worker with --queues %1 --capabilities %2, or make one of those eligible for %1.</source>
        <translation>Starten Sie einen Worker mit --queues %1 --capabilities %2, oder machen Sie einen der genannten für %1 geeignet.</translation>
    </message>
    <message>
        <source>stale worker</source>
        <translation>stummer Worker</translation>
    </message>
    <message>
        <source>unhealthy worker</source>
        <translation>ungesunder Worker</translation>
    </message>
    <message>
        <source>backlog growing</source>
        <translation>Rückstau wächst</translation>
    </message>
    <message>
        <source>lock overdue</source>
        <translation>Sperre überfällig</translation>
    </message>
    <message>
        <source>queue without worker</source>
        <translation>Warteschlange verwaist</translation>
    </message>
    <message>
        <source>capability without worker</source>
        <translation>Fähigkeit ohne Worker</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>kritisch</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Queue %1 is backing up: %2 → %3 waiting in %4</source>
        <translation>Warteschlange %1 staut sich: %2 → %3 wartend in %4</translation>
    </message>
    <message numerus="yes">
        <source>Its waiting jobs rose by %1 (%2 a minute) without falling once: jobs arrive faster than %n healthy worker(s) finish them. Add workers serving %3, or raise their max jobs.</source>
        <translation>
            <numerusform>Ihre wartenden Jobs stiegen um %1 (%2 pro Minute), ohne ein einziges Mal zu sinken: Jobs kommen schneller an, als %n gesunder Worker sie abarbeitet. Fügen Sie Worker für %3 hinzu, oder erhöhen Sie deren maximale Jobs.</numerusform>
            <numerusform>Ihre wartenden Jobs stiegen um %1 (%2 pro Minute), ohne ein einziges Mal zu sinken: Jobs kommen schneller an, als %n gesunde Worker sie abarbeiten. Fügen Sie Worker für %3 hinzu, oder erhöhen Sie deren maximale Jobs.</numerusform>
        </translation>
    </message>
    <message>
        <source>The queue is paused (by %1): nothing is dispatched from it until it is resumed.</source>
        <translation>Die Warteschlange ist angehalten (von %1): Bis sie fortgesetzt wird, wird nichts aus ihr verteilt.</translation>
    </message>
    <message>
        <source>an operator</source>
        <translation>einem Operator</translation>
    </message>
</context>
<context>
    <name>Countdown</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>in %1</translation>
    </message>
    <message>
        <source>overdue %1</source>
        <translation>Verzug: %1</translation>
    </message>
</context>
<context>
    <name>Health</name>
    <message>
        <source>healthy</source>
        <translation>gesund</translation>
    </message>
    <message>
        <source>draining</source>
        <translation>wird geleert</translation>
    </message>
    <message>
        <source>stale</source>
        <translation>stumm</translation>
    </message>
    <message>
        <source>cpu-critical</source>
        <translation>CPU kritisch</translation>
    </message>
    <message>
        <source>memory-over-limit</source>
        <translation>Speicher über Limit</translation>
    </message>
    <message>
        <source>inactive</source>
        <translation>inaktiv</translation>
    </message>
</context>
<context>
    <name>JobState</name>
    <message>
        <source>pending</source>
        <translation>wartend</translation>
    </message>
    <message>
        <source>assigned</source>
        <translation>zugewiesen</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>succeeded</source>
        <translation>erfolgreich</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>dead</source>
        <translation>tot</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>storniert</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Connected: schema version %1, ready.</source>
        <translation>Verbunden: Schemaversion %1, bereit.</translation>
    </message>
    <message>
        <source>Connected, but the database has no Overseer schema: run overseerctl migrate.</source>
        <translation>Verbunden, aber die Datenbank hat kein Overseer-Schema: Führen Sie overseerctl migrate aus.</translation>
    </message>
    <message>
        <source>Connected, but the schema is version %1 and this console needs %2.</source>
        <translation>Verbunden, aber das Schema hat Version %1 und diese Konsole braucht %2.</translation>
    </message>
    <message>
        <source>Cannot connect: %1</source>
        <translation>Verbindung nicht möglich: %1</translation>
    </message>
</context>
<context>
    <name>overseer::models::AlertTableModel</name>
    <message>
        <source>Severity</source>
        <translation>Schwere</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Seit</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Alarm</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>Was tun</translation>
    </message>
</context>
<context>
    <name>overseer::models::AuditTableModel</name>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>Akteur</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Begründung</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>overseer::models::CommandService</name>
    <message>
        <source>read-only: started with --read-only</source>
        <translation>schreibgeschützt: mit --read-only gestartet</translation>
    </message>
    <message>
        <source>read-only until the database answers: %1</source>
        <translation>schreibgeschützt, bis die Datenbank antwortet: %1</translation>
    </message>
    <message>
        <source>the database did not answer; nothing was changed</source>
        <translation>die Datenbank hat nicht geantwortet; nichts wurde geändert</translation>
    </message>
    <message>
        <source> — the action may not have been applied; check the view once the database is back</source>
        <translation> – die Aktion wurde vielleicht nicht ausgeführt; prüfen Sie die Ansicht, sobald die Datenbank wieder da ist</translation>
    </message>
    <message>
        <source>no worker with id %1</source>
        <translation>kein Worker mit ID %1</translation>
    </message>
    <message>
        <source>%1 is draining: %2 went back to pending for other workers</source>
        <translation>%1 wird geleert: %2 zurück in der Warteschlange für andere Worker</translation>
    </message>
    <message>
        <source>, %1 still running there</source>
        <translation>, dort noch laufend: %1</translation>
    </message>
    <message>
        <source>; no job is left on it</source>
        <translation>; darauf ist kein Job mehr</translation>
    </message>
    <message>
        <source>Released %1 of %2: pending again for other workers (it held %3, now %4)</source>
        <translation>%1 von %2 freigegeben: wieder wartend für andere Worker (hielt %3, jetzt %4)</translation>
    </message>
    <message>
        <source>job %1 does not exist (any more)</source>
        <translation>Job %1 existiert nicht (mehr)</translation>
    </message>
    <message>
        <source>an override of the eligibility rules needs a written reason; nothing was moved</source>
        <translation>das Übergehen der Eignungsregeln braucht eine schriftliche Begründung; nichts wurde verschoben</translation>
    </message>
    <message>
        <source>(override with a reason to move it anyway)</source>
        <translation>(mit Begründung übergehen, um trotzdem zu verschieben)</translation>
    </message>
    <message>
        <source>Moved %1 (%2) to %3%4</source>
        <translation>%1 (%2) nach %3 verschoben%4</translation>
    </message>
    <message>
        <source>, overriding the eligibility rules</source>
        <translation>, unter Übergehen der Eignungsregeln</translation>
    </message>
    <message>
        <source>No job was retried</source>
        <translation>Kein Job wurde wiederholt</translation>
    </message>
    <message>
        <source>Retried %1 (%2): pending again</source>
        <translation>%1 (%2) wiederholt: wieder wartend</translation>
    </message>
    <message>
        <source>No job was cancelled</source>
        <translation>Kein Job wurde storniert</translation>
    </message>
    <message>
        <source>Cancelled %1 (%2): they will not run</source>
        <translation>%1 (%2) storniert: sie werden nicht ausgeführt</translation>
    </message>
    <message>
        <source>Queue %1 paused: its %2 waiting are not dispatched until it is resumed</source>
        <translation>Warteschlange %1 angehalten: %2 wartend, bis zum Fortsetzen wird nichts verteilt</translation>
    </message>
    <message>
        <source>Queue %1 resumed: its %2 waiting are dispatched again</source>
        <translation>Warteschlange %1 fortgesetzt: %2 wartend, die Verteilung läuft wieder</translation>
    </message>
    <message>
        <source>force-releasing a lock needs a written reason; the lock is untouched</source>
        <translation>eine Zwangsfreigabe braucht eine schriftliche Begründung; die Sperre bleibt unverändert</translation>
    </message>
    <message>
        <source>Lock %1 released; it was held by %2 under token %3. The next holder gets a higher token</source>
        <translation>Sperre %1 freigegeben; sie wurde von %2 mit Token %3 gehalten. Der nächste Halter erhält ein höheres Token</translation>
    </message>
</context>
<context>
    <name>overseer::models::JobPageLoader</name>
    <message>
        <source>the job list is closed</source>
        <translation>die Jobliste ist geschlossen</translation>
    </message>
</context>
<context>
    <name>overseer::models::JobTableModel</name>
    <message>
        <source>Worker %1 on %2</source>
        <translation>Worker %1 auf %2</translation>
    </message>
    <message>
        <source>Worker %1 (no longer registered)</source>
        <translation>Worker %1 (nicht mehr registriert)</translation>
    </message>
    <message>
        <source>Available from %1</source>
        <translation>Verfügbar ab %1</translation>
    </message>
    <message>
        <source>retry %1</source>
        <translation>Wiederholung %1</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>bereit</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Warteschlange</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <source>Worker</source>
        <translation>Worker</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Verfügbar</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Letzter Fehler</translation>
    </message>
</context>
<context>
    <name>overseer::models::LockTableModel</name>
    <message>
        <source>The lease ran out %1 ago and nobody has taken the lock over. The holder may be stuck; the next acquire takes it (with a higher token).</source>
        <translation>Die Lease ist vor %1 abgelaufen, und niemand hat die Sperre übernommen. Der Halter hängt vielleicht; der nächste Anforderer übernimmt sie (mit einem höheren Token).</translation>
    </message>
    <message>
        <source>Fencing token: strictly increasing for this key, never reused. Writes carrying a lower token than one already seen must be refused.</source>
        <translation>Fencing-Token: für diesen Schlüssel streng steigend, nie wiederverwendet. Schreibzugriffe mit einem niedrigeren Token als einem schon gesehenen müssen abgewiesen werden.</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Halter</translation>
    </message>
    <message>
        <source>Owner host</source>
        <translation>Halter-Host</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Acquired</source>
        <translation>Erworben</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
</context>
<context>
    <name>overseer::models::QueueTableModel</name>
    <message numerus="yes">
        <source>No healthy worker serves this queue: its %n job(s) cannot run.</source>
        <translation>
            <numerusform>Kein gesunder Worker bedient diese Warteschlange: Ihr %n Job kann nicht laufen.</numerusform>
            <numerusform>Kein gesunder Worker bedient diese Warteschlange: Ihre %n Jobs können nicht laufen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Paused by %1; its jobs are not dispatched until it is resumed.</source>
        <translation>Angehalten von %1; ihre Jobs werden bis zum Fortsetzen nicht verteilt.</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>angehalten</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wartend</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>Zugewiesen</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Laufend</translation>
    </message>
    <message>
        <source>Oldest wait</source>
        <translation>Ältester Job</translation>
    </message>
    <message>
        <source>Healthy workers</source>
        <translation>Gesunde Worker</translation>
    </message>
</context>
<context>
    <name>overseer::models::WorkerTableModel</name>
    <message numerus="yes">
        <source>%n job(s) assigned by the database, of at most %1</source>
        <translation>
            <numerusform>%n Job von der Datenbank zugewiesen, von höchstens %1</numerusform>
            <numerusform>%n Jobs von der Datenbank zugewiesen, von höchstens %1</numerusform>
        </translation>
    </message>
    <message>
        <source>; the worker itself reports %1 (shown, not trusted)</source>
        <translation>; der Worker selbst meldet %1 (angezeigt, nicht maßgeblich)</translation>
    </message>
    <message>
        <source>Load = max(jobs / max jobs, CPU); a job goes to the eligible worker with the lowest load</source>
        <translation>Last = max(Jobs / max. Jobs, CPU); ein Job geht an den geeigneten Worker mit der geringsten Last</translation>
    </message>
    <message>
        <source>Last heartbeat at the database&apos;s time; stale after %1, dead after %2</source>
        <translation>Letzter Heartbeat nach Datenbankzeit; stumm nach %1, tot nach %2</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Queues</source>
        <translation>Warteschlangen</translation>
    </message>
    <message>
        <source>Capabilities</source>
        <translation>Fähigkeiten</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>Jobs</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>Last</translation>
    </message>
    <message>
        <source>Heartbeat</source>
        <translation>Heartbeat</translation>
    </message>
</context>
<context>
    <name>overseer::ui::ActionDialog</name>
    <message>
        <source>as &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>als &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>The name written to the audit log ($OVERSEER_OPERATOR, or your login and host)</source>
        <translation>Der Name im Audit-Log ($OVERSEER_OPERATOR, sonst Ihr Login und Host)</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Begründung:</translation>
    </message>
    <message>
        <source>Why (optional; goes to the audit log)</source>
        <translation>Warum (optional; kommt ins Audit-Log)</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Anwenden</translation>
    </message>
    <message>
        <source>&amp;Reason (required):</source>
        <translation>&amp;Begründung (Pflicht):</translation>
    </message>
    <message>
        <source>Type a reason first: it goes to the audit log</source>
        <translation>Erst eine Begründung eingeben: Sie kommt ins Audit-Log</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Wird ausgeführt…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>overseer::ui::AlertsView</name>
    <message>
        <source>No alerts: every live worker is healthy, no lock is overdue, no backlog is growing and every waiting job has a worker that can take it.</source>
        <translation>Keine Alarme: Jeder aktive Worker ist gesund, keine Sperre ist überfällig, kein Rückstau wächst und jeder wartende Job hat einen Worker, der ihn übernehmen kann.</translation>
    </message>
    <message>
        <source>Select an alert to see what to do about it.</source>
        <translation>Wählen Sie einen Alarm, um zu sehen, was zu tun ist.</translation>
    </message>
    <message numerus="yes">
        <source>Overseer: %n alert(s)</source>
        <translation>
            <numerusform>Overseer: %n Alarm</numerusform>
            <numerusform>Overseer: %n Alarme</numerusform>
        </translation>
    </message>
    <message>
        <source>Overseer: no alerts</source>
        <translation>Overseer: keine Alarme</translation>
    </message>
    <message>
        <source>Ale&amp;rts</source>
        <translation>Ala&amp;rme</translation>
    </message>
    <message>
        <source>Ale&amp;rts (%1)</source>
        <translation>Ala&amp;rme (%1)</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more in the Alerts tab</source>
        <translation>
            <numerusform>… und %n weiterer im Reiter „Alarme“</numerusform>
            <numerusform>… und %n weitere im Reiter „Alarme“</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new alert(s)</source>
        <translation>
            <numerusform>%n neuer Alarm</numerusform>
            <numerusform>%n neue Alarme</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>overseer::ui::AuditView</name>
    <message>
        <source>Actor contains…</source>
        <translation>Akteur enthält…</translation>
    </message>
    <message>
        <source>Any action</source>
        <translation>Jede Aktion</translation>
    </message>
    <message>
        <source>Target contains… (worker:, job:42, lock:, queue:)</source>
        <translation>Ziel enthält… (worker:, job:42, lock:, queue:)</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>Beliebige Zeit</translation>
    </message>
    <message>
        <source>Last 15 minutes</source>
        <translation>Letzte 15 Minuten</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Letzte Stunde</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>1 matching entry</source>
        <translation>1 passender Eintrag</translation>
    </message>
    <message>
        <source>%1 matching entries</source>
        <translation>%1 passende Einträge</translation>
    </message>
    <message>
        <source>the newest entry</source>
        <translation>der neueste Eintrag</translation>
    </message>
    <message>
        <source>the newest %1 entries</source>
        <translation>die neuesten %1 Einträge</translation>
    </message>
    <message>
        <source> (the newest %1)</source>
        <translation> (die neuesten %1)</translation>
    </message>
    <message>
        <source> · not refreshed: %1</source>
        <translation> · nicht aktualisiert: %1</translation>
    </message>
</context>
<context>
    <name>overseer::ui::ChartsPanel</name>
    <message>
        <source>Cluster load</source>
        <translation>Cluster-Last</translation>
    </message>
    <message>
        <source>Throughput (jobs per minute)</source>
        <translation>Durchsatz (Jobs pro Minute)</translation>
    </message>
    <message>
        <source>Workers</source>
        <translation>Worker</translation>
    </message>
    <message>
        <source>Queue depth (waiting jobs)</source>
        <translation>Warteschlangentiefe (wartende Jobs)</translation>
    </message>
    <message>
        <source>5 min</source>
        <translation>5 min</translation>
    </message>
    <message>
        <source>1 h</source>
        <translation>1 h</translation>
    </message>
    <message>
        <source>24 h</source>
        <translation>24 h</translation>
    </message>
    <message>
        <source>Show the last %1</source>
        <translation>Zeitraum %1 anzeigen</translation>
    </message>
    <message>
        <source>no data in this window yet</source>
        <translation>noch keine Daten in diesem Zeitraum</translation>
    </message>
    <message>
        <source>Average worker load</source>
        <translation>Mittlere Worker-Last</translation>
    </message>
    <message>
        <source>Job slots in use</source>
        <translation>Belegte Job-Slots</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Erfolgreich</translation>
    </message>
    <message>
        <source>Dead</source>
        <translation>Tot</translation>
    </message>
    <message>
        <source>Healthy</source>
        <translation>Gesund</translation>
    </message>
    <message>
        <source>Unhealthy</source>
        <translation>Ungesund</translation>
    </message>
    <message>
        <source>the %1 deepest of %2 queues</source>
        <translation>die %1 längsten von %2 Warteschlangen</translation>
    </message>
    <message>
        <source>Recorded history since %1, then live every poll.</source>
        <translation>Aufgezeichneter Verlauf seit %1, danach live bei jeder Abfrage.</translation>
    </message>
    <message>
        <source>No recorded history in the database yet: the charts show what this window has seen. A running &quot;overseerctl dispatch&quot; records history for every console.</source>
        <translation>Noch kein aufgezeichneter Verlauf in der Datenbank: Die Diagramme zeigen, was dieses Fenster gesehen hat. Ein laufendes „overseerctl dispatch“ zeichnet den Verlauf für jede Konsole auf.</translation>
    </message>
</context>
<context>
    <name>overseer::ui::ConnectionDialog</name>
    <message>
        <source>Remember in libpq&apos;s password file (~/.pgpass)</source>
        <translation>In der Passwortdatei von libpq speichern (~/.pgpass)</translation>
    </message>
    <message>
        <source>&amp;Test</source>
        <translation>&amp;Testen</translation>
    </message>
    <message>
        <source>Connect to a database</source>
        <translation>Mit einer Datenbank verbinden</translation>
    </message>
    <message>
        <source>Profile name (to save it)</source>
        <translation>Profilname (zum Speichern)</translation>
    </message>
    <message>
        <source>PostgreSQL only; leave empty to use ~/.pgpass or PGPASSWORD</source>
        <translation>Nur PostgreSQL; leer lassen für ~/.pgpass oder PGPASSWORD</translation>
    </message>
    <message>
        <source>&amp;Profile</source>
        <translation>&amp;Profil</translation>
    </message>
    <message>
        <source>&amp;Database URL</source>
        <translation>&amp;Datenbank-URL</translation>
    </message>
    <message>
        <source>Pass&amp;word</source>
        <translation>Pass&amp;wort</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>A password only applies to PostgreSQL.</source>
        <translation>Ein Passwort gilt nur für PostgreSQL.</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbinde mit %1…</translation>
    </message>
</context>
<context>
    <name>overseer::ui::ConsoleActions</name>
    <message>
        <source>checking whether this database can be written…</source>
        <translation>prüfe, ob diese Datenbank beschreibbar ist…</translation>
    </message>
    <message>
        <source>&amp;Drain worker…</source>
        <translation>Worker &amp;leeren…</translation>
    </message>
    <message>
        <source>Re&amp;lease its jobs…</source>
        <translation>Alle Jobs &amp;freigeben…</translation>
    </message>
    <message>
        <source>&amp;Reassign jobs…</source>
        <translation>Jobs neu &amp;zuweisen…</translation>
    </message>
    <message>
        <source>Re&amp;try jobs…</source>
        <translation>Jobs &amp;wiederholen…</translation>
    </message>
    <message>
        <source>&amp;Cancel jobs…</source>
        <translation>Jobs &amp;stornieren…</translation>
    </message>
    <message>
        <source>&amp;Pause queue…</source>
        <translation>Warteschlange &amp;anhalten…</translation>
    </message>
    <message>
        <source>&amp;Force-release lock…</source>
        <translation>Sperre zwangsweise frei&amp;geben…</translation>
    </message>
    <message>
        <source>Select a worker first</source>
        <translation>Erst einen Worker auswählen</translation>
    </message>
    <message>
        <source>%1 is inactive: release its jobs instead</source>
        <translation>%1 ist inaktiv: Geben Sie stattdessen seine Jobs frei</translation>
    </message>
    <message>
        <source>%1 is already drained: it holds no job</source>
        <translation>%1 ist bereits geleert: Er hält keinen Job</translation>
    </message>
    <message>
        <source>%1 holds no job: there is nothing to release</source>
        <translation>%1 hält keinen Job: Es gibt nichts freizugeben</translation>
    </message>
    <message>
        <source>Select one or more jobs first</source>
        <translation>Erst einen oder mehrere Jobs auswählen</translation>
    </message>
    <message>
        <source>Only pending, failed or assigned jobs can be moved</source>
        <translation>Nur wartende, fehlgeschlagene oder zugewiesene Jobs lassen sich verschieben</translation>
    </message>
    <message>
        <source>Only failed, dead or cancelled jobs can be retried</source>
        <translation>Nur fehlgeschlagene, tote oder stornierte Jobs lassen sich wiederholen</translation>
    </message>
    <message>
        <source>Finished jobs cannot be cancelled</source>
        <translation>Beendete Jobs lassen sich nicht stornieren</translation>
    </message>
    <message>
        <source>&amp;Resume queue…</source>
        <translation>Warteschlange fo&amp;rtsetzen…</translation>
    </message>
    <message>
        <source>Select a queue first</source>
        <translation>Erst eine Warteschlange auswählen</translation>
    </message>
    <message>
        <source>Select a held lock first</source>
        <translation>Erst eine gehaltene Sperre auswählen</translation>
    </message>
    <message numerus="yes">
        <source>Retry %n job(s)</source>
        <translation>
            <numerusform>%n Job wiederholen</numerusform>
            <numerusform>%n Jobs wiederholen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Retry %n job(s) (ids %1)? They go back to pending and run again; a job out of attempts gets one more.</source>
        <translation>
            <numerusform>%n Job (ID %1) wiederholen? Er geht zurück in die Warteschlange und läuft erneut; hat er keine Versuche mehr, erhält er einen weiteren.</numerusform>
            <numerusform>%n Jobs (IDs %1) wiederholen? Sie gehen zurück in die Warteschlange und laufen erneut; ein Job ohne Versuche erhält einen weiteren.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Retry %n job(s)</source>
        <translation>
            <numerusform>%n Job &amp;wiederholen</numerusform>
            <numerusform>%n Jobs &amp;wiederholen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancel %n job(s)</source>
        <translation>
            <numerusform>%n Job stornieren</numerusform>
            <numerusform>%n Jobs stornieren</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancel %n job(s) (ids %1)? They will not run.</source>
        <translation>
            <numerusform>%n Job (ID %1) stornieren? Er wird nicht ausgeführt.</numerusform>
            <numerusform>%n Jobs (IDs %1) stornieren? Sie werden nicht ausgeführt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Cancel %n job(s)</source>
        <translation>
            <numerusform>%n Job &amp;stornieren</numerusform>
            <numerusform>%n Jobs &amp;stornieren</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n job(s)</source>
        <translation>
            <numerusform>%n Job</numerusform>
            <numerusform>%n Jobs</numerusform>
        </translation>
    </message>
    <message>
        <source>Resume queue %1</source>
        <translation>Warteschlange %1 fortsetzen</translation>
    </message>
    <message>
        <source>Resume queue %1? Its %2 waiting are dispatched again.</source>
        <translation>Warteschlange %1 fortsetzen? Wartend: %2 – sie werden wieder verteilt.</translation>
    </message>
    <message>
        <source>&amp;Resume %1</source>
        <translation>%1 fo&amp;rtsetzen</translation>
    </message>
    <message>
        <source>Pause queue %1</source>
        <translation>Warteschlange %1 anhalten</translation>
    </message>
    <message>
        <source>Pause queue %1? Its %2 waiting are not dispatched until it is resumed; jobs already assigned or running carry on.</source>
        <translation>Warteschlange %1 anhalten? Wartend: %2 – bis zum Fortsetzen wird nichts davon verteilt; schon zugewiesene oder laufende Jobs laufen weiter.</translation>
    </message>
    <message>
        <source>&amp;Pause %1</source>
        <translation>%1 &amp;anhalten</translation>
    </message>
    <message>
        <source>&amp;Keep them</source>
        <translation>Be&amp;halten</translation>
    </message>
</context>
<context>
    <name>overseer::ui::DrainWorkerDialog</name>
    <message>
        <source>%1 (pid %2)</source>
        <translation>%1 (PID %2)</translation>
    </message>
    <message>
        <source>Drain worker %1</source>
        <translation>Worker %1 leeren</translation>
    </message>
    <message>
        <source>&lt;b&gt;Drain %1&lt;/b&gt;: it takes no new jobs, and its queued (assigned) jobs go back to pending for other workers. It holds %2 of %3 jobs now.</source>
        <translation>&lt;b&gt;%1 leeren&lt;/b&gt;: Er nimmt keine neuen Jobs an, und seine zugewiesenen Jobs gehen für andere Worker zurück in die Warteschlange. Er hält jetzt %2 von %3 Jobs.</translation>
    </message>
    <message>
        <source>&amp;Let running jobs finish on it</source>
        <translation>Laufende Jobs hier &amp;fertig laufen lassen</translation>
    </message>
    <message>
        <source>Release running jobs &amp;now (they start again on other workers)</source>
        <translation>Laufende Jobs &amp;sofort freigeben (sie starten auf anderen Workern neu)</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Job</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Warteschlange</translation>
    </message>
    <message>
        <source>Goes to</source>
        <translation>Geht an</translation>
    </message>
    <message>
        <source>Worker</source>
        <translation>Worker</translation>
    </message>
    <message>
        <source>Receives</source>
        <translation>Erhält</translation>
    </message>
    <message>
        <source>Jobs after</source>
        <translation>Jobs danach</translation>
    </message>
    <message>
        <source>Load after</source>
        <translation>Last danach</translation>
    </message>
    <message>
        <source>Where its jobs would go:</source>
        <translation>Wohin seine Jobs gingen:</translation>
    </message>
    <message>
        <source>Load on the workers that receive them:</source>
        <translation>Last auf den Workern, die sie erhalten:</translation>
    </message>
    <message>
        <source>&amp;Drain %1</source>
        <translation>%1 &amp;leeren</translation>
    </message>
    <message>
        <source>Computing the preview…</source>
        <translation>Vorschau wird berechnet…</translation>
    </message>
    <message>
        <source>The preview could not be computed: %1</source>
        <translation>Die Vorschau ließ sich nicht berechnen: %1</translation>
    </message>
    <message>
        <source>Cannot read the progress now: %1</source>
        <translation>Fortschritt derzeit nicht lesbar: %1</translation>
    </message>
    <message>
        <source>Computing preview…</source>
        <translation>Vorschau wird berechnet…</translation>
    </message>
    <message>
        <source>It has no queued job to hand over.</source>
        <translation>Er hat keinen zugewiesenen Job abzugeben.</translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) go back to pending: </source>
        <translation>
            <numerusform>%n Job geht zurück in die Warteschlange: </numerusform>
            <numerusform>%n Jobs gehen zurück in die Warteschlange: </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n would go to other workers</source>
        <translation>
            <numerusform>%n ginge an andere Worker</numerusform>
            <numerusform>%n gingen an andere Worker</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n would have nowhere to go and wait</source>
        <translation>
            <numerusform>, %n fände keinen Platz und wartete</numerusform>
            <numerusform>, %n fänden keinen Platz und warteten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n running job(s) stay until they finish.</source>
        <translation>
            <numerusform>%n laufender Job bleibt, bis er fertig ist.</numerusform>
            <numerusform>%n laufende Jobs bleiben, bis sie fertig sind.</numerusform>
        </translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <source>nowhere: %1</source>
        <translation>nirgends: %1</translation>
    </message>
    <message>
        <source>%1/%2 (now %3)</source>
        <translation>%1/%2 (jetzt %3)</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 is drained: no job is left on it.</source>
        <translation>%1 ist geleert: Kein Job ist mehr darauf.</translation>
    </message>
    <message numerus="yes">
        <source>%n running job(s) left on %1…</source>
        <translation>
            <numerusform>Noch %n laufender Job auf %1…</numerusform>
            <numerusform>Noch %n laufende Jobs auf %1…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>overseer::ui::ForceReleaseLockDialog</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>Force-release lock %1</source>
        <translation>Sperre %1 zwangsweise freigeben</translation>
    </message>
    <message>
        <source>&lt;b&gt;Force-release %1&lt;/b&gt;: the lock is freed whoever holds it. Its holder is not told; the next holder gets a higher fencing token, so writes fenced by the old token are refused.</source>
        <translation>&lt;b&gt;%1 zwangsweise freigeben&lt;/b&gt;: Die Sperre wird freigegeben, egal wer sie hält. Der Halter erfährt es nicht; der nächste Halter erhält ein höheres Fencing-Token, sodass Schreibzugriffe mit dem alten Token abgewiesen werden.</translation>
    </message>
    <message>
        <source>Reading the lock…</source>
        <translation>Sperre wird gelesen…</translation>
    </message>
    <message>
        <source>Why the lock is broken, e.g. &quot;worker-7 hung, ticket OPS-7&quot; (required; audited)</source>
        <translation>Warum, z. B. „worker-7 hängt, Ticket OPS-7“ (Pflicht; protokolliert)</translation>
    </message>
    <message>
        <source>&amp;Force-release</source>
        <translation>Zwangsweise &amp;freigeben</translation>
    </message>
    <message>
        <source>Nobody holds %1 now: there is nothing to release.</source>
        <translation>%1 wird gerade von niemandem gehalten: Es gibt nichts freizugeben.</translation>
    </message>
    <message>
        <source>Nobody holds the lock</source>
        <translation>Niemand hält die Sperre</translation>
    </message>
    <message>
        <source>%1 (worker on %2)</source>
        <translation>%1 (Worker auf %2)</translation>
    </message>
    <message>
        <source>Cannot read the lock now: %1</source>
        <translation>Sperre derzeit nicht lesbar: %1</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>Holder</source>
        <translation>Halter</translation>
    </message>
    <message>
        <source>Fencing token</source>
        <translation>Fencing-Token</translation>
    </message>
    <message>
        <source>Held for</source>
        <translation>Haltedauer</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>%1 (since %2)</source>
        <translation>%1 (seit %2)</translation>
    </message>
</context>
<context>
    <name>overseer::ui::JobsView</name>
    <message>
        <source>
… (%1 more characters)</source>
        <translation>
… (%1 weitere Zeichen)</translation>
    </message>
    <message>
        <source>Job id</source>
        <translation>Job-ID</translation>
    </message>
    <message>
        <source>All queues</source>
        <translation>Alle Warteschlangen</translation>
    </message>
    <message>
        <source>Any state</source>
        <translation>Jeder Status</translation>
    </message>
    <message>
        <source>All workers</source>
        <translation>Alle Worker</translation>
    </message>
    <message>
        <source>Type (exact)</source>
        <translation>Typ (exakt)</translation>
    </message>
    <message>
        <source>Newest first</source>
        <translation>Neueste zuerst</translation>
    </message>
    <message>
        <source>Oldest first</source>
        <translation>Älteste zuerst</translation>
    </message>
    <message>
        <source>Newer jobs arrived — show newest</source>
        <translation>Neuere Jobs da – neueste zeigen</translation>
    </message>
    <message>
        <source>Select a job to see its payload, last error, result and timestamps.</source>
        <translation>Wählen Sie einen Job, um Payload, letzten Fehler, Ergebnis und Zeitstempel zu sehen.</translation>
    </message>
    <message>
        <source>%1 jobs</source>
        <translation>%1 Jobs</translation>
    </message>
    <message>
        <source>%1+ jobs</source>
        <translation>%1+ Jobs</translation>
    </message>
    <message>
        <source>counting…</source>
        <translation>zähle…</translation>
    </message>
    <message>
        <source>%1 · %2 loaded</source>
        <translation>%1 · %2 geladen</translation>
    </message>
    <message>
        <source> · not refreshed: %1</source>
        <translation> · nicht aktualisiert: %1</translation>
    </message>
    <message>
        <source>Job %1</source>
        <translation>Job %1</translation>
    </message>
    <message>
        <source>attempt %1 of %2, queue %3, priority %4</source>
        <translation>Versuch %1 von %2, Warteschlange %3, Priorität %4</translation>
    </message>
    <message>
        <source>Worker</source>
        <translation>Worker</translation>
    </message>
    <message>
        <source>Needs</source>
        <translation>Braucht</translation>
    </message>
    <message>
        <source>Fencing token</source>
        <translation>Fencing-Token</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Verfügbar</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>Zugewiesen</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>Payload</source>
        <translation>Payload</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Letzter Fehler</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
</context>
<context>
    <name>overseer::ui::MainWindow</name>
    <message>
        <source>Overseer — %1</source>
        <translation>Overseer – %1</translation>
    </message>
    <message>
        <source>Cannot read the cluster: %1</source>
        <translation>Cluster nicht lesbar: %1</translation>
    </message>
    <message>
        <source>Last poll failed</source>
        <translation>Letzte Abfrage fehlgeschlagen</translation>
    </message>
    <message>
        <source>&amp;Workers</source>
        <translation>&amp;Worker</translation>
    </message>
    <message>
        <source>&amp;Queues</source>
        <translation>Warte&amp;schlangen</translation>
    </message>
    <message>
        <source>&amp;Jobs</source>
        <translation>&amp;Jobs</translation>
    </message>
    <message>
        <source>&amp;Locks</source>
        <translation>S&amp;perren</translation>
    </message>
    <message>
        <source>&amp;Audit</source>
        <translation>A&amp;udit</translation>
    </message>
    <message>
        <source>&amp;Charts</source>
        <translation>Dia&amp;gramme</translation>
    </message>
    <message>
        <source>Filter by host, id, queue or capability  (Ctrl+F)</source>
        <translation>Nach Host, ID, Warteschlange oder Fähigkeit filtern  (Strg+F)</translation>
    </message>
    <message>
        <source>All queues</source>
        <translation>Alle Warteschlangen</translation>
    </message>
    <message>
        <source>All capabilities</source>
        <translation>Alle Fähigkeiten</translation>
    </message>
    <message>
        <source>Any state</source>
        <translation>Jeder Status</translation>
    </message>
    <message>
        <source>Select a worker to see its details.</source>
        <translation>Wählen Sie einen Worker, um seine Details zu sehen.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Connect to…</source>
        <translation>&amp;Verbinden mit…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Refresh now</source>
        <translation>&amp;Jetzt aktualisieren</translation>
    </message>
    <message>
        <source>&amp;Pause live updates</source>
        <translation>Live-Updates &amp;pausieren</translation>
    </message>
    <message>
        <source>Poll &amp;interval</source>
        <translation>Abfrage&amp;intervall</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Design</translation>
    </message>
    <message>
        <source>Follow the &amp;system</source>
        <translation>&amp;System folgen</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Hell</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Dunkel</translation>
    </message>
    <message>
        <source>&amp;Filter workers</source>
        <translation>Worker &amp;filtern</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Queues</source>
        <translation>Warteschlangen</translation>
    </message>
    <message>
        <source>Capabilities</source>
        <translation>Fähigkeiten</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>Jobs</translation>
    </message>
    <message>
        <source>%1 of %2 assigned by the database; the worker reports %3</source>
        <translation>%1 von %2 von der Datenbank zugewiesen; der Worker meldet %3</translation>
    </message>
    <message>
        <source>CPU / memory</source>
        <translation>CPU / Speicher</translation>
    </message>
    <message>
        <source> of %1 allowed</source>
        <translation> von %1 erlaubt</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Registriert</translation>
    </message>
    <message>
        <source>Last heartbeat</source>
        <translation>Letzter Heartbeat</translation>
    </message>
    <message>
        <source>%1 (pid %2)</source>
        <translation>%1 (PID %2)</translation>
    </message>
    <message>
        <source>Database unreachable — the figures below are from %1 and are not live. Reconnecting automatically… (%2)</source>
        <translation>Datenbank nicht erreichbar – die Zahlen unten stammen von %1 und sind nicht live. Automatische Neuverbindung… (%2)</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>Database: %1%2</source>
        <translation>Datenbank: %1%2</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>Getrennt</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
    <message>
        <source>Last refresh %1 s ago (%2 ms)</source>
        <translation>Letzte Aktualisierung vor %1 s (%2 ms)</translation>
    </message>
    <message>
        <source>Live updates paused (Ctrl+P)</source>
        <translation>Live-Updates pausiert (Strg+P)</translation>
    </message>
    <message>
        <source>Every %1 s</source>
        <translation>Intervall: %1 s</translation>
    </message>
    <message>
        <source>Overseer — Simulation: %1</source>
        <translation>Overseer – Simulation: %1</translation>
    </message>
    <message>
        <source>Simulation: %1 — virtual time, database %2</source>
        <translation>Simulation: %1 – virtuelle Zeit, Datenbank %2</translation>
    </message>
</context>
<context>
    <name>overseer::ui::ReassignJobsDialog</name>
    <message numerus="yes">
        <source>Reassign %n job(s)</source>
        <translation>
            <numerusform>%n Job neu zuweisen</numerusform>
            <numerusform>%n Jobs neu zuweisen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;Move %n job(s)&lt;/b&gt; (ids %1) to the worker chosen below. The best eligible worker is chosen for you.</source>
        <translation>
            <numerusform>&lt;b&gt;%n Job&lt;/b&gt; (ID %1) auf den unten gewählten Worker verschieben. Der beste geeignete Worker ist vorausgewählt.</numerusform>
            <numerusform>&lt;b&gt;%n Jobs&lt;/b&gt; (IDs %1) auf den unten gewählten Worker verschieben. Der beste geeignete Worker ist vorausgewählt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Worker</source>
        <translation>Worker</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Punktzahl</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>Last</translation>
    </message>
    <message>
        <source>Free slots</source>
        <translation>Freie Slots</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Bewertung</translation>
    </message>
    <message>
        <source>Computing the candidates…</source>
        <translation>Kandidaten werden ermittelt…</translation>
    </message>
    <message>
        <source>&amp;Override the eligibility rules for this worker (needs a reason; audited)</source>
        <translation>&amp;Eignungsregeln für diesen Worker übergehen (braucht Begründung; wird protokolliert)</translation>
    </message>
    <message>
        <source>&amp;Reassign</source>
        <translation>Neu &amp;zuweisen</translation>
    </message>
    <message>
        <source>The candidates could not be read: %1</source>
        <translation>Die Kandidaten ließen sich nicht lesen: %1</translation>
    </message>
    <message>
        <source>%1 (pid %2)</source>
        <translation>%1 (PID %2)</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>best</source>
        <translation>beste Wahl</translation>
    </message>
    <message>
        <source>eligible</source>
        <translation>geeignet</translation>
    </message>
    <message>
        <source>None of these jobs can be moved.</source>
        <translation>Keiner dieser Jobs lässt sich verschieben.</translation>
    </message>
    <message>
        <source>None of these jobs can be moved</source>
        <translation>Keiner dieser Jobs lässt sich verschieben</translation>
    </message>
    <message>
        <source>Choose a worker.</source>
        <translation>Wählen Sie einen Worker.</translation>
    </message>
    <message>
        <source>No worker is eligible for these jobs. Choose one and override the rules with a reason, or wait for a worker.</source>
        <translation>Kein Worker ist für diese Jobs geeignet. Wählen Sie einen und übergehen Sie die Regeln mit Begründung, oder warten Sie auf einen Worker.</translation>
    </message>
    <message>
        <source>Choose a worker first</source>
        <translation>Erst einen Worker wählen</translation>
    </message>
    <message>
        <source>&amp;Reassign to %1</source>
        <translation>Neu &amp;zuweisen an %1</translation>
    </message>
    <message>
        <source>Why (optional; goes to the audit log)</source>
        <translation>Warum (optional; kommt ins Audit-Log)</translation>
    </message>
    <message>
        <source>%1 is the best eligible worker (score %2).</source>
        <translation>%1 ist der beste geeignete Worker (Punktzahl %2).</translation>
    </message>
    <message>
        <source>%1 is eligible (score %2).</source>
        <translation>%1 ist geeignet (Punktzahl %2).</translation>
    </message>
    <message>
        <source>%1 is not eligible: %2.</source>
        <translation>%1 ist nicht geeignet: %2.</translation>
    </message>
    <message>
        <source>Why the rules are overridden (required; audited)</source>
        <translation>Warum die Regeln übergangen werden (Pflicht; wird protokolliert)</translation>
    </message>
    <message>
        <source>%1 cannot take them: %2. This is never overridden.</source>
        <translation>%1 kann sie nicht übernehmen: %2. Das lässt sich nie übergehen.</translation>
    </message>
    <message>
        <source>%1 cannot take them: %2</source>
        <translation>%1 kann sie nicht übernehmen: %2</translation>
    </message>
</context>
<context>
    <name>overseer::ui::ReleaseWorkerDialog</name>
    <message>
        <source>Release the jobs of %1</source>
        <translation>Jobs von %1 freigeben</translation>
    </message>
    <message>
        <source>inactive</source>
        <translation>inaktiv</translation>
    </message>
    <message>
        <source>draining</source>
        <translation>wird geleert</translation>
    </message>
    <message>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>&lt;b&gt;Release every job of %1 (pid %2, %3)&lt;/b&gt;: its assigned and running jobs go back to pending now, with the attempt given back, and other workers take them. A worker that is still active is left draining so that they do not come straight back.</source>
        <translation>&lt;b&gt;Alle Jobs von %1 (PID %2, %3) freigeben&lt;/b&gt;: Seine zugewiesenen und laufenden Jobs gehen sofort zurück in die Warteschlange, der Versuch wird zurückgegeben, und andere Worker übernehmen sie. Ein noch aktiver Worker wird dabei geleert, damit sie nicht gleich zu ihm zurückkommen.</translation>
    </message>
    <message>
        <source>Counting its jobs…</source>
        <translation>Seine Jobs werden gezählt…</translation>
    </message>
    <message>
        <source>&amp;Release jobs</source>
        <translation>Jobs &amp;freigeben</translation>
    </message>
    <message numerus="yes">
        <source>It holds %n job(s) now: </source>
        <translation>
            <numerusform>Er hält jetzt %n Job: </numerusform>
            <numerusform>Er hält jetzt %n Jobs: </numerusform>
        </translation>
    </message>
    <message>
        <source>%1 assigned, %2 running.</source>
        <translation>%1 zugewiesen, %2 laufend.</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Release %n job(s)</source>
        <translation>
            <numerusform>%n Job &amp;freigeben</numerusform>
            <numerusform>%n Jobs &amp;freigeben</numerusform>
        </translation>
    </message>
    <message>
        <source>It holds no job: there is nothing to release</source>
        <translation>Er hält keinen Job: Es gibt nichts freizugeben</translation>
    </message>
    <message>
        <source>Cannot count its jobs now: %1</source>
        <translation>Seine Jobs sind derzeit nicht zählbar: %1</translation>
    </message>
</context>
<context>
    <name>overseer::ui::SimulationPanel</name>
    <message>
        <source>The simulation stopped: %1</source>
        <translation>Die Simulation wurde beendet: %1</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>Szenario</translation>
    </message>
    <message>
        <source>A built-in scenario; choosing one starts a new run of it</source>
        <translation>Ein eingebautes Szenario; die Auswahl startet einen neuen Lauf</translation>
    </message>
    <message>
        <source>Open scenario file…</source>
        <translation>Szenariodatei öffnen…</translation>
    </message>
    <message>
        <source>Run a scenario from a JSON file (docs/simulation.md describes the format)</source>
        <translation>Ein Szenario aus einer JSON-Datei ausführen (das Format beschreibt docs/simulation.md)</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>Virtual seconds per second; &quot;max&quot; runs as fast as the database allows</source>
        <translation>Virtuelle Sekunden pro Sekunde; „max“ läuft so schnell, wie die Datenbank es zulässt</translation>
    </message>
    <message>
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
    <message>
        <source>max</source>
        <translation>max</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Start this scenario again from the beginning, on a fresh database</source>
        <translation>Dieses Szenario von vorn starten, auf einer frischen Datenbank</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Tempo</translation>
    </message>
    <message>
        <source>Enqueued</source>
        <translation>Eingereiht</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Erfolgreich</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Laufend</translation>
    </message>
    <message>
        <source>Workers alive</source>
        <translation>Lebende Worker</translation>
    </message>
    <message>
        <source>Violations</source>
        <translation>Verstöße</translation>
    </message>
    <message>
        <source>Capability, capacity and lock violations: a job on a worker without a required capability, a worker past its maximum, two holders of one lock. Always 0 when the core is right.</source>
        <translation>Verstöße bei Fähigkeiten, Kapazität und Sperren: ein Job auf einem Worker ohne benötigte Fähigkeit, ein Worker über seinem Maximum, zwei Halter einer Sperre. Immer 0, wenn der Kern richtig arbeitet.</translation>
    </message>
    <message>
        <source>Faults</source>
        <translation>Störungen</translation>
    </message>
    <message>
        <source>The worker the worker faults hit; selecting a worker in the Workers view chooses it</source>
        <translation>Der Worker, den die Worker-Störungen treffen; ein in der Ansicht „Worker“ ausgewählter Worker wird übernommen</translation>
    </message>
    <message>
        <source>How long a fault lasts: a crashed worker comes back, heartbeats resume, CPU and memory return to normal</source>
        <translation>Wie lange eine Störung dauert: Ein abgestürzter Worker kommt zurück, Heartbeats setzen wieder ein, CPU und Speicher normalisieren sich</translation>
    </message>
    <message>
        <source>for good</source>
        <translation>dauerhaft</translation>
    </message>
    <message>
        <source>30 s</source>
        <translation>30 s</translation>
    </message>
    <message>
        <source>1 min</source>
        <translation>1 min</translation>
    </message>
    <message>
        <source>5 min</source>
        <translation>5 min</translation>
    </message>
    <message>
        <source>Worker</source>
        <translation>Worker</translation>
    </message>
    <message>
        <source>Lasting</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Crash</source>
        <translation>Absturz</translation>
    </message>
    <message>
        <source>The worker dies: no more heartbeats, its jobs never finish; the reaper must recover them</source>
        <translation>Der Worker stirbt: keine Heartbeats mehr, seine Jobs enden nie; der Reaper muss sie zurückholen</translation>
    </message>
    <message>
        <source>Stop heartbeats</source>
        <translation>Heartbeats stoppen</translation>
    </message>
    <message>
        <source>The worker goes on running its jobs but stops reporting</source>
        <translation>Der Worker arbeitet seine Jobs weiter ab, meldet sich aber nicht mehr</translation>
    </message>
    <message>
        <source>CPU spike</source>
        <translation>CPU-Spitze</translation>
    </message>
    <message>
        <source>The worker reports 99 % CPU: unhealthy, no new jobs</source>
        <translation>Der Worker meldet 99 % CPU: ungesund, keine neuen Jobs</translation>
    </message>
    <message>
        <source>Memory over limit</source>
        <translation>Speicher über Limit</translation>
    </message>
    <message>
        <source>The worker reports more memory than its declared limit: unhealthy</source>
        <translation>Der Worker meldet mehr Speicher als sein angegebenes Limit: ungesund</translation>
    </message>
    <message>
        <source>Region outage</source>
        <translation>Regionsausfall</translation>
    </message>
    <message>
        <source>Every worker with this capability crashes at once</source>
        <translation>Alle Worker mit dieser Fähigkeit stürzen gleichzeitig ab</translation>
    </message>
    <message>
        <source>How many jobs arrive at once</source>
        <translation>Wie viele Jobs auf einmal ankommen</translation>
    </message>
    <message>
        <source>Job burst</source>
        <translation>Job-Welle</translation>
    </message>
    <message>
        <source>This many jobs of the stream arrive at once</source>
        <translation>So viele Jobs des Streams kommen auf einmal an</translation>
    </message>
    <message>
        <source>Stuck lock</source>
        <translation>Hängende Sperre</translation>
    </message>
    <message>
        <source>A holder takes this lock and dies: its lease must expire and another holder take over with a higher fencing token</source>
        <translation>Ein Halter nimmt diese Sperre und stirbt: Ihre Lease muss ablaufen, und ein anderer Halter muss sie mit einem höheren Fencing-Token übernehmen</translation>
    </message>
    <message>
        <source>Capability</source>
        <translation>Fähigkeit</translation>
    </message>
    <message>
        <source>Stream</source>
        <translation>Stream</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Sperre</translation>
    </message>
    <message>
        <source>Timeline (also marked on the charts)</source>
        <translation>Zeitleiste (auch in den Diagrammen markiert)</translation>
    </message>
    <message>
        <source>Expectations</source>
        <translation>Erwartungen</translation>
    </message>
    <message>
        <source>%1 (from %2)</source>
        <translation>%1 (aus %2)</translation>
    </message>
    <message>
        <source>No description.</source>
        <translation>Keine Beschreibung.</translation>
    </message>
    <message>
        <source>%1 (queue %2)</source>
        <translation>%1 (Warteschlange %2)</translation>
    </message>
    <message>
        <source>Open a scenario</source>
        <translation>Szenario öffnen</translation>
    </message>
    <message>
        <source>Scenarios (*.json);;All files (*)</source>
        <translation>Szenarien (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1 lässt sich nicht öffnen: %2</translation>
    </message>
    <message>
        <source>%1 cannot run — %2%3</source>
        <translation>%1 kann nicht laufen – %2%3</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Virtual time: %1 UTC</source>
        <translation>Virtuelle Zeit: %1 UTC</translation>
    </message>
    <message>
        <source>Ready: press Play</source>
        <translation>Bereit: „Abspielen“ drücken</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Startet…</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <source>Streams stopped: finishing the work in flight</source>
        <translation>Streams gestoppt: laufende Arbeit wird abgeschlossen</translation>
    </message>
    <message>
        <source>Paused while finishing the work in flight</source>
        <translation>Pausiert beim Abschließen der laufenden Arbeit</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source> — %1× real time</source>
        <translation> – %1× Echtzeit</translation>
    </message>
    <message>
        <source>%1 (%2 dead)</source>
        <translation>%1 (%2 tot)</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Abspielen</translation>
    </message>
    <message>
        <source>Stop virtual time (Ctrl+Space)</source>
        <translation>Virtuelle Zeit anhalten (Strg+Leertaste)</translation>
    </message>
    <message>
        <source>Let virtual time run (Ctrl+Space)</source>
        <translation>Virtuelle Zeit laufen lassen (Strg+Leertaste)</translation>
    </message>
    <message>
        <source>Virtual time %1 UTC</source>
        <translation>Virtuelle Zeit %1 UTC</translation>
    </message>
    <message>
        <source>At %1: %2</source>
        <translation>Bei %1: %2</translation>
    </message>
    <message>
        <source>Refused — %1: %2</source>
        <translation>Abgelehnt – %1: %2</translation>
    </message>
    <message>
        <source>The run finished; the scenario states no expectations.</source>
        <translation>Der Lauf ist beendet; das Szenario nennt keine Erwartungen.</translation>
    </message>
    <message>
        <source>%1 of %2 expectations passed — %3 jobs enqueued, %4 succeeded, %5 dead, %6 lost</source>
        <translation>%1 von %2 Erwartungen erfüllt – %3 Jobs eingereiht, %4 erfolgreich, %5 tot, %6 verloren</translation>
    </message>
    <message>
        <source>The run has finished: reset it first</source>
        <translation>Der Lauf ist beendet: erst zurücksetzen</translation>
    </message>
    <message>
        <source>The run has not started</source>
        <translation>Der Lauf hat noch nicht begonnen</translation>
    </message>
    <message>
        <source>Choose a worker</source>
        <translation>Worker wählen</translation>
    </message>
    <message>
        <source>%1 declares no memory limit</source>
        <translation>%1 gibt kein Speicherlimit an</translation>
    </message>
    <message>
        <source>No worker of this scenario has a capability</source>
        <translation>Kein Worker dieses Szenarios hat eine Fähigkeit</translation>
    </message>
    <message>
        <source>This scenario has no job stream</source>
        <translation>Dieses Szenario hat keinen Job-Stream</translation>
    </message>
    <message>
        <source>No stream of this scenario takes locks</source>
        <translation>Kein Stream dieses Szenarios nimmt Sperren</translation>
    </message>
    <message>
        <source>Injecting: %1…</source>
        <translation>Wird ausgelöst: %1…</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>Jobs</translation>
    </message>
</context>
<context>
    <name>overseer::ui::SimulationSession</name>
    <message>
        <source>Simulation</source>
        <translation>Simulation</translation>
    </message>
</context>
<context>
    <name>overseer::ui::SummaryBar</name>
    <message>
        <source>Workers</source>
        <translation>Worker</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>Jobs</translation>
    </message>
    <message>
        <source>Throughput</source>
        <translation>Durchsatz</translation>
    </message>
    <message>
        <source>Locks</source>
        <translation>Sperren</translation>
    </message>
    <message>
        <source>Dispatcher leader</source>
        <translation>Dispatcher-Leader</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;/min succeeded · %2/min dead</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;/min erfolgreich · %2/min tot</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; held · &lt;span style=&apos;color:#d93b3b&apos;&gt;%2 overdue&lt;/span&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; gehalten · &lt;span style=&apos;color:#d93b3b&apos;&gt;%2 überfällig&lt;/span&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; held</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; gehalten</translation>
    </message>
    <message>
        <source>%1 (token %2)</source>
        <translation>%1 (Token %2)</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#e08a00&apos;&gt;none — no dispatcher is running&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#e08a00&apos;&gt;keiner – kein Dispatcher läuft&lt;/span&gt;</translation>
    </message>
</context>
<context>
    <name>overseer::ui::WorkerChartsPanel</name>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Memory (MB)</source>
        <translation>Speicher (MB)</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>Last</translation>
    </message>
    <message>
        <source>Select one or more workers to chart their CPU, memory and load.</source>
        <translation>Wählen Sie einen oder mehrere Worker, um CPU, Speicher und Last darzustellen.</translation>
    </message>
    <message>
        <source>History of the selected workers (select several to compare them)</source>
        <translation>Verlauf der gewählten Worker (mehrere wählen zum Vergleichen)</translation>
    </message>
    <message>
        <source>Last 5 minutes</source>
        <translation>Letzte 5 Minuten</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Letzte Stunde</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
</context>
</TS>
