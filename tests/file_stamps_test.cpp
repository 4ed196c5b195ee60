// Tests for src/file_stamps.h: a stamp sees every change of a file, a
// StampedKey holds only for files settled before they were read, and its
// bytes survive a round trip while damage is refused.
#include "file_stamps.h"

#include <doctest/doctest.h>
#include <fcntl.h>
#include <sys/stat.h>

#include <fstream>
#include <string>
#include <vector>

#include "scoped_env.h"

namespace {
void Write(const std::string& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

StampedKey Settled(std::vector<FileStamp> stamps) {
  StampedKey k;
  k.stamps = std::move(stamps);
  k.read_at_ns = StampClockNow() + (kRacySeconds + 1) * 1000000000LL;  // long after the files' times
  k.key = "0123456789abcdef0123456789abcdef";
  k.data_version = "0123456789ab";
  return k;
}
}  // namespace

TEST_CASE("StampFiles: each file's identity and times; built-in files are zero") {
  TempDir dir;
  const std::string a = dir.path + "/a.yaml";
  Write(a, "abc");
  std::vector<FileStamp> stamps;
  REQUIRE(StampFiles({a, ""}, &stamps));
  REQUIRE(stamps.size() == 2);
  CHECK(stamps[0].size == 3);
  CHECK(stamps[0].inode != 0);
  CHECK(stamps[0].ctime_ns > 0);
  CHECK(stamps[1] == FileStamp());
  CHECK_FALSE(StampFiles({dir.path + "/missing.yaml"}, &stamps));
  CHECK_FALSE(StampFiles({dir.path}, &stamps));  // a directory
}

TEST_CASE("StampsStillHold: the same stamps, settled before they were read") {
  TempDir dir;
  const std::string a = dir.path + "/a.yaml";
  Write(a, "abc");
  std::vector<FileStamp> now;
  REQUIRE(StampFiles({a, ""}, &now));
  CHECK(StampsStillHold(Settled(now), now));

  // Read just after the file was written: racy, not trusted.
  StampedKey racy = Settled(now);
  racy.read_at_ns = now[0].ctime_ns + 1000000000LL;
  CHECK_FALSE(StampsStillHold(racy, now));

  // Any change of any field of any file.
  for (int field = 0; field < 5; ++field) {
    std::vector<FileStamp> changed = now;
    FileStamp& s = changed[0];
    if (field == 0) s.device += 1;
    if (field == 1) s.inode += 1;
    if (field == 2) s.size += 1;
    if (field == 3) s.mtime_ns -= 1;
    if (field == 4) s.ctime_ns += 1;
    CHECK_FALSE(StampsStillHold(Settled(now), changed));
  }
  CHECK_FALSE(StampsStillHold(Settled(now), {now[0]}));  // a file fewer

  // Rewritten in place with bytes of the same size and its mtime set
  // back: the ctime tells.
  Write(a, "xyz");
  struct timespec times[2] = {{0, UTIME_OMIT}, {now[0].mtime_ns / 1000000000, now[0].mtime_ns % 1000000000}};
  REQUIRE(utimensat(AT_FDCWD, a.c_str(), times, 0) == 0);
  std::vector<FileStamp> after;
  REQUIRE(StampFiles({a, ""}, &after));
  CHECK(after[0].size == now[0].size);
  CHECK(after[0].mtime_ns == now[0].mtime_ns);
  CHECK_FALSE(StampsStillHold(Settled(now), after));
}

TEST_CASE("StampedKey bytes: a round trip; damage and odd keys are refused") {
  StampedKey k = Settled({FileStamp{1, 2, 3, 4, 5}, FileStamp()});
  const std::string bytes = EncodeStampedKey(k);
  StampedKey back;
  REQUIRE(DecodeStampedKey(bytes, &back));
  CHECK(back.stamps == k.stamps);
  CHECK(back.read_at_ns == k.read_at_ns);
  CHECK(back.key == k.key);
  CHECK(back.data_version == k.data_version);

  for (size_t i = 0; i < bytes.size(); i += 7) {
    std::string damaged = bytes;
    damaged[i] = static_cast<char>(damaged[i] ^ 0x20);
    CHECK_FALSE(DecodeStampedKey(damaged, &back));
  }
  CHECK_FALSE(DecodeStampedKey(bytes.substr(0, bytes.size() - 1), &back));
  CHECK_FALSE(DecodeStampedKey("", &back));
  StampedKey odd = k;
  odd.key = "../../etc/passwd";
  CHECK_FALSE(DecodeStampedKey(EncodeStampedKey(odd), &back));
  odd = k;
  odd.data_version = "";
  CHECK_FALSE(DecodeStampedKey(EncodeStampedKey(odd), &back));
}
