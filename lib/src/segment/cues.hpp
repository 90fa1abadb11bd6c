// The cue sections of segment.rules that segmentation consults for every line, each in the
// text layer's cue index (jatei/cues.hpp), made once per document (internal to lib/src/segment).
#pragma once

#include "jatei/cues.hpp"
#include "jatei/rules.hpp"

namespace jatei::seg {

// The cue sections segmentation consults for every line.
struct Cues {
  explicit Cues(const Rules& r)
      : trailer(r.section("trailer")), byline(r.section("byline")), credit(r.section("credit")), caption(r.section("caption")),
        summary_head(r.section("summary-head")), boilerplate(r.section("boilerplate")), list_bullet(r.section("list-bullet")),
        list_number(r.section("list-number")), section_head(r.section("section-head")), quote_intro(r.section("quote-intro")),
        credit_desk(r.section("credit-desk")), credit_source(r.section("credit-source")), dateline(r.section("dateline")),
        table_title(r.section("table-title")), boilerplate_line(r.section("boilerplate-line")),
        breadcrumb(r.section("breadcrumb-separator")), counter_unit(r.section("counter-unit")), addressee(r.section("addressee")),
        predicate_end(r.section("predicate-end")), links_head(r.section("links-head")), chrome_line(r.section("chrome-line")),
        caption_credit(r.section("caption-credit")), note_boilerplate(r.section("note-boilerplate")),
        credit_role(r.section("credit-role")) {}
  text::CueIndex trailer, byline, credit, caption, summary_head, boilerplate, list_bullet, list_number, section_head,
      quote_intro, credit_desk, credit_source, dateline, table_title, boilerplate_line, breadcrumb, counter_unit,
      addressee, predicate_end, links_head, chrome_line, caption_credit, note_boilerplate, credit_role;
};

}  // namespace jatei::seg
