// Loaders for data/agencies.yaml and data/crisis.yaml. They take the file
// text and a display name, so tests can feed strings; see docs/FORMAT.md.
#ifndef TSUNAGU_LOAD_DATA_H_
#define TSUNAGU_LOAD_DATA_H_

#include <string>

#include "model.h"
#include "status.h"

/// Appends the agencies in text to model->agencies; rejects duplicate ids.
Status LoadAgencies(const std::string& text, const std::string& name, Model* model);

/// Appends the crisis contacts in text to model->crisis.
Status LoadCrisis(const std::string& text, const std::string& name, Model* model);

#endif  // TSUNAGU_LOAD_DATA_H_
