#include "reading.h"
// Tests for src/snapshot.h (and the embedded model built from it): the
// shipped model survives a round trip byte for byte, damaged bytes are an
// error and never a crash, and the embedded model equals data/ + rules/.
#include "snapshot.h"

#include <doctest/doctest.h>

#include <optional>
#include <random>
#include <string>
#include <thread>

#include "binary_io.h"
#include "embedded.h"
#include "lexicon.h"
#include "load_model.h"
#include "rule_index.h"
#include "shipped_model.h"
#include "test_analyzer.h"

namespace {

// The model with each position's file cut to its last two components
// ("/work/main/data/agencies.yaml" → "data/agencies.yaml"): the embedded
// model names files relative to the source tree.
Model WithShortFileNames(Model m) {
  auto cut = [](SourcePos* p) {
    size_t slash = p->file.rfind('/');
    if (slash != std::string::npos && slash > 0) {
      size_t dir = p->file.rfind('/', slash - 1);
      if (dir != std::string::npos) p->file = p->file.substr(dir + 1);
    }
  };
  for (Agency& a : m.agencies) cut(&a.pos);
  for (CrisisContact& c : m.crisis) cut(&c.pos);
  for (FactDef& f : m.facts.edit()) cut(&f.pos);
  for (Rule& r : m.rules.edit()) cut(&r.pos);
  for (AlertRule& a : m.alerts) cut(&a.pos);
  return m;
}

}  // namespace

TEST_CASE("snapshot: the shipped model round-trips to identical bytes") {
  const Model& model = SourceDirsModel();
  REQUIRE(model.agencies.size() == 13);
  std::string bytes = WriteSnapshot(model);
  CHECK(bytes.substr(0, 8) == "TSUNAGU7");
  Model read;
  Status s = ReadSnapshot(bytes, &read);
  REQUIRE_MESSAGE(s.ok(), s.ToString());
  CHECK(WriteSnapshot(read) == bytes);
}

TEST_CASE("snapshot: the model read back has the same content") {
  const Model& model = SourceDirsModel();
  Model read;
  REQUIRE(ReadSnapshot(WriteSnapshot(model), &read).ok());
  REQUIRE(read.agencies.size() == model.agencies.size());
  for (size_t i = 0; i < model.agencies.size(); ++i) {
    CHECK(read.agencies[i].id == model.agencies[i].id);
    CHECK(read.agencies[i].phone == model.agencies[i].phone);
    CHECK(read.agencies[i].roles.size() == model.agencies[i].roles.size());
    CHECK(read.agencies[i].eligibility.max_age == model.agencies[i].eligibility.max_age);
    CHECK(read.agencies[i].hours.byday == model.agencies[i].hours.byday);
    CHECK(read.agencies[i].pos.line == model.agencies[i].pos.line);
  }
  REQUIRE(read.crisis.size() == model.crisis.size());
  for (size_t i = 0; i < model.crisis.size(); ++i) {
    const CrisisContact& a = model.crisis[i];
    const CrisisContact& b = read.crisis[i];
    CHECK(b.id == a.id);
    CHECK(b.phone == a.phone);
    CHECK(b.always == a.always);
    CHECK(b.hours.present == a.hours.present);
    CHECK(b.hours.byday == a.hours.byday);
    CHECK(b.hours.closes_at == a.hours.closes_at);
    CHECK(b.hours.text.en == a.hours.text.en);
    CHECK(b.cost == a.cost);
    CHECK(b.answers.ja == a.answers.ja);
    REQUIRE(b.checked.size() == a.checked.size());
    for (size_t k = 0; k < a.checked.size(); ++k) {
      CHECK(b.checked[k].date == a.checked[k].date);
      CHECK(b.checked[k].source == a.checked[k].source);
      CHECK(b.checked[k].by == a.checked[k].by);
    }
  }
  const CrisisContact& dial = read.crisis[read.FindCrisis("kokoro-dial")];
  CHECK(dial.cost == "charged");
  CHECK(dial.checked.size() == 2);
  CHECK(read.crisis[read.FindCrisis("yorisoi")].always);
  CHECK(read.crisis[read.FindCrisis("police")].checked.empty());
  CHECK(read.facts.size() == model.facts.size());
  CHECK(read.rules.size() == model.rules.size());
  CHECK(read.alerts.size() == model.alerts.size());
  CHECK(read.fallback.size() == model.fallback.size());
  CHECK(read.team.convener == model.team.convener);
  CHECK(read.team.multi_issue_areas == model.team.multi_issue_areas);
  CHECK(read.FindAgency("saposute") == model.FindAgency("saposute"));
  CHECK(read.agencies[read.FindAgency("saposute")].eligibility.max_age == 49);
  for (int s = 0; s < kSubjectCount; ++s) CHECK(read.subjects[s].ja == model.subjects[s].ja);
  // The holiday calendar, written last.
  CHECK(read.holidays.from == 2026);
  CHECK(read.holidays.to == model.holidays.to);
  CHECK(read.holidays.sources == model.holidays.sources);
  REQUIRE(read.holidays.checked.size() == model.holidays.checked.size());
  CHECK(read.holidays.checked[0].source == model.holidays.checked[0].source);
  REQUIRE(read.holidays.days.size() == model.holidays.days.size());
  for (size_t i = 0; i < model.holidays.days.size(); ++i) {
    CHECK(read.holidays.days[i].date == model.holidays.days[i].date);
    CHECK(read.holidays.days[i].kind == model.holidays.days[i].kind);
    CHECK(read.holidays.days[i].name.en == model.holidays.days[i].name.en);
  }
}

TEST_CASE("snapshot: an empty model is written, and refused when read: it cannot answer") {
  Model empty;
  std::string bytes = WriteSnapshot(empty);
  Model read;
  read.agencies.resize(3);  // left alone on failure
  Status s = ReadSnapshot(bytes, &read);
  CHECK(s.kind() == ErrorKind::kInternal);
  CHECK(s.message() == "embedded model: model: no agencies");
  CHECK(read.agencies.size() == 3);
}

TEST_CASE("snapshot: a bad header is an error") {
  Model read;
  // Versions 1 to 3 are the formats before the crisis contacts' hours and
  // checks, the alerts' first contact, and the agencies' checked fields;
  // 4 the format before local offices; 5 before packed phrases; 6 before
  // facts and rules stored as records and the stored rule index.
  for (const char* bytes :
       {"", "TSUNAGU", "TSUNAGU1xxxxxxxx", "TSUNAGU2xxxxxxxx", "TSUNAGU3xxxxxxxx", "TSUNAGU4xxxxxxxx",
        "TSUNAGU5xxxxxxxx", "TSUNAGU6xxxxxxxx", "TSUNAGU8xxxxxxxx", "garbage!"}) {
    Status s = ReadSnapshot(bytes, &read);
    CHECK(s.kind() == ErrorKind::kInternal);
    CHECK(s.message() == "embedded model: bad header");
  }
}

TEST_CASE("snapshot: truncated bytes are an error, not a crash") {
  std::string bytes = WriteSnapshot(SourceDirsModel());
  Model read;
  read.agencies.resize(1);
  read.agencies[0].id = "untouched";
  // Every prefix near the ends, and a stride through the middle.
  auto check = [&](size_t n) {
    Status s = ReadSnapshot(std::string_view(bytes).substr(0, n), &read);
    INFO("prefix of " << n << " bytes");
    CHECK_FALSE(s.ok());
    CHECK(s.kind() == ErrorKind::kInternal);
  };
  for (size_t n = 0; n < 200 && n < bytes.size(); ++n) check(n);
  for (size_t n = 200; n + 200 < bytes.size(); n += 97) check(n);
  for (size_t n = bytes.size() > 200 ? bytes.size() - 200 : 0; n < bytes.size(); ++n) check(n);
  CHECK(read.agencies.size() == 1);  // the output is left alone on failure
  CHECK(read.agencies[0].id == "untouched");
}

TEST_CASE("snapshot: trailing bytes are an error") {
  std::string bytes = WriteSnapshot(SourceDirsModel()) + "x";
  Model read;
  Status s = ReadSnapshot(bytes, &read);
  CHECK_FALSE(s.ok());
  CHECK(s.message() == "embedded model: damaged or truncated");
}

TEST_CASE("snapshot: garbage after the header is an error, not a crash") {
  std::mt19937 rng(7);
  std::uniform_int_distribution<int> byte(0, 255);
  for (int round = 0; round < 200; ++round) {
    std::string bytes = "TSUNAGU2";
    for (int i = 0; i < 64 + round * 8; ++i) bytes += static_cast<char>(byte(rng));
    Model read;
    CHECK_FALSE(ReadSnapshot(bytes, &read).ok());
  }
}

TEST_CASE("snapshot: huge counts and lengths are rejected without allocating them") {
  std::string bytes = "TSUNAGU2";
  for (int i = 0; i < 8; ++i) bytes += '\x7f';  // agency count 0x7f7f...
  Model read;
  CHECK_FALSE(ReadSnapshot(bytes, &read).ok());
  std::string negative = "TSUNAGU2";
  for (int i = 0; i < 8; ++i) negative += '\xff';  // -1
  CHECK_FALSE(ReadSnapshot(negative, &read).ok());
}

TEST_CASE("snapshot: single flipped bytes never crash the reader") {
  std::string bytes = WriteSnapshot(SourceDirsModel());
  for (size_t at = 8; at < bytes.size(); at += 131) {
    std::string damaged = bytes;
    damaged[at] = static_cast<char>(damaged[at] ^ 0x80);
    Model read;
    (void)ReadSnapshot(damaged, &read);  // may or may not notice; must not crash
  }
}

// The encoding under the snapshot: ints little-endian whatever the host
// (Reader::Int reads them with one load), strings read in place.
TEST_CASE("Reader reads little-endian ints and lists of strings, and stops at damage") {
  const std::string bytes("\x01\x02\x03\x04\x05\x06\x07\x08\xff\xff\xff\xff\xff\xff\xff\xff", 16);
  Reader ints(bytes);  // a view: the bytes outlive it
  CHECK(ints.Int() == 0x0807060504030201);
  CHECK(ints.Int() == -1);
  CHECK(ints.ok());
  CHECK(ints.Int() == 0);  // past the end
  CHECK_FALSE(ints.ok());

  Writer w;
  w.Strs({"", "short", "引きこもりの長男が八十代の親と二人暮らし"});
  Reader strs(w.out_);
  CHECK(strs.Strs() == std::vector<std::string>{"", "short", "引きこもりの長男が八十代の親と二人暮らし"});
  CHECK(strs.AtEnd());
  CHECK(strs.ok());

  std::string cut = w.out_.substr(0, w.out_.size() - 1);  // the last string is short of a byte
  Reader damaged(cut);
  damaged.Strs();
  CHECK_FALSE(damaged.ok());
}

TEST_CASE("LoadEmbeddedModel gives the model of data/ and rules/") {
  Model embedded;
  Status s = LoadEmbeddedModel(&embedded);
  REQUIRE_MESSAGE(s.ok(), s.ToString());
  CHECK(embedded.agencies.size() == 13);
  CHECK(WriteSnapshot(WithShortFileNames(embedded)) == WriteSnapshot(WithShortFileNames(SourceDirsModel())));
  // Positions name the file and line a rule came from.
  REQUIRE_FALSE(embedded.rules.empty());
  CHECK(WithShortFileNames(embedded).rules[0].pos.file == "rules/routing.yaml");
  CHECK(embedded.rules[0].pos.line > 0);
}

TEST_CASE("LoadEmbeddedLexicon equals a lexicon built from the model") {
  Lexicon embedded;
  REQUIRE(LoadEmbeddedLexicon(&embedded).ok());
  Lexicon built(SourceDirsModel(), TheAnalyzer());
  CHECK(embedded.Save() == built.Save());
  // And it finds the same phrases.
  const std::string text = "80代の母が要介護、息子はひきこもり。son is withdrawn";
  std::vector<Token> tokens;
  TheAnalyzer().Tokenize(text, 0, text.size(), &tokens);
  std::string stream;
  std::vector<uint32_t> starts(tokens.size());
  AppendStream(tokens, 0, tokens.size(), &stream, &starts);
  std::vector<Matcher::Hit> a, b;
  embedded.Find(stream, &a);
  built.Find(stream, &b);
  REQUIRE(a.size() == b.size());
  CHECK_FALSE(a.empty());
  for (size_t i = 0; i < a.size(); ++i) {
    CHECK(a[i].begin == b[i].begin);
    CHECK(embedded.Phrase(a[i]) == built.Phrase(b[i]));
  }
}

TEST_CASE("Lexicon::Restore rejects damaged bytes") {
  std::string bytes = Lexicon(SourceDirsModel(), TheAnalyzer()).Save();
  Lexicon l;
  CHECK_FALSE(l.Restore(""));
  CHECK_FALSE(l.Restore(std::string_view(bytes).substr(0, bytes.size() / 2)));
  CHECK_FALSE(l.Restore(bytes + "x"));
  CHECK(l.Restore(bytes));
}

TEST_CASE("EmbeddedFile holds the shipped YAML texts") {
  for (const char* name : {"agencies.yaml", "crisis.yaml", "holidays.yaml"}) {
    std::string text;
    REQUIRE(ReadFile(std::string(TSUNAGU_SOURCE_DIR "/data/") + name, &text).ok());
    CHECK(EmbeddedFile(name) == text);
  }
  for (const char* name : {"lexicon.yaml", "routing.yaml", "alerts.yaml"}) {
    std::string text;
    REQUIRE(ReadFile(std::string(TSUNAGU_SOURCE_DIR "/rules/") + name, &text).ok());
    CHECK(EmbeddedFile(name) == text);
  }
  CHECK(EmbeddedFile("nope.yaml").empty());
}

// Facts and rules read in place (records.h): the same content as read
// whole, found by id without decoding, and decoded at most once whichever
// thread asks first.
TEST_CASE("snapshot: facts and rules read lazily equal those read whole") {
  auto bytes = std::make_shared<const std::string>(WriteSnapshot(SourceDirsModel()));
  Model whole, lazy;
  REQUIRE(ReadSnapshot(*bytes, &whole).ok());
  REQUIRE(ReadTrustedSnapshot(*bytes, bytes, &lazy).ok());
  CHECK_FALSE(whole.facts.lazy());
  CHECK(lazy.facts.lazy());
  CHECK(lazy.rules.lazy());
  REQUIRE(lazy.facts.size() == whole.facts.size());
  for (size_t i = 0; i < whole.facts.size(); ++i) {
    const FactDef& f = whole.facts[i];
    CHECK(lazy.FindFact(f.id) == whole.FindFact(f.id));
    CHECK(lazy.facts[i].id == f.id);
    CHECK(lazy.facts[i].area == f.area);
    CHECK(lazy.facts[i].label.ja == f.label.ja);
    CHECK(lazy.facts[i].pos.line == f.pos.line);
  }
  CHECK(lazy.FindFact("no-such-fact") == -1);
  CHECK(lazy.FindFact("") == -1);
  REQUIRE(lazy.rules.size() == whole.rules.size());
  for (size_t i = 0; i < whole.rules.size(); ++i) CHECK(lazy.rules[i].id == whole.rules[i].id);
  // Written back, a lazily read model gives the same bytes.
  CHECK(WriteSnapshot(lazy) == *bytes);
  // The bytes outlive the reader's handle: the model keeps them.
  std::weak_ptr<const std::string> seen = bytes;
  CHECK(lazy.facts.lazy());  // read, not edited
  bytes.reset();
  CHECK_FALSE(seen.expired());
  CHECK(lazy.facts[0].id == whole.facts[0].id);
}

TEST_CASE("Records: edit decodes the whole list; copies decode on their own") {
  auto bytes = std::make_shared<const std::string>(WriteSnapshot(SourceDirsModel()));
  Model lazy;
  REQUIRE(ReadTrustedSnapshot(*bytes, bytes, &lazy).ok());
  Records<FactDef> copy = lazy.facts;
  CHECK(copy.lazy());
  const std::string first = lazy.facts[0].id;
  lazy.facts.edit()[0].id = "edited";
  CHECK_FALSE(lazy.facts.lazy());
  CHECK(lazy.facts[0].id == "edited");
  CHECK(lazy.facts.Find("edited") == 0);
  CHECK(copy[0].id == first);  // the copy still reads the bytes
  CHECK(copy.Find(first) == 0);
  lazy.facts.push_back(FactDef{});
  CHECK(lazy.facts.size() == copy.size() + 1);
}

TEST_CASE("Records: many threads reading one lazy list see one decoding") {
  auto bytes = std::make_shared<const std::string>(WriteSnapshot(SourceDirsModel()));
  Model lazy;
  REQUIRE(ReadTrustedSnapshot(*bytes, bytes, &lazy).ok());
  const Records<Rule>& rules = lazy.rules;
  std::vector<std::vector<const Rule*>> seen(4);
  std::vector<std::thread> threads;
  for (size_t t = 0; t < seen.size(); ++t)
    threads.emplace_back([&, t] {
      for (size_t i = 0; i < rules.size(); ++i) seen[t].push_back(&rules[(i + t * 7) % rules.size()]);
    });
  for (std::thread& t : threads) t.join();
  for (size_t i = 0; i < rules.size(); ++i)
    for (size_t t = 0; t < seen.size(); ++t)
      CHECK(seen[t][(i + rules.size() - (t * 7) % rules.size()) % rules.size()] == &rules[i]);
}

// The rule index is stored with the snapshot (so a query does not build
// it); damage to it is found by the layout check or by comparing it with
// one built from the rules read.
TEST_CASE("snapshot: the stored rule index is read back, and damage to it is an error") {
  const Model& model = SourceDirsModel();
  std::string bytes = WriteSnapshot(model);
  Model read;
  REQUIRE(ReadSnapshot(bytes, &read).ok());
  REQUIRE(read.index.get() != nullptr);
  CHECK(*read.index == RuleIndex(model));
  std::optional<RuleIndex> built;
  CHECK(&IndexOf(read, &built) != nullptr);

  // The index is written last: flip bits through it. Each damaged copy is
  // refused, or (a flip in padding) read with the index intact.
  Writer w;
  RuleIndex(model).Save(&w);
  const size_t saved = w.out_.size();
  REQUIRE(bytes.size() > saved);
  int refused = 0, tried = 0;
  for (size_t at = bytes.size() - saved; at < bytes.size(); at += 7, ++tried) {
    std::string damaged = bytes;
    damaged[at] = static_cast<char>(damaged[at] ^ 0x01);
    Model out;
    Status s = ReadSnapshot(damaged, &out);
    INFO("flipped byte " << at);
    if (s.ok()) CHECK(*out.index == RuleIndex(model));
    else CHECK(s.kind() == ErrorKind::kInternal);
    refused += !s.ok();
    Model trusted;
    (void)ReadTrustedSnapshot(damaged, nullptr, &trusted);  // must not crash
  }
  CHECK(refused > tried / 2);
}
