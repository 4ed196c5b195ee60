// The malformed-input corpus (tests/malformed/): every NN-name.KIND file is
// fed to the loader or reader for KIND and must give exactly the text of
// its sibling NN-name.expected (a trailing newline there is ignored).
//
//   agencies, crisis, lexicon  the file alone (LoadAgencies, LoadCrisis,
//                              LoadLexicon), read with ReadFile
//   routing, alerts            LoadModel on the shipped data/ and rules/,
//                              with this file in place of the shipped one
//   csv, jsonl, text           batch records: one "N:kind:message" line per
//                              bad record, or the Open() error; "ok" when
//                              every record is good
//   query                      Triage on the embedded model: the error, or
//                              "ok"
//
// YAML files are named "<kind>.yaml" in messages. A file whose first line
// is "#generate: EXPR" stands for the text EXPR builds, so big inputs are
// not stored: EXPR is "literal" terms (escapes \n \r \t \" \\ \xHH), each
// optionally followed by "* N", joined with "+". Each input must also be
// handled within kSecondsEach: a hang is a failure too.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "batch_input.h"
#include "load_data.h"
#include "load_model.h"
#include "load_rules.h"
#include "shipped_model.h"
#include "triage.h"

namespace fs = std::filesystem;

namespace {

constexpr double kSecondsEach = 5.0;  // generous: sanitizer builds are slow
const std::set<std::string> kKinds = {"agencies", "crisis", "lexicon", "routing", "alerts",
                                      "csv",      "jsonl",  "text",    "query"};

fs::path CorpusDir() { return fs::path(TSUNAGU_SOURCE_DIR) / "tests" / "malformed"; }

std::string Slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Builds the text of a "#generate:" expression; false with *error set when
// the expression is malformed.
bool Generate(const std::string& expr, std::string* out, std::string* error) {
  size_t i = 0;
  auto skip = [&] {
    while (i < expr.size() && expr[i] == ' ') ++i;
  };
  out->clear();
  for (;;) {
    skip();
    if (i >= expr.size() || expr[i] != '"') return *error = "expected a \"literal\"", false;
    std::string literal;
    for (++i; i < expr.size() && expr[i] != '"'; ++i) {
      if (expr[i] != '\\') {
        literal += expr[i];
        continue;
      }
      if (++i >= expr.size()) break;
      switch (expr[i]) {
        case 'n': literal += '\n'; break;
        case 'r': literal += '\r'; break;
        case 't': literal += '\t'; break;
        case 'x':
          if (i + 2 >= expr.size()) return *error = "\\x needs two hex digits", false;
          literal += static_cast<char>(std::stoi(expr.substr(i + 1, 2), nullptr, 16));
          i += 2;
          break;
        default: literal += expr[i];
      }
    }
    if (i >= expr.size()) return *error = "unterminated literal", false;
    ++i;
    skip();
    size_t times = 1;
    if (i < expr.size() && expr[i] == '*') {
      ++i;
      skip();
      size_t used = 0;
      times = std::stoul(expr.substr(i), &used);
      i += used;
      skip();
    }
    for (size_t k = 0; k < times; ++k) *out += literal;
    if (i >= expr.size()) return true;
    if (expr[i] != '+') return *error = "expected + at column " + std::to_string(i + 1), false;
    ++i;
  }
}

std::string RunYaml(const std::string& kind, const fs::path& path) {
  const std::string name = kind + ".yaml";
  std::string text;
  Status read = ReadFile(path.string(), &text);
  if (!read.ok()) {
    std::string message = read.ToString();
    for (size_t at; (at = message.find(path.string())) != std::string::npos;)
      message.replace(at, path.string().size(), name);
    return message;
  }
  Model model;
  Status s;
  if (kind == "agencies") s = LoadAgencies(text, name, &model);
  else if (kind == "crisis") s = LoadCrisis(text, name, &model);
  else if (kind == "lexicon") s = LoadLexicon(text, name, &model);
  else
    s = LoadModel(
        [&](bool data, const std::string& file, std::string* out, std::string* shown) {
          if (file == name) {
            *out = text;
            *shown = name;
            return Status::Ok();
          }
          *shown = std::string(TSUNAGU_SOURCE_DIR) + (data ? "/data/" : "/rules/") + file;
          return ReadFile(*shown, out);
        },
        &model);
  return s.ok() ? "ok" : s.ToString();
}

std::string RunBatch(const std::string& kind, const std::string& text) {
  InputFormat format = InputFormat::kText;
  REQUIRE(ParseInputFormat(kind, &format));
  FILE* f = text.empty() ? std::fopen("/dev/null", "rb") : fmemopen(const_cast<char*>(text.data()), text.size(), "rb");
  REQUIRE(f != nullptr);
  auto reader = MakeRecordReader(format, f);
  Status open = reader->Open();
  std::string out;
  if (!open.ok()) {
    out = open.ToString();
  } else {
    Record r;
    while (reader->Next(&r))
      if (!r.error.empty())
        out += (out.empty() ? "" : "\n") + std::to_string(r.number) + ":" + r.error_kind + ":" + r.error;
  }
  std::fclose(f);
  return out.empty() ? "ok" : out;
}

std::string RunQuery(const std::string& text) {
  const ShippedModel& shipped = Shipped();
  CaseResult result;
  Status s = Triage(shipped.model, shipped.lexicon, shipped.index, text, &result);
  return s.ok() ? "ok" : s.ToString();
}

std::vector<fs::path> CorpusFiles() {
  std::vector<fs::path> files;
  for (const fs::directory_entry& e : fs::directory_iterator(CorpusDir()))
    if (e.is_regular_file()) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  return files;
}

std::string Kind(const fs::path& path) { return path.extension().string().substr(1); }

}  // namespace

TEST_CASE("malformed corpus: every input gives exactly its expected message") {
  size_t inputs = 0;
  for (const fs::path& path : CorpusFiles()) {
    const std::string kind = Kind(path);
    if (!kKinds.count(kind)) continue;
    ++inputs;
    const std::string file = path.filename().string();
    fs::path expected_path = path;
    expected_path.replace_extension(".expected");
    std::string expected = Slurp(expected_path);
    while (!expected.empty() && expected.back() == '\n') expected.pop_back();

    // Generated inputs are written out, so YAML goes through ReadFile too.
    std::string text = Slurp(path);
    fs::path input = path;
    const std::string directive = "#generate:";
    if (text.compare(0, directive.size(), directive) == 0) {
      std::string expr = text.substr(directive.size(), text.find('\n') - directive.size());
      std::string error;
      REQUIRE_MESSAGE(Generate(expr, &text, &error), file << ": #generate: " << error);
      input = fs::temp_directory_path() / ("tsunagu-malformed-" + file);
      std::ofstream(input, std::ios::binary) << text;
    }

    auto start = std::chrono::steady_clock::now();
    std::string got;
    if (kind == "csv" || kind == "jsonl" || kind == "text") got = RunBatch(kind, text);
    else if (kind == "query") got = RunQuery(text);
    else got = RunYaml(kind, input);
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (input != path) fs::remove(input);

    CHECK_MESSAGE(got == expected, file << "\n  expected: " << expected << "\n  got:      " << got);
    CHECK_MESSAGE(seconds < kSecondsEach, file << " took " << seconds << " s");
  }
  CHECK(inputs >= 60);
}

TEST_CASE("malformed corpus: inputs and .expected files come in pairs, and it stays small") {
  std::set<std::string> inputs, expected;
  uintmax_t bytes = 0;
  for (const fs::path& path : CorpusFiles()) {
    bytes += fs::file_size(path);
    std::string stem = path.stem().string();
    std::string ext = path.extension().string();
    if (ext == ".expected") {
      expected.insert(stem);
    } else {
      CHECK_MESSAGE(kKinds.count(Kind(path)) == 1, path.filename().string()
                                                       << ": unknown kind; use one of agencies crisis "
                                                          "lexicon routing alerts csv jsonl text query");
      CHECK_MESSAGE(inputs.insert(stem).second, stem << ": two inputs with one name");
    }
  }
  for (const std::string& stem : inputs) CHECK_MESSAGE(expected.count(stem), stem << ".expected is missing");
  for (const std::string& stem : expected) CHECK_MESSAGE(inputs.count(stem), stem << ".expected has no input");
  CHECK(bytes < 200 * 1024);
}

TEST_CASE("malformed corpus: #generate expressions") {
  std::string out, error;
  CHECK(Generate(R"( "- x: " + "[" * 3 + "]"*3 + "\n\x41")", &out, &error));
  CHECK(out == "- x: [[[]]]\nA");
  CHECK_FALSE(Generate(R"("a" - "b")", &out, &error));
  CHECK(error == "expected + at column 5");
  CHECK_FALSE(Generate(R"("a)", &out, &error));
  CHECK(error == "unterminated literal");
}
