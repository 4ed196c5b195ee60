// Tests for src/batch.h, src/render_sheet.h and src/safe_file.h: nothing
// lost, same bytes whatever --jobs, each output format, safe files.
#include "batch.h"

#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "load_model.h"
#include "render_sheet.h"
#include "safe_file.h"
#include "shipped_model.h"

namespace {

class Collect : public BatchSink {
 public:
  Status Put(const RecordIdentity& record, std::string_view bytes) override {
    ids.push_back(record.id);
    out += bytes;
    return Status::Ok();
  }
  std::vector<std::string> ids;
  std::string out;
};

std::string Run(InputFormat in, const std::string& input, BatchFormat format, int jobs, BatchCounts* counts,
                std::vector<std::string>* ids = nullptr) {
  FILE* f = fmemopen(const_cast<char*>(input.data()), input.size(), "rb");
  REQUIRE(f != nullptr);
  auto reader = MakeRecordReader(in, f);
  REQUIRE(reader->Open().ok());
  BatchOptions options;
  options.format = format;
  options.jobs = jobs;
  options.render.pretty = false;
  Collect sink;
  REQUIRE(RunBatch(Shipped().model, Shipped().lexicon, Shipped().index, *reader, options, sink, counts).ok());
  fclose(f);
  if (ids) *ids = sink.ids;
  return sink.out;
}

// Good records with bad ones among them, in every way a record can be bad.
const char kMixedCsv[] =
    "id,text,age\n"
    "ok1,親が80代、息子は無職、生活が苦しい,\n"
    "bad-quote,oops \"here\",\n"
    "ok2,\"son is withdrawn, wants to work\",30\n"
    "empty,,\n"
    "bad-age,ひきこもり,old\n"
    "ok3,息子が「死にたい」と言っている,\n"
    "bad-utf8,\xff\xfe,\n"
    "fields,a,b,c\n";

std::vector<std::string> Lines(const std::string& s) {
  std::vector<std::string> lines;
  size_t start = 0;
  for (size_t nl; (nl = s.find('\n', start)) != std::string::npos; start = nl + 1)
    lines.push_back(s.substr(start, nl - start));
  return lines;
}

}  // namespace

TEST_CASE("batch: bad records among good ones — one output per input, counted") {
  BatchCounts counts;
  std::vector<std::string> ids;
  std::string out = Run(InputFormat::kCsv, kMixedCsv, BatchFormat::kJsonl, 1, &counts, &ids);
  CHECK(counts.cases == 8);
  CHECK(counts.errors == 5);
  std::vector<std::string> lines = Lines(out);
  REQUIRE(lines.size() == 8);
  std::vector<std::string> kinds;
  for (size_t i = 0; i < lines.size(); ++i) {
    nlohmann::json j = nlohmann::json::parse(lines[i]);
    CHECK(j["schema"] == "tsunagu.result/2");
    CHECK(j["record"] == i + 1);
    kinds.push_back(j.contains("error") ? j["error"]["kind"].get<std::string>() : "ok");
  }
  CHECK(kinds ==
        std::vector<std::string>{"ok", "csv-quote", "ok", "empty-text", "bad-age", "ok", "invalid-utf8", "csv-fields"});
  nlohmann::json third = nlohmann::json::parse(lines[2]);
  CHECK(third["id"] == "ok2");
  CHECK(third["ages"][0]["words"] == "age=30");  // the age column reaches the engine
  CHECK(nlohmann::json::parse(lines[5])["alerts"].size() == 1);
}

TEST_CASE("batch: the same input gives the same bytes with 1 or 3 threads, across chunks") {
  std::string input;
  const char* texts[] = {"親が80代、息子は無職、生活が苦しい", "qwerty",
                         "30歳、発達障害の診断はあるが手帳はない。働きたい", "", "国民年金の保険料が払えない"};
  for (int i = 0; i < 5000; ++i) input += std::string(texts[i % 5]) + "\n";
  BatchCounts one, three;
  std::string a = Run(InputFormat::kText, input, BatchFormat::kJsonl, 1, &one);
  std::string b = Run(InputFormat::kText, input, BatchFormat::kJsonl, 3, &three);
  CHECK(one.cases == 5000);
  CHECK(one.errors == 1000);
  CHECK(three.errors == one.errors);
  CHECK(a == b);
}

TEST_CASE("batch: CSV output has one row per case and agency, and an error row") {
  BatchCounts counts;
  std::string out = Run(InputFormat::kCsv, kMixedCsv, BatchFormat::kCsv, 1, &counts);
  std::vector<std::string> lines = Lines(out);
  CHECK(lines[0].rfind("ok1,1,1,houkatsu,", 0) == 0);
  size_t error_rows = 0;
  for (const std::string& l : lines) error_rows += l.find(",,,,,,,,") != std::string::npos;
  CHECK(error_rows == 5);
  CHECK(CsvHeader() == "case_id,record,rank,agency_id,agency_name,roles,phone,score,alerts,error\n");
}

TEST_CASE("batch: referral sheets put alerts first, then the team and the agencies") {
  BatchCounts counts;
  std::string md = Run(InputFormat::kText, "息子が「死にたい」と言っている\n", BatchFormat::kMarkdown, 1, &counts);
  size_t alert = md.find("【緊急】");
  size_t team = md.find("## チーム");
  size_t agencies = md.find("## 関係機関");
  CHECK(md.rfind("# 紹介シート — 1", 0) == 0);
  CHECK(alert != std::string::npos);
  CHECK(alert < team);
  CHECK(team < agencies);
  CHECK(md.find("0570-064-556") != std::string::npos);
  CHECK(md.find("未確認") != std::string::npos);
  // Well-formed Markdown: every heading after a blank line, no runs of them.
  CHECK(md.find("\n\n## チーム") != std::string::npos);
  CHECK(md.find("\n\n## 関係機関\n\n### 1. ") != std::string::npos);
  CHECK(md.find("\n\n\n") == std::string::npos);
  std::string html = Run(InputFormat::kText, "<script>x</script> 借金\n", BatchFormat::kHtml, 1, &counts);
  CHECK(html.find("<script>") == std::string::npos);  // the case text is escaped
  CHECK(html.find("&lt;script&gt;") != std::string::npos);
  CHECK(HtmlDocumentStart(Lang::kJa).find("@page { size: A4") != std::string::npos);
}

TEST_CASE("batch: a sheet shows the ages of the CSV's age columns, and a rule between cases") {
  BatchCounts counts;
  std::string md = Run(InputFormat::kCsv, "id,text,age,parent_age\nx,息子がひきこもり、親は高齢,48,79\ny,借金,,\n",
                       BatchFormat::kMarkdown, 1, &counts);
  REQUIRE(counts.errors == 0);
  CHECK(md.find("## 読み取った内容\n\n- **本人 息子 48歳**: ひきこもり\n- **親 79歳**: 高齢の親\n") !=
        std::string::npos);
  CHECK(md.find("\n---\n\n# 紹介シート — y\n") != std::string::npos);
}

TEST_CASE("SafeFile: 0600, atomic, no overwrite without force, nothing left behind") {
  char dir_template[] = "/tmp/tsunagu-safe-XXXXXX";
  REQUIRE(mkdtemp(dir_template) != nullptr);
  std::string dir = dir_template;
  std::string path = dir + "/out.jsonl";
  {
    std::unique_ptr<SafeFile> f;
    REQUIRE(SafeFile::Create(path, false, &f).ok());
    REQUIRE(f->Write("abc").ok());
    struct stat st;
    CHECK(stat(path.c_str(), &st) != 0);  // not visible before Commit
    REQUIRE(f->Commit().ok());
    REQUIRE(stat(path.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
  }
  std::unique_ptr<SafeFile> again;
  Status s = SafeFile::Create(path, false, &again);
  CHECK(s.message() == path + " already exists; use --force to replace it");
  {
    std::unique_ptr<SafeFile> forced;
    REQUIRE(SafeFile::Create(path, true, &forced).ok());
    REQUIRE(forced->Write("new").ok());
    // Dropped without Commit: the old file stays, the temporary goes.
  }
  std::string text;
  REQUIRE(ReadFile(path, &text).ok());
  CHECK(text == "abc");
  std::string listing;
  FILE* ls = popen(("ls -A " + dir).c_str(), "r");
  char buf[256];
  while (fgets(buf, sizeof buf, ls)) listing += buf;
  pclose(ls);
  CHECK(listing == "out.jsonl\n");
  CHECK(MakeDirectory(dir + "/a/b").ok());
  CHECK(MakeDirectory(path).message() == path + " is not a directory");
  std::system(("rm -rf " + dir).c_str());
}

TEST_CASE("SafeFile: a pipe, device or directory is never replaced, even with force") {
  // `-o /dev/null --force` once renamed a regular file over /dev/null (as
  // root): a pipe stands in for the device here.
  char dir_template[] = "/tmp/tsunagu-safe-XXXXXX";
  REQUIRE(mkdtemp(dir_template) != nullptr);
  std::string dir = dir_template;
  std::string fifo = dir + "/pipe";
  REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
  for (const std::string& target : {fifo, dir, std::string("/dev/null")}) {
    for (bool force : {false, true}) {
      std::unique_ptr<SafeFile> f;
      Status s = SafeFile::Create(target, force, &f);
      CHECK(s.message() == target +
                               " is not a regular file (a device, directory or pipe); -o writes files only: "
                               "leave out -o to write to standard output and redirect that");
    }
  }
  struct stat st;
  REQUIRE(stat(fifo.c_str(), &st) == 0);
  CHECK(S_ISFIFO(st.st_mode));
  std::system(("rm -rf " + dir).c_str());
}

TEST_CASE("control characters in ids, texts and messages are shown as \\u00XX in CSV, Markdown and HTML") {
  // ESC (a colour, a title-setting OSC), CR, a line break, DEL and C1 NEL
  // (U+0085) in the id; tab is harmless and kept.
  const std::string id = "a\x1b[31mb\x1b]0;x\x07\r\nc\x7f\xc2\x85\td";
  const RecordIdentity record{id, 7};
  const std::string shown = "a\\u001b[31mb\\u001b]0;x\\u0007\\u000d\\u000ac\\u007f\\u0085\td";
  CHECK(RenderCsvError(record, "bad \x1b[2J") == shown + ",7,,,,,,,,bad \\u001b[2J\n");
  CHECK(RenderErrorMarkdown(record, "x\ny", Lang::kEn) ==
        "# Referral sheet — a\\\\u001b\\[31mb\\\\u001b\\]0;x\\\\u0007\\\\u000d\\\\u000ac\\\\u007f\\\\u0085\td\n\n"
        "**This record could not be read** (record 7): x\\\\u000ay\n\n---\n\n");
  CHECK(RenderErrorHtml(record, "<x>\x1b", Lang::kEn) ==
        "<section class=\"sheet\">\n<h1>Referral sheet — " + shown +
            "</h1>\n<p class=\"alert\">This record could not be read (record 7): &lt;x&gt;\\u001b</p>\n</section>\n");
  // A comma still quotes the field; the line break is no longer raw.
  CHECK(RenderCsvError(RecordIdentity{"x,\ny", 1}, "e") == "\"x,\\u000ay\",1,,,,,,,,e\n");
}

TEST_CASE("a multi-line case text stays inside the Markdown quote, line by line, its controls escaped") {
  BatchCounts counts;
  std::string input =
      "{\"id\": \"m\\u001b1\", \"text\": \"息子がひきこもり\\n\\u001b[31m母は80代\\r\\n\\n借金がある\"}\n";
  std::string md = Run(InputFormat::kJsonl, input, BatchFormat::kMarkdown, 1, &counts);
  REQUIRE(counts.errors == 0);
  CHECK(md.rfind("# 紹介シート — m\\\\u001b1\n\n", 0) == 0);
  CHECK(md.find("| m\\\\u001b1 |") != std::string::npos);  // the id in the header fields
  CHECK(md.find("## 事例\n\n"
                "> 息子がひきこもり\n> \\\\u001b\\[31m母は80代\\\\u000d\n> \n> 借金がある\n\n") != std::string::npos);
  std::string html = Run(InputFormat::kJsonl, input, BatchFormat::kHtml, 1, &counts);
  CHECK(html.find("<b class=\"id\">m\\u001b1</b>") != std::string::npos);
  CHECK(html.find("<blockquote class=\"case\">息子がひきこもり\n\\u001b[31m母は80代"
                  "\\u000d\n\n借金がある</blockquote>\n") != std::string::npos);
  std::string csv = Run(InputFormat::kJsonl, input, BatchFormat::kCsv, 1, &counts);
  CHECK(csv.rfind("m\\u001b1,1,1,", 0) == 0);
  for (const std::string* out : {&md, &html, &csv}) {
    CHECK(out->find('\x1b') == std::string::npos);
    CHECK(out->find('\r') == std::string::npos);
  }
}

TEST_CASE("batch: a read error fails the run after the records before it") {
  FILE* f = std::fopen("/", "rb");
  REQUIRE(f != nullptr);
  auto reader = MakeRecordReader(InputFormat::kText, f, "/");
  Collect sink;
  BatchCounts counts;
  Status s = RunBatch(Shipped().model, Shipped().lexicon, Shipped().index, *reader, BatchOptions(), sink, &counts);
  CHECK(s.message() == "cannot read /: Is a directory");
  CHECK(counts.cases == 0);
  std::fclose(f);
}

namespace {

std::string TempDir() {
  char dir_template[] = "/tmp/tsunagu-safe-XXXXXX";
  REQUIRE(mkdtemp(dir_template) != nullptr);
  return dir_template;
}

std::string Listing(const std::string& dir) {
  std::string listing;
  FILE* ls = popen(("ls -A " + dir).c_str(), "r");
  char buf[256];
  while (fgets(buf, sizeof buf, ls)) listing += buf;
  pclose(ls);
  return listing;
}

}  // namespace

TEST_CASE("SafeFile: a symbolic link, even dangling, and a read-only file are refused at once, naming the target") {
  std::string dir = TempDir();
  const std::string link = dir + "/out.jsonl";
  REQUIRE(symlink((dir + "/nowhere").c_str(), link.c_str()) == 0);
  for (bool force : {false, true}) {
    std::unique_ptr<SafeFile> f;
    CHECK(SafeFile::Create(link, force, &f).message() ==
          link + " is a symbolic link; -o does not write through links nor replace them: give the path of a new file");
  }
  const std::string read_only = dir + "/ro.jsonl";
  {
    std::unique_ptr<SafeFile> f;
    REQUIRE(SafeFile::Create(read_only, false, &f).ok());
    REQUIRE(f->Commit().ok());
  }
  REQUIRE(chmod(read_only.c_str(), 0400) == 0);
  std::unique_ptr<SafeFile> f;
  CHECK(SafeFile::Create(read_only, true, &f).message() ==
        read_only + " is read-only; --force does not replace it: make it writable or remove it first");
  // The temporary file is never named: the target is.
  const std::string missing = dir + "/no/such/dir/out.jsonl";
  CHECK(SafeFile::Create(missing, false, &f).message() == "cannot create " + missing + ": No such file or directory");
  CHECK(CheckOutputTarget(dir + "/ro.jsonl/x", true).message() ==
        "cannot create " + dir + "/ro.jsonl/x: Not a directory");
  CHECK(Listing(dir) == "out.jsonl\nro.jsonl\n");
  std::system(("rm -rf " + dir).c_str());
}

TEST_CASE("SafeFileSet: all the files appear on Commit, or none") {
  std::string dir = TempDir();
  const std::string sheets = dir + "/sheets";
  {
    std::unique_ptr<SafeFileSet> set;
    REQUIRE(SafeFileSet::Create(sheets, false, &set).ok());
    REQUIRE(set->Add("1.md", {"one"}).ok());
    REQUIRE(set->Add("2.md", {"t", "wo"}).ok());
    CHECK(Listing(sheets).find(".md") == std::string::npos);  // nothing before Commit
    REQUIRE(set->Commit().ok());
  }
  CHECK(Listing(sheets) == "1.md\n2.md\n");
  std::string text;
  REQUIRE(ReadFile(sheets + "/2.md", &text).ok());
  CHECK(text == "two");
  struct stat st;
  REQUIRE(stat((sheets + "/2.md").c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);

  // A target that exists when it is added stops the set at once...
  {
    std::unique_ptr<SafeFileSet> set;
    REQUIRE(SafeFileSet::Create(sheets, false, &set).ok());
    REQUIRE(set->Add("3.md", {"three"}).ok());
    CHECK(set->Add("1.md", {"x"}).message() == sheets + "/1.md already exists; use --force to replace it");
  }
  CHECK(Listing(sheets) == "1.md\n2.md\n");
  // ...and one that appears before Commit leaves none of the set.
  {
    std::unique_ptr<SafeFileSet> set;
    REQUIRE(SafeFileSet::Create(sheets, false, &set).ok());
    REQUIRE(set->Add("3.md", {"three"}).ok());
    REQUIRE(set->Add("4.md", {"four"}).ok());
    std::FILE* late = std::fopen((sheets + "/4.md").c_str(), "w");
    std::fclose(late);
    CHECK(set->Commit().message() == sheets + "/4.md already exists; use --force to replace it");
  }
  CHECK(Listing(sheets) == "1.md\n2.md\n4.md\n");
  // With force, existing files are replaced; never a directory.
  {
    std::unique_ptr<SafeFileSet> set;
    REQUIRE(SafeFileSet::Create(sheets, true, &set).ok());
    REQUIRE(set->Add("1.md", {"new"}).ok());
    REQUIRE(mkdir((sheets + "/5.md").c_str(), 0700) == 0);
    CHECK(set->Add("5.md", {"x"}).message() ==
          sheets +
              "/5.md is not a regular file (a device, directory or pipe); -o writes files only: leave out -o "
              "to write to standard output and redirect that");
    REQUIRE(set->Commit().ok());
  }
  REQUIRE(ReadFile(sheets + "/1.md", &text).ok());
  CHECK(text == "new");
  CHECK(Listing(sheets) == "1.md\n2.md\n4.md\n5.md\n");  // no temporary directory left
  std::system(("rm -rf " + dir).c_str());
}

TEST_CASE("InstallCleanupOnSignal keeps a signal that was ignored at start ignored") {
  struct sigaction saved[3];
  const int signals[] = {SIGINT, SIGTERM, SIGHUP};
  for (int i = 0; i < 3; ++i) sigaction(signals[i], nullptr, &saved[i]);
  std::signal(SIGHUP, SIG_IGN);  // nohup
  std::signal(SIGINT, SIG_IGN);  // a background job of a script
  std::signal(SIGTERM, SIG_DFL);
  InstallCleanupOnSignal();
  auto handler = [](int signal) {
    struct sigaction now;
    sigaction(signal, nullptr, &now);
    return now.sa_handler == SIG_IGN ? "ignore" : now.sa_handler == SIG_DFL ? "default" : "handler";
  };
  CHECK(std::string(handler(SIGHUP)) == "ignore");
  CHECK(std::string(handler(SIGINT)) == "ignore");
  CHECK(std::string(handler(SIGTERM)) == "handler");
  for (int i = 0; i < 3; ++i) sigaction(signals[i], &saved[i], nullptr);
}
