// What the speaker tests share: a text segmented and annotated (every character kept), and who
// says each line of it.
#pragma once

#include <boost/test/unit_test.hpp>

#include <map>
#include <sstream>
#include <string>

#include "jatei/segment.hpp"
#include "jatei/speakers.hpp"
#include "jatei/tei.hpp"

namespace speakers_fixture {

// `text` segmented and annotated with the built-in model; the --explain lines in *explain.
inline jatei::Document annotated(const std::string& text, std::string* explain = nullptr) {
  jatei::SegmentOptions o;
  o.source_name = "t.txt";
  jatei::Document doc = jatei::segment_text(text, o);
  std::string before = doc.text();
  std::ostringstream ex;
  jatei::SpeakerOptions so;
  so.explain = &ex;
  jatei::annotate_speakers(doc, so);
  BOOST_TEST(doc.text() == before);  // every character kept
  if (explain) *explain = ex.str();
  return doc;
}

// For each source line that holds text: "label|persName" of its turn, "-" outside every turn.
// The key is the line's text after the label (what stays in the sentences), leading spaces,
// ideographic spaces and tabs removed.
inline std::map<std::string, std::string> who_says(const jatei::Document& doc) {
  std::map<std::string, std::string> names, out;
  for (auto& p : doc.header.persons) names["#" + p.id] = p.name;
  for (auto& d : doc.divisions)
    for (auto& t : d.turns)
      for (auto& b : t.blocks)
        for (auto& l : b.leaves) {
          std::string text = jatei::leaf_text(l);
          while (text.rfind("\u3000", 0) == 0 || text.rfind(" ", 0) == 0 || text.rfind("\t", 0) == 0)
            text.erase(0, text[0] == ' ' || text[0] == '\t' ? 1 : 3);
          if (text.empty()) continue;
          out[text] = t.spoken() ? t.speaker.value_or("") + "|" + names[t.who] : "-";
        }
  return out;
}

// Idempotent: a second run over the written TEI keeps the turns and the people.
inline void twice_the_same(jatei::Document& doc) {
  std::string once = jatei::tei::write(doc);
  jatei::Document again = jatei::tei::read(once);
  jatei::annotate_speakers(again, jatei::SpeakerOptions{});
  BOOST_TEST(jatei::tei::write(again) == once);
}

// The person (@who) of each line's turn by the line's text after the label, "-" outside every
// turn.
inline std::map<std::string, std::string> who_ids(const jatei::Document& doc) {
  std::map<std::string, std::string> out;
  for (auto& d : doc.divisions)
    for (auto& t : d.turns)
      for (auto& b : t.blocks)
        for (auto& l : b.leaves) out[jatei::leaf_text(l)] = t.spoken() ? t.who : "-";
  return out;
}

}  // namespace speakers_fixture
