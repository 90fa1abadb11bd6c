#include "tei/xml_input.hpp"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include "jatei/error.hpp"
#include "jatei/utf8.hpp"
#include "text/utf8_check.hpp"

// N_("…"): a message template the tools translate whole (po/ja.po; xgettext --keyword=N_).
#define N_(english) english

namespace jatei::xml_input {

namespace {

[[noreturn]] void fail_at(std::string_view xml, std::size_t offset, const std::string& message) {
  auto [line, col] = line_col(xml, offset);
  throw DataError(message, line, col, offset);
}

// XML 1.0 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
bool is_xml_char(unsigned long c) {
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) ||
         (c >= 0x10000 && c <= 0x10FFFF);
}

std::string hex(unsigned long c) {
  static const char digits[] = "0123456789ABCDEF";
  std::string out;
  do {
    out.insert(out.begin(), digits[c & 0xF]);
    c >>= 4;
  } while (c);
  while (out.size() < 4) out.insert(out.begin(), '0');
  return "U+" + out;
}

// The value of the character reference whose digits are `digits` (after "&#"), or a value past
// U+10FFFF when it has none or too many.
unsigned long reference_value(std::string_view digits) {
  bool is_hex = !digits.empty() && digits[0] == 'x';
  if (is_hex) digits.remove_prefix(1);
  if (digits.empty()) return 0x110000;
  unsigned long v = 0;
  for (char c : digits) {
    int d = c >= '0' && c <= '9' ? c - '0'
            : is_hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
            : is_hex && c >= 'A' && c <= 'F' ? c - 'A' + 10
                                             : -1;
    if (d < 0) return 0x110000;
    v = v * (is_hex ? 16 : 10) + static_cast<unsigned long>(d);
    if (v > 0x10FFFF) return 0x110000;
  }
  return v;
}

}  // namespace

std::pair<std::size_t, std::size_t> line_col(std::string_view xml, std::size_t offset) {
  offset = std::min(offset, xml.size());
  std::string_view before = xml.substr(0, offset);
  std::size_t line = 1 + static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n'));
  std::size_t nl = before.rfind('\n');
  std::size_t start = nl == std::string_view::npos ? 0 : nl + 1;
  return {line, offset - start + 1};
}

void check_characters(std::string_view xml) {
  if (xml.size() >= 2 && ((xml[0] == '\xFF' && xml[1] == '\xFE') || (xml[0] == '\xFE' && xml[1] == '\xFF')))
    fail_at(xml, 0, "UTF-16 XML is not read: convert it to UTF-8 first (iconv -f UTF-16 -t UTF-8)");
  if (!utf8_check::known_valid(xml)) {
    for (std::size_t i = 0; i < xml.size();) {
      if (static_cast<unsigned char>(xml[i]) < 0x80) {
        ++i;
        continue;
      }
      std::size_t n = utf8::valid_prefix(xml.substr(i, 4));
      if (n == 0) fail_at(xml, i, "invalid UTF-8 at byte offset " + std::to_string(i));
      i += n;
    }
  }
  // What UTF-8 can hold but XML cannot: controls other than tab, LF, CR; U+FFFE, U+FFFF.
  for (std::size_t i = utf8_check::unchanged_until(xml, 0); i < xml.size(); ++i) {
    auto b = static_cast<unsigned char>(xml[i]);
    if (b < 0x20 && b != '\t' && b != '\n' && b != '\r')
      fail_at(xml, i, "a character XML cannot hold: control character " + hex(b));
    if (b == 0xEF && i + 2 < xml.size() && static_cast<unsigned char>(xml[i + 1]) == 0xBF &&
        (static_cast<unsigned char>(xml[i + 2]) & 0xFE) == 0xBE)
      fail_at(xml, i, "a character XML cannot hold: noncharacter " + hex(0xFFFE + (static_cast<unsigned char>(xml[i + 2]) & 1)));
    if (b == '\r') {  // the fast scan stops at CR, which XML allows: go on quickly after it
      std::size_t next = utf8_check::unchanged_until(xml, i + 1);
      if (next > i + 1) i = next - 1;
    }
  }
}

void check_references(std::string_view xml) {
  static constexpr std::pair<std::string_view, std::string_view> skips[] = {
      {"<!--", "-->"}, {"<![CDATA[", "]]>"}, {"<?", "?>"}};
  std::size_t i = 0;
  while ((i = xml.find_first_of("<&", i)) != std::string_view::npos) {
    if (xml[i] == '<') {
      std::size_t next = i + 1;
      for (auto& [open, close] : skips) {
        if (xml.substr(i, open.size()) != open) continue;
        std::size_t e = xml.find(close, i + open.size());
        next = e == std::string_view::npos ? xml.size() : e + close.size();
        break;
      }
      i = next;
      continue;
    }
    std::size_t semi = xml.find(';', i);
    std::string_view name = semi == std::string_view::npos ? std::string_view() : xml.substr(i + 1, semi - i - 1);
    if (!name.empty() && name[0] == '#') {
      unsigned long c = reference_value(name.substr(1));
      if (c > 0x10FFFF) fail_at(xml, i, "malformed XML: a character reference that is not a number: &" + std::string(name.substr(0, 12)) + ";");
      if (!is_xml_char(c)) fail_at(xml, i, "a character XML cannot hold: &" + std::string(name) + "; (" + hex(c) + ")");
    } else if (name != "amp" && name != "lt" && name != "gt" && name != "quot" && name != "apos") {
      fail_at(xml, i, "malformed XML: undefined entity or a bare '&' (write &amp;)");
    }
    i = semi + 1;
  }
}

void check_doctype(std::string_view xml) {
  std::size_t p = xml.find("<!DOCTYPE");
  if (p == std::string_view::npos) return;
  std::size_t q = xml.find("<!ENTITY", p);
  if (q != std::string_view::npos) fail_at(xml, q, "entity declarations are not accepted (no DTD processing)");
}

std::string_view root_namespace(const pugi::xml_node& root) {
  std::string_view name = root.name();
  std::size_t colon = name.find(':');
  std::string attr = colon == std::string_view::npos ? "xmlns" : "xmlns:" + std::string(name.substr(0, colon));
  return root.attribute(attr.c_str()).value();
}

std::string text_of(const pugi::xml_node& n) {
  std::string out;
  for (auto c : n.children()) {
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) out += c.value();
    else if (c.type() == pugi::node_element) out += text_of(c);
  }
  return out;
}

std::string squash_space(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

namespace {

// After the checks on the text: the parse of `data` (the text itself or a copy), then one root
// with nothing but whitespace, comments and processing instructions beside it, and the depth.
// What pugixml's "Start-end tags mismatch" leaves unsaid: which element is still open where the
// parse stopped. The tree holds every node before the error, but not whether the deepest of them
// were closed: the end tags between the last node and the error (the only markup there, since no
// node starts after the last one) close the deepest elements of its path one by one. The buffer
// was parsed in place, so a '<' before '/' may have become the NUL that ends a text, and the '/'
// of an empty element's "<x/>" the NUL that ends its name. Empty when the end tags there do not
// close that path in order (nothing is guessed).
struct Unclosed {
  std::string name;       // the innermost element still open
  std::size_t at = 0;     // the offset of its '<'
  std::size_t outer = 0;  // how many elements around it are open too
};

std::optional<Unclosed> unclosed_at(const char* data, std::size_t size, std::size_t at, const pugi::xml_document& dom) {
  // The parser ends a buffer by putting a NUL in place of its last byte: an end tag's '>' there.
  auto is_gt = [&](std::size_t g) { return data[g] == '>' || (g + 1 == size && data[g] == '\0'); };
  std::vector<pugi::xml_node> open;  // the elements on the path to the last node, outermost first
  pugi::xml_node last = dom;
  while (pugi::xml_node c = last.last_child()) {
    last = c;
    if (c.type() == pugi::node_element) open.push_back(c);
  }
  if (open.empty()) return std::nullopt;
  // An empty name or value may be the parser's own "" rather than a place in the buffer.
  bool outside = false;
  auto offset_of = [&](const char* p) {
    if (p < data || p > data + size) {
      outside = true;
      return std::size_t{0};
    }
    return static_cast<std::size_t>(p - data);
  };
  // Markup after the last node begins past its own text: a value, or an element's name and
  // attributes, then the rest of its start tag.
  std::size_t from;
  if (last.type() == pugi::node_element) {
    from = offset_of(last.name()) + std::strlen(last.name());
    bool attributes = false;
    for (pugi::xml_attribute a : last.attributes()) {
      from = std::max(from, offset_of(a.value()) + std::strlen(a.value()));
      attributes = true;
    }
    // "<x/>": the '/' became the NUL that ends the name. "<x a="v"/>" or "<x />": the NUL
    // ends the name or the value, then spaces and an intact "/>". "<x>" is followed by markup
    // (it has no children): its '>' became the NUL.
    std::size_t j = from + 1;
    while (j < at && (data[j] == ' ' || data[j] == '\t' || data[j] == '\r' || data[j] == '\n')) ++j;
    bool empty_tag = (j + 1 <= at && j + 1 < size && data[j] == '/' && is_gt(j + 1)) ||
                     (!attributes && from + 1 <= at && from + 1 < size && data[from] == '\0' && is_gt(from + 1));
    if (empty_tag) open.pop_back();
  } else {
    from = offset_of(last.value()) + std::strlen(last.value());
  }
  if (outside || from > at) return std::nullopt;
  auto is_name_char = [](unsigned char c) {
    return c >= 0x80 || std::isalnum(c) || c == '_' || c == ':' || c == '-' || c == '.';
  };
  // Each end tag, "</x>" or "\0/x>", closes the innermost element still open, which it names.
  for (std::size_t i = from + 1; i + 1 < at; ++i) {
    if (data[i] != '/' || (data[i - 1] != '<' && data[i - 1] != '\0')) continue;
    std::size_t e = i + 1;
    while (e < at && is_name_char(static_cast<unsigned char>(data[e]))) ++e;
    std::size_t g = e;
    while (g < at && (data[g] == ' ' || data[g] == '\t' || data[g] == '\r' || data[g] == '\n')) ++g;
    if (e == i + 1 || g > at || g >= size || !is_gt(g)) continue;
    if (open.empty() || std::string_view(data + i + 1, e - i - 1) != open.back().name()) return std::nullopt;
    open.pop_back();
    i = g;
  }
  if (open.empty()) return std::nullopt;
  Unclosed u;
  u.name = open.back().name();
  std::size_t name_at = offset_of(open.back().name());
  if (outside) return std::nullopt;
  u.at = name_at > 0 ? name_at - 1 : 0;
  u.outer = open.size() - 1;
  return u;
}

template <class Fail, class Locate>
void parse_checked(char* data, std::size_t size, unsigned flags, pugi::xml_document& dom, const Fail& fail, const Locate& locate) {
  // Where the document's last characters are (before the parser writes into the buffer).
  std::size_t last = std::string_view(data, size).find_last_not_of(" \t\r\n");
  // Nothing to parse: say that, rather than the parser's "no document element".
  if (last == std::string_view::npos)
    fail(0, size == 0 ? "the file is empty: no XML document in it"
                      : "the file holds only white space: no XML document in it");
  // Plain text given to a tool that reads TEI (the commonest mistake: a stage before
  // jatei-segment): said as such, not as the parser's "text outside the root element".
  std::string_view all(data, size);
  std::size_t first = all.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  first = all.find_first_not_of(" \t\r\n", first);
  if (first != std::string_view::npos && all[first] != '<')
    fail(first, "not XML (plain text?): this tool reads the TEI that jatei-segment writes (jatei-segment FILE | …)");
  // parse_fragment keeps text beside the root element as nodes, so it can be refused below.
  pugi::xml_parse_result r = dom.load_buffer_inplace(data, size, flags | pugi::parse_fragment, pugi::encoding_utf8);
  if (!r) {
    // An error at the last characters is a document cut short (a truncated download, a full disk
    // when it was written): say so, since the parser's own words ("Start-end tags mismatch")
    // read as if a tag were misspelt somewhere.
    std::size_t at = static_cast<std::size_t>(r.offset);
    bool cut = r.status != pugi::status_no_document_element && (last == std::string_view::npos || at >= last);
    std::optional<Unclosed> open;
    if (r.status == pugi::status_end_element_mismatch) open = unclosed_at(data, size, std::min(at, size), dom);
    if (open) {
      auto [line, col] = locate(open->at);
      std::vector<std::string> args{open->name, std::to_string(line), std::to_string(col), std::to_string(open->outer)};
      if (cut && open->outer == 0)
        fail(at, N_("malformed XML: the document ends before its elements are closed (truncated?): <{1}>, opened at "
                    "line {2}, column {3}, is not closed"),
             args);
      if (cut)
        fail(at, N_("malformed XML: the document ends before its elements are closed (truncated?): <{1}>, opened at "
                    "line {2}, column {3}, is not closed (elements open around it: {4})"),
             args);
      // The end tag the parser stopped at (its name is untouched by the parse).
      std::size_t e = at;
      while (e < size && data[e] != '>' && data[e] != ' ' && data[e] != '\t' && data[e] != '\r' && data[e] != '\n' && data[e] != '\0') ++e;
      args.insert(args.begin(), std::string(data + at, e - at));
      fail(at, N_("malformed XML: </{1}> does not close <{2}>, which is open since line {3}, column {4}"), args);
    }
    fail(at, std::string("malformed XML: ") + (cut ? "the document ends before its elements are closed (truncated?): " : "") +
                 r.description());
  }
  for (auto n : dom.children()) {
    if (n.type() == pugi::node_element && n != dom.document_element())
      fail(static_cast<std::size_t>(n.offset_debug()), "malformed XML: more than one root element");
    if (n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata) {
      std::string_view v = n.value();
      if (v.find_first_not_of(" \t\r\n") != std::string_view::npos)
        fail(static_cast<std::size_t>(n.offset_debug()), "malformed XML: text outside the root element");
    }
  }
  if (!dom.document_element()) fail(size, "malformed XML: no document element");
  walk_below(dom.document_element(), 1, [&](pugi::xml_node n, std::size_t depth) {
    if (depth > kMaxDepth && n.type() == pugi::node_element)
      fail(static_cast<std::size_t>(n.offset_debug()), "elements nested more than " + std::to_string(kMaxDepth) + " deep");
  });
}

}  // namespace

void parse(std::string_view xml, unsigned flags, std::vector<char>& buffer, pugi::xml_document& dom) {
  check_characters(xml);
  check_doctype(xml);
  check_references(xml);
  buffer.assign(xml.begin(), xml.end());
  parse_checked(
      buffer.data(), buffer.size(), flags, dom,
      [&](std::size_t offset, const std::string& message, std::vector<std::string> args = {}) {
        auto [line, col] = line_col(xml, offset);
        throw DataError::whole(message, std::move(args), line, col, offset);
      },
      [&](std::size_t offset) { return line_col(xml, offset); });
}

Lines::Lines(std::string_view text) {
  starts_.push_back(0);
  for (std::size_t i = text.find('\n'); i != std::string_view::npos; i = text.find('\n', i + 1)) starts_.push_back(i + 1);
}

std::pair<std::size_t, std::size_t> Lines::at(std::size_t offset) const {
  auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  std::size_t line = static_cast<std::size_t>(it - starts_.begin());
  return {line, offset - starts_[line - 1] + 1};
}

void parse_in_place(std::string& xml, unsigned flags, pugi::xml_document& dom, const Lines& lines) {
  check_characters(xml);
  check_doctype(xml);
  check_references(xml);
  std::size_t size = xml.size();
  parse_checked(
      xml.data(), size, flags, dom,
      [&](std::size_t offset, const std::string& message, std::vector<std::string> args = {}) {
        offset = std::min(offset, size);
        auto [line, col] = lines.at(offset);
        throw DataError::whole(message, std::move(args), line, col, offset);
      },
      [&](std::size_t offset) { return lines.at(std::min(offset, size)); });
}

}  // namespace jatei::xml_input
