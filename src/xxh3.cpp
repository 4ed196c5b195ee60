#include "xxh3.h"

#include <xxhash.h>

#include <cstdio>

#include "xxh3_avx2.h"

namespace {

bool UseAvx2() {
#if defined(__x86_64__)
  static const bool avx2 = Xxh3Avx2Built() && __builtin_cpu_supports("avx2");
  return avx2;
#else
  return false;
#endif
}

// The parts as the AVX2 build takes them.
struct Flat {
  explicit Flat(const std::vector<std::string_view>& parts) {
    data.reserve(parts.size());
    sizes.reserve(parts.size());
    for (std::string_view p : parts) {
      data.push_back(p.data());
      sizes.push_back(p.size());
    }
  }
  std::vector<const char*> data;
  std::vector<size_t> sizes;
};

}  // namespace

Xxh3Hash128 Xxh3_128(const std::vector<std::string_view>& parts) {
  Xxh3Hash128 out;
  if (UseAvx2()) {
    const Flat flat(parts);
    Xxh3Avx2_128(flat.data.data(), flat.sizes.data(), parts.size(), &out.high64, &out.low64);
    return out;
  }
  XXH3_state_t* state = XXH3_createState();
  XXH3_128bits_reset(state);
  for (std::string_view p : parts) XXH3_128bits_update(state, p.data(), p.size());
  const XXH128_hash_t h = XXH3_128bits_digest(state);
  XXH3_freeState(state);
  out.high64 = h.high64;
  out.low64 = h.low64;
  return out;
}

std::string Xxh3Hex(Xxh3Hash128 h) {
  char hex[33];
  std::snprintf(hex, sizeof hex, "%016llx%016llx", static_cast<unsigned long long>(h.high64),
                static_cast<unsigned long long>(h.low64));
  return hex;
}

uint64_t Xxh3_64(const std::vector<std::string_view>& parts) {
  if (UseAvx2()) {
    const Flat flat(parts);
    return Xxh3Avx2_64(flat.data.data(), flat.sizes.data(), parts.size());
  }
  XXH3_state_t* state = XXH3_createState();
  XXH3_64bits_reset(state);
  for (std::string_view p : parts) XXH3_64bits_update(state, p.data(), p.size());
  const uint64_t h = XXH3_64bits_digest(state);
  XXH3_freeState(state);
  return h;
}
