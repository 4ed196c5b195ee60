// Tests for src/parallel.h: every item once, results in place, errors
// from a worker on the caller's thread.
#include "parallel.h"

#include <doctest/doctest.h>

#include <atomic>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

TEST_CASE("ParallelFor with no items calls nothing") {
  int calls = 0;
  ParallelFor(0, [&](size_t) { ++calls; });
  CHECK(calls == 0);
}

TEST_CASE("ParallelFor with one item runs it on the calling thread") {
  std::thread::id ran_on;
  ParallelFor(1, [&](size_t i) {
    CHECK(i == 0);
    ran_on = std::this_thread::get_id();
  });
  CHECK((ran_on == std::this_thread::get_id()));
}

TEST_CASE("ParallelFor runs every item exactly once, each result in its own slot") {
  for (size_t n : {size_t{63}, size_t{64}, size_t{65}, size_t{1000}, size_t{10007}}) {
    std::vector<std::atomic<int>> calls(n);
    std::vector<size_t> squares(n);
    ParallelFor(n, [&](size_t i) {
      ++calls[i];
      squares[i] = i * i;
    });
    for (size_t i = 0; i < n; ++i) {
      CHECK(calls[i] == 1);
      CHECK(squares[i] == i * i);
    }
  }
}

TEST_CASE("ParallelFor throws a worker's exception on the calling thread") {
  std::atomic<int> calls{0};
  CHECK_THROWS_WITH_AS(ParallelFor(1000,
                                   [&](size_t i) {
                                     ++calls;
                                     if (i == 500) throw std::runtime_error("item 500");
                                   }),
                       "item 500", std::runtime_error);
  CHECK(calls > 0);
  CHECK(calls <= 1000);
  // Below the threshold, on the calling thread alone: the same.
  CHECK_THROWS_WITH_AS(ParallelFor(3,
                                   [](size_t i) {
                                     if (i == 1) throw std::runtime_error("item 1");
                                   }),
                       "item 1", std::runtime_error);
}

TEST_CASE("ParallelFor stops at an error: one of several is thrown, the rest not started") {
  std::atomic<int> calls{0};
  try {
    ParallelFor(100000, [&](size_t i) {
      ++calls;
      throw std::runtime_error("item " + std::to_string(i));
    });
    FAIL("no exception");
  } catch (const std::runtime_error& e) {
    CHECK(std::string(e.what()).rfind("item ", 0) == 0);
  }
  // Each thread stops at its first error.
  CHECK(calls <= 8);
}
