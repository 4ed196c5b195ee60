#include "partner_violence.h"

#include <algorithm>
#include <string_view>
#include <utility>
#include <vector>

#include "reading.h"

namespace {

bool IsPartnerRelation(const std::string& relation) {
  return relation == "husband" || relation == "wife" || relation == "spouse";
}

// The subject word names a husband, wife or spouse: the relation the
// household gives it (RelationOf, household.h), for Japanese and English
// words alike, so a partner word added there counts in both.
bool NamesPartner(const Understanding& u, const SubjectMention& s) {
  return s.person >= 0 && IsPartnerRelation(u.persons[static_cast<size_t>(s.person)].relation);
}

// The subject word names the other parent of the one mention m is about:
// "母は父に殴られている", "Mum is hit by Dad" (the parents of the one of
// concern are a couple).
bool NamesOtherParent(const Understanding& u, const SubjectMention& s, const FactMention& m) {
  if (s.person < 0 || m.person < 0 || s.person == m.person) return false;
  const std::string& agent = u.persons[static_cast<size_t>(s.person)].relation;
  const std::string& hurt = u.persons[static_cast<size_t>(m.person)].relation;
  return (agent == "father" && hurt == "mother") || (agent == "mother" && hurt == "father");
}

bool StartsWith(std::string_view text, size_t at, std::string_view prefix) {
  return text.compare(at, prefix.size(), prefix) == 0;
}

// Japanese: the agent marker right after a word ("夫に", "妻から"); its
// length, or 0.
size_t AgentMarker(std::string_view text, size_t after) {
  if (StartsWith(text, after, "に")) return std::string_view("に").size();
  if (StartsWith(text, after, "から")) return std::string_view("から").size();
  return 0;
}

// Clause c ends in a passive left open for the next verb ("怒鳴られ、",
// "殴られて、", "蹴られたり、"): its agent is the next clause's too.
bool EndsInOpenPassive(const Understanding& u, int c) {
  const Clause& clause = u.clauses[static_cast<size_t>(c)];
  const std::string_view text = std::string_view(u.text.match).substr(clause.begin, clause.end - clause.begin);
  for (std::string_view end : {"られ", "され", "られて", "されて", "られたり", "されたり"})
    if (text.size() >= end.size() && text.compare(text.size() - end.size(), end.size(), end) == 0) return true;
  return false;
}

// The subject words and partner mentions of a case marked as an agent (に
// or から after them), by clause: where the Japanese agent of a violence
// received may be named (found once a case, so that each mention reads
// only the clauses before it that can hold its agent, and only the words
// that can be one: none in English).
struct WordsByClause {
  std::vector<std::vector<int>> subjects, partners;  // indices into u.subjects, u.mentions
  WordsByClause(const Understanding& u, int partner) : subjects(u.clauses.size()), partners(u.clauses.size()) {
    const std::string_view text = u.text.match;
    for (size_t i = 0; i < u.subjects.size(); ++i) {
      const SubjectMention& s = u.subjects[i];
      if (s.clause >= 0 && static_cast<size_t>(s.clause) < u.clauses.size() && AgentMarker(text, s.end) > 0)
        subjects[static_cast<size_t>(s.clause)].push_back(static_cast<int>(i));
    }
    for (size_t i = 0; partner >= 0 && i < u.mentions.size(); ++i) {
      const FactMention& p = u.mentions[i];
      if (p.fact == partner && !p.negated && p.clause >= 0 && static_cast<size_t>(p.clause) < u.clauses.size() &&
          AgentMarker(text, p.end) > 0)
        partners[static_cast<size_t>(p.clause)].push_back(static_cast<int>(i));
    }
  }
};

// Some subject word of mention m's clause, before m, is marked as an agent
// ("夫に怒鳴られ、息子に殴られた": 息子 hits).
bool HasOwnAgent(const Understanding& u, const WordsByClause& w, const FactMention& m) {
  for (int si : w.subjects[static_cast<size_t>(m.clause)])
    if (u.subjects[static_cast<size_t>(si)].end <= m.begin) return true;
  return false;
}

// Where the Japanese agent of mention m is named, or npos: a partner word
// (or the other parent, "母は父に殴られ") or a partner mention marked に or
// から, in m's clause before it, or ending the clause just before ("夫に、
// 毎晩のように殴られ": the comma splits the clause), or in an earlier
// clause whose passives run on into m's ("ご主人から毎日のように怒鳴られ、
// 叩かれる") when m's clause names no agent of its own. The last such
// subject word, else; a partner mention wins over it.
size_t JapaneseAgent(const Understanding& u, const WordsByClause& w, const FactMention& m) {
  const std::string_view text = u.text.match;
  size_t by_word = std::string_view::npos, by_mention = std::string_view::npos;
  bool run_on = true;  // clauses k .. m.clause - 1 all end in an open passive
  int own = -1;        // HasOwnAgent, asked once
  for (int k = m.clause; k >= 0; --k) {
    if (k < m.clause) run_on = run_on && EndsInOpenPassive(u, k);
    if (k < m.clause - 1 && !run_on) break;
    auto agent = [&](size_t end) {
      const size_t marker = AgentMarker(text, end);
      if (marker == 0) return false;
      if (k == m.clause) return end <= m.begin;
      if (k + 1 == m.clause && end + marker == u.clauses[static_cast<size_t>(k)].end) return true;
      if (!run_on) return false;
      if (own < 0) own = HasOwnAgent(u, w, m) ? 1 : 0;
      return own == 0;
    };
    for (int si : w.subjects[static_cast<size_t>(k)]) {
      const SubjectMention& s = u.subjects[static_cast<size_t>(si)];
      if ((NamesPartner(u, s) || NamesOtherParent(u, s, m)) && agent(s.end) &&
          (by_word == std::string_view::npos || s.begin > by_word))
        by_word = s.begin;
    }
    for (int pi : w.partners[static_cast<size_t>(k)]) {
      const FactMention& p = u.mentions[static_cast<size_t>(pi)];
      if (agent(p.end) && (by_mention == std::string_view::npos || p.begin > by_mention)) by_mention = p.begin;
    }
  }
  return by_mention != std::string_view::npos ? by_mention : by_word;
}

// English: a possessive right after a word ("husband's", "partner’s").
bool Possessive(std::string_view text, size_t after) {
  return StartsWith(text, after, "'s") || StartsWith(text, after, "’s");
}

// The subject words and partner mentions of a case by where they begin,
// in the order of u.subjects and u.mentions: an English agent is looked up
// at one place, not searched for among every word of the case for each
// violence received.
struct WordsAt {
  std::vector<std::pair<size_t, int>> subjects, partners;  // (begin, index)
  WordsAt(const Understanding& u, int partner) {
    for (size_t i = 0; i < u.subjects.size(); ++i) subjects.emplace_back(u.subjects[i].begin, static_cast<int>(i));
    for (size_t i = 0; partner >= 0 && i < u.mentions.size(); ++i)
      if (u.mentions[i].fact == partner) partners.emplace_back(u.mentions[i].begin, static_cast<int>(i));
    std::sort(subjects.begin(), subjects.end());
    std::sort(partners.begin(), partners.end());
  }
  // The indices of the words beginning at `at`, in order.
  static std::pair<std::vector<std::pair<size_t, int>>::const_iterator,
                   std::vector<std::pair<size_t, int>>::const_iterator>
  At(const std::vector<std::pair<size_t, int>>& words, size_t at) {
    return std::equal_range(words.begin(), words.end(), std::make_pair(at, 0),
                            [](const auto& a, const auto& b) { return a.first < b.first; });
  }
};

// English: "by my husband" / "by her boyfriend" at or after `at`, within
// the clause (a few spaces and one possessive between).
bool EnglishPartnerAgent(std::string_view text, size_t at, size_t end, const WordsAt& words, const Understanding& u,
                         const FactMention& m) {
  size_t i = at;
  auto skip_spaces = [&] {
    while (i < end && text[i] == ' ') ++i;
  };
  skip_spaces();
  // The mention may already end with "by" ("hit by"): look just before.
  const bool by_in_mention = at >= 2 && text.substr(at - 2, 2) == "by";
  if (!by_in_mention) {
    if (!StartsWith(text, i, "by ")) return false;
    i += 3;
    skip_spaces();
  }
  for (std::string_view own : {"my ", "her ", "his ", "our ", "the ", "their "})
    if (StartsWith(text, i, own)) {
      i += own.size();
      break;
    }
  // The words the Japanese side reads too: a subject word naming a
  // partner (husband, wife, spouse), or a word of the lexicon's fact
  // partner (boyfriend, ex-wife, ex-partner...). A possessive makes the
  // word whose, not who ("by my husband's brother"), as の does in 夫の弟.
  for (auto [it, stop] = WordsAt::At(words.subjects, i); it != stop; ++it) {
    const SubjectMention& s = u.subjects[static_cast<size_t>(it->second)];
    if (NamesPartner(u, s) || NamesOtherParent(u, s, m)) return !Possessive(text, s.end);
  }
  if (auto [it, stop] = WordsAt::At(words.partners, i); it != stop)
    return !Possessive(text, u.mentions[static_cast<size_t>(it->second)].end);
  // A bare "partner" is neither (it may be a business partner); after
  // "hit by my" it is the intimate one.
  return StartsWith(text, i, "partner") && !Possessive(text, i + std::string_view("partner").size());
}

// After the writer's word at `at`: を or に ("私を", "私に"), or の and a
// part of the body marked so ("私の顔を"): the writer is the one hurt, not
// someone of theirs ("私の母を"). Where the words after the marker begin,
// or npos.
size_t WriterHurt(std::string_view text, size_t at) {
  if (StartsWith(text, at, "を") || StartsWith(text, at, "に")) return at + std::string_view("を").size();
  if (!StartsWith(text, at, "の")) return std::string_view::npos;
  at += std::string_view("の").size();
  for (std::string_view part : {"顔", "頭", "腕", "足", "体", "身体", "腹", "お腹", "背中", "首", "髪", "胸", "手"})
    if (StartsWith(text, at, part)) {
      at += part.size();
      if (StartsWith(text, at, "を") || StartsWith(text, at, "に")) return at + std::string_view("を").size();
      return std::string_view::npos;
    }
  return std::string_view::npos;
}

// Clause c runs on into the next in one sentence: split at 、 or a comma,
// not at 。 ("妻が怒ると包丁を振り回し、私の腕を切った").
bool RunsOn(const Understanding& u, int c) {
  const size_t end = u.clauses[static_cast<size_t>(c)].end;
  return StartsWith(u.text.match, end, "、") || StartsWith(u.text.match, end, ",");
}

// A subject word that decides ActivePartnerAgainstWriter: one marked
// が/は (who acts), or the writer hurt (WriterHurt).
struct Decider {
  int subject;  // into u.subjects
  bool acts, writer_hurt;
};

// The deciders of a case, in text order. Listed once a case: the words
// between, 母を, 父に, decide nothing, and a long clause of many of them
// is not read again for each violence.
std::vector<Decider> Deciders(const Understanding& u) {
  const std::string_view text = u.text.match;
  std::vector<Decider> out;
  for (size_t i = 0; i < u.subjects.size(); ++i) {
    const SubjectMention& s = u.subjects[i];
    if (s.person < 0) continue;
    const bool acts = StartsWith(text, s.end, "が") || StartsWith(text, s.end, "は");
    const bool writer_hurt =
        u.persons[static_cast<size_t>(s.person)].caller && WriterHurt(text, s.end) != std::string_view::npos;
    if (acts || writer_hurt) out.push_back({static_cast<int>(i), acts, writer_hurt});
  }
  return out;
}

// Japanese, active: a partner word marked が/は, then the writer hurt
// (WriterHurt) in clause `clause` before `at` ("夫が私を殴る", "主人は私に
// 暴力を振るう", "夫が私の顔を殴る"); the partner in that clause or in an
// earlier one of its sentence, no one else marked が/は after it; where the
// partner word begins, or npos. The writer, not anyone: "夫が息子を殴る"
// is violence to the son. Read back from `at` over the deciders: the
// nearest writer hurt, then the partner before it.
size_t ActivePartnerAgainstWriter(const Understanding& u, const std::vector<Decider>& deciders, int clause, size_t at) {
  int first = clause;
  while (first > 0 && RunsOn(u, first - 1)) --first;
  auto k = std::upper_bound(deciders.begin(), deciders.end(), at, [&](size_t a, const Decider& d) {
    return a < u.subjects[static_cast<size_t>(d.subject)].begin;
  });
  bool hurt = false;  // the writer hurt is found; now the partner before it
  while (k != deciders.begin()) {
    const Decider& d = *--k;
    const SubjectMention& s = u.subjects[static_cast<size_t>(d.subject)];
    if (s.clause < first || (!hurt && s.clause < clause)) break;  // the writer is hurt in `clause`
    if (s.clause > clause || (s.clause == clause && s.end > at)) continue;
    if (d.acts && NamesPartner(u, s)) return hurt ? s.begin : std::string_view::npos;
    if (d.acts && !u.persons[static_cast<size_t>(s.person)].caller)
      return std::string_view::npos;  // someone else acts: "夫が帰ると息子が私を殴る"
    if (d.writer_hurt && s.clause == clause) hurt = true;
  }
  return std::string_view::npos;
}

// Adds the dv mention that violence mention m (of *u) makes: its words
// from the partner word (agent_begin) when there is one.
void AddDv(const Model& model, const FactMention& m, int dv, size_t agent_begin, Understanding* u) {
  FactMention d = m;  // a copy: m may be in u->mentions
  d.fact = dv;
  d.subject = model.facts[static_cast<size_t>(dv)].subject;
  d.person = -1;
  d.subject_word = -1;
  d.because = Because::kDefault;
  if (agent_begin != std::string_view::npos) {
    d.begin = agent_begin;
    d.words = std::string(u->text.display.substr(agent_begin, m.end - agent_begin));
  }
  d.phrase = m.phrase + " (by a partner)";
  u->mentions.push_back(std::move(d));
}

// A cut or stab of the writer's body by a partner ("妻が怒ると包丁を振り
// 回し、私の腕を切った"): no violence phrase says it, since 腕を切る alone
// is most often self-harm. Adds the dv mention unless negated or
// hypothetical ("私の腕を切ったことはない").
void AddWriterCut(const Model& model, int dv, int violence, const std::vector<Decider>& deciders, Understanding* u) {
  const std::string_view text = u->text.match;
  const std::vector<Token>& tokens = u->tokens;
  for (size_t k = 0; k < u->subjects.size(); ++k) {
    const SubjectMention& s = u->subjects[k];
    if (s.person < 0 || !u->persons[static_cast<size_t>(s.person)].caller) continue;
    const size_t verb = WriterHurt(text, s.end);
    if (verb == std::string_view::npos || !(StartsWith(text, verb, "切") || StartsWith(text, verb, "刺"))) continue;
    size_t t = 0;
    while (t < tokens.size() && tokens[t].begin < verb) ++t;
    if (t == tokens.size() || tokens[t].begin != verb || tokens[t].pos != Token::kVerb) continue;
    const std::string& lemma = tokens[t].lemma;
    if (lemma != "切る" && lemma != "刺す" && lemma != "切りつける" && lemma != "切り付ける") continue;
    const size_t clause_end = u->clauses[static_cast<size_t>(s.clause)].end;
    size_t last = t + 1;
    while (last < tokens.size() && tokens[last].begin < clause_end) ++last;
    const Polarity p = ReadPolarity(u->text.display, tokens, t + 1, last, lemma);
    if (p.negated() || p.hypothetical) continue;
    const size_t agent = ActivePartnerAgainstWriter(*u, deciders, s.clause, verb);
    if (agent == std::string_view::npos) continue;
    FactMention m;
    m.fact = violence;
    m.clause = s.clause;
    m.begin = s.begin;
    m.end = tokens[t].end;
    m.words = u->text.display.substr(m.begin, m.end - m.begin);
    m.phrase = lemma;
    m.first_token = static_cast<int>(t);
    m.last_token = static_cast<int>(t + 1);
    AddDv(model, m, dv, agent, u);
  }
}

}  // namespace

void AddPartnerViolence(const Model& model, Understanding* u) {
  const int dv = model.FindFact("dv"), received = model.FindFact("violence-received");
  const int partner = model.FindFact("partner"), violence = model.FindFact("violence");
  const int threat = model.FindFact("threat"), psych = model.FindFact("psych-abuse");
  if (dv < 0 || received < 0) return;
  const std::string_view text = u->text.match;
  const size_t count = u->mentions.size();  // the ones added below are not read again
  const WordsByClause words(*u, partner);
  const WordsAt words_at(*u, partner);
  const std::vector<Decider> deciders = Deciders(*u);
  for (size_t k = 0; k < count; ++k) {
    const FactMention& m = u->mentions[k];
    if (m.negated || m.origin != FactMention::kPhrase) continue;
    if (m.fact == violence) {
      // Done by a partner to the writer.
      const size_t agent_begin = ActivePartnerAgainstWriter(*u, deciders, m.clause, m.begin);
      if (agent_begin != std::string_view::npos) AddDv(model, m, dv, agent_begin, u);
      continue;
    }
    // A threat or abuse in words suffered ("妻に包丁を向けられた", "夫に毎日
    // 怒鳴られ", "shouted at by my husband") reads as a violence received.
    const bool suffered = (m.fact == threat || m.fact == psych) &&
                          ((m.last_token >= 0 && static_cast<size_t>(m.last_token) < u->tokens.size() &&
                            IsPassiveEnding(u->tokens[static_cast<size_t>(m.last_token)])) ||
                           (m.end >= 3 && std::string_view(u->text.match).substr(m.end - 3, 3) == " by"));
    if (m.fact != received && !suffered) continue;
    const Clause& clause = u->clauses[static_cast<size_t>(m.clause)];
    const size_t agent_begin = JapaneseAgent(*u, words, m);
    const bool english = EnglishPartnerAgent(text, m.end, clause.end, words_at, *u, m);
    if (agent_begin == std::string_view::npos && !english) continue;
    AddDv(model, m, dv, agent_begin, u);
  }
  if (violence >= 0) AddWriterCut(model, dv, violence, deciders, u);
}
