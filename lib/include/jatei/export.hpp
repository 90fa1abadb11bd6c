// Hand-offs: what each user group's own tools read, written from the TEI hub.
//
//   translators    XLIFF 2.1 (or 1.2 for OmegaT / translate-toolkit) and TBX (2019 or 2008);
//                  the finished translation as a TMX translation memory
//   fact-checkers  claims as JSON Lines, CSV or schema.org ClaimReview skeletons
//   editors        a self-contained HTML review page
//
//   jatei::Document doc = jatei::tei::read(xml);
//   jatei::ExportOptions o;
//   o.xliff_version = jatei::XliffVersion::v12;
//   std::string xlf = jatei::export_xliff(doc, o);
//   for (auto& e : jatei::exporters()) files[e.name] = e.write(doc, o);   // what --export runs
//
// Every exporter is deterministic (the same document and options give the same bytes) and
// reads only the model: what the stages wrote (speakers, factuality, cues, dates, numbers,
// names, terms, glosses) and what jatei-merge brought back (translations, verdicts).
// The way back into the TEI is in merge.hpp.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "jatei/document.hpp"
#include "jatei/tbx.hpp"

namespace jatei {

// ------------------------------------------------------------------------------------------
// Acronyms
// ------------------------------------------------------------------------------------------

// The full English names of acronyms, for the glossary a translator gets: an article that
// glosses a term with an acronym only (欧州連合(EU), EU（欧州連合）) gives the acronym, and the
// translator needs the name. lib/data/terms/acronyms.tsv (compiled in; $JATEI_DATA_DIR/
// terms/acronyms.tsv replaces it), then the files of jatei-export --acronyms: ACRONYM<TAB>name
// a line, '#' comment lines; a later file's name wins, an empty name takes an acronym out.
class AcronymNames {
 public:
  struct Name {
    std::string name;
    std::string origin;  // the file it came from ("terms/acronyms.tsv" for the compiled-in list)
  };
  static const AcronymNames& builtin();
  // Adds the lines of a list; DataError (line, column; the caller names the file) for a line that
  // is not ACRONYM<TAB>name.
  void merge(std::string_view text, const std::string& origin);
  void merge_file(const std::string& path);  // IoError when it cannot be read, DataError as merge()
  const Name* find(std::string_view acronym) const;
  std::size_t size() const { return names_.size(); }
  // The acronym as looked up: full-width letters and digits as ASCII (ＥＵ is EU), case kept.
  static std::string key(std::string_view acronym);
  // Two capitals or more and fewer lower-case letters (EU, IoT, SDGs, mRNA, M&A, COVID-19).
  static bool is_acronym(std::string_view text);

 private:
  std::map<std::string, Name, std::less<>> names_;
};

// ------------------------------------------------------------------------------------------
// Options
// ------------------------------------------------------------------------------------------

enum class XliffVersion { v21, v12 };
enum class TbxVersion { v2019, v2008 };
enum class ClaimsFormat { jsonl, csv, claimreview };

struct ExportOptions {
  std::string target_lang = "en";   // trgLang / target-language / the gloss language
  // xliff
  XliffVersion xliff_version = XliffVersion::v21;
  bool prefill_target = false;      // copy each source into <target> (OmegaT translates <target>)
  bool lock_boilerplate = false;    // the page's furniture translate="no": CAT tools show it locked,
                                    // and leave it out of the word count
  // tbx
  TbxVersion tbx_version = TbxVersion::v2019;
  // claims
  ClaimsFormat claims_format = ClaimsFormat::jsonl;
  bool all_sentences = false;       // every sentence, not only the ones to check
  std::string date;                 // ClaimReview datePublished of a verdict without a date
                                    // (YYYY-MM-DD); empty = today (UTC, or SOURCE_DATE_EPOCH)
  std::string publisher;            // ClaimReview author: the fact-checking organisation
  std::string publisher_url;        //   and its site
  std::string source_url;           // the article's URL (the Claim's appearance); empty = the
                                    // header's <sourceDesc><bibl><ref target>
  // The verdicts' rating scale, worst first: each entry a name ("False") or value=name
  // ("0=False"); plain names count from 1. A verdict rated with a name or a value of the scale
  // gets ratingValue, worstRating and bestRating beside alternateName. Empty = text ratings.
  std::vector<std::string> rating_scale;
  // every exporter: the termbases <term ref="ja-en-ai.tbx#c12"> points into (matched by file
  // name and concept id; by id alone when there is one termbase), for the English, definition
  // and notes of termbase terms; the tools load terms::default_termbase_path() unless told.
  std::vector<std::shared_ptr<const tbx::Termbase>> termbases;
  // every exporter: the full names of acronyms the text glosses a term with and does not spell
  // out itself (null: AcronymNames::builtin(); jatei-export --acronyms adds files to it).
  std::shared_ptr<const AcronymNames> acronyms;
};

// ------------------------------------------------------------------------------------------
// Exporters
// ------------------------------------------------------------------------------------------

// XLIFF: one <unit> per block (its TEI id), one <segment> per sentence (its TEI id); notes
// with the speaker and, for a speculative or reported sentence, what the translation must keep;
// the unit's terms in the glossary module (2.1) or in notes (1.2, one <trans-unit> per sentence
// grouped by block). Always passes check_xliff().
std::string export_xliff(const Document& doc, const ExportOptions& options = {});
// The same bytes from the TEI text `tei` (`origin` names it in messages), handed to `sink` a
// batch of units at a time, so that neither the document nor the output is ever held whole:
// the TEI is read a block at a time (tei::read_blocks) once to gather what the units need of
// the whole document (the header's facts, the glossary, which sentences each hedge covers),
// once more for the acronyms' names when a gloss gives only an acronym, and once to write the
// units. The input's errors (DataError, as tei::read gives them) come before anything reaches
// the sink; each batch passes check_xliff() before it does.
void write_xliff(std::string_view tei, const std::string& origin, const ExportOptions& options,
                 const std::function<void(std::string_view)>& sink);

// TBX: the document's glossary, one concept per termbase entry (or per term without one),
// with its forms in the text, its English (in-text glosses, then the termbase) and the first
// sentence it appears in. 2019: TBX-Basic DCA, written by tbx::write (jatei-terms' writer);
// 2008: <martif> with tig, what OmegaT and translate-toolkit read. An empty glossary is a 2019
// file whose <text> has no <body>; TBX 2008 has no form for it, so that throws DataError.
std::string export_tbx(const Document& doc, const ExportOptions& options = {});
// The same bytes from a TEI document's bytes, never holding the document: the glossary gathered
// by a first read a block at a time (as write_xliff's), the sentences that give the concepts their
// context by a second one. The input's errors are tei::read's, before the TBX's own.
std::string write_tbx(std::string_view tei, const std::string& origin, const ExportOptions& options = {});

// Claims to check: check-worthy sentences first, then the other stated, reported and
// speculative ones (every sentence with all_sentences). JSON Lines, CSV (UTF-8 with BOM, every
// field quoted, CRLF; its rating/note/reviewer/url columns are what jatei-merge verdicts reads
// back), or a JSON-LD array of schema.org ClaimReview, one per verdict jatei-merge brought
// back (claims without a verdict are left out: they stay in JSON Lines and CSV), following
// Google's fact-check markup: url (the verdict's link), datePublished (the verdict's date, else
// options.date), author (options.publisher as an Organization, else the reviewer), claimReviewed,
// itemReviewed (a Claim with its author: the source of a reported claim or the speaker; its date:
// the article's; its appearance: the article's URL), reviewRating (alternateName; ratingValue,
// bestRating and worstRating on a numeric scale). Throws DataError for a bad rating_scale, and
// for a document with sentences that jatei-claims has not annotated (no sentence has a class and
// its header lists no jatei-claims application): every sentence would come out unclassified. A verdict whose rating is not on a given scale
// keeps its text rating alone.
std::string export_claims(const Document& doc, const ExportOptions& options = {});
// The same bytes from a TEI document's bytes, never holding the document: what the records need
// of the whole (the header's facts, the dateline, the hedges, the verdicts) from a first read a
// block at a time, then the records a few sentences at a time (each with the eight before it and
// the seven after it at hand), the checkworthy ones in a read of their own. The input's errors
// are tei::read's, and every error comes before anything reaches the sink.
void write_claims(std::string_view tei, const std::string& origin, const ExportOptions& options,
                  const std::function<void(std::string_view)>& sink);

// Throws DataError if `rating_scale` (ExportOptions::rating_scale) is not a valid scale: for a
// tool to check its option before reading any input.
void check_rating_scale(const std::vector<std::string>& rating_scale);

// `s` as a JSON string literal (quotes included; controls, U+2028 and U+2029 escaped): the one
// JSON string writer, for the exporters and the tools' manifests.
std::string json_string(std::string_view s);

// TMX 1.4b from a document with a merged translation (jatei-merge xliff) into
// options.target_lang: one <tu tuid="s5"> per source sentence with a translation, the sentence
// id, its speaker (name and role) and its block as <prop type="x-…">, the source and the
// translation as plain <seg>s; a translation memory for the next job (OmegaT's tm/ folder,
// translate-toolkit). Throws DataError when the document has no translation into that language.
std::string export_tmx(const Document& doc, const ExportOptions& options = {});

// A self-contained review page (no network, no external files): turns, highlights, terms with
// their English on hover, the check-worthy claims beside the text, verdicts, translations.
std::string export_html(const Document& doc, const ExportOptions& options = {});
// The same page from the TEI's bytes read a few turns at a time (tei::read_blocks), never the
// whole document: a first read for the header's facts, counts, glossary, translations and
// verdicts, then the text and the sidebar, handed to `sink` in pieces of about 64 KB. Every
// error of the input comes before anything is handed over. `origin` names the input in errors.
void write_html(std::string_view tei, const std::string& origin, const ExportOptions& options,
                const std::function<void(std::string_view)>& sink);

// What jatei-annotate --export and jatei-export choose from.
struct Exporter {
  std::string name;         // "xliff", "tbx", "claims", "html"
  std::string description;
  std::function<std::string(const ExportOptions&)> extension;  // ".xlf", ".claims.jsonl", …
  std::function<std::string(const Document&, const ExportOptions&)> write;
};
const std::vector<Exporter>& exporters();
// The exporter called `name`, or nullptr.
const Exporter* find_exporter(std::string_view name);

// ------------------------------------------------------------------------------------------
// Checks of the output
// ------------------------------------------------------------------------------------------

struct XliffProblem {
  std::size_t line = 0;  // 1-based, 0 = unknown
  std::string rule;      // the rule of the specification, e.g. "K6S", "F12S", "gls2"
  std::string message;
};

// The XLIFF 2.x (core 2.0/2.1 and glossary module) and 1.2 constraints an XSD cannot express,
// for the features this writer uses: ids unique in their scope (files, groups, units, notes,
// segments, ignorables and inline elements of a unit, target ids matching source ones), trgLang
// present when there are targets, source/target xml:lang matching srcLang/trgLang, language
// tags well formed, a unit has a segment, subState only with state, subType only with type, a
// comment annotation has exactly one of value and ref and its ref finds a note of the unit,
// glossary entries complete, unique and pointing into a segment of their unit. Returns the
// problems found (empty = none). Malformed XML is one problem.
std::vector<XliffProblem> check_xliff(std::string_view xml);

// Validates against an XML Schema (libxml2, no network; an XML catalog in XML_CATALOG_FILES is
// honoured). Returns "line: message" strings (empty = valid). Throws IoError if the schema
// cannot be read, DataError if it cannot be compiled.
std::vector<std::string> validate_xsd(std::string_view xml, const std::string& xsd_path);

}  // namespace jatei
