// Reading XML that comes from outside (TEI, XLIFF, TBX, stand-off): one gate every reader goes
// through before it trusts a tree.
//
//   std::vector<char> buffer;
//   pugi::xml_document dom;
//   xml_input::parse(xml, pugi::parse_default | pugi::parse_ws_pcdata, buffer, dom);
//   // dom holds one root element, nested no deeper than xml_input::kMaxDepth, and only
//   // characters XML 1.0 can hold; otherwise DataError at the line and column.
//
// pugixml parses without recursion but takes, as text, what XML forbids: ill-formed UTF-8,
// control characters (raw or as &#x1;), U+FFFE/U+FFFF, references to surrogates, &#0; (which
// ends its text node early), undefined entities and bare '&'; it also builds trees of any
// depth, which every reader after it walks recursively. These checks close both gaps.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <pugixml.hpp>

namespace jatei::xml_input {

// The deepest element nesting accepted (the root is depth 1). jatei's own documents nest about
// ten deep; libxml2 refuses more than 256 by default, which this follows.
inline constexpr std::size_t kMaxDepth = 256;

// Visits every node below `root` (not root itself) depth first without recursion (down to the
// first child, else across, else up and across), with its depth: root's `depth`, each child one
// more. The walk of parse() over a whole document and of the block reader over a fragment.
template <class Visit>
void walk_below(pugi::xml_node root, std::size_t depth, Visit&& visit) {
  pugi::xml_node n = root;
  for (;;) {
    if (pugi::xml_node c = n.first_child()) {
      n = c;
      ++depth;
    } else {
      while (n != root && !n.next_sibling()) {
        n = n.parent();
        --depth;
      }
      if (n == root) return;
      n = n.next_sibling();
    }
    visit(n, depth);
  }
}

// 1-based line and column of a byte offset (for error messages).
std::pair<std::size_t, std::size_t> line_col(std::string_view xml, std::size_t offset);

// Refuses bytes XML 1.0 cannot carry: ill-formed UTF-8 (surrogates included), C0 controls other
// than tab, LF and CR, U+FFFE and U+FFFF. Throws DataError naming where.
void check_characters(std::string_view xml);

// Refuses, outside comments, CDATA and processing instructions: entity references other than
// the five XML predefines, a bare '&', and character references to anything that is not an XML
// Char (NUL, controls, surrogates, U+FFFE/FFFF, past U+10FFFF). Throws DataError naming where.
void check_references(std::string_view xml);

// Refuses a DOCTYPE that declares entities (no DTD is ever processed).
void check_doctype(std::string_view xml);

// The namespace URI of the root element, "" when it has none. A root has no ancestors, so its
// namespace is declared on itself: xmlns, or xmlns:P for a name P:local.
std::string_view root_namespace(const pugi::xml_node& root);

// The text an element holds, its descendants' included (character data and CDATA, in order).
std::string text_of(const pugi::xml_node& n);

// Runs of XML white space (space, tab, CR, LF) made one space, none at either end (for
// comparing texts).
std::string squash_space(std::string_view s);

// All of the above, with a pugixml parse of a copy of `xml` in `buffer` (kept alive by the
// caller: the tree points into it), XML's rule of one root element with nothing but
// whitespace, comments and processing instructions beside it, and no element nested deeper
// than kMaxDepth (walked without recursion). Throws DataError.
void parse(std::string_view xml, unsigned flags, std::vector<char>& buffer, pugi::xml_document& dom);

// The starts of a text's lines, taken before the text is parsed in place (which changes it),
// so that messages still say where.
class Lines {
 public:
  explicit Lines(std::string_view text);
  // 1-based line and byte column of an offset of the text as it was.
  std::pair<std::size_t, std::size_t> at(std::size_t offset) const;

 private:
  std::vector<std::size_t> starts_;
};

// The same checks and parse as parse(), in `xml`'s own memory instead of a copy (the tree points
// into it, so it must outlive `dom`; its bytes are no longer the text). `lines` is Lines(xml)
// taken before the call. For a reader that has the text to itself (tei::read_in_place).
void parse_in_place(std::string& xml, unsigned flags, pugi::xml_document& dom, const Lines& lines);

}  // namespace jatei::xml_input
