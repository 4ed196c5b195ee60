// Tokens: the first step of understanding. Japanese is read by MeCab with
// the IPA dictionary (mecab-ipadic-utf8): each word with its dictionary
// form (lemma) and part of speech, so 出かけない, 出かけません and
// 出かけていない all read as 出かける followed by auxiliaries. English words
// are reduced to their Snowball stem ("working", "worked" → "work").
//
// Both the lexicon's phrases and a case's text go through the same
// Analyzer, so a phrase matches the text when they read alike, whatever
// the dictionary makes of an unusual word.
//
// Threading: Analyzer::Get() loads the dictionary once per process (the
// first call; later calls return the same object) and Tokenize and
// CounterFollowsNumber may be called from many threads at once (each
// thread keeps, for its life, two MeCab lattices, a Snowball stemmer and
// up to 20,000 stems it has made). Errors: Get() fails when the dictionary
// cannot be loaded; Tokenize does not fail.
#ifndef TSUNAGU_TOKENS_H_
#define TSUNAGU_TOKENS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "status.h"

/// One word of a text.
struct Token {
  /// The parts of speech the engine needs to tell apart.
  enum Pos : uint8_t {
    kNoun,       // 名詞 (except the two below)
    kNounBound,  // 名詞,非自立: こと, わけ, の, よう ("外出することはない")
    kNumber,     // 名詞,数 and digits
    kVerb,       // 動詞,自立
    kVerbBound,  // 動詞,非自立: いる, しまう, くる ("していない")
    kAdjective,  // 形容詞 (ない as an adjective too: "ことはない")
    kAuxiliary,  // 助動詞: ない, ます, た, だ, たい, ぬ, ん
    kParticle,   // 助詞
    kAdverb,     // 副詞
    kPrefix,     // 接頭詞
    kSymbol,     // 記号, spaces
    kOther,      // 連体詞, 接続詞, 感動詞, フィラー
    kWord,       // an English (Latin) word
  };
  size_t begin = 0, end = 0;  // the surface, as bytes of the analysed text
  std::string lemma;          // dictionary form (katakana folded to hiragana), or stem
  Pos pos = kOther;
  std::string_view pos_name;  // the dictionary's part of speech, for explain ("名詞,サ変接続")
};

/// Part-of-speech name for explain's English output ("noun", "auxiliary").
const char* PosId(Token::Pos pos);

class Analyzer {
 public:
  /// The process-wide analyser; loads the dictionary on the first call.
  /// Fails (every call, with the same message) when it cannot be loaded.
  static Status Get(const Analyzer** out);

  /// A user dictionary (MeCab's compiled form, see tools/embed_model.cpp)
  /// to load with the system one: domain words read as one noun. Takes
  /// effect only when called before the first Get (the binary's embedded
  /// one is set during static initialisation, embedded.cpp).
  static void SetUserDictionary(std::string compiled);

  /// Appends the tokens of text[begin, end) to *out, in text order, with
  /// byte offsets into text. text is normalised (NFKC, Latin lower-cased).
  void Tokenize(std::string_view text, size_t begin, size_t end, std::vector<Token>* out) const;

  /// True when the word right after the leading digits of text reads as
  /// a counter (助数詞: 円, 時, 分, キロ, 件, 回, 階, ドル; not 歳, 才 or
  /// 代) or as more of the number (万, 千): "50万円", "20時", "90キロ" are
  /// amounts and times, not ages. Reads the digits with the words after
  /// them, which Tokenize does not do (it keeps ASCII digits apart).
  bool CounterFollowsNumber(std::string_view text) const;

  Analyzer(const Analyzer&) = delete;
  Analyzer& operator=(const Analyzer&) = delete;
  ~Analyzer();

 private:
  Analyzer() = default;
  void ReadAsHiragana(Token* t) const;
  struct Impl;
  Impl* impl_ = nullptr;
};

/// Where the dictionary is looked for (for messages and --version).
extern const char kMecabDictionary[];
/// The IPA dictionary's source, which a user dictionary is compiled
/// against, and the compiler (Debian packages mecab-ipadic, mecab-utils).
extern const char kMecabDictionarySource[];
extern const char kMecabDictIndex[];

#endif  // TSUNAGU_TOKENS_H_
