// ValidateModel: checks that a model read from bytes (the embedded
// snapshot, a compiled-model cache) holds what the YAML loaders guarantee
// and the engine relies on without checking again: every index points into
// its table (agencies, roles, crisis contacts, facts), every subject and
// alert kind is one of its kind, every list the engine reads first is not
// empty, weights are in the loaders' ranges, and every string is valid
// UTF-8 (they reach JSON, HTML and the terminal). Pure: no I/O, safe from
// many threads.
#ifndef TSUNAGU_VALIDATE_MODEL_H_
#define TSUNAGU_VALIDATE_MODEL_H_

#include "model.h"
#include "status.h"

/// Ok, or an Internal status naming the first thing wrong ("rule 3
/// (crisis-call) target 0: agency 12345 out of range (13 agencies)").
Status ValidateModel(const Model& model);

#endif  // TSUNAGU_VALIDATE_MODEL_H_
