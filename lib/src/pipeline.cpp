#include "jatei/pipeline.hpp"

namespace jatei {

const std::vector<Stage>& document_stages() {
  static const std::vector<Stage> stages;  // speakers, claims, terms join here
  return stages;
}

std::vector<std::string> stage_names() {
  std::vector<std::string> names{"segment"};
  for (auto& s : document_stages()) names.push_back(s.name);
  return names;
}

}  // namespace jatei
