// The AVX2 build of XXH3 behind xxh3.h: plain C types only, so that no
// template or inline function compiled with -mavx2 can be shared with
// (and run by) code built for any x86-64. Call only when the CPU has AVX2.
#ifndef TSUNAGU_XXH3_AVX2_H_
#define TSUNAGU_XXH3_AVX2_H_

#include <cstddef>
#include <cstdint>

/// False when this build has no AVX2 code (not x86-64).
bool Xxh3Avx2Built();
/// XXH3-128 of parts[i] (sizes[i] bytes), i < n, one after the other.
void Xxh3Avx2_128(const char* const* parts, const size_t* sizes, size_t n, uint64_t* high64, uint64_t* low64);
/// XXH3-64 of the same.
uint64_t Xxh3Avx2_64(const char* const* parts, const size_t* sizes, size_t n);

#endif  // TSUNAGU_XXH3_AVX2_H_
