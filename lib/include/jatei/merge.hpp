// The way back: a translator's XLIFF and a fact-checker's verdicts into the TEI.
//
//   jatei::Document doc = jatei::tei::read(tei_xml);
//   jatei::XliffMergeReport r = jatei::merge_xliff(doc, xliff_xml, "lecture.en.xlf");
//   for (auto& id : r.untranslated) std::cerr << id << " untranslated\n";
//   jatei::merge_verdicts(doc, csv_or_jsonl, "verdicts.csv");
//   std::string out = jatei::tei::write(doc);
//
// Both are idempotent: merging the same file again gives the same document, byte for byte.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "jatei/document.hpp"
#include "jatei/error.hpp"

namespace jatei {

struct XliffMergeOptions {
  std::string lang;        // language of the translation; empty = the XLIFF's trgLang/target-language
  std::string translator;  // a name: declared as <respStmt> and pointed at by the division's @resp
};

struct XliffMergeReport {
  std::string version;                   // "2.1", "2.0", "1.2"
  std::string lang;                      // the translation's language
  std::size_t translated = 0;            // sentences that have a translation now
  std::vector<std::string> untranslated; // sentence ids with no (or an unchanged prefilled) target
  std::vector<std::string> repeated;     // untranslated ids given the translation of the same text elsewhere
  std::vector<std::string> locked;       // ids with no target in a unit marked translate="no" (not
                                         // untranslated: nobody was to translate them)
};

// Adds (or replaces, for the same language) <div type="translation" subtype="…" xml:lang="…">
// after the source's divisions, one per source division with a translated sentence, mirroring
// its structure: the same <sp who cert> turns (without the source's <speaker> label, which is source
// text: the TEI writer supplies who speaks, <speaker><supplied>), <list>, <quote>,
// <figure>, <p>, <item>, <head>, <trailer>, <byline>, each with xml:id "ID.en" and @corresp to
// the source's, and one <s xml:id="s1.en" corresp="#s1"> per translated sentence. A segment's target
// counts as translated unless it is missing, empty, or a copy of the source still in its
// initial state. A sentence left untranslated whose text is that of a translated sentence takes
// its translation (a repetition, as CAT tools propagate them; listed in `repeated`).
// translate-toolkit's PO round trip is read too: a 1.x unit with <context-group
// purpose="location"> naming sentence ids (what po2xliff makes of the "#:" references xliff2po
// took from the ids) translates those sentences, over a unit with the same id (po2xliff -t
// appends the PO's units to the template's), and XLIFF 1.1 (po2xliff without a template) is
// read like 1.2. Throws DataError (with the XLIFF's line) for malformed XML, an unknown version,
// a segment without an id, an id that is not a sentence of this document, the same id twice,
// two different translations of one sentence, a source that differs from the sentence (an
// XLIFF of another document), or a sentence the XLIFF leaves out. The document is unchanged
// when it throws.
XliffMergeReport merge_xliff(Document& doc, std::string_view xliff, const std::string& origin = "-",
                             const XliffMergeOptions& options = {});

// merge_xliff on the bytes of both documents, never holding either whole (jatei-merge xliff):
// the TEI is read a block at a time (tei::read_blocks) twice, the XLIFF once, a segment at a time
// (libxml2's text reader); what is kept between the reads is each sentence's id and text (to
// match the segments) and its translation. The report, the errors and the TEI written are
// those of merge_xliff on the document read whole, then tei::write.
//
//   XliffMerge m(tei, "a.tei.xml", options);   // the TEI's errors (tei::read's)
//   XliffMergeReport r;
//   if (!m.read(xliff, r)) { /* merge_xliff on tei::read(tei): its report, or its error */ }
//   else m.write(sink);
class XliffMerge {
 public:
  // The first read of the TEI: the sentences, the ids a translator's respStmt must not take,
  // the translation divisions already there. Throws tei::read's DataError. `tei` must stay
  // alive and unchanged until write().
  XliffMerge(std::string_view tei, const std::string& origin, const XliffMergeOptions& options = {});
  ~XliffMerge();
  XliffMerge(const XliffMerge&) = delete;
  XliffMerge& operator=(const XliffMerge&) = delete;
  // Reads the XLIFF and matches its segments: true with merge_xliff's report, or false when the
  // stream does not decide and merge_xliff on the document read whole must (then it throws its
  // error, with the XLIFF's line, or gives the same merge): any XLIFF merge_xliff refuses, one
  // libxml2 reads with a complaint or the stream does not take (a DOCTYPE, a segment inside a
  // segment), a TEI the block reader reads only whole or with an id on two sentences, an existing
  // translation of this language before a source division.
  bool read(std::string_view xliff, XliffMergeReport& report);
  // After read() gave true: the merged document, as tei::write gives it, to `sink` in pieces,
  // from a second read of the TEI a division at a time.
  void write(const std::function<void(std::string_view)>& sink);

  struct Impl;  // the library's

 private:
  std::unique_ptr<Impl> impl_;
};

// The whole of it on bytes: XliffMerge, or merge_xliff on the document read whole when read()
// says false; the merged TEI to `sink` (nothing when it throws).
XliffMergeReport merge_xliff(std::string_view tei, const std::string& tei_origin, std::string_view xliff,
                             const std::string& xliff_origin, const XliffMergeOptions& options,
                             const std::function<void(std::string_view)>& sink);

struct VerdictMergeOptions {
  std::string reviewer;       // used for rows without a reviewer
  bool skip_unknown = false;  // rows whose id is no sentence of the document are left out
                              // (listed in VerdictMergeReport::left) instead of refusing the file
};

// One row that cannot be merged: its line in the file, the id it names (may be empty), why.
struct VerdictProblem {
  std::size_t line = 0;
  std::string id;
  std::string message;
};

// Every problem of a verdicts file at once (what() sums them up; line() is the first one's).
class VerdictErrors : public DataError {
 public:
  explicit VerdictErrors(std::vector<VerdictProblem> problems);
  const std::vector<VerdictProblem>& problems() const { return problems_; }

 private:
  std::vector<VerdictProblem> problems_;
};

struct VerdictMergeReport {
  std::size_t added = 0;      // new verdicts
  std::size_t updated = 0;    // verdicts of the same reviewer on the same sentence, changed
  std::size_t unchanged = 0;  // already there as they are
  std::size_t skipped = 0;    // rows with no rating yet (e.g. an exported claims CSV not filled)
  std::vector<VerdictProblem> left;  // with skip_unknown: the rows on unknown sentences, left out
};

// Reads a checker's CSV (header row; columns id, rating, note, reviewer, url, optional date;
// "sentence" or "sentence_id" may name the id column; other columns are ignored, so the CSV of
// export_claims can be filled and sent back) or JSON Lines (the same keys), detected from the
// first character. Each verdict becomes <note type="factcheck" subtype="{rating as a word}"
// n="{rating}" target="#sN" resp="#checkerK">note <ref target="url">url</ref></note> in
// <standOff><listAnnotation type="factcheck">; each reviewer is declared once as
// <respStmt xml:id="checkerK"><resp>fact-check</resp><persName>…</persName></respStmt>. One
// verdict per reviewer and sentence: a later file replaces it. Throws DataError (file line) for
// malformed input (CSV or JSON that cannot be read further) or a missing id/rating column. Rows
// that can be read but not merged (no id, an unknown sentence id, a rating without a reviewer,
// a bad date or url) are all checked first and thrown together as VerdictErrors, one
// VerdictProblem each, so that a checker fixes the file in one go; with skip_unknown the rows on
// unknown sentences are left out and listed in the report instead. Nothing is merged unless
// every row that is merged is clean: the document is unchanged when it throws.
VerdictMergeReport merge_verdicts(Document& doc, std::string_view data, const std::string& origin = "-",
                                  const VerdictMergeOptions& options = {});

// merge_verdicts on the bytes of the TEI, never holding the document whole (jatei-merge
// verdicts): a first read a division at a time keeps the source's sentence ids, the ids a
// reviewer's respStmt must not take, the header and the stand-off; merge() checks and puts the
// verdicts there; write() reads the TEI again and writes each division as it was read, with the
// new header and stand-off. The report, the errors and the TEI written are those of
// merge_verdicts on the document read whole, then tei::write (a document the block reader
// takes only whole is read whole here).
//
//   VerdictMerge m(tei, "a.tei.xml");              // the TEI's errors (tei::read's)
//   VerdictMergeReport r = m.merge(csv, "v.csv");  // merge_verdicts' errors
//   m.write(sink);
class VerdictMerge {
 public:
  // `tei` must stay alive and unchanged until write().
  VerdictMerge(std::string_view tei, const std::string& origin);
  ~VerdictMerge();
  VerdictMerge(const VerdictMerge&) = delete;
  VerdictMerge& operator=(const VerdictMerge&) = delete;
  VerdictMergeReport merge(std::string_view data, const std::string& origin = "-", const VerdictMergeOptions& options = {});
  // Once, after merge(): the document, merged or not, as tei::write gives it, to `sink` in pieces.
  void write(const std::function<void(std::string_view)>& sink);

  struct Impl;  // the library's

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace jatei
