// Step "facts": the lexicon's phrases in a case's reading. See phrases.h.
#include "phrases.h"

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <iterator>
#include <string_view>

#include "reading.h"
#include "utf8.h"

namespace {

// Whether t's lemma is one of lemmas.
bool LemmaOneOf(const Token& t, std::initializer_list<std::string_view> lemmas) {
  for (std::string_view l : lemmas)
    if (t.lemma == l) return true;
  return false;
}

// English negations before the phrase ("no disability", "not in debt",
// "zero debt").
constexpr std::string_view kEnNegations[] = {"no",     "not",  "without", "never",  "none", "nor",   "neither",
                                             "cannot", "deny", "denies",  "denied", "zero", "nobody"};
// Verbs that take a clause: a negation before one is its own, and the
// clause after it still says what happened ("no one knows he hits her",
// "I can't believe he hits his mother", "we didn't realise he was
// cutting himself"), or is a worry ("I don't think he wants to die").
// Not "say" or "tell": "he never said he wanted to die" says nothing.
constexpr std::string_view kEnClauseVerbs[] = {
    "know",    "knows",    "knew",     "known",  "realise", "realises", "realised", "realize", "realizes", "realized",
    "believe", "believes", "believed", "notice", "notices", "noticed",  "think",    "thinks",  "thought"};
// English words that end a negation's reach ("not violent and has a
// disability"). Not "or": "doesn't hit anyone or break things" denies both.
constexpr std::string_view kEnScopeEnds[] = {"and", "but", "so", "because", "although", "though"};

bool IsEnNegation(std::string_view word) {
  for (std::string_view n : kEnNegations)
    if (word == n) return true;
  return word.size() > 3 && word.substr(word.size() - 3) == "n't";
}

// Verbs whose negation is their own, not the phrase's, before a question
// (when, the last time, how, whether): "can't remember when she last went
// outside" says that she does not go out, "don't know how to help her"
// asks for help ("can't remember him ever being violent" denies).
constexpr std::string_view kEnNotRemembering[] = {"remember", "recall", "recollect", "know"};

// text[at...] is " when", " the last", " how"...: a question, not a denial.
bool AsksWhen(std::string_view text, size_t at) {
  while (at < text.size() && text[at] == ' ') ++at;
  for (std::string_view w : {"when ", "the last ", "last ", "how ", "what ", "where ", "whether ", "if "})
    if (text.compare(at, w.size(), w) == 0) return true;
  return false;
}

// text[..., end) ends with "hardly a day goes by", "not a week passes"
// (a negation within the four words before "goes by", "passes"...): the
// "without" after it says "every day", not a denial. "A month went by
// without violence" is one.
bool DayGoesByBefore(std::string_view text, size_t end) {
  while (end > 0 && text[end - 1] == ' ') --end;
  const std::string_view before = text.substr(0, end);
  for (std::string_view idiom : {"goes by", "go by", "went by", "gone by", "passes", "pass", "passed", "goes past"}) {
    if (before.size() < idiom.size() || before.substr(before.size() - idiom.size()) != idiom) continue;
    size_t at = before.size() - idiom.size();
    if (at > 0 && before[at - 1] != ' ') continue;
    for (int words = 0; words < 4 && at > 0; ++words) {
      while (at > 0 && before[at - 1] == ' ') --at;
      size_t start = at;
      while (start > 0 && before[start - 1] != ' ') --start;
      const std::string_view w = before.substr(start, at - start);
      if (w == "hardly" || w == "scarcely" || w == "barely" || w == "not" || w == "never" || w == "no") return true;
      at = start;
    }
  }
  return false;
}

// A byte of an English word in the match text (lower case, digits, the
// apostrophe of "don't").
bool IsEnWordByte(char c) { return IsAsciiLowerOrDigit(static_cast<unsigned char>(c)) || c == '\''; }

// The English word that ends at or before text[end], past spaces and
// punctuation, not before clause_begin; *start is where it begins. Empty
// when there is none. The readings walk back word by word with it.
std::string_view EnWordBefore(std::string_view text, size_t clause_begin, size_t end, size_t* start) {
  while (end > clause_begin && !IsEnWordByte(text[end - 1])) --end;
  *start = end;
  while (*start > clause_begin && IsEnWordByte(text[*start - 1])) --*start;
  return text.substr(*start, end - *start);
}

// "if I say no he hits me": the word before text[at] is a verb of saying,
// so the "no" after it is what is said, not a negation.
bool SaidBefore(std::string_view text, size_t clause_begin, size_t at) {
  while (at > clause_begin && text[at - 1] == ' ') --at;
  size_t start = at;
  while (start > clause_begin && IsEnWordByte(text[start - 1])) --start;
  const std::string_view w = text.substr(start, at - start);
  return w == "say" || w == "says" || w == "said" || w == "saying";
}

// English negation among the five words before `at` (nine for a subject
// that denies): returns its start.
// Walks back word by word (no list of the clause's words is built).
bool EnglishNegationBefore(std::string_view text, size_t clause_begin, size_t at, size_t* neg_begin) {
  size_t end = at;
  std::string_view after;  // the word after w, towards the phrase
  size_t after_end = 0;
  // Five words; a subject that denies ("nobody", "no one") reaches past
  // what says where or among whom: "no one in the family has ever been
  // violent".
  for (int looked = 0; looked < 9; ++looked) {
    size_t start = 0;
    const std::string_view w = EnWordBefore(text, clause_begin, end, &start);
    if (w.empty()) return false;
    for (std::string_view scope_end : kEnScopeEnds)
      if (w == scope_end) return false;
    // Not "know of any", "think about": no clause follows.
    if (std::find(std::begin(kEnClauseVerbs), std::end(kEnClauseVerbs), w) != std::end(kEnClauseVerbs) &&
        after != "of" && after != "about")
      return false;
    if (looked >= 5 && w != "nobody" && !(w == "no" && after == "one")) {
      after = w;
      after_end = start + w.size();
      end = start;
      continue;
    }
    if (IsEnNegation(w) && !(w == "no" && SaidBefore(text, clause_begin, start))) {
      if (w == "without" && DayGoesByBefore(text, start)) return false;
      for (std::string_view verb : kEnNotRemembering)
        if (after == verb && AsksWhen(text, after_end)) return false;
      *neg_begin = start;
      return true;
    }
    after = w;
    after_end = start + w.size();
    end = start;
  }
  return false;
}

// The words before text[at] (an "if" or "whether") ask a question:
// "asked him if", "asked her straight out whether", "not sure if": up
// to four words back.
bool AskedBefore(std::string_view text, size_t clause_begin, size_t at) {
  static constexpr std::string_view kAsking[] = {"ask",       "asked", "asks",   "asking", "wonder", "wondered",
                                                 "wondering", "know",  "knew",   "sure",   "check",  "checked",
                                                 "tell",      "told",  "unsure", "unclear"};
  size_t end = at;
  for (int looked = 0; looked < 4; ++looked) {
    size_t start = 0;
    const std::string_view w = EnWordBefore(text, clause_begin, end, &start);
    if (w.empty()) return false;
    if (std::find(std::begin(kAsking), std::end(kAsking), w) != std::end(kAsking)) return true;
    end = start;
  }
  return false;
}

// A question about the phrase answered no later in its sentence: "asked
// her whether she wanted to die and she said no". text[at] is the phrase,
// text[after, sentence_end) what follows it. Sets where the answer is.
bool EnglishAnsweredNo(std::string_view text, size_t clause_begin, size_t at, size_t after, size_t sentence_end,
                       size_t* begin, size_t* end) {
  size_t e = at;
  bool asked = false;
  for (int looked = 0; looked < 5 && !asked; ++looked) {
    size_t b = 0;
    const std::string_view w = EnWordBefore(text, clause_begin, e, &b);
    if (w.empty()) break;
    if (w == "if" || w == "whether") asked = AskedBefore(text, clause_begin, b);
    e = b;
  }
  if (!asked) return false;
  const std::string_view rest = text.substr(after, sentence_end - after);
  for (std::string_view no : {"said no", "says no", "answered no", "denied", "denies"}) {
    const size_t k = rest.find(no);
    if (k == std::string_view::npos) continue;
    // "she denied it at first but later admitted it": the answer undone
    const std::string_view later = rest.substr(k);
    if (later.find(" but ") != std::string_view::npos || later.find("admit") != std::string_view::npos ||
        later.find("yes") != std::string_view::npos)
      return false;
    *begin = after + k;
    *end = *begin + no.size();
    return true;
  }
  return false;
}

// A danger told as a condition of what the writer would do: "if he ever
// threatened us I would call", "if she were to hurt herself". Only when
// the phrase opens the if-clause (if, then at most three words of who,
// "ever", "were to" and "starts"): "if I say no he hits me" tells what happens when,
// and "if he hits her again" says he has; "even if" concedes it.
bool EnglishIfBefore(std::string_view text, size_t clause_begin, size_t at, size_t clause_end, size_t* if_begin) {
  static constexpr std::string_view kBetween[] = {
      "he",       "she",     "they",   "we",     "i",       "you",   "someone", "ever", "were",
      "was",      "to",      "should", "did",    "my",      "his",   "her",     "our",  "son",
      "daughter", "brother", "sister", "starts", "started", "start", "begins",  "began"};
  size_t end = at;
  for (int looked = 0; looked < 4; ++looked) {
    size_t start = 0;
    const std::string_view w = EnWordBefore(text, clause_begin, end, &start);
    if (w.empty()) return false;
    if (w == "if") {
      size_t b = start;
      while (b > clause_begin && text[b - 1] == ' ') --b;
      if (b >= 4 && text.compare(b - 4, 4, "even") == 0) return false;
      if (AskedBefore(text, clause_begin, start)) return false;  // "asked him if he wanted to die": a question
      const std::string_view rest = text.substr(at, clause_end - at);
      *if_begin = start;
      return rest.find("again") == std::string_view::npos;
    }
    if (std::find(std::begin(kBetween), std::end(kBetween), w) == std::end(kBetween)) return false;
    end = start;
  }
  return false;
}

// A danger named as a subject of study, work or the news, not as what
// happens in this family: "自殺予防の研究", "虐待防止の研修", "自殺対策の
// 仕事", "a documentary about elder abuse", "suicide prevention training".
// Not a line one calls (電話, 窓口, helpline): calling one is itself a sign.
// Not 自殺防止のため (a watch kept over someone).
constexpr std::string_view kTopicNouns[] = {"研究", "仕事", "研修", "講座", "講演", "記事", "番組", "映画", "勉強",
                                            "啓発", "授業", "論文", "学会", "資格", "活動",
                                            // katakana, as the reading folds it to hiragana
                                            "ぽすたー", "にゅーす", "どらま", "きゃんぺーん", "ぼらんてぃあ"};
constexpr std::string_view kEnTopicNouns[] = {
    "documentary", "programme", "program", "news",     "film",   "movie",   "article",  "book",     "show",
    "drama",       "lecture",   "course",  "training", "poster", "leaflet", "campaign", "research", "study",
    "studies",     "report",    "charity", "week",     "day",    "month",   "talk",     "work",     "field"};

// Japanese: tokens[i, to) after the phrase are (防止|予防|対策|撲滅)? の
// <noun>? <topic noun>. Returns the token past the noun, or 0.
size_t TopicAfter(const std::vector<Token>& tokens, size_t i, size_t to) {
  if (i < to && tokens[i].pos == Token::kNoun &&
      (tokens[i].lemma == "防止" || tokens[i].lemma == "予防" || tokens[i].lemma == "対策" ||
       tokens[i].lemma == "撲滅"))
    ++i;
  if (i + 1 >= to || tokens[i].lemma != "の") return 0;
  // one noun may come before it: 高齢者虐待のテレビ番組
  for (size_t j = i + 1; j < to && j <= i + 2; ++j) {
    for (std::string_view n : kTopicNouns)
      if (tokens[j].lemma == n) return j + 1;
    if (tokens[j].pos != Token::kNoun) break;
  }
  return 0;
}

bool IsEnTopicNoun(std::string_view w) {
  if (w.size() > 1 && w.back() == 's' && w != "news" && w != "studies") w.remove_suffix(1);  // documentaries
  for (std::string_view n : kEnTopicNouns)
    if (w == n) return true;
  return false;
}

// English: "a documentary about elder abuse" (a topic noun, then about or
// on, right before the phrase; not the verb: "he talks about suicide"), or
// "suicide prevention (training)" (the phrase, then prevention or
// awareness). Sets the words that say so, [*begin, *end).
bool EnglishTopic(std::string_view text, size_t clause_begin, size_t at, size_t after, size_t clause_end, size_t* begin,
                  size_t* end) {
  auto word_after = [&](size_t b, size_t* e) {
    while (b < clause_end && !IsEnWordByte(text[b])) ++b;
    *e = b;
    while (*e < clause_end && IsEnWordByte(text[*e])) ++*e;
    return text.substr(b, *e - b);
  };
  size_t s1 = 0, s2 = 0;
  const std::string_view about = EnWordBefore(text, clause_begin, at, &s1);
  if ((about == "about" || about == "on") && s1 > clause_begin) {
    std::string_view noun = EnWordBefore(text, clause_begin, s1, &s2);
    // "he talks about suicide", "she often reports on abuse": the verb, not
    // the noun.
    size_t s3 = 0;
    const std::string_view before = EnWordBefore(text, clause_begin, s2, &s3);
    static constexpr std::string_view kSaysIt[] = {"he",   "she",    "they",       "i",          "we",    "you",
                                                   "who",  "it",     "often",      "always",     "still", "sometimes",
                                                   "also", "openly", "constantly", "frequently", "just",  "keeps"};
    const bool verb = std::find(std::begin(kSaysIt), std::end(kSaysIt), before) != std::end(kSaysIt);
    if (IsEnTopicNoun(noun) && !verb) {
      *begin = s2;
      *end = at;
      return true;
    }
  }
  size_t e1 = 0, e2 = 0;
  const std::string_view kind = word_after(after, &e1);
  // "suicide prevention" names the work against it; not a line to ring
  // ("she rang a suicide prevention helpline" is a sign itself).
  if (kind == "prevention" || kind == "awareness") {
    const std::string_view next = word_after(e1, &e2);
    for (std::string_view line : {"helpline", "hotline", "line", "lines", "number", "service"})
      if (next == line) return false;
    *begin = e1 - kind.size();
    *end = IsEnTopicNoun(next) ? e2 : e1;
    return true;
  }
  return false;
}

// Words said to a screen, not to a person: a game lost or won
// (「あいつ殺す」と画面に向かって言う, "yells 'I'm going to kill you' into
// his headset"), and a game as the killer ("the game kills him"). Katakana
// lemmas are folded to hiragana.
constexpr std::string_view kScreens[] = {"画面", "てれび", "げーむ", "もにたー", "ぱそこん", "すまほ"};
// and whom one shouts at in an online game ("'kill him!' at his teammates")
constexpr std::string_view kEnScreens[] = {"screen",  "tv",   "telly",    "headset",   "mic",       "microphone",
                                           "monitor", "game", "computer", "teammates", "team-mates"};

// Japanese: the first に向かう in tokens[from, to) (the rest of the
// sentence) has a screen before it, or tokens[begin, hit) end with one
// said right before the quotation (テレビに向かって「殺すぞ」). Returns
// true when so. toward: the case's tokens 向かう after に, in order
// (listed once a case: a long sentence of many phrases is not read again
// for each).
bool SaidToAScreen(const std::vector<Token>& tokens, const std::vector<size_t>& toward, size_t begin, size_t hit,
                   size_t from, size_t to) {
  size_t j = hit;
  while (j > begin && (tokens[j - 1].pos == Token::kSymbol || tokens[j - 1].lemma == "て")) --j;
  if (j >= begin + 3 && j < hit && tokens[j - 1].lemma == "向かう" && tokens[j - 2].lemma == "に")
    for (std::string_view screen : kScreens)
      if (tokens[j - 3].lemma == screen) return true;
  // Inside a game, right before the words or their quotation:
  // ゲームの中では「殺すぞ」, ゲーム中に
  {
    size_t g = j;
    while (g > begin && LemmaOneOf(tokens[g - 1], {"は", "で", "に", "も"})) --g;
    if (g > begin && LemmaOneOf(tokens[g - 1], {"中", "なか"})) {  // not スマホに自殺の方法
      --g;
      if (g > begin && tokens[g - 1].lemma == "の") --g;
      for (std::string_view screen : kScreens)
        if (g > begin && tokens[g - 1].lemma == screen) return true;
    }
  }
  const auto k = std::lower_bound(toward.begin(), toward.end(), from + 2);
  if (k == toward.end() || *k >= to) return false;
  for (std::string_view screen : kScreens)
    if (tokens[*k - 2].lemma == screen) return true;
  return false;
}

// English: text[after, clause_end) (or to next_clause_end, past a closing
// quotation) says "at/into/to (the|his|her|my)?
// <screen>", or text[clause_begin, at) ends with "game" and the phrase
// begins with "kill". Sets the words that say so.
bool EnglishToAScreen(std::string_view text, size_t clause_begin, size_t at, size_t after, size_t clause_end,
                      size_t next_clause_end, size_t* begin, size_t* end) {
  auto is_screen = [](std::string_view w) {
    return std::find(std::begin(kEnScreens), std::end(kEnScreens), w) != std::end(kEnScreens);
  };
  size_t b = 0;
  const std::string_view before = EnWordBefore(text, clause_begin, at, &b);
  if (text.compare(at, 4, "kill") == 0 && !before.empty() && is_screen(before)) {
    *begin = b;
    *end = at;
    return true;
  }
  // right after the phrase: "kill you' into his headset"; not "kill her
  // and then went back to his game". A closing " or a ! or ? ends the
  // clause ("I'll kill you!" at the TV): then the words are the next one's.
  if (text.find_first_not_of(" '\"!?", after) >= clause_end) clause_end = next_clause_end;
  std::string_view prev;
  size_t first = after;
  for (size_t i = after, words = 0; i < clause_end && words < 3; ++words) {
    while (i < clause_end && (!IsEnWordByte(text[i]) || text[i] == '\'')) ++i;  // past a closing quote
    const size_t start = i;
    while (i < clause_end && IsEnWordByte(text[i])) ++i;
    const std::string_view w = text.substr(start, i - start);
    if (w.empty()) break;
    if (prev.empty() && !(w == "at" || w == "into" || w == "to")) return false;
    if (prev.empty()) first = start;
    if (!prev.empty() && is_screen(w)) {
      *begin = first;
      *end = i;
      return true;
    }
    if (!prev.empty() && !(w == "the" || w == "his" || w == "her" || w == "my" || w == "a")) return false;
    prev = w;
  }
  return false;
}

// "never talked about dying or hurting himself": text[from, to) is only
// "or" or "nor" (with spaces and commas), so the phrase after it is denied
// with the one before.
bool OrAfter(std::string_view text, size_t from, size_t to) {
  if (from > to) return false;
  std::string_view between = text.substr(from, to - from);
  const size_t b = between.find_first_not_of(" ,");
  if (b == std::string_view::npos) return false;
  const size_t e = between.find_last_not_of(" ,");
  const std::string_view word = between.substr(b, e + 1 - b);
  return word == "or" || word == "nor";
}

// English words that say a debt is settled: "paid off", "cleared".
bool IsEnSettling(std::string_view text, size_t end, std::string_view w) {
  if (w == "cleared") return text.compare(end, 4, " out") != 0;  // "cleared out his savings"
  if (w == "repaid" || w == "settled") return true;
  return w == "paid" && (text.compare(end, 4, " off") == 0 || text.compare(end, 5, " back") == 0);
}

// A debt told as over after it, up to the sentence's end (text[from, to)):
// "were all paid off", "but they were cleared years ago"; not "will be
// paid off", "not yet cleared". The first settling word decides. Sets the
// settling words' bytes.
bool EnglishOverAfter(std::string_view text, size_t from, size_t to, size_t* over_begin, size_t* over_end) {
  std::string_view before[3];  // the three words before, latest first
  size_t i = from;
  while (i < to) {
    while (i < to && !IsEnWordByte(text[i])) ++i;
    const size_t start = i;
    while (i < to && IsEnWordByte(text[i])) ++i;
    if (i == start) break;
    const std::string_view w = text.substr(start, i - start);
    if (IsEnSettling(text, i, w)) {
      for (std::string_view b : before)
        if (IsEnNegation(b) || b == "will" || b == "would" || b == "to" || b == "can" || b == "could" || b == "must" ||
            b == "should" || b == "yet")
          return false;
      *over_begin = start;
      *over_end = w == "paid" ? text.find(' ', i + 1) : i;
      if (*over_end == std::string_view::npos || *over_end > to) *over_end = to;
      return true;
    }
    before[2] = before[1];
    before[1] = before[0];
    before[0] = w;
  }
  return false;
}

// "paid off his debts", "cleared all her debts": a settling word among
// the words right before a debt (text[clause_begin, at)), across his, her,
// all, the... Sets where it begins.
bool EnglishSettledBefore(std::string_view text, size_t clause_begin, size_t at, size_t* settled_begin) {
  size_t end = at;
  for (int looked = 0; looked < 4; ++looked) {
    while (end > clause_begin && text[end - 1] == ' ') --end;
    size_t start = end;
    while (start > clause_begin && IsEnWordByte(text[start - 1])) --start;
    if (start == end) return false;
    const std::string_view w = text.substr(start, end - start);
    if (w == "cleared" || w == "repaid" || w == "settled" || w == "paid") {
      *settled_begin = start;
      return true;
    }
    static constexpr std::string_view kBetween[] = {"his", "her", "their", "my",  "our", "its",
                                                    "the", "all", "of",    "off", "back"};
    if (std::find(std::begin(kBetween), std::end(kBetween), w) == std::end(kBetween)) return false;
    end = start;
  }
  return false;
}

// A form's field whose value denies it: "希死念慮：なし", "自傷・他害：なし",
// "Self-harm: none", "suicidal ideation: denied". text[end] follows the
// phrase, which names the field or one of a list of them joined by ・ or
// "/". Returns where the denial ends, or 0 when there is none.
size_t FieldDenied(std::string_view text, size_t end) {
  static constexpr std::string_view kMiddleDot = "・";
  static constexpr std::string_view kFieldEnds = ":,.;\n";  // bytes; 。 and 、 are compared whole
  size_t i = end;
  auto skip_spaces = [&] {
    while (i < text.size() && text[i] == ' ') ++i;
  };
  skip_spaces();
  // The field's other items, up to its colon.
  while (text.compare(i, kMiddleDot.size(), kMiddleDot) == 0 || (i < text.size() && text[i] == '/')) {
    i += text[i] == '/' ? 1 : kMiddleDot.size();
    while (i < text.size() && kFieldEnds.find(text[i]) == std::string_view::npos &&
           text.compare(i, kMiddleDot.size(), kMiddleDot) != 0 && text[i] != '/' && text.compare(i, 3, "。") != 0 &&
           text.compare(i, 3, "、") != 0)
      ++i;
  }
  if (i >= text.size() || text[i] != ':') return 0;
  ++i;
  skip_spaces();
  for (std::string_view denial : {"なし", "無し", "無", "ない", "none", "no", "nil", "denied", "negative"}) {
    if (text.compare(i, denial.size(), denial) != 0) continue;
    const size_t after = i + denial.size();
    // The value is the word alone: not 無職, "nobody", "no plan".
    // The text is NFKC: a full-width bracket is '(' by now.
    const bool alone = after == text.size() || kFieldEnds.find(text[after]) != std::string_view::npos ||
                       text[after] == ' ' || text[after] == ')' || text[after] == '(' ||
                       text.compare(after, 3, "。") == 0 || text.compare(after, 3, "、") == 0;
    if (alone && !(text[after] == ' ' && denial == "no")) return after;
  }
  return 0;
}

// A form's work field denied by its value: "就労：なし", "Employment:
// none", "Occupation: none", "Employed: no" say the person has no work
// (unemployed). The clause ci is the field's label alone; the value, read
// by FieldDenied, is the next clause (a colon ends one). "Employment:
// full-time", 就労：あり say nothing here. A field naming a fact of its
// own (希死念慮：なし) is that fact denied, read with the phrases.
void AddWorkFieldDenied(const Model& model, size_t ci, Understanding* u, std::vector<char>* covered) {
  static constexpr std::string_view kLabels[] = {"就労", "就労状況",   "就労の有無", "就業",       "就業状況",
                                                 "仕事", "仕事の有無", "職業",       "employment", "employment status",
                                                 "work", "job",        "occupation", "employed",   "working"};
  const std::string& match = u->text.match;
  const Clause& clause = u->clauses[ci];
  size_t b = clause.begin, e = clause.end;
  while (b < e && (match[b] == ' ' || match[b] == '-' || match[b] == '*')) ++b;
  while (e > b && match[e - 1] == ' ') --e;
  // The label ends the clause: the whole of it, or its last field after a
  // space ("年齢：34　発症年齢：20歳　就労：なし" is one clause per colon).
  const std::string_view text(match.data() + b, e - b);
  const auto is_label = [&](std::string_view label) {
    return text.size() >= label.size() && text.compare(text.size() - label.size(), label.size(), label) == 0 &&
           (text.size() == label.size() || text[text.size() - label.size() - 1] == ' ');
  };
  const auto found = std::find_if(std::begin(kLabels), std::end(kLabels), is_label);
  if (found == std::end(kLabels)) return;
  b = e - found->size();
  const size_t denial_end = FieldDenied(u->text.display, e);
  const int unemployed = model.FindFact("unemployed");
  if (denial_end == 0 || unemployed < 0) return;
  FactMention m;
  m.fact = unemployed;
  m.subject = model.facts[static_cast<size_t>(unemployed)].subject;
  m.clause = static_cast<int>(ci);
  m.begin = b;
  m.end = denial_end;
  m.words = u->text.display.substr(b, denial_end - b);
  m.phrase = m.words;
  MarkCovered(covered, b, denial_end);
  u->mentions.push_back(std::move(m));
}

// The tokens a stream match covers: [*from, *to) of tokens[first, last).
void HitTokens(const Matcher::Hit& hit, size_t first, size_t last, const std::vector<uint32_t>& token_start,
               const std::vector<Token>& tokens, size_t* from, size_t* to) {
  // token_start never decreases (the stream only grows): found by binary
  // search, not a walk from the clause's start per hit (quadratic in one
  // long clause).
  const auto at = [&](size_t k) { return token_start.begin() + static_cast<std::ptrdiff_t>(k); };
  size_t i = static_cast<size_t>(std::lower_bound(at(first), at(last), hit.begin) - token_start.begin());
  // past the tokens left out of the stream (fillers, symbols, a bracketed
  // number: AppendStream), which start where the next one does
  while (i < last && (IsFiller(tokens[i]) || tokens[i].pos == Token::kSymbol || token_start[i] == token_start[i + 1]))
    ++i;
  const size_t j = static_cast<size_t>(std::lower_bound(at(i), at(last), hit.end) - token_start.begin());
  *from = i;
  *to = j;
}

// A particle that ties the phrase to what follows ("から", "に", "は"),
// where a mention's words stop; て/で (and so on) do not.
bool EndsWords(const Token& t) { return t.pos == Token::kParticle && t.pos_name != "助詞,接続助詞"; }

// A fact some alert asks for: a hypothetical or a death told must not
// raise it ("死ぬ前に", "夫が亡くなり"). A danger fact (area crisis)
// wherever an alert names it; another only where an alert needs it
// (`all`: 電気を止められたら…この冬 is no power cut in the cold), not where
// it is one of many ways in. Few alerts and few such facts.
bool RaisesAlert(const Model& model, int fact) {
  const bool danger = model.facts[fact].area == "crisis";
  for (const AlertRule& a : model.alerts)
    for (const auto* refs : {&a.when.all, &a.when.any})
      for (const FactRef& r : *refs)
        if (r.fact == fact && (danger || refs == &a.when.all)) return true;
  return false;
}

// One lexicon hit read in its clause: the tokens [from, to) it covers, its
// bytes, its language and the grammar around it.
struct HitReading {
  size_t from = 0, to = 0;
  size_t begin = 0, end = 0;
  bool english = false;
  Polarity polarity;
  size_t neg_begin = 0;                   // English: where the negation before it starts
  size_t aside_begin = 0, aside_end = 0;  // English: the words that make it hypothetical or a topic
  size_t field_denial_end = 0;            // a form's field denied ("希死念慮：なし"): where the denial ends
  bool over = false;                      // a debt told as over ("完済しました", "paid off")
  size_t past_begin = 0, past_end = 0;    // the words before it placing it long ago (3年前に)
  size_t over_begin = 0, over_end = 0;    // the words that say so
  size_t trip_begin = 0, trip_end = 0;    // a return from a day's place (会社から, "from work"): its words
};

// The facts a reading treats apart: a debt told as over, a return that is
// a day's trip (-1 when the lexicon has no such fact).
struct SpecialFacts {
  int debt = -1, returned = -1;
};

// Whether a meaning of a hit holds, and negated or not. A phrase that says
// its fact negated ("家から出ない") holds when the text negates it too, and
// says nothing otherwise ("見られない": the potential changes what is
// denied). A hedge keeps a denied fact as a worry ("しないと思う"); a
// phrase that is itself a negation stays one ("見かけないと心配").
bool MeaningHolds(const PhraseMeaning& meaning, const Polarity& polarity, bool* negated) {
  *negated = polarity.negated();
  if (!meaning.negative) return true;
  if (polarity.negations % 2 == 0 || polarity.through_passive) return false;
  *negated = false;
  return true;
}

// The words of a mention's grammar: the English negation before it, or
// the Japanese grammar read after it, which is understood, used or not: the
// negation of a negated mention, else verb endings that are part of its
// words ("取り上げた"), up to a particle that begins what follows
// ("市外から転入").
void AddGrammarWords(const Understanding& u, const HitReading& h, FactMention* m, std::vector<char>* covered) {
  const std::string& display = u.text.display;
  if (m->negated && h.past_end > h.past_begin && m->negation_kind == "past") {
    m->negation = display.substr(h.past_begin, h.past_end - h.past_begin);
    m->negation_side = h.past_begin < h.begin ? -1 : 1;
    MarkCovered(covered, h.past_begin, h.past_end);
    return;
  }
  if (m->negated && h.field_denial_end > 0) {
    m->negation = display.substr(h.end, h.field_denial_end - h.end);
    MarkCovered(covered, h.end, h.field_denial_end);
    return;
  }
  if (m->negated && h.english && h.aside_end > h.aside_begin) {
    m->negation = display.substr(h.aside_begin, h.aside_end - h.aside_begin);
    m->negation_side = h.aside_begin < h.begin ? -1 : 1;
    while (!m->negation.empty() && m->negation.back() == ' ') m->negation.pop_back();
    MarkCovered(covered, h.aside_begin, h.aside_end);
  } else if (m->negated && h.english) {
    m->negation = display.substr(h.neg_begin, h.begin - h.neg_begin);
    while (!m->negation.empty() && m->negation.back() == ' ') m->negation.pop_back();
    MarkCovered(covered, h.neg_begin, h.begin);
  }
  if (h.english || h.polarity.end <= h.to) return;
  const size_t stop = u.tokens[h.polarity.end - 1].end;
  if (m->negated) {
    m->negation = display.substr(h.end, stop - h.end);
  } else {
    size_t k = h.to;
    while (k < h.polarity.end && !EndsWords(u.tokens[k])) ++k;
    if (k > h.to) {
      m->end = u.tokens[k - 1].end;
      m->words = display.substr(h.begin, m->end - h.begin);
    }
  }
  MarkCovered(covered, h.end, stop);
}

// The mentions one hit makes: a subject word, or a fact per meaning.
void AddMentions(const Model& model, const Lexicon& lexicon, const Matcher::Hit& hit, const HitReading& h, int c,
                 SpecialFacts special, Understanding* u, std::vector<char>* covered) {
  const std::string& display = u->text.display;
  for (const PhraseMeaning meaning : lexicon.MeaningsOf(hit)) {
    if (meaning.is_subject) {
      u->subjects.push_back({meaning.subject, c, h.begin, h.end, display.substr(h.begin, h.end - h.begin)});
      continue;
    }
    bool negated = false;
    if (!MeaningHolds(meaning, h.polarity, &negated)) continue;
    FactMention m;
    m.fact = meaning.fact;
    m.clause = c;
    m.begin = h.begin;
    m.end = h.end;
    m.first_token = static_cast<int>(h.from);
    m.last_token = static_cast<int>(h.to);
    m.words = display.substr(h.begin, h.end - h.begin);
    m.phrase = lexicon.Phrase(hit) + (meaning.negative ? " (-)" : "");
    m.has_own_subject = lexicon.OwnSubject(hit, &m.subject);
    // A danger said of a death told or of what might happen ("死ぬ前に") is
    // no alert.
    if (RaisesAlert(model, m.fact) && !negated &&
        (h.polarity.hypothetical || h.polarity.died || h.polarity.long_past)) {
      negated = true;
      m.negation_kind = h.polarity.died ? "died" : h.polarity.long_past ? "past" : "hypothetical";
    }
    // A debt told as over is no debt now ("今は全部返し終わっています").
    if (h.over && m.fact == special.debt && !negated) {
      m.negated = true;
      m.negation = display.substr(h.over_begin, h.over_end - h.over_begin);
      MarkCovered(covered, h.over_begin, h.over_end);
      u->mentions.push_back(std::move(m));
      continue;
    }
    // Home from work or school is no move back home (会社から帰ってくる).
    if (h.trip_end > h.trip_begin && m.fact == special.returned && !negated) {
      m.negated = true;
      m.negation_kind = "trip";
      m.negation = display.substr(h.trip_begin, h.trip_end - h.trip_begin);
      m.negation_side = h.trip_begin < h.begin ? -1 : 1;
      MarkCovered(covered, h.trip_begin, h.trip_end);
      u->mentions.push_back(std::move(m));
      continue;
    }
    m.negated = negated;
    AddGrammarWords(*u, h, &m, covered);
    u->mentions.push_back(std::move(m));
  }
}

// Clause k ends its sentence (。.!? or a line between it and the next).
bool EndsSentence(const Understanding& u, size_t k) {
  const std::string& t = u.text.match;
  const size_t to = k + 1 < u.clauses.size() ? u.clauses[k + 1].begin : t.size();
  for (size_t i = u.clauses[k].end; i < to; ++i)
    if (t[i] == '.' || t[i] == '!' || t[i] == '?' || t[i] == '\n' || t.compare(i, 3, "。") == 0) return true;
  return k + 1 >= u.clauses.size();
}

// What FindPhrases reads of the sentences once a case, so that the words
// after a phrase are found without walking its sentence again for each:
// last[k] is the last clause of clause k's sentence; toward, the tokens
// 向かう after に (SaidToAScreen); ago, the tokens that start words placing
// what follows a month or more ago (3年前に, 去年: LongAgoAt); list_end[k],
// the clause that ends a list of examples clause k opens (叩かれたとか、
// 怒鳴られたとか、そういうことはない: what is said of them is in the last).
struct Sentences {
  std::vector<size_t> last, toward, ago, list_end;
  void Read(const Understanding& u, const std::vector<size_t>& clause_tokens) {
    last.assign(u.clauses.size(), 0);
    list_end.assign(u.clauses.size(), 0);
    for (size_t k = u.clauses.size(); k-- > 0;) {
      last[k] = EndsSentence(u, k) || k + 1 == u.clauses.size() ? k : last[k + 1];
      const size_t begin = clause_tokens[k], end = clause_tokens[k + 1];
      const bool lists = (end >= begin + 1 && TokaAt(u.tokens, end - 1, end) == end) ||
                         (end >= begin + 2 && TokaAt(u.tokens, end - 2, end) == end);
      list_end[k] = lists && last[k] != k ? list_end[k + 1] : k;
    }
    toward.clear();
    ago.clear();
    for (size_t i = 0; i < u.tokens.size(); ++i) {
      if (i > 0 && u.tokens[i].lemma == "向かう" && u.tokens[i - 1].lemma == "に") toward.push_back(i);
      if (LongAgoAt(u.tokens, i, u.tokens.size()) > 0) ago.push_back(i);
    }
  }
  // The first token of words placing it long ago in tokens[from, to), or
  // `to`.
  size_t AgoIn(size_t from, size_t to) const {
    const auto k = std::lower_bound(ago.begin(), ago.end(), from);
    return k != ago.end() && *k < to ? *k : to;
  }
};

bool MeansFact(const Lexicon& lexicon, const Matcher::Hit& hit, int fact) {
  for (const PhraseMeaning meaning : lexicon.MeaningsOf(hit))
    if (!meaning.is_subject && meaning.fact == fact) return true;
  return false;
}

// A debt told as over later in its sentence (reading.h ToldAsOver; in
// English "were all paid off", "but they were cleared"): sets h->over.
// clause_tokens[k]: clause k's first token.
void ReadOver(const Understanding& u, const Sentences& sentences, const std::vector<size_t>& clause_tokens, size_t ci,
              HitReading* h) {
  const size_t k = sentences.last[ci];
  if (h->english) {
    h->over = EnglishOverAfter(u.text.match, h->end, u.clauses[k].end, &h->over_begin, &h->over_end);
    return;
  }
  for (size_t c = ci; c <= k && !h->over; ++c) {
    size_t b = 0, e = 0;
    if (!ToldAsOver(u.text.display, u.tokens, c == ci ? h->to : clause_tokens[c], clause_tokens[c + 1], &b, &e))
      continue;
    h->over = true;
    h->over_begin = u.tokens[b].begin;
    h->over_end = u.tokens[e - 1].end;
  }
}

// Token k alone is a subject word of subject own: added as one (a word a
// longer phrase hid names a person too).
bool AddSubjectWordAt(const Lexicon& lexicon, size_t k, Subject own, int c, Understanding* u) {
  thread_local std::string word;
  thread_local std::vector<uint32_t> word_start;
  thread_local std::vector<Matcher::Hit> word_hits;
  word.clear();
  if (word_start.size() < u->tokens.size() + 1) word_start.resize(u->tokens.size() + 1);
  AppendStream(u->tokens, k, k + 1, &word, &word_start);
  lexicon.Find(word, &word_hits);
  const Token& t = u->tokens[k];
  for (const Matcher::Hit& w : word_hits) {
    if (w.begin != 0 || w.end != word.size()) continue;
    for (const PhraseMeaning meaning : lexicon.MeaningsOf(w))
      if (meaning.is_subject && meaning.subject == own) {
        u->subjects.push_back({meaning.subject, c, t.begin, t.end, u->text.display.substr(t.begin, t.end - t.begin)});
        return true;
      }
  }
  return false;
}

// The subject word a phrase that names its subject hid, where an age
// needs it: "his 80-year-old father" ("old father": elderly-parent, the
// parent) ends with it in English; 母(82歳)の年金 and "locks Dad (86) in"
// have it right before a bracketed age the phrase read past
// (AppendStream). Not the caller ("husband hits me"): the caller is there
// anyway.
void AddHiddenSubject(const Lexicon& lexicon, const Matcher::Hit& hit, const HitReading& h, int c, Understanding* u) {
  Subject own;
  if (h.to - h.from < 2 || !lexicon.OwnSubject(hit, &own) || own == Subject::kCaller) return;
  for (size_t k = h.from + 1; k < h.to; ++k)
    if (AfterBracketedNumber(u->text.display, u->tokens, k, h.to) > k && AddSubjectWordAt(lexicon, k - 1, own, c, u))
      return;
  if (h.english) AddSubjectWordAt(lexicon, h.to - 1, own, c, u);
}

// Where tokens[from, to) first name the older owner as who is handed it:
// the に of 本人には, 母に, 祖父(89)には (not 息子は: a son given only an
// allowance complains), or `to`. A しか at i is said to the owner when
// this is before i.
size_t ToTheOwner(const std::vector<Token>& tokens, size_t from, size_t to) {
  static constexpr std::string_view kOwners[] = {"本人", "母",   "父",   "母親",         "父親",        "祖母",
                                                 "祖父", "義母", "義父", "おばあちゃん", "おじいちゃん"};
  for (size_t i = from; i + 1 < to; ++i) {
    if (std::find(std::begin(kOwners), std::end(kOwners), tokens[i].lemma) == std::end(kOwners)) continue;
    size_t j = i + 1;  // past an age in brackets: 祖父(89)には
    while (j < to && (tokens[j].pos == Token::kSymbol || tokens[j].pos == Token::kNumber || tokens[j].lemma == "歳"))
      ++j;
    if (j < to && tokens[j].lemma == "に") return j;
  }
  return to;
}

// Money of another taken whole, told across clauses: "母の年金を、無職の兄が
// 全部パチンコに使ってしまい", "父の年金が入る日になると、兄が通帳を持って
// 銀行に行き、全部引き出してしまいます". A pension, bank book or savings
// named (not one's own: 自分の, 私の), then later in its sentence 全部 or
// 全額 and a verb of spending or taking done regrettably (てしまう), 勝手に
// and such a verb (祖母の年金を叔父が勝手に使っている), or the owner
// handed back a part (本人には月に数千円しか渡されず: しか and
// the passive of 渡す; a parent's active しか渡さない is an allowance): a
// financial-abuse mention on those words. The lexicon's phrases hold
// within one clause; this is their reach across the sentence.

// The first pension, bank book or savings in tokens[from, to) that is not
// one's own (自分の年金), or `to`.
size_t MoneyNamed(const std::vector<Token>& tokens, size_t from, size_t to) {
  for (size_t i = from; i < to; ++i) {
    const bool own = i >= 2 && tokens[i - 1].lemma == "の" && LemmaOneOf(tokens[i - 2], {"自分", "私", "僕", "俺"});
    if (tokens[i].pos == Token::kNoun && LemmaOneOf(tokens[i], {"年金", "通帳", "預金", "貯金"}) && !own) return i;
  }
  return to;
}

// The words of taking that start at tokens[i] (全部…使ってしまう, 勝手に
// 使う, しか渡されず; see AddMoneyTaken): returns their last token, or `to`; *verb is the
// verb. owner: where the sentence names the owner as handed it
// (ToTheOwner).
size_t TakenAt(const std::vector<Token>& tokens, size_t owner, size_t i, size_t to, size_t* verb) {
  size_t last = to;
  *verb = to;
  // 勝手に使っている, 勝手に引き出して: taken without asking (the
  // lexicon's 年金を勝手に使う holds only with nothing between).
  if (tokens[i].lemma == "勝手" && i + 1 < to && tokens[i + 1].lemma == "に") {
    for (size_t j = i + 2; j < to && j <= i + 3 && *verb == to; ++j)
      if (tokens[j].pos == Token::kVerb &&
          LemmaOneOf(tokens[j], {"使う", "引き出す", "下ろす", "おろす", "持ち出す", "売る", "解約する"}))
        *verb = j;
    return *verb;
  }
  if (LemmaOneOf(tokens[i], {"全部", "全額"})) {
    for (size_t j = i + 1; j < to && j <= i + 4 && *verb == to; ++j)
      if (tokens[j].pos == Token::kVerb &&
          LemmaOneOf(tokens[j], {"使う", "引き出す", "下ろす", "おろす", "持つ", "取る"}))
        *verb = j;
    for (size_t j = *verb + 1; j < to && j <= *verb + 4 && last == to; ++j)
      if (LemmaOneOf(tokens[j], {"しまう", "ちゃう"})) last = j;
    return last;
  }
  if (!(tokens[i].pos == Token::kParticle && tokens[i].lemma == "しか" && owner < i)) return to;
  for (size_t j = i + 1; j < to && j <= i + 2 && *verb == to; ++j)
    if (tokens[j].pos == Token::kVerb && LemmaOneOf(tokens[j], {"渡す", "わたす"})) *verb = j;
  for (size_t j = *verb + 1; j < to && j <= *verb + 2 && last == to; ++j)
    if (LemmaOneOf(tokens[j], {"れる", "られる"})) last = j;
  // しか asks for its negation (渡されず): part of the words, not a denial
  if (last + 1 < to && tokens[last + 1].pos == Token::kAuxiliary && LemmaOneOf(tokens[last + 1], {"ぬ", "ない", "ん"}))
    ++last;
  return last;
}

// Money of another taken whole, told across clauses: "母の年金を、無職の兄が
// 全部パチンコに使ってしまい", "父の年金が入る日になると、兄が通帳を持って
// 銀行に行き、全部引き出してしまいます". A pension, bank book or savings
// named (not one's own: 自分の, 私の), then later in its sentence 全部 or
// 全額 and a verb of spending or taking done regrettably (てしまう), 勝手に
// and such a verb (祖母の年金を叔父が勝手に使っている), or the owner
// handed back a part (本人には月に数千円しか渡されず: しか and
// the passive of 渡す; a parent's active しか渡さない is an allowance): a
// financial-abuse mention on those words. The lexicon's phrases hold
// within one clause; this is their reach across the sentence.
void AddMoneyTaken(const Model& model, const Sentences& sentences, const std::vector<size_t>& clause_tokens,
                   Understanding* u, std::vector<char>* covered) {
  const int fact = model.FindFact("financial-abuse");
  if (fact < 0) return;
  const std::vector<Token>& tokens = u->tokens;
  thread_local std::vector<char> said;  // per clause: the lexicon found it there already
  said.assign(u->clauses.size(), 0);
  for (const FactMention& m : u->mentions)
    if (m.fact == fact) said[static_cast<size_t>(m.clause)] = 1;
  size_t sentence_first = 0;
  for (size_t k = 0; k < u->clauses.size(); ++k) {
    if (sentences.last[k] != k) continue;
    const size_t from = clause_tokens[sentence_first], to = clause_tokens[k + 1];
    const size_t first_clause = sentence_first;
    sentence_first = k + 1;
    if (std::any_of(said.begin() + first_clause, said.begin() + k + 1, [](char c) { return c; })) continue;
    const size_t money = MoneyNamed(tokens, from, to);
    const size_t owner = money < to ? ToTheOwner(tokens, from, to) : to;
    for (size_t i = money + 1; i < to; ++i) {
      size_t verb = to;
      const size_t last = TakenAt(tokens, owner, i, to, &verb);
      if (last == to) continue;
      size_t c = first_clause;
      while (clause_tokens[c + 1] <= last) ++c;
      const Polarity p = ReadPolarity(u->text.display, tokens, last + 1, clause_tokens[c + 1], tokens[last].lemma);
      // しか…ない is negative in form only: しか渡されていない says the same
      if ((p.negated() && tokens[i].lemma != "しか") || p.hypothetical) break;
      FactMention m;
      m.fact = fact;
      m.subject = model.facts[static_cast<size_t>(fact)].subject;
      m.clause = static_cast<int>(c);
      m.begin = tokens[i].begin;
      m.end = tokens[last].end;
      m.first_token = static_cast<int>(i);
      m.last_token = static_cast<int>(last + 1);
      m.words = u->text.display.substr(m.begin, m.end - m.begin);
      m.phrase = tokens[money].lemma + "…" + tokens[i].lemma + "+" + tokens[verb].lemma;
      MarkCovered(covered, m.begin, m.end);
      u->mentions.push_back(std::move(m));
      break;
    }
  }
}

// A cut or a knife in a kitchen mishap or craft: the words right after
// the phrase are a finger or thumb cut ("cut her finger", "cut my thumb"),
// "while cooking", "while chopping" (not "while I was cooking": someone
// else may hold the knife) or a cook's "knife skills"; "on purpose",
// "deliberately" in the clause undo it. Sets the words that say so.
bool EnglishMishap(std::string_view text, size_t after, size_t clause_end, size_t* begin, size_t* end) {
  std::string_view words[2];
  size_t i = after, first = after;
  for (int n = 0; n < 2; ++n) {
    while (i < clause_end && !IsEnWordByte(text[i])) ++i;
    const size_t start = i;
    while (i < clause_end && IsEnWordByte(text[i])) ++i;
    words[n] = text.substr(start, i - start);
    if (n == 0) first = start;
  }
  const bool owner = words[0] == "her" || words[0] == "his" || words[0] == "my" || words[0] == "their";
  const bool digit = words[1] == "finger" || words[1] == "fingers" || words[1] == "thumb";
  const bool kitchen = (words[0] == "while" && (words[1] == "cooking" || words[1] == "chopping")) ||
                       words[0] == "skills" || words[0] == "skill";
  if (!(owner && digit) && !kitchen) return false;
  // Read only for a mishap's words: a long clause of many phrases is not
  // read to its end for each.
  const std::string_view rest = text.substr(after, clause_end - after);
  if (rest.find("on purpose") != std::string_view::npos || rest.find("deliberately") != std::string_view::npos)
    return false;
  *begin = first;
  *end = i;
  return true;
}

// The text of a clause before `at`, at most its last 64 bytes: a window
// of its own, not the whole clause for every phrase (a long clause of
// many phrases would be read again for each). *from: where it starts.
std::string_view ClauseTextBefore(std::string_view text, size_t clause_begin, size_t at, size_t* from) {
  constexpr size_t kWindow = 64;
  *from = std::max(clause_begin, at > kWindow ? at - kWindow : 0);
  return text.substr(*from, at - *from);
}

// A bruise from a fall told before it in its clause: 学校で転んで顔にあざ,
// "fell off his bike and has a bruise on his face". Japanese: a fall verb
// among the six tokens before (tokens[from, hit)); English: a fall word
// among the 64 bytes of its clause before it. Only for a bruise: "tripped
// and hit his mother" is still a blow. Sets the words that say so
// (English).
bool BruiseFromFall(const Understanding& u, const HitReading& h, size_t from, size_t clause_begin, size_t* begin,
                    size_t* end) {
  const std::string_view words = std::string_view(u.text.display).substr(h.begin, h.end - h.begin);
  if (!h.english) {
    if (words.find("あざ") == std::string_view::npos) return false;
    for (size_t i = h.from; i > from && i + 6 > h.from; --i)
      if (LemmaOneOf(u.tokens[i - 1], {"転ぶ", "落ちる", "ぶつける", "つまずく", "転倒"})) return true;
    return false;
  }
  if (words.find("bruis") == std::string_view::npos) return false;
  size_t from_byte = 0;
  const std::string_view before = ClauseTextBefore(u.text.match, clause_begin, h.begin, &from_byte);
  for (std::string_view fall : {"fell", "falls", "fall ", "tripped", "slipped", "bumped"}) {
    const size_t at = before.rfind(fall);
    if (at == std::string_view::npos || (at > 0 && IsEnWordByte(before[at - 1]))) continue;
    *begin = from_byte + at;
    *end = *begin + fall.size();
    return true;
  }
  return false;
}

// Done at work by someone there, not at home: "上司に毎日怒鳴られて辞めた",
// "shouted at by his boss" (a history many withdrawals begin with, not a
// danger at home). Japanese: the nearest word marked に or から among the
// eight tokens before the phrase (tokens[from, hit)) is a workplace word,
// or one marked で is.
bool AtWorkBefore(const std::vector<Token>& tokens, size_t from, size_t hit) {
  static constexpr std::string_view kWork[] = {"上司", "先輩", "同僚", "職場", "会社", "社長", "店長", "バイト先"};
  for (size_t i = hit; i > from && i + 9 > hit; --i) {
    const Token& t = tokens[i - 1];
    if (t.pos != Token::kNoun || i == hit) continue;
    const bool work = std::find(std::begin(kWork), std::end(kWork), t.lemma) != std::end(kWork);
    if (LemmaOneOf(tokens[i], {"に", "から"})) return work;  // the agent: 上司に, 母に
    if (work && tokens[i].lemma == "で") return true;        // 職場で
  }
  return false;
}

// English: "by (his|her|my|the|a)? boss" right after the phrase, or "at
// work" in its clause a few words before it. Sets the words that say so.
bool EnglishAtWork(std::string_view text, size_t clause_begin, size_t at, size_t after, size_t clause_end,
                   size_t* begin, size_t* end) {
  static constexpr std::string_view kWork[] = {"boss",      "manager",   "supervisor", "coworker",
                                               "co-worker", "colleague", "colleagues", "coworkers"};
  size_t i = after;
  while (i < clause_end && text[i] == ' ') ++i;
  const bool by_in_mention = after >= 3 && text.substr(after - 3, 3) == " by";
  if (by_in_mention || text.compare(i, 3, "by ") == 0) {
    if (!by_in_mention) i += 3;
    for (std::string_view own : {"his ", "her ", "my ", "the ", "a ", "their "})
      if (text.compare(i, own.size(), own) == 0) {
        i += own.size();
        break;
      }
    for (std::string_view w : kWork)
      if (text.compare(i, w.size(), w) == 0) {
        *begin = after;
        *end = i + w.size();
        return true;
      }
  }
  // "at work" among the last few words before it
  size_t from = 0;
  const std::string_view before = ClauseTextBefore(text, clause_begin, at, &from);
  size_t work = before.find("at work");
  while (work != std::string_view::npos && from + work > clause_begin && IsEnWordByte(text[from + work - 1]))
    work = before.find("at work", work + 1);  // not "what work"
  if (work == std::string_view::npos) return false;
  *begin = from + work;
  *end = *begin + std::string_view("at work").size();
  return true;
}

// A return from a place of the day, not from where one lived: the
// Japanese phrase starts with から after one (会社から帰ってくる,
// デイサービスから戻ってきた), or "from" one follows the English one ("back
// home from work", "came back home from school"). Not 大学 or
// "university": a return from years there is a move back. text is the
// display form (katakana kept). Sets the words that say so; false when
// none.
bool DailyTrip(std::string_view text, size_t clause_begin, size_t begin, size_t end, size_t clause_end,
               size_t* trip_begin, size_t* trip_end) {
  static constexpr std::string_view kPlaces[] = {
      "会社",     "仕事", "職場",   "勤め", "学校",   "塾",   "部活",   "バイト", "パート",   "デイサービス",
      "デイケア", "デイ", "作業所", "病院", "買い物", "散歩", "保育園", "幼稚園", "スーパー", "出張"};
  static constexpr std::string_view kEnPlaces[] = {
      "work",           "school",         "the office", "his shift", "her shift",    "shopping", "the shops",
      "the day centre", "the day center", "day care",   "daycare",   "the hospital", "hospital", "nursery"};
  constexpr std::string_view kKara = "から";
  if (text.compare(begin, kKara.size(), kKara) == 0) {
    for (std::string_view place : kPlaces)
      if (begin >= clause_begin + place.size() && text.compare(begin - place.size(), place.size(), place) == 0) {
        *trip_begin = begin - place.size();
        *trip_end = begin;  // から is the phrase's
        return true;
      }
    return false;
  }
  size_t i = end;
  while (i < clause_end && text[i] == ' ') ++i;
  if (text.compare(i, 5, "from ") != 0) return false;
  const size_t from = i;
  i += 5;
  for (std::string_view place : kEnPlaces)
    if (text.compare(i, place.size(), place) == 0 &&
        (i + place.size() >= clause_end || !IsEnWordByte(text[i + place.size()]))) {
      *trip_begin = from;
      *trip_end = i + place.size();
      return true;
    }
  return false;
}

// What the words around an English phrase not negated say of it: a
// question answered no denies it; a death told, a condition, a topic of
// work or the news, words said to a screen, something suffered at work or
// a kitchen mishap make it no statement of danger (no alert takes it;
// AddMentions).
void ReadEnglishAsides(const Understanding& u, const Sentences& sentences, size_t ci, HitReading* h) {
  const std::string& match = u.text.match;
  const Clause& clause = u.clauses[ci];
  const size_t k = sentences.last[ci];
  // "collapsed two years ago", "last year she collapsed": a collapse (an
  // event, not a state) a month or more ago.
  if (match.compare(h->begin, h->end - h->begin, "collapsed") == 0) {
    const std::string_view words = std::string_view(match).substr(clause.begin, clause.end - clause.begin);
    for (std::string_view ago : {"years ago", "year ago", "months ago", "month ago", "last year"}) {
      const size_t at = words.find(ago);
      if (at == std::string_view::npos) continue;
      h->polarity.long_past = true;
      h->past_begin = clause.begin + at;
      h->past_end = h->past_begin + ago.size();
      return;
    }
  }
  // "his father died by suicide", "lost her to suicide": a death told,
  // no danger now (as 亡くなる is).
  for (std::string_view death :
       {"died by ", "death by ", "committed ", "lost him to ", "lost her to ", "lost them to "}) {
    if (h->begin >= clause.begin + death.size() && match.compare(h->begin - death.size(), death.size(), death) == 0) {
      h->polarity.died = true;
      h->aside_begin = h->begin - death.size();
      h->aside_end = h->begin;
      return;
    }
  }
  if (EnglishAnsweredNo(match, clause.begin, h->begin, h->end, u.clauses[k].end, &h->aside_begin, &h->aside_end)) {
    h->polarity.negations = 1;
    return;
  }
  h->polarity.hypothetical =
      EnglishIfBefore(match, clause.begin, h->begin, clause.end, &h->aside_begin) ||
      EnglishTopic(match, clause.begin, h->begin, h->end, clause.end, &h->aside_begin, &h->aside_end) ||
      EnglishToAScreen(match, clause.begin, h->begin, h->end, clause.end,
                       ci + 1 < u.clauses.size() ? u.clauses[ci + 1].end : clause.end, &h->aside_begin,
                       &h->aside_end) ||
      EnglishAtWork(match, clause.begin, h->begin, h->end, clause.end, &h->aside_begin, &h->aside_end) ||
      EnglishMishap(match, h->end, clause.end, &h->aside_begin, &h->aside_end) ||
      BruiseFromFall(u, *h, 0, clause.begin, &h->aside_begin, &h->aside_end);
  if (h->polarity.hypothetical && h->aside_end == 0) h->aside_end = h->begin;
}

// The same for a Japanese phrase read as stated: a topic (自殺予防の研究),
// something suffered at work (上司に怒鳴られ) or words said to a screen.
void ReadJapaneseAsides(const Understanding& u, const Sentences& sentences, const std::vector<size_t>& clause_tokens,
                        size_t ci, size_t read_to, HitReading* h) {
  if (const size_t past = TopicAfter(u.tokens, h->to, read_to); past > 0) {
    h->polarity.hypothetical = true;
    h->polarity.end = past;
    return;
  }
  // from the clause before too: 職場の上司に、毎日のように怒鳴られ
  if (AtWorkBefore(u.tokens, clause_tokens[ci > 0 ? ci - 1 : 0], h->from)) {
    h->polarity.hypothetical = true;
    return;
  }
  size_t unused_begin = 0, unused_end = 0;
  if (BruiseFromFall(u, *h, clause_tokens[ci], u.clauses[ci].begin, &unused_begin, &unused_end)) {
    h->polarity.hypothetical = true;
    return;
  }
  // from the clause before: a quotation is a clause of its own
  if (SaidToAScreen(u.tokens, sentences.toward, clause_tokens[ci > 0 ? ci - 1 : 0], h->from, h->to,
                    clause_tokens[sentences.last[ci] + 1]))
    h->polarity.hypothetical = true;
}

// What a hit of a debt or a return says besides its polarity: a debt told
// as over (ReadOver), a return from a place of the day (DailyTrip).
void ReadSpecialFacts(const Understanding& u, const Lexicon& lexicon, const Matcher::Hit& hit,
                      const Sentences& sentences, const std::vector<size_t>& clause_tokens, size_t ci,
                      SpecialFacts special, HitReading* h) {
  if (h->polarity.negations > 0) return;
  if (special.debt >= 0 && !h->polarity.hypothetical && !h->over && MeansFact(lexicon, hit, special.debt))
    ReadOver(u, sentences, clause_tokens, ci, h);
  const Clause& clause = u.clauses[ci];
  if (special.returned >= 0 && MeansFact(lexicon, hit, special.returned))
    DailyTrip(u.text.display, clause.begin, h->begin, h->end, clause.end, &h->trip_begin, &h->trip_end);
}

}  // namespace

void FindPhrases(const Model& model, const Lexicon& lexicon, const Analyzer& analyzer, Understanding* u,
                 std::vector<char>* covered) {
  const std::string& match = u->text.match;
  const std::string& display = u->text.display;
  SpecialFacts special;
  special.debt = model.FindFact("debt");
  special.returned = model.FindFact("returned-home");
  // Working storage kept per thread from case to case (batch understands
  // every case on the same few threads): no allocation once warm.
  thread_local std::vector<Matcher::Hit> hits;
  thread_local std::string stream;
  thread_local std::vector<uint32_t> token_start;
  thread_local std::vector<size_t> clause_tokens;  // clause i's tokens: [clause_tokens[i], clause_tokens[i + 1])
  clause_tokens.assign(1, 0);
  thread_local Sentences sentences;
  for (const Clause& clause : u->clauses) {
    analyzer.Tokenize(display, clause.begin, clause.end, &u->tokens);
    clause_tokens.push_back(u->tokens.size());
  }
  sentences.Read(*u, clause_tokens);
  for (size_t ci = 0; ci < u->clauses.size(); ++ci) {
    const Clause& clause = u->clauses[ci];
    const size_t first = clause_tokens[ci], last = clause_tokens[ci + 1];
    // A quotation is a clause of its own, but what is said of it follows
    // the closing bracket: 「死にたい」と言ったことはない. Its phrases are
    // read on past the bracket too (「死ぬ」と言っている reads as 死ぬと言う);
    // a phrase wholly after it is its own clause's.
    const bool quoted = ci + 1 < u->clauses.size() && display.compare(clause.end, 3, "」") == 0;
    const size_t read_to = quoted ? clause_tokens[ci + 2] : last;
    stream.clear();
    // Indices are the case's: only [first, read_to] is written and read, so
    // grow without clearing (clearing from 0 per clause was quadratic).
    if (token_start.size() < read_to + 1) token_start.resize(read_to + 1);
    AppendStream(u->tokens, first, read_to, &stream, &token_start, display);
    token_start[read_to] = static_cast<uint32_t>(stream.size());
    lexicon.Find(stream, &hits);
    // Phrases read so far in this clause (hits come in order of their end):
    // a negation inside one of them ("has not left his room") is its own,
    // and does not deny a phrase after it ("... for years").
    std::vector<std::pair<size_t, size_t>> read;
    // The last English phrase read negated: where it ends, where its negation begins.
    size_t denied_end = std::string::npos, denied_by = 0;
    for (const Matcher::Hit& hit : hits) {
      HitReading h;
      HitTokens(hit, first, read_to, token_start, u->tokens, &h.from, &h.to);
      if (h.from >= h.to || h.from >= last) continue;
      const Token& head = u->tokens[h.from];
      const Token& tail = u->tokens[h.to - 1];
      h.begin = head.begin;
      h.end = tail.end;
      MarkCovered(covered, h.begin, h.end);
      h.english = head.pos == Token::kWord || (head.pos == Token::kNumber && tail.pos == Token::kWord);
      if (h.english) {
        bool negated = EnglishNegationBefore(match, clause.begin, h.begin, &h.neg_begin);
        for (const auto& [b, e] : read) negated = negated && !(b <= h.neg_begin && h.neg_begin < e);
        if (!negated && denied_end != std::string::npos && OrAfter(match, denied_end, h.begin)) {
          negated = true;
          h.neg_begin = denied_by;
        }
        // "paid off his debts": over; "hasn't paid off his debts": the
        // negation is the paying's, and the debt stands.
        size_t settled = 0;
        if (special.debt >= 0 && MeansFact(lexicon, hit, special.debt) &&
            EnglishSettledBefore(match, clause.begin, h.begin, &settled)) {
          if (!negated) {
            h.over = true;
            h.over_begin = settled;
            h.over_end = match.find(' ', settled);
            if (match.compare(settled, 4, "paid") == 0) h.over_end = match.find(' ', h.over_end + 1);
            h.over_end = std::min(h.over_end, h.begin);
          }
          negated = false;
        }
        h.polarity.negations = negated ? 1 : 0;
        if (!negated) ReadEnglishAsides(*u, sentences, ci, &h);
        denied_end = negated ? h.end : std::string::npos;
        denied_by = h.neg_begin;
      } else {
        // A list's predicate is in its last clause (Sentences::list_end).
        const size_t polarity_to = std::max(read_to, clause_tokens[sentences.list_end[ci] + 1]);
        h.polarity = ReadPolarity(display, u->tokens, h.to, polarity_to, tail.lemma);
        // 3年前に倒れて: the time before it in its clause
        if (const size_t ago = sentences.AgoIn(first, h.from); IsCollapse(tail.lemma) && ago < h.from) {
          h.polarity.long_past = true;
          h.past_begin = u->tokens[ago].begin;
          h.past_end = u->tokens[LongAgoAt(u->tokens, ago, h.from) - 1].end;
        }
        if (h.polarity.negations == 0 && !h.polarity.hypothetical)
          ReadJapaneseAsides(*u, sentences, clause_tokens, ci, read_to, &h);
      }
      if (h.polarity.negations == 0 && !h.polarity.hypothetical) {
        h.field_denial_end = FieldDenied(display, h.end);
        if (h.field_denial_end > 0) h.polarity.negations = 1;
      }
      read.emplace_back(h.begin, h.end);
      ReadSpecialFacts(*u, lexicon, hit, sentences, clause_tokens, ci, special, &h);
      AddMentions(model, lexicon, hit, h, static_cast<int>(ci), special, u, covered);
      AddHiddenSubject(lexicon, hit, h, static_cast<int>(ci), u);
    }
    AddWorkFieldDenied(model, ci, u, covered);
  }
  AddMoneyTaken(model, sentences, clause_tokens, u, covered);
}
