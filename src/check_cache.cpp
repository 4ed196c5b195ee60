#include "check_cache.h"

#include <elf.h>
#include <fcntl.h>
#include <link.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <deque>

#include "binary_io.h"
#include "model_cache.h"
#include "tokens.h"
#include "xxh3.h"

namespace {

// Bump when the key's inputs or this file's layout change.
constexpr int kCheckCacheFormat = 1;
constexpr char kMagic[] = "TSUCHK01";
constexpr size_t kMagicBytes = sizeof kMagic - 1;

std::string Hex(const unsigned char* bytes, size_t n) {
  std::string hex;
  char two[3];
  for (size_t i = 0; i < n; ++i) {
    std::snprintf(two, sizeof two, "%02x", bytes[i]);
    hex += two;
  }
  return hex;
}

// The NT_GNU_BUILD_ID note of the program (the first object
// dl_iterate_phdr reports), as the linker wrote it: it changes with every
// change to the code or the embedded data.
int FindBuildId(struct dl_phdr_info* info, size_t, void* data) {
  auto* out = static_cast<std::string*>(data);
  for (int i = 0; i < info->dlpi_phnum; ++i) {
    const ElfW(Phdr)& ph = info->dlpi_phdr[i];
    if (ph.p_type != PT_NOTE) continue;
    // Notes are padded to 4 bytes, or to 8 in a segment aligned to 8.
    const size_t align = ph.p_align == 8 ? 8 : 4;
    auto pad = [align](size_t n) { return (n + align - 1) / align * align; };
    const char* p = reinterpret_cast<const char*>(info->dlpi_addr + ph.p_vaddr);
    size_t left = ph.p_memsz;
    while (left >= sizeof(ElfW(Nhdr))) {
      ElfW(Nhdr) note;
      std::memcpy(&note, p, sizeof note);
      const size_t name_bytes = pad(note.n_namesz), total = sizeof note + name_bytes + pad(note.n_descsz);
      if (name_bytes > left || total > left) break;
      if (note.n_type == NT_GNU_BUILD_ID && note.n_namesz == 4 && std::memcmp(p + sizeof note, "GNU", 4) == 0 &&
          note.n_descsz > 0) {
        *out = Hex(reinterpret_cast<const unsigned char*>(p + sizeof note + name_bytes), note.n_descsz);
        return 1;
      }
      p += total;
      left -= total;
    }
  }
  return 1;  // the program only, not the libraries
}

// Without a build-id: the hash of the running binary's file.
std::string HashOwnFile() {
  int fd = open("/proc/self/exe", O_RDONLY | O_CLOEXEC);
  if (fd < 0) return "";
  XXH3_state_t* state = XXH3_createState();
  XXH3_128bits_reset(state);
  char buf[1 << 16];
  ssize_t n;
  while ((n = read(fd, buf, sizeof buf)) != 0) {
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) break;
    XXH3_128bits_update(state, buf, static_cast<size_t>(n));
  }
  close(fd);
  XXH128_canonical_t c;
  XXH128_canonicalFromHash(&c, XXH3_128bits_digest(state));
  XXH3_freeState(state);
  return n == 0 ? Hex(c.digest, sizeof c.digest) : "";
}

}  // namespace

// The system dictionary's files as stat sees them: a package upgrade
// changes their time or inode, and with them how phrases read.
std::string DictionaryStamp() {
  std::string stamp;
  for (const char* name : {"sys.dic", "matrix.bin", "char.bin", "unk.dic", "dicrc"}) {
    struct stat st;
    stamp += name;
    if (stat((std::string(kMecabDictionary) + "/" + name).c_str(), &st) != 0) {
      stamp += " missing\n";
      continue;
    }
    stamp += " " + std::to_string(st.st_dev) + " " + std::to_string(st.st_ino) + " " + std::to_string(st.st_size) +
             " " + std::to_string(st.st_mtim.tv_sec) + "." + std::to_string(st.st_mtim.tv_nsec) + "\n";
  }
  return stamp;
}

std::string ProgramIdentity() {
  static const std::string identity = [] {
    std::string build_id;
    dl_iterate_phdr(FindBuildId, &build_id);
    if (!build_id.empty()) return "build-id:" + build_id;
    std::string hash = HashOwnFile();
    return hash.empty() ? std::string() : "exe:" + hash;
  }();
  return identity;
}

std::string CheckResultKey(const std::vector<SourceFile>& files, const std::vector<std::string>& settings) {
  const std::string identity = ProgramIdentity();
  if (identity.empty()) return "";
  std::deque<std::string> made;  // the parts made here (a deque: views stay valid)
  std::vector<std::string_view> parts;
  // Each part with its length first, so that no two lists hash alike.
  auto add = [&](std::string_view bytes) {
    parts.push_back(made.emplace_back(std::to_string(bytes.size()) + ':'));
    parts.push_back(bytes);
  };
  auto add_made = [&](std::string bytes) { add(made.emplace_back(std::move(bytes))); };
  add_made("tsunagu check result " + std::to_string(kCheckCacheFormat));
  add(identity);
  add(TSUNAGU_VERSION);
  add_made(DictionaryStamp());
  add_made(std::to_string(settings.size()));
  for (const std::string& setting : settings) add(setting);
  add_made(std::to_string(files.size()));
  for (const SourceFile& f : files) {
    add(f.name);
    add_made(f.read.ok() ? std::string("read") : "not read: " + f.read.ToString());
    add(f.text);
  }
  return Xxh3Hex(Xxh3_128(parts));
}

std::string CheckResultFileName(const std::string& key) { return key + ".check"; }

std::string EncodeCheckResult(const std::string& key, const CheckResult& result) {
  Writer w;
  w.out_ = kMagic;
  w.Str(key);
  w.Int(result.exit_code);
  w.Str(result.out);
  w.out_ += CacheChecksum(w.out_);
  return std::move(w.out_);
}

Status DecodeCheckResult(std::string_view bytes, const std::string& key, CheckResult* result) {
  if (bytes.size() < kMagicBytes + kCacheChecksumBytes) return Status::Internal("too short");
  std::string_view body = bytes.substr(0, bytes.size() - kCacheChecksumBytes);
  if (CacheChecksum(body) != bytes.substr(body.size())) return Status::Internal("checksum mismatch");
  if (body.substr(0, kMagicBytes) != kMagic) return Status::Internal("not a check result of this version");
  Reader r(body.substr(kMagicBytes));
  std::string_view stored_key = r.View();
  const int exit_code = r.Small();
  std::string_view out = r.View();
  if (!r.ok() || !r.AtEnd() || exit_code < 0 || exit_code > 255) return Status::Internal("damaged layout");
  if (stored_key != key) return Status::Internal("made for other files");
  result->out = std::string(out);
  result->exit_code = exit_code;
  return Status::Ok();
}

bool ReadCheckResult(const std::string& key, CheckResult* result) {
  std::string bytes;
  if (key.empty() || !ReadCacheFile(CheckResultFileName(key), &bytes)) return false;
  return DecodeCheckResult(bytes, key, result).ok();
}

void WriteCheckResult(const std::string& key, const CheckResult& result) {
  if (key.empty()) return;
  std::string bytes = EncodeCheckResult(key, result);
  // Never write what a reader would refuse: it would be checked again and
  // rewritten on every run.
  if (bytes.size() <= kMaxCacheFileBytes) WriteCacheFile(CheckResultFileName(key), bytes);
}
