// Where the family lives, and the local office that serves it.
//
// FindPlaces reads the case for an area the data knows (a town or school
// district some agency's office serves: its name or one of its readings)
// said to be where the family or person lives: 「寺尾東に住む」,
// 「西区寺尾東3丁目在住」, 「坂井東のアパートで」, 「実家は寺尾東」,
// 「寺尾東で母と暮らしている」, "lives in Sakai-higashi", "we live in
// Teraohigashi", "a resident of Sakai-higashi", "Address: Teraohigashi". A place word alone
// is not where they live (「寺尾東の病院に通っている」, "a clinic in
// Teraohigashi"), nor is where they come from ("from Teraohigashi",
// 寺尾東出身) or lived before (住んでいた, "used to live in"), nor a
// negated one (住んでいない). Readings are compared without case, hyphens,
// spaces and macrons (Sakai-higashi = sakaihigashi = SAKAI HIGASHI);
// a town matches with or without its 丁目 and house numbers.
//
// ChooseOffices then gives each ranked agency with local offices
// (Agency::local_offices) the office serving the first place lived in, or
// says why none can be chosen and whom to ask (Agency::ask).
//
// Threading: both only read the model; safe on many threads, each with
// its own Understanding and Ranking. Nothing fails.
#ifndef TSUNAGU_PLACE_H_
#define TSUNAGU_PLACE_H_

#include <string>
#include <string_view>
#include <vector>

#include "facts.h"
#include "model.h"
#include "rank.h"

/// The key an area name or reading is compared by: normalised as a case
/// is (NFKC, lower case, katakana as hiragana), without hyphens, spaces,
/// apostrophes and macrons ("Terao-Higashi", "teraohigashi" and
/// "Teraohigashi" are one key). Empty when nothing is left.
std::string AreaKey(std::string_view name);

/// Finds the places lived in (Understanding::places) and marks their words
/// as understood in *covered (one byte per byte of the normalised text).
void FindPlaces(const Model& model, Understanding* u, std::vector<char>* covered);

/// Sets RankedAgency::office and office_reason for every ranked agency
/// (office -1 and no reason for agencies without local offices).
void ChooseOffices(const Model& model, const Understanding& u, Ranking* ranking);

/// The phone and hours to show for a ranked agency: its chosen office's
/// when it has them, else the agency's own.
const std::string& ShownPhone(const Model& model, const RankedAgency& r);
const Hours& ShownHours(const Model& model, const RankedAgency& r);

#endif  // TSUNAGU_PLACE_H_
