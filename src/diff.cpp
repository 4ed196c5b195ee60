#include "diff.h"

#include <nlohmann/json.hpp>

#include <algorithm>

#include "messages.h"
#include "triage.h"
#include "utf8.h"
#include "yaml_doc.h"

namespace {

bool EndsWith(const std::string& s, const std::string& end) {
  return s.size() >= end.size() && s.compare(s.size() - end.size(), end.size(), end) == 0;
}

// The text with bytes that are not UTF-8 shown as \xNN, safe to print.
std::string Printable(const std::string& text) {
  std::string out;
  std::string_view rest(text);
  size_t bad = 0;
  while (!IsValidUtf8(rest, &bad)) {
    static const char kHex[] = "0123456789abcdef";
    unsigned char c = static_cast<unsigned char>(rest[bad]);
    out.append(rest.substr(0, bad));
    out += std::string("\\x") + kHex[c >> 4] + kHex[c & 15];
    rest.remove_prefix(bad + 1);
  }
  out.append(rest);
  return out;
}

struct Placed {
  std::string id;
  int rank = 0, score = 0;
};

std::vector<Placed> Ranked(const Model& model, const CaseResult& r) {
  std::vector<Placed> out;
  for (const RankedAgency& a : r.ranking.agencies) out.push_back({model.agencies[a.agency].id, a.rank, a.score});
  return out;
}

const Placed* Find(const std::vector<Placed>& list, const std::string& id) {
  for (const Placed& p : list)
    if (p.id == id) return &p;
  return nullptr;
}

std::vector<std::string> AlertIds(const Model& model, const CaseResult& r) {
  std::vector<std::string> out;
  for (const Firing& f : r.alerts) out.push_back(model.alerts[f.index].id);
  return out;
}

}  // namespace

Status ReadDiffCases(const std::string& text, const std::string& name, std::vector<DiffCase>* out) {
  if (EndsWith(name, ".yaml") || EndsWith(name, ".yml")) {
    YamlDoc doc(name);
    TSUNAGU_TRY(doc.Parse(text));
    TSUNAGU_TRY(doc.CheckSequence(doc.root(), Tr("a scenario file")));
    for (const YamlNode& node : doc.root()) {
      if (!node.IsMap()) return doc.Error(node, Tr("a scenario must be a mapping with a 'text' key"));
      DiffCase c;
      c.file = name;
      c.line = doc.PosOf(node).line;
      TSUNAGU_TRY(doc.String(node, "text", &c.text, true));
      TSUNAGU_TRY(doc.String(node, "name", &c.name, false));
      out->push_back(c);
    }
    return Status::Ok();
  }
  int line = 0;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string l = text.substr(start, end - start);
    ++line;
    start = end + 1;
    if (!l.empty() && l.back() == '\r') l.pop_back();
    size_t first = l.find_first_not_of(" \t");
    if (first == std::string::npos || l[first] == '#') continue;
    out->push_back({l, "", name, line});
  }
  return Status::Ok();
}

DiffReport DiffCases(const Model& old_model, const Lexicon& old_lexicon, const RuleIndex& old_index,
                     const Model& new_model, const Lexicon& new_lexicon, const RuleIndex& new_index,
                     const std::vector<DiffCase>& cases) {
  DiffReport report;
  for (const DiffCase& c : cases) {
    CaseDiff d;
    d.input = c;
    CaseResult before, after;
    Status s = Triage(old_model, old_lexicon, old_index, c.text, &before);
    if (s.ok()) s = Triage(new_model, new_lexicon, new_index, c.text, &after);
    if (!s.ok()) {
      d.error = s.ToString();
      ++report.errors;
      report.cases.push_back(d);
      continue;
    }
    std::vector<Placed> old_list = Ranked(old_model, before), new_list = Ranked(new_model, after);
    for (const Placed& n : new_list) {
      const Placed* o = Find(old_list, n.id);
      if (!o) d.in.push_back({n.id, 0, n.rank, 0, n.score, {}});
      else if (o->rank != n.rank) d.moved.push_back({n.id, o->rank, n.rank, o->score, n.score, {}});
    }
    for (const Placed& o : old_list) {
      if (Find(new_list, o.id)) continue;
      AgencyChange change{o.id, o.rank, 0, o.score, 0, {}};
      for (const Removal& r : after.ranking.removed)
        if (new_model.agencies[r.agency].id == o.id) change.removed = r.why;
      d.out.push_back(change);
    }
    std::vector<std::string> old_alerts = AlertIds(old_model, before), new_alerts = AlertIds(new_model, after);
    for (const std::string& a : new_alerts)
      if (std::find(old_alerts.begin(), old_alerts.end(), a) == old_alerts.end()) d.alerts_in.push_back(a);
    for (const std::string& a : old_alerts)
      if (std::find(new_alerts.begin(), new_alerts.end(), a) == new_alerts.end()) d.alerts_out.push_back(a);
    if (d.changed()) ++report.changed;
    report.cases.push_back(d);
  }
  return report;
}

std::string RenderDiff(const DiffReport& report, Lang lang) {
  const bool ja = lang == Lang::kJa;
  std::string out;
  size_t width = 0;
  for (const CaseDiff& d : report.cases)
    for (const auto* list : {&d.in, &d.out, &d.moved})
      for (const AgencyChange& c : *list) width = std::max(width, c.id.size());
  auto pad = [&](const std::string& id) { return id + std::string(std::max(width, id.size()) - id.size() + 2, ' '); };
  for (const CaseDiff& d : report.cases) {
    if (!d.changed() && d.error.empty()) continue;
    out += d.input.file + ":" + std::to_string(d.input.line) + (d.input.name.empty() ? "" : " " + d.input.name) +
           "  \"" + Printable(d.input.text) + "\"\n";
    if (!d.error.empty()) {
      out += (ja ? "  エラー: " : "  error: ") + d.error + "\n";
      continue;
    }
    for (const AgencyChange& c : d.in)
      out += "  + " + pad(c.id) + (ja ? "新たに " : "in, rank ") + std::to_string(c.new_rank) + (ja ? "位" : "") +
             (ja ? " (点数 " : " (score ") + std::to_string(c.new_score) + ")\n";
    for (const AgencyChange& c : d.out) {
      out += "  - " + pad(c.id) + (ja ? "外れた (元 " : "out (was rank ") + std::to_string(c.old_rank) +
             (ja ? "位" : "") + ")";
      if (!c.removed.empty()) out += (ja ? " 対象外: " : " removed: ") + c.removed.in(lang);
      out += "\n";
    }
    for (const AgencyChange& c : d.moved)
      out += "  ~ " + pad(c.id) + (ja ? "順位 " : "rank ") + std::to_string(c.old_rank) + " → " +
             std::to_string(c.new_rank) + (ja ? " (点数 " : " (score ") + std::to_string(c.old_score) + " → " +
             std::to_string(c.new_score) + ")\n";
    for (const std::string& a : d.alerts_in)
      out += "  ! " + pad(a) + (ja ? "警報が出るようになった" : "alert now shown") + "\n";
    for (const std::string& a : d.alerts_out)
      out += "  ! " + pad(a) + (ja ? "警報が出なくなった" : "alert no longer shown") + "\n";
  }
  if (ja) {
    out += std::to_string(report.cases.size()) + " 件、変わった " + std::to_string(report.changed) + " 件";
    if (report.errors > 0) out += "、読めない " + std::to_string(report.errors) + " 件";
  } else {
    out += std::to_string(report.cases.size()) + " cases, " + std::to_string(report.changed) + " changed";
    if (report.errors > 0) out += ", " + std::to_string(report.errors) + " not readable";
  }
  return out + "\n";
}

std::string RenderDiffJson(const DiffReport& report) {
  using Json = nlohmann::ordered_json;
  auto changes = [](const std::vector<AgencyChange>& list, bool with_removed) {
    Json out = Json::array();
    for (const AgencyChange& c : list) {
      Json j{{"id", c.id},
             {"old_rank", c.old_rank ? Json(c.old_rank) : Json(nullptr)},
             {"new_rank", c.new_rank ? Json(c.new_rank) : Json(nullptr)},
             {"old_score", c.old_rank ? Json(c.old_score) : Json(nullptr)},
             {"new_score", c.new_rank ? Json(c.new_score) : Json(nullptr)}};
      if (with_removed)
        j["removed"] = c.removed.empty() ? Json(nullptr) : Json{{"ja", c.removed.ja}, {"en", c.removed.en}};
      out.push_back(j);
    }
    return out;
  };
  Json cases = Json::array();
  for (const CaseDiff& d : report.cases)
    cases.push_back(Json{{"file", d.input.file},
                         {"line", d.input.line},
                         {"name", d.input.name.empty() ? Json(nullptr) : Json(d.input.name)},
                         {"text", Printable(d.input.text)},
                         {"changed", d.changed()},
                         {"error", d.error.empty() ? Json(nullptr) : Json(d.error)},
                         {"in", changes(d.in, false)},
                         {"out", changes(d.out, true)},
                         {"moved", changes(d.moved, false)},
                         {"alerts_in", d.alerts_in},
                         {"alerts_out", d.alerts_out}});
  return Json{{"schema", "tsunagu.diff/1"},
              {"cases", cases},
              {"total", report.cases.size()},
              {"changed", report.changed},
              {"errors", report.errors}}
      .dump(2);
}
