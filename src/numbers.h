// Numbers in a case: ages ("80代", "85歳", "五十代", "over 80",
// "52-year-old", "in his 50s", "8050", "還暦", "forty-seven", "in her
// late sixties"; a bare number its grammar makes an age: "54になる",
// "I'm 79", "who is 44", "a woman of 91") and durations ("10年", "三年",
// "6ヶ月", "for 3 years"). Works on normalised text, so full-width digits
// are already ASCII. Each age says when it holds: now, in the past
// ("25歳で辞め", "at 35"), relative to someone ("2歳上の兄") or soon
// ("80歳を目前に"). A number that starts its sentence, before a comma or
// "and", is an age now ("Thirty-one, no work history", "Eighty-two and
// caring for a son"); "one", "a", "second" alone are never ages. A
// form's fields: "年齢：45", "Age: 44", "DOB/age: 1979 (45)" are ages now,
// 発症年齢：20歳 a past one; "52M", "(84F)", "m/52", "45 y/o" ages with
// the sex or the unit in shorthand; "20+ yrs" a duration.
#ifndef TSUNAGU_NUMBERS_H_
#define TSUNAGU_NUMBERS_H_

#include <string_view>
#include <vector>

#include "model.h"
#include "tokens.h"

struct NumberMention {
  enum Kind { kAge, kDuration, kBare, kGenerations } kind = kAge;
  /// When an age (kAge, kBare) holds. kPast: an age at some past event
  /// ("5歳で診断", "14歳のとき", "at 35", "lost his job in his 40s").
  /// kRelative: an age difference ("2歳上の兄", "3 years older"): age
  /// holds the difference, which is nobody's age. kApproaching: an age
  /// about to be reached ("80歳を目前に", "nearly 80"): age holds the age
  /// now (79).
  enum When { kNow, kPast, kRelative, kApproaching };
  When when = kNow;
  size_t begin = 0, end = 0;  // byte range in the text
  AgeRange age;               // kAge, kBare (lo == hi), kGenerations: the parent
  AgeRange child_age;         // kGenerations ("8050"): the person
  int months = 0;             // kDuration
  /// kDuration: the time from a past event up to now ("それからもう15年",
  /// "辞めてから十年以上", "20年になります", "that was 22 years ago",
  /// "eleven years now"), not a past point ("15年前に") or a spell
  /// ("10年ひきこもり"): a past age before it plus this is the age now.
  bool since = false;
  bool after_pronoun = false;  // "she's 74": about the subject named before
  /// A form's age field or an age in shorthand ("年齢：45", "Age: 44",
  /// "52M", "45 y/o"): of the one named before it in its sentence
  /// ("本人：長男、年齢：45"), else of whom the case is about.
  bool of_case = false;
  /// kRelative: +1 older ("2歳上", "3 years older"), -1 younger ("5歳年下",
  /// "younger than me"), 0 not said ("30歳違い", "28歳差", "apart").
  int sign = 0;
};

/// Every number mention in text[begin, end), in text order. A bare
/// number ("son 52", "妹(44)") is reported as kBare: only a neighbouring
/// subject word makes it an age, which the caller decides. Kanji numerals
/// count only before a unit (五十代, 三年), never inside words (一人, 十分).
/// An 8050-style pair counts only as a bare token ("8050問題"), never as
/// an amount ("8050円", "5020件") or part of a code ("950-8050"). Digits
/// joined to digits by "/" or ":" ("12/25", "10:30") or followed by "%"
/// are no number; counters are judged by ForgetCountedNumbers.
std::vector<NumberMention> FindNumbers(std::string_view text, size_t begin, size_t end);
/// The same, appended to *out (Understand collects every clause's numbers).
void FindNumbers(std::string_view text, size_t begin, size_t end, std::vector<NumberMention>* out);

/// Drops the bare numbers of numbers[first..] that the analyser reads as
/// counted ("弟は50万円の借金", "息子は20時に起きる", "息子は30分おきに"):
/// a subject word before them does not make them ages. text is the
/// display text (katakana kept: キロ, not きろ).
void ForgetCountedNumbers(const Analyzer& analyzer, std::string_view text, size_t first,
                          std::vector<NumberMention>* numbers);

#endif  // TSUNAGU_NUMBERS_H_
