// Reading: how a run of tokens (tokens.h) reads, for matching phrases and
// for telling stated from negated, hedged and hypothetical.
//
// A stream is the tokens' lemmas, each between the bytes kOpen and kClose,
// so a phrase matches whole words only and the lexicon's Aho–Corasick
// matcher runs over it unchanged. Words that never change what a phrase
// means (the particles は and も, degree adverbs such as ほとんど, あまり)
// are left out, so 外出はほとんどしない reads as 外出する+ない.
//
// Polarity comes from the grammar that follows a phrase, as written:
// auxiliaries and adjectives of negation (ない, ぬ/ず/ん, ません), counted,
// so 出ないわけではない is not negated; through the words that carry it
// (て, いる, こと, わけ, する, ある, なる…). A hedge after a negation
// (ではないか, かもしれない, と思う) leaves the fact standing as a worry.
// Coordinated (暴言も暴力もない) and exemplified (リストカットなどの自傷行為
// は見られない) phrases share their predicate. A
// thought or intention denied (自殺は考えていない, 死のうとは思っていない,
// するつもりはない) denies the phrase. A
// hypothetical (前に, たら, ば, なら) or a figure of speech (ほど) is
// reported for the caller to weigh: it matters for danger.
//
// Pure functions; thread-safe.
#ifndef TSUNAGU_READING_H_
#define TSUNAGU_READING_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "tokens.h"

constexpr char kOpen = '\x01';
constexpr char kClose = '\x02';

/// True for a token left out of streams (は, も, ほとんど...).
bool IsFiller(const Token& t);

/// True for the bound passive ending after a verb: れる, られる (怒鳴られ,
/// 向けられ, 脅され).
bool IsPassiveEnding(const Token& t);

/// The token after a bracketed number starting at tokens[i] (an age or a
/// count: "Dad (86) in", 母(81)を, 父(80代)に, "kids (5 and 7) alone"),
/// or i: a number right after "(" in text whose ")" closes after at most
/// four tokens (all before `to`).
size_t AfterBracketedNumber(std::string_view text, const std::vector<Token>& tokens, size_t i, size_t to);

/// Appends the stream of tokens[from, to) to *stream; token_start[i] gets
/// the stream offset where token i starts (the next token's start for a
/// filler, or for a bracketed number, which is read past when the tokens'
/// text is given: "Dad (86) in", 母(81)を), so a match's offsets map back
/// to tokens.
void AppendStream(const std::vector<Token>& tokens, size_t from, size_t to, std::string* stream,
                  std::vector<uint32_t>* token_start, std::string_view text = {});

/// What the grammar after a phrase says about it.
struct Polarity {
  int negations = 0;             // negation words, counted (two cancel out)
  bool hedged = false;           // ではないか, かもしれない, と思う: uncertain
  bool hypothetical = false;     // 前に, 前, たら, ば, なら, ほど: not a statement of fact
  bool died = false;             // 死ぬ/亡くなる in the past tense: a death, not a danger
  bool long_past = false;        // 倒れてから3年, 倒れて以来: a collapse a month or more ago
  bool through_passive = false;  // read through れる/られる: "面倒を見られない" is "cannot", not "does not"
  size_t end = 0;                // the first token not read
  bool negated() const { return negations % 2 == 1 && !hedged; }
};

/// The list particle とか at tokens[i] (one token, or と and か as MeCab
/// reads it after たい): returns the token after it, or 0.
size_t TokaAt(const std::vector<Token>& tokens, size_t i, size_t to);

/// A span of a month or more at tokens[i] (3年, 二年, 数年, 6ヶ月, 半年,
/// 1年半): returns the token after it, or 0.
size_t LongSpanAt(const std::vector<Token>& tokens, size_t i, size_t to);

/// Words at tokens[i] that place what follows a month or more ago (3年前,
/// 半年前, 去年, 昨年, 昔, 以前, an age then: 三十五歳で, 30の時, 20代の頃;
/// not 3か月前から, since then): returns the token after them, or 0.
size_t LongAgoAt(const std::vector<Token>& tokens, size_t i, size_t to);

/// A phrase ending in this lemma tells a collapse: an event, which a time
/// since (倒れてから3年) or before (3年前に倒れて) places in the past.
bool IsCollapse(std::string_view lemma);

/// Reads the Japanese grammar after a phrase: tokens[from, to) of text,
/// to being the clause's end. last_lemma is the phrase's last lemma.
Polarity ReadPolarity(std::string_view text, const std::vector<Token>& tokens, size_t from, size_t to,
                      std::string_view last_lemma);

/// A debt told as over later in its sentence: a word of settling (完済,
/// 清算, 返済済み, 返し終わる, 払い終える, 返し切る) in a finished predicate
/// in the past or perfect, not negated ("今は全部返し終わっています",
/// "父が肩代わりして完済しました"; not "返し終わる見込みがない", "まだ返し
/// 終わっていない", "来月には返し終わる"). tokens[from, to): the rest of
/// the sentence. Returns true and the settling words' tokens [*begin, *end).
bool ToldAsOver(std::string_view text, const std::vector<Token>& tokens, size_t from, size_t to, size_t* begin,
                size_t* end);

/// How a lexicon phrase reads: its stream up to its last content word,
/// and whether its own grammar negates it ("家から出ない").
struct PhraseReading {
  std::string stream;  // empty when it cannot match (see problem)
  bool negative = false;
  /// kFragment: it ends in a particle ("家で", "親だけが"): read as its
  /// words alone it would match far more than it says, so it never matches.
  enum Problem { kNone, kNoContent, kFragment } problem = kNone;
  std::string last_particle;  // for kFragment
};
PhraseReading ReadPhrase(const Analyzer& analyzer, std::string_view normalised_phrase);

/// Readings of phrases known from an earlier run (reading_cache.h keeps
/// them between runs): MeCab is most of reading a rule book, and an edit
/// changes few phrases. Keyed by the phrase as normalised for reading.
/// `alike`: whether the phrase reads alike inside a sentence (`tsunagu
/// check`), -1 when not known yet. `used`: this run read or looked it up,
/// so that only the current files' phrases are kept. Not synchronised:
/// callers look up and add on one thread, and read the misses on every
/// core into slots of their own.
struct KnownReading {
  PhraseReading reading;
  int alike = -1;
  bool used = false;
};
struct KnownReadings {
  std::unordered_map<std::string, KnownReading> by_phrase;
  bool changed = false;  // an entry was added or completed
};

/// A stream shown to people: "出かける+ない".
std::string ShowStream(std::string_view stream);

#endif  // TSUNAGU_READING_H_
