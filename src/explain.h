// Explain: the whole trace of one case for trainers (`tsunagu explain`) —
// what was read, which rule parts held and on which words — and the
// counterfactual behind --why-not: every rule or alert that could bring an
// agency in, which part of its condition fails, and the smallest changes
// to the case that would bring the agency in (or up). Every suggestion is
// checked by re-running the changed text through the whole pipeline; only
// those that work are kept. Pure: builds data, never prints
// (render_explain.cpp does).
#ifndef TSUNAGU_EXPLAIN_H_
#define TSUNAGU_EXPLAIN_H_

#include <string>
#include <string_view>
#include <vector>

#include "lexicon.h"
#include "model.h"
#include "result.h"
#include "rule_index.h"
#include "rules.h"
#include "status.h"

/// One fact listed in a rule's all/any/none, and the mentions that match it.
struct FactCheck {
  FactRef ref;
  std::vector<int> mentions;  // indexes into Understanding::mentions, not negated
  bool present() const { return !mentions.empty(); }
};

/// One part of a rule's condition and whether it held in this case.
struct PartTrace {
  enum Kind { kAll, kAny, kNone, kAge } kind = kAll;
  std::vector<FactCheck> facts;  // kAll, kAny, kNone
  AgeCondition age;              // kAge
  AgeRange actual;               // kAge: the subject's known age
  bool holds = false;
};

/// A rule or alert with its condition, part by part.
struct RuleTrace {
  bool alert = false;
  int index = -1;  // into Model::rules or Model::alerts
  bool fired = false;
  std::vector<PartTrace> parts;
};

/// The trace of a case: the pipeline's result plus each fired rule's parts.
struct Explanation {
  CaseResult result;
  std::vector<RuleTrace> fired;  // alerts first, then rules, in file order
};

/// Runs the pipeline on text and traces it; fails only on unreadable text.
Status Explain(const Model& model, const Lexicon& lexicon, const RuleIndex& index, std::string_view text,
               Explanation* out);

/// A danger word (a fact of area "crisis") that raised no alert, and why:
/// negated ("暴力はない"), about someone no alert asks for, or a fact no
/// alert takes at all (a parent's own death to come: "私が死んだら").
struct QuietDanger {
  int mention = -1;  // into Understanding::mentions
  enum Kind { kNegated, kOtherSubject, kNoAlert } kind = kNegated;
};
std::vector<QuietDanger> FindQuietDangers(const Model& model, const Understanding& u,
                                          const std::vector<Firing>& alerts);

/// The trace of one rule's or alert's condition against a case.
RuleTrace TraceRule(const Model& model, const Understanding& u, bool alert, int index);

/// A byte edit of the normalised text: replace [begin, end) with text.
struct TextEdit {
  size_t begin = 0, end = 0;
  std::string text;
};

/// One change to a case, as a person would make it, and as text edits.
struct CaseChange {
  enum Kind {
    kMention,    // say the fact (phrase: a lexicon phrase of it)
    kUnnegate,   // the fact is said but negated: drop the negation
    kUnmention,  // the fact is said and blocks a rule (`none`): leave it out
    kAge,        // the subject's age within [age_min, age_max]
  } kind = kMention;
  int fact = -1;
  bool any_subject = true;
  Subject subject = Subject::kPerson;  // who the fact or age is about
  std::string phrase;                  // kMention: the phrase added; kUnnegate/kUnmention: the words in the text
  std::string negation;                // kUnnegate: the negating words
  int age_min = -1, age_max = -1;      // kAge: the range wanted (-1 = open)
  bool age_known = false;              // kAge: the text already gives an age
  std::vector<TextEdit> edits;         // in the normalised text
  std::string append;                  // a clause added at the end
};

/// A set of changes that brings the agency in (or up), checked.
struct Suggestion {
  std::vector<CaseChange> changes;
  std::string via;          // rule or alert id, "eligibility" or "team-convener"
  std::string text;         // the changed case that was re-run
  int rank = 0, score = 0;  // the agency's place in the changed case
};

/// One way an agency can enter a case.
struct Route {
  enum Kind { kRule, kAlert, kConvener, kFallback } kind = kRule;
  int index = -1;  // rule or alert index
  int weight = 0;  // what it adds to the agency's score
  bool fired = false;
  std::vector<ConditionGap> gaps;        // why it did not fire (kRule, kAlert)
  int areas_have = 0, areas_needed = 0;  // kConvener
};

struct WhyNot {
  int agency = -1;
  enum State { kRanked, kRemoved, kAbsent } state = kAbsent;
  int rank = 0, score = 0;  // kRanked; kRemoved: score only
  LocalText removed_why;    // kRemoved: the eligibility limit
  std::vector<Route> routes;
  std::vector<Suggestion> suggestions;  // fewest changes first, then best rank
  int tried = 0;                        // candidate change sets re-run
};

/// The agency named by id (--why-not), or a usage error with a did-you-mean.
Status FindAgencyId(const Model& model, const std::string& id, int* agency);

/// Why agency is absent or low in the explained case, and what would change
/// it. Phrases for suggestions are taken in lang when the lexicon has them.
WhyNot ExplainWhyNot(const Model& model, const Lexicon& lexicon, const RuleIndex& index, const Explanation& e,
                     int agency, Lang lang);

#endif  // TSUNAGU_EXPLAIN_H_
