// Graph: the routing logic as a picture for training slides. Facts point
// to the rules and alerts that use them (all / any / not on the edge);
// rules point to the agencies they bring in (the roles and the weight on
// the edge); the team convener and the fallback appear as two more sources.
// With a case, only the part that case used: the facts it stated, the rules
// and alerts that fired, the agencies ranked (and those eligibility removed,
// dashed). Output is Graphviz DOT or Mermaid; labels in the chosen language.
// Pure: returns text.
#ifndef TSUNAGU_GRAPH_H_
#define TSUNAGU_GRAPH_H_

#include <string>

#include "model.h"
#include "result.h"

enum class GraphFormat { kDot, kMermaid };

/// The whole routing logic when result is null, else the part it used.
std::string RenderGraph(const Model& model, GraphFormat format, Lang lang, const CaseResult* result);

#endif  // TSUNAGU_GRAPH_H_
