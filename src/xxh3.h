// XXH3 (libxxhash) of inputs given in parts, for what reaches megabytes:
// the compiled-model cache's key and checksum (model_cache.cpp) and the
// data version (data_hash.cpp). On a CPU with AVX2 the hash runs libxxhash's
// AVX2 code, inlined from its header (xxh3_avx2.cpp, the one file built
// with -mavx2): Debian's libxxhash is built for SSE2 only, ~1.1
// instructions a byte, against ~0.3. Elsewhere it is libxxhash's own. The
// values are XXH3's either way. Pure functions, safe from many threads.
#ifndef TSUNAGU_XXH3_H_
#define TSUNAGU_XXH3_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

/// XXH3-128 (seed 0) of the parts one after the other.
struct Xxh3Hash128 {
  uint64_t high64 = 0, low64 = 0;
};
Xxh3Hash128 Xxh3_128(const std::vector<std::string_view>& parts);

/// A 128-bit hash as 32 lower-case hex digits, high half first (as
/// libxxhash's canonical form reads).
std::string Xxh3Hex(Xxh3Hash128 h);

/// XXH3-64 (seed 0) of the parts one after the other.
uint64_t Xxh3_64(const std::vector<std::string_view>& parts);

#endif  // TSUNAGU_XXH3_H_
