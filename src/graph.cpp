#include "graph.h"

#include <algorithm>

#include "utf8.h"

namespace {

// A neutral picture, emitted as DOT or Mermaid.
struct Node {
  enum Kind { kFact, kRule, kAlert, kAgency, kRemoved, kSource } kind = kFact;
  std::string id;     // unique, stable: "fact:hikikomori", "rule:care-8050", ...
  std::string label;  // lines separated by '\n'
};

struct Edge {
  std::string from, to, label;
  bool dashed = false;
};

struct Picture {
  std::vector<Node> nodes;
  std::vector<Edge> edges;
  void Add(Node::Kind kind, const std::string& id, const std::string& label) {
    for (const Node& n : nodes)
      if (n.id == id) return;
    nodes.push_back({kind, id, label});
  }
  bool Has(const std::string& id) const {
    return std::any_of(nodes.begin(), nodes.end(), [&](const Node& n) { return n.id == id; });
  }
};

// Role labels on edges are cut to this many display columns (12 kanji).
constexpr int kRoleWidth = 24;

const char* T(Lang lang, const char* ja, const char* en) { return lang == Lang::kJa ? ja : en; }

// Cuts a label to width display columns, ending with "…".
std::string Cut(const std::string& s, int width) {
  if (DisplayWidth(s) <= width) return s;
  std::string out;
  for (size_t i = 0; i < s.size();) {
    size_t start = i;
    DecodeUtf8(s, &i);
    std::string one = s.substr(start, i - start);
    if (DisplayWidth(out + one) > width - 1) break;
    out += one;
  }
  return out + "…";
}

std::string AreaName(const std::string& area, Lang lang) {
  static const char* const kAreas[][2] = {{"withdrawal", "ひきこもり"}, {"care", "介護"},   {"money", "お金"},
                                          {"disability", "障がい"},     {"work", "仕事"},   {"admin", "手続き"},
                                          {"family", "家族"},           {"crisis", "危機"}, {"community", "地域"}};
  if (lang == Lang::kJa)
    for (const auto& a : kAreas)
      if (area == a[0]) return a[1];
  return area;
}

std::string FactId(const Model& model, int f) { return "fact:" + model.facts[f].id; }
std::string AgencyId(const Model& model, int a) { return "agency:" + model.agencies[a].id; }

std::string AgeLabel(const AgeCondition& a, Lang lang) {
  static const char* const kJa[] = {"本人", "親", "家族", "世帯", "近所"};
  std::string who = lang == Lang::kJa ? kJa[static_cast<int>(a.subject)] : SubjectId(a.subject);
  if (a.min >= 0 && a.max >= 0)
    return who + " " + std::to_string(a.min) + "-" + std::to_string(a.max) + T(lang, "歳", "");
  if (a.min >= 0) return who + " " + std::to_string(a.min) + T(lang, "歳以上", "+");
  return who + " " + std::to_string(a.max) + T(lang, "歳以下", " or younger");
}

std::string RuleLabel(const std::string& id, const Condition& when, Lang lang) {
  std::string label = id;
  for (const AgeCondition& a : when.ages) label += "\n" + std::string(T(lang, "年齢: ", "age: ")) + AgeLabel(a, lang);
  return label;
}

// The target's roles, one a line.
std::string RolesLabel(const Model& model, const Target& t, Lang lang) {
  std::string label;
  for (int r : t.roles)
    label += (label.empty() ? "" : "\n") + Cut(model.agencies[t.agency].roles[r].label.in(lang), kRoleWidth);
  return label;
}

std::string TargetLabel(const Model& model, const Target& t, Lang lang) {
  return RolesLabel(model, t, lang) + " +" + std::to_string(t.weight);
}

// Edges from the facts of a condition to a rule or alert node.
void ConditionEdges(const Model& model, const Condition& when, const std::string& to, Lang lang,
                    const std::vector<int>* only, Picture* p) {
  auto edge = [&](const FactRef& ref, const char* label, bool dashed) {
    if (only && std::find(only->begin(), only->end(), ref.fact) == only->end()) return;
    std::string text = label;
    if (!ref.any_subject) text += std::string(" @") + SubjectId(ref.subject);
    p->edges.push_back({FactId(model, ref.fact), to, text, dashed});
  };
  for (const FactRef& r : when.all) edge(r, T(lang, "すべて", "all"), false);
  for (const FactRef& r : when.any) edge(r, T(lang, "いずれか", "any"), false);
  if (!only)
    for (const FactRef& r : when.none) edge(r, T(lang, "ない時", "not"), true);
}

// A rule's or an alert's node (kind kRule or kAlert) with the edges from
// its condition's facts (only those in *only, when given); returns its id.
std::string AddRule(const Model& model, Node::Kind kind, const std::string& rule, const Condition& when, Lang lang,
                    const std::vector<int>* only, Picture* p) {
  const std::string id = (kind == Node::kAlert ? "alert:" : "rule:") + rule;
  p->Add(kind, id, RuleLabel(rule, when, lang));
  ConditionEdges(model, when, id, lang, only, p);
  return id;
}

// The edge from the team node to the convener.
void AddConvenerEdge(const Model& model, Lang lang, Picture* p) {
  const Target t{model.team.convener, {model.team.convener_role}, model.team.convener_weight};
  p->edges.push_back({"team", AgencyId(model, t.agency), TargetLabel(model, t, lang), false});
}

// The fallback node and its dashed edges: who is suggested when no rule
// matched.
void AddFallback(const Model& model, Lang lang, Picture* p) {
  p->Add(Node::kSource, "fallback", T(lang, "該当する規則なし", "no rule matched"));
  for (const Target& t : model.fallback)
    p->edges.push_back({"fallback", AgencyId(model, t.agency), RolesLabel(model, t, lang), true});
}

Picture Whole(const Model& model, Lang lang) {
  Picture p;
  std::vector<bool> used(model.facts.size(), false);
  auto mark = [&](const Condition& c) {
    for (const auto* refs : {&c.all, &c.any, &c.none})
      for (const FactRef& r : *refs) used[r.fact] = true;
  };
  for (const Rule& r : model.rules) mark(r.when);
  for (const AlertRule& a : model.alerts) mark(a.when);
  for (size_t f = 0; f < model.facts.size(); ++f)
    if (used[f]) p.Add(Node::kFact, FactId(model, static_cast<int>(f)), model.facts[f].label.in(lang));
  for (const AlertRule& a : model.alerts) {
    const std::string id = AddRule(model, Node::kAlert, a.id, a.when, lang, nullptr, &p);
    for (const Target& t : a.to) p.edges.push_back({id, AgencyId(model, t.agency), TargetLabel(model, t, lang), false});
  }
  for (const Rule& r : model.rules) {
    const std::string id = AddRule(model, Node::kRule, r.id, r.when, lang, nullptr, &p);
    for (const Target& t : r.to) p.edges.push_back({id, AgencyId(model, t.agency), TargetLabel(model, t, lang), false});
  }
  if (model.team.convener >= 0) {
    p.Add(Node::kSource, "team",
          std::string(T(lang, "複数の課題 (", "several problem areas (")) +
              std::to_string(model.team.multi_issue_areas) + T(lang, "領域以上)", "+)"));
    AddConvenerEdge(model, lang, &p);
  }
  AddFallback(model, lang, &p);
  for (size_t a = 0; a < model.agencies.size(); ++a)
    p.Add(Node::kAgency, AgencyId(model, static_cast<int>(a)), model.agencies[a].name.in(lang));
  return p;
}

Picture ForCase(const Model& model, const CaseResult& result, Lang lang) {
  Picture p;
  const Understanding& u = result.understanding;
  for (const FactMention& m : u.mentions) {
    if (m.negated) continue;
    std::string id = FactId(model, m.fact);
    std::string words = lang == Lang::kJa ? "「" + m.words + "」" : "\"" + m.words + "\"";
    bool seen = false;
    for (Node& n : p.nodes)
      if (n.id == id) {
        seen = true;
        if (n.label.find(words) == std::string::npos) n.label += " " + words;
      }
    if (!seen) p.Add(Node::kFact, id, model.facts[m.fact].label.in(lang) + "\n" + words);
  }
  std::vector<int> shown;  // agencies ranked or removed
  for (const RankedAgency& r : result.ranking.agencies) shown.push_back(r.agency);
  for (const Removal& r : result.ranking.removed) shown.push_back(r.agency);
  auto targets = [&](const std::string& from, const std::vector<Target>& to) {
    for (const Target& t : to)
      if (std::find(shown.begin(), shown.end(), t.agency) != shown.end()) {
        bool removed = std::none_of(result.ranking.agencies.begin(), result.ranking.agencies.end(),
                                    [&](const RankedAgency& r) { return r.agency == t.agency; });
        p.edges.push_back({from, AgencyId(model, t.agency), TargetLabel(model, t, lang), removed});
      }
  };
  for (const Firing& f : result.alerts) {
    const AlertRule& a = model.alerts[f.index];
    targets(AddRule(model, Node::kAlert, a.id, a.when, lang, &f.facts, &p), a.to);
  }
  for (const Firing& f : result.rules) {
    const Rule& r = model.rules[f.index];
    targets(AddRule(model, Node::kRule, r.id, r.when, lang, &f.facts, &p), r.to);
  }
  const Team& team = result.ranking.team;
  if (team.convener >= 0) {
    std::string areas;
    for (const std::string& a : team.areas)
      areas += (areas.empty() ? "" : lang == Lang::kJa ? "、" : ", ") + AreaName(a, lang);
    p.Add(Node::kSource, "team", std::string(T(lang, "複数の課題: ", "several problem areas: ")) + areas);
    AddConvenerEdge(model, lang, &p);
  }
  if (result.ranking.fallback) AddFallback(model, lang, &p);
  for (const RankedAgency& r : result.ranking.agencies)
    p.Add(Node::kAgency, AgencyId(model, r.agency),
          std::to_string(r.rank) + ". " + model.agencies[r.agency].name.in(lang) + "\n" + T(lang, "点数 ", "score ") +
              std::to_string(r.score));
  for (const Removal& r : result.ranking.removed)
    p.Add(Node::kRemoved, AgencyId(model, r.agency),
          model.agencies[r.agency].name.in(lang) + "\n" + T(lang, "対象外: ", "not eligible: ") + r.why.in(lang));
  // Only edges between nodes that are shown.
  std::vector<Edge> kept;
  for (const Edge& e : p.edges)
    if (p.Has(e.from) && p.Has(e.to)) kept.push_back(e);
  p.edges = kept;
  return p;
}

std::string DotQuote(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') out += "\\n";
    else out += c;
  }
  return out + "\"";
}

std::string Dot(const Picture& p) {
  static const char* const kStyle[] = {
      "shape=ellipse, style=filled, fillcolor=\"#fff3c4\"",                     // fact
      "shape=box, style=\"rounded,filled\", fillcolor=\"#e8eefc\"",             // rule
      "shape=octagon, style=filled, fillcolor=\"#f8d0d0\", color=\"#b00000\"",  // alert
      "shape=box, style=filled, fillcolor=\"#d7f0dc\", penwidth=1.5",           // agency
      "shape=box, style=\"dashed\", fontcolor=\"#777777\", color=\"#999999\"",  // removed
      "shape=note, style=filled, fillcolor=\"#eeeeee\"",                        // source
  };
  std::string out = "digraph tsunagu {\n";
  out += "  graph [rankdir=LR, nodesep=0.25, ranksep=1.2, fontname=\"Noto Sans CJK JP\"];\n";
  out += "  node [fontname=\"Noto Sans CJK JP\", fontsize=11];\n";
  out += "  edge [fontname=\"Noto Sans CJK JP\", fontsize=9, color=\"#555555\"];\n";
  for (const Node& n : p.nodes)
    out += "  " + DotQuote(n.id) + " [label=" + DotQuote(n.label) + ", " + kStyle[n.kind] + "];\n";
  // Agencies in one column, in rank (or data) order from the top.
  std::vector<std::string> agencies;
  for (const Node& n : p.nodes)
    if (n.kind == Node::kAgency || n.kind == Node::kRemoved) agencies.push_back(DotQuote(n.id));
  if (agencies.size() > 1) {
    out += "  { rank=same;";
    for (const std::string& a : agencies) out += " " + a + ";";
    out += " }\n  ";
    for (size_t i = 0; i < agencies.size(); ++i) out += (i ? " -> " : "") + agencies[i];
    out += " [style=invis];\n";
  }
  for (const Edge& e : p.edges) {
    out += "  " + DotQuote(e.from) + " -> " + DotQuote(e.to) + " [label=" + DotQuote(e.label);
    if (e.dashed) out += ", style=dashed";
    out += "];\n";
  }
  return out + "}\n";
}

std::string MermaidText(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '"') out += "#quot;";
    else if (c == '\n') out += "<br/>";
    else out += c;
  }
  return out;
}

std::string Mermaid(const Picture& p) {
  static const char* const kClass[] = {"fact", "rule", "alert", "agency", "removed", "source"};
  std::string out = "flowchart LR\n";
  // Mermaid ids must be plain words: number the nodes.
  auto id_of = [&](const std::string& id) {
    for (size_t i = 0; i < p.nodes.size(); ++i)
      if (p.nodes[i].id == id) return "n" + std::to_string(i);
    return std::string("missing");
  };
  for (size_t i = 0; i < p.nodes.size(); ++i) {
    const Node& n = p.nodes[i];
    std::string text = "\"" + MermaidText(n.label) + "\"";
    std::string shape = n.kind == Node::kFact    ? "([" + text + "])"
                        : n.kind == Node::kAlert ? "{{" + text + "}}"
                        : n.kind == Node::kRule  ? "(" + text + ")"
                                                 : "[" + text + "]";
    out += "  n" + std::to_string(i) + shape + ":::" + kClass[n.kind] + "\n";
  }
  for (const Edge& e : p.edges)
    out += "  " + id_of(e.from) + (e.dashed ? " -.->" : " -->") + "|\"" + MermaidText(e.label) + "\"| " + id_of(e.to) +
           "\n";
  out += "  classDef fact fill:#fff3c4,stroke:#b59b00\n";
  out += "  classDef rule fill:#e8eefc,stroke:#3a5bbf\n";
  out += "  classDef alert fill:#f8d0d0,stroke:#b00000\n";
  out += "  classDef agency fill:#d7f0dc,stroke:#2e7d32\n";
  out += "  classDef removed fill:#ffffff,stroke:#999999,stroke-dasharray:4 3,color:#777777\n";
  out += "  classDef source fill:#eeeeee,stroke:#777777\n";
  return out;
}

}  // namespace

std::string RenderGraph(const Model& model, GraphFormat format, Lang lang, const CaseResult* result) {
  Picture p = result ? ForCase(model, *result, lang) : Whole(model, lang);
  return format == GraphFormat::kDot ? Dot(p) : Mermaid(p);
}
