// Tests for src/check_cache.h: the key, the file format and its damage,
// and the trust rules of ReadCacheFile/WriteCacheFile (model_cache.h) as
// the stored results use them. Through the real binary:
// tests/check_cache_cli_test.sh.
#include "check_cache.h"

#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "model_cache.h"
#include "scoped_env.h"

namespace {

std::vector<SourceFile> Files() {
  std::vector<SourceFile> files(2);
  files[0].name = "data/agencies.yaml";
  files[0].text = "- id: a\n";
  files[1].name = "rules/lexicon.yaml";
  files[1].text = "facts: []\n";
  return files;
}

const std::vector<std::string> kSettings = {"lang=ja", "format=text"};

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace

TEST_CASE("ProgramIdentity: this binary's build-id, the same every call") {
  const std::string id = ProgramIdentity();
  CHECK(id.rfind("build-id:", 0) == 0);
  CHECK(id.size() > 9 + 16);
  CHECK(id.find_first_not_of("0123456789abcdef", 9) == std::string::npos);
  CHECK(ProgramIdentity() == id);
}

TEST_CASE("CheckResultKey: 32 hex digits that change with any name, byte, read status or setting") {
  const std::string key = CheckResultKey(Files(), kSettings);
  CHECK(key.size() == 32);
  CHECK(key.find_first_not_of("0123456789abcdef") == std::string::npos);
  CHECK(CheckResultKey(Files(), kSettings) == key);

  std::vector<SourceFile> files = Files();
  files[1].text.back() = ' ';
  CHECK(CheckResultKey(files, kSettings) != key);
  files = Files();
  files[0].name = "data2/agencies.yaml";
  CHECK(CheckResultKey(files, kSettings) != key);
  files = Files();
  files[0].read = Status::Internal("cannot open");
  CHECK(CheckResultKey(files, kSettings) != key);
  files = Files();
  files.pop_back();
  CHECK(CheckResultKey(files, kSettings) != key);
  // A byte moved from one file to the next, or from a name to a text: lengths keep them apart.
  files = Files();
  files[0].text += files[1].name.substr(0, 1);
  files[1].name = files[1].name.substr(1);
  CHECK(CheckResultKey(files, kSettings) != key);

  CHECK(CheckResultKey(Files(), {"lang=en", "format=text"}) != key);
  CHECK(CheckResultKey(Files(), {"lang=ja", "format=json"}) != key);
  CHECK(CheckResultKey(Files(), {"lang=ja"}) != key);
  CHECK(CheckResultKey(Files(), {"lang=ja", "format=text", "color=1"}) != key);
}

TEST_CASE("DecodeCheckResult: a round trip, and each damage refused") {
  const std::string key = CheckResultKey(Files(), kSettings);
  CheckResult result;
  result.out = "rules/lexicon.yaml:1:1: error: x\n";
  result.exit_code = 4;
  const std::string bytes = EncodeCheckResult(key, result);
  CheckResult back;
  REQUIRE(DecodeCheckResult(bytes, key, &back).ok());
  CHECK(back.out == result.out);
  CHECK(back.exit_code == 4);

  CHECK(DecodeCheckResult(bytes, "0123456789abcdef0123456789abcdef", &back).message() == "made for other files");
  CHECK(DecodeCheckResult("", key, &back).message() == "too short");
  for (size_t n = 24; n < bytes.size(); ++n) CHECK(!DecodeCheckResult(bytes.substr(0, n), key, &back).ok());
  CHECK(DecodeCheckResult(bytes + "x", key, &back).message() == "checksum mismatch");
  for (size_t i = 0; i < bytes.size(); ++i) {
    std::string flipped = bytes;
    flipped[i] ^= 1;
    CHECK(DecodeCheckResult(flipped, key, &back).message() == "checksum mismatch");
  }
  // A valid checksum over a bad layout or status.
  std::string body = bytes.substr(0, bytes.size() - kCacheChecksumBytes) + "y";
  CHECK(DecodeCheckResult(body + CacheChecksum(body), key, &back).message() == "damaged layout");
  result.exit_code = 256;
  CHECK(DecodeCheckResult(EncodeCheckResult(key, result), key, &back).message() == "damaged layout");
  body = "TSUCACH6" + bytes.substr(8, bytes.size() - 8 - kCacheChecksumBytes);
  CHECK(DecodeCheckResult(body + CacheChecksum(body), key, &back).message() == "not a check result of this version");
}

TEST_CASE("ReadCheckResult and WriteCheckResult: only in a directory and a file of one's own") {
  TempDir dir;
  const std::string cache = dir.path + "/cache";
  ScopedEnv env("TSUNAGU_CACHE_DIR", cache.c_str());
  ScopedEnv on("TSUNAGU_CACHE", nullptr);
  const std::string key = CheckResultKey(Files(), kSettings);
  const std::string path = cache + "/" + CheckResultFileName(key);
  CheckResult result, back;
  result.out = "0 errors, 0 warnings in 2 files\n";

  SUBCASE("written in a new 0700 directory as a 0600 file, read back") {
    CHECK_FALSE(ReadCheckResult(key, &back));
    WriteCheckResult(key, result);
    struct stat st;
    REQUIRE(stat(path.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    REQUIRE(stat(cache.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0700);
    REQUIRE(ReadCheckResult(key, &back));
    CHECK(back.out == result.out);
    CHECK_FALSE(ReadCheckResult(CheckResultKey(Files(), {"lang=en"}), &back));
  }
  SUBCASE("a group-writable file: not read, replaced by the next write") {
    WriteCheckResult(key, result);
    chmod(path.c_str(), 0620);
    CHECK_FALSE(ReadCheckResult(key, &back));
    WriteCheckResult(key, result);
    CHECK(ReadCheckResult(key, &back));
  }
  SUBCASE("a symbolic link to a good result: not read") {
    WriteCheckResult(key, result);
    std::filesystem::rename(path, dir.path + "/good");
    std::filesystem::create_symlink(dir.path + "/good", path);
    CHECK_FALSE(ReadCheckResult(key, &back));
    WriteCheckResult(key, result);
    CHECK_FALSE(std::filesystem::is_symlink(path));
    CHECK(ReadCheckResult(key, &back));
  }
  SUBCASE("a FIFO: not read, without blocking") {
    mkdir(cache.c_str(), 0700);
    REQUIRE(mkfifo(path.c_str(), 0600) == 0);
    CHECK_FALSE(ReadCheckResult(key, &back));
  }
  SUBCASE("a group-writable directory: not read, not written") {
    WriteCheckResult(key, result);
    const std::string before = Slurp(path);
    chmod(cache.c_str(), 0770);
    CHECK_FALSE(ReadCheckResult(key, &back));
    result.out = "changed\n";
    WriteCheckResult(key, result);
    CHECK(Slurp(path) == before);
    std::filesystem::remove(path);
    WriteCheckResult(key, result);
    CHECK_FALSE(std::filesystem::exists(path));
  }
  SUBCASE("TSUNAGU_CACHE=off: not read, not written") {
    WriteCheckResult(key, result);
    ScopedEnv off("TSUNAGU_CACHE", "off");
    CHECK_FALSE(ReadCheckResult(key, &back));
    std::filesystem::remove(path);
    WriteCheckResult(key, result);
    CHECK_FALSE(std::filesystem::exists(path));
  }
  SUBCASE("damaged: not read") {
    WriteCheckResult(key, result);
    std::filesystem::resize_file(path, std::filesystem::file_size(path) - 1);
    CHECK_FALSE(ReadCheckResult(key, &back));
  }
  SUBCASE("an empty key (an unknown binary): nothing read or written") {
    WriteCheckResult("", result);
    CHECK_FALSE(std::filesystem::exists(cache));
    CHECK_FALSE(ReadCheckResult("", &back));
  }
}
