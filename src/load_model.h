// Reads a whole model: data files (agencies.yaml, crisis.yaml) and rule
// files (lexicon.yaml, routing.yaml, alerts.yaml), in that order, since
// rules refer to agencies and facts; then the holiday calendar
// (data/holidays.yaml), which refers to nothing.
#ifndef TSUNAGU_LOAD_MODEL_H_
#define TSUNAGU_LOAD_MODEL_H_

#include <functional>
#include <string>

#include "model.h"
#include "status.h"

/// Reads a whole file; an Io status names the path when it cannot.
Status ReadFile(const std::string& path, std::string* contents);

/// Supplies one file: `data` tells a data file from a rule file; fills the
/// text and the name to show in messages.
using FileSource = std::function<Status(bool data, const std::string& file, std::string* text, std::string* name)>;

/// Runs parse(i) for each of the six files in load order (agencies,
/// crisis, lexicon, routing, alerts, holidays) on two threads: parsing is
/// most of loading (yaml-cpp: ~8 MB/s), and the files are independent until
/// their references are resolved, so the lexicon (the largest) and the
/// crisis file go to a second thread. parse(i) must be safe to run at
/// once for different i. For `tsunagu check`.
void ParseModelFiles(const std::function<void(size_t)>& parse);

/// Called as soon as the lexicon file is loaded, with the model then
/// filled; on another thread, while the files after the lexicon load into
/// the same model: it may read the model's subjects, facts and
/// analyzer_words (which nothing changes after), nothing else. What it
/// throws, LoadModel throws.
using LexiconLoaded = std::function<void(const Model& model)>;

/// Loads every file from source, stopping at the first error (in load
/// order); lexicon_loaded, when given, runs as described above if the
/// lexicon loads, even when another file then fails.
Status LoadModel(const FileSource& source, Model* model, const LexiconLoaded& lexicon_loaded = nullptr);

/// Loads from two directories.
Status LoadModelFromDirs(const std::string& data_dir, const std::string& rules_dir, Model* model);

#endif  // TSUNAGU_LOAD_MODEL_H_
