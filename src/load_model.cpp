#include "load_model.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <exception>
#include <future>
#include <memory>
#include <system_error>
#include <thread>
#include <utility>
#include <vector>

#include "load_data.h"
#include "load_rules.h"
#include "messages.h"
#include "yaml_doc.h"

namespace {
// Data and rule files are small; a bigger one is a mistake (or an attack).
constexpr size_t kMaxFileBytes = 4 * 1024 * 1024;

}  // namespace

Status ReadFile(const std::string& path, std::string* contents) {
  contents->clear();
  // O_NONBLOCK: opening a FIFO does not wait for a writer; it is refused
  // below, as are directories and devices, checked on the opened file. A
  // symbolic link to a regular file is followed (data directories are
  // often links).
  int fd = open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return Status::Io(TrF("cannot open {}: {}", path, std::strerror(errno)));
  struct stat st;
  if (fstat(fd, &st) != 0) {
    Status s = Status::Io(TrF("cannot read {}: {}", path, std::strerror(errno)));
    close(fd);
    return s;
  }
  if (!S_ISREG(st.st_mode)) {
    close(fd);
    return Status::Io(
        S_ISDIR(st.st_mode)
            ? TrF("cannot read {}: a directory; data, rule and case files must be regular files", path)
            : TrF("cannot read {}: not a regular file; data, rule and case files must be regular files", path));
  }
  // A bad data file (exit 4), not an unreadable one.
  const Status too_large = Status::Data(
      path, 0, 0, TrF("larger than {} bytes; data and rule files are expected to be small", kMaxFileBytes));
  if (static_cast<uint64_t>(st.st_size) > kMaxFileBytes) {
    close(fd);
    return too_large;
  }
  // One allocation of the right size: growing by doubling touches (and
  // page-faults) twice the memory, a visible share of a short run. The
  // file may still grow while read: never past the limit.
  contents->resize(static_cast<size_t>(st.st_size) + 1);
  size_t got = 0;
  for (;;) {
    if (got == contents->size()) contents->resize(std::min(contents->size() * 2, kMaxFileBytes + 1));
    ssize_t n = read(fd, &(*contents)[got], contents->size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      Status s = Status::Io(TrF("cannot read {}: {}", path, std::strerror(errno)));
      close(fd);
      contents->clear();
      return s;
    }
    if (n == 0) break;
    got += static_cast<size_t>(n);
    if (got > kMaxFileBytes) {
      close(fd);
      contents->clear();
      return too_large;
    }
  }
  close(fd);
  contents->resize(got);
  return Status::Ok();
}

void ParseModelFiles(const std::function<void(size_t)>& parse) {
  std::thread helper([&] {
    parse(2);
    parse(1);
  });
  for (size_t i : {0, 3, 4, 5}) parse(i);
  helper.join();
}

Status LoadModel(const FileSource& source, Model* model, const LexiconLoaded& lexicon_loaded) {
  using Loader = Status (*)(const YamlDoc&, Model*);
  struct Step {
    bool data;
    const char* file;
    Loader load;
  };
  static const Step kSteps[] = {{true, "agencies.yaml", LoadAgencies}, {true, "crisis.yaml", LoadCrisis},
                                {false, "lexicon.yaml", LoadLexicon},  {false, "routing.yaml", LoadRouting},
                                {false, "alerts.yaml", LoadAlerts},    {true, "holidays.yaml", LoadHolidays}};
  constexpr size_t kFiles = sizeof kSteps / sizeof kSteps[0];
  constexpr size_t kLexicon = 2;
  std::vector<std::string> texts(kFiles);
  std::vector<Status> status(kFiles);
  std::vector<std::string> names(kFiles);
  for (size_t i = 0; i < kFiles; ++i) status[i] = source(kSteps[i].data, kSteps[i].file, &texts[i], &names[i]);
  *model = Model();
  // Each file is parsed, then loaded in its turn (a file's references need
  // the files before it), and freed. Only the lexicon's subjects, facts
  // and words are read by what comes after it (routing, alerts, and
  // lexicon_loaded), so the lexicon, the largest file, goes to a thread of
  // its own that loads it and goes on to lexicon_loaded (MeCab reads
  // every phrase), while this thread parses and loads the rest.
  auto load = [&](size_t i) {
    if (!status[i].ok()) return;
    YamlDoc doc(names[i]);  // freed once loaded
    status[i] = doc.Parse(texts[i]);
    if (status[i].ok()) status[i] = kSteps[i].load(doc, model);
  };
  // What a thread threw, thrown here once both are done: the lexicon's
  // load (seen by this thread after lexicon_ready), lexicon_loaded (seen
  // after the join) and this thread's own.
  std::exception_ptr load_failed, hook_failed, failed_here;
  std::promise<void> lexicon_read;
  std::future<void> lexicon_ready = lexicon_read.get_future();
  auto lexicon_work = [&] {
    try {
      load(kLexicon);
    } catch (...) {
      load_failed = std::current_exception();
    }
    lexicon_read.set_value();
    if (load_failed || !status[kLexicon].ok() || !lexicon_loaded) return;
    try {
      lexicon_loaded(*model);
    } catch (...) {
      hook_failed = std::current_exception();
    }
  };
  std::thread lexicon;
  try {
    lexicon = std::thread(lexicon_work);
  } catch (const std::system_error&) {
    lexicon_work();  // no thread to be had: here, first
  }
  try {
    bool ok = true;  // every file so far loaded
    for (size_t i = 0; i < kFiles && ok; ++i) {
      if (i == kLexicon) {
        lexicon_ready.wait();
        ok = !load_failed && status[i].ok();
      } else {
        load(i);
        ok = status[i].ok();
      }
    }
  } catch (...) {
    failed_here = std::current_exception();
  }
  if (lexicon.joinable()) lexicon.join();
  for (const std::exception_ptr& e : {failed_here, load_failed, hook_failed})
    if (e) std::rethrow_exception(e);
  for (const Status& s : status)
    if (!s.ok()) return s;
  return Status::Ok();
}

Status LoadModelFromDirs(const std::string& data_dir, const std::string& rules_dir, Model* model) {
  return LoadModel(
      [&](bool data, const std::string& file, std::string* text, std::string* name) {
        *name = (data ? data_dir : rules_dir) + "/" + file;
        return ReadFile(*name, text);
      },
      model);
}
