// Termbases in TBX (ISO 30042): read TBX 2019 (TBX-Basic and other dialects, DCA or DCT style)
// and the older TBX 2008 (<martif>, tig/ntig); write TBX 2019 TBX-Basic in DCA style, valid
// against the core structure (TBXcoreStructV03.rng) and the TBX-Basic Schematron.
//
//   jatei::tbx::Termbase tb = jatei::tbx::read_file("corpora/termbase/ja-en-ai.tbx");
//   for (auto& c : tb.concepts)
//     if (auto* ja = c.lang("ja")) std::cout << ja->terms.front().text << "\n";
//   std::string xml = jatei::tbx::write(tb);   // deterministic
//
// Reading checks what a terminologist can get wrong by hand and reports it as a DataError with
// line and column: malformed XML, a root that is not <tbx>/<martif>, an entry without id or
// with a duplicate id, a language section without xml:lang, a termSec without (or with two)
// <term>, an empty term, and in TBX-Basic a part of speech, term type or status outside the
// dialect's picklists or a data category at a level the dialect forbids.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace jatei::tbx {

inline constexpr const char* kNamespace = "urn:iso:std:iso:30042:ed-2";

// One term of a language section (<termSec>, or <tig>/<ntig> in TBX 2008).
struct Term {
  std::string text;
  std::string part_of_speech;  // noun | verb | adjective | adverb | other ("" = not given)
  std::string term_type;       // fullForm | acronym | abbreviation | shortForm | variant | phrase
  std::string status;          // preferredTerm-admn-sts | admittedTerm-admn-sts | deprecatedTerm-admn-sts | ...
  std::string context;         // <descrip type="context">: a sentence that uses the term
  std::string source;          // <admin type="source">
  std::vector<std::string> notes;
  std::size_t line = 0;        // where it was read (0 for entries made in memory)
  bool operator==(const Term&) const = default;
};

// The terms of one language (<langSec xml:lang>).
struct LangSection {
  std::string lang;            // BCP 47 ("ja", "en")
  std::string definition;
  std::vector<Term> terms;
  bool operator==(const LangSection&) const = default;
};

// One concept (<conceptEntry id>; <termEntry> in TBX 2008).
struct Concept {
  std::string id;
  std::string subject_field;
  std::string definition;
  std::vector<std::string> notes;
  std::string source;          // <admin type="source"> at concept level
  std::vector<LangSection> langs;
  std::size_t line = 0;
  // The section for a language (primary subtag compared: "en" finds "en-US"), or nullptr.
  const LangSection* lang(std::string_view code) const;
  LangSection* lang(std::string_view code);
  // The section for a language, added when missing.
  LangSection& lang_add(std::string_view code);
  bool operator==(const Concept&) const = default;
};

struct Termbase {
  std::string origin;          // file name it was read from (not written)
  std::string title;           // titleStmt/title
  std::string description;     // sourceDesc/p
  std::string lang = "en";     // xml:lang of <tbx>: the language of the notes and definitions
  std::string dialect = "TBX-Basic";  // @type as read
  int version = 2019;          // 2019 (<tbx>) or 2008 (<martif>) as read
  std::vector<Concept> concepts;
  bool operator==(const Termbase&) const = default;
};

// Parses a TBX document; `origin` names it in errors. Throws DataError (line, column).
Termbase read(std::string_view xml, const std::string& origin = "-");
// Reads a file. Throws IoError (66) when it cannot be opened, DataError for bad content (the
// message starts with nothing: the caller adds the file name).
Termbase read_file(const std::string& path);

// Serialises as TBX 2019, TBX-Basic, DCA style, two-space indentation. Deterministic. With no
// concept the <text> has no <body> (TBX wants a conceptEntry in a body); read() takes it back.
std::string write(const Termbase& tb);

// Whether a value is in the TBX-Basic picklist of a termNote type ("partOfSpeech",
// "termType", "administrativeStatus").
bool basic_picklist_allows(std::string_view type, std::string_view value);

}  // namespace jatei::tbx
