// libxml2 for RELAX NG (pugixml has no validation); pugixml for the reference checks.
#include "core/data_files.hpp"
#include "jatei/validate.hpp"

#include <libxml/hash.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlreader.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <functional>
#include <limits>
#include <fstream>
#include <mutex>
#include <pugixml.hpp>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "jatei/error.hpp"
#include "tei/xml_input.hpp"

namespace jatei {
namespace {

using data::exe_dir;
using data::file_exists;

// Collects libxml2's structured errors for one validation run.
void silent(void*, xmlErrorPtr) {}

void collect(void* ctx, xmlErrorPtr err) {
  auto* out = static_cast<std::vector<Problem>*>(ctx);
  if (!err || !err->message) return;
  std::string msg = err->message;
  while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
  out->push_back({static_cast<std::size_t>(err->line > 0 ? err->line : 0), msg});
}

// The id and pointer checks on a parsed document.
std::vector<Problem> references_in(const pugi::xml_document& dom, std::string_view xml);

// The separators of an IDREFS-like attribute value (what istringstream's >> skipped).
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

}  // namespace

std::string default_schema_path() {
  if (const char* env = std::getenv("JATEI_SCHEMA"); env && *env) return env;
  std::string build = JATEI_SCHEMA_BUILD_DIR "/jatei.rng";
  std::string installed = JATEI_SCHEMA_INSTALL_DIR "/jatei.rng";
  std::string here = exe_dir();
  // Binaries in an install prefix use the installed schema; build-tree binaries the source's.
  if (!here.empty() && file_exists(here + "/../share/jatei/schemas/jatei.rng"))
    return here + "/../share/jatei/schemas/jatei.rng";
  if (file_exists(build)) return build;
  return installed;
}

struct Validator::Impl {
  xmlRelaxNGPtr schema = nullptr;
};

Validator::Validator(const std::string& schema_path) : impl_(std::make_unique<Impl>()) {
  if (!file_exists(schema_path)) throw IoError("cannot open schema " + schema_path, exit_noinput);
  std::vector<Problem> problems;
  xmlRelaxNGParserCtxtPtr pctx = xmlRelaxNGNewParserCtxt(schema_path.c_str());
  xmlRelaxNGSetParserStructuredErrors(pctx, collect, &problems);
  impl_->schema = xmlRelaxNGParse(pctx);
  xmlRelaxNGFreeParserCtxt(pctx);
  if (!impl_->schema) {
    std::string msg = "cannot compile schema " + schema_path;
    if (!problems.empty()) msg += ": " + problems.front().message;
    throw DataError(msg);
  }
}

Validator::~Validator() {
  if (impl_ && impl_->schema) xmlRelaxNGFree(impl_->schema);
}

namespace {



// How deep the elements of a document nest, by a scan of its bytes: exact on well-formed XML
// (which is all it is trusted for: on the rest, libxml2 stops at the first fault, and before
// it the scan was exact), skipping comments, CDATA sections, processing instructions,
// declarations and quoted attribute values.
std::size_t nesting_depth(std::string_view xml) {
  std::size_t depth = 0, deepest = 0;
  std::size_t i = 0;
  auto skip_past = [&](std::string_view end) {
    std::size_t at = xml.find(end, i);
    i = at == std::string_view::npos ? xml.size() : at + end.size();
  };
  while ((i = xml.find('<', i)) != std::string_view::npos) {
    std::string_view rest = xml.substr(i);
    if (rest.starts_with("<!--")) {
      skip_past("-->");
    } else if (rest.starts_with("<![CDATA[")) {
      skip_past("]]>");
    } else if (rest.starts_with("<?")) {
      skip_past("?>");
    } else if (rest.starts_with("<!")) {
      skip_past(">");
    } else if (rest.starts_with("</")) {
      if (depth > 0) --depth;
      skip_past(">");
    } else {
      ++i;
      char quote = 0, last = 0;
      for (; i < xml.size(); ++i) {
        char c = xml[i];
        if (quote) {
          if (c == quote) quote = 0;
        } else if (c == '"' || c == '\'') {
          quote = c;
        } else if (c == '>') {
          break;
        }
        if (!quote && c != ' ' && c != '\t' && c != '\n' && c != '\r') last = c;
      }
      ++i;
      if (last != '/') deepest = std::max(deepest, ++depth);
    }
  }
  return deepest;
}

}  // namespace

namespace {
// libxml2's reader fed from the bytes a piece at a time (xmlReaderForIO), telling `passed` every
// megabyte how far it has read: the reader keeps nothing of what it has parsed but the
// table of ids, so the bytes behind it need not stay in memory.
struct Feed {
  std::string_view xml;
  std::size_t at = 0, told = 0;
  const std::function<void(std::size_t)>* passed = nullptr;
  static int read(void* ctx, char* buffer, int len) {
    auto* f = static_cast<Feed*>(ctx);
    std::size_t n = std::min(static_cast<std::size_t>(len < 0 ? 0 : len), f->xml.size() - f->at);
    std::copy_n(f->xml.data() + f->at, n, buffer);
    f->at += n;
    // libxml2 copies what it is given: nothing before `at` is read from here again.
    constexpr std::size_t kStep = 1u << 20;
    if (*f->passed && f->at >= f->told + kStep) {
      f->told = f->at;
      (*f->passed)(f->told);
    }
    return static_cast<int>(n);
  }
};
// No network, no DTD loading, no entity substitution; line numbers past 65,535 as they are
// (libxml2 otherwise says 65535 for every line after it).
constexpr int kParseOptions =
    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_HUGE | XML_PARSE_BIG_LINES;

// How many xml:id attributes the bytes hold (an upper bound: the text of a comment counts too).
std::size_t count_ids(std::string_view xml) {
  std::size_t n = 0;
  for (std::size_t at = xml.find("xml:id="); at != std::string_view::npos; at = xml.find("xml:id=", at + 7)) ++n;
  return n;
}

// libxml2 2.9 keeps the xml:id values in a table it makes at the first id, keyed through the
// parser's dictionary, and both stop growing at 16,384 chains: past a few hundred thousand ids
// each new one was compared with dozens and the time grew with the square of the document
// (26 MB of TEI: 101 s, half of it in xmlDictLookup). The table is made here instead, before
// the ids come, with a chain for every id the bytes hold and without the dictionary (the
// table's own hash, its own copies of the keys). An id already in libxml2's table moves over.
void presize_ids(xmlDocPtr doc, std::size_t ids) {
  if (!doc || ids < 4096) return;
  xmlHashTablePtr table = xmlHashCreate(static_cast<int>(std::min<std::size_t>(ids | 1, 1u << 26)));
  if (!table) return;
  if (auto* old = static_cast<xmlHashTablePtr>(doc->ids)) {
    xmlHashScan(
        old, [](void* payload, void* into, const xmlChar* name) {
          xmlHashAddEntry(static_cast<xmlHashTablePtr>(into), name, payload);
        },
        table);
    xmlHashFree(old, nullptr);  // the entries now belong to `table`
  }
  doc->ids = table;
}

// The ids the document being read into a tree holds (read_tree's start of the document).
thread_local std::size_t tree_ids = 0;

// xmlReadMemory, with presize_ids at the start of the document (its SAX handler's
// startDocument creates it, before any id).
xmlDocPtr read_tree(std::string_view xml, const std::string& name, int options) {
  xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
  if (!ctxt) return nullptr;
  tree_ids = count_ids(xml);
  ctxt->sax->startDocument = [](void* c) {
    xmlSAX2StartDocument(c);
    presize_ids(static_cast<xmlParserCtxtPtr>(c)->myDoc, tree_ids);
  };
  xmlDocPtr doc = xmlCtxtReadMemory(ctxt, xml.data(), static_cast<int>(xml.size()), name.c_str(), nullptr, options);
  xmlFreeParserCtxt(ctxt);
  return doc;
}

}  // namespace

bool Validator::valid_streamed(std::string_view xml, const std::string& name, int options,
                               const std::function<void(std::size_t)>& passed) const {
  // What every reader of jatei refuses that a string scan finds, and the nesting: libxml2
  // validates an element it cannot stream on its subtree, recursively, so the depth must be
  // known to be bounded before the schema is applied.
  try {
    xml_input::check_characters(xml);
    xml_input::check_doctype(xml);
    xml_input::check_references(xml);
  } catch (const DataError&) {
    return false;
  }
  if (nesting_depth(xml) >= xml_input::kMaxDepth) return false;
  // The scans above read every byte; the reader reads them again from the start.
  if (passed) passed(xml.size());
  // One pass: the schema node by node, an xml:id on every <s>, the "#id" pointers gathered and
  // looked up at the end in libxml2's table of the ids (a second id is an error of its parser).
  bool ok = true;
  std::unordered_set<std::string> pointers;  // targets without '#'
  Feed feed{xml, 0, 0, &passed};
  // Without the parser's dictionary (XML_PARSE_NODICT): libxml2 2.9 puts every xml:id's value in
  // it, and its table stops growing at 16,384 chains, so each new id was compared with dozens:
  // quadratic past a few hundred thousand sentences (99 s on 81 MB of TEI).
  xmlTextReaderPtr reader =
      xmlReaderForIO(&Feed::read, nullptr, &feed, name.c_str(), nullptr, options | XML_PARSE_NODICT);
  if (!reader) return false;
  // The handler first: the reader passes it on to the validation context the schema creates.
  xmlTextReaderSetStructuredErrorHandler(
      reader, [](void* flag, xmlErrorPtr) { *static_cast<bool*>(flag) = false; }, &ok);
  if (xmlTextReaderRelaxNGSetSchema(reader, impl_->schema) != 0) ok = false;
  int r = 0;
  std::size_t ids = count_ids(xml);
  bool presized = false;
  while (ok && (r = xmlTextReaderRead(reader)) == 1) {
    // The document exists from the first node on (its node, unlike xmlTextReaderCurrentDoc, does
    // not make the reader keep the whole tree).
    if (!presized) {
      presized = true;
      if (xmlNodePtr node = xmlTextReaderCurrentNode(reader)) presize_ids(node->doc, ids);
    }
    if (xmlTextReaderNodeType(reader) != XML_READER_TYPE_ELEMENT) continue;
    bool is_s = std::string_view(reinterpret_cast<const char*>(xmlTextReaderConstName(reader))) == "s";
    if (!xmlTextReaderHasAttributes(reader)) {
      if (is_s) ok = false;
      continue;
    }
    if (is_s) {
      xmlChar* id = xmlTextReaderGetAttribute(reader, BAD_CAST "xml:id");
      if (!id) ok = false;
      xmlFree(id);
    }
    for (const char* attr : {"who", "target", "corresp", "ana", "ref", "resp", "source"}) {
      xmlChar* v = xmlTextReaderGetAttribute(reader, BAD_CAST attr);
      if (!v) continue;
      std::string_view value(reinterpret_cast<const char*>(v));
      std::size_t i = 0;
      while (i < value.size()) {
        while (i < value.size() && is_space(value[i])) ++i;
        std::size_t start = i;
        while (i < value.size() && !is_space(value[i])) ++i;
        if (i - start > 1 && value[start] == '#') pointers.emplace(value.substr(start + 1, i - start - 1));
      }
      xmlFree(v);
    }
  }
  if (r < 0 || xmlTextReaderIsValid(reader) != 1) ok = false;
  // Taking the document from the reader makes its freeing ours (xmlTextReaderCurrentDoc).
  xmlDocPtr doc = ok ? xmlTextReaderCurrentDoc(reader) : nullptr;
  if (ok)
    for (const auto& target : pointers)
      if (!doc || !xmlGetID(doc, BAD_CAST target.c_str())) {
        ok = false;
        break;
      }
  xmlFreeTextReader(reader);
  if (doc) xmlFreeDoc(doc);
  return ok;
}

bool Validator::is_valid(std::string_view xml, const std::string& name) const {
  if (xml.size() > static_cast<std::size_t>(std::numeric_limits<int>::max())) return false;
  return valid_streamed(xml, name, kParseOptions, nullptr);
}

std::vector<Problem> Validator::validate(std::string_view xml, const std::string& name) const {
  return validate(xml, name, nullptr);
}

std::vector<Problem> Validator::validate(std::string_view xml, const std::string& name,
                                         const std::function<void(std::size_t)>& passed) const {
  std::vector<Problem> problems;
  // libxml2 takes the size as an int: past 2 GiB it would read a wrapped length. Said before
  // anything else, which would copy and parse the whole document first.
  if (xml.size() > static_cast<std::size_t>(std::numeric_limits<int>::max())) {
    problems.push_back({0, "too large to validate: libxml2 reads at most 2 GiB (" + std::to_string(xml.size()) + " bytes)"});
    return problems;
  }
  const int opts = kParseOptions;
  // A valid document is recognised as a stream: libxml2's text reader checks the ids and
  // pointers in one pass and the schema node by node in a second, freeing what it has passed,
  // so memory does not grow with the document as trees of it would (several times the file).
  if (valid_streamed(xml, name, opts, passed)) return problems;
  // Otherwise the problems are found on trees, whose messages say what was expected where the
  // streamed ones cascade into messages about text that name no element. First what every
  // reader of jatei refuses (characters XML cannot hold, entity declarations, undefined
  // entities, nesting past xml_input::kMaxDepth, a second root), so that a file this passes is
  // one the tools read, and libxml2 never meets a tree deep enough to exhaust the stack in its
  // recursive validation.
  std::vector<Problem> refs;
  {
    // The pugixml tree (and its buffer) lives only for these checks: freed before libxml2
    // reads the document, so the two trees are never held at once.
    pugi::xml_document dom;
    std::vector<char> buffer;
    try {
      xml_input::parse(xml, pugi::parse_default, buffer, dom);
    } catch (const DataError& e) {
      problems.push_back({e.line(), e.what()});
      return problems;
    }
    refs = references_in(dom, xml);
  }
  xmlSetStructuredErrorFunc(&problems, collect);
  xmlDocPtr doc = read_tree(xml, name, opts);
  xmlSetStructuredErrorFunc(nullptr, silent);
  if (!doc) {
    if (problems.empty()) problems.push_back({1, "not well-formed XML (empty document?)"});
    return problems;
  }
  xmlRelaxNGValidCtxtPtr vctx = xmlRelaxNGNewValidCtxt(impl_->schema);
  xmlRelaxNGSetValidStructuredErrors(vctx, collect, &problems);
  xmlRelaxNGValidateDoc(vctx, doc);
  xmlRelaxNGFreeValidCtxt(vctx);
  xmlFreeDoc(doc);
  // A duplicated xml:id is said once, by references_in ("duplicate xml:id 's4' (first on line
  // 3)"): libxml2 says it again at the same line in its own words, up to three times (ID s4
  // already defined, ID s4 redefined, Invalid attribute id for element s).
  std::set<std::size_t> duplicate_lines;
  for (auto& r : refs)
    if (r.message.starts_with("duplicate xml:id ")) duplicate_lines.insert(r.line);
  std::erase_if(problems, [&](const Problem& p) {
    if (!duplicate_lines.count(p.line)) return false;
    std::string_view m = p.message;
    return (m.starts_with("ID ") && (m.ends_with(" already defined") || m.ends_with(" redefined"))) ||
           m.starts_with("Invalid attribute id for element ");
  });
  problems.insert(problems.end(), refs.begin(), refs.end());
  return problems;
}

std::vector<Problem> check_references(std::string_view xml) {
  pugi::xml_document doc;
  std::vector<char> buf(xml.begin(), xml.end());
  auto r = doc.load_buffer_inplace(buf.data(), buf.size(), pugi::parse_default, pugi::encoding_utf8);
  if (!r) return {};  // reported by the parser already
  return references_in(doc, xml);
}

namespace {
std::vector<Problem> references_in(const pugi::xml_document& dom, std::string_view xml) {
  std::vector<Problem> problems;
  pugi::xml_node doc = dom;
  std::vector<std::size_t> line_starts{0};
  for (std::size_t i = 0; i < xml.size(); ++i)
    if (xml[i] == '\n') line_starts.push_back(i + 1);
  auto line_of = [&](pugi::xml_node n) -> std::size_t {
    auto off = static_cast<std::size_t>(n.offset_debug());
    return static_cast<std::size_t>(std::upper_bound(line_starts.begin(), line_starts.end(), off) - line_starts.begin());
  };
  // Two walks: the ids first (views into the parsed buffer, which outlives this function's
  // use of them), then every pointer checked against them, so no list of pointers is kept.
  std::unordered_map<std::string_view, std::size_t> ids;
  struct Walker : pugi::xml_tree_walker {
    std::function<void(pugi::xml_node)> fn;
    bool for_each(pugi::xml_node& n) override {
      if (n.type() == pugi::node_element) fn(n);
      return true;
    }
  } walker;
  walker.fn = [&](pugi::xml_node n) {
    if (auto id = n.attribute("xml:id")) {
      auto [it, inserted] = ids.emplace(std::string_view(id.value()), 0);
      if (inserted) {
        it->second = line_of(n);
      } else {
        problems.push_back({line_of(n), "duplicate xml:id '" + std::string(id.value()) + "' (first on line " +
                                            std::to_string(it->second) + ")"});
      }
    } else if (std::string_view(n.name()) == "s") {
      problems.push_back({line_of(n), "<s> without xml:id"});
    }
  };
  doc.traverse(walker);
  walker.fn = [&](pugi::xml_node n) {
    for (const char* attr : {"who", "target", "corresp", "ana", "ref", "resp", "source"}) {
      std::string_view value = n.attribute(attr).value();
      std::size_t i = 0;
      while (i < value.size()) {
        while (i < value.size() && is_space(value[i])) ++i;
        std::size_t start = i;
        while (i < value.size() && !is_space(value[i])) ++i;
        std::string_view tok = value.substr(start, i - start);
        if (tok.size() > 1 && tok[0] == '#' && !ids.count(tok.substr(1)))
          problems.push_back({line_of(n), "pointer " + std::string(tok) + " on <" + std::string(n.name()) +
                                              "> does not resolve"});
      }
    }
  };
  doc.traverse(walker);
  return problems;
}

}  // namespace

}  // namespace jatei
