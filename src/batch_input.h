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
// Input in CP932 (Shift_JIS as Windows and Excel write it) is converted to
// UTF-8 line by line, with glibc's iconv, before any record is parsed: a
// line end, a quote or a comma is never the second byte of a CP932
// character, so lines split the same either way; a backslash may be, so
// JSON is read only once converted. A line with a byte that is not CP932
// is an error record naming the line, the byte and its column.
#ifndef TSUNAGU_BATCH_INPUT_H_
#define TSUNAGU_BATCH_INPUT_H_

#include <cstdio>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "status.h"

/// Longest record accepted, in bytes (a longer one is an error record).
constexpr size_t kMaxRecordBytes = 64 * 1024;

struct Record {
  size_t number = 0;  // 1-based, in input order (header lines not counted)
  size_t line = 0;    // 1-based line where the record starts
  std::string id;     // from the input, else the record number
  std::string text;
  int age = -1;  // structured columns, -1 = not given
  int parent_age = -1;
  std::string error;       // non-empty: the record is bad, and why
  std::string error_kind;  // invalid-utf8, invalid-cp932, too-long, csv-quote, json, empty-text, bad-age...

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

/// The encoding of the input. kAuto reads UTF-8 unless the first line
/// holding a byte over 0x7F, with the lines read ahead with it (up to 64
/// KiB), is not valid UTF-8 and reads as CP932 with no undecodable byte,
/// or with under a tenth as many as UTF-8 finds; then CP932. A UTF-8 byte
/// order mark is UTF-8. Input all ASCII reads the same either way.
enum class InputEncoding { kAuto, kUtf8, kCp932 };

/// Any case: "auto"; "utf-8", "utf8"; "cp932" and the names it goes by
/// ("shift_jis", "shift-jis", "sjis", "windows-31j", "ms932"). False when
/// unknown.
bool ParseInputEncoding(const std::string& name, InputEncoding* out);
/// Every name ParseInputEncoding takes, lower case (for "did you mean").
std::vector<std::string> InputEncodingNames();

struct ReaderOptions {
  InputEncoding encoding = InputEncoding::kAuto;
  /// With kAuto: called once, when the encoding is settled (kUtf8 or
  /// kCp932), from the thread that calls Next or Open. Not called for an
  /// input all ASCII, which reads the same either way.
  std::function<void(InputEncoding)> detected;
};

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
/// in read errors ("cannot read NAME: ..."). Open fails (Io) when the
/// encoding needs iconv's CP932 and this system's iconv lacks it.
std::unique_ptr<RecordReader> MakeRecordReader(InputFormat format, FILE* file, const std::string& name = "the input",
                                               const ReaderOptions& options = ReaderOptions());

#endif  // TSUNAGU_BATCH_INPUT_H_
