#include "jatei/pipeline.hpp"

#include "jatei/claims.hpp"
#include "jatei/speakers.hpp"
#include "jatei/terms.hpp"

namespace jatei {

const std::vector<Stage>& document_stages() {
  static const std::vector<Stage> stages = {
      // pipeline order: speakers, claims, terms
      {"speakers", "speaker turns: labels kept in <speaker>, unlabelled dialogue inferred, participants declared",
       [](Document& doc) { annotate_speakers(doc); }},
      {"claims", "factuality of every sentence, its cue, dates, numbers and names",
       [](Document& doc) { claims::annotate(doc); }},
      {"terms", "termbase terms (<term ref>) and the glosses the article gives itself (<gloss target>)",
       [](Document& doc) { terms::Annotator::default_instance().annotate(doc); }},
  };
  return stages;
}

std::vector<std::string> stage_names() {
  std::vector<std::string> names{"segment"};
  for (auto& s : document_stages()) names.push_back(s.name);
  return names;
}

}  // namespace jatei
