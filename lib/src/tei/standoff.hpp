// The stand-off's XML, the TEI layer's side of Document::standoff: the reader types the verdicts
// of the element it read, the writer writes the element back with the verdicts the model holds.
#pragma once

#include <string>
#include <vector>

#include "jatei/document.hpp"

namespace jatei::tei {

// The stand-off read from its element (`raw`, as read): the element kept, its verdicts typed in
// document order (none when it is not well-formed). A verdict's `text` is the note's text as it
// stands (white space kept) without the separators the writer puts before the date and the link.
StandOff read_standoff(std::string raw);

// The <standOff> element to write: `raw` itself when the verdicts are those it holds; else
// `raw` with the verdicts that differ from it replaced in place and those it lacks added to
// its fact-check list (<listAnnotation type="factcheck">, made when missing), indented as a
// pretty-printed file; when the verdicts were removed or reordered, all of them written anew
// into that list. Empty when there is no stand-off. Throws std::logic_error when a stored
// stand-off is not well-formed (the reader made it: a bug).
std::string standoff_xml(const StandOff& standoff);

}  // namespace jatei::tei
