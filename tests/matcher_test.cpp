// Tests for src/matcher.h: Aho–Corasick over bytes, whole-word edges for
// ASCII phrases, longest non-overlapping hits, payloads, Save/Restore.
#include "matcher.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <memory>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include "binary_io.h"

namespace {

Matcher Build(const std::vector<std::string>& phrases) {
  Matcher m;
  for (size_t i = 0; i < phrases.size(); ++i) m.Add(phrases[i], static_cast<int>(i));
  m.Build();
  return m;
}

std::vector<Matcher::Hit> Longest(const Matcher& m, std::string_view text) {
  std::vector<Matcher::Hit> hits;
  m.FindLongest(text, &hits);
  return hits;
}

std::vector<int> Payloads(const Matcher& m, int phrase) {
  Matcher::Payloads p = m.payloads(phrase);
  return std::vector<int>(p.begin(), p.end());
}

// Saves m and restores the bytes into *restored (false when refused).
bool SaveAndRestore(const Matcher& m, Matcher* restored) {
  Writer odd;
  odd.out_ = "odd";  // not aligned: the padding differs, within SavedBytes
  m.Save(&odd);
  CHECK(odd.out_.size() - 3 <= m.SavedBytes());
  Writer w;
  m.Save(&w);
  auto bytes = std::make_shared<const std::string>(w.out_);
  Reader r(*bytes);
  return restored->Restore(&r, bytes) && r.AtEnd();
}

// The hits as "phrase@begin" strings, in the order returned.
std::vector<std::string> Show(const Matcher& m, const std::vector<Matcher::Hit>& hits) {
  std::vector<std::string> out;
  for (const Matcher::Hit& h : hits) {
    CHECK(h.end - h.begin == m.phrase(h.phrase).size());
    out.push_back(std::string(m.phrase(h.phrase)) + "@" + std::to_string(h.begin));
  }
  return out;
}

std::vector<std::string> Sorted(std::vector<std::string> v) {
  std::sort(v.begin(), v.end());
  return v;
}

bool IsWord(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

// Every occurrence, the slow way, with the documented word-edge rule.
std::vector<std::tuple<size_t, size_t, std::string>> Naive(const std::vector<std::string>& phrases,
                                                           const std::string& text) {
  std::vector<std::tuple<size_t, size_t, std::string>> out;
  std::vector<std::string> unique = phrases;
  std::sort(unique.begin(), unique.end());
  unique.erase(std::unique(unique.begin(), unique.end()), unique.end());
  for (const std::string& p : unique) {
    if (p.empty()) continue;
    for (size_t at = text.find(p); at != std::string::npos; at = text.find(p, at + 1)) {
      size_t end = at + p.size();
      if (IsWord(p.front()) && at > 0 && IsWord(text[at - 1])) continue;
      if (IsWord(p.back()) && end < text.size() && IsWord(text[end])) continue;
      out.emplace_back(at, end, p);
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("Matcher: an empty or unbuilt matcher finds nothing") {
  Matcher unbuilt;
  CHECK(unbuilt.FindAll("anything").empty());
  CHECK(Longest(unbuilt, "anything").empty());
  Matcher empty;
  empty.Build();
  CHECK(empty.FindAll("anything").empty());
  CHECK(empty.phrase_count() == 0);
}

TEST_CASE("Matcher: an empty phrase is ignored") {
  Matcher m;
  m.Add("", 1);
  m.Add("母", 2);
  m.Build();
  CHECK(m.phrase_count() == 1);
  CHECK(Show(m, m.FindAll("母")) == std::vector<std::string>{"母@0"});
}

TEST_CASE("Matcher: FindAll reports overlapping phrases") {
  Matcher m = Build({"ひきこもり", "ひき", "こもり", "もり"});
  CHECK(Sorted(Show(m, m.FindAll("ひきこもり"))) == Sorted({"ひきこもり@0", "ひき@0", "こもり@6", "もり@9"}));
}

TEST_CASE("Matcher: classic he/she/his/hers overlaps (non-word edges)") {
  // Japanese bytes are not word bytes, so these phrases match anywhere.
  Matcher m = Build({"かれ", "あかれ", "かれら", "れら"});
  CHECK(Sorted(Show(m, m.FindAll("あかれらの"))) == Sorted({"あかれ@0", "かれ@3", "かれら@3", "れら@6"}));
}

TEST_CASE("Matcher: FindLongest keeps the longest non-overlapping hits in text order") {
  Matcher m = Build({"ひきこもり", "ひき", "こもり", "母", "母親", "親が"});
  CHECK(Show(m, Longest(m, "母親がひきこもり")) == std::vector<std::string>{"母親@0", "ひきこもり@9"});
  // Equal length: the leftmost wins ("母親" over "親が").
  CHECK(Show(m, Longest(m, "母親が")) == std::vector<std::string>{"母親@0"});
  // Pieces that do not overlap are all kept.
  CHECK(Show(m, Longest(m, "ひき、こもり")) == std::vector<std::string>{"ひき@0", "こもり@9"});
}

TEST_CASE("Matcher: FindLongest prefers a longer phrase starting later") {
  Matcher j = Build({"要介", "介護が必要"});
  CHECK(Show(j, Longest(j, "要介護が必要")) == std::vector<std::string>{"介護が必要@3"});
}

TEST_CASE("Matcher: FindLongest keeps a hit that partly overlaps a longer one where may_share allows") {
  Matcher m = Build({"母の年金", "年金だけ", "年金", "was hit", "hit by a car", "hit by"});
  const Matcher::MayShare always = [](const void*, int, int) { return true; };
  std::vector<Matcher::Hit> hits;
  // Each has bytes of its own: both kept; 年金, inside both, is not.
  m.FindLongest("母の年金だけで", &hits, always);
  CHECK(Show(m, hits) == std::vector<std::string>{"母の年金@0", "年金だけ@6"});
  // Without may_share, no two hits overlap.
  CHECK(Show(m, Longest(m, "母の年金だけで")) == std::vector<std::string>{"母の年金@0"});
  // A hit inside a kept one is dropped whatever may_share says ("hit by").
  m.FindLongest("he was hit by a car", &hits, always);
  CHECK(Show(m, hits) == std::vector<std::string>{"was hit@3", "hit by a car@7"});
  // may_share is asked with the kept (longer) phrase first, and can refuse.
  const int guard = 4;  // "hit by a car"
  const Matcher::MayShare not_guard = [](const void* g, int kept, int) { return kept != *static_cast<const int*>(g); };
  m.FindLongest("he was hit by a car", &hits, not_guard, &guard);
  CHECK(Show(m, hits) == std::vector<std::string>{"hit by a car@7"});
  m.FindLongest("母の年金だけで", &hits, not_guard, &guard);
  CHECK(Show(m, hits) == std::vector<std::string>{"母の年金@0", "年金だけ@6"});
}

TEST_CASE("Matcher: FindLongest with may_share: a hit meeting several kept ones needs each to allow it") {
  Matcher m = Build({"あいうえ", "うえおか", "いうえお", "うえ"});
  // "うえおか" meets "あいうえ" and "いうえお", both kept before it; refused by "あいうえ" alone.
  const Matcher::MayShare refuse = [](const void*, int kept, int phrase) { return !(kept == 0 && phrase == 1); };
  std::vector<Matcher::Hit> hits;
  m.FindLongest("あいうえおか", &hits, refuse);
  CHECK(Show(m, hits) == std::vector<std::string>{"あいうえ@0", "いうえお@3"});
  const Matcher::MayShare always = [](const void*, int, int) { return true; };
  m.FindLongest("あいうえおか", &hits, always);
  CHECK(Show(m, hits) == std::vector<std::string>{"あいうえ@0", "いうえお@3", "うえおか@6"});
  // Far apart, nothing is asked.
  const Matcher::MayShare never = [](const void*, int, int) { return false; };
  m.FindLongest("あいうえ、うえおか", &hits, never);
  CHECK(Show(m, hits) == std::vector<std::string>{"あいうえ@0", "うえおか@15"});
}

TEST_CASE("Matcher: English phrases match whole words only") {
  Matcher m = Build({"son", "no job", "8050"});
  CHECK(m.FindAll("person").empty());
  CHECK(m.FindAll("sons").empty());
  CHECK(m.FindAll("grandson").empty());
  CHECK(Show(m, m.FindAll("son")) == std::vector<std::string>{"son@0"});
  CHECK(Show(m, m.FindAll("my son is 52")) == std::vector<std::string>{"son@3"});
  CHECK(Show(m, m.FindAll("son's room")) == std::vector<std::string>{"son@0"});
  CHECK(Show(m, m.FindAll("(son)")) == std::vector<std::string>{"son@1"});
  CHECK(Show(m, m.FindAll("son-in-law")) == std::vector<std::string>{"son@0"});
  CHECK(Show(m, m.FindAll("has no job.")) == std::vector<std::string>{"no job@4"});
  CHECK(m.FindAll("casino jobs").empty());
  CHECK(Show(m, m.FindAll("8050問題")) == std::vector<std::string>{"8050@0"});
  CHECK(m.FindAll("180500").empty());
}

TEST_CASE("Matcher: English words next to Japanese text are whole words") {
  Matcher m = Build({"son"});
  CHECK(Show(m, m.FindAll("息子son母")) == std::vector<std::string>{"son@6"});
}

TEST_CASE("Matcher: Japanese phrases match as substrings") {
  Matcher m = Build({"息子", "障害"});
  CHECK(Show(m, m.FindAll("息子さん")) == std::vector<std::string>{"息子@0"});
  CHECK(Show(m, m.FindAll("発達障害がある")) == std::vector<std::string>{"障害@6"});
  CHECK(Show(m, m.FindAll("abc息子xyz")) == std::vector<std::string>{"息子@3"});
}

TEST_CASE("Matcher: a phrase with a word edge on one side only") {
  Matcher m = Build({"8050問題"});  // starts with a digit, ends with kanji
  CHECK(Show(m, m.FindAll("いわゆる8050問題だ")) == std::vector<std::string>{"8050問題@12"});
  CHECK(m.FindAll("18050問題").empty());
}

TEST_CASE("Matcher: the same phrase added twice keeps both payloads once each") {
  Matcher m;
  m.Add("母", 1);
  m.Add("父", 3);
  m.Add("母", 2);
  m.Add("母", 1);
  m.Build();
  CHECK(m.phrase_count() == 2);
  std::vector<Matcher::Hit> hits = m.FindAll("母");
  REQUIRE(hits.size() == 1);
  CHECK(Payloads(m, hits[0].phrase) == std::vector<int>{1, 2});
  CHECK(Payloads(m, m.FindAll("父")[0].phrase) == std::vector<int>{3});
}

TEST_CASE("Matcher: many phrases are all found") {
  std::vector<std::string> phrases;
  for (int i = 0; i < 3000; ++i) phrases.push_back("w" + std::to_string(i) + "x");
  Matcher m = Build(phrases);
  CHECK(m.phrase_count() == 3000);
  std::string text;
  for (int i = 0; i < 3000; i += 7) text += "w" + std::to_string(i) + "x ";
  std::vector<Matcher::Hit> hits = Longest(m, text);
  CHECK(hits.size() == (3000 + 6) / 7);
  for (size_t k = 0; k < hits.size(); ++k) {
    CHECK(m.phrase(hits[k].phrase) == "w" + std::to_string(k * 7) + "x");
    CHECK(Payloads(m, hits[k].phrase) == std::vector<int>{static_cast<int>(k * 7)});
  }
}

TEST_CASE("Matcher: FindAll agrees with a naive search on random texts") {
  std::mt19937 rng(20240611);
  const std::string alphabet = "ab ";
  auto random_string = [&](size_t min_len, size_t max_len, const std::string& chars) {
    std::uniform_int_distribution<size_t> len(min_len, max_len);
    std::uniform_int_distribution<size_t> pick(0, chars.size() - 1);
    std::string s;
    for (size_t n = len(rng); s.size() < n;) s += chars[pick(rng)];
    return s;
  };
  for (int round = 0; round < 200; ++round) {
    std::vector<std::string> phrases;
    for (int i = 0; i < 8; ++i) phrases.push_back(random_string(1, 4, round % 2 ? alphabet : "ab"));
    Matcher m;
    for (size_t i = 0; i < phrases.size(); ++i) m.Add(phrases[i], static_cast<int>(i));
    m.Build();
    std::string text = random_string(0, 40, alphabet);
    std::vector<std::tuple<size_t, size_t, std::string>> got;
    for (const Matcher::Hit& h : m.FindAll(text)) got.emplace_back(h.begin, h.end, std::string(m.phrase(h.phrase)));
    std::sort(got.begin(), got.end());
    INFO("text: '" << text << "'");
    CHECK(got == Naive(phrases, text));

    // FindLongest: non-overlapping, sorted, and a subset of FindAll.
    std::vector<Matcher::Hit> longest = Longest(m, text);
    for (size_t k = 1; k < longest.size(); ++k) CHECK(longest[k - 1].end <= longest[k].begin);
    for (const Matcher::Hit& h : longest)
      CHECK(std::find(got.begin(), got.end(), std::make_tuple(h.begin, h.end, std::string(m.phrase(h.phrase)))) !=
            got.end());

    // With may_share always true: the hits inside no other hit, in text order.
    std::vector<Matcher::Hit> shared;
    m.FindLongest(text, &shared, [](const void*, int, int) { return true; });
    std::vector<std::tuple<size_t, size_t, std::string>> outer;
    for (const auto& [b, e, p] : got) {
      bool inside = false;
      for (const auto& [ob, oe, op] : got) inside = inside || (ob <= b && e <= oe && oe - ob > e - b);
      if (!inside) outer.emplace_back(b, e, p);
    }
    std::vector<std::tuple<size_t, size_t, std::string>> kept;
    for (const Matcher::Hit& h : shared) kept.emplace_back(h.begin, h.end, std::string(m.phrase(h.phrase)));
    CHECK(kept == outer);
  }
}

TEST_CASE("Matcher: FindAll agrees with a naive search on phrases that share prefixes and suffixes") {
  // Small alphabets of ASCII letters and multi-byte characters (kana share
  // their first two bytes), phrases grown from one another at either end,
  // so fail chains are long; a fan of 8+ continuations of a stem, at a
  // letter and at the last byte of a kana, makes wide nodes, which other
  // nodes fail into. Every round also checks the automaton after Restore.
  const std::vector<std::string> tokens = {"a",  "b",  "c",  "d",  "e",  "f",  "g",  "h",  "i",  "1",  " ",
                                           "、", "あ", "い", "う", "え", "お", "か", "き", "く", "ア", "亜"};
  std::mt19937 rng(8050);
  auto pick = [&](size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(rng); };
  for (int round = 0; round < 300; ++round) {
    std::vector<std::string> alphabet;
    for (size_t want = 2 + pick(round % 3 == 0 ? 3 : tokens.size() - 1); alphabet.size() < want;) {
      const std::string& t = tokens[pick(tokens.size())];
      if (std::find(alphabet.begin(), alphabet.end(), t) == alphabet.end()) alphabet.push_back(t);
    }
    auto word = [&](size_t max_tokens) {
      std::string s;
      for (size_t n = 1 + pick(max_tokens); n > 0; --n) s += alphabet[pick(alphabet.size())];
      return s;
    };
    std::vector<std::string> phrases;
    for (size_t n = 1 + pick(12); n > 0; --n) phrases.push_back(word(4));
    for (size_t n = pick(40); n > 0; --n) {
      const std::string& p = phrases[pick(phrases.size())];
      switch (pick(4)) {
        case 0: phrases.push_back(word(2) + p); break;
        case 1: phrases.push_back(p + word(2)); break;
        case 2: phrases.push_back(p.substr(pick(p.size()))); break;  // may split a character
        default: phrases.push_back(p + p); break;
      }
    }
    if (round % 2 == 0) {
      const std::string stem = phrases[pick(phrases.size())];
      const std::vector<std::string> letters = {"a", "b", "c", "d", "e", "f", "g", "h", "i"};
      const std::vector<std::string> kana = {"あ", "い", "う", "え", "お", "か", "き", "く"};
      const std::vector<std::string>& fan = round % 4 == 0 ? letters : kana;
      // A fan from a suffix of the stem too: wide nodes failing to wide nodes.
      for (const std::string& head : {stem, stem.substr(pick(stem.size()))})
        for (const std::string& t : fan) phrases.push_back(head + t);
      phrases.push_back(word(2) + stem);  // fails into the wide node
    }
    Matcher m = Build(phrases);
    Matcher restored;
    REQUIRE(SaveAndRestore(m, &restored));
    for (int t = 0; t < 10; ++t) {
      std::string text;
      for (size_t n = pick(12); n > 0; --n) {
        const std::string& p = phrases[pick(phrases.size())];
        text += pick(3) == 0 ? word(3) : p.substr(0, 1 + pick(p.size()));
      }
      const auto want = Naive(phrases, text);
      for (const Matcher* matcher : {&m, &restored}) {
        std::vector<std::tuple<size_t, size_t, std::string>> got;
        for (const Matcher::Hit& h : matcher->FindAll(text))
          got.emplace_back(h.begin, h.end, std::string(matcher->phrase(h.phrase)));
        std::sort(got.begin(), got.end());
        INFO("round " << round << (matcher == &m ? " built" : " restored") << ", text: '" << text << "'");
        CHECK(got == want);
      }
    }
  }
}

TEST_CASE("Matcher: Save and Restore give the same answers") {
  // Wide nodes (eight kana after "の", eight letters after "a"), nodes that
  // fail to them and to each other ("母の" + kana, "ba" + letter, "、a"), a
  // phrase ending inside another ("きこ"): every way of stepping, with
  // the arrays used in place.
  std::vector<std::string> phrases = {"ひきこもり", "son",  "母",   "elderly parent", "8050",
                                      "母の",       "の母", "、ay", "、az",           "きこ"};
  for (const char* kana : {"あ", "い", "う", "え", "お", "か", "き", "く"}) {
    phrases.push_back(std::string("の") + kana);
    phrases.push_back(std::string("母の") + kana);
  }
  for (const char* letter : {"b", "c", "d", "e", "f", "g", "h", "i"}) {
    phrases.push_back(std::string("a") + letter);
    phrases.push_back(std::string("ba") + letter + "a");
  }
  Matcher m = Build(phrases);
  Writer w;
  m.Save(&w);
  CHECK(w.out_.size() <= m.SavedBytes());
  Matcher restored;
  Reader r(w.out_);
  REQUIRE(restored.Restore(&r, nullptr));
  CHECK(r.AtEnd());
  for (const char* text : {"elderly parent, son ﾋｷｺﾓﾘ 8050 母 ひきこもり person", "母の母のあ母のい、ののうの母",
                           "babababaca abi ab bahaa ba", "母のかきく母ひきこもの母のおあ母のの母", "、ab、ai、ay"}) {
    INFO("text: '" << text << "'");
    CHECK(Show(restored, restored.FindAll(text)) == Show(m, m.FindAll(text)));
    std::vector<std::tuple<size_t, size_t, std::string>> got;
    for (const Matcher::Hit& h : restored.FindAll(text))
      got.emplace_back(h.begin, h.end, std::string(restored.phrase(h.phrase)));
    std::sort(got.begin(), got.end());
    CHECK(got == Naive(phrases, text));
    CHECK(!got.empty());
  }
  CHECK(restored.phrase_count() == m.phrase_count());
  Writer again;
  restored.Save(&again);
  CHECK(again.out_ == w.out_);
}

TEST_CASE("Matcher: Restore rejects truncated bytes") {
  Matcher m = Build({"ひきこもり", "son", "母"});
  Writer w;
  m.Save(&w);
  for (size_t n = 0; n < w.out_.size(); n += 3) {
    Matcher broken;
    Reader r(std::string_view(w.out_).substr(0, n));
    CHECK_FALSE(broken.Restore(&r, nullptr));
  }
}

TEST_CASE("Matcher: Restore rejects automaton indexes out of range") {
  Matcher m = Build({"ab", "bc"});
  Writer w;
  m.Save(&w);
  // Overwrite every 4-byte aligned word with a huge value in turn: each
  // result must either restore cleanly or be rejected, never crash later.
  for (size_t at = 0; at + 4 <= w.out_.size(); at += 4) {
    std::string bytes = w.out_;
    bytes[at] = '\x7f';
    bytes[at + 1] = '\x7f';
    bytes[at + 2] = '\x7f';
    bytes[at + 3] = '\x7f';
    Matcher broken;
    Reader r(bytes);
    if (broken.Restore(&r, nullptr)) (void)broken.FindAll("ab bc abc");
  }
}

TEST_CASE("Matcher: Restore refuses fail links that loop instead of leading to the root") {
  // Rewrites the saved arrays (in Save's order) with two nodes failing to
  // each other: matching would then never end.
  Matcher m = Build({"abc", "bcd", "cde"});
  Writer w;
  m.Save(&w);
  Reader r(w.out_);
  std::string phrases = r.Str();
  auto phrase_begin = r.Array<uint32_t>(), payload_begin = r.Array<uint32_t>();
  auto payload = r.Array<int32_t>();
  auto word_edges = r.Array<uint8_t>();
  auto child_begin = r.Array<uint32_t>();
  auto child_byte = r.Array<uint8_t>();
  auto child_node = r.Array<int32_t>(), fail = r.Array<int32_t>(), output = r.Array<int32_t>(),
       output_link = r.Array<int32_t>(), root_next = r.Array<int32_t>();
  REQUIRE(r.ok());
  REQUIRE(fail.size() > 3);
  auto save = [&](const std::vector<int32_t>& fails) {
    Writer out;
    out.Str(phrases);
    out.Array(phrase_begin);
    out.Array(payload_begin);
    out.Array(payload);
    out.Array(word_edges);
    out.Array(child_begin);
    out.Array(child_byte);
    out.Array(child_node);
    out.Array(fails);
    out.Array(output);
    out.Array(output_link);
    out.Array(root_next);
    return out.out_;
  };
  {
    std::string same = save(fail);
    Reader again(same);
    Matcher restored;
    CHECK(restored.Restore(&again, nullptr));  // the rewrite itself is faithful
  }
  std::vector<int32_t> looping = fail;
  looping[1] = 2;
  looping[2] = 1;
  std::string bytes = save(looping);
  Reader bad(bytes);
  Matcher broken;
  CHECK_FALSE(broken.Restore(&bad, nullptr));
  // Trusted bytes (a cache file whose checksum matched) are not walked:
  // only the arrays' sizes are checked, and those still are.
  Reader trusted(bytes);
  CHECK(broken.Restore(&trusted, nullptr, /*trusted=*/true));
  std::vector<int32_t> shorter = fail;
  shorter.pop_back();
  const std::string short_bytes = save(shorter);
  Reader sizes(short_bytes);
  CHECK_FALSE(broken.Restore(&sizes, nullptr, /*trusted=*/true));
}
