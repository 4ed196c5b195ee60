// Tests for src/batch_input.h: every input record gives exactly one
// record, good or bad, with the record number and a reason for bad ones.
#include "batch_input.h"

#include <doctest/doctest.h>

#include <cstdio>
#include <string>
#include <vector>

namespace {

// Reads all records of text in the given format (through a real FILE*).
std::vector<Record> ReadAll(InputFormat format, const std::string& text, Status* open = nullptr) {
  // An empty text is an empty temporary file (fmemopen refuses size 0).
  FILE* f = text.empty() ? tmpfile() : fmemopen(const_cast<char*>(text.data()), text.size(), "rb");
  REQUIRE(f != nullptr);
  auto reader = MakeRecordReader(format, f);
  Status s = reader->Open();
  if (open) *open = s;
  std::vector<Record> out;
  Record r;
  if (s.ok())
    while (reader->Next(&r)) out.push_back(r);
  fclose(f);
  return out;
}

}  // namespace

TEST_CASE("text lines: one record per line, bad lines are error records") {
  std::string input = "父が80代\n\n\xff\xfe bad\r\nson 52, unemployed\n";
  auto records = ReadAll(InputFormat::kText, input);
  REQUIRE(records.size() == 4);
  CHECK(records[0].text == "父が80代");
  CHECK(records[0].id == "1");
  CHECK(records[0].error.empty());
  CHECK(records[1].error_kind == "empty-text");
  CHECK(records[2].error_kind == "invalid-utf8");
  CHECK(records[2].error == "text is not valid UTF-8 (or holds a NUL byte) at byte offset 0");
  CHECK(records[3].text == "son 52, unemployed");  // CRLF of the line before did not leak
  CHECK(records[3].number == 4);
}

TEST_CASE("text lines: an over-long line is one error record and the next line is read") {
  std::string input = std::string(kMaxRecordBytes + 10, 'a') + "\nnext\n";
  auto records = ReadAll(InputFormat::kText, input);
  REQUIRE(records.size() == 2);
  CHECK(records[0].error_kind == "too-long");
  CHECK(records[0].error == "record is longer than 65536 bytes");
  CHECK(records[1].text == "next");
}

TEST_CASE("text lines: lines across the reader's 64 KiB blocks come out whole, the last without a newline") {
  // Lengths that put line ends on, just before and just after block edges.
  std::string input;
  std::vector<std::string> lines;
  for (int i = 0; i < 3000; ++i) {
    std::string line = std::to_string(i) + std::string(static_cast<size_t>(i * 37 % 120), i % 2 ? 'x' : 'y');
    lines.push_back(line);
    input += line + (i % 3 ? "\n" : "\r\n");
  }
  input.pop_back();  // the last line has no newline
  if (input.back() == '\r') input.pop_back();
  auto records = ReadAll(InputFormat::kText, input);
  REQUIRE(records.size() == lines.size());
  for (size_t i = 0; i < lines.size(); ++i) {
    INFO("line " << i + 1);
    CHECK(records[i].text == lines[i]);
    CHECK(records[i].number == i + 1);
  }
}

TEST_CASE("text lines: an over-long line spanning several blocks, then short lines") {
  std::string input = std::string(3 * 65536 + 5, 'a') + "\nnext\n\nlast";
  auto records = ReadAll(InputFormat::kText, input);
  REQUIRE(records.size() == 4);
  CHECK(records[0].error_kind == "too-long");
  CHECK(records[1].text == "next");
  CHECK(records[2].error_kind == "empty-text");
  CHECK(records[3].text == "last");
  CHECK(records[3].number == 4);
}

TEST_CASE("text lines: a UTF-8 BOM is dropped and a NUL byte is an error") {
  auto records = ReadAll(InputFormat::kText, std::string("\xEF\xBB\xBFひきこもり\nab\0cd\n", 22));
  REQUIRE(records.size() == 2);
  CHECK(records[0].text == "ひきこもり");
  CHECK(records[1].error_kind == "invalid-utf8");
}

TEST_CASE("csv: header columns in any order and case, quotes, multi-line fields, ages") {
  std::string input =
      "Text,ID,age,parent_age\n"
      "\"母が80代、\"\"要介護\"\"\",c1,52,80\n"
      "\"two\nlines\",c2,,\n";
  auto records = ReadAll(InputFormat::kCsv, input);
  REQUIRE(records.size() == 2);
  CHECK(records[0].id == "c1");
  CHECK(records[0].text == "母が80代、\"要介護\"");
  CHECK(records[0].age == 52);
  CHECK(records[0].parent_age == 80);
  CHECK(records[1].text == "two\nlines");
  CHECK(records[1].age == -1);
  CHECK(records[1].line == 3);
}

TEST_CASE("csv: quoting errors, wrong field counts and bad ages are error records") {
  std::string input =
      "id,text,age\n"
      "a,\"ok\",\n"
      "b,bad \"quote\",\n"
      "c,\"closed\"x,\n"
      "d,too,many,fields\n"
      "e,\"ok\",abc\n"
      "f,,\n"
      "g,\"never closed\n";
  auto records = ReadAll(InputFormat::kCsv, input);
  REQUIRE(records.size() == 7);
  CHECK(records[0].error.empty());
  CHECK(records[1].error == "line 3: a quote inside an unquoted field at column 7; quote the whole field");
  CHECK(records[2].error == "line 4: unexpected character after a closing quote at column 11");
  CHECK(records[3].error == "line 5: 4 fields, the header has 3");
  CHECK(records[4].error == "line 6: age 'abc' must be a whole number 0-120");
  CHECK(records[5].error_kind == "empty-text");
  CHECK(records[6].error == "line 8: unterminated quoted field (opened on line 8)");
  for (size_t i = 0; i < records.size(); ++i) CHECK(records[i].number == i + 1);
}

TEST_CASE("csv: a header without a text column is refused before any record") {
  Status open;
  ReadAll(InputFormat::kCsv, "id,body\n1,x\n", &open);
  CHECK(open.message() ==
        "line 1: the CSV header has no 'text' column (found: id, body); name the column holding the case 'text'");
  ReadAll(InputFormat::kCsv, "", &open);
  CHECK(open.message() == "the CSV input is empty: it needs a header line with a 'text' column");
}

TEST_CASE("jsonl: ids, texts, ages, and every kind of bad line") {
  std::string input =
      "{\"id\": \"a\", \"text\": \"無職\", \"age\": 30}\n"
      "{\"id\": 7, \"text\": \"son 52\"}\n"
      "not json\n"
      "[1, 2]\n"
      "{\"id\": \"c\"}\n"
      "{\"text\": \"x\", \"age\": \"old\"}\n"
      "{\"id\": {\"x\": 1}, \"text\": \"x\"}\n";
  auto records = ReadAll(InputFormat::kJsonl, input);
  REQUIRE(records.size() == 7);
  CHECK(records[0].id == "a");
  CHECK(records[0].age == 30);
  CHECK(records[1].id == "7");
  CHECK(records[2].error_kind == "json");
  CHECK(records[3].error == "not a JSON object");
  CHECK(records[4].error == "missing \"text\" string");
  CHECK(records[5].error == "\"age\" must be a whole number 0-120");
  CHECK(records[6].error == "\"id\" must be a string or a whole number");
  CHECK(records[6].id == "7");  // falls back to the record number
}

TEST_CASE("input formats from names and extensions") {
  InputFormat f;
  CHECK(ParseInputFormat("ndjson", &f));
  CHECK(f == InputFormat::kJsonl);
  CHECK_FALSE(ParseInputFormat("xml", &f));
  CHECK(FormatFromPath("intake.csv") == InputFormat::kCsv);
  CHECK(FormatFromPath("a.b/intake.jsonl") == InputFormat::kJsonl);
  CHECK(FormatFromPath("notes") == InputFormat::kText);
}

TEST_CASE("csv: a header naming a column it reads twice is refused; a column not read may repeat") {
  Status open;
  ReadAll(InputFormat::kCsv, "text,ID,Text\na,1,b\n", &open);
  CHECK(open.message() == "line 1: the CSV header has two 'text' columns (fields 1 and 3); keep one");
  ReadAll(InputFormat::kCsv, "id,text, id \n1,a,2\n", &open);
  CHECK(open.message() == "line 1: the CSV header has two 'id' columns (fields 1 and 3); keep one");
  auto records = ReadAll(InputFormat::kCsv, "id,text,note,note,\n1,a,x,y,\n", &open);
  CHECK(open.ok());
  REQUIRE(records.size() == 1);
  CHECK(records[0].text == "a");
}

TEST_CASE("jsonl: a key the reader uses, given twice, is an error record naming it and both columns") {
  std::string input =
      "{\"text\": \"a\", \"id\": \"x\", \"text\": \"b\"}\n"
      "{\"text\": \"ok\", \"note\": 1, \"note\": 2, \"x\": {\"id\": 1, \"id\": 2}}\n"
      "{\"id\": \"ひきこもり\", \"age\": 30, \"te\\u0078t\": \"c\", \"age\": 40}\n";
  auto records = ReadAll(InputFormat::kJsonl, input);
  REQUIRE(records.size() == 3);
  CHECK(records[0].error_kind == "duplicate-key");
  CHECK(records[0].error == "line 1, column 26: the key \"text\" is given twice (first at column 2); keep one");
  CHECK(records[1].error.empty());  // keys not read, and nested ones, may repeat
  CHECK(records[1].text == "ok");
  // Columns count characters, and an escaped key is the same key.
  CHECK(records[2].error == "line 3, column 46: the key \"age\" is given twice (first at column 17); keep one");
  // Quotes and backslashes inside strings neither hide nor make a key.
  records =
      ReadAll(InputFormat::kJsonl,
              "{\"text\": \"say \\\"text\\\", \\\"id\\\": 1\\\\\", \"id\": \"a\\\\\", \"x\": [\"text\", {\"id\": 2}]}\n"
              "{\"text\": \"a\\\\\", \"text\": \"b\"}\n");
  REQUIRE(records.size() == 2);
  CHECK(records[0].error.empty());
  CHECK(records[0].text == "say \"text\", \"id\": 1\\");
  CHECK(records[1].error == "line 2, column 17: the key \"text\" is given twice (first at column 2); keep one");
}

namespace {

// id,text then record 1 with a quoted field of `lines` lines (~1 MB for
// 20,000), closed or not, then good records (without quotes when the
// field is not closed: a quote there would close it).
std::string LongQuotedField(size_t lines, bool closed) {
  std::string input = "id,text\n1,\"start of a long note\n";
  for (size_t i = 0; i < lines; ++i) input += "a line, with commas and \"\"doubled\"\" quotes\n";
  return input + (closed ? "end\",\n2,next\n3,\"ok\"\n" : "2,next\n3,ok\n");
}

size_t Errors(const std::vector<Record>& records) {
  size_t n = 0;
  for (const Record& r : records) n += !r.error.empty();
  return n;
}

}  // namespace

TEST_CASE("csv: a quoted field past the limit is one error record, and reading goes on after it") {
  // Read from inside the field, each of its ~19,000 lines past the limit
  // was an error record of its own.
  std::string input = LongQuotedField(20000, true);
  REQUIRE(input.size() > 800 * 1024);
  auto records = ReadAll(InputFormat::kCsv, input);
  REQUIRE(records.size() == 3);
  CHECK(Errors(records) == 1);
  CHECK(records[0].error_kind == "too-long");
  CHECK(
      records[0].error ==
      "line 2: record is longer than 65536 bytes; a quoted field in it was skipped to where it closes, on line 20003");
  CHECK(records[1].text == "next");
  CHECK(records[1].line == 20004);
  CHECK(records[2].text == "ok");
}

TEST_CASE("csv: a quote never closed past the limit is one error record for the rest of the input") {
  std::string input = LongQuotedField(20000, false);
  auto records = ReadAll(InputFormat::kCsv, input);
  REQUIRE(records.size() == 1);
  CHECK(records[0].error ==
        "line 2: record is longer than 65536 bytes and a quoted field in it is never closed: the rest of the "
        "input, to line 20004, was skipped");
}

TEST_CASE("csv: an over-long line that opens a quoted field is skipped to where the field closes") {
  std::string input = "id,text\n1,\"" + std::string(70000, 'x') + "\nmore\"\"\nend\",x\n2,next\n";
  auto records = ReadAll(InputFormat::kCsv, input);
  REQUIRE(records.size() == 2);
  CHECK(records[0].error ==
        "line 2: record is longer than 65536 bytes; a quoted field in it was skipped to where it closes, on line 4");
  CHECK(records[1].text == "next");
  // A long line whose quotes close on it is a one-line error, as before.
  records = ReadAll(InputFormat::kCsv, "id,text\n1,\"" + std::string(70000, 'x') + "\"\n2,next\n");
  REQUIRE(records.size() == 2);
  CHECK(records[0].error == "record is longer than 65536 bytes");
  CHECK(records[1].text == "next");
}

TEST_CASE("a read error ends the input and is reported, not taken for its end") {
  for (InputFormat format : {InputFormat::kText, InputFormat::kJsonl, InputFormat::kCsv}) {
    FILE* f = std::fopen("/", "rb");  // opens; reading fails with EISDIR
    REQUIRE(f != nullptr);
    auto reader = MakeRecordReader(format, f, "/");
    Status open = reader->Open();
    Record r;
    if (open.ok()) {
      CHECK_FALSE(reader->Next(&r));
      open = reader->ReadError();
    }
    CHECK(open.kind() == ErrorKind::kIo);
    CHECK(open.message() == "cannot read /: Is a directory");
    std::fclose(f);
  }
}
