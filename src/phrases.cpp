// Step "facts": the lexicon's phrases in a case's reading. See phrases.h.
#include "phrases.h"

#include <algorithm>
#include <cstring>

#include "reading.h"
#include "utf8.h"

namespace {

// English negations before the phrase ("no disability", "not in debt").
constexpr std::string_view kEnNegations[] = {"no", "not", "without", "never", "none", "nor", "neither", "cannot",
                                             "deny", "denies", "denied"};
// English words that end a negation's reach ("not violent and has a
// disability"). Not "or": "doesn't hit anyone or break things" denies both.
constexpr std::string_view kEnScopeEnds[] = {"and", "but", "so", "because", "although", "though"};

bool IsEnNegation(std::string_view word) {
  for (std::string_view n : kEnNegations)
    if (word == n) return true;
  return word.size() > 3 && word.substr(word.size() - 3) == "n't";
}

// English negation among the five words before `at`: returns its start.
// Walks back word by word (no list of the clause's words is built).
bool EnglishNegationBefore(std::string_view text, size_t clause_begin, size_t at, size_t* neg_begin) {
  auto is_word_byte = [&](size_t i) { return IsAsciiLowerOrDigit(static_cast<unsigned char>(text[i])) || text[i] == '\''; };
  size_t end = at;
  for (int looked = 0; looked < 5; ++looked) {
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

// A particle that ties the phrase to what follows ("から", "に", "は"),
// where a mention's words stop; て/で (and so on) do not.
bool EndsWords(const Token& t) {
  return t.pos == Token::kParticle && t.pos_name != "助詞,接続助詞";
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

void FindPhrases(const Model& model, const Lexicon& lexicon, const Analyzer& analyzer, Understanding* u,
                 std::vector<char>* covered) {
  const std::string& match = u->text.match;
  const std::string& display = u->text.display;
  auto cover = [covered](size_t b, size_t e) { MarkCovered(covered, b, e); };
  // Working storage kept per thread from case to case (batch understands
  // every case on the same few threads): no allocation once warm.
  thread_local std::vector<Matcher::Hit> hits;
  thread_local std::string stream;
  thread_local std::vector<uint32_t> token_start;
  thread_local std::vector<size_t> clause_tokens;  // clause i's tokens: [clause_tokens[i], clause_tokens[i + 1])
  clause_tokens.assign(1, 0);
  for (const Clause& clause : u->clauses) {
    analyzer.Tokenize(display, clause.begin, clause.end, &u->tokens);
    clause_tokens.push_back(u->tokens.size());
  }
  for (size_t ci = 0; ci < u->clauses.size(); ++ci) {
    const Clause& clause = u->clauses[ci];
    const int c = static_cast<int>(ci);
    const size_t first = clause_tokens[ci], last = clause_tokens[ci + 1];
    // A quotation is a clause of its own, but what is said of it follows
    // the closing bracket: 「死にたい」と言ったことはない.
    const bool quoted = ci + 1 < u->clauses.size() && display.compare(clause.end, 3, "」") == 0;
    const size_t read_to = quoted ? clause_tokens[ci + 2] : last;
    stream.clear();
    token_start.assign(last + 1, 0);
    AppendStream(u->tokens, first, last, &stream, &token_start);
    token_start[last] = static_cast<uint32_t>(stream.size());
    lexicon.Find(stream, &hits);
    for (const Matcher::Hit& hit : hits) {
      size_t from = 0, to = 0;
      HitTokens(hit, first, last, token_start, u->tokens, &from, &to);
      if (from >= to) continue;
      const Token& head = u->tokens[from];
      const Token& tail = u->tokens[to - 1];
      const size_t begin = head.begin, end = tail.end;
      cover(begin, end);
      const bool english = head.pos == Token::kWord || (head.pos == Token::kNumber && tail.pos == Token::kWord);
      Polarity polarity;
      size_t neg_begin = 0;
      if (english) {
        polarity.negations = EnglishNegationBefore(match, clause.begin, begin, &neg_begin) ? 1 : 0;
      } else {
        polarity = ReadPolarity(display, u->tokens, to, read_to, tail.lemma);
      }
      for (const PhraseMeaning meaning : lexicon.MeaningsOf(hit)) {
        if (meaning.is_subject) {
          u->subjects.push_back({meaning.subject, c, begin, end, display.substr(begin, end - begin)});
          continue;
        }
        // A phrase that says its fact negated ("家から出ない") holds when
        // the text negates it too, and says nothing otherwise.
        // A hedge keeps a denied fact as a worry ("しないと思う"); a phrase
        // that is itself a negation stays one ("見かけないと心配").
        bool negated = polarity.negated();
        if (meaning.negative) {
          // A phrase that is a negation ("面倒を見ない") says nothing of
          // "cannot" (見られない): the potential changes what is denied.
          if (polarity.negations % 2 == 0 || polarity.through_passive) continue;
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
          // it is the negation of a negated mention; else its verb endings
          // are part of its words ("取り上げた"), up to a particle that
          // begins what follows ("市外から転入").
          const size_t stop = u->tokens[polarity.end - 1].end;
          if (negated) {
            m.negation = display.substr(end, stop - end);
          } else {
            size_t k = to;
            while (k < polarity.end && !EndsWords(u->tokens[k])) ++k;
            if (k > to) {
              m.end = u->tokens[k - 1].end;
              m.words = display.substr(begin, m.end - begin);
            }
          }
          cover(end, stop);
        }
        m.negated = negated;
        u->mentions.push_back(std::move(m));
      }
    }
  }

}
