// The household steps' shared helpers, step 5 (residence), the whole
// sequence, and what eligibility and rendering ask of the household.
#include "household.h"

#include <algorithm>
#include <cstring>
#include <iterator>
#include <string_view>
#include <tuple>

#include "household_internal.h"
#include "utf8.h"

namespace household_internal {
SubjectsByClause::SubjectsByClause(const Understanding& u) {
  for (size_t si = 0; si < u.subjects.size(); ++si) {
    const int c = u.subjects[si].clause;
    if (c < 0) continue;
    if (static_cast<size_t>(c) >= of_.size()) of_.resize(c + 1);
    of_[c].push_back(static_cast<int>(si));
  }
}

std::vector<int> SubjectsByClause::InAndBefore(int c) const {
  std::vector<int> both;
  std::merge(In(c - 1).begin(), In(c - 1).end(), In(c).begin(), In(c).end(), std::back_inserter(both));
  return both;
}

bool IsChildKind(const std::string& r) {
  static constexpr std::string_view kKinds[] = {"person",         "son",      "eldest-son",      "second-son",
                                                "third-son",      "daughter", "eldest-daughter", "second-daughter",
                                                "third-daughter", "child",    "grandchild",      "man",
                                                "woman"};
  return std::find(std::begin(kKinds), std::end(kKinds), r) != std::end(kKinds);
}

bool IsParentKind(const std::string& r) {
  return r == "parent" || r == "parents" || r == "mother" || r == "father" || r == "grandmother" || r == "grandfather";
}

bool At(std::string_view text, size_t pos, std::string_view word) {
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
    // Looks no further than the 8 bytes allowed: a "(" never closed must
    // not send every subject word to the end of a long text.
    size_t close = text.substr(end, 9).find(')');
    if (close != std::string_view::npos) end += close + 1;
  }
  return At(text, end, "は") || At(text, end, "が") || At(text, end, "も") || At(text, end, "さんは") ||
         At(text, end, "さんが");
}

// Bytes between a number and a subject word that still tie them together
// ("son 52", "母は78歳", "母親(82)", "mother is 76", "54歳の弟").
bool IsTightGap(std::string_view gap) {
  static constexpr std::string_view kGaps[] = {
      "",         " ",         "は",     "が",        "の",       "(",          " (",
      " is ",     " is",       ", ",     "'s ",       "’s ",      "さん",       "さんは",
      "さん(",    "さん (",    " aged ", " age ",     " of ",     " of about ", " of around ",
      ", about ", ", around ", ", now ", ", who is ", ", who's ", " who is ",   " who's "};
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
// Subject word s is marked by が and the clause goes on with a subordinate
// ending after it (てから, 後, とき, ので, たら): its subject only.
bool InSubordinateClause(const Understanding& u, const SubjectMention& s) {
  const std::string& t = u.text.match;
  if (!At(t, s.end, "が")) return false;
  const size_t end = u.clauses[s.clause].end;
  std::string_view rest(t.data() + s.end, end - s.end);
  for (std::string_view w : {"てから", "でから", "た後", "たあと", "たとき", "た時", "ので", "たら"})
    if (rest.find(w) != std::string_view::npos) return true;
  return false;
}

bool IsCompanion(std::string_view t, size_t end) {
  size_t p = end;
  if (At(t, p, "(")) {  // 伯母(75)と
    const size_t close = t.find(')', p);
    if (close == std::string_view::npos || close - p > 12) return false;
    p = close + 1;
  }
  if (!At(t, p, "と")) return false;
  p += std::string_view("と").size();
  for (std::string_view w : {"二人", "ふたり", "三人", "一緒", "いっしょ", "暮ら", "同居", "住"})
    if (At(t, p, w)) return true;
  return false;
}

void ClauseTopics(const Understanding& u, std::vector<int>* topic, std::vector<Because>* how) {
  const std::vector<int> sentence = Sentences(u);
  topic->assign(u.clauses.size(), -1);
  how->assign(u.clauses.size(), Because::kNone);
  std::vector<char> kept(u.clauses.size(), 0);  // the sentence's theme holds
  for (size_t si = 0; si < u.subjects.size(); ++si) {
    const SubjectMention& s = u.subjects[si];
    if (s.person < 0 || IsPossessor(u, si) || kept[s.clause]) continue;
    if (s.subject == Subject::kCaller && !IsCallerWordForAttach(u, s)) continue;
    if (IsCompanion(u.text.match, s.end)) continue;  // 伯母(75)と二人で暮らし: company, not the topic
    const int theme = s.clause > 0 && sentence[s.clause - 1] == sentence[s.clause] ? (*topic)[s.clause - 1] : -1;
    if (theme >= 0 && theme != s.person && (*how)[s.clause - 1] != Because::kNearest && InSubordinateClause(u, s)) {
      // 弟は、私が家を出てからずっと母と二人暮らしで: 私が is the subject
      // of "…てから" only; the clause stays about the theme 弟は.
      (*topic)[s.clause] = theme;
      (*how)[s.clause] = Because::kTopic;
      kept[s.clause] = 1;
      continue;
    }
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
int Carried(const std::vector<int>& topic, const std::vector<Because>& how, const std::vector<int>& sentence, int c) {
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

int PersonsBefore::Find(size_t pos, char sex) {
  if (sex != 0 && sex != 'M' && sex != 'F') return PersonBefore(u_, pos, sex);
  if (!built_) {
    built_ = true;
    int any = -1, he = -1, she = -1;
    size_t max_begin = 0;
    for (const SubjectMention& s : u_.subjects) {
      max_begin = std::max(max_begin, s.begin);
      if (s.person >= 0 && !u_.persons[s.person].caller) {
        const char own = u_.persons[s.person].sex;
        any = s.person;
        if (own == 0 || own == 'M') he = s.person;
        if (own == 0 || own == 'F') she = s.person;
      }
      max_begin_.push_back(max_begin);
      any_.push_back(any);
      he_.push_back(he);
      she_.push_back(she);
    }
  }
  // PersonBefore stops at the first word at or after pos: the first whose
  // largest begin so far reaches pos.
  const size_t i =
      static_cast<size_t>(std::lower_bound(max_begin_.begin(), max_begin_.end(), pos) - max_begin_.begin());
  if (i == 0) return -1;
  return sex == 0 ? any_[i - 1] : sex == 'M' ? he_[i - 1] : she_[i - 1];
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

char NominativePronounIn(std::string_view text, size_t begin, size_t end) {
  for (size_t i = begin; i < end; ++i) {
    if (i > begin && isalpha(static_cast<unsigned char>(text[i - 1]))) continue;
    for (std::string_view w : {"he", "she"})
      if (At(text, i, w) && i + w.size() <= end &&
          (i + w.size() == text.size() || !isalpha(static_cast<unsigned char>(text[i + w.size()]))))
        return w == "he" ? 'M' : 'F';
  }
  return 0;
}

// Position b is inside 'single' or "double" quotes: a quote mark opens
// at the start or after a space, before a letter or digit, and closes after
// , . ! ? ("'I'm 79 and I won't be here forever,' Mum told"). An
// apostrophe inside a word (I'm, won't) does neither.
// Which clauses are inside a quotation, in one pass over the text (asked
// for every fact of every clause, it must not rescan the text each time).
// Japanese: after a 「 with no 」 since, so every clause of
// 「俺はもう45だ、今さら働けるわけがない」 counts. English: after an opening
// ' or " (after a space or "(", before a letter) until a mark after , . ! ?.
void MarkQuotedClauses(Understanding* u) {
  const std::string& t = u->text.match;
  u->quoted.assign(u->clauses.size(), 0);
  bool english = false, japanese = false;
  size_t i = 0;
  for (size_t c = 0; c < u->clauses.size(); ++c) {
    const size_t b = u->clauses[c].begin;
    for (; i <= b && i < t.size(); ++i) {  // a clause may start at its quote mark
      if (i < b && t[i] == '\xE3') {       // 「 and 」 are E3 80 8C and E3 80 8D
        if (t.compare(i, 3, "「") == 0) japanese = true;
        if (t.compare(i, 3, "」") == 0) japanese = false;
      }
      if (t[i] != '\'' && t[i] != '"') continue;
      const char prev = i == 0 ? ' ' : t[i - 1];
      const char next = i + 1 < t.size() ? t[i + 1] : ' ';
      if (!english && (prev == ' ' || prev == '(' || i == 0) && isalnum(static_cast<unsigned char>(next)))
        english = true;
      else if (english && (prev == ',' || prev == '.' || prev == '!' || prev == '?')) english = false;
    }
    // The scan stopped after b; a bracket at b belongs to the next round.
    if (i > b && b < t.size() && (t.compare(b, 3, "「") == 0 || t.compare(b, 3, "」") == 0)) i = b;
    u->quoted[c] = english || japanese;
  }
}

bool ClauseInQuote(const Understanding& u, size_t c) { return c < u.quoted.size() && u.quoted[c]; }

int QuoteSpeaker(const Understanding& u, size_t c, const std::vector<int>& topic, const std::vector<int>& sentence,
                 const SubjectsByClause& by) {
  for (size_t k = c; k-- > 0 && sentence[k] == sentence[c];)
    if (!ClauseInQuote(u, k) && topic[k] >= 0) return topic[k];
  for (size_t k = c + 1; k < u.clauses.size() && sentence[k] == sentence[c]; ++k) {
    if (ClauseInQuote(u, k)) continue;
    for (const int si : by.In(static_cast<int>(k)))
      if (u.subjects[si].person >= 0) return u.subjects[si].person;
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

}  // namespace household_internal

using namespace household_internal;  // NOLINT: this file's own helpers

// ---------------------------------------------------------------- step 5

namespace {
// A return told as done (戻ってきた, 帰ってきて, "came back", "moved back"),
// not as what happens now and then (お正月だけ帰ってきます, "comes back at
// New Year").
bool ReturnDone(const Understanding& u, const FactMention& m) {
  const std::string& words = m.words;
  if (words.empty()) return false;
  if (IsAsciiLowerOrDigit(static_cast<unsigned char>(words[0]))) {
    const std::string_view first = std::string_view(words).substr(0, words.find(' '));
    if (first == "back") {  // "is back home", not "comes back home"
      const std::string_view before = std::string_view(u.text.match).substr(0, m.begin);
      for (std::string_view now : {"comes ", "come ", "coming ", "goes ", "go "})
        if (before.size() >= now.size() && before.substr(before.size() - now.size()) == now) return false;
      return true;
    }
    return first == "came" || (first.size() > 2 && first.substr(first.size() - 2) == "ed");
  }
  for (std::string_view end : {"た", "て", "で"})
    if (words.size() >= end.size() && words.compare(words.size() - end.size(), end.size(), end) == 0) return true;
  return false;
}

// A place outside the city before a return told later in its sentence
// (東京で働いていましたが、…実家に戻ってきて; "worked in Tokyo for ten years,
// came back to Niigata") is where they came back from, not where they
// live: marked long past, with the return as the words that say so.
void MarkPlacesLeft(const Model& model, const std::vector<int>& sentence, Understanding* u) {
  const int returned = model.FindFact("returned-home");
  if (returned < 0 || sentence.empty()) return;
  std::vector<const FactMention*> last(static_cast<size_t>(sentence.back()) + 1, nullptr);  // by sentence
  for (const FactMention& m : u->mentions) {
    if (m.fact != returned || m.negated || !ReturnDone(*u, m)) continue;
    const FactMention*& l = last[static_cast<size_t>(sentence[m.clause])];
    if (!l || m.begin > l->begin) l = &m;
  }
  for (FactMention& m : u->mentions) {
    if (m.negated || model.facts[m.fact].outside.empty()) continue;
    const FactMention* r = last[static_cast<size_t>(sentence[m.clause])];
    if (!r || r->begin < m.end) continue;
    const bool english = !m.words.empty() && IsAsciiLowerOrDigit(static_cast<unsigned char>(m.words[0]));
    m.negated = true;
    m.negation_kind = "past";
    m.negation = (english ? "… " : "…") + r->words;
    m.negation_side = 1;
  }
}
}  // namespace

void SetResidences(const Model& model, Understanding* u) {
  const int in_city = model.FindFact("in-niigata-city");
  using R = Person::Residence;
  const std::vector<int> sentence = Sentences(*u);
  MarkPlacesLeft(model, sentence, u);
  int outside_sentence = -1;  // the sentence that put the person of concern outside the city
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
    // Inside the city wins in the sentence that put the person outside it
    // (市外で働いていたが…西区の実家に戻り), not a place said elsewhere
    // ("A friend in Niigata gave us your name").
    if (household && u->concern >= 0 &&
        (u->persons[u->concern].residence == R::kUnknown ||
         (m.fact == in_city && sentence[m.clause] == outside_sentence))) {
      if (m.fact == in_city) {
        u->persons[u->concern].residence = R::kNiigataCity;
      } else {
        u->persons[u->concern].residence = R::kOutside;
        outside_sentence = sentence[m.clause];
      }
    }
    int p = m.person;
    if (p < 0) continue;
    // Inside the city wins over a place outside it: 東京都北区 is rare,
    // "長岡市から西区に越した" is not, and keeping a city service is the
    // safe mistake.
    if (m.fact == in_city) {
      u->persons[p].residence = R::kNiigataCity;
    } else if (u->persons[p].residence == R::kUnknown) {
      u->persons[p].residence = R::kOutside;
      if (p == u->concern) outside_sentence = sentence[m.clause];
    }
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
      if (p.id != who && p.residence != R::kUnknown &&
          (with < 0 || p.caller || (p.role == Subject::kParent && !u->persons[with].caller)))
        with = p.id;
    if (with >= 0) u->persons[who].residence = u->persons[with].residence;
  }
}

void BuildHousehold(const Model& model, const std::vector<NumberMention>& numbers, const std::vector<int>& clause_of,
                    const GivenAges* given, Understanding* u, std::vector<char>* covered) {
  MarkQuotedClauses(u);
  FindPersons(numbers, clause_of, u);
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
  static constexpr Label kLabels[] = {{"self", "相談者"},
                                      {"person", "本人"},
                                      {"son", "息子"},
                                      {"eldest-son", "長男"},
                                      {"second-son", "次男"},
                                      {"third-son", "三男"},
                                      {"daughter", "娘"},
                                      {"eldest-daughter", "長女"},
                                      {"second-daughter", "次女"},
                                      {"third-daughter", "三女"},
                                      {"child", "子"},
                                      {"grandchild", "孫"},
                                      {"man", "男性"},
                                      {"woman", "女性"},
                                      {"parent", "親"},
                                      {"parents", "両親"},
                                      {"mother", "母"},
                                      {"father", "父"},
                                      {"grandmother", "祖母"},
                                      {"grandfather", "祖父"},
                                      {"elder-brother", "兄"},
                                      {"younger-brother", "弟"},
                                      {"elder-sister", "姉"},
                                      {"younger-sister", "妹"},
                                      {"brother", "兄弟"},
                                      {"sister", "姉妹"},
                                      {"sibling", "きょうだい"},
                                      {"wife", "妻"},
                                      {"husband", "夫"},
                                      {"spouse", "配偶者"},
                                      {"uncle", "おじ"},
                                      {"aunt", "おば"},
                                      {"nephew", "甥"},
                                      {"niece", "姪"},
                                      {"relative", "親族"},
                                      {"neighbour", "近所の人"},
                                      {"unknown", "不明"}};
  if (lang == Lang::kJa)
    for (const Label& l : kLabels)
      if (relation == l.key) return l.ja;
  if (relation == "self") return "caller";
  std::string en = relation;
  std::replace(en.begin(), en.end(), '-', ' ');
  return en;
}

const char* BecauseId(Because because) {
  switch (because) {
    case Because::kNone: return "none";
    case Because::kOwnPhrase: return "own-phrase";
    case Because::kMarked: return "marked";
    case Because::kNearest: return "nearest";
    case Because::kTopic: return "topic";
    case Because::kQuote: return "quote";
    case Because::kPronoun: return "pronoun";
    case Because::kPlace: return "place";
    case Because::kAtRisk: return "at-risk";
    case Because::kDefault: return "default";
    case Because::kTight: return "tight";
    case Because::kGenerations: return "generations";
    case Because::kGiven: return "given";
    case Because::kRelative: return "relative";
  }
  return "none";
}

const char* ResidenceId(Person::Residence residence) {
  switch (residence) {
    case Person::Residence::kNiigataCity: return "niigata-city";
    case Person::Residence::kOutside: return "outside";
    default: return nullptr;
  }
}
