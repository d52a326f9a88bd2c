#pragma once

#include "domain/job.h"
#include "domain/workerhealth.h"

#include <QString>

namespace overseer::models {

/// The console's words for a worker's health and a job's state, in the user's language. The core's
/// healthName() / toString(JobState) stay English: they are the CLI's and the database's vocabulary.
/// Untranslated, these read exactly like the core's names.
QString healthLabel(domain::WorkerHealth health);
QString jobStateLabel(domain::JobState state);

} // namespace overseer::models
