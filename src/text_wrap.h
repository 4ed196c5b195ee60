// Wrapping text to a number of terminal columns (East Asian wide
// characters count two). Pure functions, safe from any thread.
#ifndef TSUNAGU_TEXT_WRAP_H_
#define TSUNAGU_TEXT_WRAP_H_

#include <string>
#include <vector>

/// Lines of at most width columns: English breaks at spaces, Japanese at
/// any character, except that a closing mark (、。」）…) never starts a
/// line (the character before it moves down with it) and an opening mark
/// (「（…) never ends one. A run with no space
/// (a phone number, an id, a time) is never split unless it alone is wider
/// than the line. Newlines in s are not treated specially: split first.
std::vector<std::string> Wrap(const std::string& s, int width);

#endif  // TSUNAGU_TEXT_WRAP_H_
