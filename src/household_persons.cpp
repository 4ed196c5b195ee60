// Step 1 of the household: persons from the subject words.
#include "household.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <string_view>
#include <tuple>

#include "household_internal.h"
#include "utf8.h"

using namespace household_internal;  // NOLINT: the steps' shared helpers

namespace {

struct RelationEntry {
  std::string_view word;
  const char* key;
  char sex;
};

// Subject words (normalised) and the relation they name. A word not
// listed takes its subject group's relation (see RelationOf).
constexpr RelationEntry kRelations[] = {
    {"本人", "person", 0},
    {"ご本人", "person", 0},
    {"当事者", "person", 0},
    {"患者", "person", 0},
    {"the person", "person", 0},
    {"the individual", "person", 0},
    {"patient", "person", 0},
    {"息子", "son", 'M'},
    {"息子さん", "son", 'M'},
    {"son", "son", 'M'},
    {"sons", "son", 'M'},
    {"長男", "eldest-son", 'M'},
    {"次男", "second-son", 'M'},
    {"三男", "third-son", 'M'},
    {"娘", "daughter", 'F'},
    {"娘さん", "daughter", 'F'},
    {"daughter", "daughter", 'F'},
    {"daughters", "daughter", 'F'},
    {"長女", "eldest-daughter", 'F'},
    {"次女", "second-daughter", 'F'},
    {"三女", "third-daughter", 'F'},
    {"孫", "grandchild", 0},
    {"grandson", "grandchild", 'M'},
    {"granddaughter", "grandchild", 'F'},
    {"grandchild", "grandchild", 0},
    {"young man", "son", 'M'},
    {"young woman", "daughter", 'F'},
    {"男性", "man", 'M'},
    {"男の人", "man", 'M'},
    {"man", "man", 'M'},
    {"guy", "man", 'M'},
    {"女性", "woman", 'F'},
    {"女の人", "woman", 'F'},
    {"woman", "woman", 'F'},
    {"lady", "woman", 'F'},
    {"親", "parent", 0},
    {"parent", "parent", 0},
    {"両親", "parents", 0},
    {"parents", "parents", 0},
    {"私たち夫婦", "parents", 0},
    {"私ども夫婦", "parents", 0},
    {"我々夫婦", "parents", 0},
    {"うちら夫婦", "parents", 0},
    {"母", "mother", 'F'},
    {"母親", "mother", 'F'},
    {"お母さん", "mother", 'F'},
    {"母さん", "mother", 'F'},
    {"おふくろ", "mother", 'F'},
    {"お袋", "mother", 'F'},
    {"実母", "mother", 'F'},
    {"義母", "mother", 'F'},
    {"mother", "mother", 'F'},
    {"mom", "mother", 'F'},
    {"mum", "mother", 'F'},
    {"継母", "mother", 'F'},
    {"stepmother", "mother", 'F'},
    {"stepmom", "mother", 'F'},
    {"stepmum", "mother", 'F'},
    {"mother-in-law", "mother", 'F'},
    {"父", "father", 'M'},
    {"父親", "father", 'M'},
    {"お父さん", "father", 'M'},
    {"父さん", "father", 'M'},
    {"おやじ", "father", 'M'},
    {"親父", "father", 'M'},
    {"実父", "father", 'M'},
    {"義父", "father", 'M'},
    {"father", "father", 'M'},
    {"dad", "father", 'M'},
    {"継父", "father", 'M'},
    {"stepfather", "father", 'M'},
    {"stepdad", "father", 'M'},
    {"father-in-law", "father", 'M'},
    {"祖母", "grandmother", 'F'},
    {"おばあちゃん", "grandmother", 'F'},
    {"grandmother", "grandmother", 'F'},
    {"grandma", "grandmother", 'F'},
    {"granny", "grandmother", 'F'},
    {"おばあさん", "grandmother", 'F'},
    {"祖父", "grandfather", 'M'},
    {"おじいちゃん", "grandfather", 'M'},
    {"grandfather", "grandfather", 'M'},
    {"grandpa", "grandfather", 'M'},
    {"grandad", "grandfather", 'M'},
    {"granddad", "grandfather", 'M'},
    {"おじいさん", "grandfather", 'M'},
    {"兄", "elder-brother", 'M'},
    {"弟", "younger-brother", 'M'},
    {"姉", "elder-sister", 'F'},
    {"妹", "younger-sister", 'F'},
    {"brother", "brother", 'M'},
    {"brothers", "brother", 'M'},
    {"sister", "sister", 'F'},
    {"sisters", "sister", 'F'},
    {"兄弟", "sibling", 0},
    {"姉妹", "sibling", 'F'},
    {"きょうだい", "sibling", 0},
    {"sibling", "sibling", 0},
    {"siblings", "sibling", 0},
    // A spouse in every form a family or a worker writes (奥さん, ご主人:
    // the worker's polite words for the caller's spouse): each names the
    // partner, whom partner_violence.cpp reads as the agent of DV.
    {"妻", "wife", 'F'},
    {"嫁", "wife", 'F'},
    {"家内", "wife", 'F'},
    {"奥さん", "wife", 'F'},
    {"奥様", "wife", 'F'},
    {"wife", "wife", 'F'},
    {"夫", "husband", 'M'},
    {"主人", "husband", 'M'},
    {"ご主人", "husband", 'M'},
    {"旦那", "husband", 'M'},
    {"旦那さん", "husband", 'M'},
    {"husband", "husband", 'M'},
    {"配偶者", "spouse", 0},
    {"spouse", "spouse", 0},
    {"叔父", "uncle", 'M'},
    {"伯父", "uncle", 'M'},
    {"uncle", "uncle", 'M'},
    {"叔母", "aunt", 'F'},
    {"伯母", "aunt", 'F'},
    {"aunt", "aunt", 'F'},
    {"甥", "nephew", 'M'},
    {"甥っ子", "nephew", 'M'},
    {"nephew", "nephew", 'M'},
    {"姪", "niece", 'F'},
    {"姪っ子", "niece", 'F'},
    {"niece", "niece", 'F'},
};

// Words that name a group, not one person: facts said of them stay the
// household's (or the family's) and make no Person.
constexpr std::string_view kGroupWords[] = {"家族", "ご家族", "family",    "世帯",      "家庭",
                                            "一家", "夫婦",   "household", "households"};

// Relations of the person of concern's kind: a child of the household or
// someone named only as 本人 / a man / a woman.

class UnionFind {
 public:
  explicit UnionFind(size_t n) : parent_(n) {
    for (size_t i = 0; i < n; ++i) parent_[i] = static_cast<int>(i);
  }
  int Find(int i) { return parent_[i] == i ? i : parent_[i] = Find(parent_[i]); }
  void Merge(int from, int into) { parent_[Find(from)] = Find(into); }

 private:
  std::vector<int> parent_;
};

}  // namespace

RelationOfWord RelationOf(std::string_view word, Subject subject) {
  RelationOfWord r;
  for (std::string_view g : kGroupWords)
    if (word == g) {
      r.group = true;
      r.key = "family";
      return r;
    }
  for (const RelationEntry& e : kRelations)
    if (word == e.word) {
      r.key = e.key;
      r.sex = e.sex;
      r.caller = word.substr(0, 3) == "私" || word.substr(0, 3) == "我" || word.substr(0, 3) == "う";
      return r;
    }
  switch (subject) {
    case Subject::kPerson: r.key = "child"; break;
    case Subject::kParent: r.key = "parent"; break;
    case Subject::kFamily: r.key = "relative"; break;
    case Subject::kHousehold:
      r.group = true;
      r.key = "family";
      break;
    case Subject::kNeighbour: r.key = "neighbour"; break;
    case Subject::kCaller:
      r.key = "self";
      r.caller = true;
      break;
  }
  return r;
}

namespace {

// "I think", "I guess" after the caller word "I": a hedge on what follows
// ("her brother (I think he is forty-seven) doesn't go out"), not a
// clause about the caller.
bool IsHedge(std::string_view t, size_t end) {
  for (std::string_view h : {" think", " guess", " believe", " suppose", " reckon", " imagine"}) {
    const size_t after = end + h.size();
    if (!At(t, end, h) || (after < t.size() && std::isalpha(static_cast<unsigned char>(t[after])))) continue;
    // "I think about work", "I believe in him": a clause about the caller.
    return !At(t, after, " about") && !At(t, after, " of") && !At(t, after, " in");
  }
  return false;
}

// Drops subject words that are not persons here: 子 inside a word (様子,
// 調子, 子育て; "50代の子" stays) and 自分 after someone else in the
// sentence, which is reflexive (息子は自分の部屋に), the "I" of a hedge
// ("I think"), and a first-person word inside a quotation when the text
// is not all quotation: it is whoever says it (息子は「俺はもう四十だ」と
// 言って; "'I'm fifty, who would hire me?' is what my son says"), whom the
// quotation's facts go to (QuoteSpeaker), not the writer.
void DropNonPersons(Understanding* u, const std::vector<int>& sentence) {
  const std::string& t = u->text.match;
  std::vector<SubjectMention>& subjects = u->subjects;
  size_t kept = 0;
  // Per sentence: a kept word names someone other than the caller (looked
  // up, not a rescan of the kept words per 自分). Sentences are numbered
  // from 0, at most one per clause.
  std::vector<char> someone_in(sentence.size(), 0);
  bool unquoted = false;  // some clause stands outside any quotation
  for (size_t c = 0; c < sentence.size(); ++c) unquoted = unquoted || !ClauseInQuote(*u, c);
  for (size_t i = 0; i < subjects.size(); ++i) {
    const SubjectMention& s = subjects[i];
    std::string_view w(t.data() + s.begin, s.end - s.begin);
    if (w == "子" && (IsKanjiOrKatakana(CharBefore(t, s.begin)) || IsKanjiOrKatakana(CharAt(t, s.end)))) continue;
    if (w == "自分" && someone_in[sentence[s.clause]]) continue;
    if (w == "i" && IsHedge(t, s.end)) continue;
    if (s.subject == Subject::kCaller && unquoted && ClauseInQuote(*u, s.clause)) continue;
    if (s.subject != Subject::kCaller) someone_in[sentence[s.clause]] = 1;
    if (kept != i) subjects[kept] = std::move(subjects[i]);
    ++kept;
  }
  subjects.resize(kept);
}

// One person per relation named; each subject word points at its person.
void PersonPerRelation(Understanding* u) {
  const std::string& t = u->text.match;
  for (SubjectMention& s : u->subjects) {
    const RelationOfWord rel = RelationOf(std::string_view(t.data() + s.begin, s.end - s.begin), s.subject);
    if (rel.group) continue;
    int found = -1;
    for (const Person& p : u->persons)
      if (p.relation == rel.key) found = p.id;
    if (found < 0) {
      Person p;
      p.id = static_cast<int>(u->persons.size());
      p.relation = rel.key;
      p.words = s.words;
      p.sex = rel.sex;
      p.caller = rel.caller;
      p.role = s.subject;
      u->persons.push_back(std::move(p));
      found = u->persons.back().id;
    }
    u->persons[found].caller = u->persons[found].caller || rel.caller;
    s.person = found;
  }
}

// A general word joins the one specific person of its kind: 息子 and a
// single 長男 are one son; 親 and a single 母 one mother.
void JoinGeneralWords(const Understanding& u, UnionFind* sets) {
  auto join_single = [&](const char* general, std::initializer_list<const char*> specific) {
    int g = -1, one = -1, count = 0;
    for (const Person& p : u.persons) {
      if (p.relation == general) g = p.id;
      for (const char* k : specific)
        if (p.relation == k && sets->Find(p.id) == p.id) {
          one = p.id;
          ++count;
        }
    }
    if (g >= 0 && count == 1) sets->Merge(g, one);
  };
  join_single("son", {"eldest-son", "second-son", "third-son"});
  join_single("daughter", {"eldest-daughter", "second-daughter", "third-daughter"});
  join_single("child", {"son", "eldest-son", "second-son", "third-son", "daughter", "eldest-daughter",
                        "second-daughter", "third-daughter"});
  join_single("parent", {"mother", "father", "parents"});
  join_single("brother", {"elder-brother", "younger-brother"});
  join_single("sister", {"elder-sister", "younger-sister"});
  join_single("sibling", {"elder-brother", "younger-brother", "elder-sister", "younger-sister", "brother", "sister"});
}

// Subject word i says who the caller is in Japanese: 「私は70歳の父親です」,
// 「母親です。」: when a marked caller word comes first in the sentence, or
// the word opens the sentence (an age may precede).
bool CallerSaysJapanese(const Understanding& u, const std::vector<int>& sentence, size_t i) {
  const std::string& t = u.text.match;
  const SubjectMention& s = u.subjects[i];
  if (!At(t, s.end, "です") && !At(t, s.end, "でございます") && !At(t, s.end, "をしています") &&
      !At(t, s.end, "をしております"))
    return false;
  bool other_before = false, caller_before = false;
  size_t sentence_begin = s.begin;
  for (size_t c = s.clause + 1; c-- > 0 && sentence[c] == sentence[s.clause];) sentence_begin = u.clauses[c].begin;
  for (size_t k = 0; k < i; ++k) {
    const SubjectMention& before = u.subjects[k];
    if (sentence[before.clause] != sentence[s.clause]) continue;
    if (before.subject == Subject::kCaller && Marked(t, before.end)) caller_before = true;
    else other_before = true;
  }
  return caller_before || (!other_before && s.begin - sentence_begin <= 24);
}

// "I'm his mother", "we are her parents": subject word i right after a
// caller word and a form of "be".
bool CallerSaysEnglish(const Understanding& u, size_t i) {
  if (i == 0) return false;
  const SubjectMention& s = u.subjects[i];
  const SubjectMention& prev = u.subjects[i - 1];
  if (prev.subject != Subject::kCaller || prev.clause != s.clause) return false;
  std::string_view gap(u.text.match.data() + prev.end, s.begin - prev.end);
  for (std::string_view be : {"'m ", " am ", " are ", "’m "})
    if (gap.substr(0, be.size()) == be) {
      std::string_view rest = gap.substr(be.size());
      if (rest.empty() || rest == "his " || rest == "her " || rest == "their " || rest == "the " || rest == "a ")
        return true;
    }
  return false;
}

// The caller saying who they are joins the caller to that person.
void JoinCallerToSelfNamed(Understanding* u, const std::vector<int>& sentence, UnionFind* sets) {
  int caller = -1;
  for (const Person& p : u->persons)
    if (p.relation == "self") caller = p.id;
  for (size_t i = 0; i < u->subjects.size(); ++i) {
    const SubjectMention& s = u->subjects[i];
    if (s.person < 0 || u->persons[s.person].caller) continue;
    if (!CallerSaysJapanese(*u, sentence, i) && !CallerSaysEnglish(*u, i)) continue;
    const int who = sets->Find(s.person);
    u->persons[who].caller = true;
    if (caller >= 0 && sets->Find(caller) != who) sets->Merge(caller, who);
    caller = who;
  }
}

}  // namespace

namespace {

// True when the word at t[i] (spaces skipped) cannot be the noun an age
// describes: the text or clause ends, or a verb or linking word follows
// ("our 35-year-old hasn't left", "my 8-year-old is scared").
bool NoNounAfterAge(std::string_view t, size_t i) {
  while (i < t.size() && t[i] == ' ') ++i;
  if (i == t.size() || !IsAsciiLowerOrDigit(static_cast<unsigned char>(t[i]))) return true;
  size_t e = i;
  while (e < t.size() && (IsAsciiLowerOrDigit(static_cast<unsigned char>(t[e])) || t[e] == '\'')) ++e;
  static constexpr std::string_view kVerbs[] = {
      "is",    "was",    "has",    "hasn't", "had",     "won't",   "doesn't", "does",   "did",    "didn't",    "never",
      "still", "stays",  "stayed", "spends", "refuses", "lives",   "can't",   "cannot", "just",   "will",      "would",
      "isn't", "wasn't", "who",    "and",    "keeps",   "rarely",  "hardly",  "barely", "now",    "gets",      "got",
      "'s",    "seems",  "says",   "when",   "while",   "because", "since",   "after",  "before", "at",        "in",
      "on",    "to",     "from",   "with",   "every",   "again",   "also",    "often",  "always", "sometimes", "can",
      "could", "should", "might",  "may",    "do",      "does",    "did",     "doesnt"};
  const std::string_view word = t.substr(i, e - i);
  return std::find(std::begin(kVerbs), std::end(kVerbs), word) != std::end(kVerbs);
}

// "my 8-year-old", "our 35-year-old" with no noun after: the age names a
// child of the writer's, as "my son" would; without a subject word there
// the age would go to the writer ("my" says whose, never whose age).
// Added as subject words of the person, in text order. The ages are the
// number step's own (clause_of[i]: numbers[i]'s clause).
void AddAgeNouns(const std::vector<NumberMention>& numbers, const std::vector<int>& clause_of, Understanding* u) {
  const std::string& t = u->text.match;
  auto after = [&t](size_t at, std::string_view word) {
    return at >= word.size() && t.compare(at - word.size(), word.size(), word) == 0 &&
           (at == word.size() || !IsAsciiLowerOrDigit(static_cast<unsigned char>(t[at - word.size() - 1])));
  };
  for (size_t i = 0; i < numbers.size(); ++i) {
    const NumberMention& n = numbers[i];
    // The noun form of a current age in digits: "35-year-old", "8 year old".
    const std::string_view words = std::string_view(t).substr(n.begin, n.end - n.begin);
    if (n.kind != NumberMention::kAge || n.when != NumberMention::kNow || words.empty() || words[0] < '0' ||
        words[0] > '9' || words.size() < 3 || words.substr(words.size() - 3) != "old")
      continue;
    if (!(after(n.begin, "my ") || after(n.begin, "our ")) || !NoNounAfterAge(t, n.end)) continue;
    SubjectMention s{Subject::kPerson, clause_of[i], n.begin, n.end, u->text.display.substr(n.begin, words.size())};
    auto at = std::upper_bound(u->subjects.begin(), u->subjects.end(), s.begin,
                               [](size_t b, const SubjectMention& x) { return b < x.begin; });
    u->subjects.insert(at, std::move(s));
  }
}

}  // namespace

void FindPersons(const std::vector<NumberMention>& numbers, const std::vector<int>& clause_of, Understanding* u) {
  AddAgeNouns(numbers, clause_of, u);
  const std::vector<int> sentence = Sentences(*u);
  DropNonPersons(u, sentence);
  PersonPerRelation(u);
  if (u->persons.empty()) return;
  const size_t n = u->persons.size();
  UnionFind sets(n);
  JoinGeneralWords(*u, &sets);
  JoinCallerToSelfNamed(u, sentence, &sets);
  std::vector<int> into(n);
  for (size_t p = 0; p < n; ++p) into[p] = sets.Find(static_cast<int>(p));
  for (size_t p = 0; p < n; ++p)
    if (u->persons[p].caller) u->persons[into[p]].caller = true;
  Compact(u, into);
}
