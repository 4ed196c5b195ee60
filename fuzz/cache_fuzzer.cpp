// Fuzz target: the compiled-model cache reader (DecodeCachedModel: the
// checksum, the snapshot and lexicon layouts, every index and string),
// then a query on what it accepted. Seeds are real cache files written by
// tools/craft_cache (fuzz/run.sh makes them). The custom mutator mutates
// the bytes before the checksum and seals them again (most of the time),
// so that the checks behind the checksum are what is fuzzed; half of its
// mutations rewrite one 8-byte integer (a count, an index, a length) that
// held a small value with an edge value: 0, -1, one past a small table,
// INT32_MAX, 2^40, INT64_MIN...
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <random>
#include <string>

#include "embedded.h"
#include "model_cache.h"
#include "render.h"
#include "triage.h"

extern "C" size_t LLVMFuzzerMutate(uint8_t* data, size_t size, size_t max_size);

namespace {

constexpr size_t kChecksum = kCacheChecksumBytes;

void Seal(uint8_t* data, size_t size) {
  if (size < kChecksum) return;
  const std::string sum = CacheChecksum(std::string_view(reinterpret_cast<const char*>(data), size - kChecksum));
  std::memcpy(data + size - kChecksum, sum.data(), kChecksum);
}

int64_t Load64(const uint8_t* p) {
  uint64_t u = 0;
  for (int i = 0; i < 8; ++i) u |= static_cast<uint64_t>(p[i]) << (8 * i);
  return static_cast<int64_t>(u);
}

void Store64(uint8_t* p, int64_t v) {
  for (int i = 0; i < 8; ++i) p[i] = static_cast<uint8_t>((static_cast<uint64_t>(v) >> (8 * i)) & 0xff);
}

// Rewrites one 8-byte little-endian field that looks like an integer of
// the encoding (a value from -1 to 2^20) with an edge value.
bool MutateInteger(uint8_t* body, size_t size, std::minstd_rand& rng) {
  if (size < 16) return false;
  for (int attempt = 0; attempt < 64; ++attempt) {
    const size_t at = 8 + rng() % (size - 15);
    const int64_t old = Load64(body + at);
    if (old < -1 || old > (1 << 20)) continue;
    static const int64_t kEdges[] = {0,         1,
                                     -1,        2,
                                     7,         8,
                                     12,        13,
                                     64,        65,
                                     255,       256,
                                     3005,      3006,
                                     29661,     65535,
                                     INT32_MAX, int64_t{INT32_MAX} + 1,
                                     INT32_MIN, int64_t{1} << 40,
                                     INT64_MAX, INT64_MIN};
    int64_t value;
    switch (rng() % 4) {
      case 0: value = old + 1; break;
      case 1: value = old - 1; break;
      case 2: value = old * 2 + 1; break;
      default: value = kEdges[rng() % (sizeof kEdges / sizeof kEdges[0])];
    }
    Store64(body + at, value);
    return true;
  }
  return false;
}

}  // namespace

extern "C" size_t LLVMFuzzerCustomMutator(uint8_t* data, size_t size, size_t max_size, unsigned int seed) {
  std::minstd_rand rng(seed);
  if (size <= kChecksum || max_size <= kChecksum) return LLVMFuzzerMutate(data, size, max_size);
  size_t body = size - kChecksum;
  if (rng() % 2 == 0 && MutateInteger(data, body, rng)) {
    // done
  } else {
    body = LLVMFuzzerMutate(data, body, max_size - kChecksum);
  }
  if (rng() % 16 != 0) Seal(data, body + kChecksum);  // else: a checksum that may not match
  return body + kChecksum;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // The analyser reads with the shipped user dictionary (set up with the
  // embedded model), as tsunagu does.
  static const bool ready = !EmbeddedFile("agencies.yaml").empty();
  if (!ready) __builtin_trap();
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  {
    // A query's own cache files (Verify::kChecksumOnly) are decoded while
    // the checksum is computed: that decoding must stay in bounds for any
    // bytes. What it accepts is not used: sealed forgeries pass it by design.
    auto copy = std::make_shared<const std::string>(bytes);  // aligned, as a mapped file
    Model model;
    Lexicon lexicon;
    (void)DecodeCachedModel(*copy, CachedModelKey(bytes), &model, &lexicon, copy, Verify::kChecksumOnly);
  }
  Model model;
  Lexicon lexicon;
  if (!DecodeCachedModel(bytes, CachedModelKey(bytes), &model, &lexicon).ok()) return 0;
  // What the reader accepts, the engine must run on without a fault.
  for (const char* text : {"もう死にたい。親が80代、息子は50代でひきこもり、生活が苦しい",
                           "my son has been withdrawn for 10 years and my mother needs care"}) {
    CaseResult result;
    if (!Triage(model, lexicon, RuleIndex(model), text, &result).ok()) __builtin_trap();
    RenderOptions options;
    options.lang = text[0] == 'm' ? Lang::kEn : Lang::kJa;
    options.width = 80;
    RenderJson(model, result, options);
    RenderTable(model, result, options);
  }
  return 0;
}
