// Step 4 of the household: the person of concern, roles and ages.
#include "household.h"

#include <algorithm>
#include <cstring>
#include <string_view>
#include <tuple>

#include "household_internal.h"
#include "utf8.h"

using namespace household_internal;  // NOLINT: the steps' shared helpers

// step 4

namespace {
bool IsGrandparent(const Person& p) { return p.relation == "grandmother" || p.relation == "grandfather"; }

// One of whose (a possessive with its space) right before at, or with an
// age between: "my son", "my 56-year-old son".
bool PossessiveBefore(const std::string& t, size_t at, std::initializer_list<std::string_view> whose) {
  auto right_before = [&](size_t pos) {
    for (std::string_view w : whose)
      if (pos >= w.size() && At(t, pos - w.size(), w)) return true;
    return false;
  };
  if (right_before(at)) return true;
  size_t p = at;
  while (p > 0 && t[p - 1] == ' ') --p;
  size_t word = p;  // the word before: an age such as "56-year-old"
  while (word > 0 && t[word - 1] != ' ') --word;
  std::string_view before(t.data() + word, p - word);
  if (before.empty() || before.find("year-old") == std::string_view::npos) return false;
  return right_before(word);
}

// "my son", "our son", and with an age between: "my 56-year-old son".
bool OwnPossessiveBefore(const std::string& t, size_t at) { return PossessiveBefore(t, at, {"my ", "our "}); }

bool IsOwnChild(const std::string& r) {
  return r == "son" || r == "daughter" || r == "eldest-son" || r == "eldest-daughter" || r == "second-son" ||
         r == "second-daughter";
}

// The one son, daughter or child named (not 本人, not the caller), else
// the one man or woman ("愛知県在住の女性(42)…本人は"), or -1.
int OnlyChildNamed(const Understanding& u) {
  for (bool adult : {false, true}) {
    int found = -1;
    for (const Person& p : u.persons) {
      const bool man_or_woman = p.relation == "man" || p.relation == "woman";
      if (p.caller || p.relation == "person" || !IsChildKind(p.relation) || man_or_woman != adult) continue;
      if (found >= 0) return -1;
      found = p.id;
    }
    if (found >= 0) return found;
  }
  return -1;
}

// A man or woman named before someone else's son or daughter in one
// sentence is that child's parent: 利用者さん(87歳女性)のお宅に…息子さん,
// "a woman of 91 has her 63-year-old son", "a man of 88 lives with his son".
bool ParentOfChildNamedAfter(const Understanding& u, const std::vector<int>& sentence, const Person& p) {
  if (p.caller || (p.relation != "man" && p.relation != "woman")) return false;
  const std::string& t = u.text.match;
  int first = -1;  // p's first subject word
  for (size_t si = 0; si < u.subjects.size(); ++si) {
    const SubjectMention& s = u.subjects[si];
    if (s.person < 0) continue;
    if (first < 0) {
      if (s.person == p.id) first = static_cast<int>(si);
      continue;
    }
    if (sentence[s.clause] != sentence[u.subjects[first].clause]) break;
    const Person& c = u.persons[s.person];
    if (c.caller || !IsOwnChild(c.relation)) continue;
    std::string_view w(t.data() + s.begin, s.end - s.begin);
    const bool japanese = !w.empty() && static_cast<unsigned char>(w[0]) >= 0x80;
    const bool honorific = w.size() >= 6 && (w.substr(w.size() - 6) == "さん" || w.substr(w.size() - 3) == "様");
    if (japanese ? honorific : PossessiveBefore(t, s.begin, {"his ", "her "})) return true;
  }
  return false;
}

// The caller writing about themself: withdrawal said of no one named, and
// no one named but the caller and their parents ("母とは30歳違いで…私自身が
// 家から出られず", "自分は五十六になる。親はもういない"). -1 otherwise.
int CallerAsConcern(const Understanding& u) {
  int caller = -1;
  for (const Person& p : u.persons) {
    if (p.caller) {
      if (caller >= 0) return -1;
      caller = p.id;
    } else if (!IsParentKind(p.relation)) {
      return -1;  // someone else is named: the case may be about them
    }
  }
  if (caller < 0 || u.persons[caller].relation != "self") return -1;
  return caller;
}

// Facts or ages said of no one that are about the person of concern by
// default.
bool HasUnattached(const Understanding& u) {
  for (const FactMention& m : u.mentions)
    if (m.person < 0 && m.origin == FactMention::kPhrase && m.subject == Subject::kPerson) return true;
  for (const AgeMention& a : u.ages)
    if (a.person < 0 && a.subject == Subject::kPerson && a.because != Because::kRelative) return true;
  return false;
}

// How likely p is the person of concern: withdrawal first, then work, then
// a child, then someone with an age when facts are said of no one, then
// any relative named (the first, on a tie). 0: not a candidate. A parent
// stays a parent (親がひきこもり is the parent's withdrawal, a rule of its
// own), unless the text calls them 本人.
int ConcernScore(const Model& model, const Understanding& u, const Person& p, bool unattached) {
  if (IsParentKind(p.relation)) return 0;
  bool withdrawal = false, work = false, age = false;
  for (const FactMention& m : u.mentions) {
    // A household's fact (a visit wanted, 訪問) says nothing of whose
    // withdrawal it is, whoever it went to.
    if (m.person != p.id || m.negated || model.facts[m.fact].subject == Subject::kHousehold) continue;
    const std::string& area = model.facts[m.fact].area;
    withdrawal = withdrawal || area == "withdrawal";
    work = work || area == "work";
  }
  for (const AgeMention& a : u.ages) age = age || (a.person == p.id && a.because != Because::kRelative);
  int score = 0;
  if (withdrawal) score = 100;
  else if (work) score = 80;
  else if (IsChildKind(p.relation)) score = 60;
  else if (unattached && !p.caller && p.relation != "neighbour" && age) score = 40;
  // No fact says who: a case is about someone, and the first relative named
  // who is neither the caller nor a parent is the likeliest ("六十二歳の兄は
  // 独身で…", "My uncle is 66, lives alone…").
  else if (!p.caller && p.relation != "neighbour" && p.relation != "self") score = 20;
  if (score > 0 && IsChildKind(p.relation)) score += 5;
  return score;
}

// Withdrawal said of the caller by the phrase itself, of no one else
// ("I haven't left my room in three years").
bool CallerWithdrawn(const Model& model, const Understanding& u) {
  for (const FactMention& m : u.mentions)
    if (!m.negated && m.person < 0 && m.subject == Subject::kCaller && model.facts[m.fact].area == "withdrawal")
      return true;
  return false;
}

int PickConcern(const Model& model, const Understanding& u, bool unattached) {
  int best = -1, best_score = 0;
  const std::vector<int> sentence = Sentences(u);
  for (const Person& p : u.persons) {
    int score = ConcernScore(model, u, p, unattached);
    // Their son or daughter named after them is the likelier one, unless
    // the facts say otherwise ("a man of 88 lives with his son, about 60").
    if (score > 0 && ParentOfChildNamedAfter(u, sentence, p)) score = std::max(1, score - 10);
    if (score > best_score) {
      best = p.id;
      best_score = score;
    }
  }
  if (best < 0 && (unattached || CallerWithdrawn(model, u))) best = CallerAsConcern(u);
  // 息子はもうすぐ50歳…本人は「…」: the word 本人 names the one child the
  // text is about, not someone new.
  const int named = best >= 0 && u.persons[best].relation == "person" ? OnlyChildNamed(u) : -1;
  return named >= 0 ? named : best;
}

// The caller who calls the person of concern "息子" / "my son" is their
// parent ("息子さん", "her son": someone else's child).
bool CallerIsParent(const Understanding& u) {
  if (u.concern < 0 || !IsChildKind(u.persons[u.concern].relation)) return false;
  const std::string& t = u.text.match;
  std::string_view relation = u.persons[u.concern].relation;
  const bool own_word = relation != "person" && relation != "man" && relation != "woman";
  if (!own_word) return false;
  for (const SubjectMention& s : u.subjects) {
    if (s.person != u.concern) continue;
    std::string_view w(t.data() + s.begin, s.end - s.begin);
    const bool japanese = !w.empty() && static_cast<unsigned char>(w[0]) >= 0x80;
    const bool honorific = w.size() >= 6 && (w.substr(w.size() - 6) == "さん" || w.substr(w.size() - 3) == "様");
    if ((japanese && !honorific) || OwnPossessiveBefore(t, s.begin)) return true;
  }
  return false;
}

// Someone else's husband and wife, both named ("ご主人(82)と奥さん(78)",
// "husband 72, wife 70"), when the person of concern is someone else's son
// or daughter: the couple are that child's parents. Not the caller's own
// spouse (夫, 主人, "my husband"), not a spouse said as whose (息子さんの
// 奥さん, "his wife").
bool OthersCouple(const Understanding& u, bool caller_is_parent) {
  if (caller_is_parent || u.concern < 0 || !IsOwnChild(u.persons[u.concern].relation)) return false;
  const std::string& t = u.text.match;
  bool husband = false, wife = false;
  for (const Person& p : u.persons) {
    if (p.relation != "husband" && p.relation != "wife") continue;
    if (p.caller) return false;
    bool others = true, named = false;
    for (const SubjectMention& s : u.subjects) {
      if (s.person != p.id) continue;
      named = true;
      std::string_view w(t.data() + s.begin, s.end - s.begin);
      const bool japanese = !w.empty() && static_cast<unsigned char>(w[0]) >= 0x80;
      if (japanese) {
        const bool honorific = w == "ご主人" || w == "奥さん" || w == "奥様" || w == "旦那さん";
        others = others && honorific && !(s.begin >= 3 && At(t, s.begin - 3, "の"));
      } else {
        for (std::string_view whose : {"my ", "our ", "his ", "her ", "your ", "'s "})
          if (s.begin >= whose.size() && At(t, s.begin - whose.size(), whose)) others = false;
      }
    }
    if (!named || !others) return false;
    (p.relation == "husband" ? husband : wife) = true;
  }
  return husband && wife;
}

// Each person's role in the case, once the person of concern is known.
void AssignRoles(Understanding* u) {
  const bool caller_is_parent = CallerIsParent(*u);
  const bool others_couple = OthersCouple(*u, caller_is_parent);
  const bool concern_is_grandchild = u->concern >= 0 && u->persons[u->concern].relation == "grandchild";
  const std::vector<int> sentence = Sentences(*u);
  for (Person& p : u->persons) {
    if (p.id == u->concern) p.role = Subject::kPerson;
    else if (IsParentKind(p.relation) || ParentOfChildNamedAfter(*u, sentence, p)) p.role = Subject::kParent;
    // The caller's husband or wife, when the caller is the parent, is the
    // other parent ("夫は八〇歳、息子は…", "my husband will be 79").
    else if ((caller_is_parent || others_couple) && (p.relation == "husband" || p.relation == "wife"))
      p.role = Subject::kParent;
    // The caller's grandchild is the concern: the caller's son or daughter
    // named is the grandchild's parent (娘が…産んだ孫が…).
    else if (concern_is_grandchild && IsOwnChild(p.relation)) p.role = Subject::kParent;
    else if (p.relation == "self") p.role = caller_is_parent ? Subject::kParent : Subject::kCaller;
    else if (p.relation == "neighbour") p.role = Subject::kNeighbour;
    else p.role = Subject::kFamily;
  }
}

int Concern(Understanding* u) {
  if (u->concern < 0) u->concern = AddPerson(u, "person", Subject::kPerson);
  return u->concern;
}

// The one parent, added when none is named; -1 when several are.
int TheParent(Understanding* u) {
  const int single = SingleWithRole(*u, Subject::kParent);
  if (single >= 0) return single;
  for (const Person& p : u->persons)
    if (p.role == Subject::kParent) return -1;  // several: no one in particular
  return AddPerson(u, "parent", Subject::kParent);
}

// Facts and ages said of no one named, and the ages given beside the text
// (a CSV's age and parent_age columns), go to the person of concern or the
// parent.
void AttachUnnamed(Understanding* u, const GivenAges* given) {
  for (FactMention& m : u->mentions) {
    if (m.person >= 0 || m.origin != FactMention::kPhrase) continue;
    if (m.subject == Subject::kPerson) m.person = Concern(u);
    else if (m.subject == Subject::kParent) m.person = SingleWithRole(*u, Subject::kParent);
  }
  // "My husband says she never leaves her room. She is 27": the she no
  // one named, whom the facts are about, is the one whose age it is.
  const int unnamed = u->concern >= 0 && u->persons[u->concern].relation == "person" ? u->concern : -1;
  const char unnamed_sex = unnamed >= 0 ? u->persons[unnamed].sex : 0;
  for (AgeMention& a : u->ages) {
    if (a.person >= 0 || a.because == Because::kRelative) continue;
    if (a.subject == Subject::kFamily && unnamed_sex != 0 && PronounIn(u->text.match, a.begin, a.end) == unnamed_sex) {
      a.person = unnamed;
      a.because = Because::kPronoun;
    } else if (a.subject == Subject::kPerson) a.person = Concern(u);
    else if (a.subject == Subject::kParent) a.person = TheParent(u);
  }
  if (!given) return;
  for (auto [age, subject, column] : {std::tuple{given->person, Subject::kPerson, "age"},
                                      std::tuple{given->parent, Subject::kParent, "parent_age"}}) {
    if (age < 0) continue;
    AgeMention a;
    a.subject = subject;
    a.range.lo = a.range.hi = age;
    a.words = std::string(column) + "=" + std::to_string(age);
    a.person = subject == Subject::kPerson ? Concern(u) : TheParent(u);
    a.because = Because::kGiven;
    u->ages.push_back(std::move(a));
  }
}

// Roles into the mentions; ages into the persons. Two ages that cannot
// both hold now: the later one is now ("his 40s … he is 57").
void SetPersonAges(Understanding* u) {
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
    } else if (p.relation == "parents") {
      p.age.lo = std::min(p.age.lo, a.range.lo);  // two people: each one's age
      p.age.hi = std::max(p.age.hi, a.range.hi);
    } else if (Overlap(p.age, a.range)) {
      p.age.lo = std::max(p.age.lo, a.range.lo);  // both hold: the narrower
      p.age.hi = std::min(p.age.hi, a.range.hi);
    } else {
      p.past_ages.push_back(p.age);
      p.age = a.range;
    }
  }
}

// The age of each role. The parent's age is a mother's or father's when the
// text gives one; a grandparent is a generation further ("祖母(九十)、
// 父(六十五)" → 65).
void SetAgeOfRoles(Understanding* u) {
  for (AgeRange& r : u->age_of) r = AgeRange();
  for (std::vector<int>& v : u->aged) v.clear();
  bool parent_age_known = false;
  for (const Person& p : u->persons)
    parent_age_known = parent_age_known || (p.role == Subject::kParent && p.age.known() && !IsGrandparent(p));
  for (const Person& p : u->persons) {
    if (!p.age.known()) continue;
    if (p.role == Subject::kPerson && p.id != u->concern) continue;
    if (p.role == Subject::kParent && parent_age_known && IsGrandparent(p)) continue;
    u->aged[static_cast<int>(p.role)].push_back(p.id);
    AgeRange& r = u->age_of[static_cast<int>(p.role)];
    if (!r.known()) {
      r = p.age;
    } else {
      r.lo = std::min(r.lo, p.age.lo);
      r.hi = std::max(r.hi, p.age.hi);
    }
  }
}

}  // namespace

void ChooseConcern(const Model& model, Understanding* u, const GivenAges* given) {
  const bool unattached = HasUnattached(*u);
  const int best = PickConcern(model, *u, unattached);
  u->concern = best;
  // 本人 is the person of concern, whoever that is.
  std::vector<int> into(u->persons.size());
  for (size_t p = 0; p < into.size(); ++p) into[p] = static_cast<int>(p);
  if (best >= 0)
    for (const Person& p : u->persons)
      if (p.relation == "person" && p.id != best) into[p.id] = best;
  Compact(u, into);
  if (u->concern < 0 && unattached) Concern(u);
  AssignRoles(u);
  AttachUnnamed(u, given);
  SetPersonAges(u);
  SetAgeOfRoles(u);
}
