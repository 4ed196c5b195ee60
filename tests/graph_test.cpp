// Tests for src/graph.h: the routing picture in DOT and Mermaid, whole and
// for one case, and proof that Graphviz `dot` accepts the output (skipped,
// with a message, when `dot` is not installed).
#include "graph.h"

#include <doctest/doctest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

#include "shipped_model.h"
#include "small_model.h"
#include "triage.h"

namespace {

// The small model (small_model.h) with a quoted name to escape, a work
// rule with none and age parts, and an alert that also sends to center.
struct Fixture : SmallModel {
  Fixture() {
    Edit(kAgenciesFile, "name: {ja: センター, en: Center}", R"(name: {ja: "センター \"本部\"", en: "Center \"HQ\""})");
    Edit(kCrisisFile, small_model::kPoliceChecked, small_model::kPoliceHours);
    Edit(kRoutingFile, "  when: {all: [wants-work]}\n",
         "  when:\n    all: [wants-work]\n    none: [violence]\n    age: {subject: person, max: 49}\n");
    Edit(kAlertsFile, "    contacts: [police]\n",
         "    contacts: [police]\n    to:\n      - {agency: center, roles: [general], weight: 30}\n");
    Load();
  }
  CaseResult Run(const std::string& text) const {
    CaseResult r;
    REQUIRE(Triage(model, lexicon, RuleIndex(model), text, &r).ok());
    return r;
  }
};

const Fixture& F() {
  static const Fixture* f = new Fixture();
  return *f;
}

bool Has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// True when Graphviz is installed; the dot tests are skipped otherwise.
bool HaveDot() { return std::system("command -v dot >/dev/null 2>&1") == 0; }

// Runs `dot -Tsvg` on the text; returns its exit status.
int RunDot(const std::string& text, const std::string& name) {
  std::string path = std::string(std::getenv("TMPDIR") ? std::getenv("TMPDIR") : "/tmp") + "/tsunagu-" + name + ".dot";
  std::ofstream(path) << text;
  int status = std::system(("dot -Tsvg -o /dev/null '" + path + "' 2>&1").c_str());
  std::remove(path.c_str());
  return status;
}

}  // namespace

TEST_CASE("graph: DOT of the whole logic: facts -> rules -> agencies, roles and weights on the edges") {
  std::string dot = RenderGraph(F().model, GraphFormat::kDot, Lang::kEn, nullptr);
  CHECK(dot.rfind("digraph tsunagu {\n", 0) == 0);
  CHECK(Has(dot, "\"fact:hikikomori\" [label=\"withdrawal\""));
  CHECK(Has(dot, "\"fact:hikikomori\" -> \"rule:general\" [label=\"any\"];"));
  CHECK(Has(dot, "\"fact:wants-work\" -> \"rule:work\" [label=\"all\"];"));
  CHECK(Has(dot, "\"fact:violence\" -> \"rule:work\" [label=\"not\", style=dashed];"));
  CHECK(Has(dot, "\"rule:work\" [label=\"work\\nage: person 49 or younger\""));
  CHECK(Has(dot, "\"rule:general\" -> \"agency:center\" [label=\"General consultation +40\"];"));
  CHECK(Has(dot, "\"alert:alert-violence\" -> \"agency:center\" [label=\"General consultation +30\"];"));
  CHECK(Has(dot, "\"team\" -> \"agency:center\" [label=\"Convening +15\"];"));
  CHECK(Has(dot, "\"fallback\" -> \"agency:center\" [label=\"General consultation\", style=dashed];"));
  // Quotes in names are escaped.
  CHECK(Has(dot, "[label=\"Center \\\"HQ\\\"\""));
  CHECK(dot.substr(dot.size() - 2) == "}\n");
}

TEST_CASE("graph: labels in the chosen language") {
  std::string dot = RenderGraph(F().model, GraphFormat::kDot, Lang::kJa, nullptr);
  CHECK(Has(dot, "\"fact:hikikomori\" -> \"rule:general\" [label=\"いずれか\"];"));
  CHECK(Has(dot, "\"rule:general\" -> \"agency:center\" [label=\"総合相談 +40\"];"));
  CHECK(Has(dot, "age: ") == false);
  CHECK(Has(dot, "年齢: 本人 49歳以下"));
}

TEST_CASE("graph: for a case, only the facts stated, the rules fired and the agencies ranked") {
  CaseResult r = F().Run("52歳の息子がひきこもり、働きたい");
  std::string dot = RenderGraph(F().model, GraphFormat::kDot, Lang::kEn, &r);
  CHECK(Has(dot, "\"fact:hikikomori\" [label=\"withdrawal\\n\\\"ひきこもり\\\"\""));
  CHECK(Has(dot, "\"rule:general\""));
  CHECK_FALSE(Has(dot, "\"rule:work\""));  // the person is 52: the age condition fails
  CHECK_FALSE(Has(dot, "\"fact:violence\""));
  CHECK(Has(dot, "\"agency:center\" [label=\"1. Center \\\"HQ\\\"\\nscore 55\""));
  CHECK(Has(dot, "\"team\" [label=\"several problem areas: withdrawal, work\""));
  CHECK_FALSE(Has(dot, "\"fallback\""));
}

TEST_CASE("graph: Mermaid numbers its nodes and escapes quotes") {
  std::string m = RenderGraph(F().model, GraphFormat::kMermaid, Lang::kEn, nullptr);
  CHECK(m.rfind("flowchart LR\n", 0) == 0);
  CHECK(Has(m, "  n0([\"withdrawal\"]):::fact\n"));
  CHECK(Has(m, " -.->|\"not\"| "));
  CHECK(Has(m, "Center #quot;HQ#quot;"));
  CHECK(Has(m, "classDef agency"));
  CHECK_FALSE(Has(m, "missing"));
}

TEST_CASE("graph: Graphviz dot accepts the output") {
  if (!HaveDot()) {
    MESSAGE("skipped: Graphviz 'dot' is not installed (scripts/install-deps installs it)");
    return;
  }
  const Model& model = Shipped().model;
  const Lexicon& lexicon = Shipped().lexicon;
  CHECK(RunDot(RenderGraph(model, GraphFormat::kDot, Lang::kJa, nullptr), "whole-ja") == 0);
  CHECK(RunDot(RenderGraph(model, GraphFormat::kDot, Lang::kEn, nullptr), "whole-en") == 0);
  for (const char* text :
       {"親が80代、息子は無職、生活が苦しい", "息子が死にたいと言っている", "ほげほげ", "52歳の息子が働きたい"}) {
    CaseResult r;
    REQUIRE(Triage(model, lexicon, RuleIndex(model), text, &r).ok());
    CHECK_MESSAGE(RunDot(RenderGraph(model, GraphFormat::kDot, Lang::kJa, &r), "case") == 0, text);
  }
  // And the small model with quotes in its names.
  CHECK(RunDot(RenderGraph(F().model, GraphFormat::kDot, Lang::kEn, nullptr), "quotes") == 0);
}
