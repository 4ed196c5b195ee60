// `tsunagu explain TEXT [--why-not AGENCY]`: the trace of one case.
#include "commands.h"
#include "explain.h"
#include "messages.h"
#include "render_explain.h"

int RunExplain(const CommandContext& c) {
  const Model& model = c.model;
  const CliOptions& options = c.options;
  std::string format = options.format.empty() ? "table" : options.format;
  if (format != "table" && format != "json")
    return Fail(Status::Usage(TrF("explain --format must be table or json, not '{}'", format)));
  int agency = -1;
  if (!options.why_not.empty()) {
    Status s = FindAgencyId(model, options.why_not, &agency);
    if (!s.ok()) return Fail(s);
  }
  Explanation e;
  Status s = Explain(model, c.lexicon, c.index, CaseText(options.text), &e);
  if (!s.ok()) return Fail(s);
  WhyNot why_not;
  if (agency >= 0) why_not = ExplainWhyNot(model, c.lexicon, c.index, e, agency, options.lang);
  const WhyNot* w = agency >= 0 ? &why_not : nullptr;
  std::string out;
  if (format == "json") {
    out = RenderExplainJson(model, e, w) + "\n";
  } else {
    RenderOptions render;
    render.lang = options.lang;
    render.color = UseColor();
    out = RenderExplain(model, e, w, render);
  }
  WriteOut(out);
  return kExitOk;
}
