// Ranking: turns fired rules into a ranked team of agencies. Scores add up
// the weights of the rules that brought each agency; eligibility removes
// agencies a known age rules out and notes the conditions to check;
// multi-issue cases get the conference convener; a case with nothing
// understood gets the fallback windows. Ties: higher score first, then the
// order of data/agencies.yaml (documented in man/tsunagu.1).
//
// Threading: safe on many threads with one model; each thread keeps spare
// ranked entries and a score table of its own (thread_local in rank.cpp)
// from case to case. A Ranking holds views into the model's ids: it must
// not outlive the model. Errors: Rank does not fail.
#ifndef TSUNAGU_RANK_H_
#define TSUNAGU_RANK_H_

#include <string>
#include <string_view>
#include <vector>

#include "facts.h"
#include "model.h"
#include "rules.h"

/// One addend of an agency's score: a rule, an alert, the team or the fallback.
// Sources and reasons are views of the model's rule and alert ids (or of
// literals): a result lives no longer than the model it was ranked with.
struct ScorePart {
  std::string_view source;  // rule or alert id, "team-convener" or "fallback"
  int weight = 0;
};

/// Something to check before referring: an age limit not checked, residence...
struct AgencyCondition {
  std::string kind;  // "age-unknown", "age-uncertain" (range crosses the limit), "residence"
  LocalText text;
};

struct RankedAgency {
  int agency = -1;
  int rank = 0;
  int score = 0;
  std::vector<int> roles;                 // indexes into the agency's roles
  std::vector<std::string_view> reasons;  // rule/alert ids, first firing first
  std::vector<ScorePart> parts;
  std::vector<AgencyCondition> conditions;
  /// The agency's office serving where the family lives (index into its
  /// offices), or -1; office_reason says why, or why none can be chosen
  /// and whom to ask; empty for an agency without local offices. Set by
  /// ChooseOffices (place.h), which also adds it as a condition
  /// ("office" / "office-unknown").
  int office = -1;
  LocalText office_reason;
};

/// An agency a rule brought in but eligibility removed.
struct Removal {
  int agency = -1;
  int score = 0;
  LocalText why;
};

struct Team {
  bool multi_issue = false;
  std::vector<std::string> areas;  // distinct problem areas stated
  int first_contact = -1;          // agency index
  int first_contact_alert = -1;    // alert index when an alert set first_contact, else -1
  int convener = -1;               // agency index, when multi_issue
};

struct Ranking {
  std::vector<RankedAgency> agencies;  // rank order
  std::vector<Removal> removed;
  Team team;
  bool fallback = false;  // nothing routed: general windows shown
};

/// Ranks the agencies for a case from its fired rules and alerts. The first
/// contact is the top-ranked agency, unless a fired alert names one
/// (AlertRule::first_contact): then the first such alert in file order wins
/// and its agency is moved to rank 1.
Ranking Rank(const Model& model, const Understanding& u, const std::vector<Firing>& rules,
             const std::vector<Firing>& alerts);
/// The same into *out, reusing its storage (batch ranks every case).
void Rank(const Model& model, const Understanding& u, const std::vector<Firing>& rules,
          const std::vector<Firing>& alerts, Ranking* out);

#endif  // TSUNAGU_RANK_H_
