// Tests for src/reading_cache.h and KnownReadings (reading.h): readings
// kept from an earlier run give the same lexicon and the same check as
// reading every phrase; the file survives a round trip, and damage, a
// key of another build or values out of range are refused.
#include "reading_cache.h"

#include <doctest/doctest.h>
#include <sys/stat.h>

#include <string>

#include "binary_io.h"
#include "check.h"
#include "embedded.h"
#include "lexicon.h"
#include "model_cache.h"
#include "scoped_env.h"
#include "shipped_model.h"
#include "test_analyzer.h"

namespace {
KnownReadings Sample() {
  KnownReadings k;
  KnownReading a;
  a.reading.stream = "\x01出かける\x02";
  a.reading.negative = true;
  a.alike = 1;
  a.used = true;
  k.by_phrase["出かけない"] = a;
  KnownReading b;
  b.reading.problem = PhraseReading::kFragment;
  b.reading.last_particle = "で";
  b.used = true;
  k.by_phrase["家で"] = b;
  KnownReading stale;
  stale.reading.stream = "x";
  k.by_phrase["not used this run"] = stale;
  return k;
}
}  // namespace

TEST_CASE("KnownReadings: a round trip keeps what this run used") {
  const std::string bytes = EncodeKnownReadings("key", Sample());
  KnownReadings back;
  REQUIRE(DecodeKnownReadings(bytes, "key", &back));
  CHECK(back.by_phrase.size() == 2);  // not the entry this run did not use
  const KnownReading& a = back.by_phrase.at("出かけない");
  CHECK(a.reading.stream == "\x01出かける\x02");
  CHECK(a.reading.negative);
  CHECK(a.alike == 1);
  CHECK_FALSE(a.used);
  const KnownReading& b = back.by_phrase.at("家で");
  CHECK(b.reading.problem == PhraseReading::kFragment);
  CHECK(b.reading.last_particle == "で");
  CHECK(b.alike == -1);
  CHECK(EncodeKnownReadings("key", Sample()) == bytes);  // sorted: the same bytes every time
}

TEST_CASE("KnownReadings: damage, another key and values out of range are refused") {
  const std::string bytes = EncodeKnownReadings("key", Sample());
  KnownReadings out = Sample();
  CHECK_FALSE(DecodeKnownReadings(bytes, "other", &out));
  for (size_t i = 0; i < bytes.size(); i += 5) {
    std::string damaged = bytes;
    damaged[i] = static_cast<char>(damaged[i] ^ 0x40);
    CHECK_FALSE(DecodeKnownReadings(damaged, "key", &out));
  }
  CHECK_FALSE(DecodeKnownReadings(bytes.substr(0, bytes.size() / 2), "key", &out));
  CHECK_FALSE(DecodeKnownReadings("", "key", &out));
  KnownReadings odd = Sample();
  odd.by_phrase["家で"].alike = 7;
  CHECK_FALSE(DecodeKnownReadings(EncodeKnownReadings("key", odd), "key", &out));
  {
    // A problem no reading has: the layout of one entry, written by hand.
    Writer w;
    w.out_ = bytes.substr(0, 8);  // the magic
    w.Str("key");
    w.Int(1);
    w.Str("家で");
    w.Str("");
    w.Int(0);
    w.Int(9);  // PhraseReading::Problem: 0..2
    w.Str("");
    w.Int(-1);
    w.out_ += CacheChecksum(w.out_);
    CHECK_FALSE(DecodeKnownReadings(w.out_, "key", &out));
  }
  CHECK(out.by_phrase.size() == 3);  // left alone
}

TEST_CASE("Lexicon: readings known from an earlier run give the same lexicon") {
  const Model& model = SourceDirsModel();
  const std::string fresh = Lexicon(model, TheAnalyzer()).Save();
  KnownReadings known;
  CHECK(Lexicon(model, TheAnalyzer(), &known).Save() == fresh);
  CHECK(known.changed);
  REQUIRE(known.by_phrase.size() > 100);
  // Read back as a later run would: every phrase is found, none read again.
  KnownReadings later;
  REQUIRE(DecodeKnownReadings(EncodeKnownReadings("k", known), "k", &later));
  CHECK(Lexicon(model, TheAnalyzer(), &later).Save() == fresh);
  CHECK_FALSE(later.changed);
  for (const auto& [phrase, k] : later.by_phrase) CHECK(k.used);
}

TEST_CASE("check: readings known from an earlier run give the same findings") {
  std::vector<SourceFile> files;
  for (const std::string& name : CheckedFileNames()) {
    SourceFile f;
    f.name = name;
    f.text = std::string(EmbeddedFile(name.substr(name.rfind('/') + 1)));
    files.push_back(f);
  }
  // A phrase that reads differently inside a sentence, and one that ends
  // in a particle: findings that come from the readings.
  const size_t at = files[2].text.find("    ja:\n", files[2].text.find("  - id: hikikomori\n"));
  REQUIRE(at != std::string::npos);
  files[2].text.insert(at + 8, "      - 家で\n");
  const std::vector<Finding> fresh = CheckFiles(files, 0, StaleCheck());
  KnownReadings known;
  const std::vector<Finding> first = CheckFiles(files, 0, StaleCheck(), &known);
  KnownReadings later;
  REQUIRE(DecodeKnownReadings(EncodeKnownReadings("k", known), "k", &later));
  const std::vector<Finding> second = CheckFiles(files, 0, StaleCheck(), &later);
  REQUIRE(fresh.size() == first.size());
  REQUIRE(fresh.size() == second.size());
  bool particle = false;
  for (size_t i = 0; i < fresh.size(); ++i) {
    CHECK(first[i].message == fresh[i].message);
    CHECK(second[i].message == fresh[i].message);
    particle = particle || fresh[i].message.find("'家で'") != std::string::npos;
  }
  CHECK(particle);
  CHECK_FALSE(later.changed);
}

TEST_CASE("LoadKnownReadings and SaveKnownReadings: kept in the cache directory, off with it") {
  TempDir dir;
  ScopedEnv env_dir("TSUNAGU_CACHE_DIR", dir.path.c_str());
  ScopedEnv env_off("TSUNAGU_CACHE", nullptr);
  REQUIRE(chmod(dir.path.c_str(), 0700) == 0);
  REQUIRE(LoadKnownReadings() != nullptr);
  CHECK(LoadKnownReadings()->by_phrase.empty());
  KnownReadings k = Sample();
  k.changed = true;
  SaveKnownReadings(&k);
  CHECK(LoadKnownReadings()->by_phrase.size() == 2);
  ScopedEnv off("TSUNAGU_CACHE", "off");
  CHECK(LoadKnownReadings() == nullptr);  // nothing gathered, nothing read
  SaveKnownReadings(nullptr);             // and nothing written
}
