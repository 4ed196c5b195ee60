// Tests for the CSV of src/render_sheet.h against CSV injection: a field
// that starts with = + - @, a tab or a CR is written with a leading ' so a
// spreadsheet shows it as text (OWASP). The output is read back with an
// RFC 4180 reader here, and the field values checked, not the bytes.
#include <doctest/doctest.h>

#include <cstdio>
#include <string>
#include <vector>

#include "batch.h"
#include "load_model.h"
#include "render_sheet.h"
#include "shipped_model.h"

namespace {

using Rows = std::vector<std::vector<std::string>>;

// RFC 4180: rows end with \n or \r\n; a field in double quotes may hold
// commas, doubled quotes and line breaks. Fails the test on bad quoting.
Rows ParseCsv(const std::string& text) {
  Rows rows;
  std::vector<std::string> row;
  std::string field;
  size_t i = 0;
  bool quoted = false;  // the field was quoted (so an empty one still counts)
  auto end_field = [&] {
    row.push_back(field);
    field.clear();
    quoted = false;
  };
  while (i < text.size()) {
    const char c = text[i];
    if (c == '"' && field.empty() && !quoted) {
      quoted = true;
      for (++i;; ++i) {
        REQUIRE(i < text.size());
        if (text[i] != '"') {
          field += text[i];
        } else if (i + 1 < text.size() && text[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          ++i;
          break;
        }
      }
      REQUIRE((i == text.size() || text[i] == ',' || text[i] == '\n' || text[i] == '\r'));
      continue;
    }
    if (c == ',') {
      end_field();
    } else if (c == '\n' || (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n')) {
      end_field();
      rows.push_back(row);
      row.clear();
      if (c == '\r') ++i;
    } else {
      field += c;
    }
    ++i;
  }
  REQUIRE(row.empty());  // the last row ended with a line end
  return rows;
}

class Collect : public BatchSink {
 public:
  Status Put(const RecordIdentity&, std::string_view bytes) override {
    out += bytes;
    return Status::Ok();
  }
  std::string out;
};

// The CSV of a batch run over JSON Lines input, header first.
std::string RunCsv(const std::string& jsonl) {
  FILE* f = fmemopen(const_cast<char*>(jsonl.data()), jsonl.size(), "rb");
  REQUIRE(f != nullptr);
  auto reader = MakeRecordReader(InputFormat::kJsonl, f);
  REQUIRE(reader->Open().ok());
  BatchOptions options;
  options.format = BatchFormat::kCsv;
  Collect sink;
  BatchCounts counts;
  REQUIRE(RunBatch(Shipped().model, Shipped().lexicon, Shipped().index, *reader, options, sink, &counts).ok());
  fclose(f);
  return CsvHeader() + sink.out;
}

bool StartsLikeAFormula(const std::string& field) {
  return !field.empty() && std::string("=+-@\t\r").find(field[0]) != std::string::npos;
}

}  // namespace

TEST_CASE("CSV injection: an id or message that starts with = + - @ tab or CR is read back as text") {
  struct Case {
    std::string id, shown;
  };
  const Case cases[] = {
      {"=1+2", "'=1+2"},
      {"+81 25 123 4567", "'+81 25 123 4567"},  // a phone number: Excel would compute 81-25-...
      {"-2+3", "'-2+3"},
      {"-12", "'-12"},  // a negative number is prefixed too (OWASP's rule has no exception)
      {"@SUM(A1:A9)", "'@SUM(A1:A9)"},
      {"\tx", "'\tx"},
      {"\r=1", "\\u000d=1"},  // CR is shown as \u000d: the field starts with a backslash
      {"=HYPERLINK(\"http://x\",\"y\")", "'=HYPERLINK(\"http://x\",\"y\")"},
      {"=1,2", "'=1,2"},
      {"=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"},
      {"a=1+2", "a=1+2"},  // only the first character counts
      {"'=1", "'=1"},      // already a quote: left as it is
      {"ケース1", "ケース1"},
      {"", ""},
  };
  for (const Case& c : cases) {
    INFO("id " << c.id);
    const Rows rows = ParseCsv(RenderCsvError(RecordIdentity{c.id, 3}, "=evil()"));
    REQUIRE(rows.size() == 1);
    REQUIRE(rows[0].size() == 10);
    CHECK(rows[0][0] == c.shown);
    CHECK(rows[0][1] == "3");
    CHECK(rows[0][9] == "'=evil()");
  }
}

TEST_CASE("CSV injection: no text field of batch CSV starts like a formula, and ids come back with the quote") {
  const std::string jsonl =
      "{\"id\":\"=1+2\",\"text\":\"=親が80代、息子は無職、生活が苦しい\"}\n"
      "{\"id\":\"+81\",\"text\":\"+son 52, unemployed; mother is 80\"}\n"
      "{\"id\":\"-5\",\"text\":\"-息子がひきこもり\"}\n"
      "{\"id\":\"@a\",\"text\":\"@母は85歳で介護が必要\"}\n"
      "{\"id\":\"\\tb\",\"text\":\"\\t借金がある\"}\n"
      "{\"id\":\"\\rc\",\"text\":\"\\r息子は無職\"}\n"
      "{\"id\":\"=bad\",\"text\":\"\"}\n";
  const Rows rows = ParseCsv(RunCsv(jsonl));
  REQUIRE(rows.size() > 8);
  CHECK(rows[0] == std::vector<std::string>{"case_id", "record", "rank", "agency_id", "agency_name", "roles", "phone",
                                            "score", "alerts", "error"});
  const std::vector<std::string> ids = {"'=1+2", "'+81", "'-5", "'@a", "'\tb", "\\u000dc", "'=bad"};
  std::vector<std::string> seen;
  for (size_t i = 1; i < rows.size(); ++i) {
    const std::vector<std::string>& row = rows[i];
    INFO("row " << i);
    REQUIRE(row.size() == 10);
    if (seen.empty() || seen.back() != row[0]) seen.push_back(row[0]);
    for (size_t column : {0, 3, 4, 5, 6, 8, 9}) CHECK_FALSE(StartsLikeAFormula(row[column]));
    // The numbers stay numbers.
    for (size_t column : {1, 2, 7})
      if (!row[column].empty()) CHECK(row[column].find_first_not_of("0123456789") == std::string::npos);
  }
  CHECK(seen == ids);  // every case has rows (the texts starting with = and the rest were read)
  CHECK(rows.back()[9] == "the text is empty");
}
