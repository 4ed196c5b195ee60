#include "tokens.h"

#include <libstemmer.h>
#include <mecab.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>

#include <atomic>
#include <cstring>
#include <memory>
#include <mutex>
#include <unordered_map>

#include "messages.h"
#include "utf8.h"

const char kMecabDictionary[] = "/var/lib/mecab/dic/ipadic-utf8";
const char kMecabDictionarySource[] = "/usr/share/mecab/dic/ipadic";
const char kMecabDictIndex[] = "/usr/lib/mecab/mecab-dict-index";

namespace {

// Katakana U+30A1..U+30F6 folded to hiragana, as the match text is: the
// dictionary spells some lemmas in katakana, people write them either way.
void AppendFolded(std::string_view s, std::string* out) {
  for (size_t i = 0; i < s.size();) {
    size_t start = i;
    int32_t cp = DecodeUtf8(s, &i);
    if (cp >= 0x30A1 && cp <= 0x30F6) {
      AppendUtf8(cp - 0x60, out);
    } else {
      out->append(s.substr(start, i - start));
    }
  }
}

bool StartsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

// The IPA dictionary's part of speech (first two fields of the feature).
Token::Pos PosOf(std::string_view feature) {
  if (StartsWith(feature, "名詞,非自立") || StartsWith(feature, "名詞,接尾")) return Token::kNounBound;
  if (StartsWith(feature, "名詞,数")) return Token::kNumber;
  if (StartsWith(feature, "名詞")) return Token::kNoun;
  if (StartsWith(feature, "動詞,自立")) return Token::kVerb;
  if (StartsWith(feature, "動詞")) return Token::kVerbBound;
  if (StartsWith(feature, "形容詞")) return Token::kAdjective;
  if (StartsWith(feature, "助動詞")) return Token::kAuxiliary;
  if (StartsWith(feature, "助詞")) return Token::kParticle;
  if (StartsWith(feature, "副詞")) return Token::kAdverb;
  if (StartsWith(feature, "接頭詞")) return Token::kPrefix;
  if (StartsWith(feature, "記号")) return Token::kSymbol;
  return Token::kOther;
}

// Field n (0-based) of a comma-separated feature, or empty.
std::string_view Field(std::string_view feature, int n) {
  size_t start = 0;
  for (int i = 0; i < n; ++i) {
    size_t comma = feature.find(',', start);
    if (comma == std::string_view::npos) return {};
    start = comma + 1;
  }
  size_t end = feature.find(',', start);
  return feature.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
}

// The part of speech up to its second field, as explain shows it.
std::string PosNameOf(std::string_view feature) {
  size_t first = feature.find(',');
  size_t second = first == std::string_view::npos ? first : feature.find(',', first + 1);
  std::string name(feature.substr(0, second));
  if (name.size() > 2 && name.substr(name.size() - 2) == ",*") name.resize(name.size() - 2);
  return name;
}

// What a dictionary part-of-speech id means, worked out from the feature
// the first time the id is seen (the IPA dictionary has about 70 ids), so
// a token costs an array look-up, not string comparisons. The names live
// for the process, so a Token's view of one stays valid.
struct PosInfo {
  std::atomic<bool> ready{false};
  Token::Pos pos = Token::kOther;
  std::string name;
};

const PosInfo& PosInfoFor(unsigned short posid, std::string_view feature) {
  static PosInfo table[1024];
  static PosInfo unknown_ids[1];  // ids past the table (not in the IPA dictionary)
  static std::mutex mu;
  PosInfo& info = posid < 1024 ? table[posid] : unknown_ids[0];
  if (posid < 1024 && info.ready.load(std::memory_order_acquire)) return info;
  std::lock_guard<std::mutex> lock(mu);
  if (posid >= 1024 || !info.ready.load(std::memory_order_relaxed)) {
    info.pos = PosOf(feature);
    info.name = PosNameOf(feature);
    info.ready.store(true, std::memory_order_release);
  }
  return info;
}

// The Snowball stem of a word. Cases use a small vocabulary over and over,
// so each thread remembers the stems it has made (forgetting them all
// when there are many, so memory stays bounded whatever the input).
std::string Stem(sb_stemmer* stemmer, std::string_view word) {
  thread_local std::unordered_map<std::string, std::string> known;
  thread_local std::string key;
  key.assign(word);
  auto it = known.find(key);
  if (it != known.end()) return it->second;
  const sb_symbol* stem =
      sb_stemmer_stem(stemmer, reinterpret_cast<const sb_symbol*>(word.data()), static_cast<int>(word.size()));
  std::string out = stem ? std::string(reinterpret_cast<const char*>(stem), sb_stemmer_length(stemmer)) : key;
  if (known.size() >= 20000) known.clear();
  known.emplace(key, out);
  return out;
}

// MeCab's tagger is shared and thread-safe given one lattice per parse in
// progress, so each thread keeps two: kText for the text Tokenize walks,
// kWord for the short parses made during that walk (ReadAsHiragana) or on
// their own (CounterFollowsNumber). Made on first use, kept for the
// thread's life: no allocation per case.
enum LatticeUse { kText, kWord };
MeCab::Lattice* ThreadLattice(MeCab::Model* model, LatticeUse use) {
  thread_local std::unique_ptr<MeCab::Lattice> lattices[2];
  std::unique_ptr<MeCab::Lattice>& lattice = lattices[use];
  if (!lattice) lattice.reset(model->createLattice());
  return lattice.get();
}

}  // namespace

struct Analyzer::Impl {
  MeCab::Model* model = nullptr;
  MeCab::Tagger* tagger = nullptr;
  ~Impl() {
    delete tagger;
    delete model;
  }
};

Analyzer::~Analyzer() { delete impl_; }

namespace {
std::string& UserDictionary() {
  static std::string compiled;
  return compiled;
}

// MeCab opens a user dictionary by path: the bytes go to an anonymous
// in-memory file (memfd), whose /proc path MeCab can open; nothing is
// written to a directory another user could reach. The descriptor stays
// open for the process (MeCab maps the file).
Status UserDictionaryPath(std::string* path) {
  const std::string& bytes = UserDictionary();
  int fd = memfd_create("tsunagu-user-dictionary", MFD_CLOEXEC);
  if (fd < 0)
    return Status::Internal(std::string("cannot hold the analyser's user dictionary: ") + std::strerror(errno));
  size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      close(fd);
      return Status::Internal(std::string("cannot hold the analyser's user dictionary: ") + std::strerror(errno));
    }
    done += static_cast<size_t>(n);
  }
  *path = "/proc/self/fd/" + std::to_string(fd);
  return Status::Ok();
}
}  // namespace

void Analyzer::SetUserDictionary(std::string compiled) { UserDictionary() = std::move(compiled); }

Status Analyzer::Get(const Analyzer** out) {
  static std::once_flag once;
  static Analyzer* analyzer = nullptr;  // lives for the process
  static std::string error;
  static bool no_dictionary = false;  // said in the language of each call
  static std::string user_dictionary_error;
  std::call_once(once, [] {
    struct stat st;
    if (stat(kMecabDictionary, &st) != 0 || !S_ISDIR(st.st_mode)) {
      no_dictionary = true;
      return;
    }
    // -r /dev/null: every setting is given here, none is read from a
    // mecabrc another package or user may have changed.
    std::string args = std::string("-r /dev/null -d ") + kMecabDictionary;
    if (!UserDictionary().empty()) {
      std::string path;
      Status s = UserDictionaryPath(&path);
      if (!s.ok()) {
        user_dictionary_error = s.message();
        return;
      }
      args += " -u " + path;
    }
    auto impl = std::make_unique<Impl>();
    impl->model = MeCab::createModel(args.c_str());
    if (impl->model) impl->tagger = impl->model->createTagger();
    if (!impl->model || !impl->tagger) {
      error = MeCab::getLastError();
      return;
    }
    analyzer = new Analyzer();
    analyzer->impl_ = impl.release();
  });
  if (no_dictionary)
    return Status::Internal(
        TrF("the Japanese dictionary is missing: {} (install the Debian package "
            "mecab-ipadic-utf8; scripts/install-deps does)",
            kMecabDictionary));
  if (!user_dictionary_error.empty()) return Status::Internal(user_dictionary_error);
  if (!analyzer)
    return Status::Internal(TrF("the Japanese analyser (MeCab) could not load {}: {}", kMecabDictionary, error));
  *out = analyzer;
  return Status::Ok();
}

// A word in katakana the dictionary does not know may be a word it knows
// in hiragana (ヒキコモリ is ひきこもり, which it reads as ひきこもる):
// then the token takes that word's lemma and part of speech.
void Analyzer::ReadAsHiragana(Token* t) const {
  MeCab::Lattice* lattice = ThreadLattice(impl_->model, kWord);
  const std::string& folded = t->lemma;  // the surface, folded to hiragana
  lattice->set_sentence(folded.data(), folded.size());
  if (!impl_->tagger->parse(lattice)) return;
  const MeCab::Node* word = lattice->bos_node()->next;
  if (!word || word->stat != MECAB_NOR_NODE || word->length != folded.size()) return;
  std::string_view feature(word->feature);
  std::string_view lemma = Field(feature, 6);
  if (lemma.empty() || lemma == "*") return;
  const PosInfo& info = PosInfoFor(word->posid, feature);
  t->pos = info.pos;
  t->pos_name = info.name;
  std::string read;
  AppendFolded(lemma, &read);
  t->lemma = std::move(read);
}

bool Analyzer::CounterFollowsNumber(std::string_view text) const {
  MeCab::Lattice* lattice = ThreadLattice(impl_->model, kWord);
  lattice->set_sentence(text.data(), text.size());
  if (!impl_->tagger->parse(lattice)) return false;
  const MeCab::Node* number = lattice->bos_node()->next;
  if (!number || number->stat == MECAB_EOS_NODE) return false;
  const MeCab::Node* next = number->next;
  if (!next || next->stat == MECAB_EOS_NODE) return false;
  std::string_view feature(next->feature);
  std::string_view surface(next->surface, next->length);
  if (StartsWith(feature, "名詞,数")) return true;
  return StartsWith(feature, "名詞,接尾,助数詞") && surface != "歳" && surface != "才" && surface != "代";
}

void Analyzer::Tokenize(std::string_view text, size_t begin, size_t end, std::vector<Token>* out) const {
  MeCab::Lattice* lattice = ThreadLattice(impl_->model, kText);
  // Per thread: a Snowball stemmer is not thread-safe.
  thread_local std::unique_ptr<sb_stemmer, void (*)(sb_stemmer*)> stemmer(nullptr, sb_stemmer_delete);
  if (!stemmer) stemmer.reset(sb_stemmer_new("english", nullptr));

  size_t i = begin;
  while (i < end) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      // ASCII: English words and digits are ours; spaces and punctuation
      // are skipped, and an apostrophe splits a word ("i'm" → i, m), as it
      // does in phrases: pronouns and negations stay words of their own. Numbers are read from the text by the number
      // step.
      if (!IsAsciiLowerOrDigit(c)) {
        ++i;
        continue;
      }
      size_t s = i;
      while (i < end && IsAsciiLowerOrDigit(static_cast<unsigned char>(text[i]))) ++i;
      Token t;
      t.begin = s;
      t.end = i;
      std::string_view word = text.substr(s, i - s);
      bool digits = word.find_first_not_of("0123456789") == std::string_view::npos;
      t.pos = digits ? Token::kNumber : Token::kWord;
      t.pos_name = digits ? "number" : "word";
      if (digits || !stemmer) {
        t.lemma.assign(word);
      } else {
        t.lemma = Stem(stemmer.get(), word);
      }
      out->push_back(std::move(t));
      continue;
    }
    // A run of non-ASCII text goes to MeCab as one sentence.
    size_t s = i;
    while (i < end && static_cast<unsigned char>(text[i]) >= 0x80) i = NextCharacter(text, i, end);
    lattice->set_sentence(text.data() + s, i - s);
    if (!impl_->tagger->parse(lattice)) continue;  // MeCab gives up only without memory
    for (const MeCab::Node* node = lattice->bos_node(); node; node = node->next) {
      if (node->stat == MECAB_BOS_NODE || node->stat == MECAB_EOS_NODE || node->length == 0) continue;
      Token t;
      t.begin = static_cast<size_t>(node->surface - text.data());
      t.end = t.begin + node->length;
      std::string_view feature(node->feature);
      const PosInfo& info = PosInfoFor(node->posid, feature);
      t.pos = info.pos;
      t.pos_name = info.name;
      std::string_view lemma = Field(feature, 6);
      if (lemma.empty() || lemma == "*") lemma = text.substr(t.begin, t.end - t.begin);
      AppendFolded(lemma, &t.lemma);
      if (node->stat == MECAB_UNK_NODE) ReadAsHiragana(&t);
      out->push_back(std::move(t));
    }
  }
}

const char* PosId(Token::Pos pos) {
  switch (pos) {
    case Token::kNoun: return "noun";
    case Token::kNounBound: return "bound noun";
    case Token::kNumber: return "number";
    case Token::kVerb: return "verb";
    case Token::kVerbBound: return "bound verb";
    case Token::kAdjective: return "adjective";
    case Token::kAuxiliary: return "auxiliary";
    case Token::kParticle: return "particle";
    case Token::kAdverb: return "adverb";
    case Token::kPrefix: return "prefix";
    case Token::kSymbol: return "symbol";
    case Token::kOther: return "other";
    case Token::kWord: return "word";
  }
  return "other";
}
