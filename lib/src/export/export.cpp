// The registry of exporters that jatei-export and jatei-annotate --export choose from.
#include "jatei/export.hpp"

namespace jatei {

const std::vector<Exporter>& exporters() {
  static const std::vector<Exporter> list = {
      {"xliff", "XLIFF 2.1 (or 1.2) for translators: a unit per block, a segment per sentence",
       [](const ExportOptions&) { return std::string(".xlf"); }, export_xliff},
      {"tbx", "TBX 2019 (or 2008) glossary of the document's terms and glosses",
       [](const ExportOptions&) { return std::string(".tbx"); }, export_tbx},
      {"tmx", "TMX 1.4b translation memory of a merged translation: a unit per sentence pair",
       [](const ExportOptions&) { return std::string(".tmx"); }, export_tmx},
      {"claims", "claims to check for fact-checkers: JSON Lines, CSV or ClaimReview JSON-LD",
       [](const ExportOptions& o) {
         switch (o.claims_format) {
           case ClaimsFormat::csv: return std::string(".claims.csv");
           case ClaimsFormat::claimreview: return std::string(".claimreview.jsonld");
           default: return std::string(".claims.jsonl");
         }
       },
       export_claims},
      {"html", "a self-contained review page (works offline, prints well)",
       [](const ExportOptions&) { return std::string(".html"); }, export_html},
  };
  return list;
}

const Exporter* find_exporter(std::string_view name) {
  for (auto& e : exporters())
    if (e.name == name) return &e;
  return nullptr;
}

}  // namespace jatei
