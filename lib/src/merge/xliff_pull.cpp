#include "merge/xliff_pull.hpp"

#include <libxml/xmlreader.h>

#include <climits>
#include <cstdlib>
#include <cstring>

#include "jatei/error.hpp"
#include "jatei/utf8.hpp"
#include "tei/xml_input.hpp"

namespace jatei::xliffmerge {

const char* namespace_of_version(const std::string& version) {
  if (version == "2.0" || version == "2.1" || version == "2.2") return "urn:oasis:names:tc:xliff:document:2.0";
  // 1.1: what translate-toolkit's po2xliff writes without a template.
  if (version == "1.2") return "urn:oasis:names:tc:xliff:document:1.2";
  if (version == "1.1") return "urn:oasis:names:tc:xliff:document:1.1";
  return nullptr;
}

bool is_inline_code(std::string_view n) {
  return n == "ph" || n == "sc" || n == "ec" || n == "sm" || n == "em" || n == "x" || n == "bx" || n == "ex" ||
         n == "bpt" || n == "ept" || n == "it";
}

namespace {

std::string_view local_of(std::string_view qname) {
  auto c = qname.find(':');
  return c == std::string_view::npos ? qname : qname.substr(c + 1);
}

// The bytes handed to libxml2 a chunk at a time (xmlReaderForMemory would copy them whole first).
struct Feed {
  const char* p;
  std::size_t left;
};

int feed(void* context, char* buffer, int len) {
  auto* f = static_cast<Feed*>(context);
  std::size_t n = std::min(f->left, static_cast<std::size_t>(len < 0 ? 0 : len));
  std::memcpy(buffer, f->p, n);
  f->p += n;
  f->left -= n;
  return static_cast<int>(n);
}

// What an open element is to the read.
enum class Role {
  outside,  // not in a segment
  unit,     // the segment (2.x) or trans-unit (1.x) being read
  header,   // a 1.x PO header unit: passed over
  skip,     // inside a unit, not read (notes, inline codes, <cp>, other children)
  group,    // a 1.x <context-group purpose="location">
  text,     // <source>, <target>, a sourcefile <context>, or an inline element in one: its text is read
};

struct Frame {
  Role role;
  std::string* into = nullptr;  // Role::text: where the text goes
  bool locked = false;          // translate="no" here or on the nearest ancestor that says
};

class Puller {
 public:
  Puller(xmlTextReaderPtr r, PulledHead& head, const std::function<bool(Seg&)>& each) : r_(r), head_(head), each_(each) {}

  bool run() {
    int rc;
    while (ok_ && (rc = xmlTextReaderRead(r_)) == 1) {
      switch (xmlTextReaderNodeType(r_)) {
        case XML_READER_TYPE_ELEMENT: {
          bool empty = xmlTextReaderIsEmptyElement(r_) == 1;
          start();
          if (ok_ && empty) end();
          break;
        }
        case XML_READER_TYPE_END_ELEMENT:
          end();
          break;
        case XML_READER_TYPE_TEXT:
        case XML_READER_TYPE_CDATA:
        case XML_READER_TYPE_WHITESPACE:
        case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
          if (!stack_.empty() && stack_.back().into) {
            if (const xmlChar* v = xmlTextReaderConstValue(r_)) *stack_.back().into += reinterpret_cast<const char*>(v);
          }
          break;
        case XML_READER_TYPE_DOCUMENT_TYPE:
        case XML_READER_TYPE_ENTITY_REFERENCE:
        case XML_READER_TYPE_ENTITY:
          ok_ = false;  // no DTD is processed by the whole read
          break;
        default:
          break;
      }
    }
    return ok_ && rc == 0 && seen_root_ && stack_.empty();
  }

  bool* ok() { return &ok_; }

 private:
  std::string_view name() const {
    const xmlChar* n = xmlTextReaderConstName(r_);
    return n ? std::string_view(reinterpret_cast<const char*>(n)) : std::string_view();
  }
  // The value of the attribute of this qualified name ("" when absent), as pugixml's
  // attribute(name): namespace declarations are attributes here too.
  std::string attr(std::string_view qname) {
    std::string out;
    if (xmlTextReaderMoveToFirstAttribute(r_) != 1) return out;
    do {
      if (name() == qname) {
        if (const xmlChar* v = xmlTextReaderConstValue(r_)) out = reinterpret_cast<const char*>(v);
        break;
      }
    } while (xmlTextReaderMoveToNextAttribute(r_) == 1);
    xmlTextReaderMoveToElement(r_);
    return out;
  }

  void root() {
    std::string qname(name());
    seen_root_ = true;
    if (local_of(qname) != "xliff") return fail();
    head_.version = attr("version");
    const char* ns = namespace_of_version(head_.version);
    if (!ns) return fail();
    head_.v2 = head_.version.rfind("2.", 0) == 0;
    std::size_t colon = qname.find(':');
    if (attr(colon == std::string::npos ? "xmlns" : "xmlns:" + qname.substr(0, colon)) != ns) return fail();
    if (head_.v2) head_.root_lang = attr("trgLang");
    unit_ = head_.v2 ? "segment" : "trans-unit";
    stack_.push_back({Role::outside});
  }

  void start() {
    if (stack_.size() >= xml_input::kMaxDepth) return fail();  // this one would be deeper
    if (stack_.empty()) {
      if (seen_root_) return fail();
      return root();
    }
    std::string_view qname = name();
    std::string_view local = local_of(qname);
    const Frame parent = stack_.back();
    bool is_unit = local == unit_;
    if (is_unit && units_open_ > 0) return fail();  // a segment in a segment: the whole read's business
    switch (parent.role) {
      case Role::outside:
        if (is_unit) return open_unit(locked_under(parent));
        if (stack_.size() == 1 && qname == "file" && !file_seen_) {
          file_seen_ = true;
          if (!head_.v2) head_.root_lang = attr("target-language");
        }
        stack_.push_back({Role::outside, nullptr, locked_under(parent)});
        return;
      case Role::unit:
        if (local == "source") {
          stack_.push_back({Role::text, &seg_.source});
        } else if (local == "target") {
          seg_.has_target = true;
          if (!head_.v2) seg_.state = attr("state");
          if (head_.target_lang.empty()) head_.target_lang = attr("xml:lang");
          stack_.push_back({Role::text, &seg_.target});
        } else if (!head_.v2 && local == "context-group" && attr("purpose") == "location") {
          stack_.push_back({Role::group});
        } else {
          stack_.push_back({Role::skip});
        }
        return;
      case Role::group:
        if (local == "context" && attr("context-type") == "sourcefile") {
          location_.clear();
          stack_.push_back({Role::text, &location_});
          context_ = stack_.size();
        } else {
          stack_.push_back({Role::skip});
        }
        return;
      case Role::text:
        if (local == "cp") {
          std::string hex = attr("hex");
          unsigned long v = std::strtoul(hex.c_str(), nullptr, 16);
          if (v > 0 && v <= 0x10FFFF) utf8::append(*parent.into, static_cast<char32_t>(v));
          stack_.push_back({Role::skip});
        } else if (is_inline_code(local)) {
          stack_.push_back({Role::skip});
        } else {
          stack_.push_back({Role::text, parent.into});  // mrk, pc, g, sub: their text is read
        }
        return;
      case Role::header:
      case Role::skip:
        stack_.push_back({Role::skip});
        return;
    }
  }

  // Whether this element is translate="no": its own attribute, else its parent's answer.
  bool locked_under(const Frame& parent) {
    std::string t = attr("translate");
    return t == "no" || (t != "yes" && parent.locked);
  }

  void open_unit(bool locked) {
    ++units_open_;
    if (!head_.v2 && attr("restype") == "x-gettext-domain-header") {  // the PO header po2xliff carries
      stack_.push_back({Role::header});
      return;
    }
    seg_ = Seg{};
    seg_.id = attr("id");
    seg_.locked = locked;
    if (head_.v2) seg_.state = attr("state");
    stack_.push_back({Role::unit});
  }

  void end() {
    if (stack_.empty()) return fail();
    Frame f = stack_.back();
    std::size_t depth = stack_.size();
    stack_.pop_back();
    if (f.role == Role::unit || f.role == Role::header) --units_open_;
    if (f.role == Role::unit && !each_(seg_)) fail();
    if (f.role == Role::text && depth == context_) {
      context_ = 0;
      if (!location_.empty()) seg_.locations.push_back(location_);
    }
  }

  void fail() { ok_ = false; }

  xmlTextReaderPtr r_;
  PulledHead& head_;
  const std::function<bool(Seg&)>& each_;
  std::vector<Frame> stack_;
  std::string_view unit_;
  Seg seg_;
  std::string location_;
  std::size_t context_ = 0;  // depth of the open sourcefile <context>, 0 when none
  std::size_t units_open_ = 0;
  bool seen_root_ = false;
  bool file_seen_ = false;
  bool ok_ = true;
};

void say_nothing(void*, const char*, ...) {}

// Whether the XML declaration, if there is one, names no encoding or UTF-8.
bool declares_utf8_or_nothing(std::string_view x) {
  if (x.starts_with("\xEF\xBB\xBF")) x.remove_prefix(3);
  if (!x.starts_with("<?xml")) return true;
  std::string_view decl = x.substr(0, x.find("?>"));
  std::size_t e = decl.find("encoding");
  if (e == std::string_view::npos) return true;
  std::size_t q = decl.find_first_of("\"'", e);
  if (q == std::string_view::npos) return false;
  std::size_t end = decl.find(decl[q], q + 1);
  if (end == std::string_view::npos) return false;
  std::string name(decl.substr(q + 1, end - q - 1));
  for (char& c : name) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return name == "utf-8";
}

}  // namespace

bool pull_segments(std::string_view xliff, PulledHead& head, const std::function<bool(Seg&)>& each) {
  // What xml_input::parse refuses by a scan of the bytes, refused the same way here (the whole read
  // then gives its message), and no DOCTYPE at all: libxml2 would read what its internal subset
  // declares, pugixml does not.
  try {
    xml_input::check_characters(xliff);
    xml_input::check_doctype(xliff);
    xml_input::check_references(xliff);
  } catch (const DataError&) {
    return false;
  }
  if (xliff.find("<!DOCTYPE") != std::string_view::npos) return false;
  // A declaration of another encoding: pugixml reads the bytes as UTF-8 whatever it says,
  // libxml2 converts from what it says.
  if (!declares_utf8_or_nothing(xliff)) return false;
  Feed f{xliff.data(), xliff.size()};
  // What libxml2 says outside the reader's handler (its encoding layer) is not for the user:
  // this thread's generic handler is silenced while it reads, then given back.
  xmlGenericErrorFunc saved = xmlGenericError;
  void* saved_context = xmlGenericErrorContext;
  xmlSetGenericErrorFunc(nullptr, say_nothing);
  // UTF-8 (checked above, and no other encoding declared): libxml2's own, no conversion.
  xmlTextReaderPtr r = xmlReaderForIO(feed, nullptr, &f, "xliff", nullptr, XML_PARSE_NONET);
  bool ok = false;
  if (r) {
    Puller p(r, head, each);
    xmlTextReaderSetStructuredErrorHandler(
        r, [](void* flag, xmlErrorPtr) { *static_cast<bool*>(flag) = false; }, p.ok());
    ok = p.run();
    xmlFreeTextReader(r);
  }
  xmlSetGenericErrorFunc(saved_context, saved);
  return ok;
}

}  // namespace jatei::xliffmerge
