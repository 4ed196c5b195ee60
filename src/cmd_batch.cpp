// `tsunagu batch`: many cases in, one output per case, in input order.
// Output goes to stdout, to one file (-o FILE), or to one file per case
// (--split -o DIR); files are written by SafeFile and SafeFileSet (0600,
// atomic, no overwrite without --force, every target checked before the
// first case, a split set written whole or not at all). The summary goes
// to stderr, and so does the note when --encoding auto reads CP932.
// --excel writes the CSV as Excel reads it without mojibake: a UTF-8 byte
// order mark first, and CRLF line ends.
#include <dirent.h>
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <deque>
#include <memory>

#include "batch.h"
#include "commands.h"
#include "edit_distance.h"
#include "messages.h"
#include "render_sheet.h"
#include "safe_file.h"

namespace {

// Whether standard input was closed when the process started (`batch -
// <&-`). It is looked at before main: once the model is loaded, a file
// opened meanwhile may have taken the free descriptor 0, and "standard
// input" would be that file. The descriptor is then filled with /dev/null
// so that no file takes it.
const bool g_stdin_closed_at_start = [] {
  if (fcntl(STDIN_FILENO, F_GETFD) != -1 || errno != EBADF) return false;
  int fd = open("/dev/null", O_RDONLY | O_CLOEXEC);  // the lowest free number: 0
  if (fd > STDIN_FILENO) close(fd);
  return true;
}();
// The same for standard output (`batch FILE >&-`), only looked at: the
// results would go to whatever file took descriptor 1.
const bool g_stdout_closed_at_start = fcntl(STDOUT_FILENO, F_GETFD) == -1 && errno == EBADF;

// Where the bytes of a single document go: stdout, or a SafeFile. A
// chunk of records is written with one writev, straight from the rendered
// outputs: one write per case cost more system time than triaging it, and
// gathering them in a buffer first cost a copy of every byte.
class Document {
 public:
  Status Open(const std::string& path, bool force) {
    if (path.empty()) return Status::Ok();
    return SafeFile::Create(path, force, &file_);
  }
  Status Write(std::string_view bytes) { return WriteParts({bytes}); }
  Status WriteParts(const std::vector<std::string_view>& parts) {
    if (file_) return file_->WriteParts(parts);
    return WriteAllParts(STDOUT_FILENO, parts, Tr("standard output"));
  }
  Status Close() {
    if (file_) return file_->Commit();
    return Status::Ok();
  }

 private:
  std::unique_ptr<SafeFile> file_;
};

// "\n" as "\r\n". CSV rows end with "\n" and hold no other: a line break
// in a field is written \u000a.
std::string WithCrlf(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 16);
  for (char c : text) {
    if (c == '\n') out += '\r';
    out += c;
  }
  return out;
}

class DocumentSink : public BatchSink {
 public:
  DocumentSink(Document* doc, bool crlf) : doc_(doc), crlf_(crlf) {}
  Status Put(const RecordIdentity&, std::string_view bytes) override {
    if (crlf_) {
      converted_.push_back(WithCrlf(bytes));
      bytes = converted_.back();
    }
    parts_.push_back(bytes);
    return Status::Ok();
  }
  Status EndChunk() override {
    Status s = doc_->WriteParts(parts_);
    parts_.clear();
    converted_.clear();
    return s;
  }

 private:
  Document* doc_;
  bool crlf_;
  std::vector<std::string_view> parts_;  // views of this chunk's outputs
  std::deque<std::string> converted_;    // with crlf_: this chunk's outputs, converted (a deque never moves them)
};

// --encoding: a name of an encoding, else a usage error with the closest
// name.
Status ParseEncodingOption(const std::string& name, InputEncoding* encoding) {
  if (ParseInputEncoding(name, encoding)) return Status::Ok();
  std::string lower = name;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const std::string close = ClosestMatch(lower, InputEncodingNames());
  if (close.empty())
    return Status::Usage(
        TrF("batch --encoding must be auto, utf-8 or cp932 (also shift_jis, sjis), not '{}'", VisibleControls(name)));
  return Status::Usage(
      TrF("batch --encoding must be auto, utf-8 or cp932 (also shift_jis, sjis), not '{}'; "
          "did you mean '{}'?",
          VisibleControls(name), close));
}

const char* SheetExtension(BatchFormat format) { return format == BatchFormat::kHtml ? ".html" : ".md"; }

// A name SplitSink gives: six or more digits, optionally "-" and an id of
// letters, digits, '-' and '_', then the extension.
bool IsSheetName(const std::string& name, const std::string& extension) {
  if (name.size() <= extension.size() || name.compare(name.size() - extension.size(), extension.size(), extension) != 0)
    return false;
  const std::string stem = name.substr(0, name.size() - extension.size());
  size_t digits = 0;
  while (digits < stem.size() && std::isdigit(static_cast<unsigned char>(stem[digits]))) ++digits;
  if (digits < 6) return false;
  if (digits == stem.size()) return true;
  return stem[digits] == '-' && std::all_of(stem.begin() + digits + 1, stem.end(), [](char c) {
           return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
         });
}

// Before the run: the referral sheets already in dir are targets a run may
// meet; each is checked as a target (so without --force any of them stops
// the run before it starts, and a mixed directory of two runs never comes
// about). The names to come depend on the records, and are checked as
// they come: SafeFileSet writes none of them unless all can be written.
Status CheckSplitDirectory(const std::string& dir, const std::string& extension, bool force) {
  DIR* d = opendir(dir.c_str());
  if (!d) return Status::Ok();  // missing: it will be created (else that fails, and says why)
  std::vector<std::string> sheets;
  while (const dirent* e = readdir(d))
    if (IsSheetName(e->d_name, extension)) sheets.push_back(e->d_name);
  closedir(d);
  std::sort(sheets.begin(), sheets.end());
  for (const std::string& name : sheets) {
    Status s = CheckOutputTarget(dir + "/" + name, force);
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

// One file per case: DIR/000001-<id>.md (the record number keeps names
// unique and in input order; the id is reduced to safe characters).
class SplitSink : public BatchSink {
 public:
  SplitSink(SafeFileSet* files, BatchFormat format, const RenderOptions& render)
      : files_(files),
        html_(format == BatchFormat::kHtml),
        extension_(SheetExtension(format)),
        end_(html_ ? HtmlDocumentEnd() : ""),
        render_(render) {}
  Status Put(const RecordIdentity& record, std::string_view bytes) override {
    char number[24];
    std::snprintf(number, sizeof number, "%06zu", record.number);
    std::string safe_id;
    for (char c : record.id.substr(0, 64))
      safe_id += (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_') ? c : '_';
    std::string name = number + (safe_id.empty() ? "" : "-" + safe_id) + extension_;
    // Each file's <title> names its case, as a browser's tab or a print.
    if (html_) return files_->Add(name, {HtmlDocumentStart(render_.lang, SheetTitle(&record, render_)), bytes, end_});
    return files_->Add(name, {bytes});
  }

 private:
  SafeFileSet* files_;
  bool html_;
  std::string extension_, end_;
  RenderOptions render_;
};

// The summary on stderr, for people: "1 case, 2 errors" in English,
// 「事例 1件（うちエラー 2件）」 in Japanese.
std::string BatchSummary(size_t cases, size_t errors) {
  if (cases == 1)
    return errors == 1 ? TrF("{} case, {} error\n", cases, errors) : TrF("{} case, {} errors\n", cases, errors);
  return errors == 1 ? TrF("{} cases, {} error\n", cases, errors) : TrF("{} cases, {} errors\n", cases, errors);
}

}  // namespace

int RunBatch(const CommandContext& c) {
  const CliOptions& options = c.options;
  BatchOptions batch;
  if (!options.format.empty() && !ParseBatchFormat(options.format, &batch.format))
    return Fail(Status::Usage(TrF("batch --format must be jsonl, csv, markdown or html, not '{}'", options.format)));
  batch.render.lang = options.lang;
  batch.render.top = options.top;
  batch.render.pretty = false;
  batch.render.at = Moment(options);  // one moment for the whole run
  batch.jobs = options.jobs;
  if (options.excel && options.format.empty()) batch.format = BatchFormat::kCsv;
  if (options.excel && batch.format != BatchFormat::kCsv)
    return Fail(Status::Usage(Tr("--excel writes CSV for Excel: use it with --format csv, or leave --format out")));
  InputEncoding encoding = InputEncoding::kAuto;
  if (Status e = ParseEncodingOption(options.encoding, &encoding); !e.ok()) return Fail(e);
  bool sheets = batch.format == BatchFormat::kMarkdown || batch.format == BatchFormat::kHtml;
  if (options.split && (!sheets || options.output.empty()))
    return Fail(Status::Usage(
        Tr("--split writes one referral sheet per case: use it with --format markdown or html and -o DIR")));

  InputFormat input_format = InputFormat::kText;
  if (!options.input_format.empty()) ParseInputFormat(options.input_format, &input_format);
  else if (options.input != "-") input_format = FormatFromPath(options.input);
  const bool from_stdin = options.input == "-";
  // A closed standard input is not an empty one: reading it would say
  // "0 cases" and succeed.
  if (from_stdin && g_stdin_closed_at_start)
    return Fail(
        Status::Io(Tr("cannot read standard input: it is closed; give a FILE, or '-' with the cases on "
                      "standard input")));
  if (options.output.empty() && g_stdout_closed_at_start)
    return Fail(
        Status::Io(Tr("cannot write standard output: it is closed; give -o FILE, or redirect standard output")));
  const std::string input_name = from_stdin ? "<stdin>" : options.input;
  FILE* in = stdin;
  if (!from_stdin) {
    in = std::fopen(options.input.c_str(), "rb");
    if (!in) return Fail(Status::Io(TrF("cannot open {}", options.input)));
  }
  ReaderOptions read;
  read.encoding = encoding;
  read.detected = [&input_name](InputEncoding found) {
    if (found == InputEncoding::kCp932)
      std::fputs(TrF("tsunagu: note: {} is not UTF-8; reading it as CP932 (Shift_JIS, as Excel saves it). "
                     "Give --encoding utf-8 or --encoding cp932 to choose\n",
                     VisibleControls(input_name))
                     .c_str(),
                 stderr);
  };
  std::unique_ptr<RecordReader> reader = MakeRecordReader(input_format, in, input_name, read);
  Status s = reader->Open();
  if (!s.ok() && s.kind() == ErrorKind::kIo) return Fail(s);
  if (!s.ok()) return Fail(Status::Input(input_name + ": " + s.message()));

  // Every output target is checked here, before the first case.
  InstallCleanupOnSignal();
  Document document;
  std::unique_ptr<SafeFileSet> split_files;
  std::unique_ptr<BatchSink> sink;
  if (options.split) {
    s = CheckSplitDirectory(options.output, SheetExtension(batch.format), options.force);
    if (s.ok()) s = SafeFileSet::Create(options.output, options.force, &split_files);
    if (s.ok()) sink = std::make_unique<SplitSink>(split_files.get(), batch.format, batch.render);
  } else {
    s = document.Open(options.output, options.force);
    if (s.ok() && batch.format == BatchFormat::kCsv)
      s = document.Write(options.excel ? "\xEF\xBB\xBF" + WithCrlf(CsvHeader()) : CsvHeader());
    if (s.ok() && batch.format == BatchFormat::kHtml)
      s = document.Write(HtmlDocumentStart(options.lang, SheetTitle(nullptr, batch.render)));
    sink = std::make_unique<DocumentSink>(&document, options.excel);
  }
  if (!s.ok()) return Fail(s);

  const bool show_progress = isatty(STDERR_FILENO);
  BatchCounts counts;
  s = RunBatch(c.model, c.lexicon, c.index, *reader, batch, *sink, &counts, [&](size_t done) {
    if (show_progress)
      std::fputs(("\r" + (done == 1 ? TrF("{} case…", done) : TrF("{} cases…", done))).c_str(), stderr);
  });
  if (in != stdin) std::fclose(in);
  if (s.ok() && options.split) s = split_files->Commit();
  if (s.ok() && !options.split && batch.format == BatchFormat::kHtml) s = document.Write(HtmlDocumentEnd());
  if (s.ok() && !options.split) s = document.Close();
  if (show_progress) std::fprintf(stderr, "\r");
  std::fputs(BatchSummary(counts.cases, counts.errors).c_str(), stderr);
  if (!s.ok()) return Fail(s);
  return counts.errors > 0 ? kExitRecordErrors : kExitOk;
}
