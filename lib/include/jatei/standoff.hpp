// Fact-check verdicts put into a document's stand-off (Document::standoff, typed in
// jatei/document.hpp), as jatei-merge does: one verdict per sentences and reviewer. The TEI
// layer writes them (tei::write), so the mergers and exporters never edit XML themselves.
//
//   for (const jatei::FactCheck& v : doc.standoff.fact_checks) …
//
//   jatei::tei::put(doc.standoff, {{"s5"}, "checker1", "Mostly true", "mostly-true", "", "2026-01-05", ""});
#pragma once

#include <cstddef>
#include <string>
#include <unordered_map>

#include "jatei/document.hpp"

namespace jatei::tei {

enum class Put { added, updated, unchanged };

// Puts `v` into `standoff.fact_checks`: added at the end, or in place of the verdict with the
// same targets and reviewer (the last one, if a hand-edited stand-off has two). `v` is stored as
// the TEI would give it back once written (its text from outside through xml::writable, line
// ends and white space as an XML reader reads them), so that putting the same verdict again
// is `unchanged`.
Put put(StandOff& standoff, const FactCheck& v);

// The same for many verdicts put one after the other (jatei-merge verdicts, a file of thousands):
// the verdicts of the stand-off are indexed by targets and reviewer once, so that each put is a
// look-up, not a scan of every verdict before it. `standoff` must change only through put()
// while the Putter lives.
class Putter {
 public:
  explicit Putter(StandOff& standoff);
  Put put(const FactCheck& v);

 private:
  StandOff& so_;
  std::unordered_map<std::string, std::size_t> last_;  // key -> the last verdict with it
};

}  // namespace jatei::tei
