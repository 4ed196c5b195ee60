// JsonWriter: string escaping (eight bytes at a time, so every position of
// a special byte in a word matters) and the shape of compact and pretty
// output.
#include <doctest/doctest.h>

#include <cstring>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "json_writer.h"

namespace {

// s as JsonWriter writes a string value.
std::string Escaped(std::string_view s) {
  std::string out;
  JsonWriter(&out).String(s);
  return out;
}

}  // namespace

TEST_CASE("JsonWriter::String: plain text and UTF-8 pass through") {
  CHECK(Escaped("") == "\"\"");
  CHECK(Escaped("abc") == "\"abc\"");
  CHECK(Escaped("親が80代、息子は無職") == "\"親が80代、息子は無職\"");
}

TEST_CASE("JsonWriter::String: every special byte at every position, strings of every length to 40") {
  // Lengths matter: strings under 4, 4 to 7, 8 to 15 and 16 or more bytes
  // are checked, and up to 16, 32 and beyond copied, differently (the
  // tails overlap).
  const std::string specials[] = {"\"", "\\", "\n", "\r", "\t", "\b", "\f", std::string(1, '\0'), "\x01", "\x1f"};
  for (const std::string& special : specials) {
    for (size_t length = 1; length <= 40; ++length)
      for (size_t at = 0; at < length; ++at) {
        std::string s = std::string(at, 'a') + special + std::string(length - 1 - at, 'b');
        std::string out = Escaped(s);
        INFO("special byte " << static_cast<int>(special[0]) << " at " << at << " of " << length);
        // nlohmann reads it back to the same bytes.
        CHECK(nlohmann::json::parse(out).get<std::string>() == s);
        CHECK(out.find_first_of(std::string("\n\r\t\b\f\x01\x1f", 7)) == std::string::npos);
      }
  }
  CHECK(Escaped(std::string("a\0b", 3)) == "\"a\\u0000b\"");
  CHECK(Escaped("\x1f") == "\"\\u001f\"");
  CHECK(Escaped("say \"hi\"\\") == "\"say \\\"hi\\\"\\\\\"");
}

TEST_CASE("JsonWriter::String: clean strings of every length to 40 are copied whole") {
  std::string s;
  for (size_t length = 0; length <= 40; ++length) {
    CHECK(Escaped(s) == "\"" + s + "\"");
    s += static_cast<char>('a' + length % 26);
  }
}

TEST_CASE("JsonWriter::String: bytes next to the special ones are not escaped") {
  // 0x20 (space), '!' and '#' sit beside '"'; ']' and '[' beside '\\'; and
  // bytes >= 0x80 must not count as "below 0x20".
  std::string s = " !#[]\x7f\xc3\xa9 abcdefgh";
  CHECK(Escaped(s) == "\"" + s + "\"");
}

TEST_CASE("JsonWriter: pieces, values and string arrays") {
  std::string out = "before:";
  {
    JsonWriter w(&out);
    w.Raw("{\"a\":");
    w.Int(1);
    w.Raw(",\"b\":");
    w.Bool(true);
    w.Raw(",\"c\":[");
    w.String("x");
    w.Raw(",");
    w.Null();
    w.Raw("],\"d\":");
    w.StringArray(std::vector<std::string>{});
    w.Raw(",\"e\":");
    w.Int(-1234567890);
    w.Raw(",\"f\":");
    w.StringArray(std::vector<std::string_view>{"p", "q\"r"});
    w.Raw(",\"g\":");
    w.StringOrNull("");
    w.Raw("}");
    CHECK(out == "before:");  // handed over when flushed or destroyed
  }
  CHECK(out == R"(before:{"a":1,"b":true,"c":["x",null],"d":[],"e":-1234567890,"f":["p","q\"r"],"g":null})");
}

TEST_CASE("JsonWriter: output longer than its inline buffer, in many pieces") {
  std::string out, expected = "[";
  {
    JsonWriter w(&out);
    w.Raw("[");
    for (int i = 0; i < 5000; ++i) {
      if (i) w.Raw(",");
      w.String("項目" + std::to_string(i));
      expected += (i ? ",\"項目" : "\"項目") + std::to_string(i) + "\"";
    }
    w.Raw("]");
  }
  expected += "]";
  CHECK(out == expected);
  CHECK(nlohmann::json::parse(out).size() == 5000);
}

TEST_CASE("JsonWriter into a ByteBuffer: appends in place, grows, keeps what was there") {
  ByteBuffer buffer;
  buffer.Append("head:");
  std::string expected = "head:[";
  {
    JsonWriter w(&buffer);
    w.Raw("[");
    for (int i = 0; i < 3000; ++i) {  // ~30 KB: grows the buffer several times
      if (i) w.Raw(",");
      w.String("項目\"" + std::to_string(i));
      expected += (i ? ",\"項目\\\"" : "\"項目\\\"") + std::to_string(i) + "\"";
    }
    w.Raw("]");
    w.Flush();
    CHECK(buffer.size() == expected.size() + 1);  // flushed: the size is set
    w.Raw("\n");
  }
  expected += "]\n";
  CHECK(buffer.view() == expected);
  buffer.clear();  // storage kept, bytes gone
  CHECK(buffer.size() == 0);
  CHECK(buffer.capacity() >= expected.size());
  {
    JsonWriter w(&buffer);
    w.Int(7);
  }
  CHECK(buffer.view() == "7");
}

TEST_CASE("ByteBuffer: Append, Reserve and Resize") {
  ByteBuffer b;
  CHECK(b.view().empty());
  b.Append("");
  CHECK(b.size() == 0);
  b.Append("abc");
  b.Reserve(100);
  CHECK(b.capacity() >= 103);
  CHECK(b.view() == "abc");  // growing keeps the bytes
  std::memcpy(b.data() + 3, "de", 2);
  b.Resize(5);
  CHECK(b.view() == "abcde");
  b.Resize(b.capacity() + 10);  // never past the storage
  CHECK(b.size() == b.capacity());
}

TEST_CASE("IndentJson: two spaces per level, empty containers kept, strings untouched") {
  CHECK(IndentJson(R"({"a":1,"c":[false]})") == "{\n  \"a\": 1,\n  \"c\": [\n    false\n  ]\n}");
  CHECK(IndentJson(R"({"e":[],"o":{},"n":null})") == "{\n  \"e\": [],\n  \"o\": {},\n  \"n\": null\n}");
  // Brackets, commas, colons and escaped quotes inside strings stay as they are.
  const std::string tricky = R"({"k":"a,b:[c]{d}\"e\\","l":["x\\"]})";
  CHECK(IndentJson(tricky) == "{\n  \"k\": \"a,b:[c]{d}\\\"e\\\\\",\n  \"l\": [\n    \"x\\\\\"\n  ]\n}");
  CHECK(nlohmann::json::parse(IndentJson(tricky)) == nlohmann::json::parse(tricky));
  // The same as nlohmann's own indentation.
  const std::string nested = R"({"a":[{"b":[1,2,{}]},[]],"c":{"d":{"e":"f"}}})";
  CHECK(IndentJson(nested) == nlohmann::ordered_json::parse(nested).dump(2));
}
