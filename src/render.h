// Renderers: a CaseResult as JSON (the machine contract, schema in
// man/tsunagu.1) or as a table for a terminal. They only read.
#ifndef TSUNAGU_RENDER_H_
#define TSUNAGU_RENDER_H_

#include <string>

#include "model.h"
#include "result.h"

struct RenderOptions {
  Lang lang = Lang::kJa;
  int top = 0;         // 0 = all agencies
  bool color = false;  // ANSI colour (only for a terminal)
  bool pretty = true;  // JSON: indented (false = one line, for JSON Lines)
};

/// The JSON object for one case; same input, same bytes.
std::string RenderJson(const Model& model, const CaseResult& result, const RenderOptions& options);

/// The terminal table: alerts, what was understood, the team, the ranking.
std::string RenderTable(const Model& model, const CaseResult& result, const RenderOptions& options);

/// The agency list (or one agency in full) for `tsunagu agencies`.
std::string RenderAgencies(const Model& model, int only, const RenderOptions& options);
std::string RenderAgenciesJson(const Model& model, int only);

/// "火〜土 9:00-18:00 要予約" / "Tue-Sat 9:00-18:00, by appointment".
std::string HoursShort(const Hours& hours, Lang lang);

#endif  // TSUNAGU_RENDER_H_
