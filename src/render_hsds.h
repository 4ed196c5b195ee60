// The agencies as Open Referral HSDS 3.0 (Human Services Data
// Specification): a JSON array of service objects, one per agency in data
// order, each with its organization, phones, schedules (from the structured
// hours), service_at_locations (a location with its address) and one
// attribute per role, nested as HSDS 3.0's service.json describes. Texts are
// in the chosen language, the other one as alternate_name. Every id is a
// UUID derived from the agency (StableUuid): the same data gives the same
// ids and bytes on every run. Only reads the model; thread-safe.
#ifndef TSUNAGU_RENDER_HSDS_H_
#define TSUNAGU_RENDER_HSDS_H_

#include <string>
#include <string_view>

#include "model.h"

/// A UUID version 8 (RFC 9562) from BLAKE2b-128 of a fixed namespace, the
/// kind of entity ("service", "phone", ...) and a name (the agency id),
/// as "xxxxxxxx-xxxx-8xxx-yxxx-xxxxxxxxxxxx" (lower case).
std::string StableUuid(std::string_view kind, std::string_view name);

/// The HSDS 3.0 array, indented by two spaces, followed by a newline.
std::string RenderHsds(const Model& model, Lang lang);

#endif  // TSUNAGU_RENDER_HSDS_H_
