// Batch input: records from CSV (a header with `id` and `text` columns,
// optional `age` and `parent_age`), JSON Lines ({"id":..., "text":...}) or
// plain text (one case per line). Records stream: memory is bounded by the
// longest record, not the file. A bad record is returned as a record with
// an error, never skipped, so output keeps one record per input record.
#ifndef TSUNAGU_BATCH_INPUT_H_
#define TSUNAGU_BATCH_INPUT_H_

#include <cstdio>
#include <memory>
#include <string>

#include "status.h"

/// Longest record accepted, in bytes (a longer one is an error record).
constexpr size_t kMaxRecordBytes = 64 * 1024;

struct Record {
  size_t number = 0;  // 1-based, in input order (header lines not counted)
  size_t line = 0;    // 1-based line where the record starts
  std::string id;     // from the input, else the record number
  std::string text;
  int age = -1;         // structured columns, -1 = not given
  int parent_age = -1;
  std::string error;       // non-empty: the record is bad, and why
  std::string error_kind;  // invalid-utf8, too-long, csv-quote, json, empty-text, bad-age...

  /// Empties it for the next record, keeping the strings' storage (batch
  /// reads every record into the same few Records).
  void Clear() {
    number = line = 0;
    id.clear();
    text.clear();
    age = parent_age = -1;
    error.clear();
    error_kind.clear();
  }
};

enum class InputFormat { kCsv, kJsonl, kText };

/// "csv", "jsonl"/"json"/"ndjson", "text"/"txt"; false when unknown.
bool ParseInputFormat(const std::string& name, InputFormat* out);
/// The format a file name's extension implies (text when unknown).
InputFormat FormatFromPath(const std::string& path);

class RecordReader {
 public:
  virtual ~RecordReader() = default;
  /// Reads the next record; false at end of input.
  virtual bool Next(Record* record) = 0;
  /// A problem with the input as a whole (e.g. a CSV header without a
  /// `text` column); checked once before the first Next.
  virtual Status Open() { return Status::Ok(); }
};

/// A reader over file (not owned; stdin works).
std::unique_ptr<RecordReader> MakeRecordReader(InputFormat format, FILE* file);

#endif  // TSUNAGU_BATCH_INPUT_H_
