// Internal to the exporters and mergers: one reading of a Document that every output format
// shares (who speaks a sentence, its factuality and cues, its checkable details, the glossary,
// verdicts and translations), and small writers for XML and JSON text (escaped by the one XML
// escaper, tei/escape.hpp).
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "jatei/document.hpp"
#include "jatei/export.hpp"
#include "tei/xml_input.hpp"

namespace jatei::xp {

// ---- text helpers -------------------------------------------------------------------------

// Splits on ASCII whitespace.
std::vector<std::string> tokens(std::string_view s);
// "#s3" -> "s3"; other pointers unchanged.
std::string local_id(std::string_view pointer);
// Collapses runs of XML whitespace to one space and trims (for comparing texts).
using xml_input::squash_space;
// JSON string literal (with quotes); non-ASCII is written as UTF-8, controls as \u00XX.
std::string json_string(std::string_view s);

// A small pretty-printing XML writer. Elements opened with `inline_content` keep their content
// on one line (mixed content), everything else is indented by two spaces per level.
class XmlOut {
 public:
  using AttrList = std::vector<std::pair<std::string, std::string>>;
  XmlOut();
  void open(std::string_view name, const AttrList& attrs = {}, bool inline_content = false);
  void close();
  // <name attrs>text</name> on its own line.
  void leaf(std::string_view name, std::string_view text, const AttrList& attrs = {});
  void empty(std::string_view name, const AttrList& attrs = {});
  void text(std::string_view s);  // inside an inline element
  void raw(std::string_view s);   // inside an inline element, already escaped
  void comment(std::string_view s);
  std::string finish();
  // What is written so far, taken out (the open elements stay open): for a writer that hands its
  // output on in pieces. Only where no open element may still become an empty-element tag (each
  // has some content already).
  std::string take() {
    std::string r;
    r.swap(out_);
    return r;
  }
  std::size_t size() const { return out_.size(); }

 private:
  struct Open {
    std::string name;
    bool is_inline;
    bool has_content;
  };
  void indent();
  void mark();
  void start_tag(std::string_view name, const AttrList& attrs, bool self_close);
  std::string out_;
  std::vector<Open> stack_;
  int inline_depth_ = 0;
};

// ---- the reading of a document --------------------------------------------------------------

// An inline element of a sentence with the characters it covers.
struct Mention {
  const Span* span = nullptr;
  std::string text;
  const std::string& element() const { return span->element; }
  std::string attr(std::string_view name) const { return span->attrs.value(name); }
};

struct SentenceInfo {
  const Sentence* s = nullptr;
  const Leaf* leaf = nullptr;
  const Block* block = nullptr;
  const Turn* turn = nullptr;
  const Division* div = nullptr;
  std::size_t index = 0;               // position in document order
  bool first_in_turn = false;          // first sentence of a spoken turn
  std::string factuality;              // fact | speculation | … ("" when jatei-claims has not run)
  bool checkworthy = false;
  std::vector<std::string> speakers;   // person ids (who without '#')
  std::vector<Mention> mentions;       // in document order (outer before inner)
  std::vector<std::string> covers;     // what this hedge covers (@corresp ids)
  std::vector<std::string> hedged_by;  // sentences whose @corresp covers this one
  std::vector<const Mention*> of(std::initializer_list<std::string_view> elements) const;
  // Cues (<seg type="cue">), outermost only.
  std::vector<const Mention*> cues() const;
};

// One entry of the document's glossary: a termbase tb_concept, or a term without one.
struct GlossaryEntry {
  std::string key;                       // ref, or "text:" + surface form
  std::string ref;                       // the termbase pointer ("termbase.tbx#c12"), may be empty
  std::string concept_id;                // the part after '#', or a generated one
  std::vector<std::string> forms;        // surface forms in the text, first seen first
  std::vector<std::string> english;      // in-text glosses in the target language
  std::vector<std::string> synonyms;     // in-text glosses of the source language (type="synonym")
  std::vector<std::string> term_ids;     // <term xml:id> of every occurrence
  std::vector<std::string> sentence_ids; // sentences it occurs in, in order, once each
  const tbx::Concept* tb_concept = nullptr;  // the termbase entry, when one is found
  // The other senses, when the ref names several concepts (推論: reasoning or inference) and the
  // text did not settle which: the entry is ambiguous, and its exports say so.
  std::vector<const tbx::Concept*> other_senses;
  bool ambiguous() const { return tb_concept && !other_senses.empty(); }
  std::string termbase_name;              // its termbase's file name
  std::string target_lang = "en";
  // The full name of an acronym among `english` (欧州連合(EU): EU, European Union): another
  // gloss of the term it spells, else the name the text writes beside it, else the acronym list.
  struct Expansion {
    std::string acronym, name;
    std::string source;  // "gloss in the text", "the text (s12)", "acronym list acronyms.tsv"
  };
  std::vector<Expansion> expansions;
  const Expansion* expansion_of(std::string_view acronym) const;   // an acronym's, or nullptr
  const Expansion* expansion_named(std::string_view name) const;   // the one with this name, or nullptr
  // English from the text first, then the acronyms' full names, then the termbase; no duplicates.
  std::vector<std::string> translations() const;
  // Where a translation comes from: "gloss in the text", an expansion's source, the termbase.
  std::string source_of(const std::string& translation) const;
  // From the termbase: the tb_concept's definition (else the target or source language's), its
  // first note, the part of speech of its first target-language term. An ambiguous entry's
  // definition names its senses, each with its definition, and says the text does not settle
  // which one it is.
  std::string definition() const;
  std::string note() const;
  std::string part_of_speech() const;
};

struct Verdict {
  std::vector<std::string> targets;  // sentence ids
  std::string resp;                  // respStmt id
  std::string reviewer;              // its name
  std::string rating;                // @n, else @subtype
  std::string subtype;
  std::string text;                  // the note's text without the link
  std::string url;
  std::string date;
};

// A verdict of the stand-off as the exports give it: its reviewer named from `resp_names`
// (respStmt/@xml:id -> name; the id itself when it has none), its rating from @n, else @subtype.
Verdict verdict_of(FactCheck fc, const std::map<std::string, std::string>& resp_names);

struct SourceInfo {
  std::string title, file, sha256, url, date, author, publisher, lang;
};

// One sentence's reading, from the block, turn and division it is in: everything but
// `hedged_by`, which needs the whole document (read_body fills it).
SentenceInfo sentence_info(const Sentence& s, const Leaf& leaf, const Block& block, const Turn& turn,
                           const Division& div, std::size_t index, bool first_in_turn);

// The header's facts about the source (title, file, digest, URL, date, author, publisher,
// language); `date` from the header only (View adds the dateline's).
SourceInfo source_info(const Document& doc);

// The article's date a sentence gives when the header gives none (its @when, or ""): the first
// date with a normalised value in a byline block (the segmenter puts a dateline beside the
// byline or under the title there), or a full date in brackets that ends a heading (a press
// release's title: 知事定例記者会見（令和8年11月27日）).
std::string dateline_date(const SentenceInfo& si);

// "European Union" where the text writes the acronym's name beside it ("European Union (EU)",
// "EU (European Union)"), else "".
std::string name_beside(std::string_view text, std::string_view acronym);

// The glossary of a document gathered a sentence at a time, in document order (the View's, and
// the XLIFF export's survey read): add() each sentence, finish() after the last, then the
// acronyms' full names with expand().
class GlossaryBuilder {
 public:
  explicit GlossaryBuilder(const ExportOptions& options) : options_(options) {}
  void add(const SentenceInfo& si);  // its terms and glosses
  // Glosses given to their terms (a gloss may come before its term), termbase entries found,
  // concept ids made unique NCNames.
  void finish(const std::string& source_lang);
  // The acronyms among the glosses whose full name no other gloss of their term spells: the ones
  // expand() asks `beside` about.
  std::set<std::string> acronyms_to_find() const;
  // Each acronym gloss's full name: another gloss, else `beside(acronym)` (the name the text
  // writes beside it in the first sentence that does, and that sentence's id; empty name if
  // none), else the acronym list.
  using Beside = std::function<std::pair<std::string, std::string>(const std::string& acronym)>;
  void expand(const Beside& beside);
  std::vector<GlossaryEntry> glossary;
  std::map<std::string, std::size_t> term_entry;  // <term xml:id> -> index in glossary
  std::map<std::string, std::size_t> by_key;      // GlossaryEntry::key -> index in glossary

 private:
  struct Gloss {
    std::string targets, text;
    bool target_lang;
  };
  const ExportOptions& options_;
  std::vector<Gloss> glosses_;
};

// Who speaks a sentence, from the document's persons: "先生" / "spk1" (an id where the person has
// no name), several joined with "・", "" when nobody speaks; and their roles, joined with spaces.
std::string speaker_name(const std::vector<Person>& persons, const SentenceInfo& si);
std::string speaker_role(const std::vector<Person>& persons, const SentenceInfo& si);

// The source a reported sentence names (jatei-claims' @source): a participant, or the
// <persName>/<orgName> it points at (in the sentence or one near it: `at(k)` is the sentence of
// index k, nullptr past the end). Empty when none.
struct ClaimSource {
  std::string id;    // the pointer's target, without '#'
  std::string name;  // as written (or the participant's name)
  std::string kind;  // person (a participant) | persName | orgName
};
ClaimSource claim_source(const std::vector<Person>& persons, const SentenceInfo& si,
                         const std::function<const SentenceInfo*(std::size_t)>& at);

class View {
 public:
  View(const Document& doc, const ExportOptions& options);

  const Document& doc;
  const ExportOptions& options;
  SourceInfo source;
  std::vector<Person> persons;
  std::map<std::string, std::string> resp_names;  // respStmt/@xml:id -> name
  std::vector<SentenceInfo> sentences;
  std::map<std::string, std::size_t> sentence_index;  // id -> index in sentences
  std::vector<GlossaryEntry> glossary;
  std::map<std::string, std::size_t> term_entry;      // <term xml:id> -> index in glossary
  std::vector<Verdict> verdicts;
  // translation language -> source sentence id -> translated text
  std::map<std::string, std::map<std::string, std::string>> translations;
  bool has_speakers = false;
  bool has_claims = false;

  const Person* person(std::string_view id) const;
  // "先生" / "spk1"; several speakers joined with "・"; "" when nobody speaks.
  std::string speaker_name(const SentenceInfo& si) const;
  std::string speaker_role(const SentenceInfo& si) const;
  const SentenceInfo* find(std::string_view id) const;
  // xp::claim_source over the document's sentences.
  using ClaimSource = xp::ClaimSource;
  ClaimSource claim_source(const SentenceInfo& si) const;
  // The glossary entry of a <term> span, or nullptr.
  const GlossaryEntry* entry_of(const Span& term_span, std::string_view surface) const;

 private:
  void read_header();
  void read_body();
  void read_terms();
  void expand_acronyms();
  void read_standoff();
  void read_translations();
};

// The factuality categories, in the order of the taxonomy.
inline constexpr std::string_view kFactuality[] = {"fact", "speculation", "reported", "question", "opinion", "other"};
bool is_factuality(std::string_view token);

// What the translation of a sentence of this factuality must keep, in English, or "".
std::string keep_advice(std::string_view factuality, bool spoken = false);

// "Mostly true" -> "mostly-true" (a TEI data.word); empty input gives "".
std::string slug(std::string_view s);

// Today's date (UTC) as YYYY-MM-DD, or the one SOURCE_DATE_EPOCH gives.
std::string today();

}  // namespace jatei::xp
