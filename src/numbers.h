// Numbers in a case: ages ("80代", "85歳", "over 80", "52-year-old",
// "in his 50s", "8050") and durations ("10年", "6ヶ月", "for 3 years").
// Works on normalised text, so full-width digits are already ASCII.
#ifndef TSUNAGU_NUMBERS_H_
#define TSUNAGU_NUMBERS_H_

#include <string_view>
#include <vector>

#include "model.h"

struct NumberMention {
  enum Kind { kAge, kDuration, kBare, kGenerations } kind = kAge;
  size_t begin = 0, end = 0;  // byte range in the text
  AgeRange age;               // kAge, kBare (lo == hi), kGenerations: the parent
  AgeRange child_age;         // kGenerations ("8050"): the person
  int months = 0;             // kDuration
  bool after_pronoun = false; // "she's 74": about the subject named before
  // When the age holds: now, in the past ("25歳で辞め"), relative to
  // someone else's ("2歳上の兄": never an age), or approaching ("80歳を
  // 目前に": age is already the year before).
  enum When { kNow, kPast, kRelative, kApproaching };
  When when = kNow;
};

/// Every number mention in text[begin, end), in text order. A bare
/// number ("son 52") is reported as kBare: only a neighbouring subject
/// word makes it an age, which the caller decides.
std::vector<NumberMention> FindNumbers(std::string_view text, size_t begin, size_t end);
/// The same, appended to *out (Understand collects every clause's numbers).
void FindNumbers(std::string_view text, size_t begin, size_t end, std::vector<NumberMention>* out);

#endif  // TSUNAGU_NUMBERS_H_
