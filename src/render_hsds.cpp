// HSDS 3.0 export (render_hsds.h). Written with nlohmann::ordered_json, as
// the agency listing is: it runs once, and the key order is the one below.
#include "render_hsds.h"

#include <sodium.h>

#include <nlohmann/json.hpp>

namespace {

using Json = nlohmann::ordered_json;

// Chosen once; changing it changes every id an integrator has stored.
constexpr unsigned char kNamespace[16] = {0xa4, 0x2d, 0x41, 0xf8, 0x9a, 0xde, 0x40, 0xd0,
                                          0x9a, 0xd8, 0x01, 0x50, 0x82, 0x2f, 0x57, 0xec};

const char* L(Lang lang, const char* ja, const char* en) { return lang == Lang::kJa ? ja : en; }

// The text in the chosen language, and in the other one (empty when the
// same or missing), for name / alternate_name.
std::string Other(const LocalText& t, Lang lang) {
  const std::string& other = lang == Lang::kJa ? t.en : t.ja;
  return other == t.in(lang) ? "" : other;
}

void PutIf(Json& j, const char* key, const std::string& value) {
  if (!value.empty()) j[key] = value;
}

// "TU,WE,TH,FR,SA" (RFC 5545 BYDAY).
std::string Byday(const Hours& h) {
  std::string out;
  for (const std::string& d : h.byday) out += (out.empty() ? "" : ",") + d;
  return out;
}

// The closures and the appointment as a sentence (HSDS has no field for them).
std::string ScheduleNotes(const Hours& h, Lang lang) {
  std::string out;
  auto add = [&](const char* ja, const char* en) {
    if (!out.empty() && lang == Lang::kEn) out += " ";
    out += L(lang, ja, en);
  };
  for (const std::string& c : h.closed) {
    if (c == "holidays") add("祝日・振替休日・国民の休日は休み。", "Closed on Japan's public holidays.");
    if (c == "new-year") add("年末年始(12月29日〜1月3日)は休み。", "Closed from 29 December to 3 January.");
  }
  if (h.appointment) add("要予約。", "By appointment.");
  return out;
}

Json Schedule(const Agency& a, const std::string& service_id, Lang lang) {
  Json s{{"id", StableUuid("schedule", a.id)}, {"service_id", service_id}};
  if (!a.hours.byday.empty()) {
    // Times carry Japan's offset, as HSDS asks ("09:00-05:00"); timezone
    // is the same offset in hours.
    s["timezone"] = 9;
    s["wkst"] = "MO";
    s["freq"] = "WEEKLY";
    s["byday"] = Byday(a.hours);
    if (!a.hours.opens_at.empty()) s["opens_at"] = a.hours.opens_at + "+09:00";
    if (!a.hours.closes_at.empty()) s["closes_at"] = a.hours.closes_at + "+09:00";
  }
  PutIf(s, "description", a.hours.text.in(lang));
  PutIf(s, "notes", ScheduleNotes(a.hours, lang));
  return s;
}

// An address of the data is one line ("新潟市中央区東万代町9-1 ..."). HSDS
// wants its parts: the city and prefecture are split off when the line is
// in Niigata City; the data has no postal codes, so postal_code is empty.
Json Address(const LocalText& address, const std::string& location_id, Lang lang) {
  const std::string key = address.ja + "\n" + address.en;
  std::string line = address.in(lang), city, prefecture;
  const std::string ja_city = "新潟市", en_city = ", Niigata City";
  if (address.ja.compare(0, ja_city.size(), ja_city) == 0) {
    city = L(lang, "新潟市", "Niigata City");
    prefecture = L(lang, "新潟県", "Niigata Prefecture");
    if (lang == Lang::kJa || address.en.empty()) {
      if (line.compare(0, ja_city.size(), ja_city) == 0) line = line.substr(ja_city.size());
    } else if (line.size() > en_city.size() &&
               line.compare(line.size() - en_city.size(), en_city.size(), en_city) == 0) {
      line = line.substr(0, line.size() - en_city.size());
    }
  }
  return Json{{"id", StableUuid("address", key)},
              {"location_id", location_id},
              {"address_1", line},
              {"city", city},
              {"state_province", prefecture},
              {"postal_code", ""},
              {"country", "JP"},
              {"address_type", "physical"}};
}

Json ServiceAtLocation(const Agency& a, const std::string& service_id, Lang lang) {
  // Agencies at the same address (the ward office's sections) share the
  // location, so its id comes from the address, not from the agency.
  const std::string location_id = StableUuid("location", a.address.ja + "\n" + a.address.en);
  Json location{{"id", location_id},
                {"location_type", "physical"},
                {"addresses", Json::array({Address(a.address, location_id, lang)})}};
  return Json{{"id", StableUuid("service_at_location", a.id)},
              {"service_id", service_id},
              {"location_id", location_id},
              {"location", location}};
}

Json RoleAttribute(const Agency& a, const Role& role, const std::string& service_id, Lang lang) {
  const std::string name = a.id + "/" + role.id;
  const std::string term_id = StableUuid("taxonomy_term", name);
  Json term{{"id", term_id}, {"code", name}, {"name", RoleLabel(role, lang)}};
  std::string other = Other(role.label, lang);
  term["description"] = other.empty() ? RoleLabel(role, lang) : other;
  term["taxonomy"] = L(lang, "tsunagu の役割 (新潟市西区ひきこもり支援ガイドライン)",
                       "tsunagu roles (Niigata City Nishi Ward hikikomori support guideline)");
  term["language"] = lang == Lang::kJa ? "ja" : "en";
  return Json{{"id", StableUuid("attribute", name)},
              {"link_id", service_id},
              {"taxonomy_term_id", term_id},
              {"link_type", "role"},
              {"link_entity", "service"},
              {"value", role.from_summary ? "summary" : "bullet"},
              {"taxonomy_term", term}};
}

Json Service(const Agency& a, Lang lang) {
  const std::string service_id = StableUuid("service", a.id);
  const std::string organization_id = StableUuid("organization", a.id);
  Json organization{{"id", organization_id}, {"name", a.name.in(lang)}};
  PutIf(organization, "alternate_name", Other(a.name, lang));
  organization["description"] = a.summary.in(lang);

  Json s{{"id", service_id}, {"organization_id", organization_id}, {"name", a.name.in(lang)}};
  PutIf(s, "alternate_name", Other(a.name, lang));
  s["description"] = a.summary.in(lang);
  s["status"] = "active";
  PutIf(s, "eligibility_description", a.eligibility.note.in(lang));
  if (a.eligibility.min_age >= 0) s["minimum_age"] = a.eligibility.min_age;
  if (a.eligibility.max_age >= 0) s["maximum_age"] = a.eligibility.max_age;
  PutIf(s, "assured_date", a.LastChecked());  // null in tsunagu: guideline only
  Json phones = Json::array();
  if (!a.phone.empty())
    phones.push_back(
        Json{{"id", StableUuid("phone", a.id)}, {"service_id", service_id}, {"number", a.phone}, {"type", "voice"}});
  s["phones"] = phones;
  Json schedules = Json::array();
  if (a.hours.present) schedules.push_back(Schedule(a, service_id, lang));
  s["schedules"] = schedules;
  Json places = Json::array();
  if (!a.address.empty()) places.push_back(ServiceAtLocation(a, service_id, lang));
  s["service_at_locations"] = places;
  s["organization"] = organization;
  Json attributes = Json::array();
  for (const Role& role : a.roles) attributes.push_back(RoleAttribute(a, role, service_id, lang));
  s["attributes"] = attributes;
  return s;
}

}  // namespace

std::string StableUuid(std::string_view kind, std::string_view name) {
  static const bool ready = sodium_init() >= 0;  // picks the fastest BLAKE2b; safe to repeat
  (void)ready;
  unsigned char h[16];
  crypto_generichash_state state;
  crypto_generichash_init(&state, nullptr, 0, sizeof h);
  crypto_generichash_update(&state, kNamespace, sizeof kNamespace);
  crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(kind.data()), kind.size());
  const unsigned char separator = 0;  // "ab"+"c" and "a"+"bc" differ
  crypto_generichash_update(&state, &separator, 1);
  crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(name.data()), name.size());
  crypto_generichash_final(&state, h, sizeof h);
  h[6] = static_cast<unsigned char>((h[6] & 0x0f) | 0x80);  // version 8
  h[8] = static_cast<unsigned char>((h[8] & 0x3f) | 0x80);  // variant 10
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  for (int i = 0; i < 16; ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
    out += kHex[h[i] >> 4];
    out += kHex[h[i] & 15];
  }
  return out;
}

std::string RenderHsds(const Model& model, Lang lang) {
  Json services = Json::array();
  for (const Agency& a : model.agencies) services.push_back(Service(a, lang));
  return services.dump(2) + "\n";
}
