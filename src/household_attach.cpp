// Step 3 of the household: each fact to the person its clause is about.
#include "household.h"

#include <algorithm>
#include <cstring>
#include <string_view>
#include <tuple>

#include "household_internal.h"
#include "reading.h"
#include "utf8.h"

using namespace household_internal;  // NOLINT: the steps' shared helpers

namespace {

// A subject word AttachToWord may give a fact to (for a passive fact, or
// not): not a possessor ("母の"), not the one who acts in a passive
// ("父に"), not the writer as an object ("me"), not a companion
// ("近所の人とも").
bool Candidate(const Understanding& u, int si, bool passive) {
  const SubjectMention& s = u.subjects[si];
  const std::string& t = u.text.match;
  if (IsPossessor(u, static_cast<size_t>(si))) return false;
  if (passive && (At(t, s.end, "に") || At(t, s.end, "さんに"))) return false;  // the one who acts
  if (s.subject == Subject::kCaller && !IsCallerWordForAttach(u, s)) return false;
  // 近所の人とも話さず: a companion or a comparison, not the subject.
  return !(At(t, s.end, "とも") || At(t, s.end, "とは") || At(t, s.end, "より") || IsCompanion(t, s.end));
}

// A clause's subject words by position, so that a fact finds the words
// before and after it without walking its clause (a long clause of many
// facts and words was walked whole for each fact). Built for a clause
// when first asked. Positions are into SubjectsByClause::In(clause), which
// is in text order.
class WordsByPosition {
 public:
  WordsByPosition(const Understanding& u, const SubjectsByClause& by) : u_(u), by_(by) {}

  /// Indices into u.subjects, or -1: the last candidate ending at or
  /// before `begin`, the last such marked (は / が / も), and the first
  /// candidate starting at or after `end`.
  struct Found {
    int before = -1, marked = -1, after = -1;
  };
  Found Find(int clause, bool passive, size_t begin, size_t end);
  /// Positions [first, last) of the words that may end in [from, to]:
  /// those starting at or after from less the clause's longest word, and
  /// before to.
  std::pair<size_t, size_t> EndingIn(int clause, size_t from, size_t to);

 private:
  struct Words {
    bool built = false;
    std::vector<size_t> begins;
    size_t longest = 0;
    // Per position: the nearest candidate at or before it (for a fact
    // passive or not), the nearest marked candidate at or before it, the
    // nearest candidate at or after it; positions, -1 for none.
    std::vector<int> last[2], last_marked, next[2];
  };
  const Words& Of(int clause);

  const Understanding& u_;
  const SubjectsByClause& by_;
  std::vector<Words> of_;
};

const WordsByPosition::Words& WordsByPosition::Of(int clause) {
  if (static_cast<size_t>(clause) >= of_.size()) of_.resize(static_cast<size_t>(clause) + 1);
  Words& w = of_[static_cast<size_t>(clause)];
  if (w.built) return w;
  w.built = true;
  const std::vector<int>& in = by_.In(clause);
  const int n = static_cast<int>(in.size());
  for (int si : in) {
    w.begins.push_back(u_.subjects[si].begin);
    w.longest = std::max(w.longest, u_.subjects[si].end - u_.subjects[si].begin);
  }
  w.last_marked.assign(in.size(), -1);
  std::vector<char> candidate(in.size());
  for (int v = 0; v < 2; ++v) {
    for (int k = 0; k < n; ++k) candidate[k] = Candidate(u_, in[k], v == 1);
    w.last[v].assign(in.size(), -1);
    w.next[v].assign(in.size(), -1);
    for (int k = 0; k < n; ++k) {
      w.last[v][k] = candidate[k] ? k : k > 0 ? w.last[v][k - 1] : -1;
      // A marked word is never followed by に: the same for both.
      if (v == 0)
        w.last_marked[k] = candidate[k] && Marked(u_.text.match, u_.subjects[in[k]].end) ? k
                           : k > 0                                                       ? w.last_marked[k - 1]
                                                                                         : -1;
    }
    for (int k = n - 1; k >= 0; --k) w.next[v][k] = candidate[k] ? k : k + 1 < n ? w.next[v][k + 1] : -1;
  }
  return w;
}

WordsByPosition::Found WordsByPosition::Find(int clause, bool passive, size_t begin, size_t end) {
  Found found;
  if (clause < 0) return found;
  const Words& w = Of(clause);
  const std::vector<int>& in = by_.In(clause);
  const int v = passive ? 1 : 0;
  // Words ending at or before begin start before it; one that starts
  // before it but ends after (overlaps) is passed over, as are the words
  // before it that are not candidates.
  const int starts_before =
      static_cast<int>(std::lower_bound(w.begins.begin(), w.begins.end(), begin) - w.begins.begin());
  auto last = [&](const std::vector<int>& chain) {
    int k = starts_before > 0 ? chain[starts_before - 1] : -1;
    while (k >= 0 && u_.subjects[in[k]].end > begin) k = k > 0 ? chain[k - 1] : -1;
    return k < 0 ? -1 : in[k];
  };
  found.before = last(w.last[v]);
  found.marked = last(w.last_marked);
  const size_t from = std::lower_bound(w.begins.begin(), w.begins.end(), end) - w.begins.begin();
  if (from < in.size() && w.next[v][from] >= 0) found.after = in[w.next[v][from]];
  return found;
}

std::pair<size_t, size_t> WordsByPosition::EndingIn(int clause, size_t from, size_t to) {
  if (clause < 0) return {0, 0};
  const Words& w = Of(clause);
  const size_t start = from > w.longest ? from - w.longest : 0;
  return {static_cast<size_t>(std::lower_bound(w.begins.begin(), w.begins.end(), start) - w.begins.begin()),
          static_cast<size_t>(std::lower_bound(w.begins.begin(), w.begins.end(), to) - w.begins.begin())};
}

// What every mention of a case is attached against: who speaks each clause,
// which sentence each clause is in, and each clause's pronoun, found once
// (a long clause of many facts must not be scanned once per fact).
struct AttachContext {
  std::vector<int> topic;
  std::vector<Because> topic_how;
  std::vector<int> sentence;
  std::vector<int> pronoun;  // per clause: -1 not looked at yet, else PronounIn's sex (0: none)
  int in_city = -1;
  SubjectsByClause subjects;  // a fact looks at its own clause's subject words only
  PersonsBefore persons;      // whom a he / she names
  WordsByPosition words;      // and finds those before and after it by position
  explicit AttachContext(const Understanding& u) : subjects(u), persons(u), words(u, subjects) {}
};

void Take(const Understanding& u, int si, Because why, FactMention* m) {
  m->subject_word = si;
  m->person = u.subjects[si].person;
  m->subject = u.subjects[si].subject;
  m->because = why;
}

void TakePerson(const Understanding& u, int person, Because why, FactMention* m) {
  m->person = person;
  m->subject = u.persons[person].role;
  m->because = why;
}

// The phrase names its subject itself ("高齢の親"). Its words start in its
// clause and may run on past a closing 」 into the next one, and so may a
// subject word inside them.
void AttachOwnSubject(const Understanding& u, const AttachContext& x, FactMention* m) {
  for (int c : {m->clause, m->clause + 1})
    for (int si : x.subjects.In(c))
      if (u.subjects[si].begin >= m->begin && u.subjects[si].end <= m->end) Take(u, si, Because::kOwnPhrase, m);
  if (m->because == Because::kNone) m->because = Because::kOwnPhrase;
}

// A place said of the one named right after it: 大阪府に住む母親, 西区在住の
// 兄, "in Osaka, her brother".
bool AttachPlace(const Model& model, const Understanding& u, const AttachContext& x, FactMention* m,
                 std::vector<FactMention>* added) {
  if (model.facts[m->fact].outside.empty() && m->fact != x.in_city) return false;
  const std::string& t = u.text.match;
  for (int si : x.subjects.In(m->clause)) {
    const SubjectMention& s = u.subjects[si];
    if (s.begin < m->end || s.begin - m->end > 30 || s.person < 0) continue;
    std::string_view gap(t.data() + m->end, s.begin - m->end);
    for (std::string_view lead : {"に住む", "に住んでいる", "に住んでる", "で暮らす", "で暮らしている", "在住の", "の"})
      if (gap.substr(0, lead.size()) == lead) {
        Take(u, si, Because::kPlace, m);
        // 上越市で暮らす母(81)と弟(52): the place is each joined one's.
        for (int k = si + 1; k < static_cast<int>(u.subjects.size()) && JoinedBefore(u, k); ++k) {
          if (u.subjects[k].person < 0 || u.subjects[k].person == m->person) continue;
          FactMention also = *m;
          Take(u, k, Because::kPlace, &also);
          added->push_back(std::move(also));
        }
        return true;
      }
    return false;
  }
  return false;
}

// The fact's words end in a passive (年金を息子に取り上げられる), or a
// phrase written active is read in one (怒鳴る in 父に怒鳴られます).
bool IsPassive(const Understanding& u, const FactMention& m) {
  auto passive = [&](int k) { return u.tokens[k].lemma == "れる" || u.tokens[k].lemma == "られる"; };
  for (int k = m.first_token; k >= 0 && k < m.last_token; ++k)
    if (passive(k)) return true;
  const int next = m.last_token;
  return m.first_token >= 0 && next < static_cast<int>(u.tokens.size()) && IsPassiveEnding(u.tokens[next]);
}

// A danger done to someone: the one named right before with に, を, の or
// へ is at risk, whoever acts (息子が母に手を上げる). In a passive the one
// named with に acts: the one at risk is the clause's subject, found later.
bool AttachAtRisk(const Model& model, const Understanding& u, AttachContext* x, bool passive, FactMention* m) {
  if (model.facts[m->fact].area != "crisis") return false;
  const std::string& t = u.text.match;
  const std::vector<int>& in = x->subjects.In(m->clause);
  const auto [first, last] = x->words.EndingIn(m->clause, m->begin > 12 ? m->begin - 12 : 0, m->begin + 1);
  for (size_t k = first; k < last; ++k) {
    const int si = in[k];
    const SubjectMention& s = u.subjects[si];
    if (s.end > m->begin || m->begin - s.end > 12 || s.person < 0) continue;
    std::string_view gap(t.data() + s.end, m->begin - s.end);
    // How often may stand between: 父に毎日暴言, 母を何度も殴る.
    for (std::string_view often : {"毎日", "いつも", "何度も", "度々", "たびたび", "日常的に", "頻繁に", "よく"})
      if (gap.size() > often.size() && gap.substr(gap.size() - often.size()) == often) {
        gap.remove_suffix(often.size());
        break;
      }
    for (std::string_view mark : {"に", "を", "の", "へ", "に対して", "さんに", "さんを", "さんの"})
      if (gap == mark && !(passive && (mark == "に" || mark == "さんに"))) Take(u, si, Because::kAtRisk, m);
  }
  return m->because == Because::kAtRisk;
}

// A marked subject word before it in the clause, else the nearest subject
// word in the clause. A fact said of a marked word joined to others
// ("長女(48)と長男(45)がひきこもり") is said of each: *added gets the others'.
bool AttachToWord(const Understanding& u, AttachContext* x, bool passive, FactMention* m,
                  std::vector<FactMention>* added) {
  const std::string& t = u.text.match;
  const WordsByPosition::Found found = x->words.Find(m->clause, passive, m->begin, m->end);
  const int marked = found.marked, before = found.before, after = found.after;
  if (marked >= 0) {
    Take(u, marked, Because::kMarked, m);
    for (int k = marked; k > 0 && JoinedBefore(u, k); --k) {
      const SubjectMention& other = u.subjects[k - 1];
      if (other.person < 0 || other.person == m->person) continue;
      FactMention both = *m;
      both.person = other.person;
      both.subject = other.subject;
      both.subject_word = k - 1;
      added->push_back(std::move(both));
    }
    return true;
  }
  if (before < 0 && after < 0) return false;
  // "I've not seen him leave the house", "Mum says my brother grabbed her
  // by the arm": a him / her in the phrase itself, after the writer or
  // someone of the other sex, is whom it is about.
  if (before >= 0) {
    const char sex = PronounIn(t, m->begin, m->end);
    const SubjectMention& word = u.subjects[before];
    const char word_sex = word.person >= 0 ? u.persons[word.person].sex : 0;
    const bool other = word.subject == Subject::kCaller || (word_sex != 0 && word_sex != sex);
    const int p = sex != 0 && other ? x->persons.Find(m->begin, sex) : -1;
    if (p >= 0) {
      TakePerson(u, p, Because::kPronoun, m);
      return true;
    }
  }
  // "his wife (43) says he hasn't left the house": a he / she between the
  // word and the fact is who the fact's verb is said of.
  if (before >= 0 && u.subjects[before].person >= 0) {
    const char sex = NominativePronounIn(t, u.subjects[before].end, m->begin);
    const int p = sex != 0 ? PersonBefore(u, m->begin, sex) : -1;
    if (p >= 0 && p != u.subjects[before].person && u.persons[p].sex == sex) {
      TakePerson(u, p, Because::kPronoun, m);
      return true;
    }
    // "I can't remember when she last went outside": a he / she no one
    // named, after the writer or someone of the other sex, is someone else:
    // AttachFacts gives the fact to the one the text is about.
    const Person& word = u.persons[u.subjects[before].person];
    if (sex != 0 && p < 0 && (word.caller || (word.sex != 0 && word.sex != sex))) {
      m->because = Because::kPronoun;
      m->subject = Subject::kPerson;
      m->subject_word = -1;
      m->person = -1;
      return true;
    }
  }
  // "She hardly goes out and we don't know": a he / she before the fact
  // names the one named earlier (AttachByContext), not a word after it.
  // Rare (nothing named before the fact in its clause): PersonBefore's scan.
  if (before < 0) {
    const char sex = PronounIn(t, u.clauses[m->clause].begin, m->begin);
    if (sex != 0 && PersonBefore(u, m->begin, sex) >= 0) return false;
  }
  Take(u, before >= 0 ? before : after, Because::kNearest, m);
  return true;
}

// No subject word in the clause: the quotation's speaker (母は「働きたい」と
// 言っている), else the topic carried from the sentence's earlier clauses
// (not for a household's fact: "息子は無職、生活が苦しい" is the
// household's life), else the person a he / she / his / her names.
bool AttachByContext(const Model& model, const Understanding& u, AttachContext* x, FactMention* m) {
  const int c = m->clause;
  if (ClauseInQuote(u, static_cast<size_t>(c))) {
    const int speaker = QuoteSpeaker(u, static_cast<size_t>(c), x->topic, x->sentence, x->subjects);
    if (speaker >= 0) {
      TakePerson(u, speaker, Because::kQuote, m);
      return true;
    }
  }
  const int carried = Carried(x->topic, x->topic_how, x->sentence, c);
  if (model.facts[m->fact].subject != Subject::kHousehold && carried >= 0) {
    TakePerson(u, carried, Because::kTopic, m);
    return true;
  }
  if (x->pronoun[c] < 0) x->pronoun[c] = PronounIn(u.text.match, u.clauses[c].begin, u.clauses[c].end);
  if (const char sex = static_cast<char>(x->pronoun[c])) {
    const int p = x->persons.Find(m->begin, sex);
    if (p >= 0) {
      TakePerson(u, p, Because::kPronoun, m);
      return true;
    }
  }
  return false;
}

// The one the text is about when only a he / she names them: one person,
// added once, who is not the caller.
int UnnamedPerson(Understanding* u, char sex) {
  for (const Person& p : u->persons)
    if (p.relation == "person" && !p.caller) return p.id;
  const int id = AddPerson(u, "person", Subject::kPerson);
  u->persons[id].sex = sex;
  return id;
}

}  // namespace

void AttachFacts(const Model& model, Understanding* u) {
  AttachContext x(*u);
  ClauseTopics(*u, &x.topic, &x.topic_how);
  x.sentence = Sentences(*u);
  x.pronoun.assign(u->clauses.size(), -1);
  x.in_city = model.FindFact("in-niigata-city");
  std::vector<FactMention> added;  // a fact said of two joined subjects: the second one's
  for (FactMention& m : u->mentions) {
    if (m.origin != FactMention::kPhrase) continue;
    if (m.has_own_subject) {
      AttachOwnSubject(*u, x, &m);
      continue;
    }
    const bool passive = IsPassive(*u, m);
    if (AttachPlace(model, *u, x, &m, &added) || AttachAtRisk(model, *u, &x, passive, &m) ||
        AttachToWord(*u, &x, passive, &m, &added) || AttachByContext(model, *u, &x, &m)) {
      if (m.person < 0 && m.because == Because::kPronoun)
        m.person = UnnamedPerson(u, NominativePronounIn(u->text.match, u->clauses[m.clause].begin, m.begin));
      continue;
    }
    m.subject = model.facts[m.fact].subject;
    m.because = Because::kDefault;
  }
  for (FactMention& m : added) u->mentions.push_back(std::move(m));
}
