// Violence by a partner: the Understand step that reads who did the
// violence a case says someone received. "夫に毎晩のように殴られています",
// "妻にときどき叩かれる", "I am hit by my husband" name a spouse or
// partner as the one who hits; that is domestic violence (fact dv), which
// the lexicon's set phrases ("夫に殴られ") miss once words come between
// the spouse and the verb.
//
// Reads the subject words (household.h) and the violence-received
// mentions already found; adds a dv mention for each one whose agent is
// a husband, wife or spouse (by the person the subject word names), the
// other parent when a parent is hit ("母は父に殴られ", "Mum is hit by Dad":
// the parents of the one of concern are a couple), or a
// partner (the lexicon's fact "partner": 彼氏, 交際相手, boyfriend...):
// in Japanese a word before the mention in its clause (or ending the one
// before: "夫に、殴られ", or in earlier clauses that end in a passive left
// open: "ご主人から怒鳴られ、叩かれる", when the mention's clause names no
// agent of its own), marked with
// に or から; in English "by (my|her|his|our|the)? WORD" after it, WORD
// one of those or a bare "partner", not followed by a possessive ("by my
// husband's brother" is the brother). A negated or hypothetical mention
// adds nothing. A threat or abuse in words suffered from a partner
// ("妻に包丁を向けられた", "夫に毎日怒鳴られ", "shouted at by my husband")
// counts as a violence received. A partner acting (が/は) on the writer
// (私を, 私の顔を), named in the mention's clause or earlier in its
// sentence (clauses joined by 、) with no one else acting after it, also
// makes dv; so does a cut or stab of the writer's body that no phrase
// says ("妻が怒ると包丁を振り回し、私の腕を切った"). Does nothing when the
// lexicon has no fact "dv" or "violence-received".
//
// Pure: thread-safe, no state kept between calls.
#ifndef TSUNAGU_PARTNER_VIOLENCE_H_
#define TSUNAGU_PARTNER_VIOLENCE_H_

#include "facts.h"
#include "model.h"

void AddPartnerViolence(const Model& model, Understanding* u);

#endif  // TSUNAGU_PARTNER_VIOLENCE_H_
