// `tsunagu graph [--format dot|mermaid] [--case TEXT]`: the routing logic
// as a picture (Graphviz DOT or Mermaid), whole or for one case.

#include "commands.h"
#include "graph.h"
#include "messages.h"
#include "render.h"
#include "triage.h"

int RunGraph(const CommandContext& c) {
  const CliOptions& options = c.options;
  std::string format = options.format.empty() ? "dot" : options.format;
  if (format != "dot" && format != "mermaid")
    return Fail(Status::Usage(TrF("graph --format must be dot or mermaid, not '{}'", format)));
  GraphFormat f = format == "dot" ? GraphFormat::kDot : GraphFormat::kMermaid;
  std::string out;
  if (options.case_text.empty()) {
    out = RenderGraph(c.model, f, options.lang, nullptr);
  } else {
    CaseResult result;
    Status s = Triage(c.model, c.lexicon, c.index, options.case_text, &result);
    if (!s.ok()) return Fail(s);
    out = RenderGraph(c.model, f, options.lang, &result);
  }
  // The labels of --case quote its words: no control character of theirs
  // reaches a terminal (or a DOT parser).
  WriteOut(VisibleControls(out));
  return kExitOk;
}
