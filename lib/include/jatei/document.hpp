// The document model every jatei stage works on.
//
// A Document is the header facts plus the body as divisions -> turns -> blocks -> leaves ->
// sentences. Text is UTF-8; offsets are byte offsets into a sentence's text. Annotators add
// spans and attributes; only tei::read / tei::write touch XML.
//
//   jatei::Document doc = jatei::segment_text(decoded.text, opts);
//   for (auto& s : doc.sentences()) s->attrs.set("ana", "#fact");
//   std::string xml = jatei::tei::write(doc);
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jatei {

// One attribute, with its qualified name as written in TEI ("xml:id", "ana", "type").
struct Attr {
  std::string name;
  std::string value;
  bool operator==(const Attr&) const = default;
};

// Ordered attribute list: order is kept so output is deterministic and round trips are exact.
class Attrs {
 public:
  // Value of an attribute, or nullptr when absent.
  const std::string* get(std::string_view name) const;
  // Value or empty string.
  std::string value(std::string_view name) const;
  // Sets (replacing in place, or appending).
  void set(std::string_view name, std::string_view value);
  // Removes; returns whether it was there.
  bool erase(std::string_view name);
  bool empty() const { return list_.empty(); }
  const std::vector<Attr>& list() const { return list_; }
  bool operator==(const Attrs&) const = default;

 private:
  std::vector<Attr> list_;
};

// An inline element over [begin, end) of a sentence's text (begin == end: an empty element).
// Spans nest properly; tei::write renders them as nested elements.
struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string element;  // qualified TEI name without namespace, e.g. "seg", "date"
  Attrs attrs;
  // A comment or processing instruction of the source, serialized (begin == end, element
  // empty): written back as it was, where it was. Stages leave such spans alone.
  std::string xml{};
  bool operator==(const Span&) const = default;
};

// A sentence: exactly its characters (no surrounding whitespace), plus inline markup.
struct Sentence {
  std::string id;     // xml:id, never renumbered by later stages
  std::string text;   // UTF-8
  Attrs attrs;        // everything but xml:id (ana, corresp, unknown ones)
  std::vector<Span> spans;
  bool operator==(const Sentence&) const = default;
};

// A piece of leaf content: a sentence, the source text between sentences (whitespace), or an
// element the model does not know, kept as serialized XML so hand edits survive.
struct Piece {
  enum class Kind { sentence, text, opaque } kind = Kind::text;
  Sentence sentence;  // kind == sentence
  std::string text;   // kind == text: source characters; kind == opaque: serialized XML
  bool operator==(const Piece&) const = default;
};

// A leaf block: the element that holds sentences (p, item, head, trailer, byline).
struct Leaf {
  std::string element = "p";
  std::string id;
  Attrs attrs;
  // Source text that precedes this leaf and belongs to no block: the line break(s) and
  // whitespace-only lines before it. Written as text before the leaf's (or its turn's) tag.
  std::string lead;
  std::vector<Piece> pieces;
  // Source line (1-based) where the leaf starts; 0 when unknown (read from TEI).
  std::size_t line = 0;
  bool operator==(const Leaf& o) const {
    return element == o.element && id == o.id && attrs == o.attrs && lead == o.lead && pieces == o.pieces;
  }
};

// What a block is, structurally.
enum class BlockKind {
  paragraph,  // <p>
  list,       // <list><item>…</item>…</list>
  quote,      // <quote><p>…</p></quote>
  figure,     // <figure><head>caption</head></figure>
  trailer,    // <trailer>
  byline,     // <byline>
  head,       // <head>
  code,       // <ab type="code">: a line of program code or a command, its text without <s>
  note,       // <note type="correction|addendum">: a notice that corrects or adds to the text
              // (【訂正】…, 追記（3/4）：…), its sentences inside; the type is its leaf's attribute
  opaque      // an element the model does not know; `xml` keeps it
};

// Name of a block kind as used in --explain output and tests ("paragraph", "list", ...).
std::string_view to_string(BlockKind k);

// A block: one leaf, or a container of leaves (list items, quoted paragraphs, a caption).
struct Block {
  BlockKind kind = BlockKind::paragraph;
  std::string id;     // the container's xml:id for list/quote/figure; empty for single leaves
  Attrs attrs;        // the container's other attributes
  std::vector<Leaf> leaves;
  std::string xml;    // kind == opaque: serialized element
  std::string lead;   // kind == opaque: whitespace before it
  bool operator==(const Block&) const = default;
};

// A run of blocks. With `who` set it is a spoken turn (<sp>); otherwise its blocks sit
// directly in the division.
struct Turn {
  std::string id;
  std::string who;      // "#spk1"; empty = nobody speaks these blocks
  std::string cert;     // high | medium | low (inferred attributions)
  std::optional<std::string> speaker;  // the source's label, verbatim (<speaker>)
  Attrs attrs;          // other attributes of <sp>
  std::vector<Block> blocks;
  bool spoken() const { return !who.empty(); }
  bool operator==(const Turn&) const = default;
};

// A division of the body: type is article | dialogue | summary | author | boilerplate | ….
struct Division {
  std::string type = "article";
  std::string id;
  Attrs attrs;  // other attributes (xml:lang …)
  std::vector<Turn> turns;
  // A parallel translation (<div type="translation" xml:lang="en">, written by jatei-merge):
  // not part of the source, so Document::text(), sentences() and leaves() skip it.
  bool is_translation() const { return type == "translation"; }
  bool operator==(const Division&) const = default;
};

// A tool that touched the document (<application>).
struct Application {
  std::string ident;
  std::string version;
  // What it used: <desc> and one <ptr target> per file (jatei-terms: its termbases). When both
  // are empty the writer leaves an existing element's <desc>/<ptr> as they are.
  std::string description;
  std::vector<std::string> pointers;
  bool operator==(const Application&) const = default;
};

// A participant (<person> in particDesc).
struct Person {
  std::string id;
  std::string role;
  std::string name;  // persName
  bool operator==(const Person&) const = default;
};

// A category of a classification declared in the header (<category xml:id><catDesc>).
struct Category {
  std::string id;
  std::string description;
  bool operator==(const Category&) const = default;
};

// A taxonomy in encodingDesc/classDecl (e.g. xml:id="factuality", added by jatei-claims).
struct Taxonomy {
  std::string id;
  std::vector<Category> categories;
  bool operator==(const Taxonomy&) const = default;
};

// A note about the whole document (fileDesc/notesStmt/note[@type]), e.g. a terminology
// inconsistency found by jatei-terms.
struct HeaderNote {
  std::string type;
  std::string text;
  bool operator==(const HeaderNote&) const = default;
};

// Who did what to the document, declared in fileDesc/titleStmt
// (<respStmt xml:id><resp>fact-check</resp><persName>…</persName></respStmt>): a fact-checker
// whose verdicts the stand-off holds, a translator. Pointers (@resp="#checker1") name it by id.
struct Responsibility {
  std::string id;
  std::string resp;                // the text of <resp>
  std::vector<std::string> names;  // the text of each other child (<persName>, <name>, <orgName>…)
  bool operator==(const Responsibility&) const = default;
};

// Header facts. Header elements the model does not know are kept by the TEI reader in
// `raw_header` and merged back by the writer.
struct Header {
  std::string title;
  std::string source_name;  // file name, or "-" for stdin
  std::string sha256;       // of the source bytes
  std::string encoding;     // detected or given
  std::string decoding_note;  // e.g. "3 invalid byte sequences replaced with U+FFFD"
  // What the text does not show of the source's bytes, for rebuilding them (jatei-text
  // --source): a byte order mark, and line ends that were not LF ("CRLF", "CR", "mixed").
  bool bom = false;
  std::string line_ends;
  std::vector<Application> applications;
  std::vector<Person> persons;
  std::vector<Taxonomy> taxonomies;  // written into classDecl, replacing same-id taxonomies
  std::vector<HeaderNote> notes;     // written into notesStmt; a stage replaces its own type
  // The respStmts of titleStmt that have an xml:id, in order. One whose id the stored header
  // does not have yet is written after its title and respStmts; the others stay as they were.
  std::vector<Responsibility> responsibilities;
  std::string raw_header;   // serialized <teiHeader> as read (empty for new documents)
  bool operator==(const Header&) const = default;
};

// A fact-checker's verdict on one or more sentences: a <note type="factcheck"> of the stand-off.
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

// The <standOff> after <text>. The fact-check verdicts are typed (jatei-merge puts them in
// with tei::put, jatei/standoff.hpp; the exports read them); the element as read is kept for
// the TEI layer, which writes it back unchanged when the verdicts are those it held, and
// otherwise writes the verdicts into it, everything else in it kept as it was.
struct StandOff {
  std::vector<FactCheck> fact_checks;  // in document order
  std::string raw;                     // the <standOff> element as read; empty when there was none
  bool operator==(const StandOff&) const = default;
};

class Document {
 public:
  Header header;
  std::vector<Division> divisions;
  // Source text after the last block (usually the final line break).
  std::string tail;
  // Attributes of <TEI> other than the namespace (xml:lang …).
  Attrs root_attrs;
  // The <standOff> element after <text> (fact-check verdicts from jatei-merge, typed).
  StandOff standoff;
  // What the tools do not read but keep (a person's hand edits), serialized as read and written
  // back in place: the attributes of <text> and <body> (@rend …); what <text> holds before
  // <body> (<front>) and after it (<back>); the other children of <TEI> (elements, comments,
  // processing instructions) before <text>, and after it (written after <standOff>).
  Attrs text_attrs, body_attrs;
  std::string front, back;
  std::string before_text, after_text;

  // Adds or updates an <application> entry.
  void add_application(std::string_view ident, std::string_view version);

  // Every sentence of the source in document order (translation divisions are skipped).
  std::vector<Sentence*> sentences();
  std::vector<const Sentence*> sentences() const;
  // Every leaf in document order.
  std::vector<Leaf*> leaves();
  std::vector<const Leaf*> leaves() const;

  // The source text back: every character in order (what jatei-text prints).
  std::string text() const;

  bool operator==(const Document&) const = default;
};

// The source text of one turn, as Document::text() gives it, appended to `out`.
void append_text(std::string& out, const Turn& t);

// Text of a leaf: its sentences and the text between them.
std::string leaf_text(const Leaf& leaf);

}  // namespace jatei
