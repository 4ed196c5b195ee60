// Built with -mavx2 on x86-64 (CMakeLists.txt): libxxhash's XXH3 with its
// AVX2 accumulate, inlined (static) from its header. See xxh3_avx2.h for
// why only plain C types cross this file's edge.
#include "xxh3_avx2.h"

#if defined(__x86_64__) && defined(__AVX2__)
#include <immintrin.h>  // xxhash.h uses the AVX2 intrinsics without including them
#define XXH_INLINE_ALL
#define XXH_VECTOR XXH_AVX2
#include <xxhash.h>

bool Xxh3Avx2Built() { return true; }

void Xxh3Avx2_128(const char* const* parts, const size_t* sizes, size_t n, uint64_t* high64, uint64_t* low64) {
  XXH3_state_t state;
  XXH3_128bits_reset(&state);
  for (size_t i = 0; i < n; ++i) XXH3_128bits_update(&state, parts[i], sizes[i]);
  const XXH128_hash_t h = XXH3_128bits_digest(&state);
  *high64 = h.high64;
  *low64 = h.low64;
}

uint64_t Xxh3Avx2_64(const char* const* parts, const size_t* sizes, size_t n) {
  XXH3_state_t state;
  XXH3_64bits_reset(&state);
  for (size_t i = 0; i < n; ++i) XXH3_64bits_update(&state, parts[i], sizes[i]);
  return XXH3_64bits_digest(&state);
}

#else

bool Xxh3Avx2Built() { return false; }
void Xxh3Avx2_128(const char* const*, const size_t*, size_t, uint64_t*, uint64_t*) {}
uint64_t Xxh3Avx2_64(const char* const*, const size_t*, size_t) { return 0; }

#endif
