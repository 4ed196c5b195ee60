#include "batch.h"

#include <thread>
#include <vector>

#include "json_writer.h"
#include "render_sheet.h"
#include "triage.h"

namespace {

// Records per chunk and thread: small enough that a chunk's texts and
// outputs (~5 KB of JSON a case) stay in cache between being rendered and
// written (2,048 a chunk was 40% slower than 128), big enough that starting
// the threads of a chunk costs little. Memory stays flat however long the
// input is.
constexpr size_t kChunkPerJob = 128;

std::string RenderError(const Record& r, const RecordIdentity& id, const BatchOptions& options) {
  switch (options.format) {
    case BatchFormat::kJsonl: {
      std::string out;
      {
        JsonWriter w(&out);
        w.Raw("{\"schema\":");
        w.String(kResultSchema);
        w.Raw(",\"id\":");
        w.String(id.id);
        w.Raw(",\"record\":");
        w.Int(static_cast<long long>(id.number));
        w.Raw(",\"error\":{\"kind\":");
        w.String(r.error_kind);
        w.Raw(",\"message\":");
        w.String(r.error);
        w.Raw(",\"line\":");
        w.Int(static_cast<long long>(r.line));
        w.Raw("}}\n");
      }
      return out;
    }
    case BatchFormat::kCsv: return RenderCsvError(id, r.error);
    case BatchFormat::kMarkdown: return RenderErrorMarkdown(id, r.error, options.render.lang);
    case BatchFormat::kHtml: return RenderErrorHtml(id, r.error, options.render.lang);
  }
  return "";
}

// Triage and render one record; false when it is an error record.
// result is scratch, reused from case to case so its vectors keep their
// storage.
bool Process(const Model& model, const Lexicon& lexicon, const RuleIndex& index, const JsonFragments& fragments,
             Record& r, const BatchOptions& options, CaseResult& result, ByteBuffer* out) {
  RecordIdentity id{r.id, r.number};
  if (r.error.empty()) {
    GivenAges given{r.age, r.parent_age};
    Status s = Triage(model, lexicon, index, r.text, &result, &given);
    if (s.ok()) {
      switch (options.format) {
        case BatchFormat::kJsonl: {
          JsonWriter w(out);
          WriteResultJson(w, model, result, fragments, options.render, &id);
          w.Raw("\n");
          break;
        }
        case BatchFormat::kCsv: out->Append(RenderCsvRows(model, result, id, options.render)); break;
        case BatchFormat::kMarkdown: out->Append(RenderSheetMarkdown(model, result, id, options.render)); break;
        case BatchFormat::kHtml: out->Append(RenderSheetHtml(model, result, id, options.render)); break;
      }
      return true;
    }
    r.error_kind = "input";
    r.error = s.message();
  }
  out->Append(RenderError(r, id, options));
  return false;
}

}  // namespace

bool ParseBatchFormat(const std::string& name, BatchFormat* out) {
  if (name == "jsonl" || name == "json") *out = BatchFormat::kJsonl;
  else if (name == "csv") *out = BatchFormat::kCsv;
  else if (name == "markdown" || name == "md") *out = BatchFormat::kMarkdown;
  else if (name == "html") *out = BatchFormat::kHtml;
  else return false;
  return true;
}

Status RunBatch(const Model& model, const Lexicon& lexicon, const RuleIndex& index, RecordReader& reader,
                const BatchOptions& options, BatchSink& sink, BatchCounts* counts,
                const std::function<void(size_t)>& progress) {
  *counts = BatchCounts();
  const JsonFragments fragments = BuildJsonFragments(model, options.render.at);
  const size_t jobs = static_cast<size_t>(options.jobs < 1 ? 1 : options.jobs);
  const size_t chunk = kChunkPerJob * jobs;
  std::vector<Record> records(chunk);
  std::vector<ByteBuffer> outputs(chunk);  // kept: each keeps its storage
  std::vector<char> ok(chunk);
  // One result per thread, kept across chunks: its vectors keep their
  // storage from case to case.
  std::vector<CaseResult> scratch(jobs);
  for (bool more = true; more;) {
    size_t n = 0;
    while (n < chunk && (more = reader.Next(&records[n]))) ++n;
    if (n == 0) break;
    auto work = [&](size_t first) {
      for (size_t i = first; i < n; i += jobs) {
        outputs[i].clear();
        ok[i] = Process(model, lexicon, index, fragments, records[i], options, scratch[first], &outputs[i]);
      }
    };
    if (jobs == 1) {
      work(0);
    } else {
      std::vector<std::thread> threads;
      for (size_t t = 1; t < jobs; ++t) threads.emplace_back(work, t);
      work(0);
      for (std::thread& t : threads) t.join();
    }
    for (size_t i = 0; i < n; ++i) {
      ++counts->cases;
      if (!ok[i]) ++counts->errors;
      Status s = sink.Put(RecordIdentity{records[i].id, records[i].number}, outputs[i].view());
      if (!s.ok()) return s;
    }
    Status s = sink.EndChunk();
    if (!s.ok()) return s;
    if (progress) progress(counts->cases);
  }
  return reader.ReadError();
}
