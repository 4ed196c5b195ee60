#include "safe_file.h"

#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>

#include "messages.h"

namespace {

// Temporary paths still open, for the signal handler. Fixed slots and
// plain char arrays: a signal handler may only touch such memory.
constexpr int kSlots = 8;
constexpr size_t kPathMax = 4096;
char g_temp_paths[kSlots][kPathMax];
std::atomic<bool> g_slot_used[kSlots];

// The one SafeFileSet at a time: its temporary directory and how many
// numbered files (1..count) it may hold.
char g_set_dir[kPathMax];
std::atomic<size_t> g_set_count{0};
std::atomic<bool> g_set_used{false};

int Register(const std::string& temp) {
  if (temp.size() >= kPathMax) return -1;
  for (int i = 0; i < kSlots; ++i) {
    bool expected = false;
    if (g_slot_used[i].compare_exchange_strong(expected, true)) {
      std::memcpy(g_temp_paths[i], temp.c_str(), temp.size() + 1);
      return i;
    }
  }
  return -1;
}

void Unregister(const std::string& temp) {
  for (int i = 0; i < kSlots; ++i)
    if (g_slot_used[i] && temp == g_temp_paths[i]) g_slot_used[i] = false;
}

// dir + "/" + number into out (size kPathMax + 24), with only what a
// signal handler may call.
void NumberedPath(const char* dir, size_t number, char* out) {
  size_t n = std::strlen(dir);
  std::memcpy(out, dir, n);
  out[n++] = '/';
  char digits[24];
  int d = 0;
  do {
    digits[d++] = static_cast<char>('0' + number % 10);
    number /= 10;
  } while (number > 0);
  while (d > 0) out[n++] = digits[--d];
  out[n] = '\0';
}

extern "C" void RemoveTempsAndDie(int signal) {
  for (int i = 0; i < kSlots; ++i)
    if (g_slot_used[i]) unlink(g_temp_paths[i]);
  if (g_set_used) {
    char path[kPathMax + 24];
    for (size_t i = 1, n = g_set_count; i <= n; ++i) {
      NumberedPath(g_set_dir, i, path);
      unlink(path);
    }
    rmdir(g_set_dir);
  }
  std::signal(signal, SIG_DFL);
  std::raise(signal);
}

constexpr int kCleanupSignals[] = {SIGINT, SIGTERM, SIGHUP};

std::string Errno() { return std::strerror(errno); }

}  // namespace

void InstallCleanupOnSignal() {
  struct sigaction action;
  std::memset(&action, 0, sizeof action);
  action.sa_handler = RemoveTempsAndDie;
  sigemptyset(&action.sa_mask);
  for (int signal : kCleanupSignals) sigaddset(&action.sa_mask, signal);
  for (int signal : kCleanupSignals) {
    // An inherited "ignore" is the caller's wish (nohup; a shell ignores
    // SIGINT for a script's background jobs): replacing it would kill a
    // run that was meant to survive.
    struct sigaction old;
    if (sigaction(signal, nullptr, &old) == 0 && old.sa_handler == SIG_IGN) continue;
    sigaction(signal, &action, nullptr);
  }
}

Status CheckOutputTarget(const std::string& path, bool overwrite) {
  struct stat st;
  if (lstat(path.c_str(), &st) != 0) {
    if (errno == ENOENT) return Status::Ok();  // its directory is tried when the file is created
    return Status::Io(TrF("cannot create {}: {}", path, Errno()));
  }
  // A link, even dangling, is neither followed (the data would land where
  // the link points) nor replaced.
  if (S_ISLNK(st.st_mode))
    return Status::Io(
        TrF("{} is a symbolic link; -o does not write through links nor replace them: "
            "give the path of a new file",
            path));
  // A device, directory or pipe is never replaced, --force or not:
  // renaming onto /dev/null as root would turn the device into a file.
  if (!S_ISREG(st.st_mode))
    return Status::Io(
        TrF("{} is not a regular file (a device, directory or pipe); -o writes files only: "
            "leave out -o to write to standard output and redirect that",
            path));
  if (!overwrite) return Status::Io(TrF("{} already exists; use --force to replace it", path));
  // Read-only for its owner counts even for root, whom access() lets write.
  if ((st.st_mode & S_IWUSR) == 0 || access(path.c_str(), W_OK) != 0)
    return Status::Io(TrF("{} is read-only; --force does not replace it: make it writable or remove it first", path));
  return Status::Ok();
}

SafeFile::SafeFile(std::string path, std::string temp, int fd, bool overwrite)
    : path_(std::move(path)), temp_(std::move(temp)), fd_(fd), overwrite_(overwrite) {}

Status SafeFile::Create(const std::string& path, bool overwrite, std::unique_ptr<SafeFile>* out) {
  Status target = CheckOutputTarget(path, overwrite);
  if (!target.ok()) return target;
  std::string temp = path + ".tmp-" + std::to_string(getpid());
  int fd = open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) return Status::Io(TrF("cannot create {}: {}", path, Errno()));
  Register(temp);
  out->reset(new SafeFile(path, temp, fd, overwrite));
  return Status::Ok();
}

SafeFile::~SafeFile() {
  if (fd_ >= 0) close(fd_);
  if (!committed_) unlink(temp_.c_str());
  Unregister(temp_);
}

Status SafeFile::Write(std::string_view data) { return WriteAllParts(fd_, {data}, path_); }

Status SafeFile::WriteParts(const std::vector<std::string_view>& parts) { return WriteAllParts(fd_, parts, path_); }

Status WriteAllParts(int fd, const std::vector<std::string_view>& parts, const std::string& what) {
  std::vector<iovec> io;
  io.reserve(parts.size());
  for (std::string_view p : parts)
    if (!p.empty()) io.push_back({const_cast<char*>(p.data()), p.size()});
  size_t first = 0;
  while (first < io.size()) {
    const int count = static_cast<int>(std::min<size_t>(io.size() - first, IOV_MAX));
    ssize_t n = writev(fd, io.data() + first, count);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return Status::Io(TrF("cannot write {}: {}", what, Errno()));
    // Skip what was written: whole parts, then the written front of one.
    size_t left = static_cast<size_t>(n);
    while (first < io.size() && left >= io[first].iov_len) left -= io[first++].iov_len;
    if (left > 0) {
      io[first].iov_base = static_cast<char*>(io[first].iov_base) + left;
      io[first].iov_len -= left;
    }
  }
  return Status::Ok();
}

namespace {

// Moves temp onto target: without overwrite by a hard link, so that a file
// that appeared meanwhile is still not replaced (the caller removes temp);
// with it by rename, after checking again that the target is no device,
// directory, pipe or link.
Status Place(const std::string& temp, const std::string& target, bool overwrite) {
  if (!overwrite) {
    if (link(temp.c_str(), target.c_str()) != 0)
      return Status::Io(errno == EEXIST ? TrF("{} already exists; use --force to replace it", target)
                                        : TrF("cannot create {}: {}", target, Errno()));
    return Status::Ok();
  }
  Status s = CheckOutputTarget(target, true);
  if (!s.ok()) return s;
  if (rename(temp.c_str(), target.c_str()) != 0) return Status::Io(TrF("cannot replace {}: {}", target, Errno()));
  return Status::Ok();
}

}  // namespace

Status SafeFile::Commit() {
  if (fsync(fd_) != 0 || close(fd_) != 0) {
    fd_ = -1;
    return Status::Io(TrF("cannot finish writing {}: {}", path_, Errno()));
  }
  fd_ = -1;
  Status s = Place(temp_, path_, overwrite_);
  if (!s.ok()) return s;
  if (!overwrite_) unlink(temp_.c_str());
  committed_ = true;
  return Status::Ok();
}

SafeFileSet::SafeFileSet(std::string dir, std::string temp_dir, bool overwrite)
    : dir_(std::move(dir)), temp_dir_(std::move(temp_dir)), overwrite_(overwrite) {}

Status SafeFileSet::Create(const std::string& dir, bool overwrite, std::unique_ptr<SafeFileSet>* out) {
  Status s = MakeDirectory(dir);
  if (!s.ok()) return s;
  std::string temp_dir = dir + "/.tsunagu-tmp-" + std::to_string(getpid());
  if (temp_dir.size() >= kPathMax) return Status::Io(TrF("cannot write in {}: the path is too long", dir));
  if (g_set_used) return Status::Internal("a second set of split files was started while one is open");
  // Known to the handler before it exists: a signal in between removes it.
  std::memcpy(g_set_dir, temp_dir.c_str(), temp_dir.size() + 1);
  g_set_count = 0;
  g_set_used = true;
  if (mkdir(temp_dir.c_str(), 0700) != 0) {
    g_set_used = false;
    return Status::Io(TrF("cannot write in {}: {}", dir, Errno()));
  }
  out->reset(new SafeFileSet(dir, temp_dir, overwrite));
  return Status::Ok();
}

SafeFileSet::~SafeFileSet() {
  if (!done_) RemoveTemps();
  g_set_used = false;
}

std::string SafeFileSet::TempPath(size_t i) const { return temp_dir_ + "/" + std::to_string(i + 1); }

void SafeFileSet::RemoveTemps() {
  for (size_t i = 0; i < names_.size(); ++i) unlink(TempPath(i).c_str());
  rmdir(temp_dir_.c_str());
}

Status SafeFileSet::Add(const std::string& name, const std::vector<std::string_view>& parts) {
  const std::string target = dir_ + "/" + name;
  Status s = CheckOutputTarget(target, overwrite_);
  if (!s.ok()) return s;
  const std::string temp = TempPath(names_.size());
  names_.push_back(name);
  g_set_count = names_.size();  // before the file exists: a signal then removes it too
  int fd = open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) return Status::Io(TrF("cannot create {}: {}", target, Errno()));
  s = WriteAllParts(fd, parts, target);
  if (s.ok() && fsync(fd) != 0) s = Status::Io(TrF("cannot finish writing {}: {}", target, Errno()));
  if (close(fd) != 0 && s.ok()) s = Status::Io(TrF("cannot finish writing {}: {}", target, Errno()));
  return s;
}

Status SafeFileSet::Commit() {
  // The signals wait: an interruption halfway would leave part of the set.
  sigset_t block, old;
  sigemptyset(&block);
  for (int signal : kCleanupSignals) sigaddset(&block, signal);
  pthread_sigmask(SIG_BLOCK, &block, &old);
  Status s;
  for (const std::string& name : names_) {
    s = CheckOutputTarget(dir_ + "/" + name, overwrite_);
    if (!s.ok()) break;
  }
  size_t placed = 0;
  while (s.ok() && placed < names_.size()) {
    s = Place(TempPath(placed), dir_ + "/" + names_[placed], overwrite_);
    if (s.ok()) ++placed;
  }
  if (!s.ok() && !overwrite_) {
    // Linked, not moved, and new: they go, and the set is back to none.
    for (size_t i = 0; i < placed; ++i) unlink((dir_ + "/" + names_[i]).c_str());
  }
  RemoveTemps();
  done_ = true;
  g_set_used = false;
  pthread_sigmask(SIG_SETMASK, &old, nullptr);
  return s;
}

Status MakeDirectory(const std::string& path) {
  for (size_t slash = path.find('/', 1);; slash = path.find('/', slash + 1)) {
    std::string part = path.substr(0, slash);
    if (mkdir(part.c_str(), 0700) != 0 && errno != EEXIST)
      return Status::Io(TrF("cannot create directory {}: {}", part, Errno()));
    if (slash == std::string::npos) break;
  }
  struct stat st;
  if (stat(path.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) return Status::Io(TrF("{} is not a directory", path));
  return Status::Ok();
}
