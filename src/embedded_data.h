// What the generated embedded_data.cpp defines: written at build time by
// tools/embed_model.cpp from data/ and rules/, read by embedded.cpp and
// data_version.cpp. Declared here once, and included by the generated file
// too, so the compiler checks that the two sides agree. Everything is
// constant data in static storage: any thread may read it.
#ifndef TSUNAGU_EMBEDDED_DATA_H_
#define TSUNAGU_EMBEDDED_DATA_H_

#include <cstddef>

/// The model snapshot (snapshot.h), the compiled lexicon (Lexicon::Save)
/// and the MeCab user dictionary the lexicon's phrases were read with.
extern const char kEmbeddedSnapshot[];
extern const size_t kEmbeddedSnapshotSize;
extern const char kEmbeddedLexicon[];
extern const size_t kEmbeddedLexiconSize;
extern const char kEmbeddedUserDictionary[];
extern const size_t kEmbeddedUserDictionarySize;

/// One YAML file the binary was built from ("agencies.yaml" and its bytes).
struct EmbeddedYaml {
  const char* name;
  const char* text;
  size_t size;
};
/// The YAML files, in build order, and the directory of each ("data" or
/// "rules"), in the same order.
extern const EmbeddedYaml kEmbeddedYaml[];
extern const size_t kEmbeddedYamlCount;
extern const char* const kEmbeddedYamlDir[];
/// HashYamlFiles (data_version.h) of those files, computed at build time.
extern const char kEmbeddedDataVersion[];

#endif  // TSUNAGU_EMBEDDED_DATA_H_
