// Step 3 of the household: each fact to the person its clause is about.
#include "household.h"

#include <algorithm>
#include <cstring>
#include <string_view>
#include <tuple>

#include "household_internal.h"
#include "utf8.h"

using namespace household_internal;  // NOLINT: the steps' shared helpers

// step 3

void AttachFacts(const Model& model, Understanding* u) {
  const std::string& t = u->text.match;
  std::vector<int> topic;
  std::vector<Because> topic_how;
  ClauseTopics(*u, &topic, &topic_how);
  const std::vector<int> sentence = Sentences(*u);
  const int in_city = model.FindFact("in-niigata-city");
  std::vector<FactMention> added;  // a fact said of two joined subjects: the second one's
  // Each clause's pronoun, found once: a long clause of many facts must
  // not be scanned once per fact.
  std::vector<int> pronoun(u->clauses.size(), -1);
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
    // A danger done to someone: the one named right before with に, を,
    // の or へ is at risk, whoever acts (息子が母に手を上げる).
    // In a passive (年金を息子に取り上げられる) the one named with に acts:
    // the one at risk is the clause's subject, found below.
    bool passive = false;
    for (int k = m.first_token; k >= 0 && k < m.last_token; ++k)
      passive = passive || u->tokens[k].lemma == "れる" || u->tokens[k].lemma == "られる";
    if (model.facts[m.fact].area == "crisis") {
      for (size_t si = 0; si < u->subjects.size(); ++si) {
        const SubjectMention& s = u->subjects[si];
        if (s.clause != c || s.end > m.begin || m.begin - s.end > 12 || s.person < 0) continue;
        std::string_view gap(t.data() + s.end, m.begin - s.end);
        // How often may stand between: 父に毎日暴言, 母を何度も殴る.
        for (std::string_view often : {"毎日", "いつも", "何度も", "度々", "たびたび", "日常的に", "頻繁に", "よく"})
          if (gap.size() > often.size() && gap.substr(gap.size() - often.size()) == often) {
            gap.remove_suffix(often.size());
            break;
          }
        for (std::string_view mark : {"に", "を", "の", "へ", "に対して", "さんに", "さんを", "さんの"})
          if (gap == mark && !(passive && (mark == "に" || mark == "さんに"))) take(static_cast<int>(si), Because::kAtRisk);
      }
      if (m.because == Because::kAtRisk) continue;
    }
    // A marked subject word before it in the clause, else the nearest
    // subject word in the clause.
    int marked = -1, before = -1, after = -1;
    for (size_t si = 0; si < u->subjects.size(); ++si) {
      const SubjectMention& s = u->subjects[si];
      if (s.clause != c || IsPossessor(*u, si)) continue;
      if (passive && (At(t, s.end, "に") || At(t, s.end, "さんに"))) continue;  // the one who acts
      if (s.subject == Subject::kCaller && !IsCallerWordForAttach(*u, s)) continue;
      // 近所の人とも話さず: a companion or a comparison, not the subject.
      if (At(t, s.end, "とも") || At(t, s.end, "とは") || At(t, s.end, "より")) continue;
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
    if (pronoun[c] < 0) pronoun[c] = PronounIn(t, u->clauses[c].begin, u->clauses[c].end);
    if (char sex = static_cast<char>(pronoun[c])) {
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
