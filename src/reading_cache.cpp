#include "reading_cache.h"

#include <algorithm>
#include <vector>

#include "binary_io.h"
#include "check_cache.h"
#include "model_cache.h"
#include "xxh3.h"

namespace {
constexpr std::string_view kMagic = "TSUREAD1";
}  // namespace

std::string KnownReadingsFileName() {
  const std::string identity = ProgramIdentity(), dictionary = DictionaryStamp();
  return Xxh3Hex(Xxh3_128({kMagic, std::string_view(identity.c_str(), identity.size() + 1), dictionary})) + ".readings";
}

std::string EncodeKnownReadings(const std::string& key, const KnownReadings& known) {
  std::vector<const std::pair<const std::string, KnownReading>*> used;
  for (const auto& entry : known.by_phrase)
    if (entry.second.used) used.push_back(&entry);
  std::sort(used.begin(), used.end(), [](const auto* a, const auto* b) { return a->first < b->first; });
  Writer w;
  w.out_ = std::string(kMagic);
  w.Str(key);
  w.Int(static_cast<int64_t>(used.size()));
  for (const auto* entry : used) {
    const PhraseReading& r = entry->second.reading;
    w.Str(entry->first);
    w.Str(r.stream);
    w.Int(r.negative);
    w.Int(static_cast<int64_t>(r.problem));
    w.Str(r.last_particle);
    w.Int(entry->second.alike);
  }
  w.out_ += CacheChecksum(w.out_);
  return std::move(w.out_);
}

bool DecodeKnownReadings(std::string_view bytes, const std::string& key, KnownReadings* out) {
  std::string_view body;
  if (!SealedCacheBody(bytes, kMagic, &body)) return false;
  Reader r(body);
  if (r.View() != key) return false;
  KnownReadings known;
  const size_t n = r.Count(6 * 8);
  known.by_phrase.reserve(n);
  for (size_t i = 0; i < n && r.ok(); ++i) {
    std::string phrase = r.Str();
    KnownReading k;
    k.reading.stream = r.Str();
    k.reading.negative = r.Bool();
    const int problem = r.Small();
    k.reading.last_particle = r.Str();
    k.alike = r.Small();
    if (problem < PhraseReading::kNone || problem > PhraseReading::kFragment || k.alike < -1 || k.alike > 1)
      return false;
    k.reading.problem = static_cast<PhraseReading::Problem>(problem);
    known.by_phrase.emplace(std::move(phrase), std::move(k));
  }
  if (!r.ok() || !r.AtEnd()) return false;
  *out = std::move(known);
  return true;
}

std::unique_ptr<KnownReadings> LoadKnownReadings() {
  if (!ModelCacheOn()) return nullptr;
  auto known = std::make_unique<KnownReadings>();
  const std::string name = KnownReadingsFileName();
  std::string bytes;
  if (ReadCacheFile(name, &bytes)) DecodeKnownReadings(bytes, name, known.get());
  return known;
}

void SaveKnownReadings(const KnownReadings* known) {
  if (!known) return;
  bool stale = false;  // kept, but not of the files read this time
  for (const auto& entry : known->by_phrase) stale = stale || !entry.second.used;
  if (!known->changed && !stale) return;
  const std::string name = KnownReadingsFileName();
  const std::string bytes = EncodeKnownReadings(name, *known);
  if (bytes.size() <= kMaxCacheFileBytes) WriteCacheFile(name, bytes);
}
