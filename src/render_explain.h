// Rendering of `tsunagu explain`: the trace step by step for a person (ja
// or en), or as one JSON object (schema tsunagu.explain/2, man/tsunagu.1)
// for tools. why_not, when given, adds the --why-not section. Only reads.
#ifndef TSUNAGU_RENDER_EXPLAIN_H_
#define TSUNAGU_RENDER_EXPLAIN_H_

#include <string>

#include "explain.h"
#include "model.h"
#include "render.h"

constexpr char kExplainSchema[] = "tsunagu.explain/2";

/// The trace for a terminal; control characters from the case (or anywhere)
/// are written visibly (VisibleControls), only its own colour codes are not.
std::string RenderExplain(const Model& model, const Explanation& e, const WhyNot* why_not,
                          const RenderOptions& options);

std::string RenderExplainJson(const Model& model, const Explanation& e, const WhyNot* why_not);

/// One change as a condition in words: "\"障害者手帳\" were mentioned",
/// "本人が49歳以下である".
std::string DescribeChange(const Model& model, const CaseChange& change, Lang lang);

/// A suggestion's changes for a person: "if \"障害者手帳\" were mentioned and
/// the person were 49 or younger", "「障害者手帳」の記載がある、本人が49歳以下なら".
std::string DescribeChanges(const Model& model, const std::vector<CaseChange>& changes, Lang lang);

#endif  // TSUNAGU_RENDER_EXPLAIN_H_
