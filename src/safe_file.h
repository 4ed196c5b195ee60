// SafeFile: an output file for sensitive data (case texts). It is written
// to a temporary file beside the target, created readable by the owner
// only (0600), and renamed into place on Commit, so a reader never sees a
// half-written file. If the run fails, or is interrupted by SIGINT/SIGTERM,
// the temporary file is removed: nothing is left behind. An existing target
// is refused unless overwriting was asked for.
#ifndef TSUNAGU_SAFE_FILE_H_
#define TSUNAGU_SAFE_FILE_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "status.h"

class SafeFile {
 public:
  /// Starts writing path; fails if it exists and !overwrite.
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

/// Writes all the parts to fd in order (writev, resuming after partial
/// writes and EINTR); what names the destination in an error.
Status WriteAllParts(int fd, const std::vector<std::string_view>& parts, const std::string& what);

/// Creates a directory (and parents) with mode 0700 if missing.
Status MakeDirectory(const std::string& path);

/// Installs the SIGINT/SIGTERM handler that removes unfinished files.
void InstallCleanupOnSignal();

#endif  // TSUNAGU_SAFE_FILE_H_
