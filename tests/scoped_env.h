// Test fixtures for code that reads the environment and the file system:
// a private temporary directory and an environment variable set for one
// scope. Not thread-safe (setenv): for single-threaded tests only.
#ifndef TSUNAGU_TESTS_SCOPED_ENV_H_
#define TSUNAGU_TESTS_SCOPED_ENV_H_

#include <stdlib.h>

#include <cstdlib>
#include <filesystem>
#include <string>

// A private temporary directory (mode 0700), removed with what it holds
// at the end of the scope.
struct TempDir {
  TempDir() {
    char name[] = "/tmp/tsunagu-test.XXXXXX";
    path = mkdtemp(name);
  }
  ~TempDir() { std::filesystem::remove_all(path); }
  std::string path;
};

// Sets (or, with nullptr, unsets) an environment variable for one scope,
// then restores what it was.
struct ScopedEnv {
  ScopedEnv(const char* name, const char* value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old, had_ = true;
    if (value) setenv(name, value, 1);
    else unsetenv(name);
  }
  ~ScopedEnv() {
    if (had_) setenv(name_, old_.c_str(), 1);
    else unsetenv(name_);
  }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;
  const char* name_;
  std::string old_;
  bool had_ = false;
};

#endif  // TSUNAGU_TESTS_SCOPED_ENV_H_
