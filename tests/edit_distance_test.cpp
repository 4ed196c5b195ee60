// Tests for src/edit_distance.h: Levenshtein distance and "did you mean".
#include "edit_distance.h"

#include <doctest/doctest.h>

TEST_CASE("EditDistance is the optimal-string-alignment distance") {
  CHECK(EditDistance("", "") == 0);
  CHECK(EditDistance("abc", "") == 3);
  CHECK(EditDistance("", "abc") == 3);
  CHECK(EditDistance("name", "name") == 0);
  CHECK(EditDistance("kitten", "sitting") == 3);
  CHECK(EditDistance("flaw", "lawn") == 2);
  CHECK(EditDistance("name", "nam") == 1);    // deletion
  CHECK(EditDistance("name", "names") == 1);  // insertion
  CHECK(EditDistance("name", "nane") == 1);   // substitution
  CHECK(EditDistance("nmae", "name") == 1);   // a swap of neighbours is one edit
}

TEST_CASE("EditDistance is symmetric and works on UTF-8 bytes") {
  CHECK(EditDistance("saposute", "sapoaute") == EditDistance("sapoaute", "saposute"));
  // Bytes, not code points: one kanji differs in its last byte only.
  CHECK(EditDistance("母", "毎") >= 1);
  CHECK(EditDistance("母", "母") == 0);
}

TEST_CASE("ClosestMatch suggests a likely typo") {
  std::vector<std::string> keys = {"id", "name", "summary", "roles", "address", "phone"};
  CHECK(ClosestMatch("nam", keys) == "name");
  CHECK(ClosestMatch("summry", keys) == "summary");
  CHECK(ClosestMatch("summray", keys) == "summary");  // 7 letters: distance 2 allowed
}

// Two swapped letters are the commonest typo: one edit, not two.
TEST_CASE("ClosestMatch suggests a key with two letters swapped") {
  std::vector<std::string> keys = {"id", "name", "summary", "roles", "address", "phone"};
  CHECK(ClosestMatch("nmae", keys) == "name");
  CHECK(ClosestMatch("phnoe", keys) == "phone");
  CHECK(ClosestMatch("rloes", keys) == "roles");
}

TEST_CASE("ClosestMatch gives nothing when no candidate is close") {
  std::vector<std::string> keys = {"id", "name", "summary"};
  CHECK(ClosestMatch("website", keys) == "");
  CHECK(ClosestMatch("x", {}) == "");
  CHECK(ClosestMatch("zz", keys) == "");
}

TEST_CASE("ClosestMatch allows at least one edit for short words") {
  CHECK(ClosestMatch("i", {"id"}) == "id");
  CHECK(ClosestMatch("ab", {"ac"}) == "ac");
}

TEST_CASE("ClosestMatch prefers the closest, then the first listed") {
  CHECK(ClosestMatch("center", {"centre", "center"}) == "center");
  CHECK(ClosestMatch("cat", {"bat", "hat"}) == "bat");
}
