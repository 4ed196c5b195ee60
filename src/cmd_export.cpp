// `tsunagu export-data DIR` and `tsunagu --version`: the built-in data
// and rules as files to edit, and which data and rules a binary carries.
// `tsunagu export --format hsds`: the agencies for other systems.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "commands.h"
#include "data_version.h"
#include "messages.h"
#include "render_hsds.h"
#include "safe_file.h"

namespace {

// Creates dir (0755, exactly) unless it is already a directory.
Status MakeExportDirectory(const std::string& dir) {
  if (mkdir(dir.c_str(), 0755) == 0) {
    chmod(dir.c_str(), 0755);  // whatever the umask
    return Status::Ok();
  }
  int error = errno;
  struct stat st;
  if (error == EEXIST && stat(dir.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) return Status::Ok();
  if (error == EEXIST) return Status::Io(TrF("export-data: {} exists and is not a directory", dir));
  return Status::Io(TrF("export-data: cannot create directory {}: {}", dir, std::strerror(error)));
}

Status WriteExportFile(const std::string& path, std::string_view text, bool force) {
  int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC | (force ? O_TRUNC : O_EXCL), 0644);
  if (fd < 0) {
    if (errno == EEXIST) return Status::Io(TrF("export-data: {} exists; use --force to overwrite it", path));
    return Status::Io(TrF("export-data: cannot write {}: {}", path, std::strerror(errno)));
  }
  fchmod(fd, 0644);  // whatever the umask, and for a file overwritten
  Status s = WriteAllParts(fd, {text}, path);
  if (close(fd) != 0 && s.ok()) s = Status::Io(TrF("export-data: cannot write {}: {}", path, std::strerror(errno)));
  return s;
}

}  // namespace

int RunExportData(const CliOptions& options) {
  std::string dir = options.export_dir;
  while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
  std::vector<YamlFile> files = EmbeddedYamlFiles();
  // Refuse before writing anything: no half export next to a kept file.
  if (!options.force) {
    for (const YamlFile& f : files) {
      std::string path = dir + "/" + f.path;
      struct stat st;
      if (lstat(path.c_str(), &st) == 0)
        return Fail(Status::Io(TrF("export-data: {} exists; use --force to overwrite it", path)));
    }
  }
  Status s = MakeExportDirectory(dir);
  for (const char* sub : {"/data", "/rules"})
    if (s.ok()) s = MakeExportDirectory(dir + sub);
  for (const YamlFile& f : files)
    if (s.ok()) s = WriteExportFile(dir + "/" + f.path, f.text, options.force);
  if (!s.ok()) return Fail(s);
  std::string check = "tsunagu --data " + dir + "/data --rules " + dir + "/rules check";
  WriteOut(TrF("Wrote {} files to {}/data and {}/rules. After an edit: {}\n", files.size(), dir, dir, check));
  return kExitOk;
}

int RunVersion(const CliOptions& options) {
  std::string version, built_in;
  Status s = DataVersion(options.data_dir, options.rules_dir, &version);
  if (s.ok()) s = DataVersion("", "", &built_in);
  if (!s.ok()) return Fail(s);
  std::printf("tsunagu %s\n", kVersion);
  if (options.data_dir.empty() && options.rules_dir.empty()) {
    std::printf("data+rules: %s (%s)\n", version.c_str(), kGuidelineTitle);
  } else {
    std::string from;
    if (!options.data_dir.empty()) from += "--data " + options.data_dir;
    if (!options.rules_dir.empty()) from += (from.empty() ? "" : ", ") + std::string("--rules ") + options.rules_dir;
    std::printf("data+rules: %s (%s; built in: %s)\n", version.c_str(), from.c_str(), built_in.c_str());
  }
  return kExitOk;
}

int RunExport(const CommandContext& c) {
  const std::string format = c.options.format.empty() ? "hsds" : c.options.format;
  if (format != "hsds") return Fail(Status::Usage(TrF("export --format must be hsds, not '{}'", format)));
  WriteOut(RenderHsds(c.model, c.options.lang));
  return kExitOk;
}
