// Tests for src/model_cache.h, src/validate_model.h, the bounds of
// src/binary_io.h and ReadFile's refusal of what is not a regular file.
// The crafted caches through the real binary are in tests/cache_cli_test.sh.
#include "model_cache.h"
#include "scoped_env.h"

#include <doctest/doctest.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "binary_io.h"
#include "embedded.h"
#include "load_model.h"
#include "shipped_model.h"
#include "snapshot.h"
#include "test_analyzer.h"
#include "validate_model.h"

namespace {

const Lexicon& SourceLexicon() {
  static const Lexicon* lexicon = new Lexicon(SourceDirsModel(), TheAnalyzer());
  return *lexicon;
}

std::string Int64(int64_t v) {
  Writer w;
  w.Int(v);
  return w.out_;
}

}  // namespace

TEST_CASE("Reader: a count larger than the bytes left could hold fails before allocating") {
  // Reader keeps a view: each input is a named string.
  const std::string huge = Int64(int64_t{1} << 40) + std::string(64, '\0');
  Reader r(huge);
  CHECK(r.Count(8) == 0);
  CHECK_FALSE(r.ok());
  // 8 elements of 8 bytes fit in 64 bytes; 9 do not; 3 of 24 bytes fit in 72, 3 of 25 not.
  const std::string eight = Int64(8) + std::string(64, '\0'), nine = Int64(9) + std::string(64, '\0'),
                    three = Int64(3) + std::string(72, '\0'), minus = Int64(-1);
  Reader fits(eight);
  CHECK(fits.Count(8) == 8);
  CHECK(fits.ok());
  Reader over(nine);
  CHECK(over.Count(8) == 0);
  CHECK_FALSE(over.ok());
  Reader big(three);
  CHECK(big.Count(24) == 3);
  CHECK(big.ok());
  Reader bigger(three);
  CHECK(bigger.Count(25) == 0);
  CHECK_FALSE(bigger.ok());
  Reader negative(minus);
  CHECK(negative.Count(1) == 0);
  CHECK_FALSE(negative.ok());
}

TEST_CASE("Reader: an int out of range and a bool other than 0 or 1 are damage") {
  const std::string wide = Int64(int64_t{1} << 32) + Int64(5);
  Reader r(wide);
  CHECK(r.Small() == 0);
  CHECK_FALSE(r.ok());
  const std::string edges = Int64(INT32_MIN) + Int64(INT32_MAX);
  Reader min(edges);
  CHECK(min.Small() == INT32_MIN);
  CHECK(min.Small() == INT32_MAX);
  CHECK(min.ok());
  const std::string bools = Int64(1) + Int64(2);
  Reader b(bools);
  CHECK(b.Bool());
  CHECK_FALSE(b.Bool());
  CHECK_FALSE(b.ok());
}

TEST_CASE("ValidateModel: the shipped model and lexicon are valid") {
  Model embedded;
  REQUIRE(LoadEmbeddedModel(&embedded).ok());
  CHECK(ValidateModel(embedded).ok());
  CHECK(ValidateModel(SourceDirsModel()).ok());
  Lexicon lexicon;
  REQUIRE(LoadEmbeddedLexicon(&lexicon).ok());
  Status s = lexicon.CheckRestored();
  CHECK_MESSAGE(s.ok(), s.ToString());
  s = lexicon.FitsModel(embedded);
  CHECK_MESSAGE(s.ok(), s.ToString());
}

TEST_CASE("ValidateModel names the first thing wrong") {
  auto message = [](void (*change)(Model&)) {
    Model m = SourceDirsModel();
    change(m);
    Status s = ValidateModel(m);
    CHECK(s.kind() == ErrorKind::kInternal);
    return s.message();
  };
  CHECK(message([](Model& m) { m.team.convener = 12345; }) == "team: convener 12345 out of range (13 agencies)");
  CHECK(message([](Model& m) { m.team.convener = -1; }) == "team: convener -1 out of range (13 agencies)");
  CHECK(message([](Model& m) { m.team.multi_issue_areas = 0; }) == "team: multi_issue_areas below 1");
  CHECK(message([](Model& m) { m.team.convener_weight = INT32_MAX; }) ==
        "team: convener weight 2147483647 out of range");
  CHECK(message([](Model& m) { m.alerts[0].contacts[0] = 9999; }) ==
        "alert 0 (alert-suicide-in-progress): crisis contact 9999 out of range (10 crisis contacts)");
  CHECK(message([](Model& m) { m.fallback[0].agency = 99; }) ==
        "fallback target 0: agency 99 out of range (13 agencies)");
  CHECK(message([](Model& m) { m.fallback[0].weight = 0; }) == "fallback target 0: weight 0 out of range");
  CHECK(message([](Model& m) { m.rules.edit()[0].to[0].roles.clear(); }) ==
        "rule 0 (hikikomori-general) target 0: no role");
  CHECK(message([](Model& m) { m.rules.edit()[0].to.clear(); }) == "rule 0 (hikikomori-general): no target");
  CHECK(message([](Model& m) {
          m.rules.edit()[1].when.ages.push_back({static_cast<Subject>(6), 1, 2});
        }) == "rule 1 (" + SourceDirsModel().rules[1].id + "): subject 6 unknown");
  CHECK(message([](Model& m) { m.facts.edit()[2].age_subject = static_cast<Subject>(-1); }) ==
        "fact 2 (" + SourceDirsModel().facts[2].id + ") from_age: subject -1 unknown");
  CHECK(message([](Model& m) { m.agencies[0].roles.clear(); }) == "agency 0 (hikikomori-center): no role");
  CHECK(message([](Model& m) { m.agencies[2].id = "\xff"; }) == "agency 2: invalid UTF-8 at byte 0");
  CHECK(message([](Model& m) { m.agencies[2].address.en = "x\xe3"; }) ==
        "agency 2 (" + SourceDirsModel().agencies[2].id + "): invalid UTF-8 at byte 1");
  CHECK(message([](Model& m) { m.subjects[1].ja.push_back("\xc0\x80"); }) == "subject parent: invalid UTF-8 at byte 0");
  CHECK(message([](Model& m) {
          m.crisis[1].checked.push_back({"2026-01-01", "\x80", "x"});
        }) == "crisis contact 1 (" + SourceDirsModel().crisis[1].id + ") checked: invalid UTF-8 at byte 0");
  CHECK(message([](Model& m) { m.alerts[1].first_contact = 13; }) ==
        "alert 1 (" + SourceDirsModel().alerts[1].id + "): first contact 13 out of range (13 agencies)");
  CHECK(message([](Model& m) { m.agencies.clear(); }) == "model: no agencies");
}

TEST_CASE("Lexicon::FitsModel: a lexicon of more facts than the model's is refused") {
  Model fewer = SourceDirsModel();
  fewer.facts.edit().resize(10);
  Status s = SourceLexicon().FitsModel(fewer);
  CHECK(s.kind() == ErrorKind::kInternal);
  CHECK(s.message().find("names none of the model's 10 facts") != std::string::npos);
  CHECK(SourceLexicon().FitsModel(SourceDirsModel()).ok());
}

TEST_CASE("ModelCacheKey: 32 hex digits that change with any name or byte") {
  std::vector<std::pair<std::string, std::string>> files = {{"a/x.yaml", "abc"}, {"b/y.yaml", "def"}};
  std::string key = ModelCacheKey(files);
  CHECK(key.size() == 32);
  CHECK(key.find_first_not_of("0123456789abcdef") == std::string::npos);
  CHECK(ModelCacheKey(files) == key);
  auto changed = files;
  changed[1].second = "deg";
  CHECK(ModelCacheKey(changed) != key);
  changed = files;
  changed[0].first = "a/z.yaml";
  CHECK(ModelCacheKey(changed) != key);
  // The boundary between a name and its text is part of the key.
  CHECK(ModelCacheKey({{"ab", "c"}}) != ModelCacheKey({{"a", "bc"}}));
}

TEST_CASE("DecodeCachedModel: a round trip, and each damage its message") {
  const std::string snapshot = WriteSnapshot(SourceDirsModel()), compiled = SourceLexicon().Save();
  const std::string key = "00112233445566778899aabbccddeeff";
  const std::string bytes = EncodeCachedModel(key, snapshot, compiled);
  CHECK(CachedModelKey(bytes) == key);
  Model model;
  Lexicon lexicon;
  Status s = DecodeCachedModel(bytes, key, &model, &lexicon);
  REQUIRE_MESSAGE(s.ok(), s.ToString());
  CHECK(WriteSnapshot(model) == snapshot);
  CHECK(lexicon.Save() == compiled);

  CHECK(DecodeCachedModel("", key, &model, &lexicon).message() == "too short");
  CHECK(DecodeCachedModel(bytes.substr(0, 8 + kCacheChecksumBytes - 1), key, &model, &lexicon).message() ==
        "too short");
  std::string flipped = bytes;
  flipped[bytes.size() / 2] ^= 1;
  CHECK(DecodeCachedModel(flipped, key, &model, &lexicon).message() == "checksum mismatch");
  CHECK(DecodeCachedModel(bytes.substr(0, bytes.size() - 1), key, &model, &lexicon).message() == "checksum mismatch");
  CHECK(DecodeCachedModel(bytes, "ffffffffffffffffffffffffffffffff", &model, &lexicon).message() ==
        "made for other files (key " + key + ")");
  CHECK(DecodeCachedModel(EncodeCachedModel(key, snapshot.substr(0, 100), compiled), key, &model, &lexicon).message() ==
        "model: damaged or truncated");
  CHECK(DecodeCachedModel(EncodeCachedModel(key, snapshot, compiled.substr(0, 100)), key, &model, &lexicon).message() ==
        "compiled lexicon: damaged");
  Model m = SourceDirsModel();
  m.team.convener = 12345;
  CHECK(DecodeCachedModel(EncodeCachedModel(key, WriteSnapshot(m), compiled), key, &model, &lexicon).message() ==
        "model: team: convener 12345 out of range (13 agencies)");
  CHECK(CachedModelKey("garbage") == "");
  // A stored key that is not one is not shown (escape sequences would reach the terminal).
  CHECK(DecodeCachedModel(EncodeCachedModel("\x1b[31mred", snapshot, compiled), key, &model, &lexicon).message() ==
        "made for other files");
}

TEST_CASE("DecodeCachedModel, Verify::kChecksumOnly: the checksum and the layout, not the contents") {
  const std::string snapshot = WriteSnapshot(SourceDirsModel()), compiled = SourceLexicon().Save();
  const std::string key = "00112233445566778899aabbccddeeff";
  const std::string bytes = EncodeCachedModel(key, snapshot, compiled);
  auto decode = [&](std::string_view b, const std::string& k = "00112233445566778899aabbccddeeff") {
    Model model;
    Lexicon lexicon;
    auto owner = std::make_shared<const std::string>(b);  // 8-byte aligned, as a mapped file
    return DecodeCachedModel(*owner, k, &model, &lexicon, owner, Verify::kChecksumOnly).message();
  };
  {
    Model model;
    Lexicon lexicon;
    auto owner = std::make_shared<const std::string>(bytes);
    REQUIRE(DecodeCachedModel(*owner, key, &model, &lexicon, owner, Verify::kChecksumOnly).ok());
    CHECK(WriteSnapshot(model) == snapshot);
    CHECK(lexicon.Save() == compiled);
  }
  // Damage is still found: the checksum, the key, the layout.
  std::string flipped = bytes;
  flipped[bytes.size() / 2] ^= 1;
  CHECK(decode(flipped) == "checksum mismatch");
  CHECK(decode(bytes.substr(0, bytes.size() - 1)) == "checksum mismatch");
  CHECK(decode("") == "too short");
  CHECK(decode(bytes, "ffffffffffffffffffffffffffffffff") == "made for other files (key " + key + ")");
  CHECK(decode(EncodeCachedModel(key, snapshot.substr(0, 100), compiled)) == "model: damaged or truncated");
  CHECK(decode(EncodeCachedModel(key, snapshot, compiled.substr(0, 100))) == "compiled lexicon: damaged");
  CHECK(decode(EncodeCachedModel(key, snapshot, compiled + "x")) == "compiled lexicon: damaged");
  // Contents sealed with a valid checksum (what only the owner could
  // write): Verify::kAll refuses them, kChecksumOnly by design does not.
  Model m = SourceDirsModel();
  m.team.convener = 12345;
  const std::string forged = EncodeCachedModel(key, WriteSnapshot(m), compiled);
  CHECK(decode(forged) == "");
  Model model;
  Lexicon lexicon;
  CHECK(DecodeCachedModel(forged, key, &model, &lexicon).message() ==
        "model: team: convener 12345 out of range (13 agencies)");
}

TEST_CASE("ReadCachedModel and WriteCachedModel: a written model reads back, in a 0600 file") {
  TempDir dir;
  const std::string cache = dir.path + "/sub/cache";
  ScopedEnv env_dir("TSUNAGU_CACHE_DIR", cache.c_str());
  ScopedEnv env_off("TSUNAGU_CACHE", nullptr);
  const std::string key = ModelCacheKey({{"x", "model_cache_test"}});
  Model model;
  Lexicon lexicon;
  CHECK_FALSE(ReadCachedModel(key, &model, &lexicon));  // no directory yet: silent miss
  WriteCachedModel(key, SourceDirsModel(), SourceLexicon());
  CHECK(ModelCachePath(key) == cache + "/" + key + ".bin");
  struct stat st;
  REQUIRE(stat(ModelCachePath(key).c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  REQUIRE(stat(cache.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0700);
  REQUIRE(ReadCachedModel(key, &model, &lexicon));
  CHECK(WriteSnapshot(model) == WriteSnapshot(SourceDirsModel()));
  CHECK(lexicon.Save() == SourceLexicon().Save());
  {
    // A byte changed on disk: the checksum refuses the file, and the caller
    // (LoadModelFor) rebuilds and rewrites it.
    std::string bytes;
    REQUIRE(ReadFile(ModelCachePath(key), &bytes).ok());
    bytes[bytes.size() / 3] ^= 0x20;
    std::ofstream(ModelCachePath(key), std::ios::binary | std::ios::trunc) << bytes;
    Model other;
    Lexicon other_lexicon;
    CHECK_FALSE(ReadCachedModel(key, &other, &other_lexicon));
    WriteCachedModel(key, SourceDirsModel(), SourceLexicon());
    REQUIRE(ReadCachedModel(key, &other, &other_lexicon));
    CHECK(WriteSnapshot(other) == WriteSnapshot(SourceDirsModel()));
  }
  {
    ScopedEnv off("TSUNAGU_CACHE", "off");
    Model other;
    CHECK_FALSE(ReadCachedModel(key, &other, &lexicon));
  }
  // A model the reader would refuse is never written.
  Model bad = SourceDirsModel();
  bad.team.convener = 99;
  const std::string bad_key = ModelCacheKey({{"x", "bad"}});
  WriteCachedModel(bad_key, bad, SourceLexicon());
  CHECK_FALSE(std::filesystem::exists(ModelCachePath(bad_key)));
}

TEST_CASE("WriteCacheFile keeps the newest files of each kind and stale temporary files go") {
  TempDir dir;
  ScopedEnv env_dir("TSUNAGU_CACHE_DIR", dir.path.c_str());
  ScopedEnv env_off("TSUNAGU_CACHE", nullptr);
  REQUIRE(chmod(dir.path.c_str(), 0700) == 0);
  auto set_mtime = [&](const std::string& name, time_t seconds_ago) {
    const struct timespec times[2] = {{0, UTIME_OMIT}, {time(nullptr) - seconds_ago, 0}};
    REQUIRE(utimensat(AT_FDCWD, (dir.path + "/" + name).c_str(), times, 0) == 0);
  };
  // Ten models written one after the other (older first): the eight newest stay.
  for (int i = 0; i < 10; ++i) {
    WriteCacheFile("model" + std::to_string(i) + ".bin", "x");
    set_mtime("model" + std::to_string(i) + ".bin", 100 - i);
  }
  WriteCacheFile("model10.bin", "x");
  for (int i = 0; i <= 10; ++i)
    CHECK(std::filesystem::exists(dir.path + "/model" + std::to_string(i) + ".bin") == (i >= 3));
  // The one written stays even when its time is the oldest; other kinds are counted apart.
  set_mtime("model10.bin", 1000);
  WriteCacheFile("model10.bin", "y");
  set_mtime("model10.bin", 1000);
  WriteCacheFile("result.check", "x");
  WriteCacheFile("model11.bin", "x");
  CHECK(std::filesystem::exists(dir.path + "/model11.bin"));
  CHECK_FALSE(std::filesystem::exists(dir.path + "/model10.bin"));
  CHECK(std::filesystem::exists(dir.path + "/result.check"));
  // A temporary file of a writer that died an hour ago goes; a fresh one, a
  // link and a directory are left alone.
  std::ofstream(dir.path + "/a.bin.tmp.999999") << "x";
  set_mtime("a.bin.tmp.999999", 7200);
  std::ofstream(dir.path + "/b.bin.tmp.999998") << "x";
  REQUIRE(symlink("model11.bin", (dir.path + "/link.bin").c_str()) == 0);
  REQUIRE(mkdir((dir.path + "/dir.bin").c_str(), 0700) == 0);
  WriteCacheFile("model12.bin", "x");
  CHECK_FALSE(std::filesystem::exists(dir.path + "/a.bin.tmp.999999"));
  CHECK(std::filesystem::exists(dir.path + "/b.bin.tmp.999998"));
  CHECK(std::filesystem::is_symlink(dir.path + "/link.bin"));
  CHECK(std::filesystem::is_directory(dir.path + "/dir.bin"));
}

TEST_CASE("TSUNAGU_CACHE_DIR set but empty: no cache") {
  ScopedEnv env_dir("TSUNAGU_CACHE_DIR", "");
  CHECK(ModelCacheDir().empty());
  CHECK(ModelCachePath("k").empty());
}

TEST_CASE("ReadFile refuses a FIFO, a directory and a device without blocking; follows a link") {
  TempDir dir;
  const std::string fifo = dir.path + "/agencies.yaml";
  REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
  std::string text = "old";
  Status s = ReadFile(fifo, &text);
  CHECK(s.kind() == ErrorKind::kIo);
  CHECK(s.ToString() ==
        "cannot read " + fifo + ": not a regular file; data, rule and case files must be regular files");
  CHECK(text.empty());
  s = ReadFile(dir.path, &text);
  CHECK(s.ToString() == "cannot read " + dir.path + ": a directory; data, rule and case files must be regular files");
  s = ReadFile("/dev/zero", &text);
  CHECK(s.ToString() == "cannot read /dev/zero: not a regular file; data, rule and case files must be regular files");
  const std::string real = dir.path + "/real.yaml", link = dir.path + "/link.yaml";
  std::ofstream(real) << "- a: 1\n";
  REQUIRE(symlink(real.c_str(), link.c_str()) == 0);
  REQUIRE(ReadFile(link, &text).ok());
  CHECK(text == "- a: 1\n");
  std::ofstream(real, std::ios::trunc).close();
  REQUIRE(ReadFile(real, &text).ok());
  CHECK(text.empty());
}

TEST_CASE("ReadFile: a file over the limit is refused by its size, before reading") {
  TempDir dir;
  const std::string big = dir.path + "/lexicon.yaml";
  { std::ofstream out(big); }
  REQUIRE(truncate(big.c_str(), off_t{20} << 30) == 0);  // 20 GB, sparse
  std::string text;
  Status s = ReadFile(big, &text);
  CHECK(s.kind() == ErrorKind::kData);
  CHECK(s.ToString() == big + ": larger than 4194304 bytes; data and rule files are expected to be small");
}
