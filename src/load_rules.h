// Loaders for rules/lexicon.yaml, rules/routing.yaml and rules/alerts.yaml.
// Agencies and crisis contacts must be loaded first: rules refer to them,
// and every reference (agency, role, fact, contact) is checked here.
#ifndef TSUNAGU_LOAD_RULES_H_
#define TSUNAGU_LOAD_RULES_H_

#include <string>

#include "model.h"
#include "status.h"
#include "yaml_doc.h"

/// Subject words and facts.
Status LoadLexicon(const std::string& text, const std::string& name, Model* model);

/// Routing rules; needs agencies and the lexicon.
Status LoadRouting(const std::string& text, const std::string& name, Model* model);

/// Alert rules, the team policy and the fallback answer.
Status LoadAlerts(const std::string& text, const std::string& name, Model* model);

/// The same, from already parsed documents.
Status LoadLexicon(const YamlDoc& doc, Model* model);
Status LoadRouting(const YamlDoc& doc, Model* model);
Status LoadAlerts(const YamlDoc& doc, Model* model);

/// The facts' allowed areas (withdrawal, care, money, ...).
const std::vector<std::string>& KnownAreas();

#endif  // TSUNAGU_LOAD_RULES_H_
