// Loaders for data/agencies.yaml, data/crisis.yaml and data/holidays.yaml.
// They take the file text and a display name, so tests can feed strings;
// see docs/FORMAT.md.
#ifndef TSUNAGU_LOAD_DATA_H_
#define TSUNAGU_LOAD_DATA_H_

#include <string>

#include "model.h"
#include "status.h"
#include "yaml_doc.h"

/// Appends the agencies in text to model->agencies; rejects duplicate ids.
Status LoadAgencies(const std::string& text, const std::string& name, Model* model);

/// Appends the crisis contacts in text to model->crisis.
Status LoadCrisis(const std::string& text, const std::string& name, Model* model);

/// Sets model->holidays from text (the holiday calendar); rejects dates
/// outside its `covers` years and a covered year without any holiday.
Status LoadHolidays(const std::string& text, const std::string& name, Model* model);

/// The same, from an already parsed document.
Status LoadAgencies(const YamlDoc& doc, Model* model);
Status LoadCrisis(const YamlDoc& doc, Model* model);
Status LoadHolidays(const YamlDoc& doc, Model* model);

#endif  // TSUNAGU_LOAD_DATA_H_
