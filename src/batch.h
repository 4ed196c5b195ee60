// Batch: triages a stream of records, in chunks, on N threads, and hands
// each record's rendered output to a sink in input order, so the same
// input gives the same bytes whatever N is. Every record yields exactly
// one output: a result, or an error record naming the record and why.
#ifndef TSUNAGU_BATCH_H_
#define TSUNAGU_BATCH_H_

#include <functional>
#include <string>
#include <string_view>

#include "batch_input.h"
#include "lexicon.h"
#include "model.h"
#include "render.h"
#include "rule_index.h"
#include "status.h"

enum class BatchFormat { kJsonl, kCsv, kMarkdown, kHtml };

/// "jsonl", "csv", "markdown"/"md", "html"; false when unknown.
bool ParseBatchFormat(const std::string& name, BatchFormat* out);

struct BatchOptions {
  BatchFormat format = BatchFormat::kJsonl;
  RenderOptions render;
  int jobs = 1;
};

struct BatchCounts {
  size_t cases = 0;   // records read
  size_t errors = 0;  // of which could not be triaged
};

/// Receives output in input order. Document-level pieces (CSV header, the
/// HTML document around the sheets) are the sink's business. The bytes of
/// a Put stay valid until the EndChunk that follows it, so a sink may keep
/// views of them and write a chunk at once.
class BatchSink {
 public:
  virtual ~BatchSink() = default;
  virtual Status Put(const RecordIdentity& record, std::string_view bytes) = 0;
  virtual Status EndChunk() { return Status::Ok(); }
};

/// Reads every record, triages and renders it, and feeds the sink.
/// progress, when set, is called after each chunk with the count so far.
/// Fails with the sink's error, or the reader's read error at the end.
Status RunBatch(const Model& model, const Lexicon& lexicon, const RuleIndex& index, RecordReader& reader,
                const BatchOptions& options, BatchSink& sink, BatchCounts* counts,
                const std::function<void(size_t)>& progress = nullptr);

#endif  // TSUNAGU_BATCH_H_
