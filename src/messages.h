// Messages a person reads — help, usage errors, loader and check findings,
// warnings, batch summaries, prompts — in Japanese or English.
//
// The source writes each message in English, and that text is its id:
// Tr("...") for a fixed text, TrF("... {} ...", args...) for one with fmt
// placeholders. The Japanese for each id is in src/messages/ja.po (GNU
// gettext's PO format, so translators' tools work on it), checked and
// compiled by msgfmt at build time and embedded in the binary.
// tests/messages_test.sh checks with xgettext and msgcmp that every id
// in src/ has a Japanese text and that ja.po holds none the source no
// longer uses; tests/messages_test.cpp that each Japanese text has the
// placeholders of its id.
//
// Threading: SetMessageLanguage is called once, while parsing the command
// line, before any other thread starts (and again by the shell's :lang,
// between cases, when no other thread runs); Tr and TrF are then safe from any
// thread (the catalogue is read once, on first use, under std::call_once).
// Until SetMessageLanguage is called the language is English, so library
// users and unit tests see the ids.
// Errors: an id with no Japanese text is shown in English; the tests keep
// that from shipping.
#ifndef TSUNAGU_MESSAGES_H_
#define TSUNAGU_MESSAGES_H_

#include <fmt/format.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model.h"

void SetMessageLanguage(Lang lang);
Lang MessageLanguage();

/// The message in the current language. The pointer stays valid for the
/// life of the process.
const char* Tr(const char* id);

/// The message in the current language with its {} placeholders filled.
template <typename... Args>
std::string TrF(const char* id, Args&&... args) {
  return fmt::format(fmt::runtime(Tr(id)), std::forward<Args>(args)...);
}

/// The language for messages and output when --lang is not given: the
/// first of TSUNAGU_LANG, LC_ALL, LC_MESSAGES, LANG that is set and not
/// empty decides; "en…" is English, "ja…" Japanese, anything else
/// (C, POSIX, C.UTF-8, fr_FR) Japanese, the default. *bad_tsunagu_lang
/// is set to TSUNAGU_LANG's value when it is set but names neither.
Lang LanguageFromEnvironment(std::string* bad_tsunagu_lang);

/// ja or en from a value like "en", "EN", "en_US.UTF-8", "ja_JP.eucJP",
/// "en-GB"; false for anything else.
bool ParseLanguage(const std::string& value, Lang* lang);

/// Every (id, Japanese) pair of the embedded catalogue, for tests.
std::vector<std::pair<std::string_view, std::string_view>> MessageCatalogue();

#endif  // TSUNAGU_MESSAGES_H_
