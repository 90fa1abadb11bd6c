// Internal to the XLIFF merge: a translated XLIFF's segments, read whole (a pugixml tree, for
// the messages) or pulled one at a time (libxml2's text reader, for the streamed merge).
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace jatei::xliffmerge {

// One segment (2.x) or trans-unit (1.x) as the merge reads it.
struct Seg {
  std::string id;
  // translate-toolkit's PO-XLIFF (po2xliff): the sentence ids a unit translates, from its
  // <context-group purpose="location"> (the PO's "#:" references, which xliff2po took from the
  // ids); a PO that merged repeated sentences names several.
  std::vector<std::string> locations;
  std::string source;
  bool has_target = false;
  std::string target;
  std::string state;
  bool locked = false;   // translate="no" on it or the nearest of its unit, groups and file that says
  std::size_t line = 0;  // 0 when pulled (the streamed read leaves messages to the whole one)
};

// The namespace an XLIFF root of this version must be in, or nullptr for a version not read
// (2.0, 2.1, 2.2, 1.2 and 1.1 are).
const char* namespace_of_version(const std::string& version);

// Whether an inline element's content is the original format's code, left out of the text
// (<ph>, <sc>, <ec>, <sm>, <em>; 1.2's <x>, <bx>, <ex>, <bpt>, <ept>, <it>), by local name.
bool is_inline_code(std::string_view local);

// What the pull read learns besides the segments.
struct PulledHead {
  std::string version;     // the root's
  bool v2 = false;
  std::string root_lang;   // 2.x: the root's trgLang; 1.x: the first <file>'s target-language
  std::string target_lang; // the first non-empty xml:lang of a <target>, in document order
};

// Reads `xliff` with libxml2's text reader, handing each segment to `each` in document order
// (a 1.x PO header unit is passed over), never holding more than one. Returns false, having
// perhaps handed over some segments, when the document is anything the whole read
// (xml_input::parse, then merge_xliff's checks) might refuse or read otherwise: an error or a
// warning of libxml2, bytes xml_input refuses, a DOCTYPE, nesting past xml_input::kMaxDepth, a
// root that is not XLIFF of a version read in its namespace, a segment inside a segment, a
// document larger than libxml2 takes; or when `each` returns false. The whole read gives the
// answer then (its message, with the line).
bool pull_segments(std::string_view xliff, PulledHead& head, const std::function<bool(Seg&)>& each);

}  // namespace jatei::xliffmerge
