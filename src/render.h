// Renderers: a CaseResult as JSON (the machine contract, schema in
// man/tsunagu.1) or as a table for a terminal. They only read.
#ifndef TSUNAGU_RENDER_H_
#define TSUNAGU_RENDER_H_

#include <string>
#include <string_view>
#include <vector>

#include "model.h"
#include "open_hours.h"
#include "result.h"

/// Pre-rendered compact JSON of each agency's fixed members (name, phone,
/// address, hours), of its roles and of each fact's fixed members (id,
/// label, area), built once per batch run: they are most of the bytes of a
/// result, and the same for every case.
struct JsonFragments {
  std::vector<std::string> agency_id;             // per agency: {"id":"..."
  std::vector<std::string> agency_members;        // per agency: ,"name":...,"hours":...
  std::vector<std::string> agency_verified;       // per agency: ,"verified":...,"checked_on":...}
  std::vector<std::vector<std::string>> roles;    // per agency, per role: {"id":...}
  std::vector<std::vector<std::string>> offices;  // per agency, per local office: {"id":...}
  std::vector<std::string> fact_members;          // per fact: "id":...,"area":...
};
/// at: the moment of open_now and next_open (not set: both null).
JsonFragments BuildJsonFragments(const Model& model, const LocalTime& at = LocalTime());

struct RenderOptions {
  Lang lang = Lang::kJa;
  int top = 0;         // 0 = all agencies
  bool color = false;  // ANSI colour (only for a terminal)
  int width = 0;       // terminal columns to fit the table in; 0 = no limit
  bool pretty = true;  // JSON: indented (false = one line, for JSON Lines)
  LocalTime at;        // open now / next open as at this moment (Tokyo); not set = not shown, null in JSON
};

/// The schema id of the result object (man/tsunagu.1, JSON OUTPUT).
constexpr char kResultSchema[] = "tsunagu.result/2";

/// A batch record's identity, written after "schema" in batch output.
struct RecordIdentity {
  std::string id;
  size_t number = 0;  // 1-based record number in the input
};

class JsonWriter;
/// Writes the compact result object for one case (with the record's
/// identity when given); RenderJson is this for a single query.
void WriteResultJson(JsonWriter& w, const Model& model, const CaseResult& result, const JsonFragments& fragments,
                     const RenderOptions& options, const RecordIdentity* record);

/// The JSON object for one case; same input, same bytes.
std::string RenderJson(const Model& model, const CaseResult& result, const RenderOptions& options);

/// The terminal table: alerts, what was understood, the team, the ranking.
std::string RenderTable(const Model& model, const CaseResult& result, const RenderOptions& options);

/// The agency list (or one agency in full) for `tsunagu agencies`.
std::string RenderAgencies(const Model& model, int only, const RenderOptions& options);
std::string RenderAgenciesJson(const Model& model, int only, const LocalTime& at = LocalTime());

/// Text for a terminal with every control character it could act on (C0
/// but tab and newline, DEL, the C1 code points U+0080-U+009F) written as
/// \u00XX, JSON's notation ("\u001b", "\u007f", "\u009b"; batch sheets and
/// CSV use it too), so that a case text cannot move the cursor, recolour or
/// retitle the terminal. Other bytes, backslashes included, are kept.
std::string VisibleControls(std::string_view text);

/// "火〜土 9:00-18:00 要予約" / "Tue-Sat 9:00-18:00, by appointment".
std::string HoursShort(const Hours& hours, Lang lang);

/// An age as the text gave it: "48歳", "80代", "80歳以上" / "48", "80s", "80+";
/// empty when unknown.
std::string AgeLabel(const AgeRange& range, Lang lang);

/// A person's role in the case: 「本人」「親」「家族」… / "person", "parent"...
const char* SubjectLabel(Subject subject, Lang lang);

/// The order people are shown in: the person of concern first, then the
/// others as the text names them. Returns the index into u.persons of the
/// k-th to show (k < u.persons.size()).
int PersonShownAt(const Understanding& u, size_t k);

/// Who a person is, as shown: role and relation ("本人 息子", "親 母"),
/// marked when they are the caller ("(相談者)" / " (caller)").
std::string PersonLabel(const Person& p, Lang lang);

/// What a caller must know of a crisis line besides its name and number,
/// on one line: hours, free or charged, who answers, and when it was checked
/// ("24時間365日 · 無料 · … · 確認 2026-12-03"); a fact not checked says so.
std::string CrisisDetails(const CrisisContact& contact, Lang lang);

#endif  // TSUNAGU_RENDER_H_
