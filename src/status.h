// Status: the result of an operation that can fail, carried as a value.
// Errors cross layers as Status; only main decides the exit code and prints.
// A Status may point into an input file (file:line:column, 1-based).
#ifndef TSUNAGU_STATUS_H_
#define TSUNAGU_STATUS_H_

#include <string>

enum class ErrorKind { kOk, kUsage, kInput, kData, kIo, kInternal };

class Status {
 public:
  Status() = default;
  static Status Ok() { return Status(); }
  /// A problem in the user's command line.
  static Status Usage(std::string msg) { return Status(ErrorKind::kUsage, std::move(msg)); }
  /// A problem in a query or batch record (bad UTF-8, too long...).
  static Status Input(std::string msg) { return Status(ErrorKind::kInput, std::move(msg)); }
  /// A problem in a data or rule file, at a position when known.
  static Status Data(std::string file, int line, int column, std::string msg) {
    Status s(ErrorKind::kData, std::move(msg));
    s.file_ = std::move(file);
    s.line_ = line;
    s.column_ = column;
    return s;
  }
  static Status Io(std::string msg) { return Status(ErrorKind::kIo, std::move(msg)); }
  static Status Internal(std::string msg) { return Status(ErrorKind::kInternal, std::move(msg)); }

  bool ok() const { return kind_ == ErrorKind::kOk; }
  ErrorKind kind() const { return kind_; }
  const std::string& message() const { return message_; }
  const std::string& file() const { return file_; }
  int line() const { return line_; }
  int column() const { return column_; }

  /// An error about a reference to something not defined ("unknown agency
  /// 'x'"): the kind ("agency", "crisis contact", "fact") and the id, so
  /// that `check` can tell it apart whatever the message's language.
  Status Refers(std::string kind, std::string id) const {
    Status s = *this;
    s.ref_kind_ = std::move(kind);
    s.ref_id_ = std::move(id);
    return s;
  }
  const std::string& ref_kind() const { return ref_kind_; }
  const std::string& ref_id() const { return ref_id_; }

  /// "file:line:column: message" (or just the message when no position).
  std::string ToString() const;

 private:
  Status(ErrorKind kind, std::string msg) : kind_(kind), message_(std::move(msg)) {}
  ErrorKind kind_ = ErrorKind::kOk;
  std::string message_;
  std::string file_;
  int line_ = 0;
  int column_ = 0;
  std::string ref_kind_, ref_id_;
};

/// Process exit codes, documented in man/tsunagu.1.
enum ExitCode {
  kExitOk = 0,
  kExitTestsFailed = 1,   // `tsunagu test`: a scenario failed or coverage too low;
                          // `tsunagu diff --exit-code`: an answer changed
  kExitUsage = 2,         // bad command line
  kExitInput = 3,         // bad query text (e.g. invalid UTF-8)
  kExitData = 4,          // bad data or rule files
  kExitIo = 5,            // a file could not be read or written
  kExitRecordErrors = 6,  // `tsunagu batch` finished, but some records were errors
  kExitInternal = 70,     // a bug: please report
};

/// The exit code that matches a failed status.
int ExitCodeFor(const Status& s);

#endif  // TSUNAGU_STATUS_H_
