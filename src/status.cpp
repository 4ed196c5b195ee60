#include "status.h"

std::string Status::ToString() const {
  if (file_.empty()) return message_;
  std::string out = file_;
  if (line_ > 0) {
    out += ":" + std::to_string(line_);
    if (column_ > 0) out += ":" + std::to_string(column_);
  }
  return out + ": " + message_;
}

int ExitCodeFor(const Status& s) {
  switch (s.kind()) {
    case ErrorKind::kOk: return kExitOk;
    case ErrorKind::kUsage: return kExitUsage;
    case ErrorKind::kInput: return kExitInput;
    case ErrorKind::kData: return kExitData;
    case ErrorKind::kIo: return kExitIo;
    case ErrorKind::kInternal: return kExitInternal;
  }
  return kExitInternal;
}
