// JsonWriter: string escaping (eight bytes at a time, so every position of
// a special byte in a word matters) and the shape of compact and pretty
// output.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "json_writer.h"

namespace {

std::string Escaped(std::string_view s) {
  std::string out;
  JsonWriter::Escape(s, &out);
  return out;
}

}  // namespace

TEST_CASE("JsonWriter::Escape: plain text and UTF-8 pass through") {
  CHECK(Escaped("") == "\"\"");
  CHECK(Escaped("abc") == "\"abc\"");
  CHECK(Escaped("親が80代、息子は無職") == "\"親が80代、息子は無職\"");
}

TEST_CASE("JsonWriter::Escape: every special byte at every position of a long string") {
  const std::string specials[] = {"\"", "\\", "\n", "\r", "\t", "\b", "\f", std::string(1, '\0'), "\x01",
                                  "\x1f"};
  for (const std::string& special : specials) {
    for (size_t at = 0; at < 20; ++at) {
      std::string s = std::string(at, 'a') + special + std::string(19 - at, 'b');
      std::string out = Escaped(s);
      INFO("special byte " << static_cast<int>(special[0]) << " at " << at);
      // nlohmann reads it back to the same bytes.
      CHECK(nlohmann::json::parse(out).get<std::string>() == s);
      CHECK(out.find_first_of(std::string("\n\r\t\b\f\x01\x1f", 7)) == std::string::npos);
    }
  }
  CHECK(Escaped(std::string("a\0b", 3)) == "\"a\\u0000b\"");
  CHECK(Escaped("\x1f") == "\"\\u001f\"");
  CHECK(Escaped("say \"hi\"\\") == "\"say \\\"hi\\\"\\\\\"");
}

TEST_CASE("JsonWriter::Escape: bytes next to the special ones are not escaped") {
  // 0x20 (space), '!' and '#' sit beside '"'; ']' and '[' beside '\\'; and
  // bytes >= 0x80 must not count as "below 0x20".
  std::string s = " !#[]\x7f\xc3\xa9 abcdefgh";
  CHECK(Escaped(s) == "\"" + s + "\"");
}

TEST_CASE("JsonWriter: compact and pretty output") {
  std::string compact;
  JsonWriter w(&compact);
  w.BeginObject();
  w.Member("a", 1);
  w.Member("b", true);
  w.Key("c");
  w.BeginArray();
  w.String("x");
  w.Null();
  w.EndArray();
  w.Member("d", std::vector<std::string>{});
  w.Member("e", -1234567890);
  w.EndObject();
  CHECK(compact == R"({"a":1,"b":true,"c":["x",null],"d":[],"e":-1234567890})");

  std::string pretty;
  JsonWriter p(&pretty, true);
  p.BeginObject();
  p.Member("a", 1);
  p.Key("c");
  p.BeginArray();
  p.Bool(false);
  p.EndArray();
  p.EndObject();
  CHECK(pretty == "{\n  \"a\": 1,\n  \"c\": [\n    false\n  ]\n}");
}
