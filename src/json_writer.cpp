#include "json_writer.h"

void JsonWriter::Escape(std::string_view s, std::string* out) {
  static const char kHex[] = "0123456789abcdef";
  out->push_back('"');
  for (char ch : s) {
    unsigned char c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"': out->append("\\\""); break;
      case '\\': out->append("\\\\"); break;
      case '\n': out->append("\\n"); break;
      case '\r': out->append("\\r"); break;
      case '\t': out->append("\\t"); break;
      case '\b': out->append("\\b"); break;
      case '\f': out->append("\\f"); break;
      default:
        if (c < 0x20) {
          out->append("\\u00");
          out->push_back(kHex[c >> 4]);
          out->push_back(kHex[c & 15]);
        } else {
          out->push_back(ch);  // UTF-8 passes through: input is validated
        }
    }
  }
  out->push_back('"');
}

void JsonWriter::Newline() {
  out_->push_back('\n');
  out_->append(2 * has_member_.size(), ' ');
}

void JsonWriter::BeforeValue() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (has_member_.empty()) return;
  if (has_member_.back()) out_->push_back(',');
  has_member_.back() = true;
  if (pretty_) Newline();
}

void JsonWriter::Key(std::string_view key) {
  BeforeValue();
  Escape(key, out_);
  out_->append(pretty_ ? ": " : ":");
  after_key_ = true;
}

void JsonWriter::Open(char bracket) {
  BeforeValue();
  out_->push_back(bracket);
  has_member_.push_back(false);
}

void JsonWriter::Close(char bracket) {
  bool had_members = has_member_.back();
  has_member_.pop_back();
  if (pretty_ && had_members) Newline();
  out_->push_back(bracket);
}

void JsonWriter::String(std::string_view s) {
  BeforeValue();
  Escape(s, out_);
}

void JsonWriter::Int(long long v) {
  BeforeValue();
  out_->append(std::to_string(v));
}

void JsonWriter::Bool(bool v) {
  BeforeValue();
  out_->append(v ? "true" : "false");
}

void JsonWriter::Null() {
  BeforeValue();
  out_->append("null");
}

void JsonWriter::Member(std::string_view key, const std::vector<std::string>& list) {
  Key(key);
  BeginArray();
  for (const std::string& s : list) String(s);
  EndArray();
}
