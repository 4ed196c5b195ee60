// `tsunagu explain` output: numbered steps in pipeline order, in Japanese
// or English, and the same trace as JSON (nlohmann::ordered_json keeps the
// documented key order: same input, same bytes).
#include "render_explain.h"

#include <nlohmann/json.hpp>

#include <algorithm>

#include "household.h"
#include "utf8.h"

using Json = nlohmann::ordered_json;

namespace {

// Bold in the trace, before it is escaped: NUL and a letter.
const std::string kBoldOn("\0b", 2);
const std::string kBoldOff("\0r", 2);

const char* T(Lang lang, const char* ja, const char* en) { return lang == Lang::kJa ? ja : en; }

const char* SubjectName(Subject s, Lang lang) {
  static const char* const kJa[] = {"本人", "親", "家族", "世帯", "近所", "相談者"};
  static const char* const kEn[] = {"the person",    "the parent",  "a family member",
                                    "the household", "a neighbour", "the caller"};
  return (lang == Lang::kJa ? kJa : kEn)[static_cast<int>(s)];
}

std::string Quote(const std::string& s, Lang lang) { return lang == Lang::kJa ? "「" + s + "」" : "\"" + s + "\""; }

std::string AgeText(const AgeRange& r, Lang lang) {
  bool ja = lang == Lang::kJa;
  if (!r.known()) return ja ? "不明" : "unknown";
  if (r.lo == r.hi) return std::to_string(r.lo) + (ja ? "歳" : "");
  if (r.hi >= 120) return std::to_string(r.lo) + (ja ? "歳以上" : " or older");
  return std::to_string(r.lo) + (ja ? "〜" : "-") + std::to_string(r.hi) + (ja ? "歳" : "");
}

std::string Bounds(int min, int max, Lang lang) {
  bool ja = lang == Lang::kJa;
  if (min >= 0 && max >= 0)
    return ja ? std::to_string(min) + "〜" + std::to_string(max) + "歳"
              : "between " + std::to_string(min) + " and " + std::to_string(max);
  if (max >= 0) return std::to_string(max) + (ja ? "歳以下" : " or younger");
  return std::to_string(min) + (ja ? "歳以上" : " or older");
}

std::string RefText(const Model& model, const FactRef& ref) {
  std::string s = model.facts[ref.fact].id;
  if (!ref.any_subject) s += std::string("@") + SubjectId(ref.subject);
  return s;
}

// A long text as its start and end ("…" between): the changes of a
// suggestion are near the age at the start or appended at the end; JSON
// has the whole text.
std::string Elide(const std::string& s, int head, int tail) {
  if (DisplayWidth(s) <= head + tail + 2) return s;
  std::vector<std::string> chars;
  for (size_t i = 0; i < s.size();) {
    size_t start = i;
    DecodeUtf8(s, &i);
    chars.push_back(s.substr(start, i - start));
  }
  std::string front, back;
  for (size_t i = 0; i < chars.size() && DisplayWidth(front + chars[i]) <= head; ++i) front += chars[i];
  for (size_t i = chars.size(); i > 0 && DisplayWidth(chars[i - 1] + back) <= tail; --i) back = chars[i - 1] + back;
  return front + " … " + back;
}

std::string Join(const std::vector<std::string>& items, const std::string& sep) {
  std::string out;
  for (const std::string& i : items) out += (out.empty() ? "" : sep) + i;
  return out;
}

std::string AgencyLabel(const Model& model, int agency, Lang lang) {
  return model.agencies[agency].id + " (" + model.agencies[agency].name.in(lang) + ")";
}

std::string TargetsText(const Model& model, const std::vector<Target>& to) {
  std::vector<std::string> items;
  for (const Target& t : to) {
    std::vector<std::string> roles;
    for (int r : t.roles) roles.push_back(model.agencies[t.agency].roles[r].id);
    items.push_back(model.agencies[t.agency].id + " +" + std::to_string(t.weight) + " [" + Join(roles, ", ") + "]");
  }
  return Join(items, ", ");
}

std::string PosText(const SourcePos& pos) {
  if (pos.file.empty()) return "";
  return pos.file + ":" + std::to_string(pos.line);
}

// Why a fact or an age went to its person (household.h's steps).
const char* BecauseText(Because b, Lang lang) {
  switch (b) {
    case Because::kNone: return T(lang, "誰のことでもない", "no one's");
    case Because::kOwnPhrase: return T(lang, "語句が主語を含む", "the phrase names them");
    case Because::kMarked: return T(lang, "節の「は・が・も」の主語", "the clause's subject (は/が/も)");
    case Because::kNearest: return T(lang, "節でいちばん近い主語の語", "the nearest subject word in the clause");
    case Because::kTopic: return T(lang, "同じ文の前の節の話題", "the topic of the sentence so far");
    case Because::kQuote: return T(lang, "引用の話し手", "the speaker of the quotation");
    case Because::kPronoun: return T(lang, "代名詞が指す人", "the one the pronoun refers to");
    case Because::kPlace: return T(lang, "住む場所の後に続く人", "the one the place is said of");
    case Because::kAtRisk: return T(lang, "危険が向けられた人(〜に・〜を・〜の)", "the one the danger is done to");
    case Because::kDefault: return T(lang, "名前がない: 事実の既定の主語", "no one named: the fact's default subject");
    case Because::kTight: return T(lang, "年齢のすぐ隣の主語の語", "the subject word right next to the age");
    case Because::kGenerations: return T(lang, "8050型の年齢の組", "an 8050-style pair of ages");
    case Because::kGiven: return T(lang, "入力の年齢の列", "an age column of the input");
    case Because::kRelative: return T(lang, "相対的な年齢: 誰の年齢にもしない", "relative: no one's age");
  }
  return "";
}

// Why the mention is about its subject: its word, or how it was found
// without one (the speaker of a quotation, the sentence's topic, …).
std::string SubjectReason(const Understanding& u, const FactMention& m, Lang lang) {
  if (m.origin != FactMention::kPhrase) return "";
  if (m.has_own_subject) return T(lang, "語句が主語を含む", "the phrase names it");
  if (m.subject_word >= 0 && m.subject_word < static_cast<int>(u.subjects.size()))
    return std::string(T(lang, "主語の語", "subject word ")) + Quote(u.subjects[m.subject_word].words, lang);
  if (m.because != Because::kNone && m.because != Because::kDefault) return BecauseText(m.because, lang);
  return T(lang, "この事実の既定の主語", "the fact's default subject");
}

const char* ResidenceText(Person::Residence r, Lang lang) {
  switch (r) {
    case Person::Residence::kNiigataCity: return T(lang, "新潟市内", "in Niigata City");
    case Person::Residence::kOutside: return T(lang, "新潟市外", "outside Niigata City");
    default: return T(lang, "不明", "unknown");
  }
}

std::string OriginText(const Model& model, const FactMention& m, Lang lang) {
  const FactDef& def = model.facts[m.fact];
  if (m.origin == FactMention::kAge)
    return std::string(T(lang, "年齢から ", "from the age ")) + Quote(m.words, lang) + " (" +
           SubjectName(def.age_subject, lang) + (def.age_anyone ? T(lang, "のだれか", " (anyone)") : "") + " " +
           Bounds(def.age_min, def.age_max, lang) + ")";
  if (m.origin == FactMention::kDuration)
    return std::string(T(lang, "期間から ", "from the duration ")) + Quote(m.words, lang) + " (" +
           std::to_string(def.from_duration_months) + T(lang, "か月以上", " months or more") + ")";
  return "";
}

// The words of a mention as the case says them, negation included.
std::string MentionQuoted(const FactMention& m, Lang lang) { return Quote(MentionWords(m), lang); }

std::string GapText(const Model& model, const Understanding& u, const ConditionGap& g, Lang lang) {
  std::vector<std::string> ids;
  for (const FactRef& r : g.facts) ids.push_back(RefText(model, r));
  switch (g.kind) {
    case ConditionGap::kMissingAll: {
      for (const FactMention& m : u.mentions)
        if (m.fact == g.facts[0].fact && m.negated)
          return "all: " + ids[0] + T(lang, " が否定されている ", " is negated ") + MentionQuoted(m, lang);
      return "all: " + ids[0] + T(lang, " が述べられていない", " is not stated");
    }
    case ConditionGap::kMissingAny: {
      std::string negated;
      for (const FactRef& r : g.facts)
        for (const FactMention& m : u.mentions)
          if (m.fact == r.fact && m.negated && negated.find(MentionQuoted(m, lang)) == std::string::npos)
            negated += std::string(negated.empty() ? "" : ", ") + model.facts[r.fact].id + " " + MentionQuoted(m, lang);
      return std::string("any: ") + Join(ids, ", ") + T(lang, " のどれも述べられていない", ": none is stated") +
             (negated.empty() ? "" : std::string(T(lang, "(否定: ", " (negated: ")) + negated + ")");
    }
    case ConditionGap::kPresentNone: {
      std::string words;
      for (const FactMention& m : u.mentions)
        if (m.fact == g.facts[0].fact && !m.negated) words = " " + Quote(m.words, lang);
      return "none: " + ids[0] + T(lang, " が述べられている", " is stated") + words;
    }
    case ConditionGap::kAgeUnknown:
      return std::string("age: ") + SubjectName(g.age.subject, lang) +
             T(lang, "の年齢が不明(条件 ", "'s age is not given (needs ") + Bounds(g.age.min, g.age.max, lang) + ")";
    case ConditionGap::kAgeOutside:
      return std::string("age: ") + SubjectName(g.age.subject, lang) + T(lang, "は", " is ") + AgeText(g.actual, lang) +
             T(lang, "(条件 ", " (needs ") + Bounds(g.age.min, g.age.max, lang) + ")";
  }
  return "";
}

std::string RouteName(const Model& model, const Route& r, Lang lang) {
  switch (r.kind) {
    case Route::kRule: return model.rules[r.index].id;
    case Route::kAlert: return model.alerts[r.index].id + T(lang, "(緊急)", " (alert)");
    case Route::kConvener: return T(lang, "team-convener(ケース会議の招集)", "team-convener (case conference)");
    case Route::kFallback: return T(lang, "fallback(何も該当しないとき)", "fallback (when nothing routes)");
  }
  return "";
}

Json TextJson(const LocalText& t) { return Json{{"ja", t.ja}, {"en", t.en}}; }
Json AgeJson(const AgeRange& r) { return r.known() ? Json{{"min", r.lo}, {"max", r.hi}} : Json(nullptr); }
Json BoundJson(int v) { return v < 0 ? Json(nullptr) : Json(v); }

// An age condition and the age it was checked against, as members of *j:
// "subject", "min", "max", "actual".
void AddAgeCheck(const AgeCondition& age, const AgeRange& actual, Json* j) {
  (*j)["subject"] = SubjectId(age.subject);
  (*j)["min"] = BoundJson(age.min);
  (*j)["max"] = BoundJson(age.max);
  (*j)["actual"] = AgeJson(actual);
}

Json RefJson(const Model& model, const FactRef& ref) {
  return Json{{"fact", model.facts[ref.fact].id},
              {"subject", ref.any_subject ? Json(nullptr) : Json(SubjectId(ref.subject))}};
}

Json TraceJson(const Model& model, const Understanding& u, const RuleTrace& t) {
  static const char* const kKinds[] = {"all", "any", "none", "age"};
  Json parts = Json::array();
  for (const PartTrace& p : t.parts) {
    Json part{{"kind", kKinds[p.kind]}, {"holds", p.holds}};
    if (p.kind == PartTrace::kAge) {
      AddAgeCheck(p.age, p.actual, &part);
    } else {
      Json facts = Json::array();
      for (const FactCheck& c : p.facts) {
        Json words = Json::array();
        for (int m : c.mentions) words.push_back(u.mentions[m].words);
        Json f = RefJson(model, c.ref);
        f["present"] = c.present();
        f["words"] = words;
        facts.push_back(f);
      }
      part["facts"] = facts;
    }
    parts.push_back(part);
  }
  const std::vector<Target>& to = t.alert ? model.alerts[t.index].to : model.rules[t.index].to;
  Json targets = Json::array();
  for (const Target& x : to) {
    Json roles = Json::array();
    for (int r : x.roles) roles.push_back(model.agencies[x.agency].roles[r].id);
    targets.push_back(Json{{"agency", model.agencies[x.agency].id}, {"roles", roles}, {"weight", x.weight}});
  }
  const SourcePos& pos = t.alert ? model.alerts[t.index].pos : model.rules[t.index].pos;
  return Json{{"id", t.alert ? model.alerts[t.index].id : model.rules[t.index].id},
              {"kind", t.alert ? "alert" : "rule"},
              {"file", pos.file},
              {"line", pos.line},
              {"when", parts},
              {"to", targets},
              {"reason", TextJson(t.alert ? model.alerts[t.index].message : model.rules[t.index].reason)}};
}

Json GapJson(const Model& model, const ConditionGap& g) {
  static const char* const kKinds[] = {"missing-all", "missing-any", "present-none", "age-unknown", "age-outside"};
  Json j{{"kind", kKinds[g.kind]}};
  if (g.kind == ConditionGap::kAgeUnknown || g.kind == ConditionGap::kAgeOutside) {
    AddAgeCheck(g.age, g.actual, &j);
  } else {
    Json facts = Json::array();
    for (const FactRef& r : g.facts) facts.push_back(RefJson(model, r));
    j["facts"] = facts;
  }
  return j;
}

Json WhyNotJson(const Model& model, const WhyNot& w) {
  static const char* const kStates[] = {"ranked", "removed", "absent"};
  static const char* const kRoutes[] = {"rule", "alert", "team-convener", "fallback"};
  static const char* const kChanges[] = {"mention", "unnegate", "unmention", "age"};
  Json routes = Json::array();
  for (const Route& r : w.routes) {
    Json gaps = Json::array();
    for (const ConditionGap& g : r.gaps) gaps.push_back(GapJson(model, g));
    Json id = r.kind == Route::kRule    ? Json(model.rules[r.index].id)
              : r.kind == Route::kAlert ? Json(model.alerts[r.index].id)
                                        : Json(kRoutes[r.kind]);
    Json route{{"kind", kRoutes[r.kind]}, {"id", id}, {"weight", r.weight}, {"fired", r.fired}, {"gaps", gaps}};
    if (r.kind == Route::kConvener) {
      route["areas"] = r.areas_have;
      route["areas_needed"] = r.areas_needed;
    }
    routes.push_back(route);
  }
  Json suggestions = Json::array();
  for (const Suggestion& s : w.suggestions) {
    Json changes = Json::array();
    for (const CaseChange& c : s.changes) {
      Json change{{"kind", kChanges[c.kind]}};
      if (c.kind == CaseChange::kAge) {
        change["subject"] = SubjectId(c.subject);
        change["min"] = BoundJson(c.age_min);
        change["max"] = BoundJson(c.age_max);
      } else {
        change["fact"] = model.facts[c.fact].id;
        change["subject"] = c.any_subject ? Json(nullptr) : Json(SubjectId(c.subject));
        change["words"] = c.phrase;
      }
      changes.push_back(change);
    }
    suggestions.push_back(Json{{"text", TextJson({DescribeChanges(model, s.changes, Lang::kJa),
                                                  DescribeChanges(model, s.changes, Lang::kEn)})},
                               {"changes", changes},
                               {"via", s.via},
                               {"rank", s.rank},
                               {"score", s.score},
                               {"checked", true},
                               {"checked_text", s.text}});
  }
  return Json{{"agency", model.agencies[w.agency].id},
              {"state", kStates[w.state]},
              {"rank", w.state == WhyNot::kRanked ? Json(w.rank) : Json(nullptr)},
              {"score", w.state == WhyNot::kAbsent ? Json(nullptr) : Json(w.score)},
              {"removed_why", w.state == WhyNot::kRemoved ? TextJson(w.removed_why) : Json(nullptr)},
              {"routes", routes},
              {"suggestions", suggestions},
              {"tried", w.tried}};
}

}  // namespace

std::string DescribeChange(const Model& model, const CaseChange& c, Lang lang) {
  bool ja = lang == Lang::kJa;
  const bool about =
      !c.any_subject && c.kind == CaseChange::kMention && c.fact >= 0 && c.subject != model.facts[c.fact].subject;
  switch (c.kind) {
    case CaseChange::kMention:
      if (ja)
        return (about ? std::string(SubjectName(c.subject, lang)) + "について" : "") + Quote(c.phrase, lang) +
               "の記載がある";
      return Quote(c.phrase, lang) + " were mentioned" +
             (about ? std::string(" about ") + SubjectName(c.subject, lang) : "");
    case CaseChange::kUnnegate: {
      bool latin = !c.phrase.empty() && static_cast<unsigned char>(c.phrase[0]) < 0x80;
      std::string said = latin ? c.negation + " " + c.phrase : c.phrase + c.negation;
      if (ja) return Quote(c.phrase, lang) + "が否定されていない(本文は" + Quote(said, lang) + ")";
      return Quote(c.phrase, lang) + " were not negated (the text says " + Quote(said, lang) + ")";
    }
    case CaseChange::kUnmention:
      if (ja) return Quote(c.phrase, lang) + "の記載がない";
      return Quote(c.phrase, lang) + " were not mentioned";
    case CaseChange::kAge: {
      std::string bounds = Bounds(c.age_min, c.age_max, lang);
      if (ja)
        return std::string(SubjectName(c.subject, lang)) + "が" + bounds +
               (c.age_known ? "である" : "と分かる(本文に年齢なし)");
      return std::string(SubjectName(c.subject, lang)) + " were " + bounds +
             (c.age_known ? "" : " (the text gives no age)");
    }
  }
  return "";
}

std::string DescribeChanges(const Model& model, const std::vector<CaseChange>& changes, Lang lang) {
  std::vector<std::string> parts;
  for (const CaseChange& c : changes) parts.push_back(DescribeChange(model, c, lang));
  if (lang == Lang::kJa) return Join(parts, "、") + "なら";
  return "if " + Join(parts, " and ");
}

namespace {

// Writes the explain trace, one numbered section after another; bold as
// kBoldOn/kBoldOff markers (RenderExplain turns them into colour codes
// after escaping the text).
struct TraceWriter {
  const Model& model;
  const Understanding& u;
  Lang lang;
  bool ja;
  bool color;
  std::string out;
  int step = 0;

  std::string Bold(const std::string& s) const { return color ? kBoldOn + s + kBoldOff : s; }
  void Head(const char* j, const char* en, size_t count = static_cast<size_t>(-1)) {
    out += Bold(std::to_string(++step) + ". " + T(lang, j, en) +
                (count == static_cast<size_t>(-1) ? "" : " (" + std::to_string(count) + ")")) +
           "\n";
  }
  void None() { out += std::string("   ") + T(lang, "(なし)", "(none)") + "\n"; }
  static std::string ClauseTag(int c) { return "[" + std::to_string(c + 1) + "] "; }
};

void WriteText(TraceWriter& w) {
  const Understanding& u = w.u;
  w.out += std::string(T(w.lang, "入力: ", "Input: ")) + u.input + "\n\n";
  w.Head("正規化したテキスト (NFKC・小文字化)", "Normalised text (NFKC, lower case)");
  w.out += "   " + u.text.display + "\n";

  w.Head("節", "Clauses", u.clauses.size());
  for (size_t i = 0; i < u.clauses.size(); ++i)
    w.out += "   " + w.ClauseTag(static_cast<int>(i)) +
             u.text.display.substr(u.clauses[i].begin, u.clauses[i].end - u.clauses[i].begin) + "\n";
}

void WriteWords(TraceWriter& w) {
  const Understanding& u = w.u;
  w.Head("語 (表層 / 原形 / 品詞)", "Words (surface / lemma / part of speech)", u.tokens.size());
  if (u.tokens.empty()) w.None();
  std::string line = "  ";
  for (const Token& t : u.tokens) {
    std::string item = " " + u.text.display.substr(t.begin, t.end - t.begin) + "/" + t.lemma + "/" +
                       (w.ja ? std::string(t.pos_name) : PosId(t.pos));
    if (DisplayWidth(line) + DisplayWidth(item) > 76) {
      w.out += line + "\n";
      line = "  ";
    }
    line += item;
  }
  if (!u.tokens.empty()) w.out += line + "\n";
}

void WriteSubjects(TraceWriter& w) {
  const Understanding& u = w.u;
  const Lang lang = w.lang;
  w.Head("主語の語", "Subject words", u.subjects.size());
  if (u.subjects.empty()) w.None();
  for (const SubjectMention& s : u.subjects)
    w.out += "   " + w.ClauseTag(s.clause) + Quote(s.words, lang) + " → " + SubjectName(s.subject, lang) + "\n";
}

void WriteMentions(TraceWriter& w) {
  const Understanding& u = w.u;
  const Lang lang = w.lang;
  const bool ja = w.ja;
  w.Head("語句と事実 (主語・否定)", "Phrases and facts (subject, negation)", u.mentions.size());
  if (u.mentions.empty()) w.None();
  for (const FactMention& m : u.mentions) {
    const FactDef& def = w.model.facts[m.fact];
    std::string line = "   " + w.ClauseTag(m.clause) +
                       (m.origin == FactMention::kPhrase ? MentionQuoted(m, lang) + " → " : "") + def.id + " (" +
                       def.label.in(lang) + ")";
    line += std::string(ja ? "、" : ", ") + SubjectName(m.subject, lang) + (ja ? "について" : "");
    std::string why = m.origin == FactMention::kPhrase ? SubjectReason(u, m, lang) : OriginText(w.model, m, lang);
    if (!why.empty()) line += " [" + why + "]";
    if (!m.phrase.empty()) line += std::string(ja ? " (語句 " : " (phrase ") + m.phrase + ")";
    if (m.negated) {
      const bool hypothetical = m.negation_kind == "hypothetical", died = m.negation_kind == "died",
                 past = m.negation_kind == "past", trip = m.negation_kind == "trip";
      line += hypothetical ? std::string(ja ? "、仮定・たとえ " : ", hypothetical or figurative ")
              : died       ? std::string(ja ? "、亡くなったこと " : ", a death told ")
              : past       ? std::string(ja ? "、ずっと前のこと " : ", long past ")
              : trip       ? std::string(ja ? "、日々の行き来 " : ", a day's coming and going ")
                           : std::string(ja ? "、否定 " : ", negated by ");
      line += Quote(m.negation, lang) + T(lang, ": 数えない", ": not counted");
    }
    w.out += line + "\n";
  }
}

void WriteNumbers(TraceWriter& w) {
  const Understanding& u = w.u;
  const Lang lang = w.lang;
  w.Head("数 (年齢・期間)", "Numbers (ages, durations)", u.ages.size() + u.durations.size() + u.ignored_numbers.size());
  if (u.ages.empty() && u.durations.empty() && u.ignored_numbers.empty()) w.None();
  for (const AgeMention& a : u.ages)
    w.out += "   " + w.ClauseTag(a.clause) + Quote(a.words, lang) + " → " + SubjectName(a.subject, lang) +
             T(lang, "の年齢 ", "'s age: ") + AgeText(a.range, lang) + "\n";
  for (const DurationMention& d : u.durations)
    w.out += "   " + w.ClauseTag(d.clause) + Quote(d.words, lang) + T(lang, " → 期間 ", " → duration: ") +
             std::to_string(d.months) + T(lang, "か月", " months") + "\n";
  for (const std::string& n : u.ignored_numbers)
    w.out += "   " + Quote(n, lang) +
             T(lang, ": 年齢として読まない(すぐ隣に主語の語がない)",
               ": not read as an age (no subject word right next to it)") +
             "\n";
}

void WritePeople(TraceWriter& w) {
  const Understanding& u = w.u;
  const Lang lang = w.lang;
  w.Head("人 (誰のことか)", "People (who is who)", u.persons.size());
  if (u.persons.empty()) w.None();
  for (const Person& p : u.persons) {
    std::string line =
        "   #" + std::to_string(p.id) + " " + RelationLabel(p.relation, lang) + " → " + SubjectName(p.role, lang);
    if (p.id == u.concern) line += T(lang, " (相談の対象)", " (the person of concern)");
    if (p.caller) line += T(lang, " (相談者)", " (the caller)");
    line +=
        std::string(T(lang, "、年齢 ", ", age ")) + (p.age.known() ? AgeText(p.age, lang) : T(lang, "不明", "unknown"));
    for (const AgeRange& past : p.past_ages) line += std::string(T(lang, "、過去 ", ", past ")) + AgeText(past, lang);
    line += std::string(T(lang, "、居住 ", ", lives ")) + ResidenceText(p.residence, lang);
    w.out += line + "\n";
    for (const AgeMention& a : u.ages)
      if (a.person == p.id)
        w.out += "      " + Quote(a.words, lang) +
                 (a.when == NumberMention::kPast ? T(lang, " (過去)", " (past)") : "") + ": " +
                 BecauseText(a.because, lang) + "\n";
    for (int i : p.mentions) {
      const FactMention& m = u.mentions[i];
      w.out += "      " + w.model.facts[m.fact].id + " " +
               (m.origin == FactMention::kPhrase ? MentionQuoted(m, lang) : Quote(m.words, lang)) + ": " +
               BecauseText(m.because, lang) + "\n";
    }
  }
  for (const AgeMention& a : u.ages)
    if (a.person < 0) w.out += "   " + Quote(a.words, lang) + ": " + BecauseText(a.because, lang) + "\n";
  // Where they live, for choosing local offices (place.h); the first wins.
  for (const PlaceMention& p : u.places)
    w.out +=
        std::string("   ") + T(lang, "住んでいる地区: ", "Lives in: ") + p.area + " " + Quote(p.words, lang) + "\n";
}

void WriteUnrecognized(TraceWriter& w) {
  w.Head("読み取れなかった語", "Words not understood", w.u.unrecognized.size());
  if (w.u.unrecognized.empty()) w.None();
  else w.out += "   " + Join(w.u.unrecognized, w.ja ? "、" : ", ") + "\n";
}

// One condition part of a fired rule: "all  ✓ fact "words", ...".
std::string PartText(const TraceWriter& w, const PartTrace& p) {
  const Lang lang = w.lang;
  static const char* const kKinds[] = {"all ", "any ", "none", "age "};
  std::vector<std::string> items;
  if (p.kind == PartTrace::kAge) {
    items.push_back(std::string(p.holds ? "✓ " : "✗ ") + SubjectName(p.age.subject, lang) + " " +
                    AgeText(p.actual, lang) + T(lang, "(条件 ", " (needs ") + Bounds(p.age.min, p.age.max, lang) + ")");
  } else {
    for (const FactCheck& c : p.facts) {
      bool good = p.kind == PartTrace::kNone ? !c.present() : c.present();
      std::string item = std::string(good ? "✓ " : "✗ ") + RefText(w.model, c.ref);
      std::vector<std::string> words;
      for (int m : c.mentions) words.push_back(Quote(w.u.mentions[m].words, lang));
      if (!words.empty()) item += " " + Join(words, " ");
      else if (p.kind == PartTrace::kNone) item += T(lang, "(述べられていない)", " (not stated)");
      items.push_back(item);
    }
  }
  return std::string("     ") + kKinds[p.kind] + "  " + Join(items, w.ja ? "、" : ", ") + "\n";
}

void WriteFired(TraceWriter& w, const Explanation& e) {
  const Model& model = w.model;
  const Lang lang = w.lang;
  w.Head("発動した規則と警報", "Rules and alerts that fired", e.fired.size());
  if (e.fired.empty()) w.None();
  for (const RuleTrace& t : e.fired) {
    const std::string& id = t.alert ? model.alerts[t.index].id : model.rules[t.index].id;
    const SourcePos& pos = t.alert ? model.alerts[t.index].pos : model.rules[t.index].pos;
    w.out += "   " + w.Bold(id) + (t.alert ? T(lang, " 【緊急】", " [ALERT]") : "") +
             (pos.file.empty() ? "" : "  " + PosText(pos)) + "\n";
    for (const PartTrace& p : t.parts) w.out += PartText(w, p);
    const std::vector<Target>& to = t.alert ? model.alerts[t.index].to : model.rules[t.index].to;
    if (!to.empty()) w.out += "     → " + TargetsText(model, to) + "\n";
    if (t.alert) {
      std::vector<std::string> contacts;
      for (int c : model.alerts[t.index].contacts)
        contacts.push_back(model.crisis[c].name.in(lang) + " " + model.crisis[c].phone);
      w.out += std::string("     ") + T(lang, "連絡先: ", "contacts: ") + Join(contacts, w.ja ? "、" : ", ") + "\n";
    }
    const LocalText& reason = t.alert ? model.alerts[t.index].message : model.rules[t.index].reason;
    w.out += std::string("     ") + T(lang, "理由: ", "reason: ") + reason.in(lang) + "\n";
  }
}

// Danger words that raised nothing, and why: a trainer checks these first.
void WriteQuietDangers(TraceWriter& w, const Explanation& e) {
  const Understanding& u = w.u;
  const Lang lang = w.lang;
  std::vector<QuietDanger> quiet = FindQuietDangers(w.model, u, e.result.alerts);
  if (!quiet.empty())
    w.out += std::string("   ") + T(lang, "警報にならなかった危険の語:", "danger words that raised no alert:") + "\n";
  for (const QuietDanger& q : quiet) {
    const FactMention& m = u.mentions[q.mention];
    std::string why;
    if (q.kind == QuietDanger::kNegated && m.negation_kind == "past")
      why = T(lang, "ずっと前のこと(", "long past (") + Quote(m.negation, lang) + T(lang, ")", ")");
    else if (q.kind == QuietDanger::kNegated && m.negation_kind == "hypothetical")
      why = T(lang, "仮定・たとえ(", "hypothetical or figurative (") + Quote(m.negation, lang) + T(lang, ")", ")");
    else if (q.kind == QuietDanger::kNegated)
      why = T(lang, "否定されている(", "negated (") + Quote(m.negation, lang) + T(lang, ")", ")");
    else if (q.kind == QuietDanger::kOtherSubject)
      why = std::string(T(lang, "対象が", "about ")) + SubjectName(m.subject, lang) +
            T(lang, ": この対象についての警報はない", ": no alert takes it about this person");
    else
      why = T(lang, "危険の表現ではない(仮定・将来・他人の死など): 警報の条件にない",
              "not a danger (hypothetical, future, someone else's death): no alert takes it");
    w.out += std::string("     ") + Quote(MentionWords(m), lang) + " " + w.model.facts[m.fact].id + ": " + why + "\n";
  }
}

void WriteTeam(TraceWriter& w, const Ranking& ranking) {
  const Model& model = w.model;
  const Lang lang = w.lang;
  w.Head("チーム", "Team");
  const Team& team = ranking.team;
  w.out += std::string("   ") + T(lang, "課題の領域: ", "problem areas: ") +
           (team.areas.empty() ? T(lang, "なし", "none") : Join(team.areas, ", ")) + " (" +
           std::to_string(team.areas.size()) + T(lang, "、複数機関の事例は", "; multi-agency from ") +
           std::to_string(model.team.multi_issue_areas) + T(lang, "以上", "") + ")\n";
  if (team.convener >= 0)
    w.out += std::string("   ") + T(lang, "ケース会議の招集: ", "case conference convened by: ") +
             model.agencies[team.convener].id + " +" + std::to_string(model.team.convener_weight) +
             " (team-convener)\n";
  if (team.first_contact >= 0)
    w.out += std::string("   ") + T(lang, "最初の窓口: ", "first contact: ") + model.agencies[team.first_contact].id +
             (team.first_contact_alert < 0
                  ? std::string()
                  : " " + model.agencies[team.first_contact].name.in(lang) + T(lang, "(", " (by the ") +
                        AlertKindLabel(model.alerts[team.first_contact_alert].kind).in(lang) +
                        T(lang, "の警報による)", " alert)")) +
             "\n";
  if (ranking.fallback)
    w.out += std::string("   ") +
             T(lang, "該当する規則がないため、一般の窓口 (fallback) を示す",
               "no rule routed the case: the general windows (fallback) are shown") +
             "\n";
}

void WriteScores(TraceWriter& w, const Ranking& ranking) {
  const Model& model = w.model;
  w.Head("点数の内訳", "Scores, part by part", ranking.agencies.size());
  size_t width = 0;
  for (const RankedAgency& r : ranking.agencies) width = std::max(width, model.agencies[r.agency].id.size());
  for (const RankedAgency& r : ranking.agencies) {
    std::vector<std::string> parts;
    for (const ScorePart& p : r.parts) parts.push_back(std::to_string(p.weight) + " " + std::string(p.source));
    const std::string& id = model.agencies[r.agency].id;
    w.out += "   " + id + std::string(width - id.size(), ' ') + "  " + std::to_string(r.score) + " = " +
             Join(parts, " + ") + "\n";
  }
  if (ranking.agencies.empty()) w.None();
}

void WriteEligibility(TraceWriter& w, const Ranking& ranking) {
  const Model& model = w.model;
  const Lang lang = w.lang;
  w.Head("対象の判定", "Eligibility");
  bool any_condition = false;
  for (const RankedAgency& r : ranking.agencies)
    for (const AgencyCondition& c : r.conditions) {
      any_condition = true;
      w.out += "   " + model.agencies[r.agency].id + ": " + T(lang, "残す、条件つき — ", "kept, with a condition — ") +
               c.text.in(lang) + "\n";
    }
  for (const Removal& r : ranking.removed) {
    any_condition = true;
    w.out += "   " + model.agencies[r.agency].id + ": " + T(lang, "除外 (点数 ", "removed (score ") +
             std::to_string(r.score) + ") — " + r.why.in(lang) + "\n";
  }
  if (!any_condition)
    w.out += std::string("   ") + T(lang, "(条件・除外なし)", "(no conditions, nothing removed)") + "\n";
}

void WriteFinalRanking(TraceWriter& w, const Ranking& ranking) {
  const Lang lang = w.lang;
  w.Head("最終順位", "Final ranking", ranking.agencies.size());
  for (const RankedAgency& r : ranking.agencies) {
    const Agency& a = w.model.agencies[r.agency];
    std::vector<std::string> roles;
    for (int role : r.roles) roles.push_back(RoleLabel(a.roles[role], lang));
    w.out += "   " + std::to_string(r.rank) + ". " + a.id + " " + a.name.in(lang) + T(lang, " 点数 ", " score ") +
             std::to_string(r.score) + "\n      " + Join(roles, w.ja ? "/" : "; ") + "\n";
    if (!r.office_reason.empty()) w.out += "      " + r.office_reason.in(lang) + "\n";
  }
}

// Why not: where the agency stands now, then each route that could bring it in.
void WriteWhyNotRoutes(TraceWriter& w, const WhyNot& wn) {
  const Model& model = w.model;
  const Lang lang = w.lang;
  w.out += "\n" +
           w.Bold(std::string(T(lang, "なぜ ", "Why not ")) + AgencyLabel(model, wn.agency, lang) +
                  T(lang, " ではないか", "?")) +
           "\n";
  if (wn.state == WhyNot::kRanked)
    w.out += std::string("   ") + T(lang, "順位に入っている: ", "It is ranked: ") + std::to_string(wn.rank) +
             T(lang, "位、点数 ", " (score ") + std::to_string(wn.score) + T(lang, "", ")") + "\n";
  else if (wn.state == WhyNot::kRemoved)
    w.out += std::string("   ") +
             T(lang, "規則で入ったが対象外として除外: ", "A rule brought it in, but eligibility removed it: ") +
             wn.removed_why.in(lang) + "\n";
  else
    w.out +=
        std::string("   ") + T(lang, "どの規則もこの機関を入れなかった。", "No rule brought it into this case.") + "\n";
  w.out += std::string("   ") + T(lang, "この機関を入れうる規則:", "What could bring it in:") + "\n";
  for (const Route& r : wn.routes) {
    std::string line = "     " + RouteName(model, r, lang) + " (+" + std::to_string(r.weight) + "): ";
    if (r.fired) {
      line += T(lang, "発動した", "fired");
    } else if (r.kind == Route::kConvener) {
      line += std::string(T(lang, "発動せず — 課題の領域が ", "did not fire — ")) + std::to_string(r.areas_have) +
              T(lang, "(", " problem area(s), needs ") + std::to_string(r.areas_needed) + T(lang, "以上が必要)", "");
    } else if (r.kind == Route::kFallback) {
      line += T(lang, "使われず(他の規則が該当した)", "not used (other rules routed the case)");
    } else {
      std::vector<std::string> gaps;
      for (const ConditionGap& g : r.gaps) gaps.push_back(GapText(model, w.u, g, lang));
      line += std::string(T(lang, "発動せず — ", "did not fire — ")) + Join(gaps, "; ");
    }
    w.out += line + "\n";
  }
  if (wn.routes.empty())
    w.out += std::string("     ") +
             T(lang, "(ない: どの規則もこの機関を挙げていない)", "(none: no rule names this agency)") + "\n";
}

// Why not, last part: the smallest changes that bring the agency in (or up).
void WriteWhyNotSuggestions(TraceWriter& w, const WhyNot& wn) {
  const Lang lang = w.lang;
  if (wn.state == WhyNot::kRanked && wn.rank == 1) {
    w.out += std::string("   ") + T(lang, "すでに1位です。", "It is already first.") + "\n";
    return;
  }
  if (wn.suggestions.empty()) {
    w.out +=
        std::string("   ") + T(lang, "事例を変えて試した ", "Tried ") + std::to_string(wn.tried) +
        T(lang, " 通りの変更のどれでも入らなかった(緊急の語を加える変更は提案しない)。",
          " changed versions of the case; none brings it in (changes that add a crisis word are never suggested).") +
        "\n";
    return;
  }
  w.out += std::string("   ") +
           (wn.state == WhyNot::kRanked ? T(lang, "順位を上げる最小の変更", "Smallest changes that move it up")
                                        : T(lang, "この機関が入る最小の変更", "Smallest changes that bring it in")) +
           T(lang, "(確認済み: 変えた事例を再実行した結果):", " (checked: each changed case was run again):") + "\n";
  const size_t kShown = 5;
  for (size_t i = 0; i < wn.suggestions.size() && i < kShown; ++i) {
    const Suggestion& s = wn.suggestions[i];
    w.out += "     " + std::to_string(i + 1) + ". " + DescribeChanges(w.model, s.changes, lang) + "\n";
    w.out += std::string("        → ") + T(lang, "", "rank ") + std::to_string(s.rank) +
             T(lang, "位、点数 ", ", score ") + std::to_string(s.score) + " (" +
             (s.via == "eligibility" ? T(lang, "対象の判定", "eligibility") : s.via) + ")  " +
             T(lang, "確認済み", "checked") + "\n";
    w.out += std::string("        ") + T(lang, "再実行した文: ", "re-run as: ") + Elide(s.text, 40, 60) + "\n";
  }
  if (wn.suggestions.size() > kShown)
    w.out += std::string("     ") + T(lang, "ほか ", "and ") + std::to_string(wn.suggestions.size() - kShown) +
             T(lang, " 件(--format json ですべて)", " more (all with --format json)") + "\n";
}

// The trace with bold as kBoldOn/kBoldOff markers, section by section.
std::string RenderExplainMarked(const Model& model, const Explanation& e, const WhyNot* why_not,
                                const RenderOptions& options) {
  TraceWriter w{model, e.result.understanding, options.lang, options.lang == Lang::kJa, options.color, {}, 0};
  const Ranking& ranking = e.result.ranking;
  WriteText(w);
  WriteWords(w);
  WriteSubjects(w);
  WriteMentions(w);
  WriteNumbers(w);
  WritePeople(w);
  WriteUnrecognized(w);
  WriteFired(w, e);
  WriteQuietDangers(w, e);
  WriteTeam(w, ranking);
  WriteScores(w, ranking);
  WriteEligibility(w, ranking);
  WriteFinalRanking(w, ranking);
  if (why_not) {
    WriteWhyNotRoutes(w, *why_not);
    WriteWhyNotSuggestions(w, *why_not);
  }
  return w.out;
}

}  // namespace

std::string RenderExplain(const Model& model, const Explanation& e, const WhyNot* why_not,
                          const RenderOptions& options) {
  // Most lines quote the case (input, clauses, words, suggestions), so the
  // whole trace is escaped rather than each field; the markers cannot come
  // from a case text, which never holds a NUL byte.
  std::string marked = RenderExplainMarked(model, e, why_not, options);
  std::string out;
  size_t from = 0;
  for (size_t at; (at = marked.find('\0', from)) != std::string::npos && at + 1 < marked.size();) {
    out += VisibleControls(std::string_view(marked).substr(from, at - from));
    char kind = marked[at + 1];
    if (kind == kBoldOn[1]) out += "\033[1m";
    else if (kind == kBoldOff[1]) out += "\033[0m";
    else out += VisibleControls(std::string_view(marked).substr(at, 2));
    from = at + 2;
  }
  return out + VisibleControls(std::string_view(marked).substr(from));
}

std::string RenderExplainJson(const Model& model, const Explanation& e, const WhyNot* why_not) {
  const Understanding& u = e.result.understanding;
  const Ranking& ranking = e.result.ranking;
  Json out;
  out["schema"] = kExplainSchema;
  out["input"] = u.input;
  out["normalized"] = u.text.display;
  Json clauses = Json::array();
  for (const Clause& c : u.clauses) clauses.push_back(u.text.display.substr(c.begin, c.end - c.begin));
  out["clauses"] = clauses;
  Json tokens = Json::array();
  for (const Token& t : u.tokens)
    tokens.push_back(Json{{"surface", u.text.display.substr(t.begin, t.end - t.begin)},
                          {"lemma", t.lemma},
                          {"pos", PosId(t.pos)},
                          {"pos_ja", std::string(t.pos_name)}});
  out["tokens"] = tokens;
  Json subjects = Json::array();
  for (const SubjectMention& s : u.subjects)
    subjects.push_back(Json{{"clause", s.clause + 1}, {"words", s.words}, {"subject", SubjectId(s.subject)}});
  out["subjects"] = subjects;
  Json mentions = Json::array();
  for (const FactMention& m : u.mentions) {
    static const char* const kFrom[] = {"phrase", "age", "duration"};
    std::string subject_from = m.origin != FactMention::kPhrase ? kFrom[m.origin]
                               : m.has_own_subject              ? "phrase"
                               : m.subject_word >= 0            ? "subject-word"
                                                                : "default";
    Json word = m.subject_word >= 0 && m.subject_word < static_cast<int>(u.subjects.size())
                    ? Json(u.subjects[m.subject_word].words)
                    : Json(nullptr);
    mentions.push_back(
        Json{{"clause", m.clause + 1},
             {"words", m.words},
             {"fact", model.facts[m.fact].id},
             {"label", TextJson(model.facts[m.fact].label)},
             {"area", model.facts[m.fact].area},
             {"subject", SubjectId(m.subject)},
             {"subject_from", subject_from},
             {"subject_word", word},
             {"negated", m.negated},
             {"negation", m.negated ? Json(m.negation) : Json(nullptr)},
             {"negation_kind",
              m.negated ? Json(m.negation_kind.empty() ? "negation" : std::string(m.negation_kind)) : Json(nullptr)},
             {"phrase", m.phrase.empty() ? Json(nullptr) : Json(m.phrase)},
             {"from", kFrom[m.origin]},
             {"person", m.person >= 0 ? Json(m.person) : Json(nullptr)},
             {"because", BecauseId(m.because)}});
  }
  out["mentions"] = mentions;
  static const char* const kWhen[] = {"now", "past", "relative", "approaching"};
  Json ages = Json::array();
  for (const AgeMention& a : u.ages)
    ages.push_back(Json{{"clause", a.clause + 1},
                        {"words", a.words},
                        {"subject", SubjectId(a.subject)},
                        {"min", a.range.lo},
                        {"max", a.range.hi},
                        {"when", kWhen[a.when]},
                        {"person", a.person >= 0 ? Json(a.person) : Json(nullptr)},
                        {"because", BecauseId(a.because)}});
  out["ages"] = ages;
  Json persons = Json::array();
  for (const Person& p : u.persons) {
    Json past = Json::array();
    for (const AgeRange& r : p.past_ages) past.push_back(Json{{"min", r.lo}, {"max", r.hi}});
    const char* residence = ResidenceId(p.residence);
    persons.push_back(Json{{"id", p.id},
                           {"relation", p.relation},
                           {"role", SubjectId(p.role)},
                           {"concern", p.id == u.concern},
                           {"caller", p.caller},
                           {"age", p.age.known() ? Json{{"min", p.age.lo}, {"max", p.age.hi}} : Json(nullptr)},
                           {"past_ages", past},
                           {"residence", residence ? Json(residence) : Json(nullptr)},
                           {"mentions", p.mentions}});
  }
  out["persons"] = persons;
  Json places = Json::array();
  for (const PlaceMention& p : u.places)
    places.push_back(Json{{"area", p.area}, {"words", p.words}, {"clause", p.clause + 1}});
  out["places"] = places;
  Json durations = Json::array();
  for (const DurationMention& d : u.durations)
    durations.push_back(Json{{"clause", d.clause + 1}, {"words", d.words}, {"months", d.months}});
  out["durations"] = durations;
  out["ignored_numbers"] = u.ignored_numbers;
  out["unrecognized"] = u.unrecognized;
  Json fired = Json::array();
  for (const RuleTrace& t : e.fired) fired.push_back(TraceJson(model, u, t));
  out["fired"] = fired;
  Json quiet = Json::array();
  static const char* const kQuietKinds[] = {"negated", "other-subject", "no-alert"};
  for (const QuietDanger& q : FindQuietDangers(model, u, e.result.alerts)) {
    const FactMention& m = u.mentions[q.mention];
    quiet.push_back(Json{{"fact", model.facts[m.fact].id},
                         {"words", MentionWords(m)},
                         {"subject", SubjectId(m.subject)},
                         {"why", kQuietKinds[q.kind]}});
  }
  out["danger_without_alert"] = quiet;
  auto agency_id = [&](int i) -> Json { return i < 0 ? Json(nullptr) : Json(model.agencies[i].id); };
  out["team"] = Json{
      {"areas", ranking.team.areas},
      {"multi_issue", ranking.team.multi_issue},
      {"areas_needed", model.team.multi_issue_areas},
      {"convener", agency_id(ranking.team.convener)},
      {"first_contact", agency_id(ranking.team.first_contact)},
      {"first_contact_alert",
       ranking.team.first_contact_alert < 0 ? Json(nullptr) : Json(model.alerts[ranking.team.first_contact_alert].id)}};
  out["fallback"] = ranking.fallback;
  Json agencies = Json::array();
  for (const RankedAgency& r : ranking.agencies) {
    Json parts = Json::array();
    for (const ScorePart& p : r.parts) parts.push_back(Json{{"source", std::string(p.source)}, {"weight", p.weight}});
    Json conditions = Json::array();
    for (const AgencyCondition& c : r.conditions)
      conditions.push_back(Json{{"kind", c.kind}, {"ja", c.text.ja}, {"en", c.text.en}});
    Json roles = Json::array();
    for (int role : r.roles) roles.push_back(model.agencies[r.agency].roles[role].id);
    agencies.push_back(
        Json{{"rank", r.rank},
             {"id", model.agencies[r.agency].id},
             {"score", r.score},
             {"score_parts", parts},
             {"roles", roles},
             {"conditions", conditions},
             {"office", r.office < 0 ? Json(nullptr)
                                     : Json(model.agencies[r.agency].offices[static_cast<size_t>(r.office)].id)}});
  }
  out["ranking"] = agencies;
  Json removed = Json::array();
  for (const Removal& r : ranking.removed)
    removed.push_back(Json{{"id", model.agencies[r.agency].id}, {"score", r.score}, {"why", TextJson(r.why)}});
  out["removed"] = removed;
  out["why_not"] = why_not ? WhyNotJson(model, *why_not) : Json(nullptr);
  return out.dump(2);
}
