// `tsunagu batch`: many cases in, one output per case, in input order.
// Output goes to stdout, to one file (-o FILE), or to one file per case
// (--split -o DIR); files are written by SafeFile (0600, atomic, no
// overwrite without --force). The summary goes to stderr.
#include <unistd.h>

#include <cctype>
#include <cstdio>
#include <memory>

#include "batch.h"
#include "commands.h"
#include "render_sheet.h"
#include "safe_file.h"

namespace {

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
    return WriteAllParts(STDOUT_FILENO, parts, "standard output");
  }
  Status Close() {
    if (file_) return file_->Commit();
    return Status::Ok();
  }

 private:
  std::unique_ptr<SafeFile> file_;
};

class DocumentSink : public BatchSink {
 public:
  explicit DocumentSink(Document* doc) : doc_(doc) {}
  Status Put(const RecordIdentity&, std::string_view bytes) override {
    parts_.push_back(bytes);
    return Status::Ok();
  }
  Status EndChunk() override {
    Status s = doc_->WriteParts(parts_);
    parts_.clear();
    return s;
  }

 private:
  Document* doc_;
  std::vector<std::string_view> parts_;  // views of this chunk's outputs
};

// One file per case: DIR/000001-<id>.md (the record number keeps names
// unique and in input order; the id is reduced to safe characters).
class SplitSink : public BatchSink {
 public:
  SplitSink(std::string dir, BatchFormat format, Lang lang, bool force)
      : dir_(std::move(dir)), format_(format), lang_(lang), force_(force) {}
  Status Put(const RecordIdentity& record, std::string_view bytes) override {
    char number[16];
    std::snprintf(number, sizeof number, "%06zu", record.number);
    std::string safe_id;
    for (char c : record.id.substr(0, 64))
      safe_id += (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_') ? c : '_';
    bool html = format_ == BatchFormat::kHtml;
    std::string path = dir_ + "/" + number + (safe_id.empty() ? "" : "-" + safe_id) + (html ? ".html" : ".md");
    std::unique_ptr<SafeFile> file;
    Status s = SafeFile::Create(path, force_, &file);
    if (s.ok()) s = html ? file->Write(HtmlDocumentStart(lang_).append(bytes).append(HtmlDocumentEnd())) : file->Write(bytes);
    if (s.ok()) s = file->Commit();
    return s;
  }

 private:
  std::string dir_;
  BatchFormat format_;
  Lang lang_;
  bool force_;
};

}  // namespace

int RunBatch(const CommandContext& c) {
  const CliOptions& options = c.options;
  BatchOptions batch;
  if (!options.format.empty() && !ParseBatchFormat(options.format, &batch.format))
    return Fail(Status::Usage("batch --format must be jsonl, csv, markdown or html, not '" + options.format + "'"));
  batch.render.lang = options.lang;
  batch.render.top = options.top;
  batch.render.pretty = false;
  batch.render.at = Moment(options);  // one moment for the whole run
  batch.jobs = options.jobs;
  bool sheets = batch.format == BatchFormat::kMarkdown || batch.format == BatchFormat::kHtml;
  if (options.split && (!sheets || options.output.empty()))
    return Fail(Status::Usage("--split writes one referral sheet per case: use it with --format markdown or html and -o DIR"));

  InputFormat input_format = InputFormat::kText;
  if (!options.input_format.empty()) ParseInputFormat(options.input_format, &input_format);
  else if (options.input != "-") input_format = FormatFromPath(options.input);
  FILE* in = stdin;
  if (options.input != "-") {
    in = std::fopen(options.input.c_str(), "rb");
    if (!in) return Fail(Status::Io("cannot open " + options.input));
  }
  std::unique_ptr<RecordReader> reader = MakeRecordReader(input_format, in);
  Status s = reader->Open();
  if (!s.ok()) return Fail(Status::Input((options.input == "-" ? "<stdin>" : options.input) + ": " + s.message()));

  InstallCleanupOnSignal();
  Document document;
  std::unique_ptr<BatchSink> sink;
  if (options.split) {
    s = MakeDirectory(options.output);
    sink = std::make_unique<SplitSink>(options.output, batch.format, options.lang, options.force);
  } else {
    s = document.Open(options.output, options.force);
    if (s.ok() && batch.format == BatchFormat::kCsv) s = document.Write(CsvHeader());
    if (s.ok() && batch.format == BatchFormat::kHtml) s = document.Write(HtmlDocumentStart(options.lang));
    sink = std::make_unique<DocumentSink>(&document);
  }
  if (!s.ok()) return Fail(s);

  const bool show_progress = isatty(STDERR_FILENO);
  BatchCounts counts;
  s = RunBatch(c.model, c.lexicon, *reader, batch, *sink, &counts, [&](size_t done) {
    if (show_progress) std::fprintf(stderr, "\r%zu cases…", done);
  });
  if (in != stdin) std::fclose(in);
  if (s.ok() && !options.split && batch.format == BatchFormat::kHtml) s = document.Write(HtmlDocumentEnd());
  if (s.ok() && !options.split) s = document.Close();
  if (show_progress) std::fprintf(stderr, "\r");
  std::fprintf(stderr, "%zu cases, %zu errors\n", counts.cases, counts.errors);
  if (!s.ok()) return Fail(s);
  return counts.errors > 0 ? kExitRecordErrors : kExitOk;
}
