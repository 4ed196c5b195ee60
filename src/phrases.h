// Step "facts" of understanding: every lexicon phrase in a case, read as
// the lexicon's phrases were (tokens.h, reading.h), becomes a subject word
// or a fact mention with its polarity: negated (counted negations after
// it, or an English negation before it), a hedged denial kept as stated,
// and for the facts an alert asks for, a hypothetical or a death told held
// back. A phrase that is itself a negation holds only where the case
// negates it. The tokens of every clause go to Understanding::tokens.
//
// Pure; thread-safe (per-thread scratch storage). Never fails.
#ifndef TSUNAGU_PHRASES_H_
#define TSUNAGU_PHRASES_H_

#include <vector>

#include "facts.h"
#include "lexicon.h"
#include "model.h"
#include "tokens.h"

/// Fills u->tokens, u->subjects and u->mentions from u->text and
/// u->clauses; marks in *covered (one byte per byte of the text) what the
/// phrases and their grammar cover.
void FindPhrases(const Model& model, const Lexicon& lexicon, const Analyzer& analyzer, Understanding* u,
                 std::vector<char>* covered);

#endif  // TSUNAGU_PHRASES_H_
