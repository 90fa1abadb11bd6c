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
#include <string>
#include <string_view>

#include "jatei/document.hpp"

namespace jatei::tei {

inline constexpr const char* kNamespace = "http://www.tei-c.org/ns/1.0";

// Parses a TEI document of the jatei profile. Throws DataError (with line and column) for
// malformed XML, DTDs with entity declarations, a root that is not TEI, or a body that does
// not follow the profile.
Document read(std::string_view xml, const std::string& origin = "-");

// Serialises a document. Deterministic: the same document gives the same bytes.
std::string write(const Document& doc);

// Writes a document in pieces, for a producer that never holds all of it (jatei-segment on a
// large file): begin() with the root attributes and header, then each division's blocks, then
// end(). The bytes are those write() gives for the same document. Output goes to the sink in
// chunks of about `chunk` bytes.
class StreamWriter {
 public:
  using Sink = std::function<void(std::string_view)>;
  explicit StreamWriter(Sink sink, std::size_t chunk = std::size_t(1) << 20);
  void begin(const Document& doc);  // doc's root attributes and header; its divisions are ignored
  // A division (its type, id and attributes) whose first block has `lead` before it.
  void open_div(const Division& div, std::string_view lead);
  void block(const Block& b);  // in a division without speaker turns
  void close_div();
  // For a producer that writes blocks itself: whether the next block is the first of its
  // division (its first lead went out before <div>; asking clears it), markup as it is, and
  // text escaped. `check()` passes a full buffer on to the sink.
  bool take_first() {
    bool f = first_in_div_;
    first_in_div_ = false;
    return f;
  }
  void markup(std::string_view m) { buf_ += m; }
  void text(std::string_view t);
  std::string& buffer() { return buf_; }
  void check() { flush(false); }
  // Markup written elsewhere, handed to the sink as it is (after what is buffered).
  void pass(std::string_view m) {
    flush(true);
    if (!m.empty()) sink_(m);
  }
  void end(const std::string& tail, const std::string& standoff = {});

 private:
  void flush(bool force);
  Sink sink_;
  std::size_t chunk_;
  std::string buf_;
  bool first_in_div_ = false;
};

}  // namespace jatei::tei
