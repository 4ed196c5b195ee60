#include "load_model.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
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

Status LoadModel(const FileSource& source, Model* model) {
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
  std::vector<std::unique_ptr<YamlDoc>> docs;
  std::vector<std::string> texts(kFiles);
  std::vector<Status> parsed(kFiles);
  for (size_t i = 0; i < kFiles; ++i) {
    std::string name;
    parsed[i] = source(kSteps[i].data, kSteps[i].file, &texts[i], &name);
    docs.push_back(std::make_unique<YamlDoc>(name));
  }
  ParseModelFiles([&](size_t i) {
    if (parsed[i].ok()) parsed[i] = docs[i]->Parse(texts[i]);
  });
  *model = Model();
  for (size_t i = 0; i < kFiles; ++i) {
    if (!parsed[i].ok()) return parsed[i];
    Status s = kSteps[i].load(*docs[i], model);
    if (!s.ok()) return s;
    docs[i].reset();
  }
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
