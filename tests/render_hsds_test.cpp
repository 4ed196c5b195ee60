// Tests for src/render_hsds.h: stable UUIDs (version 8, pinned values) and
// the shape of the HSDS 3.0 export. tests/schema_test.py validates the
// export against the HSDS 3.0 JSON schemas.
#include "render_hsds.h"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <set>
#include <string>

#include "embedded.h"

TEST_CASE("StableUuid: an RFC 9562 version 8 UUID, the same on every run") {
  const std::string id = StableUuid("service", "hikikomori-center");
  // Pinned: integrators store these ids; a change of the namespace or the
  // hash input would break their links.
  CHECK(id == "c46d3371-38d3-88e3-83c4-99917e515ddd");
  CHECK(id == StableUuid("service", "hikikomori-center"));
  REQUIRE(id.size() == 36);
  CHECK(id[8] == '-');
  CHECK(id[13] == '-');
  CHECK(id[14] == '8');                                          // version
  CHECK(std::string("89ab").find(id[19]) != std::string::npos);  // variant 10
  CHECK(StableUuid("phone", "hikikomori-center") != id);
  // Kind and name are kept apart: "ab"+"c" is not "a"+"bc".
  CHECK(StableUuid("ab", "c") != StableUuid("a", "bc"));
}

TEST_CASE("RenderHsds: one service per agency, nested, in data order") {
  Model model;
  Status s = LoadEmbeddedModel(&model);
  REQUIRE_MESSAGE(s.ok(), s.ToString());
  const std::string text = RenderHsds(model, Lang::kJa);
  CHECK(text.back() == '\n');
  const nlohmann::json services = nlohmann::json::parse(text);
  REQUIRE(services.size() == model.agencies.size());
  std::set<std::string> ids;
  for (size_t i = 0; i < services.size(); ++i) {
    const nlohmann::json& svc = services[i];
    const Agency& a = model.agencies[i];
    CHECK(svc["id"] == StableUuid("service", a.id));
    CHECK(svc["name"] == a.name.ja);
    CHECK(svc["status"] == "active");
    CHECK(svc["organization"]["id"] == svc["organization_id"]);
    CHECK(svc["attributes"].size() == a.roles.size());
    CHECK(svc["phones"].size() == (a.phone.empty() ? 0u : 1u));
    CHECK(svc["service_at_locations"].size() == (a.address.empty() ? 0u : 1u));
    ids.insert(svc["id"].get<std::string>());
  }
  CHECK(ids.size() == services.size());
  const nlohmann::json& center = services[0];
  REQUIRE(model.agencies[0].id == "hikikomori-center");
  CHECK(center["schedules"][0]["byday"] == "TU,WE,TH,FR,SA");
  CHECK(center["schedules"][0]["opens_at"] == "09:00+09:00");
  CHECK(center["schedules"][0]["notes"] ==
        "祝日・振替休日・国民の休日は休み。年末年始(12月29日〜1月3日)は休み。要予約。");
  const nlohmann::json& address = center["service_at_locations"][0]["location"]["addresses"][0];
  CHECK(address["city"] == "新潟市");
  CHECK(address["address_1"] == "中央区東万代町9-1 新潟市万代市民会館5階");
  CHECK(address["country"] == "JP");
  CHECK(center["attributes"][0]["taxonomy_term"]["code"] == "hikikomori-center/general-consultation");

  const nlohmann::json english = nlohmann::json::parse(RenderHsds(model, Lang::kEn));
  CHECK(english[0]["name"] == "Niigata City Hikikomori Support Center");
  CHECK(english[0]["alternate_name"] == "新潟市ひきこもり相談支援センター");
  CHECK(english[0]["schedules"][0]["notes"] ==
        "Closed on Japan's public holidays. Closed from 29 December to 3 January. By appointment.");
  const nlohmann::json& en_address = english[0]["service_at_locations"][0]["location"]["addresses"][0];
  CHECK(en_address["city"] == "Niigata City");
  CHECK(en_address["address_1"] == "Niigata City Bandai Civic Hall 5F, 9-1 Higashi-Bandai-cho, Chuo-ku");
  CHECK(en_address["id"] == address["id"]);  // ids do not depend on the language
}
