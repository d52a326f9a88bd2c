<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>Age</name>
    <message>
        <source>%1 s ago</source>
        <translation>il y a %1 s</translation>
    </message>
    <message>
        <source>%1 min ago</source>
        <translation>il y a %1 min</translation>
    </message>
    <message>
        <source>%1 h ago</source>
        <translation>il y a %1 h</translation>
    </message>
    <message>
        <source>%1 d ago</source>
        <translation>il y a %1 j</translation>
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
        <translation>%1 et %2</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 et %n autre</numerusform>
            <numerusform>%1 et %n autres</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> It holds %n job(s) that are not progressing.</source>
        <translation>
            <numerusform> Il détient %n tâche qui n’avance pas.</numerusform>
            <numerusform> Il détient %n tâches qui n’avancent pas.</numerusform>
        </translation>
    </message>
    <message>
        <source>Worker %1 has been silent for %2 and is still marked live</source>
        <translation>Le worker %1 est silencieux depuis %2 et reste marqué actif</translation>
    </message>
    <message>
        <source>Its last heartbeat is %1 old, past the %2 after which a worker is declared dead and its jobs are recovered — yet nothing has reaped it.%3 Check that a dispatcher is running, or release the worker&apos;s jobs by hand.</source>
        <translation>Son dernier heartbeat date de %1, au-delà des %2 après lesquels un worker est déclaré mort et ses tâches récupérées — pourtant rien ne l’a nettoyé.%3 Vérifiez qu’un dispatcher tourne, ou libérez les tâches du worker à la main.</translation>
    </message>
    <message>
        <source>Worker %1 is stale: no heartbeat for %2</source>
        <translation>Worker %1 silencieux&#xa0;: aucun heartbeat depuis %2</translation>
    </message>
    <message>
        <source>Workers are stale after %1 without a heartbeat and get no new jobs; after %2 they are declared dead and their jobs recovered.%3 Check that the agent on %4 is running and can reach the database.</source>
        <translation>Un worker est silencieux après %1 sans heartbeat et ne reçoit plus de tâches&#x202f;; après %2 il est déclaré mort et ses tâches sont récupérées.%3 Vérifiez que l’agent sur %4 tourne et joint la base de données.</translation>
    </message>
    <message>
        <source>Worker %1 is at %2 CPU</source>
        <translation>Le worker %1 est à %2 de CPU</translation>
    </message>
    <message>
        <source>At or above %1 CPU a worker counts as unhealthy and gets no new jobs. Look for a runaway job on %2, or start it with fewer max jobs.</source>
        <translation>À partir de %1 de CPU, un worker est considéré comme dégradé et ne reçoit plus de tâches. Cherchez une tâche qui s’emballe sur %2, ou démarrez-le avec moins de tâches maximum.</translation>
    </message>
    <message>
        <source>Worker %1 uses %2 of memory, over its %3 limit</source>
        <translation>Le worker %1 utilise %2 de mémoire, au-delà de sa limite de %3</translation>
    </message>
    <message>
        <source>A worker over its memory limit counts as unhealthy and gets no new jobs until it is back under it. Look for a job leaking memory on %1, or start the worker with a higher limit.</source>
        <translation>Un worker au-delà de sa limite mémoire est considéré comme dégradé et ne reçoit plus de tâches jusqu’à repasser en dessous. Cherchez une tâche qui fuit de la mémoire sur %1, ou démarrez le worker avec une limite plus haute.</translation>
    </message>
    <message>
        <source>Lock %1 is overdue by %2 (held by %3)</source>
        <translation>Verrou %1 en retard de %2 (détenu par %3)</translation>
    </message>
    <message>
        <source>Its lease ran out %1 ago and its holder has neither renewed nor released it: the holder may be stuck. The next acquire takes the lock over with a higher fencing token; force-release it from the Locks view if the holder is gone.</source>
        <translation>Son bail a expiré il y a %1 et son détenteur ne l’a ni renouvelé ni libéré&#xa0;: il est peut-être bloqué. La prochaine acquisition reprend le verrou avec un jeton de fencing plus élevé&#x202f;; forcez sa libération depuis la vue Verrous si le détenteur a disparu.</translation>
    </message>
    <message>
        <source>No dispatcher is leading meanwhile, so no jobs are dispatched.</source>
        <translation>Entre-temps, aucun dispatcher n’est leader&#xa0;: aucune tâche n’est distribuée.</translation>
    </message>
    <message>
        <source>%1 is %2</source>
        <translation>%1 est %2</translation>
    </message>
    <message numerus="yes">
        <source>Queue %1 has %n waiting job(s) and no healthy worker to take them</source>
        <translation>
            <numerusform>File d’attente %1&#xa0;: %n tâche en attente, aucun worker sain pour la prendre</numerusform>
            <numerusform>File d’attente %1&#xa0;: %n tâches en attente, aucun worker sain pour les prendre</numerusform>
        </translation>
    </message>
    <message>
        <source>No live worker serves %1. Start one with --queues %1.</source>
        <translation>Aucun worker actif ne sert %1. Démarrez-en un avec --queues %1.</translation>
    </message>
    <message>
        <source>Of the workers serving %1, %2. Bring one back, or start another with --queues %1.</source>
        <translation>Parmi les workers qui servent %1&#xa0;: %2. Remettez-en un en état, ou démarrez-en un autre avec --queues %1.</translation>
    </message>
    <message>
        <source>%1 does not serve %2</source>
        <translation>%1 ne sert pas %2</translation>
    </message>
    <message>
        <source>%1 jobs need %2: no healthy worker has it (%3 waiting)</source>
        <translation>Les tâches de %1 exigent %2&#xa0;: aucun worker sain ne l’a (%3 en attente)</translation>
    </message>
    <message>
        <source>%1 jobs need %2: no healthy worker has them all (%3 waiting)</source>
        <translation>Les tâches de %1 exigent %2&#xa0;: aucun worker sain ne les a toutes (%3 en attente)</translation>
    </message>
    <message>
        <source>The healthy workers of %1 (%2) lack it.</source>
        <translation>Les workers sains de %1 (%2) ne l’ont pas.</translation>
    </message>
    <message>
        <source>The healthy workers of %1 (%2) lack at least one of them.</source>
        <translation>Il manque au moins l’une d’elles aux workers sains de %1 (%2).</translation>
    </message>
    <message>
        <source>Workers that have it: %1.</source>
        <translation>Workers qui l’ont&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Workers that have them all: %1.</source>
        <translation>Workers qui les ont toutes&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Start a worker with --queues %1 --capabilities %2.</source>
        <translation>Démarrez un worker avec --queues %1 --capabilities %2.</translation>
    </message>
    <message>
        <source>Start a worker with --queues %1 --capabilities %2, or make one of those eligible for %1.</source>
        <translation>Démarrez un worker avec --queues %1 --capabilities %2, ou rendez l’un de ceux-ci éligible pour %1.</translation>
    </message>
    <message>
        <source>stale worker</source>
        <translation>worker silencieux</translation>
    </message>
    <message>
        <source>unhealthy worker</source>
        <translation>worker dégradé</translation>
    </message>
    <message>
        <source>backlog growing</source>
        <translation>arriéré croissant</translation>
    </message>
    <message>
        <source>lock overdue</source>
        <translation>verrou en retard</translation>
    </message>
    <message>
        <source>queue without worker</source>
        <translation>file sans worker</translation>
    </message>
    <message>
        <source>capability without worker</source>
        <translation>capacité sans worker</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>critique</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>attention</translation>
    </message>
    <message>
        <source>Queue %1 is backing up: %2 → %3 waiting in %4</source>
        <translation>La file d’attente %1 s’engorge&#xa0;: %2 → %3 en attente en %4</translation>
    </message>
    <message numerus="yes">
        <source>Its waiting jobs rose by %1 (%2 a minute) without falling once: jobs arrive faster than %n healthy worker(s) finish them. Add workers serving %3, or raise their max jobs.</source>
        <translation>
            <numerusform>Ses tâches en attente ont augmenté de %1 (%2 par minute) sans jamais baisser&#xa0;: elles arrivent plus vite que %n worker sain ne les termine. Ajoutez des workers qui servent %3, ou augmentez leur nombre maximum de tâches.</numerusform>
            <numerusform>Ses tâches en attente ont augmenté de %1 (%2 par minute) sans jamais baisser&#xa0;: elles arrivent plus vite que %n workers sains ne les terminent. Ajoutez des workers qui servent %3, ou augmentez leur nombre maximum de tâches.</numerusform>
        </translation>
    </message>
    <message>
        <source>The queue is paused (by %1): nothing is dispatched from it until it is resumed.</source>
        <translation>La file d’attente est suspendue (par %1)&#xa0;: rien n’en est distribué jusqu’à sa reprise.</translation>
    </message>
    <message>
        <source>an operator</source>
        <translation>un opérateur</translation>
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
        <translation>dans %1</translation>
    </message>
    <message>
        <source>overdue %1</source>
        <translation>dépassé %1</translation>
    </message>
</context>
<context>
    <name>Health</name>
    <message>
        <source>healthy</source>
        <translation>sain</translation>
    </message>
    <message>
        <source>draining</source>
        <translation>en vidage</translation>
    </message>
    <message>
        <source>stale</source>
        <translation>muet</translation>
    </message>
    <message>
        <source>cpu-critical</source>
        <translation>CPU critique</translation>
    </message>
    <message>
        <source>memory-over-limit</source>
        <translation>mémoire dépassée</translation>
    </message>
    <message>
        <source>inactive</source>
        <translation>inactif</translation>
    </message>
</context>
<context>
    <name>JobState</name>
    <message>
        <source>pending</source>
        <translation>en attente</translation>
    </message>
    <message>
        <source>assigned</source>
        <translation>assignée</translation>
    </message>
    <message>
        <source>running</source>
        <translation>en cours</translation>
    </message>
    <message>
        <source>succeeded</source>
        <translation>réussie</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>échouée</translation>
    </message>
    <message>
        <source>dead</source>
        <translation>morte</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>annulée</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Connected: schema version %1, ready.</source>
        <translation>Connecté&#xa0;: schéma version %1, prêt.</translation>
    </message>
    <message>
        <source>Connected, but the database has no Overseer schema: run overseerctl migrate.</source>
        <translation>Connecté, mais la base n’a pas de schéma Overseer&#xa0;: lancez overseerctl migrate.</translation>
    </message>
    <message>
        <source>Connected, but the schema is version %1 and this console needs %2.</source>
        <translation>Connecté, mais le schéma est en version %1 et cette console exige la %2.</translation>
    </message>
    <message>
        <source>Cannot connect: %1</source>
        <translation>Connexion impossible&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>overseer::models::AlertTableModel</name>
    <message>
        <source>Severity</source>
        <translation>Gravité</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Depuis</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Alerte</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>Que faire</translation>
    </message>
</context>
<context>
    <name>overseer::models::AuditTableModel</name>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>Acteur</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Cible</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
</context>
<context>
    <name>overseer::models::CommandService</name>
    <message>
        <source>read-only: started with --read-only</source>
        <translation>lecture seule&#xa0;: lancé avec --read-only</translation>
    </message>
    <message>
        <source>read-only until the database answers: %1</source>
        <translation>lecture seule tant que la base ne répond pas&#xa0;: %1</translation>
    </message>
    <message>
        <source>the database did not answer; nothing was changed</source>
        <translation>la base n’a pas répondu&#x202f;; rien n’a été modifié</translation>
    </message>
    <message>
        <source> — the action may not have been applied; check the view once the database is back</source>
        <translation> — l’action n’a peut-être pas été appliquée&#x202f;; vérifiez la vue quand la base sera revenue</translation>
    </message>
    <message>
        <source>no worker with id %1</source>
        <translation>aucun worker avec l’id %1</translation>
    </message>
    <message>
        <source>%1 is draining: %2 went back to pending for other workers</source>
        <translation>Vidage de %1&#xa0;: %2 de nouveau en attente pour d’autres workers</translation>
    </message>
    <message>
        <source>, %1 still running there</source>
        <translation>, encore en cours dessus&#xa0;: %1</translation>
    </message>
    <message>
        <source>; no job is left on it</source>
        <translation>&#x202f;; plus aucune tâche dessus</translation>
    </message>
    <message>
        <source>Released %1 of %2: pending again for other workers (it held %3, now %4)</source>
        <translation>Libéré&#xa0;: %1 de %2, de nouveau en attente pour d’autres workers (il en détenait %3, maintenant %4)</translation>
    </message>
    <message>
        <source>job %1 does not exist (any more)</source>
        <translation>la tâche %1 n’existe pas (ou plus)</translation>
    </message>
    <message>
        <source>an override of the eligibility rules needs a written reason; nothing was moved</source>
        <translation>outrepasser les règles d’éligibilité exige un motif écrit&#x202f;; rien n’a été déplacé</translation>
    </message>
    <message>
        <source>(override with a reason to move it anyway)</source>
        <translation>(outrepassez avec un motif pour déplacer quand même)</translation>
    </message>
    <message>
        <source>Moved %1 (%2) to %3%4</source>
        <translation>Déplacé vers %3&#xa0;: %1 (%2)%4</translation>
    </message>
    <message>
        <source>, overriding the eligibility rules</source>
        <translation>, en outrepassant les règles d’éligibilité</translation>
    </message>
    <message>
        <source>No job was retried</source>
        <translation>Aucune tâche relancée</translation>
    </message>
    <message>
        <source>Retried %1 (%2): pending again</source>
        <translation>Relancé&#xa0;: %1 (%2), de nouveau en attente</translation>
    </message>
    <message>
        <source>No job was cancelled</source>
        <translation>Aucune tâche annulée</translation>
    </message>
    <message>
        <source>Cancelled %1 (%2): they will not run</source>
        <translation>Annulé&#xa0;: %1 (%2), rien ne s’exécutera</translation>
    </message>
    <message>
        <source>Queue %1 paused: its %2 waiting are not dispatched until it is resumed</source>
        <translation>File d’attente %1 suspendue&#xa0;: %2 en attente, rien n’est distribué jusqu’à sa reprise</translation>
    </message>
    <message>
        <source>Queue %1 resumed: its %2 waiting are dispatched again</source>
        <translation>File d’attente %1 reprise&#xa0;: %2 en attente, la distribution reprend</translation>
    </message>
    <message>
        <source>force-releasing a lock needs a written reason; the lock is untouched</source>
        <translation>forcer la libération d’un verrou exige un motif écrit&#x202f;; le verrou est intact</translation>
    </message>
    <message>
        <source>Lock %1 released; it was held by %2 under token %3. The next holder gets a higher token</source>
        <translation>Verrou %1 libéré&#x202f;; il était détenu par %2 avec le jeton %3. Le prochain détenteur aura un jeton plus élevé</translation>
    </message>
</context>
<context>
    <name>overseer::models::JobPageLoader</name>
    <message>
        <source>the job list is closed</source>
        <translation>la liste des tâches est fermée</translation>
    </message>
</context>
<context>
    <name>overseer::models::JobTableModel</name>
    <message>
        <source>Worker %1 on %2</source>
        <translation>Worker %1 sur %2</translation>
    </message>
    <message>
        <source>Worker %1 (no longer registered)</source>
        <translation>Worker %1 (plus enregistré)</translation>
    </message>
    <message>
        <source>Available from %1</source>
        <translation>Disponible à partir de %1</translation>
    </message>
    <message>
        <source>retry %1</source>
        <translation>relance %1</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>prête</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>File d’attente</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorité</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Tentatives</translation>
    </message>
    <message>
        <source>Worker</source>
        <translation>Worker</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Créée</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Disponible</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Dernière erreur</translation>
    </message>
</context>
<context>
    <name>overseer::models::LockTableModel</name>
    <message>
        <source>The lease ran out %1 ago and nobody has taken the lock over. The holder may be stuck; the next acquire takes it (with a higher token).</source>
        <translation>Le bail a expiré il y a %1 et personne n’a repris le verrou. Le détenteur est peut-être bloqué&#x202f;; la prochaine acquisition le reprend (avec un jeton plus élevé).</translation>
    </message>
    <message>
        <source>Fencing token: strictly increasing for this key, never reused. Writes carrying a lower token than one already seen must be refused.</source>
        <translation>Jeton de fencing&#xa0;: strictement croissant pour cette clé, jamais réutilisé. Les écritures portant un jeton inférieur à un jeton déjà vu doivent être refusées.</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Clé</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Détenteur</translation>
    </message>
    <message>
        <source>Owner host</source>
        <translation>Hôte</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Jeton</translation>
    </message>
    <message>
        <source>Acquired</source>
        <translation>Acquis</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Expiration</translation>
    </message>
</context>
<context>
    <name>overseer::models::QueueTableModel</name>
    <message numerus="yes">
        <source>No healthy worker serves this queue: its %n job(s) cannot run.</source>
        <translation>
            <numerusform>Aucun worker sain ne sert cette file d’attente&#xa0;: %n tâche ne peut pas s’exécuter.</numerusform>
            <numerusform>Aucun worker sain ne sert cette file d’attente&#xa0;: ses %n tâches ne peuvent pas s’exécuter.</numerusform>
        </translation>
    </message>
    <message>
        <source>Paused by %1; its jobs are not dispatched until it is resumed.</source>
        <translation>Suspendue par %1&#x202f;; ses tâches ne sont pas distribuées jusqu’à sa reprise.</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>suspendue</translation>
    </message>
    <message>
        <source>running</source>
        <translation>active</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>Assignées</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Oldest wait</source>
        <translation>Attente max.</translation>
    </message>
    <message>
        <source>Healthy workers</source>
        <translation>Workers sains</translation>
    </message>
</context>
<context>
    <name>overseer::models::WorkerTableModel</name>
    <message numerus="yes">
        <source>%n job(s) assigned by the database, of at most %1</source>
        <translation>
            <numerusform>%n tâche assignée par la base, sur %1 au plus</numerusform>
            <numerusform>%n tâches assignées par la base, sur %1 au plus</numerusform>
        </translation>
    </message>
    <message>
        <source>; the worker itself reports %1 (shown, not trusted)</source>
        <translation>&#x202f;; le worker lui-même en annonce %1 (affiché, pas pris en compte)</translation>
    </message>
    <message>
        <source>Load = max(jobs / max jobs, CPU); a job goes to the eligible worker with the lowest load</source>
        <translation>Charge = max(tâches / tâches max., CPU)&#x202f;; une tâche va au worker éligible le moins chargé</translation>
    </message>
    <message>
        <source>Last heartbeat at the database&apos;s time; stale after %1, dead after %2</source>
        <translation>Dernier heartbeat à l’heure de la base&#x202f;; silencieux après %1, mort après %2</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Hôte</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Queues</source>
        <translation>Files d’attente</translation>
    </message>
    <message>
        <source>Capabilities</source>
        <translation>Capacités</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>Tâches</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Mémoire</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>Charge</translation>
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
        <translation>en tant que &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>The name written to the audit log ($OVERSEER_OPERATOR, or your login and host)</source>
        <translation>Le nom inscrit au journal d’audit ($OVERSEER_OPERATOR, sinon votre login et hôte)</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Motif&#xa0;:</translation>
    </message>
    <message>
        <source>Why (optional; goes to the audit log)</source>
        <translation>Pourquoi (facultatif&#x202f;; va au journal d’audit)</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Appliquer</translation>
    </message>
    <message>
        <source>&amp;Reason (required):</source>
        <translation>&amp;Motif (obligatoire)&#xa0;:</translation>
    </message>
    <message>
        <source>Type a reason first: it goes to the audit log</source>
        <translation>Saisissez d’abord un motif&#xa0;: il va au journal d’audit</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>En cours…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>overseer::ui::AlertsView</name>
    <message>
        <source>No alerts: every live worker is healthy, no lock is overdue, no backlog is growing and every waiting job has a worker that can take it.</source>
        <translation>Aucune alerte&#xa0;: chaque worker actif est sain, aucun verrou n’est en retard, aucun arriéré ne grossit et chaque tâche en attente a un worker pour la prendre.</translation>
    </message>
    <message>
        <source>Select an alert to see what to do about it.</source>
        <translation>Sélectionnez une alerte pour voir que faire.</translation>
    </message>
    <message numerus="yes">
        <source>Overseer: %n alert(s)</source>
        <translation>
            <numerusform>Overseer&#xa0;: %n alerte</numerusform>
            <numerusform>Overseer&#xa0;: %n alertes</numerusform>
        </translation>
    </message>
    <message>
        <source>Overseer: no alerts</source>
        <translation>Overseer&#xa0;: aucune alerte</translation>
    </message>
    <message>
        <source>Ale&amp;rts</source>
        <translation>Ale&amp;rtes</translation>
    </message>
    <message>
        <source>Ale&amp;rts (%1)</source>
        <translation>Ale&amp;rtes (%1)</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more in the Alerts tab</source>
        <translation>
            <numerusform>… et %n autre dans l’onglet Alertes</numerusform>
            <numerusform>… et %n autres dans l’onglet Alertes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new alert(s)</source>
        <translation>
            <numerusform>%n nouvelle alerte</numerusform>
            <numerusform>%n nouvelles alertes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>overseer::ui::AuditView</name>
    <message>
        <source>Actor contains…</source>
        <translation>Acteur contient…</translation>
    </message>
    <message>
        <source>Any action</source>
        <translation>Toute action</translation>
    </message>
    <message>
        <source>Target contains… (worker:, job:42, lock:, queue:)</source>
        <translation>Cible contient… (worker:, job:42, lock:, queue:)</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>Toute période</translation>
    </message>
    <message>
        <source>Last 15 minutes</source>
        <translation>15 dernières minutes</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Dernière heure</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>24 dernières heures</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>7 derniers jours</translation>
    </message>
    <message>
        <source>1 matching entry</source>
        <translation>1 entrée correspondante</translation>
    </message>
    <message>
        <source>%1 matching entries</source>
        <translation>%1 entrées correspondantes</translation>
    </message>
    <message>
        <source>the newest entry</source>
        <translation>l’entrée la plus récente</translation>
    </message>
    <message>
        <source>the newest %1 entries</source>
        <translation>les %1 entrées les plus récentes</translation>
    </message>
    <message>
        <source> (the newest %1)</source>
        <translation> (les %1 plus récentes)</translation>
    </message>
    <message>
        <source> · not refreshed: %1</source>
        <translation> · non actualisé&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>overseer::ui::ChartsPanel</name>
    <message>
        <source>Cluster load</source>
        <translation>Charge du cluster</translation>
    </message>
    <message>
        <source>Throughput (jobs per minute)</source>
        <translation>Débit (tâches par minute)</translation>
    </message>
    <message>
        <source>Workers</source>
        <translation>Workers</translation>
    </message>
    <message>
        <source>Queue depth (waiting jobs)</source>
        <translation>Profondeur des files (tâches en attente)</translation>
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
        <translation>Afficher %1 d’historique</translation>
    </message>
    <message>
        <source>no data in this window yet</source>
        <translation>pas encore de données sur cette période</translation>
    </message>
    <message>
        <source>Average worker load</source>
        <translation>Charge moyenne des workers</translation>
    </message>
    <message>
        <source>Job slots in use</source>
        <translation>Emplacements de tâches occupés</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Réussies</translation>
    </message>
    <message>
        <source>Dead</source>
        <translation>Mortes</translation>
    </message>
    <message>
        <source>Healthy</source>
        <translation>Sains</translation>
    </message>
    <message>
        <source>Unhealthy</source>
        <translation>Dégradés</translation>
    </message>
    <message>
        <source>the %1 deepest of %2 queues</source>
        <translation>les %1 plus profondes des %2 files</translation>
    </message>
    <message>
        <source>Recorded history since %1, then live every poll.</source>
        <translation>Historique enregistré depuis %1, puis en direct à chaque interrogation.</translation>
    </message>
    <message>
        <source>No recorded history in the database yet: the charts show what this window has seen. A running &quot;overseerctl dispatch&quot; records history for every console.</source>
        <translation>Pas encore d’historique enregistré dans la base&#xa0;: les graphiques montrent ce que cette fenêtre a vu. Un «&#xa0;overseerctl dispatch&#xa0;» en cours enregistre l’historique pour toutes les consoles.</translation>
    </message>
</context>
<context>
    <name>overseer::ui::ConnectionDialog</name>
    <message>
        <source>Remember in libpq&apos;s password file (~/.pgpass)</source>
        <translation>Mémoriser dans le fichier de mots de passe de libpq (~/.pgpass)</translation>
    </message>
    <message>
        <source>&amp;Test</source>
        <translation>&amp;Tester</translation>
    </message>
    <message>
        <source>Connect to a database</source>
        <translation>Se connecter à une base de données</translation>
    </message>
    <message>
        <source>Profile name (to save it)</source>
        <translation>Nom du profil (pour l’enregistrer)</translation>
    </message>
    <message>
        <source>PostgreSQL only; leave empty to use ~/.pgpass or PGPASSWORD</source>
        <translation>PostgreSQL seulement&#x202f;; vide pour utiliser ~/.pgpass ou PGPASSWORD</translation>
    </message>
    <message>
        <source>&amp;Profile</source>
        <translation>&amp;Profil</translation>
    </message>
    <message>
        <source>&amp;Database URL</source>
        <translation>URL de la &amp;base</translation>
    </message>
    <message>
        <source>Pass&amp;word</source>
        <translation>&amp;Mot de passe</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>Se &amp;connecter</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>impossible d’écrire %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>A password only applies to PostgreSQL.</source>
        <translation>Un mot de passe ne s’applique qu’à PostgreSQL.</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Connexion à %1…</translation>
    </message>
</context>
<context>
    <name>overseer::ui::ConsoleActions</name>
    <message>
        <source>checking whether this database can be written…</source>
        <translation>vérification de l’accès en écriture à cette base…</translation>
    </message>
    <message>
        <source>&amp;Drain worker…</source>
        <translation>&amp;Vider le worker…</translation>
    </message>
    <message>
        <source>Re&amp;lease its jobs…</source>
        <translation>&amp;Libérer ses tâches…</translation>
    </message>
    <message>
        <source>&amp;Reassign jobs…</source>
        <translation>&amp;Réassigner les tâches…</translation>
    </message>
    <message>
        <source>Re&amp;try jobs…</source>
        <translation>Rela&amp;ncer les tâches…</translation>
    </message>
    <message>
        <source>&amp;Cancel jobs…</source>
        <translation>&amp;Annuler les tâches…</translation>
    </message>
    <message>
        <source>&amp;Pause queue…</source>
        <translation>&amp;Suspendre la file d’attente…</translation>
    </message>
    <message>
        <source>&amp;Force-release lock…</source>
        <translation>&amp;Forcer la libération du verrou…</translation>
    </message>
    <message>
        <source>Select a worker first</source>
        <translation>Sélectionnez d’abord un worker</translation>
    </message>
    <message>
        <source>%1 is inactive: release its jobs instead</source>
        <translation>%1 est inactif&#xa0;: libérez plutôt ses tâches</translation>
    </message>
    <message>
        <source>%1 is already drained: it holds no job</source>
        <translation>%1 est déjà vidé&#xa0;: il ne détient aucune tâche</translation>
    </message>
    <message>
        <source>%1 holds no job: there is nothing to release</source>
        <translation>%1 ne détient aucune tâche&#xa0;: rien à libérer</translation>
    </message>
    <message>
        <source>Select one or more jobs first</source>
        <translation>Sélectionnez d’abord une ou plusieurs tâches</translation>
    </message>
    <message>
        <source>Only pending, failed or assigned jobs can be moved</source>
        <translation>Seules les tâches en attente, en échec ou assignées peuvent être déplacées</translation>
    </message>
    <message>
        <source>Only failed, dead or cancelled jobs can be retried</source>
        <translation>Seules les tâches en échec, mortes ou annulées peuvent être relancées</translation>
    </message>
    <message>
        <source>Finished jobs cannot be cancelled</source>
        <translation>Les tâches terminées ne peuvent pas être annulées</translation>
    </message>
    <message>
        <source>&amp;Resume queue…</source>
        <translation>Re&amp;prendre la file d’attente…</translation>
    </message>
    <message>
        <source>Select a queue first</source>
        <translation>Sélectionnez d’abord une file d’attente</translation>
    </message>
    <message>
        <source>Select a held lock first</source>
        <translation>Sélectionnez d’abord un verrou détenu</translation>
    </message>
    <message numerus="yes">
        <source>Retry %n job(s)</source>
        <translation>
            <numerusform>Relancer %n tâche</numerusform>
            <numerusform>Relancer %n tâches</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Retry %n job(s) (ids %1)? They go back to pending and run again; a job out of attempts gets one more.</source>
        <translation>
            <numerusform>Relancer %n tâche (id %1)&#x202f;? Elle repasse en attente et s’exécute à nouveau&#x202f;; sans tentative restante, elle en reçoit une de plus.</numerusform>
            <numerusform>Relancer %n tâches (ids %1)&#x202f;? Elles repassent en attente et s’exécutent à nouveau&#x202f;; une tâche sans tentative restante en reçoit une de plus.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Retry %n job(s)</source>
        <translation>
            <numerusform>&amp;Relancer %n tâche</numerusform>
            <numerusform>&amp;Relancer %n tâches</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancel %n job(s)</source>
        <translation>
            <numerusform>Annuler %n tâche</numerusform>
            <numerusform>Annuler %n tâches</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancel %n job(s) (ids %1)? They will not run.</source>
        <translation>
            <numerusform>Annuler %n tâche (id %1)&#x202f;? Elle ne s’exécutera pas.</numerusform>
            <numerusform>Annuler %n tâches (ids %1)&#x202f;? Elles ne s’exécuteront pas.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Cancel %n job(s)</source>
        <translation>
            <numerusform>&amp;Annuler %n tâche</numerusform>
            <numerusform>&amp;Annuler %n tâches</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n job(s)</source>
        <translation>
            <numerusform>%n tâche</numerusform>
            <numerusform>%n tâches</numerusform>
        </translation>
    </message>
    <message>
        <source>Resume queue %1</source>
        <translation>Reprendre la file d’attente %1</translation>
    </message>
    <message>
        <source>Resume queue %1? Its %2 waiting are dispatched again.</source>
        <translation>Reprendre la file d’attente %1&#x202f;? En attente&#xa0;: %2. La distribution reprend.</translation>
    </message>
    <message>
        <source>&amp;Resume %1</source>
        <translation>Re&amp;prendre %1</translation>
    </message>
    <message>
        <source>Pause queue %1</source>
        <translation>Suspendre la file d’attente %1</translation>
    </message>
    <message>
        <source>Pause queue %1? Its %2 waiting are not dispatched until it is resumed; jobs already assigned or running carry on.</source>
        <translation>Suspendre la file d’attente %1&#x202f;? En attente&#xa0;: %2. Rien n’en est distribué jusqu’à sa reprise&#x202f;; les tâches déjà assignées ou en cours continuent.</translation>
    </message>
    <message>
        <source>&amp;Pause %1</source>
        <translation>&amp;Suspendre %1</translation>
    </message>
    <message>
        <source>&amp;Keep them</source>
        <translation>&amp;Conserver</translation>
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
        <translation>Vider le worker %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Drain %1&lt;/b&gt;: it takes no new jobs, and its queued (assigned) jobs go back to pending for other workers. It holds %2 of %3 jobs now.</source>
        <translation>&lt;b&gt;Vider %1&lt;/b&gt;&#xa0;: il ne prend plus de nouvelles tâches, et ses tâches assignées repassent en attente pour d’autres workers. Tâches actuelles&#xa0;: %2 sur %3.</translation>
    </message>
    <message>
        <source>&amp;Let running jobs finish on it</source>
        <translation>&amp;Laisser les tâches en cours s’y terminer</translation>
    </message>
    <message>
        <source>Release running jobs &amp;now (they start again on other workers)</source>
        <translation>Libérer &amp;immédiatement les tâches en cours (elles redémarrent ailleurs)</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Tâche</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>File d’attente</translation>
    </message>
    <message>
        <source>Goes to</source>
        <translation>Va à</translation>
    </message>
    <message>
        <source>Worker</source>
        <translation>Worker</translation>
    </message>
    <message>
        <source>Receives</source>
        <translation>Reçoit</translation>
    </message>
    <message>
        <source>Jobs after</source>
        <translation>Tâches après</translation>
    </message>
    <message>
        <source>Load after</source>
        <translation>Charge après</translation>
    </message>
    <message>
        <source>Where its jobs would go:</source>
        <translation>Où iraient ses tâches&#xa0;:</translation>
    </message>
    <message>
        <source>Load on the workers that receive them:</source>
        <translation>Charge des workers qui les reçoivent&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Drain %1</source>
        <translation>&amp;Vider %1</translation>
    </message>
    <message>
        <source>Computing the preview…</source>
        <translation>Calcul de l’aperçu…</translation>
    </message>
    <message>
        <source>The preview could not be computed: %1</source>
        <translation>Impossible de calculer l’aperçu&#xa0;: %1</translation>
    </message>
    <message>
        <source>Cannot read the progress now: %1</source>
        <translation>Impossible de lire la progression&#xa0;: %1</translation>
    </message>
    <message>
        <source>Computing preview…</source>
        <translation>Calcul de l’aperçu…</translation>
    </message>
    <message>
        <source>It has no queued job to hand over.</source>
        <translation>Il n’a aucune tâche assignée à céder.</translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) go back to pending: </source>
        <translation>
            <numerusform>%n tâche repasse en attente&#xa0;: </numerusform>
            <numerusform>%n tâches repassent en attente&#xa0;: </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n would go to other workers</source>
        <translation>
            <numerusform>%n irait à d’autres workers</numerusform>
            <numerusform>%n iraient à d’autres workers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n would have nowhere to go and wait</source>
        <translation>
            <numerusform>, %n n’aurait nulle part où aller et attendrait</numerusform>
            <numerusform>, %n n’auraient nulle part où aller et attendraient</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n running job(s) stay until they finish.</source>
        <translation>
            <numerusform>%n tâche en cours reste jusqu’à sa fin.</numerusform>
            <numerusform>%n tâches en cours restent jusqu’à leur fin.</numerusform>
        </translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Attention&#xa0;: %1</translation>
    </message>
    <message>
        <source>nowhere: %1</source>
        <translation>nulle part&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1/%2 (now %3)</source>
        <translation>%1/%2 (actuellement %3)</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1&#xa0;%</translation>
    </message>
    <message>
        <source>%1 is drained: no job is left on it.</source>
        <translation>%1 est vidé&#xa0;: plus aucune tâche dessus.</translation>
    </message>
    <message numerus="yes">
        <source>%n running job(s) left on %1…</source>
        <translation>
            <numerusform>Encore %n tâche en cours sur %1…</numerusform>
            <numerusform>Encore %n tâches en cours sur %1…</numerusform>
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
        <translation>Forcer la libération du verrou %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Force-release %1&lt;/b&gt;: the lock is freed whoever holds it. Its holder is not told; the next holder gets a higher fencing token, so writes fenced by the old token are refused.</source>
        <translation>&lt;b&gt;Forcer la libération de %1&lt;/b&gt;&#xa0;: le verrou est libéré quel que soit son détenteur. Celui-ci n’est pas prévenu&#x202f;; le prochain détenteur reçoit un jeton de fencing plus élevé, donc les écritures protégées par l’ancien jeton sont refusées.</translation>
    </message>
    <message>
        <source>Reading the lock…</source>
        <translation>Lecture du verrou…</translation>
    </message>
    <message>
        <source>Why the lock is broken, e.g. &quot;worker-7 hung, ticket OPS-7&quot; (required; audited)</source>
        <translation>Pourquoi, p. ex. «&#xa0;worker-7 bloqué, ticket OPS-7&#xa0;» (obligatoire&#x202f;; audité)</translation>
    </message>
    <message>
        <source>&amp;Force-release</source>
        <translation>&amp;Forcer la libération</translation>
    </message>
    <message>
        <source>Nobody holds %1 now: there is nothing to release.</source>
        <translation>Personne ne détient %1&#xa0;: rien à libérer.</translation>
    </message>
    <message>
        <source>Nobody holds the lock</source>
        <translation>Personne ne détient le verrou</translation>
    </message>
    <message>
        <source>%1 (worker on %2)</source>
        <translation>%1 (worker sur %2)</translation>
    </message>
    <message>
        <source>Cannot read the lock now: %1</source>
        <translation>Impossible de lire le verrou&#xa0;: %1</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>Holder</source>
        <translation>Détenteur</translation>
    </message>
    <message>
        <source>Fencing token</source>
        <translation>Jeton de fencing</translation>
    </message>
    <message>
        <source>Held for</source>
        <translation>Détenu depuis</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Expiration</translation>
    </message>
    <message>
        <source>%1 (since %2)</source>
        <translation>%1 (acquis le %2)</translation>
    </message>
</context>
<context>
    <name>overseer::ui::JobsView</name>
    <message>
        <source>
… (%1 more characters)</source>
        <translation>
… (%1 caractères de plus)</translation>
    </message>
    <message>
        <source>Job id</source>
        <translation>Id de tâche</translation>
    </message>
    <message>
        <source>All queues</source>
        <translation>Toutes les files</translation>
    </message>
    <message>
        <source>Any state</source>
        <translation>Tout état</translation>
    </message>
    <message>
        <source>All workers</source>
        <translation>Tous les workers</translation>
    </message>
    <message>
        <source>Type (exact)</source>
        <translation>Type (exact)</translation>
    </message>
    <message>
        <source>Newest first</source>
        <translation>Plus récentes d’abord</translation>
    </message>
    <message>
        <source>Oldest first</source>
        <translation>Plus anciennes d’abord</translation>
    </message>
    <message>
        <source>Newer jobs arrived — show newest</source>
        <translation>Nouvelles tâches — afficher les plus récentes</translation>
    </message>
    <message>
        <source>Select a job to see its payload, last error, result and timestamps.</source>
        <translation>Sélectionnez une tâche pour voir sa charge utile, sa dernière erreur, son résultat et ses horodatages.</translation>
    </message>
    <message>
        <source>%1 jobs</source>
        <translation>%1 tâches</translation>
    </message>
    <message>
        <source>%1+ jobs</source>
        <translation>%1+ tâches</translation>
    </message>
    <message>
        <source>counting…</source>
        <translation>comptage…</translation>
    </message>
    <message>
        <source>%1 · %2 loaded</source>
        <translation>%1 · %2 chargées</translation>
    </message>
    <message>
        <source> · not refreshed: %1</source>
        <translation> · non actualisé&#xa0;: %1</translation>
    </message>
    <message>
        <source>Job %1</source>
        <translation>Tâche %1</translation>
    </message>
    <message>
        <source>attempt %1 of %2, queue %3, priority %4</source>
        <translation>tentative %1 sur %2, file %3, priorité %4</translation>
    </message>
    <message>
        <source>Worker</source>
        <translation>Worker</translation>
    </message>
    <message>
        <source>Needs</source>
        <translation>Exige</translation>
    </message>
    <message>
        <source>Fencing token</source>
        <translation>Jeton de fencing</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Créée</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Disponible</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>Assignée</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Démarrée</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Terminée</translation>
    </message>
    <message>
        <source>Payload</source>
        <translation>Charge utile</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Dernière erreur</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
</context>
<context>
    <name>overseer::ui::MainWindow</name>
    <message>
        <source>Overseer — %1</source>
        <translation>Overseer — %1</translation>
    </message>
    <message>
        <source>Cannot read the cluster: %1</source>
        <translation>Impossible de lire le cluster&#xa0;: %1</translation>
    </message>
    <message>
        <source>Last poll failed</source>
        <translation>Dernière interrogation en échec</translation>
    </message>
    <message>
        <source>&amp;Workers</source>
        <translation>&amp;Workers</translation>
    </message>
    <message>
        <source>&amp;Queues</source>
        <translation>Fi&amp;les d’attente</translation>
    </message>
    <message>
        <source>&amp;Jobs</source>
        <translation>&amp;Tâches</translation>
    </message>
    <message>
        <source>&amp;Locks</source>
        <translation>&amp;Verrous</translation>
    </message>
    <message>
        <source>&amp;Audit</source>
        <translation>A&amp;udit</translation>
    </message>
    <message>
        <source>&amp;Charts</source>
        <translation>&amp;Graphiques</translation>
    </message>
    <message>
        <source>Filter by host, id, queue or capability  (Ctrl+F)</source>
        <translation>Filtrer par hôte, id, file ou capacité  (Ctrl+F)</translation>
    </message>
    <message>
        <source>All queues</source>
        <translation>Toutes les files</translation>
    </message>
    <message>
        <source>All capabilities</source>
        <translation>Toutes les capacités</translation>
    </message>
    <message>
        <source>Any state</source>
        <translation>Tout état</translation>
    </message>
    <message>
        <source>Select a worker to see its details.</source>
        <translation>Sélectionnez un worker pour voir ses détails.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Connect to…</source>
        <translation>Se &amp;connecter à…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Refresh now</source>
        <translation>&amp;Actualiser maintenant</translation>
    </message>
    <message>
        <source>&amp;Pause live updates</source>
        <translation>&amp;Suspendre les mises à jour</translation>
    </message>
    <message>
        <source>Poll &amp;interval</source>
        <translation>&amp;Intervalle d’interrogation</translation>
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
        <translation>&amp;Thème</translation>
    </message>
    <message>
        <source>Follow the &amp;system</source>
        <translation>Suivre le &amp;système</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Clair</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>S&amp;ombre</translation>
    </message>
    <message>
        <source>&amp;Filter workers</source>
        <translation>&amp;Filtrer les workers</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <source>Queues</source>
        <translation>Files d’attente</translation>
    </message>
    <message>
        <source>Capabilities</source>
        <translation>Capacités</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>Tâches</translation>
    </message>
    <message>
        <source>%1 of %2 assigned by the database; the worker reports %3</source>
        <translation>%1 sur %2 assignées par la base&#x202f;; le worker en annonce %3</translation>
    </message>
    <message>
        <source>CPU / memory</source>
        <translation>CPU / mémoire</translation>
    </message>
    <message>
        <source> of %1 allowed</source>
        <translation> sur %1 autorisés</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Enregistré</translation>
    </message>
    <message>
        <source>Last heartbeat</source>
        <translation>Dernier heartbeat</translation>
    </message>
    <message>
        <source>%1 (pid %2)</source>
        <translation>%1 (PID %2)</translation>
    </message>
    <message>
        <source>Database unreachable — the figures below are from %1 and are not live. Reconnecting automatically… (%2)</source>
        <translation>Base de données injoignable — les chiffres ci-dessous datent de %1 et ne sont pas en direct. Reconnexion automatique… (%2)</translation>
    </message>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <source>Database: %1%2</source>
        <translation>Base&#xa0;: %1%2</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>Déconnecté</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <source>Last refresh %1 s ago (%2 ms)</source>
        <translation>Dernière actualisation il y a %1 s (%2 ms)</translation>
    </message>
    <message>
        <source>Live updates paused (Ctrl+P)</source>
        <translation>Mises à jour suspendues (Ctrl+P)</translation>
    </message>
    <message>
        <source>Every %1 s</source>
        <translation>Intervalle&#xa0;: %1 s</translation>
    </message>
    <message>
        <source>Overseer — Simulation: %1</source>
        <translation>Overseer — Simulation&#xa0;: %1</translation>
    </message>
    <message>
        <source>Simulation: %1 — virtual time, database %2</source>
        <translation>Simulation&#xa0;: %1 — temps virtuel, base %2</translation>
    </message>
</context>
<context>
    <name>overseer::ui::ReassignJobsDialog</name>
    <message numerus="yes">
        <source>Reassign %n job(s)</source>
        <translation>
            <numerusform>Réassigner %n tâche</numerusform>
            <numerusform>Réassigner %n tâches</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;Move %n job(s)&lt;/b&gt; (ids %1) to the worker chosen below. The best eligible worker is chosen for you.</source>
        <translation>
            <numerusform>&lt;b&gt;Déplacer %n tâche&lt;/b&gt; (id %1) vers le worker choisi ci-dessous. Le meilleur worker éligible est présélectionné.</numerusform>
            <numerusform>&lt;b&gt;Déplacer %n tâches&lt;/b&gt; (ids %1) vers le worker choisi ci-dessous. Le meilleur worker éligible est présélectionné.</numerusform>
        </translation>
    </message>
    <message>
        <source>Worker</source>
        <translation>Worker</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>Charge</translation>
    </message>
    <message>
        <source>Free slots</source>
        <translation>Places libres</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <source>Computing the candidates…</source>
        <translation>Calcul des candidats…</translation>
    </message>
    <message>
        <source>&amp;Override the eligibility rules for this worker (needs a reason; audited)</source>
        <translation>&amp;Outrepasser les règles d’éligibilité pour ce worker (motif requis&#x202f;; audité)</translation>
    </message>
    <message>
        <source>&amp;Reassign</source>
        <translation>&amp;Réassigner</translation>
    </message>
    <message>
        <source>The candidates could not be read: %1</source>
        <translation>Impossible de lire les candidats&#xa0;: %1</translation>
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
        <translation>%1&#xa0;%</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <source>best</source>
        <translation>meilleur choix</translation>
    </message>
    <message>
        <source>eligible</source>
        <translation>éligible</translation>
    </message>
    <message>
        <source>None of these jobs can be moved.</source>
        <translation>Aucune de ces tâches ne peut être déplacée.</translation>
    </message>
    <message>
        <source>None of these jobs can be moved</source>
        <translation>Aucune de ces tâches ne peut être déplacée</translation>
    </message>
    <message>
        <source>Choose a worker.</source>
        <translation>Choisissez un worker.</translation>
    </message>
    <message>
        <source>No worker is eligible for these jobs. Choose one and override the rules with a reason, or wait for a worker.</source>
        <translation>Aucun worker n’est éligible pour ces tâches. Choisissez-en un et outrepassez les règles avec un motif, ou attendez un worker.</translation>
    </message>
    <message>
        <source>Choose a worker first</source>
        <translation>Choisissez d’abord un worker</translation>
    </message>
    <message>
        <source>&amp;Reassign to %1</source>
        <translation>&amp;Réassigner à %1</translation>
    </message>
    <message>
        <source>Why (optional; goes to the audit log)</source>
        <translation>Pourquoi (facultatif&#x202f;; va au journal d’audit)</translation>
    </message>
    <message>
        <source>%1 is the best eligible worker (score %2).</source>
        <translation>%1 est le meilleur worker éligible (score %2).</translation>
    </message>
    <message>
        <source>%1 is eligible (score %2).</source>
        <translation>%1 est éligible (score %2).</translation>
    </message>
    <message>
        <source>%1 is not eligible: %2.</source>
        <translation>%1 n’est pas éligible&#xa0;: %2.</translation>
    </message>
    <message>
        <source>Why the rules are overridden (required; audited)</source>
        <translation>Pourquoi outrepasser les règles (obligatoire&#x202f;; audité)</translation>
    </message>
    <message>
        <source>%1 cannot take them: %2. This is never overridden.</source>
        <translation>%1 ne peut pas les prendre&#xa0;: %2. Cela ne s’outrepasse jamais.</translation>
    </message>
    <message>
        <source>%1 cannot take them: %2</source>
        <translation>%1 ne peut pas les prendre&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>overseer::ui::ReleaseWorkerDialog</name>
    <message>
        <source>Release the jobs of %1</source>
        <translation>Libérer les tâches de %1</translation>
    </message>
    <message>
        <source>inactive</source>
        <translation>inactif</translation>
    </message>
    <message>
        <source>draining</source>
        <translation>en vidage</translation>
    </message>
    <message>
        <source>active</source>
        <translation>actif</translation>
    </message>
    <message>
        <source>&lt;b&gt;Release every job of %1 (pid %2, %3)&lt;/b&gt;: its assigned and running jobs go back to pending now, with the attempt given back, and other workers take them. A worker that is still active is left draining so that they do not come straight back.</source>
        <translation>&lt;b&gt;Libérer toutes les tâches de %1 (PID %2, %3)&lt;/b&gt;&#xa0;: ses tâches assignées et en cours repassent en attente tout de suite, la tentative étant rendue, et d’autres workers les prennent. Un worker encore actif est laissé en vidage pour qu’elles ne lui reviennent pas aussitôt.</translation>
    </message>
    <message>
        <source>Counting its jobs…</source>
        <translation>Comptage de ses tâches…</translation>
    </message>
    <message>
        <source>&amp;Release jobs</source>
        <translation>&amp;Libérer les tâches</translation>
    </message>
    <message numerus="yes">
        <source>It holds %n job(s) now: </source>
        <translation>
            <numerusform>Il détient %n tâche&#xa0;: </numerusform>
            <numerusform>Il détient %n tâches&#xa0;: </numerusform>
        </translation>
    </message>
    <message>
        <source>%1 assigned, %2 running.</source>
        <translation>assignées&#xa0;: %1, en cours&#xa0;: %2.</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Release %n job(s)</source>
        <translation>
            <numerusform>&amp;Libérer %n tâche</numerusform>
            <numerusform>&amp;Libérer %n tâches</numerusform>
        </translation>
    </message>
    <message>
        <source>It holds no job: there is nothing to release</source>
        <translation>Il ne détient aucune tâche&#xa0;: rien à libérer</translation>
    </message>
    <message>
        <source>Cannot count its jobs now: %1</source>
        <translation>Impossible de compter ses tâches&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>overseer::ui::SimulationPanel</name>
    <message>
        <source>The simulation stopped: %1</source>
        <translation>La simulation s’est arrêtée&#xa0;: %1</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>Scénario</translation>
    </message>
    <message>
        <source>A built-in scenario; choosing one starts a new run of it</source>
        <translation>Un scénario intégré&#x202f;; en choisir un lance une nouvelle exécution</translation>
    </message>
    <message>
        <source>Open scenario file…</source>
        <translation>Ouvrir un fichier de scénario…</translation>
    </message>
    <message>
        <source>Run a scenario from a JSON file (docs/simulation.md describes the format)</source>
        <translation>Exécuter un scénario depuis un fichier JSON (format décrit dans docs/simulation.md)</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Exécution</translation>
    </message>
    <message>
        <source>Virtual seconds per second; &quot;max&quot; runs as fast as the database allows</source>
        <translation>Secondes virtuelles par seconde&#x202f;; «&#xa0;max&#xa0;» va aussi vite que la base le permet</translation>
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
        <translation>Réinitialiser</translation>
    </message>
    <message>
        <source>Start this scenario again from the beginning, on a fresh database</source>
        <translation>Relancer ce scénario depuis le début, sur une base neuve</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Vitesse</translation>
    </message>
    <message>
        <source>Enqueued</source>
        <translation>Mises en file</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Réussies</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>En échec</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Workers alive</source>
        <translation>Workers en vie</translation>
    </message>
    <message>
        <source>Violations</source>
        <translation>Violations</translation>
    </message>
    <message>
        <source>Capability, capacity and lock violations: a job on a worker without a required capability, a worker past its maximum, two holders of one lock. Always 0 when the core is right.</source>
        <translation>Violations de capacité, de limite de tâches et de verrou&#xa0;: une tâche sur un worker sans la capacité requise, un worker au-delà de son maximum, deux détenteurs d’un même verrou. Toujours 0 si le cœur est correct.</translation>
    </message>
    <message>
        <source>Faults</source>
        <translation>Pannes</translation>
    </message>
    <message>
        <source>The worker the worker faults hit; selecting a worker in the Workers view chooses it</source>
        <translation>Le worker visé par les pannes de worker&#x202f;; sélectionner un worker dans la vue Workers le choisit</translation>
    </message>
    <message>
        <source>How long a fault lasts: a crashed worker comes back, heartbeats resume, CPU and memory return to normal</source>
        <translation>Durée d’une panne&#xa0;: un worker planté revient, les heartbeats reprennent, CPU et mémoire redeviennent normaux</translation>
    </message>
    <message>
        <source>for good</source>
        <translation>définitivement</translation>
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
        <translation>Durée</translation>
    </message>
    <message>
        <source>Crash</source>
        <translation>Plantage</translation>
    </message>
    <message>
        <source>The worker dies: no more heartbeats, its jobs never finish; the reaper must recover them</source>
        <translation>Le worker meurt&#xa0;: plus de heartbeats, ses tâches ne finissent jamais&#x202f;; le reaper doit les récupérer</translation>
    </message>
    <message>
        <source>Stop heartbeats</source>
        <translation>Couper les heartbeats</translation>
    </message>
    <message>
        <source>The worker goes on running its jobs but stops reporting</source>
        <translation>Le worker continue ses tâches mais cesse de se signaler</translation>
    </message>
    <message>
        <source>CPU spike</source>
        <translation>Pic de CPU</translation>
    </message>
    <message>
        <source>The worker reports 99 % CPU: unhealthy, no new jobs</source>
        <translation>Le worker annonce 99 % de CPU&#xa0;: dégradé, plus de nouvelles tâches</translation>
    </message>
    <message>
        <source>Memory over limit</source>
        <translation>Mémoire hors limite</translation>
    </message>
    <message>
        <source>The worker reports more memory than its declared limit: unhealthy</source>
        <translation>Le worker annonce plus de mémoire que sa limite déclarée&#xa0;: dégradé</translation>
    </message>
    <message>
        <source>Region outage</source>
        <translation>Panne de région</translation>
    </message>
    <message>
        <source>Every worker with this capability crashes at once</source>
        <translation>Tous les workers ayant cette capacité plantent en même temps</translation>
    </message>
    <message>
        <source>How many jobs arrive at once</source>
        <translation>Nombre de tâches arrivant d’un coup</translation>
    </message>
    <message>
        <source>Job burst</source>
        <translation>Rafale de tâches</translation>
    </message>
    <message>
        <source>This many jobs of the stream arrive at once</source>
        <translation>Ce nombre de tâches du flux arrive d’un coup</translation>
    </message>
    <message>
        <source>Stuck lock</source>
        <translation>Verrou bloqué</translation>
    </message>
    <message>
        <source>A holder takes this lock and dies: its lease must expire and another holder take over with a higher fencing token</source>
        <translation>Un détenteur prend ce verrou et meurt&#xa0;: son bail doit expirer et un autre détenteur le reprendre avec un jeton de fencing plus élevé</translation>
    </message>
    <message>
        <source>Capability</source>
        <translation>Capacité</translation>
    </message>
    <message>
        <source>Stream</source>
        <translation>Flux</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Verrou</translation>
    </message>
    <message>
        <source>Timeline (also marked on the charts)</source>
        <translation>Chronologie (aussi marquée sur les graphiques)</translation>
    </message>
    <message>
        <source>Expectations</source>
        <translation>Attentes</translation>
    </message>
    <message>
        <source>%1 (from %2)</source>
        <translation>%1 (de %2)</translation>
    </message>
    <message>
        <source>No description.</source>
        <translation>Aucune description.</translation>
    </message>
    <message>
        <source>%1 (queue %2)</source>
        <translation>%1 (file %2)</translation>
    </message>
    <message>
        <source>Open a scenario</source>
        <translation>Ouvrir un scénario</translation>
    </message>
    <message>
        <source>Scenarios (*.json);;All files (*)</source>
        <translation>Scénarios (*.json);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>Impossible d’ouvrir %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 cannot run — %2%3</source>
        <translation>%1 ne peut pas s’exécuter — %2%3</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <source>Virtual time: %1 UTC</source>
        <translation>Temps virtuel&#xa0;: %1 UTC</translation>
    </message>
    <message>
        <source>Ready: press Play</source>
        <translation>Prêt&#xa0;: appuyez sur Lecture</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Démarrage…</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>En pause</translation>
    </message>
    <message>
        <source>Streams stopped: finishing the work in flight</source>
        <translation>Flux arrêtés&#xa0;: fin du travail en cours</translation>
    </message>
    <message>
        <source>Paused while finishing the work in flight</source>
        <translation>En pause pendant la fin du travail en cours</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <source> — %1× real time</source>
        <translation> — %1× le temps réel</translation>
    </message>
    <message>
        <source>%1 (%2 dead)</source>
        <translation>%1 (%2 mortes)</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Lecture</translation>
    </message>
    <message>
        <source>Stop virtual time (Ctrl+Space)</source>
        <translation>Arrêter le temps virtuel (Ctrl+Espace)</translation>
    </message>
    <message>
        <source>Let virtual time run (Ctrl+Space)</source>
        <translation>Laisser s’écouler le temps virtuel (Ctrl+Espace)</translation>
    </message>
    <message>
        <source>Virtual time %1 UTC</source>
        <translation>Temps virtuel %1 UTC</translation>
    </message>
    <message>
        <source>At %1: %2</source>
        <translation>À %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Refused — %1: %2</source>
        <translation>Refusé — %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>The run finished; the scenario states no expectations.</source>
        <translation>L’exécution est terminée&#x202f;; le scénario n’énonce aucune attente.</translation>
    </message>
    <message>
        <source>%1 of %2 expectations passed — %3 jobs enqueued, %4 succeeded, %5 dead, %6 lost</source>
        <translation>%1 attentes sur %2 satisfaites — %3 tâches mises en file, %4 réussies, %5 mortes, %6 perdues</translation>
    </message>
    <message>
        <source>The run has finished: reset it first</source>
        <translation>L’exécution est terminée&#xa0;: réinitialisez-la d’abord</translation>
    </message>
    <message>
        <source>The run has not started</source>
        <translation>L’exécution n’a pas commencé</translation>
    </message>
    <message>
        <source>Choose a worker</source>
        <translation>Choisissez un worker</translation>
    </message>
    <message>
        <source>%1 declares no memory limit</source>
        <translation>%1 ne déclare aucune limite mémoire</translation>
    </message>
    <message>
        <source>No worker of this scenario has a capability</source>
        <translation>Aucun worker de ce scénario n’a de capacité</translation>
    </message>
    <message>
        <source>This scenario has no job stream</source>
        <translation>Ce scénario n’a aucun flux de tâches</translation>
    </message>
    <message>
        <source>No stream of this scenario takes locks</source>
        <translation>Aucun flux de ce scénario ne prend de verrous</translation>
    </message>
    <message>
        <source>Injecting: %1…</source>
        <translation>Injection&#xa0;: %1…</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>Tâches</translation>
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
        <translation>Workers</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>Tâches</translation>
    </message>
    <message>
        <source>Throughput</source>
        <translation>Débit</translation>
    </message>
    <message>
        <source>Locks</source>
        <translation>Verrous</translation>
    </message>
    <message>
        <source>Dispatcher leader</source>
        <translation>Dispatcher élu</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;/min succeeded · %2/min dead</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;/min réussies · %2/min mortes</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; held · &lt;span style=&apos;color:#d93b3b&apos;&gt;%2 overdue&lt;/span&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; pris · &lt;span style=&apos;color:#d93b3b&apos;&gt;%2 en retard&lt;/span&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; held</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; pris</translation>
    </message>
    <message>
        <source>%1 (token %2)</source>
        <translation>%1 (jeton %2)</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#e08a00&apos;&gt;none — no dispatcher is running&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#e08a00&apos;&gt;aucun — aucun dispatcher ne tourne&lt;/span&gt;</translation>
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
        <translation>Mémoire (MB)</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>Charge</translation>
    </message>
    <message>
        <source>Select one or more workers to chart their CPU, memory and load.</source>
        <translation>Sélectionnez un ou plusieurs workers pour tracer leur CPU, mémoire et charge.</translation>
    </message>
    <message>
        <source>History of the selected workers (select several to compare them)</source>
        <translation>Historique des workers sélectionnés (sélectionnez-en plusieurs pour comparer)</translation>
    </message>
    <message>
        <source>Last 5 minutes</source>
        <translation>5 dernières minutes</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Dernière heure</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>24 dernières heures</translation>
    </message>
</context>
</TS>
