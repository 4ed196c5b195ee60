// Tests for src/packed_strings.h: the strings come back as pushed, and
// parts that do not fit together are refused (never viewed past the bytes).
#include "packed_strings.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "binary_io.h"

TEST_CASE("PackedStrings keeps each string, empty ones too") {
  PackedStrings list{"ひきこもり", "", "withdrawn"};
  REQUIRE(list.size() == 3);
  CHECK(list[0] == "ひきこもり");
  CHECK(list[1].empty());
  CHECK(list[2] == "withdrawn");
  std::vector<std::string> seen;
  for (std::string_view s : list) seen.emplace_back(s);
  CHECK(seen == std::vector<std::string>{"ひきこもり", "", "withdrawn"});
  CHECK(PackedStrings(seen) == list);
  CHECK(PackedStrings().empty());
  CHECK(PackedStrings{"a"} != PackedStrings{"b"});
}

TEST_CASE("PackedStrings::FromParts refuses parts that do not fit") {
  PackedStrings out{"kept"};
  CHECK_FALSE(PackedStrings::FromParts("abc", {2, 1, 3}, &out));  // decreasing
  CHECK_FALSE(PackedStrings::FromParts("abc", {1, 2}, &out));     // short of the end
  CHECK_FALSE(PackedStrings::FromParts("abc", {1, 4}, &out));     // past the end
  CHECK_FALSE(PackedStrings::FromParts("abc", {}, &out));         // bytes of no string
  CHECK(out == PackedStrings{"kept"});
  REQUIRE(PackedStrings::FromParts("abc", {1, 1, 3}, &out));
  CHECK(out == PackedStrings{"a", "", "bc"});
}

TEST_CASE("A packed list survives Writer and Reader; damaged parts are damage") {
  Writer w;
  w.Packed(PackedStrings{"息子", "son"});
  Reader r(w.out_);
  CHECK(r.Packed() == PackedStrings{"息子", "son"});
  CHECK(r.ok());
  CHECK(r.AtEnd());

  Writer bad;
  bad.Str("abc");
  bad.Array(std::vector<uint32_t>{1, 5});
  Reader damaged(bad.out_);
  CHECK(damaged.Packed().empty());
  CHECK_FALSE(damaged.ok());
}
