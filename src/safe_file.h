// SafeFile: an output file for sensitive data (case texts). It is written
// to a temporary file beside the target, created readable by the owner
// only (0600), and renamed into place on Commit, so a reader never sees a
// half-written file. If the run fails, or is interrupted by SIGINT, SIGTERM
// or SIGHUP, the temporary file is removed: nothing is left behind. The
// target is checked when the file is created, before any work: an existing
// file is refused unless overwriting was asked for, and a symbolic link, a
// device, directory or pipe, or a read-only file always. Messages name the
// target, never the temporary file.
//
// SafeFileSet does the same for many files in one directory (one referral
// sheet per case): all of them appear on Commit, or none.
//
// Not thread-safe: one thread creates, writes and commits.
#ifndef TSUNAGU_SAFE_FILE_H_
#define TSUNAGU_SAFE_FILE_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "status.h"

class SafeFile {
 public:
  /// Starts writing path; fails (Io) if the target is refused (see above)
  /// or its directory does not take a new file.
  static Status Create(const std::string& path, bool overwrite, std::unique_ptr<SafeFile>* out);
  ~SafeFile();  // removes the temporary file unless committed

  Status Write(std::string_view data);
  /// Writes the parts in order, as one write where the system allows.
  Status WriteParts(const std::vector<std::string_view>& parts);
  /// Flushes to disk and renames the temporary file onto the target.
  Status Commit();

 private:
  SafeFile(std::string path, std::string temp, int fd, bool overwrite);
  std::string path_, temp_;
  int fd_;
  bool overwrite_;
  bool committed_ = false;
};

class SafeFileSet {
 public:
  /// Starts a set of files in dir (created 0700 with its parents if
  /// missing). The files are written to a private temporary directory
  /// inside dir until Commit.
  static Status Create(const std::string& dir, bool overwrite, std::unique_ptr<SafeFileSet>* out);
  ~SafeFileSet();  // removes every temporary file unless committed

  /// Checks the target dir/name at once (as SafeFile::Create does) and
  /// writes the parts to its temporary file.
  Status Add(const std::string& name, const std::vector<std::string_view>& parts);
  /// Checks every target again, then moves all the files into place; on
  /// any failure none stays (with overwrite, a file already replaced
  /// cannot come back). SIGINT/SIGTERM/SIGHUP wait until it is done.
  Status Commit();

 private:
  SafeFileSet(std::string dir, std::string temp_dir, bool overwrite);
  std::string TempPath(size_t i) const;
  void RemoveTemps();
  std::string dir_, temp_dir_;
  bool overwrite_;
  std::vector<std::string> names_;  // names_[i] is in temp_dir_/<i + 1>
  bool done_ = false;
};

/// Checks, before any work, that path can be a new output file: the same
/// checks as SafeFile::Create, without creating anything.
Status CheckOutputTarget(const std::string& path, bool overwrite);

/// Writes all the parts to fd in order (writev, resuming after partial
/// writes and EINTR); what names the destination in an error.
Status WriteAllParts(int fd, const std::vector<std::string_view>& parts, const std::string& what);

/// Creates a directory (and parents) with mode 0700 if missing.
Status MakeDirectory(const std::string& path);

/// Installs the SIGINT/SIGTERM/SIGHUP handler that removes unfinished
/// files, for each of these signals that is not ignored: a signal ignored
/// at start (nohup, a background job in a script) stays ignored.
void InstallCleanupOnSignal();

#endif  // TSUNAGU_SAFE_FILE_H_
