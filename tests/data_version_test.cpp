// The built-in YAML list and the data and rules version (data_version.h).
#include "data_version.h"

#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <string>

#include "load_model.h"

TEST_CASE("EmbeddedYamlFiles: every file of data/ and rules/, as the repository has it") {
  std::vector<YamlFile> files = EmbeddedYamlFiles();
  REQUIRE(files.size() >= 5);
  CHECK(files[0].path == "data/agencies.yaml");
  for (const YamlFile& f : files) {
    std::string text;
    REQUIRE(ReadFile(std::string(TSUNAGU_SOURCE_DIR) + "/" + f.path, &text).ok());
    CHECK_MESSAGE(text == f.text, f.path);
  }
}

TEST_CASE("HashYamlFiles: 12 hex digits that change with a path or a byte") {
  std::string a = HashYamlFiles({{"data/a.yaml", "x: 1\n"}, {"rules/b.yaml", "y: 2\n"}});
  CHECK(a.size() == 12);
  CHECK(a.find_first_not_of("0123456789abcdef") == std::string::npos);
  CHECK(a == HashYamlFiles({{"data/a.yaml", "x: 1\n"}, {"rules/b.yaml", "y: 2\n"}}));
  CHECK(a != HashYamlFiles({{"data/a.yaml", "x: 1\n"}, {"rules/b.yaml", "y: 3\n"}}));
  CHECK(a != HashYamlFiles({{"data/c.yaml", "x: 1\n"}, {"rules/b.yaml", "y: 2\n"}}));
  // Text moved from one file to the next is another version.
  CHECK(HashYamlFiles({{"a", "xy"}, {"b", ""}}) != HashYamlFiles({{"a", "x"}, {"b", "y"}}));
  CHECK(HashYamlFiles({}) == "2d06800538d3");  // XXH3-64 of no bytes
}

TEST_CASE("DataVersion: the built-in files, or the same names in --data/--rules") {
  std::string built_in, from_repo, missing;
  REQUIRE(DataVersion("", "", &built_in).ok());
  std::vector<std::pair<std::string, std::string_view>> files;
  for (const YamlFile& f : EmbeddedYamlFiles()) files.emplace_back(f.path, f.text);
  CHECK(built_in == HashYamlFiles(files));
  const std::string root = TSUNAGU_SOURCE_DIR;
  REQUIRE(DataVersion(root + "/data", root + "/rules", &from_repo).ok());
  CHECK(from_repo == built_in);
  REQUIRE(DataVersion(root + "/no-such-dir", "", &missing).ok());
  CHECK(missing == built_in);  // a file a directory lacks counts as built in
}

TEST_CASE("DataVersion: an unreadable file is an I/O error naming it") {
  char dir[] = "/tmp/tsunagu-version.XXXXXX";
  REQUIRE(mkdtemp(dir) != nullptr);
  const std::string path = std::string(dir) + "/agencies.yaml";
  REQUIRE(mkdir(path.c_str(), 0755) == 0);  // there, and not a readable file
  std::string version;
  Status s = DataVersion(dir, "", &version);
  CHECK(s.kind() == ErrorKind::kIo);
  CHECK(s.ToString() == "cannot read " + path + ": a directory; data, rule and case files must be regular files");
  rmdir(path.c_str());
  rmdir(dir);
}
