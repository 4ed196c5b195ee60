#include "json_writer.h"

void JsonWriter::Escape(std::string_view s, std::string* out) {
  static const char kHex[] = "0123456789abcdef";
  out->push_back('"');
  size_t run = 0;  // start of the pending run of bytes that need no escape
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;  // UTF-8 passes through: input is validated
    out->append(s.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"': out->append("\\\""); break;
      case '\\': out->append("\\\\"); break;
      case '\n': out->append("\\n"); break;
      case '\r': out->append("\\r"); break;
      case '\t': out->append("\\t"); break;
      case '\b': out->append("\\b"); break;
      case '\f': out->append("\\f"); break;
      default:
        out->append("\\u00");
        out->push_back(kHex[c >> 4]);
        out->push_back(kHex[c & 15]);
    }
  }
  out->append(s.data() + run, s.size() - run);
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
  // Keys are names from our own code: no escaping needed.
  out_->push_back('"');
  out_->append(key);
  out_->push_back('"');
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

void JsonWriter::RawMembers(std::string_view members) {
  if (members.empty()) return;
  BeforeValue();
  out_->append(members);
}

void JsonWriter::RawValue(std::string_view value) {
  BeforeValue();
  out_->append(value);
}
