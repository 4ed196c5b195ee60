// `tsunagu query` (the default) and `tsunagu agencies`.
#include <cstdlib>

#include "commands.h"
#include "messages.h"
#include "render.h"
#include "result.h"
#include "triage.h"

int RunQuery(const CommandContext& c) {
  const Model& model = c.model;
  const CliOptions& options = c.options;
  if (!options.format.empty() && options.format != "table" && options.format != "json")
    return Fail(Status::Usage(TrF("query --format must be table or json, not '{}'", options.format)));
  std::string text = CaseText(options.text);
  if (text.find_first_not_of(" \t\r\n") == std::string::npos)
    return Fail(Status::Input(Tr("the case text is empty; describe the case, e.g. tsunagu \"親が80代、息子は無職\"")));
  CaseResult result;
  Status s = Triage(model, c.lexicon, c.index, text, &result);
  if (!s.ok()) return Fail(s);

  RenderOptions render;
  render.lang = options.lang;
  render.top = options.top;
  render.color = UseColor();
  render.width = TerminalWidth();
  render.at = Moment(options);
  std::string out =
      options.format == "json" ? RenderJson(model, result, render) + "\n" : RenderTable(model, result, render);
  WriteOut(out);
  return kExitOk;
}

int RunAgencies(const CommandContext& c) {
  const Model& model = c.model;
  const CliOptions& options = c.options;
  int only = -1;
  if (!options.agency.empty()) {
    only = model.FindAgency(options.agency);
    if (only < 0) {
      std::string ids;
      for (const Agency& a : model.agencies) ids += " " + a.id;
      return Fail(Status::Usage(TrF("no agency '{}'; known ids:{}", options.agency, ids)));
    }
  }
  RenderOptions render;
  render.lang = options.lang;
  render.color = UseColor();
  render.at = Moment(options);
  std::string out = options.format == "json" ? RenderAgenciesJson(model, only, render.at) + "\n"
                                             : RenderAgencies(model, only, render);
  WriteOut(out);
  return kExitOk;
}
