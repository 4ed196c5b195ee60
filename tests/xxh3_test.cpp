// Tests for src/xxh3.h: the values are libxxhash's, whichever code runs
// (its AVX2 build on this CPU, if it has AVX2), for every length around
// the stripe and block sizes and for any split into parts.
#include "xxh3.h"

#include <doctest/doctest.h>
#include <xxhash.h>

#include <string>

#include "xxh3_avx2.h"

namespace {

std::string Bytes(size_t n) {
  std::string s(n, '\0');
  uint32_t x = 2463534242u;
  for (char& c : s) {
    x ^= x << 13, x ^= x >> 17, x ^= x << 5;
    c = static_cast<char>(x & 0xff);
  }
  return s;
}

}  // namespace

TEST_CASE("Xxh3_128 and Xxh3_64: libxxhash's values, in one part or many") {
  const std::string all = Bytes(3 << 20);
  for (size_t n : {size_t{0}, size_t{1}, size_t{16}, size_t{17}, size_t{128}, size_t{129}, size_t{240}, size_t{241},
                   size_t{1023}, size_t{1024}, size_t{1025}, size_t{65536}, size_t{100000}, all.size()}) {
    INFO("length " << n);
    const std::string_view s(all.data(), n);
    const XXH128_hash_t want = XXH3_128bits(s.data(), s.size());
    const uint64_t want64 = XXH3_64bits(s.data(), s.size());
    const Xxh3Hash128 got = Xxh3_128({s});
    CHECK(got.high64 == want.high64);
    CHECK(got.low64 == want.low64);
    CHECK(Xxh3_64({s}) == want64);
    // Cut in three anywhere: the same hash.
    const std::string_view a = s.substr(0, n / 3), b = s.substr(n / 3, n / 2), c = s.substr(n / 3 + b.size());
    const Xxh3Hash128 parts = Xxh3_128({a, b, c});
    CHECK(parts.high64 == want.high64);
    CHECK(parts.low64 == want.low64);
    CHECK(Xxh3_64({a, b, c}) == want64);
    if (Xxh3Avx2Built() && __builtin_cpu_supports("avx2")) {  // the AVX2 build, called directly
      const char* data[] = {a.data(), b.data(), c.data()};
      const size_t sizes[] = {a.size(), b.size(), c.size()};
      uint64_t high = 0, low = 0;
      Xxh3Avx2_128(data, sizes, 3, &high, &low);
      CHECK(high == want.high64);
      CHECK(low == want.low64);
      CHECK(Xxh3Avx2_64(data, sizes, 3) == want64);
    }
  }
  CHECK(Xxh3_64({}) == XXH3_64bits(nullptr, 0));
}

TEST_CASE("Xxh3Hex: 32 hex digits, high half first, as libxxhash's canonical form") {
  CHECK(Xxh3Hex({0x0123456789abcdefULL, 0xfedcba9876543210ULL}) == "0123456789abcdeffedcba9876543210");
  CHECK(Xxh3Hex({0, 1}) == "00000000000000000000000000000001");
  const XXH128_hash_t h = XXH3_128bits("tsunagu", 7);
  XXH128_canonical_t c;
  XXH128_canonicalFromHash(&c, h);
  std::string canonical;
  for (unsigned char byte : c.digest)
    canonical += "0123456789abcdef"[byte >> 4], canonical += "0123456789abcdef"[byte & 15];
  CHECK(Xxh3Hex({h.high64, h.low64}) == canonical);
}
