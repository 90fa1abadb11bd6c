// The cast of an unlabelled dialogue: who takes part, found from the names the dialogue calls
// or addresses and the people its lead introduces. Each member is a state of the sequence model
// when there are three or more (unlabelled.cpp).
#pragma once

#include <string>
#include <vector>

#include "speakers/analysis.hpp"

namespace jatei::speakers {

struct Cast {
  std::vector<CastMember> members;
  int lead = -1;  // the member who leads (the teacher, the moderator, the one who asks), or -1
  int teacher = -1;  // the member the lead titles as teaching when another moderates (explains), or -1
  bool polite = false;  // the dialogue's paragraphs are more polite than casual
  std::string why;
  // The member a name (as the dialogue writes it: 岸さん, 先生) stands for, or -1.
  int member_of(const std::string& raw, const SpeakerModel::Compiled& cues) const;
  // The member a unit calls or asks first, or -1.
  int addressee(const Item& u) const;
  const SpeakerModel::Compiled* cues = nullptr;
};

Cast find_cast(Context& cx, const std::vector<Item*>& units);

// The count of people a text gives (の3人, 三人が, 4人で), or 0.
int people_count(std::string_view t);

// The fixed emission of unit `u` for member `s` ([cast] weights): a unit never belongs to the
// one it calls or asks, rarely to one it speaks of, and the lead gives others the floor.
double cast_emission(Context& cx, const Cast& cast, const Item& u, int s);

}  // namespace jatei::speakers
