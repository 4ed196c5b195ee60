// Step 2 of the household: each age to its person.
#include "household.h"

#include <algorithm>
#include <cstring>
#include <string_view>
#include <tuple>

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
int RelativeOwner(const Understanding& u, const NumberMention& n, int clause) {
  const std::string& match = u.text.match;
  for (const SubjectMention& s : u.subjects) {
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

// A person's current exact age, when the text gives one, else -1; the
// caller's when person < 0.
int ExactAge(const Understanding& u, int person) {
  for (const AgeMention& a : u.ages)
    if (a.person >= 0 && (person < 0 ? u.persons[a.person].caller : a.person == person) &&
        a.when == NumberMention::kNow && a.because != Because::kRelative && a.range.lo == a.range.hi)
      return a.range.lo;
  return -1;
}

// "Our daughter is 51; her brother is five years younger": with no "than"
// the difference is from the one "her" / "his" names, not the caller.
int RelativeReference(const Understanding& u, const NumberMention& n, int owner) {
  const std::string& t = u.text.match;
  if (t.find("than", n.end) == n.end + 1 || owner < 0) return -1;
  for (const SubjectMention& s : u.subjects) {
    if (s.person != owner || s.end > n.begin) continue;
    if (s.begin < 4) continue;
    const char sex = At(t, s.begin - 4, "her ") ? 'F' : At(t, s.begin - 4, "his ") ? 'M' : 0;
    if (sex == 0) continue;
    const int other = PersonBefore(u, s.begin, sex);
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
  for (const Relative& r : relatives) {
    if (r.person < 0) continue;
    const int caller = ExactAge(*u, r.reference);
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

}  // namespace

void AssignAges(const std::vector<NumberMention>& numbers, const std::vector<int>& clause_of, Understanding* u,
                std::vector<char>* covered) {
  const std::string& match = u->text.match;
  const std::string& display = u->text.display;
  auto cover = [&](size_t b, size_t e) {
    if (covered) MarkCovered(covered, b, e);
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

  std::vector<Relative> relatives;
  for (size_t i = 0; i < numbers.size(); ++i) {
    const NumberMention& n = numbers[i];
    const int c = clause_of[i];
    std::string words = display.substr(n.begin, n.end - n.begin);
    AgeMention a;
    std::vector<int> joined;  // persons joined to a's word by と / and
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
      // "2歳上の兄": relative to an age the text may not give: no one's
      // age until ResolveRelativeAges finds the other age.
      a.range = n.age;
      a.words = std::move(words);
      a.because = Because::kRelative;
      const int owner = RelativeOwner(*u, n, c);
      relatives.push_back({u->ages.size(), owner, n.sign, RelativeReference(*u, n, owner)});
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
      if (sm.clause != c || IsEnglishPossessive(match, sm)) continue;
      size_t gap = sm.end <= n.begin ? n.begin - sm.end : (sm.begin >= n.end ? sm.begin - n.end : 0);
      if (gap <= best_gap) {
        best_gap = gap;
        best = static_cast<int>(si);
      }
    }
    if (best < 0 || best_gap > 0) {
      // A comma may have ended the clause: "my mother, who is 77".
      for (size_t si = 0; si < u->subjects.size(); ++si) {
        const SubjectMention& sm = u->subjects[si];
        if (sm.clause + 1 != c || sm.end > n.begin || IsEnglishPossessive(match, sm)) continue;
        if (IsTightGap(std::string_view(match).substr(sm.end, n.begin - sm.end))) {
          best = static_cast<int>(si);
          best_gap = n.begin - sm.end;
        }
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
      // The pronoun may stand a verb before it ("she turned 81").
      // The mention may start at its pronoun ("he is 57"): look inside it
      // first, then back.
      // The nearest pronoun: the 8 bytes before, then 16 ("Her son, in his
      // 50s" is his).
      char sex = PronounIn(match, n.begin, n.end);
      if (sex == 0) sex = PronounIn(match, n.begin >= 8 ? n.begin - 8 : 0, n.begin);
      if (sex == 0) sex = PronounIn(match, n.begin >= 16 ? n.begin - 16 : 0, n.begin);
      a.person = PersonBefore(*u, n.begin, sex);
      if (a.person >= 0) a.subject = u->persons[a.person].role;
      // A "she" when only men are named is someone else: no one's age here;
      // a "he" when no one is named yet is the person of concern.
      else if (sex != 0 && PersonBefore(*u, n.begin, 0) >= 0) a.subject = Subject::kFamily;
      a.because = a.person >= 0 ? Because::kPronoun : Because::kDefault;
    } else if (best >= 0 && tight) {
      a.person = u->subjects[best].person;
      a.subject = u->subjects[best].subject;
      a.because = Because::kTight;
      // 父と母は80代: a marked word's age is each joined word's ("母と息子
      // (45)" is the son's alone: not marked).
      const size_t e = u->subjects[best].end;
      if (e < n.begin && (At(match, e, "は") || At(match, e, "が") || At(match, e, "も")))
        for (int k = best; k > 0 && JoinedBefore(*u, k); --k)
          if (u->subjects[k - 1].person >= 0) joined.push_back(u->subjects[k - 1].person);
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
        // 双子の弟と私は今年で44歳, 父と母は80代: the age of each joined word.
        for (int k = marked; k > 0 && JoinedBefore(*u, k); --k)
          if (u->subjects[k - 1].person >= 0) joined.push_back(u->subjects[k - 1].person);
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
    // 「俺はもう45だ」と息子は言い: "I" inside a quotation is its speaker.
    if (a.person >= 0 && u->persons[a.person].caller && ClauseInQuote(*u, c)) {
      const int speaker = QuoteSpeaker(*u, c, topic, sentence);
      if (speaker >= 0 && !u->persons[speaker].caller) {
        a.person = speaker;
        a.subject = u->persons[speaker].role;
        a.because = Because::kQuote;
      }
    }
    cover(n.begin, n.end);
    for (int person : joined) {
      AgeMention also = a;
      also.person = person;
      also.subject = u->persons[person].role;
      u->ages.push_back(std::move(also));
    }
    u->ages.push_back(std::move(a));
  }
  ResolveRelativeAges(relatives, u);
}
