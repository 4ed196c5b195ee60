// Tests for src/facts.h: from text to facts, with subjects, ages,
// negation, derived facts and unrecognised words. Uses a variant of the
// small test model (small_model.h), so the tests do not move when the
// shipped lexicon grows.
#include "facts.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "lexicon.h"
#include "shipped_model.h"
#include "small_model.h"

namespace {

// The small model (small_model.h) cut to one agency and one rule, with
// five subjects and eight facts, some derived from ages and durations.
struct Fixture : SmallModel {
  Fixture() {
    Drop(kAgenciesFile, "youth").Edit(kAgenciesFile, "  source:", "  phone: \"025-000-0000\"\n  source:");
    Edit(kCrisisFile, small_model::kPoliceChecked, small_model::kPoliceHours);
    Edit(kLexiconFile, "person: {ja: [本人, 息子], en: [son]}\n  parent: {ja: [親], en: [parent]}\n",
         R"(person: {ja: [本人, 息子, 娘], en: [son, daughter]}
  parent: {ja: [母, 父, 親], en: [mother, father, parent]}
  family: {ja: [兄, 妹], en: [brother, sister]}
  household: {ja: [世帯], en: [household]}
  neighbour: {ja: [近所], en: [neighbour]}
)");
    Drop(kLexiconFile, "wants-work").Edit(kLexiconFile, "    ja: [ひきこもり]\n", std::string(R"(    ja: [ひきこもり]
    en: [withdrawn, hikikomori]
  - id: long-withdrawal
    label: {ja: 長期のひきこもり, en: long withdrawal}
    area: withdrawal
    subject: person
    ja: [長年ひきこもり]
    from_duration: {min_months: 6}
)") + small_model::kCareFacts + R"(  - id: disability
    label: {ja: 障害, en: disability}
    area: disability
    subject: person
    ja: [障害]
    en: [disability]
)");
    Append(kLexiconFile, R"(    en: [violent, violence]
  - id: unemployed
    label: {ja: 無職, en: unemployed}
    area: work
    subject: person
    ja: [無職]
    en: [unemployed]
  - id: care-long
    label: {ja: 長い介護, en: long care}
    area: care
    subject: parent
    from_duration: {min_months: 60}
)");
    Drop(kRoutingFile, "work");
    Load();
  }
  int Fact(const std::string& id) const {
    int f = model.FindFact(id);
    REQUIRE(f >= 0);
    return f;
  }
  Understanding Read(const std::string& text) const {
    Understanding u;
    Status s = Understand(model, lexicon, RuleIndex(model), text, &u);
    REQUIRE_MESSAGE(s.ok(), s.ToString());
    return u;
  }
  // The mentions of one fact.
  std::vector<FactMention> Mentions(const Understanding& u, const std::string& id) const {
    std::vector<FactMention> out;
    for (const FactMention& m : u.mentions)
      if (m.fact == Fact(id)) out.push_back(m);
    return out;
  }
  FactMention Only(const Understanding& u, const std::string& id) const {
    std::vector<FactMention> all = Mentions(u, id);
    INFO("fact: " << id << ", text: " << u.input);
    REQUIRE(all.size() == 1);
    return all[0];
  }
};

const Fixture& F() {
  static const Fixture* f = new Fixture();
  return *f;
}

}  // namespace

TEST_CASE("the small test model loads") {
  const Fixture& f = F();
  CHECK(f.model.agencies.size() == 1);
  CHECK(f.model.facts.size() == 8);
  CHECK(f.model.rules.size() == 1);
  CHECK(f.model.alerts.size() == 1);
}

TEST_CASE("80代の母が要介護: a care fact about the parent, who is in her 80s") {
  const Fixture& f = F();
  Understanding u = f.Read("80代の母が要介護");
  FactMention care = f.Only(u, "care-needed");
  CHECK(care.subject == Subject::kParent);
  CHECK_FALSE(care.negated);
  CHECK(care.origin == FactMention::kPhrase);
  CHECK(care.words == "要介護");
  CHECK(u.AgeOf(Subject::kParent).lo == 80);
  CHECK(u.AgeOf(Subject::kParent).hi == 89);
  CHECK_FALSE(u.AgeOf(Subject::kPerson).known());
  REQUIRE(u.ages.size() == 1);
  CHECK(u.ages[0].subject == Subject::kParent);
  CHECK(u.ages[0].words == "80代");
  CHECK(u.Has(f.Fact("care-needed"), false, Subject::kParent));
  CHECK_FALSE(u.Has(f.Fact("care-needed"), false, Subject::kPerson));
  CHECK(u.Has(f.Fact("care-needed"), true, Subject::kPerson));
  CHECK(u.unrecognized.empty());
}

TEST_CASE("from_age: a parent's known age of 65 or more implies elderly-parent") {
  const Fixture& f = F();
  Understanding u = f.Read("80代の母が要介護");
  FactMention elderly = f.Only(u, "elderly-parent");
  CHECK(elderly.origin == FactMention::kAge);
  CHECK(elderly.subject == Subject::kParent);
  CHECK(elderly.words == "80代");
  // Too young, or an age of someone else: nothing derived.
  CHECK(f.Mentions(f.Read("60代の母が要介護"), "elderly-parent").empty());
  CHECK(f.Mentions(f.Read("80代の息子"), "elderly-parent").empty());
  // A range straddling the limit does not imply it.
  CHECK(f.Mentions(f.Read("母は60歳以上"), "elderly-parent").empty());
  CHECK(f.Only(f.Read("mother over 80"), "elderly-parent").origin == FactMention::kAge);
}

TEST_CASE("息子は52歳: the age belongs to the person") {
  const Fixture& f = F();
  Understanding u = f.Read("息子は52歳");
  REQUIRE(u.ages.size() == 1);
  CHECK(u.ages[0].subject == Subject::kPerson);
  CHECK(u.AgeOf(Subject::kPerson).lo == 52);
  CHECK(u.AgeOf(Subject::kPerson).hi == 52);
  REQUIRE(u.subjects.size() == 1);
  CHECK(u.subjects[0].words == "息子");
}

TEST_CASE("ages attach to the nearest subject word") {
  const Fixture& f = F();
  Understanding u = f.Read("80代の母と50代の息子");
  CHECK(u.AgeOf(Subject::kParent).lo == 80);
  CHECK(u.AgeOf(Subject::kPerson).lo == 50);
  CHECK(u.AgeOf(Subject::kPerson).hi == 59);

  Understanding en = f.Read("son 52, mother 80");
  CHECK(en.AgeOf(Subject::kPerson).lo == 52);
  CHECK(en.AgeOf(Subject::kParent).lo == 80);
}

TEST_CASE("a bare number is an age only right next to a subject word") {
  const Fixture& f = F();
  CHECK(f.Read("son 52").AgeOf(Subject::kPerson).lo == 52);
  CHECK(f.Read("my son is 52").AgeOf(Subject::kPerson).lo == 52);
  // Far from the subject word: not an age.
  Understanding u = f.Read("son lost 52 kilos");
  CHECK_FALSE(u.AgeOf(Subject::kPerson).known());
  CHECK(u.ages.empty());
  // No subject word at all: not an age.
  CHECK(f.Read("room 52").ages.empty());
}

TEST_CASE("an age in brackets after a subject word is that subject's age") {
  const Fixture& f = F();
  CHECK(f.Read("息子(52)").AgeOf(Subject::kPerson).lo == 52);
  CHECK(f.Read("母(82)が要介護").AgeOf(Subject::kParent).lo == 82);
  CHECK(f.Read("母（82）が要介護").AgeOf(Subject::kParent).lo == 82);
  CHECK(f.Read("mother (82) needs care").AgeOf(Subject::kParent).lo == 82);
  CHECK(f.Mentions(f.Read("母(82)が要介護"), "elderly-parent").size() == 1);
}

TEST_CASE("8050 gives the parent's and the person's ages") {
  const Fixture& f = F();
  Understanding u = f.Read("8050");
  CHECK(u.AgeOf(Subject::kParent).lo == 80);
  CHECK(u.AgeOf(Subject::kParent).hi == 89);
  CHECK(u.AgeOf(Subject::kPerson).lo == 50);
  CHECK(u.AgeOf(Subject::kPerson).hi == 59);
  CHECK(f.Mentions(u, "elderly-parent").size() == 1);
}

TEST_CASE("several ages for one subject are joined into one range") {
  const Fixture& f = F();
  Understanding u = f.Read("母は80歳、父は85歳");
  CHECK(u.AgeOf(Subject::kParent).lo == 80);
  CHECK(u.AgeOf(Subject::kParent).hi == 85);
  CHECK(u.ages.size() == 2);
}

TEST_CASE("障害はない: a Japanese negation after the phrase") {
  const Fixture& f = F();
  FactMention m = f.Only(f.Read("障害はない"), "disability");
  CHECK(m.negated);
  CHECK(m.words == "障害");
  CHECK(m.negation == "はない");
  CHECK(MentionWords(m) == "障害はない");
  CHECK(f.Only(f.Read("障害は特にない"), "disability").negated);
  CHECK(f.Only(f.Read("障害なし"), "disability").negated);
  CHECK(f.Only(f.Read("暴力はありません"), "violence").negated);
  CHECK_FALSE(f.Only(f.Read("障害がある"), "disability").negated);
  Understanding u = f.Read("障害はない");
  CHECK_FALSE(u.Has(f.Fact("disability"), true, Subject::kPerson));
  CHECK(u.unrecognized.empty());
}

TEST_CASE("a hedged Japanese negation is a worry, not a denial") {
  const Fixture& f = F();
  CHECK_FALSE(f.Only(f.Read("暴力はないと思う"), "violence").negated);
  CHECK_FALSE(f.Only(f.Read("暴力はないはず"), "violence").negated);
  CHECK_FALSE(f.Only(f.Read("暴力はないかもしれない"), "violence").negated);
  CHECK(f.Only(f.Read("暴力はない"), "violence").negated);
}

TEST_CASE("no disability: an English negation before the phrase") {
  const Fixture& f = F();
  FactMention m = f.Only(f.Read("no disability"), "disability");
  CHECK(m.negated);
  CHECK(m.negation == "no");
  CHECK(MentionWords(m) == "no disability");
  CHECK(f.Only(f.Read("he is not violent"), "violence").negated);
  CHECK(f.Only(f.Read("son doesn't have a disability"), "disability").negated);
  CHECK(f.Only(f.Read("never violent"), "violence").negated);
  CHECK_FALSE(f.Only(f.Read("has a disability"), "disability").negated);
}

TEST_CASE("English negation reaches at most three words back") {
  const Fixture& f = F();
  CHECK(f.Only(f.Read("no sign of disability"), "disability").negated);
  CHECK_FALSE(f.Only(f.Read("no idea whether he has any disability"), "disability").negated);
}

TEST_CASE("not violent and has a disability: the negation stops at 'and'") {
  const Fixture& f = F();
  Understanding u = f.Read("not violent and has a disability");
  CHECK(f.Only(u, "violence").negated);
  CHECK_FALSE(f.Only(u, "disability").negated);
  CHECK(u.Has(f.Fact("disability"), true, Subject::kPerson));
  Understanding but = f.Read("not violent but has a disability");
  CHECK(f.Only(but, "violence").negated);
  CHECK_FALSE(f.Only(but, "disability").negated);
}

TEST_CASE("can't remember when: the negation is remembering's, not the phrase's") {
  const Fixture& f = F();
  CHECK_FALSE(f.Only(f.Read("i can't remember when he was violent"), "violence").negated);
  CHECK_FALSE(f.Only(f.Read("we do not recall the last time he was violent"), "violence").negated);
  CHECK(f.Only(f.Read("i can't remember him being violent"), "violence").negated);
  CHECK_FALSE(f.Only(f.Read("we don't know whether he has a disability"), "disability").negated);
  CHECK(f.Only(f.Read("we don't know of any disability"), "disability").negated);
  CHECK(f.Only(f.Read("we do not recall any disability"), "disability").negated);
  CHECK(f.Only(f.Read("i can't say he is violent"), "violence").negated);
}

TEST_CASE("a negated verb of knowing or believing is its own: the clause after it still holds") {
  const Fixture& f = F();
  for (const char* text :
       {"no one knows he is violent", "i can't believe he is violent", "we didn't know he was violent",
        "nobody realises that her son is violent", "we never noticed he was violent", "i don't think he is violent"}) {
    INFO(text);
    CHECK_FALSE(f.Only(f.Read(text), "violence").negated);
  }
  // No clause after the verb: the negation reaches the phrase.
  CHECK(f.Only(f.Read("we don't know of any violence"), "violence").negated);
  CHECK(f.Only(f.Read("nobody thinks about violence"), "violence").negated);
  // A subject that is itself a negation.
  CHECK(f.Only(f.Read("nobody has ever been violent"), "violence").negated);
  // A denying subject reaches past where or among whom, not past a verb
  // of knowing.
  CHECK(f.Only(f.Read("no one in the family has ever been violent"), "violence").negated);
  CHECK(f.Only(f.Read("nobody at home has ever been violent"), "violence").negated);
  CHECK_FALSE(f.Only(f.Read("no one in the family knows that he is violent"), "violence").negated);
}

TEST_CASE("English: 'or' shares a denial; 'a day goes by without' is every day; a field's value") {
  const Fixture& f = F();
  Understanding u = f.Read("he has never once shown violence or disability");
  CHECK(f.Only(u, "violence").negated);
  CHECK(f.Only(u, "disability").negated);
  CHECK_FALSE(f.Only(f.Read("he has never shown violence, and he has a disability"), "disability").negated);
  CHECK_FALSE(f.Only(f.Read("hardly a day goes by without violence"), "violence").negated);
  CHECK_FALSE(f.Only(f.Read("not a single week passes without violence"), "violence").negated);
  CHECK(f.Only(f.Read("a month went by without violence"), "violence").negated);
  CHECK(f.Only(f.Read("violence: none"), "violence").negated);
  CHECK(f.Only(f.Read("disability / violence: none"), "disability").negated);
  CHECK(f.Only(f.Read("障害：なし"), "disability").negated);
  CHECK_FALSE(f.Only(f.Read("障害：あり"), "disability").negated);
  CHECK_FALSE(f.Only(f.Read("障害：なしではない"), "disability").negated);  // not "none"
  CHECK(f.Only(f.Read("障害：なし。無職"), "disability").negated);
  CHECK_FALSE(f.Only(f.Read("violence: no weapons"), "violence").negated);
}

TEST_CASE("negation does not cross a clause boundary") {
  const Fixture& f = F();
  Understanding u = f.Read("障害、ない");
  CHECK_FALSE(f.Only(u, "disability").negated);
  Understanding en = f.Read("no. disability");
  CHECK_FALSE(f.Only(en, "disability").negated);
}

TEST_CASE("a fact takes the nearest subject word before it, else after it") {
  const Fixture& f = F();
  CHECK(f.Only(f.Read("息子が無職"), "unemployed").subject == Subject::kPerson);
  CHECK(f.Only(f.Read("母が無職"), "unemployed").subject == Subject::kParent);
  CHECK(f.Only(f.Read("無職の母"), "unemployed").subject == Subject::kParent);
  // No subject word in the clause: the fact's default subject.
  CHECK(f.Only(f.Read("要介護"), "care-needed").subject == Subject::kParent);
  CHECK(f.Only(f.Read("母は元気、要介護"), "care-needed").subject == Subject::kParent);
  CHECK(f.Only(f.Read("息子、要介護"), "care-needed").subject == Subject::kParent);
  // A subject word in another clause does not count.
  CHECK(f.Only(f.Read("母、無職"), "unemployed").subject == Subject::kPerson);
}

TEST_CASE("a phrase that names its own subject keeps it") {
  const Fixture& f = F();
  // 高齢の親 contains 親: parent, whatever word comes before.
  FactMention m = f.Only(f.Read("息子と高齢の親"), "elderly-parent");
  CHECK(m.subject == Subject::kParent);
  CHECK(m.has_own_subject);
}

TEST_CASE("a withdrawn sibling is the person when no one else is named") {
  const Fixture& f = F();
  Understanding u = f.Read("兄がひきこもり");
  CHECK(f.Only(u, "hikikomori").subject == Subject::kPerson);
  REQUIRE(u.subjects.size() == 1);
  CHECK(u.subjects[0].subject == Subject::kPerson);
  // With a son named, the withdrawn one is still the person of concern
  // (withdrawal first), and the son is family.
  Understanding both = f.Read("息子が無職、兄がひきこもり");
  CHECK(f.Only(both, "hikikomori").subject == Subject::kPerson);
  CHECK(f.Only(both, "unemployed").subject == Subject::kFamily);
}

TEST_CASE("qwerty zxcv: unrecognised words are listed") {
  const Fixture& f = F();
  Understanding u = f.Read("qwerty zxcv");
  CHECK(u.unrecognized == std::vector<std::string>{"qwerty", "zxcv"});
  CHECK(u.mentions.empty());
  // Stop words and numbers are never "unrecognised"; duplicates are listed once.
  CHECK(f.Read("the son is withdrawn and qwerty qwerty").unrecognized == std::vector<std::string>{"qwerty"});
  CHECK(f.Read("he is 3 and the").unrecognized.empty());
  // Thousands of distinct words, each twice: listed once each, in order
  // (issue 16: de-duplicated with a hash set, no longer a scan per word).
  std::string many;
  std::vector<std::string> want;
  for (int i = 0; i < 3000; ++i) {
    std::string w = "zq";
    for (int n = i; n > 0 || w.size() == 2; n /= 26) w += static_cast<char>('a' + n % 26);
    many += w + " " + w + " ";
    want.push_back(w);
  }
  CHECK(f.Read(many).unrecognized == want);
}

TEST_CASE("unrecognised Japanese content words, with particles trimmed") {
  const Fixture& f = F();
  Understanding u = f.Read("息子が無職、趣味は釣り");
  CHECK(u.unrecognized == std::vector<std::string>{"趣味は釣り"});
  // A clause of kana only, with nothing understood, is reported whole.
  CHECK(f.Read("ほげほげ").unrecognized == std::vector<std::string>{"ほげほげ"});
  // Kana between understood words is grammar, not content.
  CHECK(f.Read("息子がひきこもりです").unrecognized.empty());
}

TEST_CASE("full-width and half-width input is understood like plain text") {
  const Fixture& f = F();
  Understanding u = f.Read("８０代の母、息子がﾋｷｺﾓﾘ");
  CHECK(u.AgeOf(Subject::kParent).lo == 80);
  FactMention m = f.Only(u, "hikikomori");
  CHECK(m.subject == Subject::kPerson);
  CHECK(m.words == "ヒキコモリ");  // the display form, not the folded one
  CHECK(u.text.display == "80代の母、息子がヒキコモリ");
  CHECK(u.input == "８０代の母、息子がﾋｷｺﾓﾘ");
}

TEST_CASE("from_duration: a duration implies the fact with a same-area fact in its clause") {
  const Fixture& f = F();
  Understanding u = f.Read("息子が10年ひきこもり");
  FactMention m = f.Only(u, "long-withdrawal");
  CHECK(m.origin == FactMention::kDuration);
  CHECK(m.words == "10年");
  CHECK(m.subject == Subject::kPerson);
  CHECK(f.Only(f.Read("息子が半年ひきこもり"), "long-withdrawal").origin == FactMention::kDuration);
  CHECK(f.Only(f.Read("son withdrawn for 3 years"), "long-withdrawal").origin == FactMention::kDuration);
}

TEST_CASE("from_duration: no derived fact without a same-area fact") {
  const Fixture& f = F();
  // The clause states only a care fact: a duration there says nothing of withdrawal.
  Understanding u = f.Read("息子がひきこもり、母が3年要介護");
  CHECK(f.Mentions(u, "long-withdrawal").empty());
  // Below the threshold.
  CHECK(f.Mentions(f.Read("息子が3ヶ月ひきこもり"), "long-withdrawal").empty());
  // No fact of the area at all.
  CHECK(f.Mentions(f.Read("10年"), "long-withdrawal").empty());
  CHECK(f.Mentions(f.Read("息子が10年無職"), "long-withdrawal").empty());
  // A negated fact does not count.
  CHECK(f.Mentions(f.Read("10年障害はない"), "long-withdrawal").empty());
}

TEST_CASE("from_duration: a duration in a clause of its own relates to any clause") {
  const Fixture& f = F();
  Understanding u = f.Read("息子がひきこもり、10年以上");
  CHECK(f.Only(u, "long-withdrawal").origin == FactMention::kDuration);
  // Each threshold is its own: 5 years (60 months) of care.
  Understanding care = f.Read("母が要介護、5年");
  CHECK(f.Only(care, "care-long").origin == FactMention::kDuration);
  CHECK(f.Mentions(f.Read("母が要介護、4年"), "care-long").empty());
}

TEST_CASE("ages and durations imply facts with an index that no longer describes the model") {
  const Fixture& f = F();
  // An index of no model (or a stale one) is built again inside, with the
  // same answer as a fresh one.
  for (const char* text : {"80代の母が要介護、5年", "mother over 80, caring for 5 years", "60代の母が要介護、4年"}) {
    CAPTURE(text);
    Understanding fresh, stale;
    REQUIRE(Understand(f.model, f.lexicon, RuleIndex(f.model), text, &fresh).ok());
    REQUIRE(Understand(f.model, f.lexicon, RuleIndex(), text, &stale).ok());
    REQUIRE(fresh.mentions.size() == stale.mentions.size());
    for (size_t i = 0; i < fresh.mentions.size(); ++i) {
      CHECK(fresh.mentions[i].fact == stale.mentions[i].fact);
      CHECK(fresh.mentions[i].origin == stale.mentions[i].origin);
    }
  }
  Understanding u;
  REQUIRE(Understand(f.model, f.lexicon, RuleIndex(), "80代の母が要介護、5年", &u).ok());
  CHECK(f.Only(u, "elderly-parent").origin == FactMention::kAge);
  CHECK(f.Only(u, "care-long").origin == FactMention::kDuration);
}

TEST_CASE("the derived fact is not duplicated by its own phrase's area") {
  const Fixture& f = F();
  // long-withdrawal stated by phrase and by duration: the duration relates
  // through hikikomori, never through long-withdrawal itself.
  Understanding u = f.Read("長年ひきこもり10年");
  std::vector<FactMention> ms = f.Mentions(u, "long-withdrawal");
  CHECK(std::count_if(ms.begin(), ms.end(), [](const FactMention& m) { return m.origin == FactMention::kDuration; }) ==
        0);
}

TEST_CASE("Understand rejects invalid UTF-8 with the byte offset") {
  const Fixture& f = F();
  Understanding u;
  Status s = Understand(f.model, f.lexicon, RuleIndex(f.model), "息子\xFF", &u);
  CHECK(s.kind() == ErrorKind::kInput);
  CHECK(s.ToString() == "the text is not valid UTF-8 (or holds a NUL byte) at byte offset 6; re-save it as UTF-8");
  CHECK(u.mentions.empty());
}

TEST_CASE("Understand rejects text over kMaxQueryBytes") {
  const Fixture& f = F();
  Understanding u;
  std::string big(kMaxQueryBytes + 1, 'a');
  Status s = Understand(f.model, f.lexicon, RuleIndex(f.model), big, &u);
  CHECK(s.kind() == ErrorKind::kInput);
  CHECK(s.ToString() == "the text is 65537 bytes; the limit is 65536 bytes per case");
  // Exactly at the limit is fine.
  std::string edge(kMaxQueryBytes, ' ');
  CHECK(Understand(f.model, f.lexicon, RuleIndex(f.model), edge, &u).ok());
}

TEST_CASE("Understand on empty text understands nothing") {
  const Fixture& f = F();
  Understanding u = f.Read("");
  CHECK(u.mentions.empty());
  CHECK(u.unrecognized.empty());
  CHECK(u.clauses.empty());
}

TEST_CASE("Understand resets its output") {
  const Fixture& f = F();
  Understanding u = f.Read("80代の母が要介護");
  REQUIRE_FALSE(u.mentions.empty());
  Status s = Understand(f.model, f.lexicon, RuleIndex(f.model), "qwerty", &u);
  REQUIRE(s.ok());
  CHECK(u.mentions.empty());
  CHECK_FALSE(u.AgeOf(Subject::kParent).known());
}

TEST_CASE("a debt told as over is no debt now; one not paid off stands") {
  const Model& model = Shipped().model;
  const int debt = model.FindFact("debt");
  REQUIRE(debt >= 0);
  // The first debt mention of text: "+" stated, "-" negated with its words.
  auto read = [&](const std::string& text) -> std::string {
    Understanding u;
    REQUIRE(Understand(model, Shipped().lexicon, Shipped().index, text, &u).ok());
    for (const FactMention& m : u.mentions)
      if (m.fact == debt) return m.negated ? "-" + MentionWords(m) : "+";
    return "none";
  };
  CHECK(read("昔は借金がありましたが、今は全部返し終わっています。") == "-借金返し終わっています");
  CHECK(read("弟の借金は父が肩代わりして完済しました。") == "-借金完済しました");
  CHECK(read("his debts were all paid off by my late husband.") == "-paid off debts");
  CHECK(read("he had debts but they were cleared years ago.") == "-cleared debts");
  CHECK(read("he paid off his debts last year.") == "-paid off debts");
  // Not over: not yet, never, a hope; the next sentence's settling is another's.
  CHECK(read("借金を返し終わる見込みがない。") == "+");
  CHECK(read("夫の借金はまだ返し終わっていません。") == "+");
  CHECK(read("借金がある。兄の車のローンは完済した。") == "+");
  CHECK(read("his debts are still piling up.") == "+");
  CHECK(read("he still hasn't paid off his debts.") == "+");
  CHECK(read("his debts will be paid off next year.") == "+");
  CHECK(read("he has debts that were never cleared.") == "+");
  CHECK(read("he has debts and cleared out his savings.") == "+");
  CHECK(read("he has no debts.") == "-no debts");
}

namespace {
// The small model with phrases of different facts that share words: a
// parent's pension and living on it only (both hold), and a guard, "hit
// by a car" (an accident), that holds "hit by" (violence) to stop it.
struct OverlapModel : SmallModel {
  OverlapModel() {
    Edit(kLexiconFile, "  parent: {ja: [親], en: [parent]}\n", "  parent: {ja: [親, 母], en: [parent, mother]}\n");
    Edit(kLexiconFile, "    ja: [暴力]\n", "    ja: [暴力]\n    en: [was hit, hit by]\n");
    Append(kLexiconFile, R"(  - id: elderly-parent
    label: {ja: 高齢の親, en: elderly parent}
    area: care
    subject: parent
    ja: [母の年金]
    en: [mother's pension]
  - id: financial-hardship
    label: {ja: 生活困窮, en: financial hardship}
    area: money
    subject: household
    ja: [年金だけ]
    en: [pension only]
  - id: accident
    label: {ja: 事故, en: accident}
    area: disability
    subject: person
    en: [hit by a car]
)");
    Load();
  }
  // The facts read in text, by id, in order.
  std::vector<std::string> Facts(const std::string& text) const {
    Understanding u;
    const Status s = Understand(model, lexicon, RuleIndex(model), text, &u);
    REQUIRE_MESSAGE(s.ok(), s.ToString());
    std::vector<std::string> out;
    for (const FactMention& m : u.mentions) out.push_back(model.facts[m.fact].id + (m.negated ? " (-)" : ""));
    return out;
  }
};
}  // namespace

TEST_CASE("phrases of two facts that share words both hold; one inside a longer phrase does not") {
  static const OverlapModel* m = new OverlapModel();
  using V = std::vector<std::string>;
  CHECK(m->Facts("母の年金だけで暮らしています") == V{"elderly-parent", "financial-hardship"});
  CHECK(m->Facts("they live on his mother's pension only") == V{"elderly-parent", "financial-hardship"});
  // Each alone, as before.
  CHECK(m->Facts("母の年金で暮らしています") == V{"elderly-parent"});
  CHECK(m->Facts("年金だけで暮らしています") == V{"financial-hardship"});
  // A guard: "hit by a car" holds "hit by" (violence), so it stops violence
  // where it overlaps a violence phrase too ("was hit"), not only inside.
  CHECK(m->Facts("he was hit by a car") == V{"accident"});
  CHECK(m->Facts("he was hit by his brother") == V{"violence"});
}
