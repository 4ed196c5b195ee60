#include "check.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <memory>
#include <unordered_map>

#include "household.h"
#include "load_data.h"
#include "load_model.h"
#include "load_rules.h"
#include "messages.h"
#include "model.h"
#include "normalize.h"
#include "parallel.h"
#include "reading.h"
#include "tokens.h"
#include "utf8.h"
#include "yaml_doc.h"

namespace {

// Set-aside rounds per file: enough for a file where every item is broken.
constexpr int kMaxRounds = 300;

using Loader = Status (*)(const YamlDoc&, Model*);
struct Step {
  const char* file;
  Loader load;
  const char* list_key;  // the list of items in the file ("" = the root list)
  const char* provides;  // the kind later files refer to ("" = none)
};
const Step kSteps[] = {
    {"agencies.yaml", LoadAgencies, "", "agency"},  {"crisis.yaml", LoadCrisis, "", "crisis contact"},
    {"lexicon.yaml", LoadLexicon, "facts", "fact"}, {"routing.yaml", LoadRouting, "", ""},
    {"alerts.yaml", LoadAlerts, "alerts", ""},      {"holidays.yaml", LoadHolidays, "holidays", ""}};
constexpr size_t kFiles = sizeof kSteps / sizeof kSteps[0];
const char* const kKinds[] = {"agency", "crisis contact", "fact"};

// What a file left out, for the references of later files.
struct SetAside {
  std::map<std::string, std::string> ids;  // id → where its error is
  bool whole_file = false;                 // nothing of this kind can be trusted
  std::string file;
};

std::string Where(const Status& s) {
  return s.file() + ":" + std::to_string(s.line()) + ":" + std::to_string(s.column());
}

// The id a loader's "unknown <kind> '<id>'" error refers to: carried in
// the Status (Status::Refers), not read from its text, which is in the
// user's language.
bool ReferencedId(const Status& s, const std::string& kind, std::string* id) {
  if (s.ref_kind() != kind || s.ref_id().empty()) return false;
  *id = s.ref_id();
  return true;
}

// A kind of kKinds as a person reads it.
const char* KindName(const std::string& kind) {
  if (kind == "agency") return Tr("agency");
  if (kind == "crisis contact") return Tr("crisis contact");
  return Tr("fact");
}

YamlNode ItemList(const YamlNode& root, const char* list_key) {
  if (!*list_key) return root;
  if (!root.IsMap()) return YamlNode();
  return root[list_key];
}

// One entry of a file's list: its lines [first, end) (0-based) and its id.
struct Item {
  int first = 0, end = 0;
  std::string id;
};

std::vector<Item> Items(const YamlNode& root, const char* list_key, int total_lines) {
  std::vector<Item> items;
  YamlNode list = ItemList(root, list_key);
  if (!list || !list.IsSequence()) return items;
  // The list ends where the next key of the root mapping starts.
  int list_end = total_lines;
  if (*list_key) {
    int list_line = list.Mark().line;
    for (auto it = root.begin(); it != root.end(); ++it) {
      int line = it->first.Mark().line;
      if (line > list_line && line < list_end) list_end = line;
    }
  }
  for (const YamlNode& child : list) {
    Item item;
    item.first = child.Mark().line;
    if (child.IsMap() && child["id"] && child["id"].IsScalar()) item.id = child["id"].Scalar();
    items.push_back(item);
  }
  for (size_t i = 0; i < items.size(); ++i) items[i].end = i + 1 < items.size() ? items[i + 1].first : list_end;
  return items;
}

// text with the lines of each range [first, end) emptied (line numbers are
// kept), in one pass: blanking one range at a time made a file with many
// items set aside quadratic.
std::string BlankLines(const std::string& text, std::vector<std::pair<int, int>> ranges) {
  std::sort(ranges.begin(), ranges.end());
  std::string out;
  out.reserve(text.size());
  size_t r = 0;  // the ranges before it end before the current line
  for (size_t at = 0, line = 0;; ++line) {
    const size_t newline = text.find('\n', at);
    const size_t end = newline == std::string::npos ? text.size() : newline;
    const int n = static_cast<int>(line);
    while (r < ranges.size() && ranges[r].second <= n && ranges[r].first <= n) ++r;
    bool blank = false;
    for (size_t k = r; k < ranges.size() && ranges[k].first <= n && !blank; ++k) blank = n < ranges[k].second;
    if (!blank) out.append(text, at, end - at);
    if (newline == std::string::npos) break;
    out += '\n';
    at = newline + 1;
  }
  return out;
}

std::string BlankLines(const std::string& text, int first, int end) { return BlankLines(text, {{first, end}}); }

// Writes " []" after "key:" in text, so the emptied list still is a list.
bool EmptyList(const YamlNode& root, const char* key, std::string* text) {
  for (auto it = root.begin(); it != root.end(); ++it) {
    if (!it->first.IsScalar() || it->first.Scalar() != key) continue;
    size_t at = 0;
    for (int line = 0; line < it->first.Mark().line && at != std::string::npos; ++line) {
      at = text->find('\n', at);
      if (at != std::string::npos) ++at;
    }
    if (at == std::string::npos) return false;
    at += static_cast<size_t>(it->first.Mark().column) + std::string(key).size();
    if (at >= text->size() || (*text)[at] != ':') return false;
    text->insert(at + 1, " []");
    return true;
  }
  return false;
}

// The tree of text that YamlDoc rejected for its bytes, if yaml-cpp reads it.
bool LoadAnyway(const std::string& text, std::unique_ptr<YamlTree>* tree) {
  try {
    *tree = YamlTree::Parse(text);
    return true;
  } catch (const YAML::Exception&) {
    return false;
  }
}

int LineCount(const std::string& text) { return static_cast<int>(std::count(text.begin(), text.end(), '\n')) + 1; }

class Checker {
 public:
  Checker(const std::vector<SourceFile>& files, int year, const StaleCheck& stale, KnownReadings* known)
      : files_(files), year_(year), stale_(stale), known_(known) {}

  std::vector<Finding> Run() {
    for (size_t i = 0; i < kFiles; ++i) docs_[i] = YamlDoc(files_[i].name);
    ParseModelFiles([&](size_t i) {
      if (files_[i].read.ok()) first_parse_[i] = docs_[i].Parse(files_[i].text);
    });
    for (size_t i = 0; i < kFiles && i < files_.size(); ++i) LoadOne(i);
    LintPhrases();
    LintConditions(3, "", Tr("rule"));
    LintConditions(4, "alerts", Tr("alert"));
    LintReach();
    LintCalendar();
    LintStale();
    std::stable_sort(findings_.begin(), findings_.end(), [&](const Finding& a, const Finding& b) {
      if (a.file != b.file) return FileIndex(a.file) < FileIndex(b.file);
      return a.line < b.line;
    });
    return findings_;
  }

 private:
  size_t FileIndex(const std::string& name) const {
    for (size_t i = 0; i < files_.size(); ++i)
      if (files_[i].name == name) return i;
    return files_.size();
  }

  void Add(const std::string& file, int line, int column, Finding::Severity severity, const std::string& message) {
    findings_.push_back({file, line, column, severity, message});
  }
  void Add(const Status& s, Finding::Severity severity) { Add(s.file(), s.line(), s.column(), severity, s.message()); }

  // Loads file i into model_, setting broken items aside until it loads.
  void LoadOne(size_t i) {
    const Step& step = kSteps[i];
    const SourceFile& f = files_[i];
    SetAside* provides = nullptr;
    for (size_t k = 0; k < 3; ++k)
      if (step.provides == std::string(kKinds[k])) provides = &set_aside_[k];
    if (provides) provides->file = f.name;
    if (!f.read.ok()) {
      Add(f.name, 0, 0, Finding::kError, f.read.message());
      if (provides) provides->whole_file = true;
      return;
    }
    std::string text = f.text;
    int silenced = 0;
    std::string silenced_by;
    struct Pending {
      std::string kind, id, error_at;
      Status first;
      int count = 0;
    };
    std::vector<Pending> pending;  // references to set-aside items, one entry per item
    // The file is parsed once: a broken item is then removed from the parsed
    // list, its lines only noted (blanked), not parsed again; a file of
    // thousands of items that refer to a broken one was re-parsed for each.
    YamlDoc doc(f.name);
    bool parsed = false;                       // doc holds text, less the blanked items
    std::vector<std::pair<int, int>> blanked;  // lines of the removed items
    auto text_now = [&]() {
      if (!blanked.empty()) text = BlankLines(text, blanked);
      blanked.clear();
      return text;
    };
    // The items of the parsed list, kept in step with its removals: reading
    // every item's mark per round made a file of thousands quadratic.
    std::vector<Item> items;
    bool have_items = false;
    for (int round = 0; round < kMaxRounds; ++round) {
      Status s;
      if (!parsed) {
        if (round == 0) {  // parsed up front (Run)
          doc = docs_[i];
          s = first_parse_[i];
        } else {
          doc = YamlDoc(f.name);
          s = doc.Parse(text);
        }
        parsed = s.ok();
        have_items = false;
      }
      YamlNode root;
      std::unique_ptr<YamlTree> anyway;  // root's tree when doc has none
      if (s.ok()) {
        Model trial = model_;
        s = step.load(doc, &trial);
        if (s.ok()) {
          model_ = std::move(trial);
          loaded_[i] = text_now();
          docs_[i] = doc;
          clean_[i] = round == 0;
          break;
        }
        root = doc.root();
      } else if (doc.reached() == YamlDoc::Reached::kTree) {
        root = doc.root();  // a duplicate key: its item can be set aside
      } else if (doc.reached() == YamlDoc::Reached::kSyntax || !LoadAnyway(text, &anyway)) {
        // A syntax error ends the file (yaml-cpp has already said so: it is
        // not parsed again); a bad byte still parses, and its item can be
        // set aside.
        Add(s, Finding::kError);
        if (provides) provides->whole_file = true;
        break;
      } else {
        root = anyway->root();
      }
      // A reference to something set aside earlier is not a new error.
      bool reported = false;
      for (size_t k = 0; k < 3 && !reported; ++k) {
        std::string id;
        if (!ReferencedId(s, kKinds[k], &id)) continue;
        const SetAside& aside = set_aside_[k];
        if (aside.whole_file) {
          ++silenced;
          silenced_by = aside.file;
          reported = true;
        } else if (aside.ids.count(id)) {
          auto it = std::find_if(pending.begin(), pending.end(),
                                 [&](const Pending& p) { return p.kind == kKinds[k] && p.id == id; });
          if (it == pending.end()) it = pending.insert(pending.end(), {kKinds[k], id, aside.ids.at(id), s, 0});
          ++it->count;
          reported = true;
        }
      }
      if (!reported) Add(s, Finding::kError);
      // Set the broken item aside and check the rest of the file again.
      if (!have_items || !parsed) items = Items(root, step.list_key, LineCount(text));
      have_items = parsed;
      // The item holding the error line (items are in line order and do
      // not overlap: the last one that starts at or before it).
      const int error_line = s.line() - 1;
      auto after = std::upper_bound(items.begin(), items.end(), error_line,
                                    [](int line, const Item& item) { return line < item.first; });
      const Item* broken = nullptr;
      if (after != items.begin() && error_line < std::prev(after)->end) broken = &*std::prev(after);
      if (!broken || broken->end <= broken->first) {
        if (provides) provides->whole_file = true;  // not inside an item: the rest is unchecked
        break;
      }
      if (provides && !broken->id.empty()) provides->ids[broken->id] = Where(s);
      if (parsed && items.size() > 1) {
        // Remove it from the parsed list: the same list as parsing the text
        // with its lines blanked, each node at the same line.
        const size_t index = static_cast<size_t>(broken - items.data());
        YamlNode list = ItemList(root, step.list_key);
        list.remove(index);
        blanked.emplace_back(broken->first, broken->end);
        // As Items would now read it: the item before ends where this one did.
        if (index > 0) items[index - 1].end = broken->end;
        items.erase(items.begin() + static_cast<std::ptrdiff_t>(index));
        continue;
      }
      text = text_now();
      parsed = false;
      std::string next = BlankLines(text, broken->first, broken->end);
      if (items.size() == 1) {
        // The last item: a root list has nothing left to check; a list under
        // a key becomes empty ("alerts: []") so the keys after it are checked.
        if (!*step.list_key || !EmptyList(root, step.list_key, &next)) break;
      }
      if (next == text) break;
      text = next;
    }
    for (const Pending& p : pending)
      Add(p.first.file(), p.first.line(), p.first.column(), Finding::kWarning,
          p.count == 1 ? TrF("refers to {} '{}', which has an error ({}); this item is checked once that is fixed",
                             KindName(p.kind), p.id, p.error_at)
                       : TrF("refers to {} '{}', which has an error ({}); {} items here that refer to it are checked "
                             "once that is fixed",
                             KindName(p.kind), p.id, p.error_at, p.count));
    if (silenced > 0)
      Add(f.name, 0, 0, Finding::kWarning,
          TrF("{} item(s) refer to entries of {}, which could not be read; they are checked once it loads", silenced,
              silenced_by));
  }

  // Phrases are matched as they read (reading.h), so the checks are on
  // readings: a phrase must mean one thing, must be able to match, and
  // one reading per fact is enough.
  void LintPhrases() {
    if (loaded_[2].empty()) return;
    const YamlDoc& doc = docs_[2];
    const Analyzer* analyzer = nullptr;
    Status s = Analyzer::Get(&analyzer);
    if (!s.ok()) {
      Add(files_[2].name, 0, 0, Finding::kError, s.message());
      return;
    }
    // The phrases in file order, each with its owner; then their readings
    // on every core (MeCab reads each phrase up to three times: most of
    // check's time), then the findings in file order, as one pass gave them.
    struct Entry {
      YamlNode item;
      size_t owner;        // in owners
      std::string phrase;  // normalised for reading
      PhraseReading r;
      bool alike = true;  // reads alike in a sentence
    };
    std::vector<std::string> owners;
    std::vector<Entry> entries;
    auto collect = [&](const YamlNode& list, const std::string& owner) {
      if (!list || !list.IsSequence()) return;
      owners.push_back(owner);
      for (const YamlNode& item : list) {
        if (!item.IsScalar()) continue;
        std::string phrase = NormalizePhraseForReading(item.Scalar());
        if (phrase.empty()) continue;
        entries.push_back({item, owners.size() - 1, std::move(phrase), {}, true});
      }
    };
    YamlNode subjects = doc.root()["subjects"];
    if (subjects && subjects.IsMap())
      for (auto it = subjects.begin(); it != subjects.end(); ++it)
        for (const char* lang : {"ja", "en"})
          if (it->second.IsMap()) collect(it->second[lang], TrF("subject '{}'", it->first.Scalar()));
    YamlNode facts = doc.root()["facts"];
    if (facts && facts.IsSequence())
      for (const YamlNode& fact : facts)
        if (fact.IsMap() && fact["id"])
          for (const char* lang : {"ja", "en"}) collect(fact[lang], TrF("fact '{}'", fact["id"].Scalar()));
    // What an earlier run read (reading.h): read again only what it did not.
    std::vector<const KnownReading*> was(entries.size(), nullptr);
    for (size_t i = 0; known_ && i < entries.size(); ++i) {
      auto it = known_->by_phrase.find(entries[i].phrase);
      if (it != known_->by_phrase.end()) was[i] = &it->second;
    }
    ParallelFor(entries.size(), [&](size_t i) {
      Entry& e = entries[i];
      e.r = was[i] ? was[i]->reading : ReadPhrase(*analyzer, e.phrase);
      if (e.r.problem != PhraseReading::kNone) return;
      e.alike = was[i] && was[i]->alike >= 0 ? was[i]->alike == 1 : ReadsAlikeInASentence(*analyzer, e.phrase, e.r);
    });
    for (size_t i = 0; known_ && i < entries.size(); ++i) {
      KnownReading& k = known_->by_phrase[entries[i].phrase];
      const int alike = entries[i].r.problem == PhraseReading::kNone ? (entries[i].alike ? 1 : 0) : -1;
      if (!k.used && (!was[i] || k.alike != alike)) known_->changed = true;
      k.reading = entries[i].r;
      k.alike = alike;
      k.used = true;
    }
    struct Claim {
      size_t owner;
      std::string phrase;
      int line;
    };
    std::unordered_map<std::string, Claim> first;  // reading (stream, and "-" when negative) → its first phrase
    for (const Entry& e : entries) {
      const YamlNode& item = e.item;
      const std::string& owner = owners[e.owner];
      const PhraseReading& r = e.r;
      SourcePos pos = doc.PosOf(item);
      if (r.problem != PhraseReading::kNone) {
        Add(pos.file, pos.line, pos.column, Finding::kWarning,
            r.problem == PhraseReading::kFragment
                ? TrF("phrase '{}' of {} ends in the particle '{}', so it never matches (read alone, its words "
                      "would match more than it says); write the whole phrase, e.g. a noun or a verb in its "
                      "dictionary form",
                      item.Scalar(), owner, r.last_particle)
                : TrF("phrase '{}' of {} has no content word (only grammar), so it never matches", item.Scalar(),
                      owner));
        continue;
      }
      if (!e.alike) {
        Add(pos.file, pos.line, pos.column, Finding::kWarning,
            TrF("phrase '{}' of {} reads as '{}' alone but differently inside a sentence, so it can no longer "
                "match: write whole words",
                item.Scalar(), owner, ShowStream(r.stream)));
      }
      const std::string key = r.stream + (r.negative ? "-" : "+");
      auto it = first.find(key);
      if (it == first.end()) {
        first.emplace(key, Claim{e.owner, std::string(item.Scalar()), pos.line});
      } else if (owners[it->second.owner] != owner) {
        Add(pos.file, pos.line, pos.column, Finding::kWarning,
            TrF("phrase '{}' of {} reads as '{}' (line {}) of {}; a case that says it then means both: keep it "
                "in one place",
                item.Scalar(), owner, it->second.phrase, it->second.line, owners[it->second.owner]));
      } else {
        Add(pos.file, pos.line, pos.column, Finding::kWarning,
            r.negative ? TrF("phrase '{}' reads as '{}' (line {}), which already covers it ({}, negated): "
                             "remove one",
                             item.Scalar(), it->second.phrase, it->second.line, ShowStream(r.stream))
                       : TrF("phrase '{}' reads as '{}' (line {}), which already covers it ({}): remove one",
                             item.Scalar(), it->second.phrase, it->second.line, ShowStream(r.stream)));
      }
    }
  }

  // A phrase the analyser splits one way alone and another way in a case
  // ("ひきこも" is no word) cannot match: its reading must appear in the
  // reading of a sentence that contains it.
  static bool ReadsAlikeInASentence(const Analyzer& analyzer, const std::string& phrase, const PhraseReading& r) {
    // Two sentences: a stem ("手を上げ") reads right before a past tense.
    const bool latin = !phrase.empty() && static_cast<unsigned char>(phrase[0]) < 0x80;
    const std::string sentences[] = {latin ? "he said " + phrase + " today" : "本人は" + phrase + "。",
                                     latin ? phrase : "本人は" + phrase + "ていた。"};
    for (const std::string& sentence : sentences) {
      std::vector<Token> tokens;
      analyzer.Tokenize(sentence, 0, sentence.size(), &tokens);
      std::string stream;
      std::vector<uint32_t> starts(tokens.size());
      AppendStream(tokens, 0, tokens.size(), &stream, &starts);
      if (stream.find(r.stream) != std::string::npos) return true;
    }
    return false;
  }

  // Rules and alerts that load but can never hold.
  void LintConditions(size_t file, const char* list_key, const char* what) {
    if (loaded_[file].empty()) return;
    const YamlDoc& doc = docs_[file];
    YamlNode list = ItemList(doc.root(), list_key);
    if (!list || !list.IsSequence()) return;
    // Each id's condition (the last of an id, as a scan would find), looked
    // up per item: a scan of every rule per rule was quadratic.
    std::unordered_map<std::string, const Condition*> conditions;
    if (file == 3)
      for (const Rule& r : model_.rules) conditions[r.id] = &r.when;
    else
      for (const AlertRule& a : model_.alerts) conditions[a.id] = &a.when;
    for (const YamlNode& item : list) {
      if (!item.IsMap() || !item["id"] || !item["when"]) continue;
      const std::string id(item["id"].Scalar());
      auto found = conditions.find(id);
      if (found == conditions.end()) continue;
      const Condition* when = found->second;
      const ConditionSite site{doc, item["when"], what, id};
      LintAllAndNone(site, *when);
      LintAnyAllNone(site, *when);
      LintAgeOverlap(site, *when);
    }
  }

  // Where a rule's or alert's condition stands in its file, for warnings.
  struct ConditionSite {
    const YamlDoc& doc;
    YamlNode node;  // its when:
    const char* what;
    std::string id;
    // The j-th entry of the key's list, else the key, else when: itself.
    YamlNode Entry(const char* key, size_t j) const {
      YamlNode part = node[key];
      if (part && part.IsSequence() && j < part.size()) return part[j];
      return part ? part : node;
    }
  };

  void Warn(const YamlDoc& doc, const YamlNode& at, const std::string& message) {
    SourcePos pos = doc.PosOf(at);
    Add(pos.file, pos.line, pos.column, Finding::kWarning, message);
  }

  // Whether a none entry rules the fact out.
  static bool Covers(const FactRef& none, const FactRef& ref) {
    return none.fact == ref.fact && (none.any_subject || (!ref.any_subject && none.subject == ref.subject));
  }

  // A fact both required (all) and forbidden (none).
  void LintAllAndNone(const ConditionSite& site, const Condition& when) {
    for (size_t j = 0; j < when.none.size(); ++j) {
      for (const FactRef& ref : when.all)
        if (Covers(when.none[j], ref)) {
          const std::string name =
              model_.facts[ref.fact].id + (ref.any_subject ? "" : std::string("@") + SubjectId(ref.subject));
          Warn(site.doc, site.Entry("none", j),
               TrF("{} '{}' can never fire: '{}' is in both all and none", site.what, site.id, name));
        }
    }
  }

  // An any list whose every fact is forbidden (none).
  void LintAnyAllNone(const ConditionSite& site, const Condition& when) {
    if (when.any.empty()) return;
    bool all_blocked = true;
    for (const FactRef& ref : when.any) {
      bool blocked = false;
      for (const FactRef& none : when.none) blocked = blocked || Covers(none, ref);
      all_blocked = all_blocked && blocked;
    }
    if (all_blocked)
      Warn(site.doc, site.node["none"] ? site.node["none"] : site.node,
           TrF("{} '{}' can never fire: every fact of its any list is also in none", site.what, site.id));
  }

  // Two age conditions on one subject that no age meets.
  void LintAgeOverlap(const ConditionSite& site, const Condition& when) {
    for (size_t a = 0; a < when.ages.size(); ++a)
      for (size_t b = 0; b < a; ++b) {
        const AgeCondition& x = when.ages[a];
        const AgeCondition& y = when.ages[b];
        if (x.subject != y.subject) continue;
        int lo = std::max(x.min, y.min);
        int hi = x.max < 0 ? y.max : y.max < 0 ? x.max : std::min(x.max, y.max);
        if (hi >= 0 && lo > hi)
          Warn(site.doc, site.Entry("age", a),
               TrF("{} '{}' can never fire: its age conditions on {} do not overlap", site.what, site.id,
                   SubjectId(x.subject)));
      }
  }

  // A calendar that ended: open-now can no longer tell a holiday from a
  // working day, and says "holidays unknown".
  void LintCalendar() {
    const HolidayCalendar& c = model_.holidays;
    if (year_ <= 0 || loaded_[5].empty() || year_ <= c.to) return;
    Add(c.covers_to.file, c.covers_to.line, c.covers_to.column, Finding::kWarning,
        TrF("the holiday calendar covers {0} to {1} but it is {2}: open-now says \"holidays unknown\" for later "
            "dates; add the Cabinet Office's list for {2} (https://www8.cao.go.jp/chosei/shukujitsu/gaiyou.html)",
            c.from, c.to, year_));
  }

  // check --stale DAYS: what no public source confirmed within DAYS days.
  // One warning per agency (naming the fields never or long ago checked)
  // and per crisis contact, at its entry.
  void LintStale() {
    if (stale_.stale_days < 0 || !stale_.today.set()) return;
    const std::string days = std::to_string(stale_.stale_days);
    auto recent = [&](const std::string& date) {
      int64_t age = 0;
      return DaysBetween(date, stale_.today, &age) && age <= stale_.stale_days;
    };
    auto join = [](const std::vector<std::string>& v) {
      std::string out;
      for (const std::string& s : v) out += (out.empty() ? "" : ", ") + s;
      return out;
    };
    static const char* const kFields[] = {"name", "summary", "roles", "address", "phone", "hours", "eligibility"};
    for (const Agency& a : model_.agencies) {
      std::vector<std::string> never, old;
      for (const char* field : kFields) {
        // Only what the agency states: a phone the guideline lacks is not stale.
        const std::string f = field;
        if ((f == "address" && a.address.empty()) || (f == "phone" && a.phone.empty()) ||
            (f == "hours" && !a.hours.present) ||
            (f == "eligibility" && a.eligibility.note.empty() && a.eligibility.residence.empty() &&
             a.eligibility.min_age < 0 && a.eligibility.max_age < 0))
          continue;
        std::string latest;
        for (const FieldCheck& c : a.checked)
          if (c.field == field) latest = std::max(latest, c.check.date);
        if (latest.empty()) never.push_back(field);
        else if (!recent(latest)) old.push_back(std::string(field) + " (" + latest + ")");
      }
      if (never.empty() && old.empty()) continue;
      std::string message =
          a.checked.empty()
              ? TrF("agency '{}': never checked against a public source (guideline only); check them with a public "
                    "page or a phone call and record it in checked",
                    a.id)
          : old.empty()
              ? TrF("agency '{}': never checked: {}; check them with a public page or a phone call and record it in "
                    "checked",
                    a.id, join(never))
          : never.empty()
              ? TrF("agency '{0}': checked more than {1} days ago: {2}; check them with a public page or a phone call "
                    "and record it in checked",
                    a.id, days, join(old))
              : TrF("agency '{0}': never checked: {1}; checked more than {2} days ago: {3}; check them with a "
                    "public page or a phone call and record it in checked",
                    a.id, join(never), days, join(old));
      Add(a.pos.file, a.pos.line, a.pos.column, Finding::kWarning, message);
    }
    // Local offices: each as a crisis contact, at its entry.
    for (const Agency& a : model_.agencies)
      for (const Office& o : a.offices) {
        std::string latest;
        for (const ContactCheck& k : o.checked) latest = std::max(latest, k.date);
        if (!latest.empty() && recent(latest)) continue;
        Add(o.pos.file, o.pos.line, o.pos.column, Finding::kWarning,
            latest.empty() ? TrF("office '{}' of agency '{}': never checked against a public source; check it "
                                 "and record it in checked",
                                 o.id, a.id)
                           : TrF("office '{}' of agency '{}': last checked {}, more than {} days ago; check it and "
                                 "record it in checked",
                                 o.id, a.id, latest, days));
      }
    for (const CrisisContact& c : model_.crisis) {
      std::string latest;
      for (const ContactCheck& k : c.checked) latest = std::max(latest, k.date);
      if (!latest.empty() && recent(latest)) continue;
      Add(c.pos.file, c.pos.line, c.pos.column, Finding::kWarning,
          latest.empty() ? TrF("crisis contact '{}': never checked against a public source; check it and record "
                               "it in checked",
                               c.id)
                         : TrF("crisis contact '{}': last checked {}, more than {} days ago; check it and record "
                               "it in checked",
                               c.id, latest, days));
    }
  }

  // Agencies and crisis contacts that no case can ever reach. Only when
  // every file loaded cleanly: with items set aside the answer would lie.
  void LintReach() {
    for (size_t i = 0; i < kFiles; ++i)
      if (!clean_[i]) return;
    std::vector<bool> reached(model_.agencies.size(), false);
    auto mark = [&](const std::vector<Target>& to) {
      for (const Target& t : to) reached[t.agency] = true;
    };
    for (const Rule& r : model_.rules) mark(r.to);
    for (const AlertRule& a : model_.alerts) mark(a.to);
    mark(model_.fallback);
    if (model_.team.convener >= 0) reached[model_.team.convener] = true;
    for (size_t i = 0; i < model_.agencies.size(); ++i)
      if (!reached[i]) {
        const SourcePos& pos = model_.agencies[i].pos;
        Add(pos.file, pos.line, pos.column, Finding::kWarning,
            TrF("agency '{}' is named by no rule, alert, fallback or team convener: no case can return it",
                model_.agencies[i].id));
      }
    std::vector<bool> referenced(model_.facts.size(), false);
    auto refer = [&](const Condition& when) {
      for (const auto* refs : {&when.all, &when.any, &when.none})
        for (const FactRef& r : *refs) referenced[r.fact] = true;
    };
    for (const Rule& r : model_.rules) refer(r.when);
    for (const AlertRule& a : model_.alerts) refer(a.when);
    // A fact with `outside:` acts through eligibility; it must name a
    // residence some agency requires.
    for (size_t f = 0; f < model_.facts.size(); ++f) {
      const FactDef& fact = model_.facts[f];
      if (fact.outside.empty()) continue;
      referenced[f] = true;
      bool required = false;
      for (const Agency& a : model_.agencies) required = required || a.eligibility.residence == fact.outside;
      if (!required)
        Add(fact.pos.file, fact.pos.line, fact.pos.column, Finding::kWarning,
            TrF("fact '{}' is outside residence '{}', which no agency's eligibility requires: it removes nothing",
                fact.id, fact.outside));
    }
    // Where someone lives in the city acts through the household model
    // (eligibility by residence), not through rules.
    for (size_t f = 0; f < model_.facts.size(); ++f)
      if (!referenced[f] && !IsPlaceFact(model_, static_cast<int>(f))) {
        const SourcePos& pos = model_.facts[f].pos;
        Add(pos.file, pos.line, pos.column, Finding::kWarning,
            TrF("fact '{}' is used by no rule or alert: a case that says it is shown as understood and counts as a "
                "problem area, but it routes nowhere",
                model_.facts[f].id));
      }
    std::vector<bool> used(model_.crisis.size(), false);
    for (const AlertRule& a : model_.alerts)
      for (int c : a.contacts) used[c] = true;
    const YamlDoc& doc = docs_[1];
    if (!doc.root().IsSequence()) return;
    for (const YamlNode& item : doc.root()) {
      if (!item.IsMap() || !item["id"]) continue;
      int c = model_.FindCrisis(std::string(item["id"].Scalar()));
      if (c < 0) continue;
      const CrisisContact& contact = model_.crisis[c];
      SourcePos pos = doc.PosOf(item);
      if (!used[c])
        Add(pos.file, pos.line, pos.column, Finding::kWarning,
            TrF("crisis contact '{}' is used by no alert: it is never shown", contact.id));
      // A caller trusts the hours and the cost: they need a source.
      if (contact.checked.empty() && (contact.hours.present || !contact.cost.empty() || !contact.answers.empty()))
        Add(pos.file, pos.line, pos.column, Finding::kWarning,
            TrF("crisis contact '{}' gives hours, cost or who answers but no checked: name the public page they "
                "come from, or leave them out",
                contact.id));
    }
  }

  const std::vector<SourceFile>& files_;
  std::vector<Finding> findings_;
  Model model_;
  SetAside set_aside_[3];
  int year_;  // the current year (Tokyo); 0 = do not lint the calendar's age
  StaleCheck stale_;
  KnownReadings* known_;        // nullptr: read every phrase
  std::string loaded_[kFiles];  // the text that finally loaded (items set aside blanked)
  YamlDoc docs_[kFiles] = {YamlDoc(""), YamlDoc(""), YamlDoc(""), YamlDoc(""), YamlDoc(""), YamlDoc("")};
  // docs_[i]: first the parsed file, then the parsed loaded_[i], for the
  // lints: each file is parsed once
  Status first_parse_[kFiles];
  bool clean_[kFiles] = {};  // loaded with nothing set aside
};

}  // namespace

const std::vector<std::string>& CheckedFileNames() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> v;
    for (const Step& s : kSteps) v.push_back(s.file);
    return v;
  }();
  return names;
}

std::vector<Finding> CheckFiles(const std::vector<SourceFile>& files, int year) {
  return CheckFiles(files, year, StaleCheck());
}

std::vector<Finding> CheckFiles(const std::vector<SourceFile>& files, int year, const StaleCheck& stale,
                                KnownReadings* known, bool keep_work) {
  if (files.size() != kFiles) return {{"", 0, 0, Finding::kError, "internal: check needs the six model files"}};
  if (!keep_work) return Checker(files, year, stale, known).Run();
  static auto* kept = new std::vector<std::unique_ptr<Checker>>();  // never freed: see check.h
  kept->push_back(std::make_unique<Checker>(files, year, stale, known));
  return kept->back()->Run();
}

int CountErrors(const std::vector<Finding>& findings) {
  return static_cast<int>(
      std::count_if(findings.begin(), findings.end(), [](const Finding& f) { return f.severity == Finding::kError; }));
}

std::string RenderFindings(const std::vector<Finding>& findings, const std::vector<SourceFile>& files, bool color) {
  auto paint = [&](const char* code, const std::string& s) { return color ? std::string(code) + s + "\033[0m" : s; };
  std::string out;
  // Where each line of a file starts, found once per file: a scan from the
  // top per finding was quadratic in a big file with many findings.
  std::vector<std::vector<size_t>> line_starts(files.size());
  auto line_start = [&](size_t file, int line) {
    std::vector<size_t>& starts = line_starts[file];
    if (starts.empty()) {
      const std::string& text = files[file].text;
      starts.push_back(0);
      for (size_t at = text.find('\n'); at != std::string::npos; at = text.find('\n', at + 1)) starts.push_back(at + 1);
    }
    return static_cast<size_t>(line) <= starts.size() ? starts[static_cast<size_t>(line) - 1] : std::string::npos;
  };
  for (const Finding& f : findings) {
    std::string where = f.file;
    if (f.line > 0) where += ":" + std::to_string(f.line) + ":" + std::to_string(f.column);
    bool error = f.severity == Finding::kError;
    out += paint("\033[1m", where + ":") + " " +
           paint(error ? "\033[1;31m" : "\033[1;35m", error ? Tr("error:") : Tr("warning:")) + " " + f.message + "\n";
    // The line and a caret under the column, when the line is readable.
    size_t file = files.size();
    for (size_t i = 0; i < files.size(); ++i)
      if (files[i].name == f.file) file = i;
    if (file == files.size() || f.line <= 0) continue;
    const SourceFile* source = &files[file];
    size_t start = line_start(file, f.line);
    if (start == std::string::npos || start > source->text.size()) continue;
    size_t end = source->text.find('\n', start);
    std::string text = source->text.substr(start, end == std::string::npos ? std::string::npos : end - start);
    size_t bad = 0;
    if (!IsValidUtf8(text, &bad) || text.find('\t') != std::string::npos) continue;
    std::string number = std::to_string(f.line);
    out += " " + number + " | " + text + "\n";
    size_t column = f.column > 0 ? static_cast<size_t>(f.column - 1) : 0;
    if (column > text.size()) column = text.size();
    while (column > 0 && (static_cast<unsigned char>(text[column]) & 0xC0) == 0x80) --column;
    out += " " + std::string(number.size(), ' ') + " | " + std::string(DisplayWidth(text.substr(0, column)), ' ') +
           paint("\033[1;32m", "^") + "\n";
  }
  int errors = CountErrors(findings);
  int warnings = static_cast<int>(findings.size()) - errors;
  // Each count in its own words: one whole sentence per form.
  const char* summary =
      errors == 1
          ? (warnings == 1 ? Tr("{} error, {} warning in {} files") : Tr("{} error, {} warnings in {} files"))
          : (warnings == 1 ? Tr("{} errors, {} warning in {} files") : Tr("{} errors, {} warnings in {} files"));
  out += fmt::format(fmt::runtime(summary), errors, warnings, files.size()) + "\n";
  return out;
}

std::string RenderFindingsJson(const std::vector<Finding>& findings) {
  using Json = nlohmann::ordered_json;
  Json list = Json::array();
  for (const Finding& f : findings)
    list.push_back(Json{{"file", f.file},
                        {"line", f.line},
                        {"column", f.column},
                        {"severity", f.severity == Finding::kError ? "error" : "warning"},
                        {"message", f.message}});
  int errors = CountErrors(findings);
  return Json{{"findings", list}, {"errors", errors}, {"warnings", static_cast<int>(findings.size()) - errors}}.dump(2);
}
