// Batch input: records from CSV (a header with `id` and `text` columns,
// optional `age` and `parent_age`), JSON Lines ({"id":..., "text":...}) or
// plain text (one case per line). Records stream: memory is bounded by the
// longest record, not the file. A bad record is returned as a record with
// an error, never skipped, so output keeps one record per input record.
// A CSV header naming a column it reads twice is refused as a whole; a
// JSON Lines object with a key twice is an error record. A quoted CSV
// field that runs past kMaxRecordBytes ends its record as one error
// record; the field is skipped, at flat memory, to where it closes (to the
// end of the input if it never does), and reading goes on at the next line.
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
  /// Once Next returned false: Ok at the end of the input, or the read
  /// error (Io, e.g. the input is a directory) that ended it early.
  virtual Status ReadError() const = 0;
};

/// A reader over file (not owned; stdin works); name is the input's name
/// in read errors ("cannot read NAME: ...").
std::unique_ptr<RecordReader> MakeRecordReader(InputFormat format, FILE* file,
                                               const std::string& name = "the input");

#endif  // TSUNAGU_BATCH_INPUT_H_
