#include "safe_file.h"

#include <limits.h>
#include <sys/uio.h>

#include <algorithm>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>

namespace {

// Temporary paths still open, for the signal handler. Fixed slots and
// plain char arrays: a signal handler may only touch such memory.
constexpr int kSlots = 8;
constexpr size_t kPathMax = 4096;
char g_temp_paths[kSlots][kPathMax];
std::atomic<bool> g_slot_used[kSlots];

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

extern "C" void RemoveTempsAndDie(int signal) {
  for (int i = 0; i < kSlots; ++i)
    if (g_slot_used[i]) unlink(g_temp_paths[i]);
  std::signal(signal, SIG_DFL);
  std::raise(signal);
}

std::string Errno() { return std::strerror(errno); }

}  // namespace

void InstallCleanupOnSignal() {
  std::signal(SIGINT, RemoveTempsAndDie);
  std::signal(SIGTERM, RemoveTempsAndDie);
  std::signal(SIGHUP, RemoveTempsAndDie);
}

SafeFile::SafeFile(std::string path, std::string temp, int fd, bool overwrite)
    : path_(std::move(path)), temp_(std::move(temp)), fd_(fd), overwrite_(overwrite) {}

namespace {

// A device, directory or pipe at the target is never replaced, --force or
// not: renaming onto /dev/null as root would turn the device into a file.
Status CheckTarget(const std::string& path, bool overwrite) {
  struct stat st;
  if (stat(path.c_str(), &st) != 0) return Status::Ok();
  if (!S_ISREG(st.st_mode))
    return Status::Io(path + " is not a regular file (a device, directory or pipe); -o writes files only: "
                             "leave out -o to write to standard output and redirect that");
  if (!overwrite) return Status::Io(path + " already exists; use --force to replace it");
  return Status::Ok();
}

}  // namespace

Status SafeFile::Create(const std::string& path, bool overwrite, std::unique_ptr<SafeFile>* out) {
  Status target = CheckTarget(path, overwrite);
  if (!target.ok()) return target;
  std::string temp = path + ".tmp-" + std::to_string(getpid());
  int fd = open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) return Status::Io("cannot create " + temp + ": " + Errno());
  Register(temp);
  out->reset(new SafeFile(path, temp, fd, overwrite));
  return Status::Ok();
}

SafeFile::~SafeFile() {
  if (fd_ >= 0) close(fd_);
  if (!committed_) unlink(temp_.c_str());
  Unregister(temp_);
}

Status SafeFile::Write(std::string_view data) { return WriteAllParts(fd_, {data}, temp_); }

Status SafeFile::WriteParts(const std::vector<std::string_view>& parts) {
  return WriteAllParts(fd_, parts, temp_);
}

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
    if (n <= 0) return Status::Io("cannot write " + what + ": " + Errno());
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

Status SafeFile::Commit() {
  if (fsync(fd_) != 0 || close(fd_) != 0) {
    fd_ = -1;
    return Status::Io("cannot finish writing " + temp_ + ": " + Errno());
  }
  fd_ = -1;
  if (!overwrite_) {
    // Without --force, a file that appeared meanwhile is still not replaced.
    if (link(temp_.c_str(), path_.c_str()) != 0)
      return Status::Io(errno == EEXIST ? path_ + " already exists; use --force to replace it"
                                        : "cannot create " + path_ + ": " + Errno());
    unlink(temp_.c_str());
  } else {
    // Nor, with it, a device, directory or pipe that appeared meanwhile.
    Status target = CheckTarget(path_, true);
    if (!target.ok()) return target;
    if (rename(temp_.c_str(), path_.c_str()) != 0) return Status::Io("cannot replace " + path_ + ": " + Errno());
  }
  committed_ = true;
  return Status::Ok();
}

Status MakeDirectory(const std::string& path) {
  for (size_t slash = path.find('/', 1);; slash = path.find('/', slash + 1)) {
    std::string part = path.substr(0, slash);
    if (mkdir(part.c_str(), 0700) != 0 && errno != EEXIST)
      return Status::Io("cannot create directory " + part + ": " + Errno());
    if (slash == std::string::npos) break;
  }
  struct stat st;
  if (stat(path.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) return Status::Io(path + " is not a directory");
  return Status::Ok();
}
