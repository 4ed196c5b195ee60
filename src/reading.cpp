#include "reading.h"

#include "normalize.h"

namespace {

// Degree and frequency adverbs: "外出はほとんどしない" says the same as
// "外出しない" for routing, so the stream leaves them out.
constexpr std::string_view kFillerAdverbs[] = {"ほとんど", "殆ど",     "ほぼ",   "あまり", "余り",   "全く",
                                               "まったく", "めったに", "滅多に", "一切",   "全然",   "特に",
                                               "別に",     "もう",     "まだ",   "今",     "もはや", "なかなか"};

bool OneOf(std::string_view s, std::initializer_list<std::string_view> list) {
  for (std::string_view x : list)
    if (s == x) return true;
  return false;
}

bool IsNegation(const Token& t) {
  if (t.pos == Token::kAuxiliary) return OneOf(t.lemma, {"ない", "ぬ", "ん"});
  if (t.pos == Token::kAdjective) return OneOf(t.lemma, {"ない", "無い"});
  // 介護は不要, 借金はゼロ (MeCab's lemma of ゼロ is ぜろ, a numeral)
  if (t.pos == Token::kNoun || t.pos == Token::kNumber) return OneOf(t.lemma, {"不要", "なし", "無し", "ゼロ", "ぜろ"});
  return false;
}

// Words that carry a predicate's polarity without adding meaning: the
// reading walks through them from a phrase to its negation.
bool IsCarrier(const Token& t) {
  switch (t.pos) {
    case Token::kAuxiliary:
      // Not たい (wish), れる/られる (passive), せる/させる (causative), う
      // (will), らしい, そう: they change what is said.
      return OneOf(t.lemma, {"ない", "ぬ", "ん", "ます", "た", "だ", "です", "じゃ"});
    case Token::kVerbBound:
      // After て: "していない", "してしまった". Not れる/られる (passive),
      // せる/させる (causative), きれる, すぎる, やる: they say more.
      // A passive or potential carries it when the scan reads on ("見られない"),
      // but stays in a phrase (ReadPhrase: 殴られる is not 殴る).
      return OneOf(t.lemma,
                   {"いる", "てる", "おる", "しまう", "ちゃう", "くる", "いく", "ある", "おく", "れる", "られる"});
    case Token::kVerb:
      // Verbs of having and receiving carry a noun's polarity too:
      // "手帳は持っていない", "支援は受けていない".
      return OneOf(t.lemma, {"する", "ある", "いる", "なる", "できる", "出来る", "おる", "やる", "持つ", "もつ",
                             "受ける", "もらう", "貰う", "取る", "とる", "使う", "利用する",
                             // Seeing carries it too: "自傷は見られない", "形跡は認められない".
                             "見る", "見える", "見当たる", "認める", "感じる"});
    case Token::kNumber: return t.lemma == "一";  // 一度も, 一回も
    case Token::kNoun:
      // "介護は今のところ必要ない", "借金は現在ゼロ".
      // "借金は一つもない".
      return OneOf(t.lemma, {"今", "現在", "ところ", "とこ", "現時点", "当面", "必要", "一度", "一回", "一切",
                             "これまで", "今まで", "一つ", "ひとつ"});
    case Token::kNounBound:
      // よう: "使い込むようなことがあったら" is a condition, "ふるうようなことは
      // ない" a denial, as without it.
      return OneOf(t.lemma, {"こと", "事", "わけ", "訳", "の", "ん", "もの", "ところ", "とこ", "度", "回", "よう"});
    case Token::kParticle:
      // Not と (a quotation: "…と言う" is someone else's verb), not か
      // (a question or hedge), not ば (a condition), not ほど.
      // Not だけ, ばかり, しか: "家にいるだけ" says more than "家にいる".
      return !OneOf(t.lemma, {"と", "か", "かも", "ば", "ほど", "くらい", "ぐらい", "って", "だけ", "ばかり",
                              "ばっかり", "のみ", "しか"});
    case Token::kAdjective: return OneOf(t.lemma, {"ない", "無い"});
    case Token::kOther: return OneOf(t.lemma, {"じゃ", "では"});  // じゃない, ではありません
    default: return IsFiller(t);
  }
}

// A particle that quotes what was said or thought: と, and the spoken って,
// なんて, なんか ("死にたいなんて言ったことはない").
bool IsQuoting(const Token& t) {
  return t.pos == Token::kParticle && OneOf(t.lemma, {"と", "って", "なんて", "なんか"});
}

// Past words between a quotation and its verb that only stress a denial:
// the fillers (全然, 一切, は, も), 一度も, 一回も, 一言も, 今まで, これまで,
// 決して. Returns the first word past them.
size_t SkipStress(const std::vector<Token>& tokens, size_t i, size_t to) {
  while (i < to) {
    const Token& t = tokens[i];
    if (IsFiller(t) || OneOf(t.lemma, {"一度", "一回", "一言", "決して"})) {
      ++i;
    } else if (i + 1 < to && ((t.pos == Token::kNumber && OneOf(tokens[i + 1].lemma, {"度", "回"})) ||
                              (OneOf(t.lemma, {"今", "これ"}) && tokens[i + 1].lemma == "まで"))) {
      i += 2;
    } else {
      break;
    }
  }
  return i;
}

// tokens[i] is a negation said of some days, which undoes it: 言わない日は
// ない, ふるわない日もない ("not a day without": every day), ふるわない日も
// ある ("some days he does not": on others he does). Returns the
// index past what undoes it, or 0.
size_t NoDayWithout(const std::vector<Token>& tokens, size_t i, size_t to) {
  size_t j = i + 1;
  if (j >= to || !OneOf(tokens[j].lemma, {"日", "時", "とき", "日々", "週", "夜", "朝"})) return 0;
  bool also = false;  // 日も: "some days"
  size_t there = 0;   // past ある of 日もある
  for (++j; j < to; ++j) {
    if (IsNegation(tokens[j])) return j + 1;
    if (tokens[j].pos == Token::kParticle && tokens[j].lemma == "も") also = true;
    if (tokens[j].lemma == "ある") there = j + 1;
    if (!IsCarrier(tokens[j])) break;
  }
  return also && there > 0 ? there : 0;
}

// After a quoting particle (IsQuoting): a verb of saying, then a negation
// through the words that carry it ("とは言っていない",
// "と口にしたことはない"), unless the negation is undone (NoDayWithout:
// 言わない日はない).
bool DeniedReport(const std::vector<Token>& tokens, size_t i, size_t to) {
  i = SkipStress(tokens, i, to);
  if (i >= to || !OneOf(tokens[i].lemma, {"言う", "いう", "話す", "書く", "口", "漏らす"})) return false;
  for (++i; i < to; ++i) {
    if (IsNegation(tokens[i])) return NoDayWithout(tokens, i, to) == 0;
    if (!IsCarrier(tokens[i]) && tokens[i].lemma != "する") return false;
  }
  return false;
}

// A thought or intention denied denies what it is about: "自殺は考えていない",
// "死のうとは思っていない", "自殺するつもりはない". tokens[i] is the first
// word after the phrase (and its carriers), or its quoting と. Returns the
// index just past the negation, or 0 when this is no such denial; an
// intention stated ("自殺を考えている", "死のうと思ったら") is left alone.
size_t DeniedThought(const std::vector<Token>& tokens, size_t i, size_t to) {
  if (i < to && IsQuoting(tokens[i])) ++i;
  i = SkipStress(tokens, i, to);
  if (i >= to || !OneOf(tokens[i].lemma, {"考える", "思う", "図る", "企てる", "試みる", "つもり", "気", "予定"}))
    return 0;
  for (++i; i < to; ++i) {
    if (IsNegation(tokens[i])) return i + 1;
    if (!IsCarrier(tokens[i])) return 0;
  }
  return 0;
}

bool IsHypothetical(const Token& t, std::string_view surface) {
  if (t.pos == Token::kParticle) return OneOf(t.lemma, {"ば", "ほど", "までに"});
  if (t.pos == Token::kAuxiliary) return OneOf(surface, {"たら", "だら", "なら", "ならば"});
  if (t.pos == Token::kNoun) return OneOf(t.lemma, {"前", "まえ"});  // 死ぬ前に
  return false;
}

}  // namespace

bool IsPassiveEnding(const Token& t) {
  return t.pos == Token::kVerbBound && (t.lemma == "れる" || t.lemma == "られる");
}

bool IsFiller(const Token& t) {
  // は, も, が, を mark what is said about what; who is who is read from
  // the text (attach), so "介護は必要" and "介護が必要" read alike.
  // なんか, なんて and など single it out the same way: "暴力なんか振るわない"
  // reads as 暴力を振るわない.
  if (t.pos == Token::kParticle)
    return ((t.lemma == "は" || t.lemma == "も" || t.lemma == "が" || t.lemma == "を") &&
            (t.pos_name == "助詞,係助詞" || t.pos_name == "助詞,格助詞")) ||
           ((t.lemma == "なんか" || t.lemma == "なんて" || t.lemma == "など") && t.pos_name == "助詞,副助詞");
  if (t.pos == Token::kAdverb) {
    for (std::string_view a : kFillerAdverbs)
      if (t.lemma == a) return true;
  }
  return false;
}

size_t AfterBracketedNumber(std::string_view text, const std::vector<Token>& tokens, size_t i, size_t to) {
  const Token& t = tokens[i];
  if (text.empty() || t.pos != Token::kNumber || t.begin == 0 || t.begin > text.size() || text[t.begin - 1] != '(')
    return i;
  for (size_t k = i; k < to && k < i + 4; ++k)
    if (tokens[k].end < text.size() && text[tokens[k].end] == ')') return k + 1;
  return i;
}

void AppendStream(const std::vector<Token>& tokens, size_t from, size_t to, std::string* stream,
                  std::vector<uint32_t>* token_start, std::string_view text) {
  for (size_t i = from; i < to; ++i) {
    (*token_start)[i] = static_cast<uint32_t>(stream->size());
    // A bracketed age between the words of a phrase is read past, as the
    // brackets are.
    if (const size_t after = AfterBracketedNumber(text, tokens, i, to); after > i) {
      for (size_t k = i + 1; k < after; ++k) (*token_start)[k] = static_cast<uint32_t>(stream->size());
      i = after - 1;
      continue;
    }
    const Token& t = tokens[i];
    if (IsFiller(t) || t.pos == Token::kSymbol) continue;
    stream->push_back(kOpen);
    stream->append(t.lemma);
    stream->push_back(kClose);
  }
}

size_t TokaAt(const std::vector<Token>& tokens, size_t i, size_t to) {
  if (i >= to || tokens[i].pos != Token::kParticle) return 0;
  if (tokens[i].lemma == "とか" && tokens[i].pos_name == "助詞,並立助詞") return i + 1;
  // after たい MeCab reads と and か: 死にたいとか
  if (tokens[i].lemma == "と" && i + 1 < to && tokens[i + 1].lemma == "か" &&
      tokens[i + 1].pos_name.find("並立助詞") != std::string::npos)
    return i + 2;
  return 0;
}

size_t LongSpanAt(const std::vector<Token>& tokens, size_t i, size_t to) {
  if (i >= to) return 0;
  if (OneOf(tokens[i].lemma, {"半年", "数年", "長年", "何年"})) return i + 1;
  const bool count = tokens[i].pos == Token::kNumber || tokens[i].pos_name == "名詞,数" || tokens[i].lemma == "何";
  // MeCab gives ヶ月 the lemma ゖ月 (its kana folded)
  if (!count || i + 1 >= to || !OneOf(tokens[i + 1].lemma, {"年", "か月", "ヶ月", "ゖ月", "カ月", "ヵ月", "ゕ月"}))
    return 0;
  return i + 2 < to && tokens[i + 2].lemma == "半" ? i + 3 : i + 2;
}

namespace {
bool IsCount(const Token& t) { return t.pos == Token::kNumber || t.pos_name == "名詞,数"; }

// An age then at tokens[i]: 三十五歳で, 35の時, 20代の頃 (MeCab reads 三十五
// as 三 十 五). Returns the token after it, or 0.
size_t AgeThenAt(const std::vector<Token>& tokens, size_t i, size_t to) {
  if (i >= to || !IsCount(tokens[i]) || (i > 0 && IsCount(tokens[i - 1]))) return 0;
  size_t k = i;
  while (k < to && IsCount(tokens[k])) ++k;
  const bool age = k < to && OneOf(tokens[k].lemma, {"歳", "才", "代"});
  if (age) ++k;
  if (age && k < to && tokens[k].lemma == "で" && tokens[k - 1].lemma != "代") return k + 1;
  if (k + 1 < to && tokens[k].lemma == "の" && OneOf(tokens[k + 1].lemma, {"時", "とき", "頃", "ころ"})) return k + 2;
  return 0;
}
}  // namespace

size_t LongAgoAt(const std::vector<Token>& tokens, size_t i, size_t to) {
  size_t j = 0;
  if (i < to && tokens[i].pos == Token::kNoun &&
      OneOf(tokens[i].lemma, {"去年", "昨年", "一昨年", "おととし", "昔", "以前"}))
    j = i + 1;
  else if (const size_t k = LongSpanAt(tokens, i, to); k > 0 && k < to && tokens[k].lemma == "前") j = k + 1;
  else if (const size_t age = AgeThenAt(tokens, i, to); age > 0) j = age;
  // 3か月前から: since then, still (食べなくなった goes on)
  return j > 0 && !(j < to && tokens[j].lemma == "から") ? j : 0;
}

bool IsCollapse(std::string_view lemma) { return OneOf(lemma, {"倒れる", "卒倒する"}); }

namespace {

// 倒れてから3年, 倒れて二年, 倒れて以来 at tokens[i]: the time since an
// event (a collapse: not a state, which goes on: 食べなくなってから3か月).
// Returns the token after those words, or 0.
size_t TimeSinceAt(const std::vector<Token>& tokens, size_t i, size_t to) {
  if (i + 1 >= to || tokens[i].lemma != "て") return 0;
  if (tokens[i + 1].lemma == "以来") return i + 2;
  return LongSpanAt(tokens, tokens[i + 1].lemma == "から" ? i + 2 : i + 1, to);
}

// A list of examples at tokens[i] shares its predicate: "叩かれたとか、
// 怒鳴られたとか、そういうことは一度もない" reads on from the last とか,
// past the そういう that gathers them. Returns the last token of the list
// (the next to read is the one after it), or 0 when tokens[i] opens none;
// *report_denied: a report of them denied follows (そんなことは一度も
// 言ったことがない).
size_t ListRead(const std::vector<Token>& tokens, size_t i, size_t to, bool* report_denied) {
  const size_t after = TokaAt(tokens, i, to);
  if (after == 0) return 0;
  // The last とか's last token, within a list's reach: a list someone
  // writes is a few items (and every phrase in a long run of them would
  // read the run to its end).
  constexpr size_t kListReach = 256;
  size_t last = after - 1;
  for (size_t j = after; j < to && j < after + kListReach; ++j)
    if (const size_t k = TokaAt(tokens, j, to); k > 0) last = k - 1;
  const bool gathered =
      last + 1 < to && OneOf(tokens[last + 1].lemma, {"そういう", "そんな", "そういった", "こういう", "こんな"});
  if (last < after && !gathered) return 0;
  if (gathered) ++last;
  size_t j = last + 1;
  while (j < to && IsCarrier(tokens[j]) && tokens[j].pos != Token::kVerb) ++j;
  *report_denied = gathered && DeniedReport(tokens, j, to);
  return last;
}

}  // namespace

Polarity ReadPolarity(std::string_view text, const std::vector<Token>& tokens, size_t from, size_t to,
                      std::string_view last_lemma) {
  Polarity p;
  size_t i = from;
  // A death told as such ("夫が亡くなり", "父が死んだ") is not a danger.
  bool past_next = i < to && tokens[i].pos == Token::kAuxiliary && OneOf(tokens[i].lemma, {"た", "だ"});
  p.died = OneOf(last_lemma, {"亡くなる", "他界する"}) || (last_lemma == "死ぬ" && past_next);
  if (const size_t past = IsCollapse(last_lemma) ? TimeSinceAt(tokens, i, to) : 0; past > 0) {
    p.long_past = true;
    p.end = past;
    return p;
  }
  // Colloquial negation fused into the verb ("出かけん", "行かん"): the
  // dictionary gives the verb's lemma for the whole word.
  // Not 読ん/込ん before で or だ: that ん is the verb's own sound change.
  const bool sound_change = from < to && (tokens[from].lemma == "で" || tokens[from].lemma == "て" ||
                                          tokens[from].lemma == "だ" || tokens[from].lemma == "た");
  if (from > 0 && tokens[from - 1].pos == Token::kVerb && !sound_change) {
    const Token& verb = tokens[from - 1];
    std::string_view surface = text.substr(verb.begin, verb.end - verb.begin);
    if (surface.size() > 3 && surface.substr(surface.size() - 3) == "ん" && verb.lemma.size() >= 3 &&
        verb.lemma.substr(verb.lemma.size() - 3) != "ん")
      ++p.negations;
  }
  for (; i < to; ++i) {
    const Token& t = tokens[i];
    if (IsHypothetical(t, text.substr(t.begin, t.end - t.begin))) {
      p.hypothetical = true;
      ++i;  // the word that makes it one is read too ("死んだら", "死ぬ前")
      break;
    }
    if (p.negations > 0 && (t.lemma == "はず" || (t.pos == Token::kAuxiliary && t.lemma == "う"))) {
      p.hedged = true;  // "暴力はないはず", "ないだろう": a belief, not a denial
      break;
    }
    if (t.lemma == "か" || t.lemma == "かも") {
      // ではないか, かもしれない: a question or a guess.
      p.hedged = p.negations > 0 || t.lemma == "かも";
      break;
    }
    if (const size_t past = p.negations == 0 ? DeniedThought(tokens, i, to) : 0; past > 0) {
      // What is going on or went on, thought not to be ("母に暴力をふるって
      // いるとは思いませんでした", "切っていたとは思わない"): a surprise or a
      // belief, not a denial; an intention is denied ("死のうとは思っていない").
      if (IsQuoting(t) && i > 0 && OneOf(tokens[i - 1].lemma, {"いる", "てる", "た"})) {
        p.hedged = true;
        break;
      }
      ++p.negations;  // then read on: "考えていないか心配" is a worry again
      i = past - 1;
      continue;
    }
    if (t.pos == Token::kParticle && t.lemma == "と" && i + 1 < to &&
        OneOf(tokens[i + 1].lemma, {"思う", "考える", "心配", "不安", "感じる"})) {
      p.hedged = p.negations > 0;  // "しないと思う": a worry, not a denial
      break;
    }
    if (IsQuoting(t) && DeniedReport(tokens, i + 1, to)) {
      ++p.negations;  // "死にたいとは言っていない": the report itself is denied
      i = to;
      break;
    }
    if (IsNegation(t)) {
      ++p.negations;
      if (const size_t past = NoDayWithout(tokens, i, to); past > 0) {
        ++p.negations;  // "暴力をふるわない日はない": every day
        i = past - 1;
      }
      continue;
    }
    if (t.pos == Token::kVerbBound && (t.lemma == "れる" || t.lemma == "られる")) p.through_passive = true;
    if (t.lemma == "これ" && i + 1 < to && tokens[i + 1].lemma == "まで") {  // "これまで一度も"
      ++i;
      continue;
    }
    // A list of examples shares its predicate: "叩かれたとか、怒鳴られたとか、
    // そういうことは一度もない" reads on from the last とか, past the
    // そういう that gathers them.
    bool report_denied = false;
    if (const size_t last = ListRead(tokens, i, to, &report_denied); last > 0) {
      if (report_denied) {
        ++p.negations;
        i = to;
        break;
      }
      i = last;
      continue;
    }
    // An example shares what is said of its kind: "リストカットなどの自傷行為
    // は見られない" reads on through 自傷行為 to its predicate.
    if (t.pos == Token::kParticle && OneOf(t.lemma, {"など", "なんか", "といった"})) {
      size_t j = i + 1;
      while (j < to &&
             (tokens[j].lemma == "の" || tokens[j].pos == Token::kNoun || tokens[j].pos == Token::kNounBound ||
              tokens[j].pos == Token::kPrefix || tokens[j].pos == Token::kAdjective))  // "などの危ない行動は"
        ++j;
      if (j > i + 1 && j < to && IsFiller(tokens[j])) {
        i = j;
        continue;
      }
    }
    // Coordination: "怒鳴ることも物に当たることもありません" says the
    // predicate of both; after "…も" read on from the next "…も".
    if (!IsCarrier(t) && i > from && tokens[i - 1].pos == Token::kParticle && tokens[i - 1].lemma == "も") {
      size_t j = i + 1;
      while (j < to && !(tokens[j].pos == Token::kParticle && tokens[j].lemma == "も")) ++j;
      if (j < to) {
        i = j;
        continue;
      }
    }
    if (!IsCarrier(t)) break;
  }
  p.end = i;
  return p;
}

namespace {

// The settling words at tokens[i]: returns the token after them, or 0.
// *done: they say it is over already (返済済み).
size_t SettlingAt(const std::vector<Token>& tokens, size_t i, size_t to, bool* done) {
  const Token& t = tokens[i];
  *done = false;
  if (t.pos == Token::kNoun && OneOf(t.lemma, {"完済", "清算"})) return i + 1;
  if (t.pos == Token::kNoun && t.lemma == "返済" && i + 1 < to && tokens[i + 1].lemma == "済み") {
    *done = true;
    return i + 2;
  }
  if (t.pos == Token::kVerb && OneOf(t.lemma, {"返す", "払う", "支払う", "返済する"}) && i + 1 < to &&
      tokens[i + 1].pos == Token::kVerbBound && OneOf(tokens[i + 1].lemma, {"終わる", "終える", "切る"}))
    return i + 2;
  return 0;
}

}  // namespace

bool ToldAsOver(std::string_view text, const std::vector<Token>& tokens, size_t from, size_t to, size_t* begin,
                size_t* end) {
  for (size_t i = from; i < to; ++i) {
    bool past = false;
    size_t j = SettlingAt(tokens, i, to, &past);
    if (j == 0) continue;
    // Its predicate, up to a conjunction or the sentence's end: する, て,
    // いる, ます, です, た; anything else (見込み, ない, 予定, たい, たら)
    // says it is not over, or not yet.
    for (; j < to; ++j) {
      const Token& t = tokens[j];
      const std::string_view surface = text.substr(t.begin, t.end - t.begin);
      if (t.pos == Token::kSymbol || (t.pos == Token::kParticle && t.pos_name == "助詞,接続助詞" && t.lemma != "て"))
        break;
      if (t.pos == Token::kAuxiliary && OneOf(t.lemma, {"た", "だ"}) && !OneOf(surface, {"たら", "だら"})) {
        past = true;
      } else if (t.pos == Token::kVerbBound && OneOf(t.lemma, {"いる", "おる", "しまう", "ちゃう"})) {
        past = true;  // 返し終わっている: over now
      } else if (t.pos == Token::kVerbBound && OneOf(t.lemma, {"くれる", "もらう", "おく"})) {
        // 完済してくれた: done for him; past or not as what follows says
      } else if (!(t.pos == Token::kVerb && t.lemma == "する") && !(t.pos == Token::kParticle && t.lemma == "て") &&
                 !(t.pos == Token::kAuxiliary && OneOf(t.lemma, {"ます", "です", "だ"}))) {
        past = false;
        break;
      }
    }
    // 完済して, at the clause's end: done before what follows.
    if (j == to && j > i && tokens[j - 1].pos == Token::kParticle && tokens[j - 1].lemma == "て") past = true;
    if (past) {
      *begin = i;
      *end = j;
      return true;
    }
    return false;  // the first settling word decides
  }
  return false;
}

PhraseReading ReadPhrase(const Analyzer& analyzer, std::string_view phrase) {
  std::vector<Token> tokens;
  analyzer.Tokenize(phrase, 0, phrase.size(), &tokens);
  // Content ends at the last word that is not grammar; what follows is
  // read as the phrase's own polarity.
  // Verbs and nouns that carry a negation in a case (する, いる, 必要, もの)
  // are content when a phrase ends with them: "家にいる" is not "家",
  // "食べるものがない" is not "食べない".
  auto grammar = [](const Token& t) {
    return t.pos == Token::kSymbol ||
           (IsCarrier(t) && t.pos != Token::kVerb && t.pos != Token::kNoun && t.pos != Token::kNounBound &&
            t.pos != Token::kNumber && !OneOf(t.lemma, {"れる", "られる"}));
  };
  size_t content_end = tokens.size();
  while (content_end > 0 && grammar(tokens[content_end - 1])) --content_end;
  PhraseReading r;
  if (content_end == 0) {
    r.problem = PhraseReading::kNoContent;
    return r;
  }
  // The last word that counts: "家からほとんど" ends in から.
  size_t last_index = tokens.size() - 1;
  while (last_index > 0 && (IsFiller(tokens[last_index]) || tokens[last_index].pos == Token::kSymbol)) --last_index;
  const Token& last = tokens[last_index];
  // Case, adverbial and binding particles (が, で, から, だけ, は) leave a
  // phrase unfinished; conjunctive ones (て, ながら) do not. Only a
  // hiragana one counts: the dictionary reads the end of an unknown
  // katakana word (ニート) as a particle, and does so in a case too.
  const bool hiragana = last.end - last.begin >= 3 && static_cast<unsigned char>(phrase[last.begin]) == 0xE3 &&
                        static_cast<unsigned char>(phrase[last.begin + 1]) <= 0x82;
  const bool unfinished = last.pos_name == "助詞,格助詞" || last.pos_name == "助詞,副助詞" ||
                          last.pos_name == "助詞,係助詞" || last.pos_name == "助詞,連体化";
  const bool says_more = OneOf(last.lemma, {"だけ", "ばかり", "ばっかり", "のみ", "しか"});
  if (last.pos == Token::kParticle && unfinished && hiragana && !says_more) {
    r.problem = PhraseReading::kFragment;
    r.last_particle.assign(phrase.substr(last.begin, last.end - last.begin));
    return r;
  }
  std::vector<uint32_t> starts(tokens.size());
  AppendStream(tokens, 0, content_end, &r.stream, &starts);
  Polarity p = ReadPolarity(phrase, tokens, content_end, tokens.size(), tokens[content_end - 1].lemma);
  r.negative = p.negated();
  return r;
}

std::string ShowStream(std::string_view stream) {
  std::string out;
  for (char c : stream) {
    if (c == kOpen) {
      if (!out.empty()) out += '+';
    } else if (c != kClose) {
      out += c;
    }
  }
  return out;
}
