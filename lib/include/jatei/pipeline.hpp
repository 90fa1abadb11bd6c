// The stages jatei-annotate runs in one process, in order, on the document model (no XML
// between them). jatei-segment's work (text -> Document) always comes first; later stages
// (speakers, claims, terms) register here as they are built.
//
//   for (auto& stage : jatei::document_stages()) stage.apply(doc);
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "jatei/document.hpp"

namespace jatei {

struct Stage {
  std::string name;                           // as given to --stages
  std::string description;
  std::function<void(Document&)> apply;       // annotates in place, adds its <application>
};

// The registered document stages, in pipeline order (empty until later stages exist).
const std::vector<Stage>& document_stages();

// Names accepted by jatei-annotate --stages: "segment" followed by the registered stages.
std::vector<std::string> stage_names();

}  // namespace jatei
