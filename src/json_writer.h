// JsonWriter: appends JSON to a string as it goes, with no tree in
// between — batch output renders ~100,000 cases a second, where building a
// nlohmann tree per case would cost more than the triage itself. Keys are
// written in call order, so the output order is the code's order.
#ifndef TSUNAGU_JSON_WRITER_H_
#define TSUNAGU_JSON_WRITER_H_

#include <string>
#include <string_view>
#include <vector>

class JsonWriter {
 public:
  /// pretty: two-space indentation, one member per line (as `jq .`).
  explicit JsonWriter(std::string* out, bool pretty = false) : out_(out), pretty_(pretty) {}

  void BeginObject() { Open('{'); }
  void EndObject() { Close('}'); }
  void BeginArray() { Open('['); }
  void EndArray() { Close(']'); }
  /// The next value's key, inside an object.
  void Key(std::string_view key);

  void String(std::string_view s);
  void Int(long long v);
  void Bool(bool v);
  void Null();

  // Shorthands for a key and its value.
  void Member(std::string_view key, std::string_view s) { Key(key); String(s); }
  void Member(std::string_view key, const char* s) { Key(key); String(s); }
  void Member(std::string_view key, const std::string& s) { Key(key); String(s); }
  void Member(std::string_view key, int v) { Key(key); Int(v); }
  void Member(std::string_view key, bool v) { Key(key); Bool(v); }
  void Member(std::string_view key, const std::vector<std::string>& list);
  void Member(std::string_view key, const std::vector<std::string_view>& list);

  /// Pre-rendered compact JSON: object members without braces, or one
  /// value. Only for compact output (the bytes are not re-indented).
  void RawMembers(std::string_view members);
  void RawValue(std::string_view value);

  /// Appends s as a JSON string literal (quotes and escapes) to out.
  static void Escape(std::string_view s, std::string* out);

 private:
  void Open(char bracket);
  void Close(char bracket);
  void BeforeValue();
  void Newline();
  /// Compact output only: the separator and "s" (with ':' for a key) in
  /// one append, the commonest write of a result; false, with nothing
  /// written, when they do not fit the buffer.
  bool AppendQuoted(std::string_view s, bool is_key);

  std::string* out_;
  bool pretty_;
  // Per open container: has it a member yet? Whether a key was just written.
  std::vector<char> has_member_;  // char, not bool: vector<bool> is slow
  bool after_key_ = false;
};

#endif  // TSUNAGU_JSON_WRITER_H_
