// Step 2 of the household: each age to its person.
#include "household.h"

#include <algorithm>
#include <cstring>
#include <iterator>
#include <map>
#include <string_view>
#include <tuple>
#include <utility>

#include "household_internal.h"
#include "utf8.h"

using namespace household_internal;  // NOLINT: the steps' shared helpers

// step 2

namespace {

// An age difference and whose it is: ages[age] is `sign` (+1 older, -1
// younger, 0 not said) years from the caller's age, said of person.
struct Relative {
  size_t age;
  int person;
  int sign;
  int reference = -1;  // the other person, when not the caller ("her brother": her)
};

// "my", "our": they say whose, never whose age ("At 16 our son …").
bool IsEnglishPossessive(const std::string& match, const SubjectMention& s) {
  std::string_view w(match.data() + s.begin, s.end - s.begin);
  return w == "my" || w == "our" || w == "his" || w == "her" || w == "their";
}

// Whose age difference n is: the subject word tied to it, after it
// ("2歳上の兄", "5歳年下の弟") or before it ("My brother, 3 years older",
// "my sister is two years younger"); -1 when none is, or it is the caller.
int RelativeOwner(const Understanding& u, const NumberMention& n, int clause, const SubjectsByClause& by) {
  const std::string& match = u.text.match;
  for (int si : by.InAndBefore(clause)) {
    const SubjectMention& s = u.subjects[si];
    if (s.person < 0 || u.persons[s.person].caller) continue;
    // A comma may end the clause between them: "My brother, 3 years older".
    if (s.clause != clause && !(s.clause + 1 == clause && s.end <= n.begin)) continue;
    if (s.begin >= n.end) {
      std::string_view gap(match.data() + n.end, s.begin - n.end);
      if (gap == "の" || gap.empty() || gap == " ") return s.person;
    } else if (s.end <= n.begin) {
      std::string_view gap(match.data() + s.end, n.begin - s.end);
      if (IsTightGap(gap)) return s.person;
    }
  }
  return -1;
}

// Per person, the subject words naming them right after "her " / "his "
// ("her brother"), in their order: found when first asked, not by a scan of
// every subject word per age difference.
class WordsAfterPossessive {
 public:
  explicit WordsAfterPossessive(const Understanding& u) : u_(u) {}
  // (subject word, the possessive's sex) for person p.
  const std::vector<std::pair<int, char>>& Of(int p) {
    if (!built_) {
      built_ = true;
      of_.resize(u_.persons.size());
      const std::string& t = u_.text.match;
      for (size_t si = 0; si < u_.subjects.size(); ++si) {
        const SubjectMention& s = u_.subjects[si];
        if (s.person < 0 || s.begin < 4) continue;
        const char sex = At(t, s.begin - 4, "her ") ? 'F' : At(t, s.begin - 4, "his ") ? 'M' : 0;
        if (sex != 0) of_[s.person].emplace_back(static_cast<int>(si), sex);
      }
    }
    return of_[p];
  }

 private:
  const Understanding& u_;
  bool built_ = false;
  std::vector<std::vector<std::pair<int, char>>> of_;
};

// "Our daughter is 51; her brother is five years younger": with no "than"
// the difference is from the one "her" / "his" names, not the caller.
int RelativeReference(const Understanding& u, const NumberMention& n, int owner, PersonsBefore* before,
                      WordsAfterPossessive* possessed) {
  const std::string& t = u.text.match;
  // "… older than": the first "than" from n.end is one byte on (looked at
  // there, not searched for to the end of the text per age).
  if ((!At(t, n.end, "than") && At(t, n.end + 1, "than")) || owner < 0) return -1;
  for (const auto& [si, sex] : possessed->Of(owner)) {
    const SubjectMention& s = u.subjects[si];
    if (s.end > n.begin) continue;
    const int other = before->Find(s.begin, sex);
    return other == owner ? -1 : other;
  }
  return -1;
}

// 違い / 差 / "apart" do not say who is older; a parent is older than
// their child, a child younger.
int SignByRelation(const Person& p) {
  if (IsParentKind(p.relation)) return 1;
  if (p.relation == "son" || p.relation == "daughter" || p.relation.find("-son") != std::string::npos ||
      p.relation.find("-daughter") != std::string::npos)
    return -1;
  return 0;
}

// "私は46歳の妹です。2歳上の兄" → the brother is 48; "I'm 47. My
// brother, 3 years older" → 50. Adds the age each difference gives when
// the caller's age is known; the difference alone is nobody's age.
void ResolveRelativeAges(const std::vector<Relative>& relatives, Understanding* u) {
  // Each person's ExactAge, found in one pass (not a scan of every age per
  // difference); the ages added here are kRelative and never count.
  std::vector<int> exact(u->persons.size(), -1);
  int callers = -1;
  if (!relatives.empty())
    for (const AgeMention& a : u->ages)
      if (a.person >= 0 && a.when == NumberMention::kNow && a.because != Because::kRelative &&
          a.range.lo == a.range.hi) {
        if (exact[a.person] < 0) exact[a.person] = a.range.lo;
        if (callers < 0 && u->persons[a.person].caller) callers = a.range.lo;
      }
  for (const Relative& r : relatives) {
    if (r.person < 0) continue;
    const int caller = r.reference < 0 ? callers : exact[r.reference];
    if (caller < 0) continue;
    const int sign = r.sign != 0 ? r.sign : SignByRelation(u->persons[r.person]);
    if (sign == 0) continue;
    AgeMention a = u->ages[r.age];
    a.range.lo = a.range.hi = caller + sign * a.range.lo;
    if (a.range.lo < 0) continue;
    a.person = r.person;
    a.subject = u->persons[r.person].role;
    a.when = NumberMention::kNow;
    u->ages.push_back(std::move(a));
  }
}

// What every age mention of a case is read against: who speaks each
// clause (ClauseTopics), which sentence each clause is in, the parent when
// only one is named.
struct AgeContext {
  std::vector<int> topic;
  std::vector<Because> topic_how;
  std::vector<int> sentence;
  int single_parent = -1;
};

AgeContext ContextOf(const Understanding& u) {
  AgeContext x;
  ClauseTopics(u, &x.topic, &x.topic_how);
  x.sentence = Sentences(u);
  int parents = 0;
  for (const Person& p : u.persons)
    if (IsParentKind(p.relation)) {
      x.single_parent = p.id;
      ++parents;
    }
  if (parents != 1) x.single_parent = -1;
  return x;
}

// "8050": the parent's age (the one parent, when one is named) and the
// person of concern's, once chosen.
void AddGenerations(const NumberMention& n, const AgeContext& x, AgeMention a, Understanding* u) {
  a.subject = Subject::kParent;
  a.range = n.age;
  a.person = x.single_parent;
  a.because = Because::kGenerations;
  u->ages.push_back(a);
  a.subject = Subject::kPerson;
  a.range = n.child_age;
  a.person = -1;
  u->ages.push_back(std::move(a));
}

// The gap in bytes between subject word s and number n (0 when they touch
// or overlap).
size_t GapBetween(const SubjectMention& s, const NumberMention& n) {
  return s.end <= n.begin ? n.begin - s.end : (s.begin >= n.end ? s.begin - n.end : 0);
}

// A clause's subject words ordered by where they end (as the lexicon's hits
// come), made searchable: an age finds the words before it by binary
// search instead of a scan of its clause, so one long clause of many
// subject words and ages stays near linear. Built for a clause when first
// asked; a clause whose words are not in that order is scanned as before.
class ClauseWordIndex {
 public:
  struct Clause {
    bool sorted = false;
    size_t max_length = 0;         // the longest word, in bytes
    std::vector<size_t> ends;      // per word of by.In(c)
    std::vector<int> prev_owner;   // the last word at or before i that may own an age (not "my"), or -1
    std::vector<int> next_owner;   // the first at or after i, or size
    std::vector<int> prev_marked;  // the last word at or before i marked by は / が / も, or -1
  };
  static constexpr size_t kScanUpTo = 16;
  ClauseWordIndex(const Understanding& u, const SubjectsByClause& by) : u_(u), by_(by) {}
  const Clause& Of(int c) {
    static const Clause kScan;  // sorted = false: a few words are scanned, with no index to build
    if (by_.In(c).size() <= kScanUpTo) return kScan;
    Clause& x = built_[c];
    if (x.ends.empty() && !by_.In(c).empty()) Build(c, &x);
    return x;
  }

 private:
  void Build(int c, Clause* x) {
    const std::vector<int>& words = by_.In(c);
    const int n = static_cast<int>(words.size());
    x->sorted = true;
    int owner = -1, marked = -1;
    for (int i = 0; i < n; ++i) {
      const SubjectMention& s = u_.subjects[words[i]];
      if (i > 0 && s.end < x->ends.back()) x->sorted = false;
      x->ends.push_back(s.end);
      x->max_length = std::max(x->max_length, s.end - s.begin);
      if (!IsEnglishPossessive(u_.text.match, s)) owner = i;
      if (Marked(u_.text.match, s.end)) marked = i;
      x->prev_owner.push_back(owner);
      x->prev_marked.push_back(marked);
    }
    x->next_owner.assign(n + 1, n);
    for (int i = n; i-- > 0;) x->next_owner[i] = x->prev_owner[i] == i ? i : x->next_owner[i + 1];
  }
  const Understanding& u_;
  const SubjectsByClause& by_;
  std::map<int, Clause> built_;
};

// t[b, e) is ", the ", "), our eldest " and the like: what joins an age
// to a relation word set beside the name it follows.
bool IsApposition(std::string_view t, size_t b, size_t e) {
  std::string_view gap = t.substr(b, e - b);
  if (!gap.empty() && gap[0] == ')') gap.remove_prefix(1);
  if (gap.substr(0, 2) != ", ") return false;
  gap.remove_prefix(2);
  bool determiner = false;
  for (std::string_view d : {"the ", "our ", "my ", "his ", "her ", "their "})
    if (gap.substr(0, d.size()) == d) {
      gap.remove_prefix(d.size());
      determiner = true;
      break;
    }
  if (!determiner) return false;
  // At most one word between: "the younger", "our eldest".
  const size_t space = gap.find(' ');
  if (space == std::string_view::npos) return gap.empty();
  for (size_t i = 0; i < space; ++i)
    if (!isalpha(static_cast<unsigned char>(gap[i]))) return false;
  return space + 1 == gap.size();
}

// The subject word nearest to n in its clause, either side (ties go to the
// later word: "80代の母" over "息子、80代"), or one that a comma cut off
// just before it ("my mother, who is 77"); -1 when none. *tight: nothing
// but a tight gap (IsTightGap) lies between them.
int NearestSubject(const Understanding& u, const NumberMention& n, int clause, const SubjectsByClause& by,
                   ClauseWordIndex* index, bool* tight) {
  const std::string& match = u.text.match;
  int best = -1;
  size_t best_gap = std::string::npos;
  const std::vector<int>& words = by.In(clause);
  const ClauseWordIndex::Clause& x = index->Of(clause);
  if (x.sorted) {
    // Words [0, k) end before n: the last owner among them is the nearest
    // of them. Words from k on: read until none can be as near (a word
    // begins at most max_length before its end). Ties go to the later.
    const size_t k = static_cast<size_t>(std::upper_bound(x.ends.begin(), x.ends.end(), n.begin) - x.ends.begin());
    const int before = k > 0 ? x.prev_owner[k - 1] : -1;
    const size_t before_gap = before >= 0 ? n.begin - x.ends[before] : std::string::npos;
    int after = -1;
    size_t after_gap = std::string::npos;
    for (int j = x.next_owner[k]; j < static_cast<int>(words.size()); j = x.next_owner[j + 1]) {
      if (after >= 0 && x.ends[j] > n.end + x.max_length + after_gap) break;
      const size_t gap = GapBetween(u.subjects[words[j]], n);
      if (gap <= after_gap) {
        after_gap = gap;
        after = j;
      }
    }
    if (after >= 0 && after_gap <= before_gap) {
      best = words[after];
      best_gap = after_gap;
    } else if (before >= 0) {
      best = words[before];
      best_gap = before_gap;
    }
  } else {
    for (int si : words) {
      const SubjectMention& sm = u.subjects[si];
      if (sm.clause != clause || IsEnglishPossessive(match, sm)) continue;
      if (GapBetween(sm, n) <= best_gap) {
        best_gap = GapBetween(sm, n);
        best = static_cast<int>(si);
      }
    }
  }
  if (best < 0 || best_gap > 0) {
    for (int si : by.In(clause - 1)) {
      const SubjectMention& sm = u.subjects[si];
      if (sm.clause + 1 != clause || sm.end > n.begin || IsEnglishPossessive(match, sm)) continue;
      if (IsTightGap(std::string_view(match).substr(sm.end, n.begin - sm.end))) best = static_cast<int>(si);
    }
  }
  if (best < 0) {
    // "Takashi (46), the younger son, has…": an age after a name the
    // lexicon does not know is the one the apposition names next.
    for (int si : by.In(clause + 1)) {
      const SubjectMention& sm = u.subjects[si];
      if (sm.person >= 0 && u.persons[sm.person].caller) continue;  // "my", "our"
      if (sm.begin <= n.end || !IsApposition(match, n.end, sm.begin)) break;
      *tight = true;
      return si;
    }
  }
  *tight = false;
  if (best >= 0) {
    const SubjectMention& sm = u.subjects[best];
    const size_t gb = sm.end <= n.begin ? sm.end : n.end;
    const size_t ge = sm.end <= n.begin ? n.begin : sm.begin;
    *tight = IsTightGap(std::string_view(match).substr(gb, ge - gb)) ||
             (sm.begin >= n.end && IsApposition(match, n.end, sm.begin));
  }
  return best;
}

// Persons joined by と / and before subject word k (父と母は80代: the age is
// each one's).
void JoinedPersons(const Understanding& u, int k, std::vector<int>* joined) {
  for (; k > 0 && JoinedBefore(u, k); --k)
    if (u.subjects[k - 1].person >= 0) joined->push_back(u.subjects[k - 1].person);
}

// "He hits his mother. She's 74": the latest person before the age, of the
// pronoun's sex when the person's is known. The pronoun may be inside the
// mention ("he is 57"), a verb before it ("she turned 81"), or further
// ("Her son, in his 50s" is his): 8 bytes back, then 16.
char PronounOfAge(std::string_view match, const NumberMention& n) {
  char sex = PronounIn(match, n.begin, n.end);
  if (sex == 0) sex = PronounIn(match, n.begin >= 8 ? n.begin - 8 : 0, n.begin);
  if (sex == 0) sex = PronounIn(match, n.begin >= 16 ? n.begin - 16 : 0, n.begin);
  return sex;
}

void OwnerByPronoun(const Understanding& u, const NumberMention& n, PersonsBefore* before, AgeMention* a) {
  const std::string& match = u.text.match;
  const char sex = PronounOfAge(match, n);
  a->person = before->Find(n.begin, sex);
  if (a->person >= 0) a->subject = u.persons[a->person].role;
  // A "she" when only men are named is someone else: no one's age here; a
  // "he" when no one is named yet is the person of concern.
  else if (sex != 0 && before->Find(n.begin, 0) >= 0) a->subject = Subject::kFamily;
  a->because = a->person >= 0 ? Because::kPronoun : Because::kDefault;
}

// "An elderly couple on our street, he is about 85 and she is 80, have a
// son", "She is in her seventies and looks after a son of about forty":
// with no one named before, the he / she of a couple named in the
// sentence, or one who has "a son" or "her son" named after in it, is the
// father or mother of that son or daughter. Adds that parent (once per
// sex); -1 when the words say otherwise.
int CoupleMember(const NumberMention& n, int named_before, Understanding* u) {
  const std::string& t = u->text.match;
  const char sex = PronounOfAge(t, n);
  if (sex == 0 || named_before >= 0) return -1;
  size_t start = n.begin;  // the sentence's start
  while (start > 0 && t[start - 1] != '.' && t[start - 1] != '!' && t[start - 1] != '?' && t[start - 1] != '\n')
    --start;
  size_t end = n.end;  // the sentence's end
  while (end < t.size() && t[end] != '.' && t[end] != '!' && t[end] != '?' && t[end] != '\n') ++end;
  const size_t couple = t.find("couple", start);
  const bool of_couple = couple != std::string::npos && couple < n.begin;
  bool child_after = false;
  for (const SubjectMention& s : u->subjects) {
    if (s.begin < n.end || s.begin >= end || s.person < 0 || !IsChildKind(u->persons[s.person].relation) ||
        u->persons[s.person].relation == "man" || u->persons[s.person].relation == "woman")
      continue;
    const bool theirs = (s.begin >= 2 && At(t, s.begin - 2, "a ")) ||
                        (s.begin >= 4 && At(t, s.begin - 4, sex == 'M' ? "his " : "her "));
    child_after = child_after || of_couple || theirs;
  }
  if (!child_after) return -1;
  const char* relation = sex == 'M' ? "father" : "mother";
  for (const Person& p : u->persons)
    if (p.relation == relation && p.words.empty()) return p.id;
  const int id = AddPerson(u, relation, Subject::kParent);
  u->persons[id].sex = sex;
  return id;
}

// Bare number i follows, after "and" / と / a comma, the age just given
// to both parents ("parents", 両親), whose ages there are two of.
bool SecondAgeOfParents(const Understanding& u, const std::vector<NumberMention>& numbers, size_t i) {
  if (i == 0 || u.ages.empty()) return false;
  const AgeMention& last = u.ages.back();
  if (last.person < 0 || u.persons[last.person].relation != "parents" || last.end != numbers[i - 1].end) return false;
  const std::string_view gap = std::string_view(u.text.match).substr(last.end, numbers[i].begin - last.end);
  return gap == " and " || gap == "と" || gap == "歳と" || gap == ", " || gap == "、" || gap == "歳、";
}

// A subject word ending at end is followed by its own age: 義母は84歳,
// 母(80), 母が八十.
bool OwnAgeFollows(std::string_view t, size_t end) {
  size_t p = end;
  for (std::string_view mark : {"は", "が", "も", "("})
    if (At(t, p, mark)) {
      p += mark.size();
      break;
    }
  if (p < t.size() && t[p] >= '0' && t[p] <= '9') return true;
  for (std::string_view kanji : {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"})
    if (At(t, p, kanji)) return true;
  return false;
}

// "Eighty-two and caring on her own for a son of fifty-eight", "Forty-two
// and living with her mother": an English age opening its sentence, the
// nearest subject word one after it that the unnamed subject has ("a son",
// "her mother"): the age is that unnamed one's, a parent when the word
// names a child, else the person of concern. False when not so.
bool OwnerOfPossessedAfter(const Understanding& u, const NumberMention& n, int c, int nearest, const AgeContext& x,
                           Subject* subject) {
  const std::string& t = u.text.match;
  if (nearest < 0 || (c > 0 && x.sentence[c - 1] == x.sentence[c])) return false;
  for (size_t p = u.clauses[c].begin; p < n.begin; ++p)
    if (t[p] != ' ') return false;
  const SubjectMention& s = u.subjects[nearest];
  if (s.begin < n.end || s.person < 0) return false;
  for (std::string_view before : {"a ", "her ", "his ", "their "})
    if (s.begin >= before.size() && At(t, s.begin - before.size(), before)) {
      *subject = IsChildKind(u.persons[s.person].relation) ? Subject::kParent : Subject::kPerson;
      return true;
    }
  return false;
}

// An age with no subject word right next to it: a marked subject word
// before it in the clause ("母は来月80歳"), else the nearest, else the
// one a relative clause follows ("my parents, who are over 70"), else the
// sentence's topic so far, else the first named after it in the sentence
// ("30代半ばで辞めた…54歳の弟"), else the default subject of a fact in
// the clause, else the person.
void OwnerByContext(const Understanding& u, const NumberMention& n, int c, int nearest, const AgeContext& x,
                    const SubjectsByClause& by, ClauseWordIndex* index, AgeMention* a, std::vector<int>* joined) {
  const std::string& match = u.text.match;
  int marked = -1;
  const ClauseWordIndex::Clause& words = index->Of(c);
  if (words.sorted) {
    const size_t k =
        static_cast<size_t>(std::upper_bound(words.ends.begin(), words.ends.end(), n.begin) - words.ends.begin());
    if (k > 0 && words.prev_marked[k - 1] >= 0) marked = by.In(c)[words.prev_marked[k - 1]];
  } else {
    for (int si : by.In(c)) {
      const SubjectMention& sm = u.subjects[si];
      if (sm.clause == c && sm.end <= n.begin && Marked(match, sm.end)) marked = static_cast<int>(si);
    }
  }
  const int word = marked >= 0 ? marked : nearest;
  if (word >= 0) {
    a->person = u.subjects[word].person;
    a->subject = u.subjects[word].subject;
    a->because = marked >= 0 ? Because::kMarked : Because::kNearest;
    if (marked >= 0) JoinedPersons(u, marked, joined);  // 双子の弟と私は今年で44歳
    return;
  }
  // "my parents, who are both over 70": a relative clause's age is the
  // age of the one it follows (the last named in the clause before).
  size_t starts = u.clauses[c].begin;
  while (starts < u.clauses[c].end && match[starts] == ' ') ++starts;
  if (c > 0 && x.sentence[c - 1] == x.sentence[c] && At(match, starts, "who ")) {
    const std::vector<int>& before = by.In(c - 1);
    if (!before.empty() && u.subjects[before.back()].person >= 0) {
      a->person = u.subjects[before.back()].person;
      a->subject = u.subjects[before.back()].subject;
      a->because = Because::kNearest;
      return;
    }
  }
  const int carried = Carried(x.topic, x.topic_how, x.sentence, c);
  if (carried >= 0) {
    a->person = carried;
    a->subject = u.persons[carried].role;
    a->because = Because::kTopic;
    return;
  }
  for (const SubjectMention& sm : u.subjects)
    // 今は39歳で、母と二人で暮らし: one named with と is company, not whose;
    // 現在は57歳で、同居している義母は84歳: one with an age of their own.
    if (sm.begin >= n.end && x.sentence[sm.clause] == x.sentence[c] && sm.person >= 0 && !At(match, sm.end, "と") &&
        !OwnAgeFollows(match, sm.end)) {
      a->person = sm.person;
      a->subject = sm.subject;
      a->because = Because::kTopic;
      return;
    }
  a->because = Because::kDefault;
  for (const FactMention& m : u.mentions)
    if (m.clause == c && m.origin == FactMention::kPhrase) {
      a->subject = m.subject;
      return;
    }
}

// A form's age field or shorthand ("本人：長男、年齢：45", "52M, lives
// with mother"): the latest person named before it in its sentence, else
// no one named, which the household gives to the person of concern.
void OwnerOfField(const Understanding& u, const NumberMention& n, int c, const AgeContext& x,
                  const SubjectsByClause& by, AgeMention* a) {
  a->subject = Subject::kPerson;
  a->because = Because::kDefault;
  for (int k = c; k >= 0 && x.sentence[k] == x.sentence[c]; --k) {
    const std::vector<int>& words = by.In(k);
    for (auto it = words.rbegin(); it != words.rend(); ++it) {
      const SubjectMention& s = u.subjects[*it];
      if (s.person < 0 || s.end > n.begin || IsEnglishPossessive(u.text.match, s)) continue;
      a->person = s.person;
      a->subject = s.subject;
      a->because = Because::kTopic;
      return;
    }
  }
}

// 「俺はもう45だ」と息子は言い: "I" inside a quotation is its speaker.
void OwnerInQuote(const Understanding& u, int c, const AgeContext& x, const SubjectsByClause& by, AgeMention* a) {
  if (a->person < 0 || !u.persons[a->person].caller || !ClauseInQuote(u, c)) return;
  const int speaker = QuoteSpeaker(u, c, x.topic, x.sentence, by);
  if (speaker < 0 || u.persons[speaker].caller) return;
  a->person = speaker;
  a->subject = u.persons[speaker].role;
  a->because = Because::kQuote;
}

// "30歳を境に家から出なくなり、それからもう15年" → 45; "came home when
// he was 31 … That was 22 years ago" → 53: the time since (n.since) added
// to the latest age before it, when that age is a past one of its sentence
// or the one before. The age now is of the past age's owner; its words run
// from the past age to the duration. Adds its index to *since.
void AddAgeSince(const NumberMention& n, int c, const AgeContext& x, Understanding* u, std::vector<size_t>* since) {
  if (u->ages.empty()) return;
  const AgeMention& past = u->ages.back();
  if (past.when != NumberMention::kPast || past.end > n.begin || x.sentence[c] - x.sentence[past.clause] > 1) return;
  // 弟は25歳で退職。母が倒れてから3年: someone else between them had the
  // event the time runs from.
  for (const SubjectMention& s : u->subjects)
    if (s.begin >= past.end && s.end <= n.begin && s.person >= 0 && s.person != past.person &&
        !u->persons[s.person].caller)
      return;
  AgeMention now = past;
  const int years = n.months / 12;
  now.when = NumberMention::kNow;
  now.range.lo = std::min(past.range.lo + years, 120);
  now.range.hi = std::min(past.range.hi + years, 120);
  now.end = n.end;
  now.words = u->text.display.substr(past.begin, n.end - past.begin);
  since->push_back(u->ages.size());
  u->ages.push_back(std::move(now));
}

// An age the text states now wins over one worked out from a past age and
// the time since ("…それから十年ほど。今は39歳"): drops ages[since[k]]
// when its owner has a stated age now, and renumbers the relatives' ages.
void DropAgesSinceStated(const std::vector<size_t>& since, std::vector<Relative>* relatives, Understanding* u) {
  if (since.empty()) return;
  std::vector<char> drop(u->ages.size(), 0);
  for (size_t k : since) {
    const AgeMention& d = u->ages[k];
    for (size_t j = 0; j < u->ages.size(); ++j) {
      const AgeMention& a = u->ages[j];
      if (j == k || a.when != NumberMention::kNow || std::find(since.begin(), since.end(), j) != since.end()) continue;
      if (a.person == d.person && (d.person >= 0 || a.subject == d.subject)) drop[k] = 1;
    }
  }
  std::vector<size_t> into(u->ages.size());
  size_t kept = 0;
  for (size_t j = 0; j < u->ages.size(); ++j) {
    into[j] = kept;
    if (!drop[j]) u->ages[kept++] = std::move(u->ages[j]);
  }
  u->ages.resize(kept);
  for (Relative& r : *relatives) r.age = into[r.age];
}

}  // namespace

void AssignAges(const std::vector<NumberMention>& numbers, const std::vector<int>& clause_of, Understanding* u,
                std::vector<char>* covered) {
  const std::string& display = u->text.display;
  auto cover = [&](size_t b, size_t e) {
    if (covered) MarkCovered(covered, b, e);
  };
  const AgeContext x = ContextOf(*u);
  const SubjectsByClause by(*u);
  ClauseWordIndex index(*u, by);
  PersonsBefore before(*u);
  WordsAfterPossessive possessed(*u);
  std::vector<Relative> relatives;
  std::vector<size_t> since;  // ages AddAgeSince added
  for (size_t i = 0; i < numbers.size(); ++i) {
    const NumberMention& n = numbers[i];
    const int c = clause_of[i];
    std::string words = display.substr(n.begin, n.end - n.begin);
    if (n.kind == NumberMention::kDuration) {
      cover(n.begin, n.end);  // understood as a duration, used or not
      if (n.since) AddAgeSince(n, c, x, u, &since);
      u->durations.push_back({n.months, c, std::move(words)});
      continue;
    }
    AgeMention a;
    a.clause = c;
    a.begin = n.begin;
    a.end = n.end;
    a.when = n.when;
    a.range = n.age;
    a.words = std::move(words);
    bool tight = false;
    const int nearest = NearestSubject(*u, n, c, by, &index, &tight);
    if (n.kind == NumberMention::kBare && !tight && SecondAgeOfParents(*u, numbers, i)) {
      // "My parents are 74 and 72", 両親は78と75: both ages are theirs.
      AgeMention both = u->ages.back();
      both.begin = n.begin;
      both.end = n.end;
      both.range = n.age;
      both.words = std::move(a.words);
      cover(n.begin, n.end);
      u->ages.push_back(std::move(both));
      continue;
    }
    if (n.kind == NumberMention::kBare && !tight) {
      // A bare number is an age only right next to a subject word.
      u->ignored_numbers.push_back(std::move(a.words));
      continue;
    }
    cover(n.begin, n.end);
    if (n.kind == NumberMention::kGenerations) {
      AddGenerations(n, x, std::move(a), u);
      continue;
    }
    if (n.when == NumberMention::kRelative) {
      // "2歳上の兄": relative to an age the text may not give: no one's
      // age until ResolveRelativeAges finds the other age.
      a.because = Because::kRelative;
      const int owner = RelativeOwner(*u, n, c, by);
      relatives.push_back({u->ages.size(), owner, n.sign, RelativeReference(*u, n, owner, &before, &possessed)});
      u->ages.push_back(std::move(a));
      continue;
    }
    std::vector<int> joined;  // persons joined to a's word by と / and
    if (n.after_pronoun) {
      OwnerByPronoun(*u, n, &before, &a);
      if (a.person < 0 && (a.person = CoupleMember(n, before.Find(n.begin, 0), u)) >= 0) {
        a.subject = Subject::kParent;
        a.because = Because::kPronoun;
      }
    } else if (nearest >= 0 && tight) {
      a.person = u->subjects[nearest].person;
      a.subject = u->subjects[nearest].subject;
      a.because = Because::kTight;
      // 父と母は80代: a marked word's age is each joined word's ("母と息子
      // (45)" is the son's alone: not marked).
      const size_t e = u->subjects[nearest].end;
      if (e < n.begin && (At(u->text.match, e, "は") || At(u->text.match, e, "が") || At(u->text.match, e, "も")))
        JoinedPersons(*u, nearest, &joined);
    } else if (n.of_case) {
      OwnerOfField(*u, n, c, x, by, &a);
    } else if (OwnerOfPossessedAfter(*u, n, c, nearest, x, &a.subject)) {
      a.because = Because::kDefault;  // "Eighty-two and caring for a son of 58"
    } else {
      OwnerByContext(*u, n, c, nearest, x, by, &index, &a, &joined);
    }
    OwnerInQuote(*u, c, x, by, &a);
    for (int person : joined) {
      AgeMention also = a;
      also.person = person;
      also.subject = u->persons[person].role;
      u->ages.push_back(std::move(also));
    }
    u->ages.push_back(std::move(a));
  }
  DropAgesSinceStated(since, &relatives, u);
  ResolveRelativeAges(relatives, u);
}
