// Fact-check verdicts, typed: what a document's <standOff> says of its sentences (the
// <note type="factcheck"> elements jatei-merge writes), read and written by the TEI layer, so
// that the mergers and exporters never edit XML themselves.
//
//   for (const jatei::tei::FactCheck& v : jatei::tei::fact_checks(doc.standoff)) …
//
//   jatei::tei::StandOff so(doc.standoff);
//   so.put({{"s5"}, "checker1", "Mostly true", "mostly-true", "", "2026-01-05", ""});
//   doc.standoff = so.xml();
#pragma once

#include <memory>
#include <string>
#include <vector>

namespace jatei::tei {

// A fact-checker's verdict on one or more sentences.
struct FactCheck {
  std::vector<std::string> targets;  // the sentences' ids (@target, without '#')
  std::string resp;                  // the id of the respStmt that names the reviewer (@resp, without '#')
  std::string rating;                // @n: the verdict as the reviewer wrote it
  std::string subtype;               // @subtype: the verdict as a name (mostly-true)
  std::string text;                  // the note's own text: not the date of the check, not the link
  std::string date;                  // <date when>: when it was checked (YYYY, YYYY-MM, YYYY-MM-DD)
  std::string url;                   // <ref target>: where the check is published
  bool operator==(const FactCheck&) const = default;
};

// The verdicts a stand-off holds (Document::standoff, as read), in document order; none when
// it is empty or not well-formed. `text` is the note's text as it stands (white space kept).
std::vector<FactCheck> fact_checks(const std::string& standoff);

// A stand-off opened to put verdicts in: everything else it holds stays as it was.
class StandOff {
 public:
  // `standoff`: Document::standoff (empty: a new one). Throws std::logic_error when a stored
  // stand-off is not well-formed (the reader made it: a bug).
  explicit StandOff(const std::string& standoff);
  ~StandOff();
  StandOff(const StandOff&) = delete;
  StandOff& operator=(const StandOff&) = delete;

  enum class Put { added, updated, unchanged };
  // Adds `v` to the fact-check list, or replaces the verdict with the same targets and reviewer
  // (unchanged: it said the same already). Text from outside goes through xml::writable.
  Put put(const FactCheck& v);

  // The <standOff> element, for Document::standoff.
  std::string xml() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace jatei::tei
