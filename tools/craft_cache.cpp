// Test tool: writes damaged and crafted compiled-model cache files
// (model_cache.h) made from a real model, for tests/cache_cli_test.sh and
// the cache fuzz target's seed corpus. Most carry a valid checksum, so that
// what catches them is the layout, index and string checks behind it.
// Usage: craft_cache DATA_DIR RULES_DIR OUT_DIR [KEY]
//   Writes OUT_DIR/CASE.bin for every case (good.bin: the real cache;
//   small.bin: a real cache of a cut-down model, a small fuzzing seed),
//   made for KEY, and prints the key. The key names the program that uses
//   it (ModelCacheKey: its build-id), so for tsunagu's own key give KEY:
//   the name of the cache file a `tsunagu --data DATA_DIR --rules
//   RULES_DIR` query wrote (CACHE_DIR/KEY.bin). Without it, the key is
//   this tool's.
// Usage: craft_cache --check-result KEY EXIT_CODE OUTPUT
//   Writes to stdout a stored `check` result (check_cache.h) for KEY that
//   replays OUTPUT and EXIT_CODE, with a valid checksum
//   (tests/check_cache_cli_test.sh).
// Usage: craft_cache --verify KEY FILE
//   Runs the full validation (DecodeCachedModel, Verify::kAll) on FILE made
//   for KEY and prints "ok" or why it is refused (exit 0 or 1): a query
//   checks only the checksum and layout of its own cache files, so what the
//   crafted files with a valid checksum test is this.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include "binary_io.h"
#include "check_cache.h"
#include "embedded.h"
#include "lexicon.h"
#include "load_model.h"
#include "model_cache.h"
#include "snapshot.h"
#include "tokens.h"

namespace {

using Files = std::vector<std::pair<std::string, std::string>>;

void Put64(std::string* bytes, size_t at, int64_t v) {
  for (int i = 0; i < 8; ++i) (*bytes)[at + i] = static_cast<char>((static_cast<uint64_t>(v) >> (8 * i)) & 0xff);
}

// Where the compiled lexicon's arrays are (matcher.cpp Save: the phrase
// bytes, then eleven arrays), to damage one element in place.
class LexiconLayout {
 public:
  enum Array {
    kPhraseBytes,
    kPhraseBegin,
    kPayloadBegin,
    kPayload,
    kWordEdges,
    kChildBegin,
    kChildByte,
    kChildNode,
    kFail,
    kOutput,
    kOutputLink,
    kRootNext,
    kArrays
  };
  explicit LexiconLayout(const std::string& bytes) {
    static const size_t kSize[kArrays] = {1, 4, 4, 4, 1, 4, 1, 4, 4, 4, 4, 4};
    size_t at = 0;
    for (int a = 0; a < kArrays; ++a) {
      uint64_t n = 0;
      for (int i = 0; i < 8; ++i) n |= static_cast<uint64_t>(static_cast<unsigned char>(bytes[at + i])) << (8 * i);
      count_[a] = static_cast<size_t>(n);
      begin_[a] = at + 8;
      if (a != kPhraseBytes) begin_[a] = (begin_[a] + 7) / 8 * 8;  // Writer::Array aligns its values
      size_[a] = kSize[a];
      at = begin_[a] + count_[a] * kSize[a];
    }
  }
  size_t count(Array a) const { return count_[a]; }
  int32_t Get(const std::string& bytes, Array a, size_t i) const {
    if (size_[a] == 1) return static_cast<unsigned char>(bytes[begin_[a] + i]);
    uint32_t v = 0;
    for (int k = 0; k < 4; ++k)
      v |= static_cast<uint32_t>(static_cast<unsigned char>(bytes[begin_[a] + 4 * i + k])) << (8 * k);
    return static_cast<int32_t>(v);
  }
  void Set(std::string* bytes, Array a, size_t i, int32_t v) const {
    if (size_[a] == 1) {
      (*bytes)[begin_[a] + i] = static_cast<char>(v);
      return;
    }
    for (int k = 0; k < 4; ++k)
      (*bytes)[begin_[a] + 4 * i + k] = static_cast<char>((static_cast<uint32_t>(v) >> (8 * k)) & 0xff);
  }

 private:
  size_t begin_[kArrays], count_[kArrays], size_[kArrays];
};

// The model cut to its first facts, and the rules and alerts that use
// only those: a small but real model for the fuzzer's seed.
Model SmallModel(const Model& full, int facts) {
  Model m = full;
  m.facts.edit().resize(static_cast<size_t>(facts));
  auto fits = [&](const Condition& c) {
    for (const auto* refs : {&c.all, &c.any, &c.none})
      for (const FactRef& r : *refs)
        if (r.fact >= facts) return false;
    return true;
  };
  std::vector<Rule> rules;
  for (const Rule& r : m.rules)
    if (fits(r.when)) rules.push_back(r);
  std::vector<AlertRule> alerts;
  for (const AlertRule& a : m.alerts)
    if (fits(a.when)) alerts.push_back(a);
  m.rules = rules;
  m.alerts = alerts;
  return m;
}

// craft_cache --verify KEY FILE.
int VerifyFile(const std::string& key, const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (!in.good() && !in.eof()) {
    std::fprintf(stderr, "craft_cache: cannot read %s\n", path.c_str());
    return 2;
  }
  Model model;
  Lexicon lexicon;
  const Status s = DecodeCachedModel(bytes, key, &model, &lexicon, nullptr, Verify::kAll);
  std::printf("%s\n", s.ok() ? "ok" : s.message().c_str());
  return s.ok() ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 5 && std::string(argv[1]) == "--check-result") {
    CheckResult result;
    result.exit_code = std::atoi(argv[3]);
    result.out = argv[4];
    const std::string bytes = EncodeCheckResult(argv[2], result);
    return std::fwrite(bytes.data(), 1, bytes.size(), stdout) == bytes.size() ? 0 : 1;
  }
  if (argc == 4 && std::string(argv[1]) == "--verify") return VerifyFile(argv[2], argv[3]);
  if (argc != 4 && argc != 5) {
    std::fprintf(stderr,
                 "usage: craft_cache DATA_DIR RULES_DIR OUT_DIR [KEY] | --check-result KEY EXIT_CODE OUTPUT | --verify "
                 "KEY FILE\n");
    return 2;
  }
  setenv("TSUNAGU_CACHE", "off", 1);  // build from the YAML, write nothing
  Files files;
  Status s = ReadModelFiles(argv[1], argv[2], &files);  // as LoadModelFor reads them
  Model model;
  Lexicon lexicon;
  if (s.ok()) s = LoadModelFor(argv[1], argv[2], &model, &lexicon);
  const Analyzer* analyzer = nullptr;
  if (s.ok()) s = Analyzer::Get(&analyzer);
  if (!s.ok()) {
    std::fprintf(stderr, "craft_cache: %s\n", s.ToString().c_str());
    return 1;
  }
  const std::string key = argc == 5 ? argv[4] : ModelCacheKey(files);
  const std::string out_dir = argv[3];
  const std::string snapshot = WriteSnapshot(model), compiled = lexicon.Save();
  bool ok = true;
  auto write = [&](const std::string& name, const std::string& bytes) {
    std::ofstream out(out_dir + "/" + name + ".bin", std::ios::binary);
    out << bytes;
    ok = ok && static_cast<bool>(out);
  };
  auto seal = [&](const std::string& snap, const std::string& lex) { return EncodeCachedModel(key, snap, lex); };
  // A model changed one way, sealed with a valid checksum.
  auto model_case = [&](const std::string& name, const std::function<void(Model&)>& change) {
    Model m = model;
    change(m);
    write(name, seal(WriteSnapshot(m), compiled));
  };
  // The compiled lexicon changed in place, sealed.
  const LexiconLayout layout(compiled);
  auto lexicon_case = [&](const std::string& name, const std::function<void(std::string&)>& change) {
    std::string lex = compiled;
    change(lex);
    write(name, seal(snapshot, lex));
  };
  auto first_target = [](Model& m) -> Target& { return m.rules.edit().at(0).to.at(0); };
  auto first_ref = [](Model& m) -> FactRef& {
    for (Rule& r : m.rules.edit())
      for (auto* refs : {&r.when.all, &r.when.any})
        if (!refs->empty()) return refs->front();
    std::abort();
  };
  auto first_alert_with_contacts = [](Model& m) -> AlertRule& {
    for (AlertRule& a : m.alerts)
      if (!a.contacts.empty()) return a;
    std::abort();
  };

  const std::string good = seal(snapshot, compiled);
  write("good", good);
  {
    Model small = SmallModel(model, 30);
    write("small", EncodeCachedModel(key, WriteSnapshot(small), Lexicon(small, *analyzer).Save()));
  }

  // The crashes of issue 17, and every other index of model.h.
  model_case("convener", [](Model& m) { m.team.convener = 12345; });
  model_case("convener-role", [](Model& m) { m.team.convener_role = 99; });
  model_case("crisis-contact", [&](Model& m) { first_alert_with_contacts(m).contacts[0] = 9999; });
  model_case("first-contact", [](Model& m) { m.alerts.at(0).first_contact = 777; });
  model_case("fallback-agency", [](Model& m) { m.fallback.at(0).agency = 99; });
  model_case("fallback-role", [](Model& m) { m.fallback.at(0).roles.at(0) = 5; });
  model_case("rule-agency", [&](Model& m) { first_target(m).agency = -2; });
  model_case("rule-role", [&](Model& m) { first_target(m).roles.at(0) = 77; });
  model_case("rule-weight", [&](Model& m) { first_target(m).weight = INT32_MAX; });
  model_case("rule-fact", [&](Model& m) { first_ref(m).fact = 5000; });
  model_case("alert-fact", [](Model& m) { m.alerts.at(0).when.all.push_back(FactRef{-1, true, Subject::kPerson}); });
  model_case("ref-subject", [&](Model& m) { first_ref(m).subject = static_cast<Subject>(9); });
  model_case("fact-subject", [](Model& m) { m.facts.edit().at(0).subject = static_cast<Subject>(42); });
  model_case("alert-kind", [](Model& m) { m.alerts.at(0).kind = "nope"; });
  model_case("no-fallback", [](Model& m) { m.fallback.clear(); });
  model_case("utf8-name", [](Model& m) { m.agencies.at(0).name.ja = "\xff" + m.agencies.at(0).name.ja; });
  model_case("utf8-role", [](Model& m) { m.agencies.at(1).roles.at(0).label.en += "\xe3\x81"; });
  model_case("utf8-phone", [](Model& m) { m.crisis.at(0).phone += "\xc3"; });
  model_case("utf8-hours", [](Model& m) { m.crisis.at(0).hours.text.ja += std::string("\0", 1); });
  // Local offices (issue 14): whom to ask, and an office's areas.
  auto houkatsu = [](Model& m) -> Agency& { return m.agencies.at(static_cast<size_t>(m.FindAgency("houkatsu"))); };
  auto an_office = [](const char* area) {
    Office o;
    o.id = "crafted";
    o.name = {"架空", "Crafted"};
    o.serves.push_back(ServedArea{ServedArea::kTown, area, {}, {}});
    return o;
  };
  model_case("ask-range", [&](Model& m) { houkatsu(m).ask = 99; });
  model_case("ask-self", [&](Model& m) { houkatsu(m).ask = m.FindAgency("houkatsu"); });
  model_case("office-flag", [&](Model& m) { m.agencies.at(0).offices.push_back(an_office("寺尾東")); });
  model_case("office-no-area", [&](Model& m) {
    houkatsu(m).offices.push_back(an_office("寺尾東"));
    houkatsu(m).offices.back().serves.clear();
  });
  model_case("office-area-kind", [&](Model& m) {
    houkatsu(m).offices.push_back(an_office("寺尾東"));
    houkatsu(m).offices.back().serves[0].kind = static_cast<ServedArea::Kind>(7);
  });
  model_case("office-area-name", [&](Model& m) { houkatsu(m).offices.push_back(an_office("")); });
  model_case("office-utf8", [&](Model& m) { houkatsu(m).offices.push_back(an_office("\xff")); });
  // A lexicon built from more facts than the model has: its last fact
  // names none of the model's.
  {
    Model more = model;
    FactDef extra = more.facts.back();
    extra.id = "crafted";
    extra.ja = {"蟹工船"};
    extra.en = {"crafted"};
    more.facts.push_back(extra);
    write("lexicon-step", seal(snapshot, Lexicon(more, *analyzer).Save()));
  }

  // Counts and lengths far beyond the bytes (1 MB of zeros behind them).
  {
    std::string huge = snapshot.substr(0, 8);  // the magic of this build
    Writer w;
    w.Int(int64_t{1} << 40);
    huge += w.out_ + std::string(1 << 20, '\0');
    write("huge-count", seal(huge, compiled));
    std::string agencies = snapshot;
    Put64(&agencies, 8, int64_t{1} << 31);  // the agency count
    write("huge-agencies", seal(agencies, compiled));
    Put64(&agencies, 8, -1);
    write("negative-count", seal(agencies, compiled));
    std::string phrases = compiled;
    Put64(&phrases, 0, int64_t{1} << 40);  // the phrase bytes' length
    write("huge-length", seal(snapshot, phrases));
  }
  write("truncated-snapshot", seal(snapshot.substr(0, snapshot.size() / 2), compiled));
  write("trailing-byte", seal(snapshot, compiled + "x"));

  // The compiled lexicon's automaton, damaged in place.
  using L = LexiconLayout;
  const size_t nodes = layout.count(L::kFail), phrases = layout.count(L::kPhraseBegin) - 1;
  size_t ending = 1;  // a node where a phrase ends
  while (layout.Get(compiled, L::kOutput, ending) < 0) ++ending;
  lexicon_case("lex-payload-fact", [&](std::string& b) { layout.Set(&b, L::kPayload, 0, 2 * 1000000); });
  lexicon_case("lex-payload-subject", [&](std::string& b) { layout.Set(&b, L::kPayload, 0, -100); });
  lexicon_case("lex-output-range",
               [&](std::string& b) { layout.Set(&b, L::kOutput, ending, static_cast<int32_t>(phrases)); });
  lexicon_case("lex-output-length", [&](std::string& b) {
    // A phrase of another length than the one that ends there.
    const int32_t own = layout.Get(b, L::kOutput, ending);
    auto length = [&](int32_t p) { return layout.Get(b, L::kPhraseBegin, p + 1) - layout.Get(b, L::kPhraseBegin, p); };
    int32_t other = 0;
    while (length(other) == length(own)) ++other;
    layout.Set(&b, L::kOutput, ending, other);
  });
  lexicon_case("lex-child-range",
               [&](std::string& b) { layout.Set(&b, L::kChildNode, 0, static_cast<int32_t>(nodes + 5)); });
  lexicon_case("lex-child-back",
               [&](std::string& b) { layout.Set(&b, L::kChildNode, layout.count(L::kChildNode) - 1, 1); });
  lexicon_case("lex-fail-loop",
               [&](std::string& b) { layout.Set(&b, L::kFail, ending, static_cast<int32_t>(ending)); });
  lexicon_case("lex-output-link",
               [&](std::string& b) { layout.Set(&b, L::kOutputLink, ending, static_cast<int32_t>(ending)); });
  lexicon_case("lex-root", [&](std::string& b) { layout.Set(&b, L::kRootNext, 0, 5); });
  lexicon_case("lex-phrase-utf8", [&](std::string& b) { layout.Set(&b, L::kPhraseBytes, 0, 0xff); });
  lexicon_case("lex-phrase-begin", [&](std::string& b) { layout.Set(&b, L::kPhraseBegin, 1, INT32_MAX); });

  // Damage the checksum catches: a flipped digit of the first crisis
  // number, a cut file; and a sealed file made for other files.
  {
    std::string flipped = good;
    const std::string& phone = model.crisis.at(0).phone;
    size_t at = flipped.find(phone);
    if (at == std::string::npos) return 1;
    flipped[at + phone.size() - 1] = flipped[at + phone.size() - 1] == '9' ? '0' : '9';
    write("flipped-crisis-number", flipped);
    write("truncated-file", good.substr(0, good.size() / 2));
    write("empty-file", "");
    write("other-key", EncodeCachedModel("0123456789abcdef0123456789abcdef", snapshot, compiled));
  }
  if (!ok) {
    std::fprintf(stderr, "craft_cache: cannot write into %s\n", out_dir.c_str());
    return 1;
  }
  std::printf("%s\n", key.c_str());
  return 0;
}
