// The TEI reader and writer: the only code that touches XML.
//
//   jatei::Document doc = jatei::tei::read(xml_text, "in.tei.xml");   // DataError on bad input
//   std::string out = jatei::tei::write(doc);
//
// The body is written without indentation: the text between block elements is the source's
// own line breaks, so jatei-text can give the source back exactly. Elements and attributes
// the model does not know are kept (as spans, attributes or opaque XML) and written back.
#pragma once

#include <cstddef>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <utility>

#include "jatei/document.hpp"

namespace jatei::tei {

inline constexpr const char* kNamespace = "http://www.tei-c.org/ns/1.0";

// Parses a TEI document of the jatei profile. Throws DataError (with line and column) for
// malformed XML, DTDs with entity declarations, a root that is not TEI, or a body that does
// not follow the profile.
Document read(std::string_view xml, const std::string& origin = "-");
// The same, parsing `xml` in its own memory instead of a copy, and giving the parse's memory
// back as the document is built: for a caller that has no further use for the text (a tool
// that read a file). `xml` is left unspecified.
Document read_in_place(std::string&& xml, const std::string& origin = "-");

// A TEI document read a piece at a time (read_blocks): what a tool that needs one block or one
// turn of context at a time is handed, in document order, never the whole body at once.
class BlockHandler {
 public:
  virtual ~BlockHandler() = default;
  // Everything before the first division: the root's attributes, the header, what precedes
  // <text>, the attributes of <text> and <body>, <front>; `doc.divisions` is empty.
  virtual void begin(Document& doc) = 0;
  // A division opens (its turns empty); its blocks and turns follow.
  virtual void division(Division&& d) = 0;
  // A block outside any <sp>, in the division last opened; `run` is how many blocks (this one
  // included) come before the next <sp> or the division's end (room to reserve).
  virtual void block(Block&& b, std::size_t run) = 0;
  // A spoken turn (<sp>), whole.
  virtual void turn(Turn&& t) = 0;
  // After the last division, with the same `doc`: tail, <back>, what follows <text>, standOff.
  virtual void end(Document& doc) = 0;
  // The reader starts again from the beginning (a document laid out in a way the stream does not
  // take, read whole instead): forget what was handed over so far.
  virtual void restart() = 0;
};

// Reads a TEI document as read() does, handing it to `h` a block or a turn at a time: the whole
// document is never parsed into one tree, nor held as one model. Errors are read()'s own (the
// same messages, lines and columns), thrown before end(); a handler that writes must therefore
// keep its output from being seen until end() (a temporary file renamed, or memory).
void read_blocks(std::string_view xml, const std::string& origin, BlockHandler& h);

// Whether read_blocks() takes `xml` as a stream to the end, never starting again (false: a layout
// the stream does not take, or an error, which read() then reads whole or reports). A tool that
// writes as it reads asks this first, so that nothing it writes has to be taken back (standard
// output cannot be); when false, it reads the document whole.
bool streams(std::string_view xml, const std::string& origin = "-");

// Document::text() of the document in `xml`, read with read_blocks (jatei-text); its header
// in *header when given.
std::string text_of(std::string_view xml, const std::string& origin = "-", Header* header = nullptr);

// Serialises a document. Deterministic: the same document gives the same bytes.
std::string write(const Document& doc);
// The same bytes handed to `sink` in pieces of about `chunk` bytes (one block may make a piece
// longer), so that the whole serialisation is never held at once.
void write(const Document& doc, const std::function<void(std::string_view)>& sink,
           std::size_t chunk = std::size_t(1) << 20);

// The xml:id scheme of the blocks, leaves and sentences jatei-segment makes: a prefix and a
// counter per element (p1 p2 …, i1 …, h1 …, tr1 …, by1 …, l1 …, q1 …, fig1 …, s1 s2 …). The one
// id scheme of the project: the stream writer numbers through it as it writes, assign() numbers
// a Block made in memory, count() advances it as writing a block would (for a document written
// in parts, each part starting from the counters at its cut).
struct IdCounters {
  std::size_t s = 0, p = 0, item = 0, head = 0, trailer = 0, byline = 0, list = 0, quote = 0, figure = 0, code = 0,
              note = 0;
  // Gives the container (list, quote, figure), its leaves and their sentences the next ids.
  void assign(Block& b);
  // Advances the counters past a block of `kind` with `leaves` leaves and `sentences` sentences.
  void count(BlockKind kind, std::size_t leaves, std::size_t sentences);
  bool operator==(const IdCounters&) const = default;
};

// The element of a block kind's leaves: p (paragraph, quote), item (list), head (figure, head),
// trailer, byline, ab (code: written <ab type="code">, text only), note (a correction or an
// addendum: <note type="…">).
const char* leaf_element(BlockKind kind);

// A sentence's byte range within its leaf's text.
using TextRange = std::pair<std::size_t, std::size_t>;

// Writes a document in pieces, for a producer that never holds all of it (jatei-segment on a
// large file): begin() with the root attributes and header, then each division's blocks, then
// end(). The bytes are those write() gives for the same document. Output goes to the sink in
// chunks of about `chunk` bytes.
//
//   tei::StreamWriter w([&](std::string_view chunk) { out += chunk; });
//   w.begin(head);                        // root attributes and header
//   w.open_div(division, lead);           // the whitespace before its first block
//   w.open_block(BlockKind::list, lead);  // numbered from w.ids(): <list xml:id="l1">
//   w.leaf(lead, "・一つ目。", sentences); // <item xml:id="i1">…<s xml:id="s1">…</s></item>
//   w.close_block();
//   w.close_div();
//   w.end(tail);
class StreamWriter {
 public:
  using Sink = std::function<void(std::string_view)>;
  explicit StreamWriter(Sink sink, std::size_t chunk = std::size_t(1) << 20);
  void begin(const Document& doc);  // doc's root attributes and header; its divisions are ignored
  // A division (its type, id and attributes) whose first block has `lead` before it.
  void open_div(const Division& div, std::string_view lead);
  void block(const Block& b);  // a block made in memory, with its ids, in a division without turns
  // A block written from its source text, numbered from ids(): open_block() with the first
  // leaf's lead (a container's tag goes after it), leaf() for each leaf with the whitespace
  // before it, its text and its sentences' ranges in that text (the text between them is
  // written as it is), close_block(). A note's leaves take `type` (correction, addendum).
  void open_block(BlockKind kind, std::string_view lead, std::string_view type = {});
  void leaf(std::string_view lead, std::string_view text, std::span<const TextRange> sentences);
  void close_block();
  void close_div();
  // A whole division made in memory (its turns, <sp> included), as write() writes it; `persons`
  // are the header's participants (the <speaker> a turn without a label is given).
  void division(const Division& d, const std::vector<Person>& persons);
  // The counters the next ids are taken from.
  IdCounters& ids() { return ids_; }
  // Markup written elsewhere (another StreamWriter's release()), handed to the sink as it is
  // after what is buffered.
  void pass(std::string_view m) {
    flush(true);
    if (!m.empty()) sink_(m);
  }
  // What is buffered and not yet handed to the sink, taken out.
  std::string release() { return std::move(buf_); }
  // The text after the last block, then </body></text>, the stand-off, </TEI>.
  void end(std::string_view tail, const StandOff& standoff = {});
  // The same for a document read from TEI: its tail, <back>, stand-off and what follows <text>.
  void end(const Document& doc);

 private:
  void flush(bool force);
  void check() { flush(false); }
  bool take_first() {
    bool f = first_in_div_;
    first_in_div_ = false;
    return f;
  }
  Sink sink_;
  std::size_t chunk_;
  std::string buf_;
  IdCounters ids_;
  bool first_in_div_ = false;
  // The block open_block() opened: its container (nullptr: none), its leaves' element and
  // prefix, their counter, and whether the next leaf's lead is already out.
  const char* container_ = nullptr;
  const char* leaf_element_ = "p";
  const char* leaf_prefix_ = "p";
  std::size_t* leaf_counter_ = nullptr;
  std::string leaf_type_;
  bool lead_out_ = false;
};

}  // namespace jatei::tei
