// AddPartnerViolence (partner_violence.h): a violence received whose agent
// is a spouse or partner is also domestic violence, on the shipped model.
#include "partner_violence.h"

#include <doctest/doctest.h>

#include <string>

#include "facts.h"
#include "household.h"
#include "shipped_model.h"

namespace {

// The words of the dv mention added from an agent, or "" when none.
std::string PartnerViolence(const std::string& text) {
  Understanding u;
  const Status s = Understand(Shipped().model, Shipped().lexicon, Shipped().index, text, &u);
  REQUIRE_MESSAGE(s.ok(), s.ToString());
  const int dv = Shipped().model.FindFact("dv");
  for (const FactMention& m : u.mentions)
    if (m.fact == dv && !m.negated && m.phrase.find("(by a partner)") != std::string::npos) return m.words;
  return "";
}

// The words of every dv mention added from an agent, each followed by "|".
std::string AllPartnerViolence(const std::string& text) {
  Understanding u;
  const Status s = Understand(Shipped().model, Shipped().lexicon, Shipped().index, text, &u);
  REQUIRE_MESSAGE(s.ok(), s.ToString());
  const int dv = Shipped().model.FindFact("dv");
  std::string all;
  for (const FactMention& m : u.mentions)
    if (m.fact == dv && !m.negated && m.phrase.find("(by a partner)") != std::string::npos) all += m.words + "|";
  return all;
}

}  // namespace

TEST_CASE("partner violence: a spouse or partner as the agent, words between") {
  // The words shown run from the partner to the verb and its grammar.
  CHECK(PartnerViolence("夫に毎晩のように殴られています") == "夫に毎晩のように殴られています");
  CHECK(PartnerViolence("妻にときどき叩かれることがあります").rfind("妻にときどき叩かれ", 0) == 0);
  CHECK(PartnerViolence("主人から何度も殴られた").rfind("主人から何度も殴られ", 0) == 0);
  CHECK(PartnerViolence("家にこもっている夫に、毎晩殴られています").rfind("夫に、毎晩殴られ", 0) == 0);
  CHECK_FALSE(PartnerViolence("娘は彼氏にひどく殴られていた").empty());
  CHECK_FALSE(PartnerViolence("I am hit by my husband almost every night").empty());
  CHECK_FALSE(PartnerViolence("she was beaten by her boyfriend").empty());
}

TEST_CASE("partner violence: not a partner, not the agent, or not said") {
  CHECK(PartnerViolence("息子が父親に殴られて、あざがある") == "");    // a parent: not DV
  CHECK(PartnerViolence("夫は息子に殴られたと話している") == "");      // the husband is hit
  CHECK(PartnerViolence("夫に殴られたことは一度もありません") == "");  // denied
  CHECK(PartnerViolence("夫が帰ってきたら、息子に殴られるかもしれない") == "");
  CHECK(PartnerViolence("my son was hit by his father") == "");
  CHECK(PartnerViolence("my husband says our son was beaten at school") == "");
}

TEST_CASE("partner violence: the partner acting (が/は) on the writer (を/に)") {
  CHECK(PartnerViolence("夫が私を殴ります").rfind("夫が私を殴", 0) == 0);
  CHECK(PartnerViolence("主人は酔うと私を叩きます").rfind("主人は酔うと私を叩", 0) == 0);
  CHECK_FALSE(PartnerViolence("妻が私を蹴ったり、物を投げたりする").empty());
  CHECK_FALSE(PartnerViolence("夫が私に暴力を振るう").empty());
  CHECK_FALSE(PartnerViolence("夫が娘の目の前で私を殴る").empty());
  CHECK(PartnerViolence("夫が息子を殴る") == "");                  // the son is hit: not DV
  CHECK(PartnerViolence("息子が私を殴る") == "");                  // not a partner
  CHECK(PartnerViolence("私が夫を叩いてしまった") == "");          // the writer acts
  CHECK(PartnerViolence("夫が私を殴ったことは一度もない") == "");  // denied
  CHECK(PartnerViolence("夫の弟が私を殴る") == "");                // 夫 is whose, not who
  CHECK_FALSE(PartnerViolence("夫が私の顔を殴る").empty());        // the writer's body
  CHECK_FALSE(PartnerViolence("主人が私の頭を叩く").empty());
  CHECK(PartnerViolence("夫が私の母を殴った") == "");  // someone of the writer's
}

TEST_CASE("partner violence: English partner words from the household's table and the lexicon") {
  CHECK_FALSE(PartnerViolence("I was hit by my wife").empty());  // a subject word naming a partner
  CHECK_FALSE(PartnerViolence("she was beaten by her spouse").empty());
  CHECK_FALSE(PartnerViolence("I was hit by my ex-wife").empty());  // the lexicon's fact partner
  CHECK_FALSE(PartnerViolence("I was hit by my partner").empty());  // a bare "partner"
  CHECK(PartnerViolence("I was hit by my brother") == "");          // family, not a partner
  CHECK(PartnerViolence("my daughter was hit by her uncle") == "");
}

TEST_CASE("partner violence: every partner word of the household, in both languages") {
  // The relation the household gives a subject word decides, for Japanese
  // and English alike: a partner word added there needs no list here.
  const Model& model = Shipped().model;
  int ja = 0, en = 0;
  for (int s = 0; s < kSubjectCount; ++s) {
    auto partner = [&](const std::string& word) {
      const std::string relation = RelationOf(word, static_cast<Subject>(s)).key;
      return relation == "husband" || relation == "wife" || relation == "spouse";
    };
    for (const std::string& word : model.subjects[s].ja)
      if (partner(word)) {
        ++ja;
        CHECK_MESSAGE(!PartnerViolence(word + "に毎晩のように殴られています").empty(), word);
      }
    for (const std::string& word : model.subjects[s].en)
      if (partner(word)) {
        ++en;
        CHECK_MESSAGE(!PartnerViolence("I am hit by my " + word + " almost every night").empty(), word);
      }
  }
  CHECK(ja >= 3);  // 夫, 妻, 配偶者...
  CHECK(en >= 3);  // husband, wife, spouse
}

TEST_CASE("partner violence: a spouse named politely or familiarly") {
  CHECK_FALSE(PartnerViolence("奥さんに殴られることがある").empty());
  CHECK_FALSE(PartnerViolence("奥様から暴力を受けている").empty());
  CHECK_FALSE(PartnerViolence("旦那さんに突き飛ばされた").empty());
  CHECK_FALSE(PartnerViolence("家内に時々叩かれる").empty());
  CHECK_FALSE(PartnerViolence("元夫に何度も殴られることがある").empty());
  CHECK(PartnerViolence("ご主人が息子さんに殴られたと奥さんから電話があった") == "");  // the husband is hit
}

TEST_CASE("partner violence: passives run on into the next clause keep their agent") {
  // The shouting is DV too (psychological), and the blow keeps its agent.
  CHECK(AllPartnerViolence("ご主人から毎日のように怒鳴られ、叩かれる").find("ご主人から毎日のように怒鳴られ、叩かれ") !=
        std::string::npos);
  CHECK_FALSE(PartnerViolence("夫から怒鳴られたり、叩かれたりしている").empty());
  CHECK_FALSE(PartnerViolence("夫に責められ、なじられ、殴られる").empty());
  // The clause names its own agent: the son's blow is no DV (the
  // husband's shouting is).
  CHECK(AllPartnerViolence("夫に怒鳴られ、息子に殴られた").find("殴られ") == std::string::npos);
  CHECK(PartnerViolence("夫から電話があり、息子に殴られた") == "");  // not a passive: 夫 is no agent
  CHECK(PartnerViolence("夫から電話があり、殴られたと聞いた") == "");
}

TEST_CASE("partner violence: a possessive makes the partner whose, not who") {
  CHECK(PartnerViolence("夫の弟に殴られたことがある") == "");
  CHECK(PartnerViolence("I was hit by my husband's brother") == "");
  CHECK(PartnerViolence("she was beaten by her husband’s father") == "");
  CHECK(PartnerViolence("I was hit by my ex-wife's boyfriend") == "");
  CHECK(PartnerViolence("I was hit by my partner's son") == "");
  CHECK_FALSE(PartnerViolence("I was hit by my husband yesterday").empty());
}

TEST_CASE("partner violence: an accident is no violence") {
  const int received = Shipped().model.FindFact("violence-received");
  for (const char* text : {"my son was hit by a car", "my husband was hit by a truck on his way to work",
                           "息子は車にはねられて入院した", "夫が車にひかれて入院した"}) {
    CAPTURE(text);
    Understanding u;
    REQUIRE(Understand(Shipped().model, Shipped().lexicon, Shipped().index, text, &u).ok());
    for (const FactMention& m : u.mentions) CHECK(m.fact != received);
    CHECK(PartnerViolence(text) == "");
  }
}

TEST_CASE("partner violence: the partner named earlier in the sentence") {
  // 、 joins the clauses of one sentence; 。 ends it.
  CHECK(PartnerViolence("夫は酒を飲むと、私を殴ります").rfind("夫は酒を飲むと、私を殴", 0) == 0);
  CHECK_FALSE(PartnerViolence("妻は怒ると物を投げつけてきて、私の顔にけがをさせた").empty());
  CHECK(PartnerViolence("夫は仕事をしていません。私を殴るのは息子です") == "");  // another sentence
  CHECK(PartnerViolence("夫が帰ると、息子が私を殴る") == "");                    // someone else acts
}

TEST_CASE("partner violence: a cut or stab of the writer's body, a threat suffered") {
  CHECK(PartnerViolence("妻が怒ると包丁を振り回し、私の腕を切ったことがあります").rfind("妻が", 0) == 0);
  CHECK_FALSE(PartnerViolence("夫が私の手を刺した").empty());
  CHECK_FALSE(PartnerViolence("妻に包丁を向けられたことが何度もある").empty());
  CHECK(PartnerViolence("妻が私の腕を切ったことは一度もない") == "");  // denied
  CHECK(PartnerViolence("妻が料理中に包丁で指を切った") == "");        // her own finger
  CHECK(PartnerViolence("私の腕を切ったのは息子です") == "");          // no partner acts
  CHECK(PartnerViolence("息子に包丁を向けられた") == "");              // not a partner
  CHECK(PartnerViolence("夫が包丁を向けた") == "");                    // not suffered: no one named
}

TEST_CASE("partner violence: shouting suffered from a partner is DV; at work it is no danger") {
  CHECK_FALSE(PartnerViolence("夫に毎日怒鳴られています").empty());
  CHECK_FALSE(PartnerViolence("I get shouted at by my husband every day").empty());
  CHECK(PartnerViolence("上司に毎日怒鳴られていた") == "");
  CHECK(PartnerViolence("he was shouted at by his boss") == "");
}

TEST_CASE("partner violence: one parent hit by the other (the parents are a couple)") {
  CHECK(PartnerViolence("母は父に毎晩殴られています").rfind("父に毎晩殴られ", 0) == 0);
  CHECK_FALSE(PartnerViolence("父は母に叩かれたことがある").empty());
  CHECK_FALSE(PartnerViolence("Mum is hit by Dad almost every night").empty());
  // A parent hit by a child, or a child by a parent: violence, not DV.
  CHECK(PartnerViolence("母は兄に殴られています") == "");
  CHECK(PartnerViolence("兄は父に殴られていた") == "");
  CHECK(PartnerViolence("Mum is hit by my brother") == "");
}

TEST_CASE("partner violence: each blow's own partner and writer, however long the sentence") {
  // Each verb reads back to its own 私を and the 夫が before that, not to
  // the first of the sentence.
  CHECK(AllPartnerViolence("夫が私を殴り、夫が私を蹴った") == "夫が私を殴り|夫が私を蹴った|");
  // Someone else acting after the partner: the son's kick is not DV.
  CHECK(AllPartnerViolence("夫が私を殴り、息子が私を蹴った") == "夫が私を殴り|");
  // One clause of 400 (the words of each did run from the first 夫).
  std::string many, each;
  for (int i = 0; i < 400; ++i) {
    many += "夫が私を殴り";
    each += "夫が私を殴り|";
  }
  CHECK(AllPartnerViolence(many) == each);
}
