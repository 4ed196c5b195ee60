// The built-in YAML list and the data and rules version (data_version.h).
#include "data_version.h"

#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "embedded.h"
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

TEST_CASE("LoadModelFor: the data version DataVersion gives, built or read from the cache") {
  char dir[] = "/tmp/tsunagu-version.XXXXXX";
  REQUIRE(mkdtemp(dir) != nullptr);
  const std::string cache = std::string(dir) + "/cache";
  const std::string root = TSUNAGU_SOURCE_DIR;
  // A data directory without holidays.yaml: the built-in one counts.
  const std::string data = std::string(dir) + "/data";
  REQUIRE(mkdir(data.c_str(), 0755) == 0);
  for (const char* name : {"agencies.yaml", "crisis.yaml"}) {
    std::string text;
    REQUIRE(ReadFile(root + "/data/" + name, &text).ok());
    text += "# edited\n";
    std::ofstream(data + "/" + name) << text;
  }
  const char* old_dir = std::getenv("TSUNAGU_CACHE_DIR");
  const std::string saved = old_dir ? old_dir : "";
  setenv("TSUNAGU_CACHE_DIR", cache.c_str(), 1);
  for (const auto& [data_dir, rules_dir] : std::vector<std::pair<std::string, std::string>>{
           {"", ""}, {root + "/data", root + "/rules"}, {data, ""}, {data, root + "/rules"}, {"", root + "/rules"}}) {
    std::string want;
    REQUIRE(DataVersion(data_dir, rules_dir, &want).ok());
    for (int run = 0; run < 2; ++run) {  // built (and cached), then read from the cache
      Model model;
      Lexicon lexicon;
      REQUIRE(LoadModelFor(data_dir, rules_dir, &model, &lexicon).ok());
      const std::string what = data_dir + " " + rules_dir + " run " + std::to_string(run);
      CHECK_MESSAGE(model.data_version == want, what);
    }
  }
  std::string edited, built_in;
  REQUIRE(DataVersion(data, "", &edited).ok());
  REQUIRE(DataVersion("", "", &built_in).ok());
  CHECK(edited != built_in);
  if (old_dir) setenv("TSUNAGU_CACHE_DIR", saved.c_str(), 1);
  else unsetenv("TSUNAGU_CACHE_DIR");
  std::filesystem::remove_all(dir);
}
