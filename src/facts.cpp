#include "facts.h"

#include <algorithm>
#include <cassert>
#include <cstring>
#include <tuple>
#include <unordered_set>

#include "numbers.h"
#include "reading.h"
#include "utf8.h"

namespace {

// English negations before the phrase ("no disability", "not in debt").
constexpr std::string_view kEnNegations[] = {"no", "not", "without", "never", "none", "nor", "neither", "cannot",
                                             "deny", "denies", "denied"};
// English words that end a negation's reach ("not violent and has a disability").
constexpr std::string_view kEnScopeEnds[] = {"and", "or", "but", "so", "because", "although", "though"};

// English words that carry no case information: never "unrecognised".
constexpr std::string_view kEnStopwords[] = {
    "a", "an", "the", "and", "or", "but", "so", "of", "in", "on", "at", "to", "for", "from", "with",
    "by", "about", "as", "is", "are", "was", "were", "be", "been", "being", "am", "has", "have",
    "had", "do", "does", "did", "he", "she", "it", "they", "we", "i", "you", "his", "her", "their",
    "our", "my", "your", "its", "him", "them", "me", "us", "this", "that", "these", "those", "there",
    "here", "who", "which", "what", "when", "where", "how", "why", "very", "also", "too", "still",
    "just", "only", "now", "then", "some", "any", "all", "much", "many", "more", "most", "can",
    "could", "would", "should", "will", "may", "might", "must", "not", "no", "yes", "since", "than",
    "into", "out", "up", "down", "over", "under", "again", "because", "if", "while", "s", "t",
    "years", "year", "old", "months", "month", "aged", "age", "lately", "recently", "really",
    "please", "help", "case", "wants", "want", "need", "needs", "get", "got", "living", "lives",
    "live", "home", "house", "time", "day", "days", "mr", "mrs", "ms", "someone", "anyone"};
// Japanese words that carry no case information: never "unrecognised".
constexpr std::string_view kJaStopwords[] = {"言っている", "言っています", "言って", "言う", "言います", "言った",
                                    "言われ", "思う", "思います", "思って", "思っている", "心配", "心配です",
                                    "相談", "相談したい", "様子", "状態", "最近", "今", "自分", "こと", "もの",
                                    "ため", "家", "方", "人", "話", "聞いて", "感じ", "状況", "場合", "知りたい",
                                    "教えて", "教えてほしい", "どうしたら", "どこに", "いい", "ことを知りたい",
                                    "ことが知りたい", "心配だ", "心配している", "心配しています"};
// Japanese particles trimmed from the edges of an unrecognised piece.
constexpr std::string_view kJaParticles[] = {"について", "として", "から", "まで", "より", "など", "って", "の", "が", "は", "を",
                                    "に", "で", "と", "も", "へ", "や", "か", "ね", "よ", "て"};

// Called for every word list at every hit, so it rejects on one byte before
// comparing the rest: the third byte, as kana share their first two.
inline bool StartsWith(std::string_view text, size_t at, std::string_view word) {
  if (at > text.size() || text.size() - at < word.size()) return false;
  const char* p = text.data() + at;
  if (word.size() >= 3 ? p[2] != word[2] : (!word.empty() && p[0] != word[0])) return false;
  return std::memcmp(p, word.data(), word.size()) == 0;
}

bool IsAsciiAlnum(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

bool IsHiragana(int32_t cp) { return cp >= 0x3041 && cp <= 0x309F; }
bool IsJapaneseContent(int32_t cp) {
  return (cp >= 0x30A0 && cp <= 0x30FF) || (cp >= 0x4E00 && cp <= 0x9FFF) || cp == 0x3005 ||
         (cp >= 0x3400 && cp <= 0x4DBF);
}

bool IsEnNegation(std::string_view word) {
  for (std::string_view n : kEnNegations)
    if (word == n) return true;
  return word.size() > 3 && word.substr(word.size() - 3) == "n't";
}

// English negation among the three words before `at`: returns its start.
// Walks back word by word (no list of the clause's words is built).
bool EnglishNegationBefore(std::string_view text, size_t clause_begin, size_t at, size_t* neg_begin) {
  auto is_word_byte = [&](size_t i) { return IsAsciiAlnum(static_cast<unsigned char>(text[i])) || text[i] == '\''; };
  size_t end = at;
  for (int looked = 0; looked < 3; ++looked) {
    while (end > clause_begin && !is_word_byte(end - 1)) --end;
    if (end == clause_begin) return false;
    size_t start = end;
    while (start > clause_begin && is_word_byte(start - 1)) --start;
    std::string_view w = text.substr(start, end - start);
    for (std::string_view scope_end : kEnScopeEnds)
      if (w == scope_end) return false;
    if (IsEnNegation(w)) {
      *neg_begin = start;
      return true;
    }
    end = start;
  }
  return false;
}

// The subject for a mention at [begin, end) in clause: the nearest subject
// word before it, else the nearest after it; -1 when the clause has none.
int NearestSubject(const std::vector<SubjectMention>& subjects, int clause, size_t begin, size_t end) {
  int before = -1, after = -1;
  for (size_t i = 0; i < subjects.size(); ++i) {
    const SubjectMention& s = subjects[i];
    if (s.clause != clause) continue;
    if (s.end <= begin) before = static_cast<int>(i);
    else if (s.begin >= end && after < 0) after = static_cast<int>(i);
  }
  return before >= 0 ? before : after;
}

// Bytes between a number and a subject word that still tie them together
// ("son 52", "母は78歳", "母親(82)", "mother is 76").
bool IsTightGap(std::string_view gap) {
  static constexpr std::string_view kGaps[] = {"", " ", "は", "が", "の", "(", " (", " is ", " is", ", ", "'s ", "’s ",
                                      "さん", "さんは", " aged ", " age "};
  for (std::string_view g : kGaps)
    if (gap == g) return true;
  return false;
}

inline bool EndsWith(std::string_view text, std::string_view word) {
  return text.size() >= word.size() && StartsWith(text, text.size() - word.size(), word);
}

// False when no particle can start or end piece: its first and last
// characters are not one a particle starts or ends with. Most pieces begin
// or end with a kanji, and then the list of particles is not walked.
bool ParticleMayEdge(std::string_view piece) {
  // Particles are hiragana (E3 81 xx, E3 82 xx): a character is told apart
  // by its last two bytes once the first is E3.
  struct Edges {
    bool first[64 * 64] = {}, last[64 * 64] = {};
    static size_t Key(const char* p) {
      return (static_cast<unsigned char>(p[1]) & 0x3F) * 64 + (static_cast<unsigned char>(p[2]) & 0x3F);
    }
    Edges() {
      for (std::string_view p : kJaParticles) {
        first[Key(p.data())] = true;
        last[Key(p.data() + p.size() - 3)] = true;
      }
    }
  };
  static const Edges edges;
  if (piece.size() < 3) return true;  // not a hiragana piece: let the list decide
  const char* head = piece.data();
  const char* tail = piece.data() + piece.size() - 3;
  return (head[0] == '\xE3' && edges.first[Edges::Key(head)]) || (tail[0] == '\xE3' && edges.last[Edges::Key(tail)]);
}

void AddUnrecognized(const std::string& display, size_t begin, size_t end, bool keep_kana,
                     std::vector<std::string>* out) {
  auto add = [out](std::string_view piece) {
    if (std::find(out->begin(), out->end(), piece) == out->end()) out->emplace_back(piece);
  };
  // A Japanese piece is a run of kana and kanji: [piece_begin, piece_end).
  size_t piece_begin = begin, piece_end = begin;
  auto flush_japanese = [&]() {
    std::string_view piece(display.data() + piece_begin, piece_end - piece_begin);
    // Trim particles at both edges; keep the piece when content remains.
    bool trimmed = true;
    while (trimmed && !piece.empty() && ParticleMayEdge(piece)) {
      trimmed = false;
      for (std::string_view p : kJaParticles) {
        if (StartsWith(piece, 0, p)) {
          piece.remove_prefix(p.size());
          trimmed = true;
        } else if (EndsWith(piece, p)) {
          piece.remove_suffix(p.size());
          trimmed = true;
        }
      }
    }
    if (piece.empty()) return;
    bool content = keep_kana && piece.size() >= 6;  // two kana or more
    for (size_t i = 0; i < piece.size() && !content;) content = IsJapaneseContent(DecodeUtf8(piece, &i));
    for (std::string_view stop : kJaStopwords) content = content && piece != stop;
    if (content) add(piece);
  };
  for (size_t i = begin; i < end;) {
    unsigned char c = static_cast<unsigned char>(display[i]);
    if (c < 0x80) {
      flush_japanese();
      if (IsAsciiAlnum(c)) {
        size_t s = i;
        while (i < end && (IsAsciiAlnum(static_cast<unsigned char>(display[i])) || display[i] == '\'')) ++i;
        std::string_view word(display.data() + s, i - s);
        static const std::unordered_set<std::string_view> stopwords(std::begin(kEnStopwords), std::end(kEnStopwords));
        bool number = std::all_of(word.begin(), word.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
        if (!number && stopwords.count(word) == 0) add(word);
      } else {
        ++i;
      }
      piece_begin = piece_end = i;
      continue;
    }
    int32_t cp = DecodeUtf8(display, &i);
    if (IsHiragana(cp) || IsJapaneseContent(cp) || cp == 0x30FC) {
      piece_end = i;  // pieces are contiguous: the run grows
    } else {
      flush_japanese();  // symbols and other scripts separate pieces
      piece_begin = piece_end = i;
    }
  }
  flush_japanese();
}


// The tokens a stream match covers: [*from, *to) of tokens[first, last).
void HitTokens(const Matcher::Hit& hit, size_t first, size_t last, const std::vector<uint32_t>& token_start,
               const std::vector<Token>& tokens, size_t* from, size_t* to) {
  size_t i = first;
  while (i < last && (token_start[i] < hit.begin || IsFiller(tokens[i]) || tokens[i].pos == Token::kSymbol)) ++i;
  size_t j = i;
  while (j < last && token_start[j] < hit.end) ++j;
  *from = i;
  *to = j;
}

// A fact some alert asks for: a hypothetical or a death told must not
// raise it ("死ぬ前に", "夫が亡くなり"). Few alerts and few danger facts.
bool RaisesAlert(const Model& model, int fact) {
  if (model.facts[fact].area != "crisis") return false;
  for (const AlertRule& a : model.alerts)
    for (const auto* refs : {&a.when.all, &a.when.any})
      for (const FactRef& r : *refs)
        if (r.fact == fact) return true;
  return false;
}

}  // namespace

std::string MentionWords(const FactMention& m) {
  if (!m.negated) return m.words;
  if (!m.words.empty() && IsAsciiAlnum(static_cast<unsigned char>(m.words[0])))
    return m.negation + " " + m.words;
  return m.words + m.negation;
}

void Understanding::Clear() {
  input.clear();
  text.display.clear();
  text.match.clear();
  clauses.clear();
  tokens.clear();
  subjects.clear();
  mentions.clear();
  ages.clear();
  durations.clear();
  ignored_numbers.clear();
  unrecognized.clear();
  for (AgeRange& r : age_of) r = AgeRange();
}

bool Understanding::Has(int fact, bool any_subject, Subject subject) const {
  for (const FactMention& m : mentions)
    if (m.fact == fact && !m.negated && (any_subject || m.subject == subject)) return true;
  return false;
}

Status Understand(const Model& model, const Lexicon& lexicon, std::string_view input,
                  Understanding* out, const GivenAges* given) {
  out->Clear();
  if (input.size() > kMaxQueryBytes)
    return Status::Input("the text is " + std::to_string(input.size()) + " bytes; the limit is " +
                         std::to_string(kMaxQueryBytes) + " bytes per case");
  Status s = Normalize(input, &out->text);
  if (!s.ok()) return s;
  out->input.assign(input);
  const std::string& match = out->text.match;
  const std::string& display = out->text.display;
  SplitClauses(match, &out->clauses);
  // Working storage, kept per thread from case to case (batch understands
  // every case on the same few threads): no allocation once warm.
  thread_local std::vector<char> covered;  // char: vector<bool> is slow here
  thread_local std::vector<NumberMention> numbers;
  thread_local std::vector<int> number_clause;
  thread_local std::vector<Matcher::Hit> hits;
  covered.assign(match.size(), 0);
  numbers.clear();
  number_clause.clear();
  auto cover = [&](size_t b, size_t e) {
    e = std::min(e, covered.size());
    if (b < e) std::memset(covered.data() + b, 1, e - b);
  };

  const Analyzer* analyzer = nullptr;
  s = Analyzer::Get(&analyzer);
  if (!s.ok()) return s;
  thread_local std::string stream;
  thread_local std::vector<uint32_t> token_start;
  for (size_t ci = 0; ci < out->clauses.size(); ++ci) {
    const Clause& clause = out->clauses[ci];
    const int c = static_cast<int>(ci);
    const size_t first = out->tokens.size();
    analyzer->Tokenize(display, clause.begin, clause.end, &out->tokens);
    const size_t last = out->tokens.size();
    stream.clear();
    token_start.assign(last + 1, 0);
    AppendStream(out->tokens, first, last, &stream, &token_start);
    token_start[last] = static_cast<uint32_t>(stream.size());
    lexicon.Find(stream, &hits);
    for (const Matcher::Hit& hit : hits) {
      size_t from = 0, to = 0;
      HitTokens(hit, first, last, token_start, out->tokens, &from, &to);
      if (from >= to) continue;
      const Token& head = out->tokens[from];
      const Token& tail = out->tokens[to - 1];
      const size_t begin = head.begin, end = tail.end;
      cover(begin, end);
      const bool english = head.pos == Token::kWord || (head.pos == Token::kNumber && tail.pos == Token::kWord);
      Polarity polarity;
      size_t neg_begin = 0;
      if (english) {
        polarity.negations = EnglishNegationBefore(match, clause.begin, begin, &neg_begin) ? 1 : 0;
      } else {
        polarity = ReadPolarity(display, out->tokens, to, last, tail.lemma);
      }
      for (const PhraseMeaning meaning : lexicon.MeaningsOf(hit)) {
        if (meaning.is_subject) {
          out->subjects.push_back({meaning.subject, c, begin, end, display.substr(begin, end - begin)});
          continue;
        }
        // A phrase that says its fact negated ("家から出ない") holds when
        // the text negates it too, and says nothing otherwise.
        // A hedge keeps a denied fact as a worry ("しないと思う"); a phrase
        // that is itself a negation stays one ("見かけないと心配").
        bool negated = polarity.negated();
        if (meaning.negative) {
          if (polarity.negations % 2 == 0) continue;
          negated = false;
        }
        FactMention m;
        m.fact = meaning.fact;
        m.clause = c;
        m.begin = begin;
        m.end = end;
        m.first_token = static_cast<int>(from);
        m.last_token = static_cast<int>(to);
        m.words = display.substr(begin, end - begin);
        m.phrase = lexicon.Phrase(hit) + (meaning.negative ? " (-)" : "");
        m.has_own_subject = lexicon.OwnSubject(hit, &m.subject);
        const bool danger = RaisesAlert(model, m.fact);
        if (danger && !negated && (polarity.hypothetical || polarity.died)) {
          negated = true;
          m.negation_kind = polarity.died ? "died" : "hypothetical";
        }
        if (negated && english) {
          m.negation = display.substr(neg_begin, begin - neg_begin);
          while (!m.negation.empty() && m.negation.back() == ' ') m.negation.pop_back();
          cover(neg_begin, begin);
        }
        if (!english && polarity.end > to) {
          // The grammar read after the phrase is understood, used or not:
          // it is the negation of a negated mention, else part of its words.
          const size_t stop = out->tokens[polarity.end - 1].end;
          if (negated) {
            m.negation = display.substr(end, stop - end);
          } else {
            m.end = stop;
            m.words = display.substr(begin, stop - begin);
          }
          cover(end, stop);
        }
        m.negated = negated;
        out->mentions.push_back(std::move(m));
      }
    }
    FindNumbers(match, clause.begin, clause.end, &numbers);
    number_clause.resize(numbers.size(), c);
  }

  // A subject word inside a fact's own phrase ("高齢の親", "elderly parent")
  // decides its subject; otherwise the nearest subject word in the clause.
  for (FactMention& m : out->mentions) {
    if (m.has_own_subject) continue;
    int near = NearestSubject(out->subjects, m.clause, m.begin, m.end);
    m.subject = near >= 0 ? out->subjects[near].subject : model.facts[m.fact].subject;
    m.subject_word = near;
  }
  // Ages: attach each to the nearest subject word in its clause.
  for (size_t i = 0; i < numbers.size(); ++i) {
    const NumberMention& n = numbers[i];
    const int c = number_clause[i];
    std::string words = display.substr(n.begin, n.end - n.begin);
    if (n.kind == NumberMention::kGenerations) {
      out->ages.push_back({Subject::kParent, n.age, c, words, n.begin, n.end});
      out->ages.push_back({Subject::kPerson, n.child_age, c, words, n.begin, n.end});
      cover(n.begin, n.end);
      continue;
    }
    if (n.kind == NumberMention::kDuration) {
      cover(n.begin, n.end);  // understood as a duration, used or not
      out->durations.push_back({n.months, c, std::move(words)});
      continue;
    }
    // Nearest subject word by gap, either side.
    int best = -1;
    size_t best_gap = std::string::npos;
    for (size_t si = 0; si < out->subjects.size(); ++si) {
      const SubjectMention& sm = out->subjects[si];
      if (sm.clause != c) continue;
      size_t gap = sm.end <= n.begin ? n.begin - sm.end : (sm.begin >= n.end ? sm.begin - n.end : 0);
      if (gap <= best_gap) {  // ties go to the later word: "80代の母" over "息子、80代"
        best_gap = gap;
        best = static_cast<int>(si);
      }
    }
    Subject subject = Subject::kPerson;
    if (n.after_pronoun) {
      // "He hits his mother. She's 74": the latest subject word before it.
      best = -1;
      for (size_t si = 0; si < out->subjects.size(); ++si)
        if (out->subjects[si].end <= n.begin) best = static_cast<int>(si);
      if (best >= 0) subject = out->subjects[best].subject;
    } else if (best >= 0) {
      subject = out->subjects[best].subject;
    } else {
      // No subject word: a fact in the clause about someone else decides.
      for (const FactMention& m : out->mentions)
        if (m.clause == c && m.origin == FactMention::kPhrase) {
          subject = m.subject;
          break;
        }
    }
    if (n.kind == NumberMention::kBare) {
      if (best < 0) {
        out->ignored_numbers.push_back(std::move(words));
        continue;
      }
      const SubjectMention& sm = out->subjects[best];
      size_t gb = sm.end <= n.begin ? sm.end : n.end;
      size_t ge = sm.end <= n.begin ? n.begin : sm.begin;
      if (!IsTightGap(std::string_view(match).substr(gb, ge - gb))) {
        out->ignored_numbers.push_back(std::move(words));
        continue;
      }
    }
    out->ages.push_back({subject, n.age, c, std::move(words), n.begin, n.end});
    cover(n.begin, n.end);
  }
  // The person of concern (本人) is usually a son or daughter. When the
  // text names no one as such, a brother or sister who is withdrawn or out
  // of work, or whose age is given ("50歳の兄が仕事を探したい": callers
  // seldom state their own age), is the person.
  bool names_person = false;
  for (const SubjectMention& sm : out->subjects) names_person = names_person || sm.subject == Subject::kPerson;
  bool family_is_person = false;
  for (const FactMention& m : out->mentions) {
    const std::string& area = model.facts[m.fact].area;
    family_is_person = family_is_person || (m.subject == Subject::kFamily && (area == "withdrawal" || area == "work"));
  }
  for (const AgeMention& a : out->ages) family_is_person = family_is_person || a.subject == Subject::kFamily;
  if (family_is_person && !names_person) {
    for (SubjectMention& sm : out->subjects)
      if (sm.subject == Subject::kFamily) sm.subject = Subject::kPerson;
    for (FactMention& m : out->mentions)
      if (m.subject == Subject::kFamily) m.subject = Subject::kPerson;
    for (AgeMention& a : out->ages)
      if (a.subject == Subject::kFamily) a.subject = Subject::kPerson;
  }

  if (given) {
    for (auto [age, subject, column] : {std::tuple{given->person, Subject::kPerson, "age"},
                                        std::tuple{given->parent, Subject::kParent, "parent_age"}}) {
      if (age < 0) continue;
      AgeRange r;
      r.lo = r.hi = age;
      out->ages.push_back({subject, r, 0, std::string(column) + "=" + std::to_string(age)});
    }
  }
  for (const AgeMention& a : out->ages) {
    AgeRange& r = out->age_of[static_cast<int>(a.subject)];
    if (!r.known()) {
      r = a.range;
    } else {
      r.lo = std::min(r.lo, a.range.lo);
      r.hi = std::max(r.hi, a.range.hi);
    }
  }

  // Facts implied by ages ("80代の母" → elderly parent).
  for (size_t f = 0; f < model.facts.size(); ++f) {
    const FactDef& def = model.facts[f];
    if (!def.from_age) continue;
    AgeRange r = out->AgeOf(def.age_subject);
    if (!r.known() || (def.age_min >= 0 && r.lo < def.age_min) || (def.age_max >= 0 && r.hi > def.age_max))
      continue;
    FactMention m;
    m.fact = static_cast<int>(f);
    m.subject = def.age_subject;
    m.origin = FactMention::kAge;
    for (const AgeMention& a : out->ages) {
      if (a.subject != def.age_subject) continue;
      if (!m.words.empty()) m.words += " ";
      m.words += a.words;
      m.clause = a.clause;
    }
    out->mentions.push_back(std::move(m));
  }

  // Facts implied by durations ("10年ひきこもっている" → long withdrawal):
  // the duration must sit in a clause that states a fact of the same area,
  // or in a clause of its own ("ひきこもり、10年以上").
  for (size_t i = 0; i < numbers.size(); ++i) {
    const NumberMention& n = numbers[i];
    if (n.kind != NumberMention::kDuration) continue;
    const int c = number_clause[i];
    bool clause_has_facts = false;
    for (const FactMention& m : out->mentions) clause_has_facts = clause_has_facts || m.clause == c;
    for (size_t f = 0; f < model.facts.size(); ++f) {
      const FactDef& def = model.facts[f];
      if (def.from_duration_months < 0 || n.months < def.from_duration_months) continue;
      bool related = false;
      for (const FactMention& m : out->mentions)
        if (!m.negated && m.fact != static_cast<int>(f) && model.facts[m.fact].area == def.area &&
            (m.clause == c || !clause_has_facts))
          related = true;
      if (!related) continue;
      FactMention m;
      m.fact = static_cast<int>(f);
      m.subject = def.subject;
      m.clause = c;
      m.begin = n.begin;
      m.end = n.end;
      m.origin = FactMention::kDuration;
      m.words = display.substr(n.begin, n.end - n.begin);
      out->mentions.push_back(std::move(m));
      cover(n.begin, n.end);
    }
  }

  // What is left uncovered, clause by clause, is what we did not understand.
  // A clause with nothing understood at all is reported whole, kana
  // included ("ほげほげ"): there the kana are not just grammar.
  // (memchr finds the edges of the covered runs: covered is 0 or 1.)
  const char* cov = covered.data();
  auto next = [cov](char value, size_t from, size_t to) {
    const void* at = from < to ? std::memchr(cov + from, value, to - from) : nullptr;
    return at ? static_cast<size_t>(static_cast<const char*>(at) - cov) : to;
  };
  for (const Clause& clause : out->clauses) {
    const bool any_covered = next(1, clause.begin, clause.end) < clause.end;
    size_t i = clause.begin;
    while (i < clause.end) {
      i = next(0, i, clause.end);
      size_t s = i;
      i = next(1, i, clause.end);
      if (i > s) AddUnrecognized(display, s, i, !any_covered, &out->unrecognized);
    }
  }
  return Status::Ok();
}
