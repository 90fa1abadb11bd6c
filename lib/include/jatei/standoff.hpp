// Fact-check verdicts put into a document's stand-off (Document::standoff, typed in
// jatei/document.hpp), as jatei-merge does: one verdict per sentences and reviewer. The TEI
// layer writes them (tei::write), so the mergers and exporters never edit XML themselves.
//
//   for (const jatei::FactCheck& v : doc.standoff.fact_checks) …
//
//   jatei::tei::put(doc.standoff, {{"s5"}, "checker1", "Mostly true", "mostly-true", "", "2026-01-05", ""});
#pragma once

#include "jatei/document.hpp"

namespace jatei::tei {

enum class Put { added, updated, unchanged };

// Puts `v` into `standoff.fact_checks`: added at the end, or in place of the verdict with the
// same targets and reviewer (the last one, if a hand-edited stand-off has two). `v` is stored as
// the TEI would give it back once written (its text from outside through xml::writable, line
// ends and white space as an XML reader reads them), so that putting the same verdict again
// is `unchanged`.
Put put(StandOff& standoff, const FactCheck& v);

}  // namespace jatei::tei
