// Fuzz target: the batch readers (CSV, JSON Lines, text). The first byte
// picks the format (mod 3) and the encoding (auto, UTF-8, CP932: / 3 mod
// 3). Checks the promise: records are numbered 1, 2, 3... and a bad record
// carries a reason.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>

#include "batch_input.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 2) return 0;
  InputFormat format = data[0] % 3 == 0   ? InputFormat::kCsv
                       : data[0] % 3 == 1 ? InputFormat::kJsonl
                                          : InputFormat::kText;
  std::string input(reinterpret_cast<const char*>(data) + 1, size - 1);
  FILE* f = fmemopen(input.data(), input.size(), "rb");
  if (!f) return 0;
  ReaderOptions options;
  options.encoding = data[0] / 3 % 3 == 0   ? InputEncoding::kAuto
                     : data[0] / 3 % 3 == 1 ? InputEncoding::kUtf8
                                            : InputEncoding::kCp932;
  auto reader = MakeRecordReader(format, f, "the input", options);
  if (reader->Open().ok()) {
    Record r;
    size_t expected = 1;
    while (reader->Next(&r)) {
      if (r.number != expected++) __builtin_trap();
      if (!r.error.empty() && r.error_kind.empty()) __builtin_trap();
      if (r.text.size() > kMaxRecordBytes) __builtin_trap();
    }
  }
  fclose(f);
  return 0;
}
