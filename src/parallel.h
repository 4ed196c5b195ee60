// Parallel: a loop spread over the machine's cores, for work that is the
// same for every item (reading thousands of phrases with MeCab).
//
// Threading: ParallelFor runs work(i) for different i at once on up to 8
// threads, the caller's among them, and returns when every item is done;
// work must be safe to run so (each i writing only its own result), and
// the results do not depend on which thread ran what. Errors: an exception
// thrown by work stops the items not yet started and is thrown again on
// the calling thread after every thread has finished (when several
// throw, one of them). When no thread can be started, the caller's does
// all the work.
#ifndef TSUNAGU_PARALLEL_H_
#define TSUNAGU_PARALLEL_H_

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <system_error>
#include <thread>
#include <vector>

/// Fewer items than this run on the calling thread: a thread costs more.
constexpr size_t kParallelMinItems = 64;

/// Runs work(i) for every i in [0, n), on up to min(cores, 8) threads.
template <typename Work>
void ParallelFor(size_t n, const Work& work) {
  const size_t cores = std::max(1u, std::thread::hardware_concurrency());
  const size_t threads = n < kParallelMinItems ? 1 : std::min<size_t>(cores, 8);
  // Items are handed out in small chunks as threads ask for them, not
  // split in equal shares up front: on a busy machine one thread may get
  // less of a core than the other.
  constexpr size_t kChunk = 16;
  std::atomic<size_t> next{0};
  std::mutex mutex;
  std::exception_ptr error;
  auto run = [&] {
    for (;;) {
      const size_t first = next.fetch_add(kChunk);
      if (first >= n) return;
      for (size_t i = first; i < std::min(n, first + kChunk); ++i) {
        try {
          work(i);
        } catch (...) {
          std::lock_guard<std::mutex> lock(mutex);
          if (!error) error = std::current_exception();
          next.store(n);  // start nothing more
          return;
        }
      }
    }
  };
  std::vector<std::thread> helpers;
  for (size_t t = 1; t < threads; ++t) {
    try {
      helpers.emplace_back(run);
    } catch (const std::system_error&) {
      break;  // no more threads to be had: fewer do the work
    }
  }
  run();
  for (std::thread& t : helpers) t.join();
  if (error) std::rethrow_exception(error);
}

#endif  // TSUNAGU_PARALLEL_H_
