#include "household.h"

#include <algorithm>
#include <cstring>
#include <string_view>
#include <tuple>

#include "utf8.h"

namespace {

struct RelationEntry {
  std::string_view word;
  const char* key;
  char sex;
};

// Subject words (normalised) and the relation they name. A word not
// listed takes its subject group's relation (see RelationOf).
constexpr RelationEntry kRelations[] = {
    {"本人", "person", 0}, {"ご本人", "person", 0}, {"当事者", "person", 0}, {"患者", "person", 0},
    {"the person", "person", 0}, {"the individual", "person", 0}, {"patient", "person", 0},
    {"息子", "son", 'M'}, {"息子さん", "son", 'M'}, {"son", "son", 'M'}, {"sons", "son", 'M'},
    {"長男", "eldest-son", 'M'}, {"次男", "second-son", 'M'}, {"三男", "third-son", 'M'},
    {"娘", "daughter", 'F'}, {"娘さん", "daughter", 'F'}, {"daughter", "daughter", 'F'},
    {"daughters", "daughter", 'F'}, {"長女", "eldest-daughter", 'F'}, {"次女", "second-daughter", 'F'},
    {"三女", "third-daughter", 'F'}, {"孫", "grandchild", 0}, {"grandson", "grandchild", 'M'},
    {"granddaughter", "grandchild", 'F'}, {"grandchild", "grandchild", 0},
    {"young man", "son", 'M'}, {"young woman", "daughter", 'F'},
    {"男性", "man", 'M'}, {"男の人", "man", 'M'}, {"man", "man", 'M'}, {"guy", "man", 'M'},
    {"女性", "woman", 'F'}, {"女の人", "woman", 'F'}, {"woman", "woman", 'F'}, {"lady", "woman", 'F'},
    {"親", "parent", 0}, {"parent", "parent", 0}, {"両親", "parents", 0}, {"parents", "parents", 0},
    {"私たち夫婦", "parents", 0}, {"私ども夫婦", "parents", 0}, {"我々夫婦", "parents", 0},
    {"うちら夫婦", "parents", 0},
    {"母", "mother", 'F'}, {"母親", "mother", 'F'}, {"お母さん", "mother", 'F'}, {"母さん", "mother", 'F'},
    {"おふくろ", "mother", 'F'}, {"お袋", "mother", 'F'}, {"実母", "mother", 'F'}, {"義母", "mother", 'F'},
    {"mother", "mother", 'F'}, {"mom", "mother", 'F'}, {"mum", "mother", 'F'},
    {"父", "father", 'M'}, {"父親", "father", 'M'}, {"お父さん", "father", 'M'}, {"父さん", "father", 'M'},
    {"おやじ", "father", 'M'}, {"親父", "father", 'M'}, {"実父", "father", 'M'}, {"義父", "father", 'M'},
    {"father", "father", 'M'}, {"dad", "father", 'M'},
    {"祖母", "grandmother", 'F'}, {"おばあちゃん", "grandmother", 'F'}, {"grandmother", "grandmother", 'F'},
    {"grandma", "grandmother", 'F'}, {"祖父", "grandfather", 'M'}, {"おじいちゃん", "grandfather", 'M'},
    {"grandfather", "grandfather", 'M'}, {"grandpa", "grandfather", 'M'},
    {"兄", "elder-brother", 'M'}, {"弟", "younger-brother", 'M'}, {"姉", "elder-sister", 'F'},
    {"妹", "younger-sister", 'F'}, {"brother", "brother", 'M'}, {"brothers", "brother", 'M'},
    {"sister", "sister", 'F'}, {"sisters", "sister", 'F'}, {"兄弟", "sibling", 0}, {"姉妹", "sibling", 'F'},
    {"きょうだい", "sibling", 0}, {"sibling", "sibling", 0}, {"siblings", "sibling", 0},
    {"妻", "wife", 'F'}, {"嫁", "wife", 'F'}, {"wife", "wife", 'F'}, {"夫", "husband", 'M'},
    {"主人", "husband", 'M'}, {"旦那", "husband", 'M'}, {"husband", "husband", 'M'},
    {"配偶者", "spouse", 0}, {"spouse", "spouse", 0},
    {"叔父", "uncle", 'M'}, {"伯父", "uncle", 'M'}, {"uncle", "uncle", 'M'}, {"叔母", "aunt", 'F'},
    {"伯母", "aunt", 'F'}, {"aunt", "aunt", 'F'}, {"甥", "nephew", 'M'}, {"甥っ子", "nephew", 'M'},
    {"nephew", "nephew", 'M'}, {"姪", "niece", 'F'}, {"姪っ子", "niece", 'F'}, {"niece", "niece", 'F'},
};

// Words that name a group, not one person: facts said of them stay the
// household's (or the family's) and make no Person.
constexpr std::string_view kGroupWords[] = {"家族", "ご家族", "family", "世帯", "家庭", "一家", "夫婦",
                                            "household", "households"};

// Relations of the person of concern's kind: a child of the household or
// someone named only as 本人 / a man / a woman.
bool IsChildKind(const std::string& r) {
  static constexpr std::string_view kKinds[] = {
      "person", "son", "eldest-son", "second-son", "third-son", "daughter", "eldest-daughter",
      "second-daughter", "third-daughter", "child", "grandchild", "man", "woman"};
  return std::find(std::begin(kKinds), std::end(kKinds), r) != std::end(kKinds);
}

bool IsParentKind(const std::string& r) {
  return r == "parent" || r == "parents" || r == "mother" || r == "father" || r == "grandmother" ||
         r == "grandfather";
}

inline bool At(std::string_view text, size_t pos, std::string_view word) {
  return pos <= text.size() && text.size() - pos >= word.size() && text.compare(pos, word.size(), word) == 0;
}

// The character before pos (0 at the start).
int32_t CharBefore(std::string_view text, size_t pos) {
  if (pos == 0) return 0;
  size_t i = pos - 1;
  while (i > 0 && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) --i;
  return DecodeUtf8(text, &i);
}

int32_t CharAt(std::string_view text, size_t pos) {
  if (pos >= text.size()) return 0;
  return DecodeUtf8(text, &pos);
}

bool IsKanjiOrKatakana(int32_t cp) {
  return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x30A1 && cp <= 0x30FA) || cp == 0x3005;
}

// A subject word marked as the clause's topic or subject: は, が, も after it.
bool Marked(std::string_view text, size_t end) {
  // An age in brackets may come between: 息子(45)が.
  if (At(text, end, "(")) {
    size_t close = text.find(')', end);
    if (close != std::string_view::npos && close - end <= 8) end = close + 1;
  }
  return At(text, end, "は") || At(text, end, "が") || At(text, end, "も") || At(text, end, "さんは") ||
         At(text, end, "さんが");
}

// Bytes between a number and a subject word that still tie them together
// ("son 52", "母は78歳", "母親(82)", "mother is 76", "54歳の弟").
bool IsTightGap(std::string_view gap) {
  static constexpr std::string_view kGaps[] = {"", " ", "は", "が", "の", "(", " (", " is ", " is", ", ", "'s ",
                                               "’s ", "さん", "さんは", " aged ", " age "};
  for (std::string_view g : kGaps)
    if (gap == g) return true;
  return false;
}

bool IsCallerWordForAttach(const Understanding& u, const SubjectMention& s) {
  // Object forms ("he hits me", "私に暴力") name whom something is done
  // to, not whom the clause is about.
  std::string_view w(u.text.match.data() + s.begin, s.end - s.begin);
  // Possessives ("my client", "our son") say whose, not who.
  if (w == "me" || w == "us" || w == "myself" || w == "my" || w == "our") return false;
  unsigned char c = static_cast<unsigned char>(w.empty() ? 0 : w[0]);
  if (c < 0x80) return true;  // i, we
  return Marked(u.text.match, s.end);
}

// Sentence index per clause: a sentence ends at 。 . ! ? or a new line.
std::vector<int> Sentences(const Understanding& u) {
  std::vector<int> out(u.clauses.size(), 0);
  int sentence = 0;
  const std::string& t = u.text.match;
  for (size_t c = 0; c < u.clauses.size(); ++c) {
    out[c] = sentence;
    size_t from = u.clauses[c].end;
    size_t to = c + 1 < u.clauses.size() ? u.clauses[c + 1].begin : t.size();
    for (size_t i = from; i < to; ++i)
      if (t[i] == '.' || t[i] == '!' || t[i] == '?' || t[i] == '\n' || At(t, i, "。")) {
        ++sentence;
        break;
      }
  }
  return out;
}

// Possessor: "私の息子", "my son", "母の" + another subject word: the
// word tells whose, the other word who.
bool IsPossessor(const Understanding& u, size_t si) {
  const SubjectMention& s = u.subjects[si];
  if (si + 1 >= u.subjects.size()) return false;
  const SubjectMention& next = u.subjects[si + 1];
  if (next.clause != s.clause) return false;
  std::string_view gap(u.text.match.data() + s.end, next.begin - s.end);
  return gap == "の" || gap == " " || gap == "'s " || gap == "’s ";
}

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

// Keeps the persons for which keep[p], renumbering every reference; a
// removed person's references go to into[p] (-1 = no one).
void Compact(Understanding* u, const std::vector<int>& into) {
  std::vector<int> index(u->persons.size(), -1);
  std::vector<Person> kept;
  for (size_t p = 0; p < u->persons.size(); ++p)
    if (into[p] == static_cast<int>(p)) {
      index[p] = static_cast<int>(kept.size());
      kept.push_back(std::move(u->persons[p]));
      kept.back().id = index[p];
    }
  auto map = [&](int p) { return p < 0 ? -1 : into[p] < 0 ? -1 : index[into[p]]; };
  for (SubjectMention& s : u->subjects) s.person = map(s.person);
  for (FactMention& m : u->mentions) m.person = map(m.person);
  for (AgeMention& a : u->ages) a.person = map(a.person);
  u->concern = map(u->concern);
  u->persons = std::move(kept);
}

// Per clause, the person it is about: the last marked subject word in it,
// else the last subject word in it (possessors and object words aside),
// else the previous clause's of the same sentence. Also the way it was
// found (kMarked, kNearest or kTopic; kNone when no one).
void ClauseTopics(const Understanding& u, std::vector<int>* topic, std::vector<Because>* how) {
  const std::vector<int> sentence = Sentences(u);
  topic->assign(u.clauses.size(), -1);
  how->assign(u.clauses.size(), Because::kNone);
  for (size_t si = 0; si < u.subjects.size(); ++si) {
    const SubjectMention& s = u.subjects[si];
    if (s.person < 0 || IsPossessor(u, si)) continue;
    if (s.subject == Subject::kCaller && !IsCallerWordForAttach(u, s)) continue;
    const bool marked = Marked(u.text.match, s.end);
    if (marked || (*how)[s.clause] != Because::kMarked) {
      (*topic)[s.clause] = s.person;
      (*how)[s.clause] = marked ? Because::kMarked : Because::kNearest;
    }
  }
  // Only a marked topic carries on (長男は25歳で辞め、家を出ていない);
  // "息子、要介護" names no topic.
  for (size_t c = 1; c < u.clauses.size(); ++c)
    if ((*topic)[c] < 0 && sentence[c] == sentence[c - 1] && (*topic)[c - 1] >= 0 &&
        (*how)[c - 1] != Because::kNearest) {
      (*topic)[c] = (*topic)[c - 1];
      (*how)[c] = Because::kTopic;
    }
}

// True when subject word k is joined to the one before it: 長女(48)と長男,
// 母や父, "mother and father".
bool JoinedBefore(const Understanding& u, int k) {
  const SubjectMention& a = u.subjects[k - 1];
  const SubjectMention& b = u.subjects[k];
  if (a.clause != b.clause) return false;
  std::string_view gap(u.text.match.data() + a.end, b.begin - a.end);
  if (!gap.empty() && gap[0] == '(') {
    size_t close = gap.find(')');
    if (close == std::string_view::npos || close > 8) return false;
    gap.remove_prefix(close + 1);
  }
  return gap == "と" || gap == "や" || gap == " and " || gap == "とも";
}

// The topic clause c takes over from the sentence's previous clause, or -1.
int Carried(const std::vector<int>& topic, const std::vector<Because>& how, const std::vector<int>& sentence,
            int c) {
  if (c <= 0 || sentence[c - 1] != sentence[c] || how[c - 1] == Because::kNearest) return -1;
  return topic[c - 1];
}

// The latest person named before pos (of this sex when sex != 0).
int PersonBefore(const Understanding& u, size_t pos, char sex) {
  int found = -1;
  for (const SubjectMention& s : u.subjects) {
    if (s.begin >= pos) break;
    if (s.person < 0 || u.persons[s.person].caller) continue;
    if (sex == 0 || u.persons[s.person].sex == 0 || u.persons[s.person].sex == sex) found = s.person;
  }
  return found;
}

// A he / she / his / her in [begin, end): 'M', 'F', or 0 when none.
char PronounIn(std::string_view text, size_t begin, size_t end) {
  auto word_at = [&](size_t i, std::string_view w) {
    return At(text, i, w) && i + w.size() <= end && (i == begin || !isalpha(static_cast<unsigned char>(text[i - 1]))) &&
           (i + w.size() == text.size() || !isalpha(static_cast<unsigned char>(text[i + w.size()])));
  };
  for (size_t i = begin; i < end; ++i) {
    if (word_at(i, "he") || word_at(i, "his") || word_at(i, "him")) return 'M';
    if (word_at(i, "she") || word_at(i, "her")) return 'F';
  }
  return 0;
}

bool ClauseInQuote(const Understanding& u, size_t c) {
  size_t b = u.clauses[c].begin;
  return b >= 3 && At(u.text.match, b - 3, "「");
}

// The speaker of a quotation in clause c: the person the sentence was
// about before the quote, else the one named right after it (「…」と母が).
int QuoteSpeaker(const Understanding& u, size_t c, const std::vector<int>& topic, const std::vector<int>& sentence) {
  size_t first = c;
  while (first > 0 && sentence[first - 1] == sentence[c] && !ClauseInQuote(u, first)) --first;
  while (first > 0 && ClauseInQuote(u, first)) --first;
  for (size_t k = c; k-- > 0 && sentence[k] == sentence[c];)
    if (!ClauseInQuote(u, k) && topic[k] >= 0) return topic[k];
  for (size_t k = c + 1; k < u.clauses.size() && sentence[k] == sentence[c]; ++k) {
    if (ClauseInQuote(u, k)) continue;
    for (const SubjectMention& s : u.subjects)
      if (static_cast<size_t>(s.clause) == k && s.person >= 0) return s.person;
    break;
  }
  return -1;
}

int SingleWithRole(const Understanding& u, Subject role) {
  int found = -1;
  for (const Person& p : u.persons) {
    if (p.role != role) continue;
    if (found >= 0) return -1;
    found = p.id;
  }
  return found;
}

int AddPerson(Understanding* u, const char* relation, Subject role) {
  Person p;
  p.id = static_cast<int>(u->persons.size());
  p.relation = relation;
  p.role = role;
  u->persons.push_back(std::move(p));
  return u->persons.back().id;
}

bool Overlap(AgeRange a, AgeRange b) { return a.lo <= b.hi && b.lo <= a.hi; }

// A place someone came from, not where they live: 市外から転入, 大阪出身,
// "moved from Osaka".
bool PlaceLeft(const Understanding& u, const FactMention& m) {
  const std::string& t = u.text.match;
  if (At(t, m.end, "から") || At(t, m.end, "より") || At(t, m.end, "出身")) return true;
  return m.begin >= 5 && At(t, m.begin - 5, "from ");
}

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
    case Subject::kHousehold: r.group = true; r.key = "family"; break;
    case Subject::kNeighbour: r.key = "neighbour"; break;
    case Subject::kCaller: r.key = "self"; r.caller = true; break;
  }
  return r;
}

// ---------------------------------------------------------------- step 1

void FindPersons(Understanding* u) {
  const std::string& t = u->text.match;
  const std::vector<int> sentence = Sentences(*u);
  // Subject words that are not persons here.
  std::vector<SubjectMention>& subjects = u->subjects;
  size_t kept = 0;
  for (size_t i = 0; i < subjects.size(); ++i) {
    const SubjectMention& s = subjects[i];
    std::string_view w(t.data() + s.begin, s.end - s.begin);
    // 子 alone: only between kana or punctuation ("50代の子"), not in
    // 様子, 調子, 子育て.
    if (w == "子" && (IsKanjiOrKatakana(CharBefore(t, s.begin)) || IsKanjiOrKatakana(CharAt(t, s.end)))) continue;
    // 自分 after someone else in the sentence is reflexive (息子は自分の部屋に).
    if (w == "自分") {
      bool reflexive = false;
      for (size_t k = 0; k < kept; ++k)
        reflexive = reflexive || (sentence[subjects[k].clause] == sentence[s.clause] && subjects[k].subject != Subject::kCaller);
      if (reflexive) continue;
    }
    if (kept != i) subjects[kept] = std::move(subjects[i]);
    ++kept;
  }
  subjects.resize(kept);

  // One person per relation named.
  std::vector<RelationOfWord> rel(subjects.size());
  for (size_t i = 0; i < subjects.size(); ++i) {
    SubjectMention& s = subjects[i];
    rel[i] = RelationOf(std::string_view(t.data() + s.begin, s.end - s.begin), s.subject);
    if (rel[i].group) continue;
    int found = -1;
    for (const Person& p : u->persons)
      if (p.relation == rel[i].key) found = p.id;
    if (found < 0) {
      Person p;
      p.id = static_cast<int>(u->persons.size());
      p.relation = rel[i].key;
      p.words = s.words;
      p.sex = rel[i].sex;
      p.caller = rel[i].caller;
      p.role = s.subject;
      u->persons.push_back(std::move(p));
      found = u->persons.back().id;
    }
    u->persons[found].caller = u->persons[found].caller || rel[i].caller;
    s.person = found;
  }
  if (u->persons.empty()) return;

  // A general word joins the one specific person of its kind: 息子 and a
  // single 長男 are one son; 親 and a single 母 one mother.
  const size_t n = u->persons.size();
  UnionFind sets(n);
  auto join_single = [&](const char* general, std::initializer_list<const char*> specific) {
    int g = -1, one = -1, count = 0;
    for (const Person& p : u->persons) {
      if (p.relation == general) g = p.id;
      for (const char* k : specific)
        if (p.relation == k && sets.Find(p.id) == p.id) {
          one = p.id;
          ++count;
        }
    }
    if (g >= 0 && count == 1) sets.Merge(g, one);
  };
  join_single("son", {"eldest-son", "second-son", "third-son"});
  join_single("daughter", {"eldest-daughter", "second-daughter", "third-daughter"});
  join_single("child", {"son", "eldest-son", "second-son", "third-son", "daughter", "eldest-daughter",
                        "second-daughter", "third-daughter"});
  join_single("parent", {"mother", "father", "parents"});
  join_single("brother", {"elder-brother", "younger-brother"});
  join_single("sister", {"elder-sister", "younger-sister"});
  join_single("sibling", {"elder-brother", "younger-brother", "elder-sister", "younger-sister", "brother", "sister"});

  // The caller saying who they are: "私は70歳の父親です", "母親です。",
  // "I'm his mother", "we are her parents".
  int caller = -1;
  for (const Person& p : u->persons)
    if (p.relation == "self") caller = p.id;
  for (size_t i = 0; i < subjects.size(); ++i) {
    const SubjectMention& s = subjects[i];
    if (s.person < 0 || u->persons[s.person].caller) continue;
    bool is_caller = false;
    if (At(t, s.end, "です") || At(t, s.end, "でございます") || At(t, s.end, "をしています") ||
        At(t, s.end, "をしております")) {
      // Said of the caller when a marked caller word comes first in the
      // sentence, or when the word opens the sentence (an age may precede).
      bool other_before = false, caller_before = false;
      size_t sentence_begin = s.begin;
      for (size_t c = s.clause + 1; c-- > 0 && sentence[c] == sentence[s.clause];) sentence_begin = u->clauses[c].begin;
      for (size_t k = 0; k < i; ++k) {
        if (sentence[subjects[k].clause] != sentence[s.clause]) continue;
        if (subjects[k].subject == Subject::kCaller && Marked(t, subjects[k].end)) caller_before = true;
        else other_before = true;
      }
      is_caller = caller_before || (!other_before && s.begin - sentence_begin <= 24);
    }
    if (i > 0 && subjects[i - 1].subject == Subject::kCaller && subjects[i - 1].clause == s.clause) {
      std::string_view gap(t.data() + subjects[i - 1].end, s.begin - subjects[i - 1].end);
      for (std::string_view be : {"'m ", " am ", " are ", "’m "})
        if (gap.substr(0, be.size()) == be) {
          std::string_view rest = gap.substr(be.size());
          is_caller = is_caller || rest.empty() || rest == "his " || rest == "her " || rest == "their " ||
                      rest == "the " || rest == "a ";
        }
    }
    if (!is_caller) continue;
    int who = sets.Find(s.person);
    u->persons[who].caller = true;
    if (caller >= 0 && sets.Find(caller) != who) sets.Merge(caller, who);
    caller = who;
  }
  std::vector<int> into(n);
  for (size_t p = 0; p < n; ++p) into[p] = sets.Find(static_cast<int>(p));
  for (size_t p = 0; p < n; ++p)
    if (u->persons[p].caller) u->persons[into[p]].caller = true;
  Compact(u, into);
}

// ---------------------------------------------------------------- step 2

void AssignAges(const std::vector<NumberMention>& numbers, const std::vector<int>& clause_of, Understanding* u,
                std::vector<char>* covered) {
  const std::string& match = u->text.match;
  const std::string& display = u->text.display;
  auto cover = [&](size_t b, size_t e) {
    if (!covered) return;
    e = std::min(e, covered->size());
    if (b < e) std::memset(covered->data() + b, 1, e - b);
  };
  std::vector<int> topic;
  std::vector<Because> topic_how;
  ClauseTopics(*u, &topic, &topic_how);
  const std::vector<int> sentence = Sentences(*u);
  int single_parent = -1, parents = 0;
  for (const Person& p : u->persons)
    if (IsParentKind(p.relation)) {
      single_parent = p.id;
      ++parents;
    }
  if (parents != 1) single_parent = -1;

  for (size_t i = 0; i < numbers.size(); ++i) {
    const NumberMention& n = numbers[i];
    const int c = clause_of[i];
    std::string words = display.substr(n.begin, n.end - n.begin);
    AgeMention a;
    a.clause = c;
    a.begin = n.begin;
    a.end = n.end;
    a.when = n.when;
    if (n.kind == NumberMention::kDuration) {
      cover(n.begin, n.end);  // understood as a duration, used or not
      u->durations.push_back({n.months, c, std::move(words)});
      continue;
    }
    if (n.kind == NumberMention::kGenerations) {
      a.words = words;
      a.subject = Subject::kParent;
      a.range = n.age;
      a.person = single_parent;
      a.because = Because::kGenerations;
      u->ages.push_back(a);
      a.subject = Subject::kPerson;
      a.range = n.child_age;
      a.person = -1;  // the person of concern, once chosen
      a.words = std::move(words);
      u->ages.push_back(std::move(a));
      cover(n.begin, n.end);
      continue;
    }
    if (n.when == NumberMention::kRelative) {
      // "2歳上の兄": relative to an age the text may not give: no one's age.
      a.range = n.age;
      a.words = std::move(words);
      a.because = Because::kRelative;
      u->ages.push_back(std::move(a));
      cover(n.begin, n.end);
      continue;
    }
    // The nearest subject word by gap, either side; ties go to the later
    // word ("80代の母" over "息子、80代").
    int best = -1;
    size_t best_gap = std::string::npos;
    for (size_t si = 0; si < u->subjects.size(); ++si) {
      const SubjectMention& sm = u->subjects[si];
      if (sm.clause != c) continue;
      size_t gap = sm.end <= n.begin ? n.begin - sm.end : (sm.begin >= n.end ? sm.begin - n.end : 0);
      if (gap <= best_gap) {
        best_gap = gap;
        best = static_cast<int>(si);
      }
    }
    bool tight = false;
    if (best >= 0) {
      const SubjectMention& sm = u->subjects[best];
      size_t gb = sm.end <= n.begin ? sm.end : n.end;
      size_t ge = sm.end <= n.begin ? n.begin : sm.begin;
      tight = IsTightGap(std::string_view(match).substr(gb, ge - gb));
    }
    if (n.kind == NumberMention::kBare && !tight) {
      u->ignored_numbers.push_back(std::move(words));
      continue;
    }
    a.range = n.age;
    a.words = std::move(words);
    if (n.after_pronoun) {
      // "He hits his mother. She's 74": the latest person before it, of
      // the pronoun's sex when the person's is known.
      char sex = PronounIn(match, n.begin >= 8 ? n.begin - 8 : 0, n.begin);
      a.person = PersonBefore(*u, n.begin, sex);
      if (a.person >= 0) a.subject = u->persons[a.person].role;
      a.because = a.person >= 0 ? Because::kPronoun : Because::kDefault;
    } else if (best >= 0 && tight) {
      a.person = u->subjects[best].person;
      a.subject = u->subjects[best].subject;
      a.because = Because::kTight;
    } else {
      // A marked subject word before it in the clause ("母は来月80歳"),
      // else the nearest, else the sentence's topic so far.
      int marked = -1;
      for (size_t si = 0; si < u->subjects.size(); ++si) {
        const SubjectMention& sm = u->subjects[si];
        if (sm.clause == c && sm.end <= n.begin && Marked(match, sm.end)) marked = static_cast<int>(si);
      }
      int word = marked >= 0 ? marked : best;
      if (word >= 0) {
        a.person = u->subjects[word].person;
        a.subject = u->subjects[word].subject;
        a.because = marked >= 0 ? Because::kMarked : Because::kNearest;
      } else if (Carried(topic, topic_how, sentence, c) >= 0) {
        a.person = Carried(topic, topic_how, sentence, c);
        a.subject = u->persons[a.person].role;
        a.because = Because::kTopic;
      } else {
        // No one named before it in the sentence: the first named after it
        // in the sentence ("30代半ばで辞めた…54歳の弟"), else a fact in the
        // clause says whom (its default subject), else the person.
        for (const SubjectMention& sm : u->subjects)
          if (sm.begin >= n.end && sentence[sm.clause] == sentence[c] && sm.person >= 0) {
            a.person = sm.person;
            a.subject = sm.subject;
            a.because = Because::kTopic;
            break;
          }
        if (a.person < 0) {
          a.because = Because::kDefault;
          for (const FactMention& m : u->mentions)
            if (m.clause == c && m.origin == FactMention::kPhrase) {
              a.subject = m.subject;
              break;
            }
        }
      }
    }
    cover(n.begin, n.end);
    u->ages.push_back(std::move(a));
  }
}

// ---------------------------------------------------------------- step 3

void AttachFacts(const Model& model, Understanding* u) {
  const std::string& t = u->text.match;
  std::vector<int> topic;
  std::vector<Because> topic_how;
  ClauseTopics(*u, &topic, &topic_how);
  const std::vector<int> sentence = Sentences(*u);
  const int in_city = model.FindFact("in-niigata-city");
  std::vector<FactMention> added;  // a fact said of two joined subjects: the second one's
  for (FactMention& m : u->mentions) {
    if (m.origin != FactMention::kPhrase) continue;
    const int c = m.clause;
    auto take = [&](int si, Because why) {
      m.subject_word = si;
      m.person = u->subjects[si].person;
      m.subject = u->subjects[si].subject;
      m.because = why;
    };
    // The phrase names its subject itself ("高齢の親").
    if (m.has_own_subject) {
      for (size_t si = 0; si < u->subjects.size(); ++si)
        if (u->subjects[si].begin >= m.begin && u->subjects[si].end <= m.end) take(static_cast<int>(si), Because::kOwnPhrase);
      if (m.because == Because::kNone) m.because = Because::kOwnPhrase;
      continue;
    }
    // A place said of the one named right after it: 大阪府に住む母親,
    // 西区在住の兄, "in Osaka, her brother".
    if (!model.facts[m.fact].outside.empty() || m.fact == in_city) {
      for (size_t si = 0; si < u->subjects.size(); ++si) {
        const SubjectMention& s = u->subjects[si];
        if (s.clause != c || s.begin < m.end || s.begin - m.end > 30 || s.person < 0) continue;
        std::string_view gap(t.data() + m.end, s.begin - m.end);
        for (std::string_view lead : {"に住む", "に住んでいる", "に住んでる", "で暮らす", "で暮らしている", "在住の", "の"})
          if (gap.substr(0, lead.size()) == lead) {
            take(static_cast<int>(si), Because::kPlace);
            break;
          }
        break;
      }
      if (m.because != Because::kNone) continue;
    }
    // A marked subject word before it in the clause, else the nearest
    // subject word in the clause.
    int marked = -1, before = -1, after = -1;
    for (size_t si = 0; si < u->subjects.size(); ++si) {
      const SubjectMention& s = u->subjects[si];
      if (s.clause != c || IsPossessor(*u, si)) continue;
      if (s.subject == Subject::kCaller && !IsCallerWordForAttach(*u, s)) continue;
      if (s.end <= m.begin) {
        before = static_cast<int>(si);
        if (Marked(t, s.end)) marked = static_cast<int>(si);
      } else if (s.begin >= m.end && after < 0) {
        after = static_cast<int>(si);
      }
    }
    if (marked >= 0) {
      take(marked, Because::kMarked);
      // "長女(48)と長男(45)がひきこもり": said of both.
      for (int k = marked; k > 0 && JoinedBefore(*u, k); --k) {
        const SubjectMention& other = u->subjects[k - 1];
        if (other.person < 0 || other.person == m.person) continue;
        FactMention both = m;
        both.person = other.person;
        both.subject = other.subject;
        both.subject_word = k - 1;
        added.push_back(std::move(both));
      }
      continue;
    }
    if (before >= 0 || after >= 0) {
      take(before >= 0 ? before : after, Because::kNearest);
      continue;
    }
    // A quotation belongs to its speaker (母は「働きたい」と言っている).
    if (ClauseInQuote(*u, static_cast<size_t>(c))) {
      int speaker = QuoteSpeaker(*u, static_cast<size_t>(c), topic, sentence);
      if (speaker >= 0) {
        m.person = speaker;
        m.subject = u->persons[speaker].role;
        m.because = Because::kQuote;
        continue;
      }
    }
    // The topic carried from the sentence's earlier clauses; not for a
    // household's fact ("息子は無職、生活が苦しい": the household's life).
    if (model.facts[m.fact].subject != Subject::kHousehold && Carried(topic, topic_how, sentence, c) >= 0) {
      m.person = Carried(topic, topic_how, sentence, c);
      m.subject = u->persons[m.person].role;
      m.because = Because::kTopic;
      continue;
    }
    // he / she / his / her: the person named before.
    if (char sex = PronounIn(t, u->clauses[c].begin, u->clauses[c].end)) {
      int p = PersonBefore(*u, m.begin, sex);
      if (p >= 0) {
        m.person = p;
        m.subject = u->persons[p].role;
        m.because = Because::kPronoun;
        continue;
      }
    }
    m.subject = model.facts[m.fact].subject;
    m.because = Because::kDefault;
  }
  for (FactMention& m : added) u->mentions.push_back(std::move(m));
}

// ---------------------------------------------------------------- step 4

void ChooseConcern(const Model& model, Understanding* u, const GivenAges* given) {
  // Facts said of no one that are about the person of concern by default.
  bool unattached = false;
  for (const FactMention& m : u->mentions)
    unattached = unattached || (m.person < 0 && m.origin == FactMention::kPhrase && m.subject == Subject::kPerson);
  for (const AgeMention& a : u->ages)
    unattached = unattached || (a.person < 0 && a.subject == Subject::kPerson && a.because != Because::kRelative);
  // Withdrawal first, then work (not a parent's), then the case's focus.
  int best = -1, best_score = 0;
  for (const Person& p : u->persons) {
    bool withdrawal = false, work = false, age = false;
    for (const FactMention& m : u->mentions) {
      if (m.person != p.id || m.negated) continue;
      const std::string& area = model.facts[m.fact].area;
      withdrawal = withdrawal || area == "withdrawal";
      work = work || area == "work";
    }
    for (const AgeMention& a : u->ages) age = age || (a.person == p.id && a.because != Because::kRelative);
    int score = 0;
    // A parent stays a parent (親がひきこもり is the parent's withdrawal,
    // a rule of its own), unless the text calls them 本人.
    if (IsParentKind(p.relation)) continue;
    if (withdrawal) score = 100;
    else if (work) score = 80;
    else if (IsChildKind(p.relation)) score = 60;
    else if (unattached && !p.caller && !IsParentKind(p.relation) && p.relation != "neighbour" && age) score = 40;
    if (score > 0 && IsChildKind(p.relation)) score += 5;
    if (score > best_score) {
      best = p.id;
      best_score = score;
    }
  }
  u->concern = best;
  // 本人 is the person of concern, whoever that is.
  std::vector<int> into(u->persons.size());
  for (size_t p = 0; p < into.size(); ++p) into[p] = static_cast<int>(p);
  if (best >= 0)
    for (const Person& p : u->persons)
      if (p.relation == "person" && p.id != best) into[p.id] = best;
  Compact(u, into);

  auto concern = [&]() {
    if (u->concern < 0) u->concern = AddPerson(u, "person", Subject::kPerson);
    return u->concern;
  };
  if (u->concern < 0 && unattached) concern();
  for (Person& p : u->persons) {
    if (p.id == u->concern) p.role = Subject::kPerson;
    else if (IsParentKind(p.relation)) p.role = Subject::kParent;
    else if (p.relation == "self") p.role = Subject::kCaller;
    else if (p.relation == "neighbour") p.role = Subject::kNeighbour;
    else p.role = Subject::kFamily;
  }
  auto parent = [&]() {
    int single = SingleWithRole(*u, Subject::kParent);
    if (single >= 0) return single;
    for (const Person& p : u->persons)
      if (p.role == Subject::kParent) return -1;  // several: no one in particular
    return AddPerson(u, "parent", Subject::kParent);
  };
  // Facts and ages said of no one named.
  for (FactMention& m : u->mentions) {
    if (m.person >= 0 || m.origin != FactMention::kPhrase) continue;
    if (m.subject == Subject::kPerson) m.person = concern();
    else if (m.subject == Subject::kParent) m.person = SingleWithRole(*u, Subject::kParent);
  }
  for (AgeMention& a : u->ages) {
    if (a.person >= 0 || a.because == Because::kRelative) continue;
    if (a.subject == Subject::kPerson) a.person = concern();
    else if (a.subject == Subject::kParent) a.person = parent();
  }
  if (given) {
    for (auto [age, subject, column] : {std::tuple{given->person, Subject::kPerson, "age"},
                                        std::tuple{given->parent, Subject::kParent, "parent_age"}}) {
      if (age < 0) continue;
      AgeMention a;
      a.subject = subject;
      a.range.lo = a.range.hi = age;
      a.words = std::string(column) + "=" + std::to_string(age);
      a.person = subject == Subject::kPerson ? concern() : parent();
      a.because = Because::kGiven;
      u->ages.push_back(std::move(a));
    }
  }
  // Roles into the mentions; ages into the persons.
  for (SubjectMention& s : u->subjects)
    if (s.person >= 0) s.subject = u->persons[s.person].role;
  for (size_t i = 0; i < u->mentions.size(); ++i) {
    FactMention& m = u->mentions[i];
    if (m.person < 0) continue;
    m.subject = u->persons[m.person].role;
    u->persons[m.person].mentions.push_back(static_cast<int>(i));
  }
  for (AgeMention& a : u->ages) {
    if (a.person < 0) continue;
    Person& p = u->persons[a.person];
    a.subject = p.role;
    if (a.when == NumberMention::kPast) {
      p.past_ages.push_back(a.range);
    } else if (!p.age.known()) {
      p.age = a.range;
    } else if (Overlap(p.age, a.range)) {
      p.age.lo = std::max(p.age.lo, a.range.lo);  // both hold: the narrower
      p.age.hi = std::min(p.age.hi, a.range.hi);
    } else {
      // Two ages that cannot both hold now: the later one is now ("his
      // 40s … he is 57").
      p.past_ages.push_back(p.age);
      p.age = a.range;
    }
  }
  for (AgeRange& r : u->age_of) r = AgeRange();
  for (const Person& p : u->persons) {
    if (!p.age.known()) continue;
    if (p.role == Subject::kPerson && p.id != u->concern) continue;
    AgeRange& r = u->age_of[static_cast<int>(p.role)];
    if (!r.known()) {
      r = p.age;
    } else {
      r.lo = std::min(r.lo, p.age.lo);
      r.hi = std::max(r.hi, p.age.hi);
    }
  }
}

// ---------------------------------------------------------------- step 5

void SetResidences(const Model& model, Understanding* u) {
  const int in_city = model.FindFact("in-niigata-city");
  using R = Person::Residence;
  for (const FactMention& m : u->mentions) {
    if (m.negated || !IsPlaceFact(model, m.fact) || PlaceLeft(*u, m)) continue;
    // Said of no one, or of "we" / 私たち: the household's, so the
    // person of concern's.
    bool household = m.person < 0;
    if (m.subject_word >= 0) {
      const SubjectMention& s = u->subjects[m.subject_word];
      std::string_view w(u->text.match.data() + s.begin, s.end - s.begin);
      household = household || w == "we" || w == "私たち" || w == "わたしたち" || w == "私ども";
    }
    if (household && u->concern >= 0 && u->persons[u->concern].residence == R::kUnknown) {
      if (m.fact == in_city) u->persons[u->concern].residence = R::kNiigataCity;
      else u->persons[u->concern].residence = R::kOutside;
    }
    int p = m.person;
    if (p < 0) continue;
    // Inside the city wins over a place outside it: 東京都北区 is rare,
    // "長岡市から西区に越した" is not, and keeping a city service is the
    // safe mistake.
    if (m.fact == in_city) u->persons[p].residence = R::kNiigataCity;
    else if (u->persons[p].residence == R::kUnknown) u->persons[p].residence = R::kOutside;
  }
  // 同居 / "lives with": the clause's person lives where the one they live
  // with does (the caller first, then a parent).
  std::vector<int> topic;
  std::vector<Because> how;
  ClauseTopics(*u, &topic, &how);
  const std::string& t = u->text.match;
  for (size_t c = 0; c < u->clauses.size(); ++c) {
    std::string_view part(t.data() + u->clauses[c].begin, u->clauses[c].end - u->clauses[c].begin);
    bool together = false;
    for (std::string_view w : {"同居", "一緒に住", "一緒に暮ら", "lives with", "living with", "live with"})
      together = together || part.find(w) != std::string_view::npos;
    if (!together) continue;
    int who = topic[c] >= 0 ? topic[c] : u->concern;
    if (who < 0 || u->persons[who].residence != R::kUnknown) continue;
    int with = -1;
    for (const Person& p : u->persons)
      if (p.id != who && p.residence != R::kUnknown && (with < 0 || p.caller || (p.role == Subject::kParent && !u->persons[with].caller)))
        with = p.id;
    if (with >= 0) u->persons[who].residence = u->persons[with].residence;
  }
}

void BuildHousehold(const Model& model, const std::vector<NumberMention>& numbers, const std::vector<int>& clause_of,
                    const GivenAges* given, Understanding* u, std::vector<char>* covered) {
  FindPersons(u);
  AssignAges(numbers, clause_of, u, covered);
  AttachFacts(model, u);
  ChooseConcern(model, u, given);
  SetResidences(model, u);
}

bool IsPlaceFact(const Model& model, int fact) {
  const FactDef& f = model.facts[fact];
  return !f.outside.empty() || f.id == "in-niigata-city";
}

const FactMention* ConcernOutside(const Model& model, const Understanding& u, const std::string& residence) {
  using R = Person::Residence;
  for (const Person& p : u.persons)
    if (p.residence == R::kNiigataCity) return nullptr;
  auto outside = [&](const FactMention& m) {
    return !m.negated && model.facts[m.fact].outside == residence && !PlaceLeft(u, m);
  };
  if (u.concern >= 0) {
    const Person& c = u.persons[u.concern];
    if (c.residence != R::kOutside) return nullptr;
    for (int i : c.mentions)
      if (outside(u.mentions[i])) return &u.mentions[i];
    // Outside as the household, or as the one they live with.
    for (const FactMention& m : u.mentions)
      if (outside(m)) return &m;
    return nullptr;
  }
  // No one of concern named: the household's residence.
  for (const FactMention& m : u.mentions)
    if (outside(m) && (m.subject == Subject::kPerson || m.subject == Subject::kHousehold)) return &m;
  return nullptr;
}

std::string RelationLabel(const std::string& relation, Lang lang) {
  struct Label {
    const char* key;
    const char* ja;
  };
  static constexpr Label kLabels[] = {
      {"self", "相談者"}, {"person", "本人"}, {"son", "息子"}, {"eldest-son", "長男"}, {"second-son", "次男"},
      {"third-son", "三男"}, {"daughter", "娘"}, {"eldest-daughter", "長女"}, {"second-daughter", "次女"},
      {"third-daughter", "三女"}, {"child", "子"}, {"grandchild", "孫"}, {"man", "男性"}, {"woman", "女性"},
      {"parent", "親"}, {"parents", "両親"}, {"mother", "母"}, {"father", "父"}, {"grandmother", "祖母"},
      {"grandfather", "祖父"}, {"elder-brother", "兄"}, {"younger-brother", "弟"}, {"elder-sister", "姉"},
      {"younger-sister", "妹"}, {"brother", "兄弟"}, {"sister", "姉妹"}, {"sibling", "きょうだい"},
      {"wife", "妻"}, {"husband", "夫"}, {"spouse", "配偶者"}, {"uncle", "おじ"}, {"aunt", "おば"},
      {"nephew", "甥"}, {"niece", "姪"}, {"relative", "親族"}, {"neighbour", "近所の人"}, {"unknown", "不明"}};
  if (lang == Lang::kJa)
    for (const Label& l : kLabels)
      if (relation == l.key) return l.ja;
  if (relation == "self") return "caller";
  std::string en = relation;
  std::replace(en.begin(), en.end(), '-', ' ');
  return en;
}
